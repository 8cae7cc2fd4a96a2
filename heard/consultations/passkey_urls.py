"""Passkeys through django-otp-webauthn, at /<language>/staff/webauthn/: its views, with the
History told when a passkey is added or used, and its scripts' strings in French too (the
catalogue reads heard/locale as well as the package's)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from django.views.i18n import JavaScriptCatalog
from django_otp_webauthn.views import (
    BeginCredentialAuthenticationView,
    BeginCredentialRegistrationView,
    CompleteCredentialAuthenticationView,
    CompleteCredentialRegistrationView,
)

from heard.core import factors


class CompleteRegistration(CompleteCredentialRegistrationView):
    def post(self, *args: Any, **kwargs: Any) -> Any:
        from django_otp_webauthn.utils import get_credential_model

        response = super().post(*args, **kwargs)
        if response.status_code == 200:
            credential = (
                get_credential_model()
                .objects.filter(user=self.request.user)
                .order_by("-pk")
                .first()
            )
            if credential is not None:
                factors.record_passkey_added(self.request.user, credential)
        return response


class CompleteAuthentication(CompleteCredentialAuthenticationView):
    def complete_auth(self, device: Any) -> Any:
        result = super().complete_auth(device)
        factors.record_passkey_used(self.request.user, device)
        return result


app_name = "otp_webauthn"  # the package's scripts find these by its names
urlpatterns = [
    path(
        "registration/begin/",
        BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path(
        "registration/complete/",
        CompleteRegistration.as_view(),
        name="credential-registration-complete",
    ),
    path(
        "authentication/begin/",
        BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path(
        "authentication/complete/",
        CompleteAuthentication.as_view(),
        name="credential-authentication-complete",
    ),
    path(
        "jsi18n/",
        JavaScriptCatalog.as_view(packages=["django_otp_webauthn"]),
        name="js-i18n-catalog",
    ),
]
