"""Staff passwords: change while signed in, or reset by email (`heard.consultations.passwords`)."""

from __future__ import annotations

from typing import Any, cast

from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from heard.consultations import passwords
from heard.consultations.forms import (
    ConfirmPasswordForm,
    PasswordResetRequestForm,
    StaffPasswordChangeForm,
    StaffSetPasswordForm,
)
from heard.core import reauth


class ChangeView(auth_views.PasswordChangeView):
    template_name = "staff/password/change.html"
    form_class = StaffPasswordChangeForm
    success_url = reverse_lazy("staff:home")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)  # keeps this session signed in
        passwords.record(user=cast(User, self.request.user), what="changed")
        messages.success(self.request, _("Your password was changed."))
        return response


@require_http_methods(["GET", "POST"])
def reset_request(request: HttpRequest) -> HttpResponse:
    form = PasswordResetRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        passwords.request_reset(
            email=form.cleaned_data["email"], language=request.LANGUAGE_CODE[:2]
        )
        return redirect("staff:password_reset_sent")
    return render(
        request, "staff/password/reset.html", {"form": form}, status=400 if form.errors else 200
    )


def reset_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "staff/password/reset_sent.html")


class ResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "staff/password/reset_confirm.html"
    form_class = StaffSetPasswordForm
    success_url = reverse_lazy("staff:login")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        passwords.record(user=form.user, what="reset")
        messages.success(self.request, _("Your password was changed: sign in with it."))
        return response


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest) -> HttpResponse:
    """The password again before a sensitive action; then back to where it was asked."""
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    back = wanted if safe and wanted.startswith("/") else reverse_lazy("staff:home")
    form = ConfirmPasswordForm(request.POST or None, request=request)
    if request.method == "POST" and form.is_valid():
        reauth.mark_checked(request)
        passwords.record(user=cast(User, request.user), what="confirmed")
        return redirect(back)
    return render(
        request,
        "staff/password/confirm.html",
        {"form": form, "next": back},
        status=400 if form.errors else 200,
    )
