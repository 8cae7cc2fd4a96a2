"""Response headers that Django's SecurityMiddleware does not set itself."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from heard.core.addresses import STAFF_PREFIXES


class SecurityHeadersMiddleware:
    """Add the content security policy and the permissions policy to every response.

    The policy allows resources from this host only and no inline script or style, so a page
    can never make a request to another host, even if some content slipped past escaping.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", settings.CONTENT_SECURITY_POLICY)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        if request.path.startswith(STAFF_PREFIXES):
            # Staff pages show unpublished and personal data: never keep them in a cache.
            response.headers["Cache-Control"] = "no-store"
        return response


def allow_feature(response: HttpResponse, feature: str) -> HttpResponse:
    """Let this one page use a browser feature the permissions policy turns off everywhere else
    (a questionnaire page asking where something is may offer the browser's location)."""
    response.headers["Permissions-Policy"] = settings.PERMISSIONS_POLICY.replace(
        f"{feature}=()", f"{feature}=(self)"
    )
    return response


class SecondFactorMiddleware:
    """After the password, the second factor, before any staff page (heard.core.factors).

    A staff member signed in with a password but not yet verified in this session reaches only
    the sign-in pages and, if they have a second factor, the page that asks for it; if they have
    none and their role requires one, the page that sets one up. Any other staff page sends them
    there first and brings them back after.
    """

    ALWAYS_OPEN = ("login/", "logout/", "password/reset/")
    TO_VERIFY = ("verify/", "webauthn/authentication/", "webauthn/jsi18n/")
    TO_ENROL = ("security/", "webauthn/registration/", "webauthn/jsi18n/")

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        redirect_to = self._elsewhere(request)
        if redirect_to is not None:
            return redirect_to
        return self.get_response(request)

    def _elsewhere(self, request: HttpRequest) -> HttpResponse | None:
        # The address first: outside the staff pages (a respondent's, the public's) the user is
        # never looked up, which would cost a fifth of a millisecond on every request.
        if not request.path.startswith(STAFF_PREFIXES):
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None

        from django.contrib import messages
        from django.shortcuts import redirect
        from django.urls import reverse
        from django.utils.http import urlencode
        from django.utils.translation import gettext as _

        from heard.core import factors

        rest = request.path.split("/staff/", 1)[1]
        if rest.startswith(self.ALWAYS_OPEN):
            return None
        back = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        if factors.devices(user):
            if rest.startswith(self.TO_VERIFY):
                return None
            return redirect(reverse("staff:verify") + (f"?{back}" if back else ""))
        if factors.required(user):
            if rest.startswith(self.TO_ENROL):
                return None
            messages.info(
                request,
                _(
                    "Your role needs a second factor to sign in: an authenticator app or a "
                    "passkey. Set one up to go on."
                ),
            )
            return redirect("staff:security")
        return None
