"""The second factor: giving it after the password, and setting up or removing one's own
(an authenticator app, passkeys, recovery codes). The rules are in heard.core.factors."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST
from django_otp_webauthn.utils import get_credential_model

from heard.consultations.forms import AuthenticatorCodeForm, SecondFactorForm
from heard.core import factors, reauth
from heard.core.models import AuthenticatorApp, RecoveryCodes

APP_BEING_ADDED = "heard_app_being_added"


def _safe_next(request: HttpRequest) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    safe = url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return wanted if safe and wanted.startswith("/") else reverse("staff:home")


@login_required
@require_http_methods(["GET", "POST"])
def verify(request: HttpRequest) -> HttpResponse:
    """The sign-in's second step."""
    back = _safe_next(request)
    if request.user.is_verified():  # type: ignore[union-attr]
        return redirect(back)
    devices = factors.devices(request.user)
    if not devices:
        return redirect(back)
    form = SecondFactorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = factors.verify(request, form.cleaned_data["code"])
        if device is not None:
            reauth.mark_checked(request)
            if isinstance(device, RecoveryCodes):
                left = factors.recovery_codes_left(request.user)
                messages.warning(
                    request,
                    ngettext(
                        "You used a recovery code: %(left)s is left. Make new ones on the "
                        "Security page.",
                        "You used a recovery code: %(left)s are left. Make new ones on the "
                        "Security page if you are running short.",
                        left,
                    )
                    % {"left": left},
                )
            return redirect(back)
        form.add_error(
            "code",
            _(
                "This code is not right, or was used already. Type the code the app shows now "
                "(after several wrong codes, wait a few seconds before the next try)."
            ),
        )
    return render(
        request,
        "staff/second_factor/verify.html",
        {
            "form": form,
            "next": back,
            "has_app": any(factors.kind(d) == "app" for d in devices),
            "has_passkey": any(factors.kind(d) == "passkey" for d in devices),
        },
        status=400 if form.errors else 200,
    )


@login_required
def security(request: HttpRequest) -> HttpResponse:
    """The staff member's own second factors."""
    user = request.user
    apps = AuthenticatorApp.objects.filter(user=user, confirmed=True).order_by("created_at")
    passkeys = get_credential_model().objects.filter(user=user).order_by("pk")
    return render(
        request,
        "staff/second_factor/security.html",
        {
            "apps": apps,
            "passkeys": passkeys,
            "required": factors.required(user),
            "has_second_factor": factors.has_second_factor(user),
            "codes_left": factors.recovery_codes_left(user),
            "has_codes": RecoveryCodes.objects.filter(user=user).exists(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def add_app(request: HttpRequest) -> HttpResponse:
    """Show the secret (a QR code, and as text), then check a first code from the app."""
    device = _app_being_added(request)
    if device is None or request.method == "GET":
        device = factors.start_app(request.user)
        request.session[APP_BEING_ADDED] = device.pk
    form = AuthenticatorCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        first = not factors.has_second_factor(request.user)
        if factors.confirm_app(request, device, form.cleaned_data["code"]):
            request.session.pop(APP_BEING_ADDED, None)
            reauth.mark_checked(request)
            messages.success(request, _("The authenticator app is set up."))
            if first and not RecoveryCodes.objects.filter(user=request.user).exists():
                return _show_codes(request, factors.new_recovery_codes(request.user))
            return redirect("staff:security")
        form.add_error(
            "code",
            _(
                "This code does not match. Check that the app's clock is right and type the "
                "code it shows now."
            ),
        )
    return render(
        request,
        "staff/second_factor/add_app.html",
        {
            "form": form,
            "qr": _qr_svg(factors.provisioning_uri(device)),
            "secret": factors.secret_for_typing(device),
        },
        status=400 if form.errors else 200,
    )


def _app_being_added(request: HttpRequest) -> AuthenticatorApp | None:
    pk = request.session.get(APP_BEING_ADDED)
    if pk is None:
        return None
    return AuthenticatorApp.objects.filter(pk=pk, user=request.user, confirmed=False).first()


def _qr_svg(uri: str) -> str:
    import segno

    # Inline SVG drawn here: no script, no request to anyone else for an image.
    svg: str = segno.make(uri, error="m").svg_inline(
        scale=4, border=4, title=_("QR code for your authenticator app")
    )
    return svg


@login_required
@require_POST
def recovery_codes(request: HttpRequest) -> HttpResponse:
    if not factors.has_second_factor(request.user):
        messages.error(request, _("Set up an authenticator app or a passkey first."))
        return redirect("staff:security")
    return _show_codes(request, factors.new_recovery_codes(request.user))


def _show_codes(request: HttpRequest, codes: list[str]) -> HttpResponse:
    # Shown in the answer to a POST, never stored or sent: the page is not cached (no-store).
    return render(request, "staff/second_factor/recovery_codes.html", {"codes": codes})


@login_required
@reauth.sensitive
def remove(request: HttpRequest, kind: str, device_pk: int) -> HttpResponse:
    """After the password again (a stolen session must not take a factor away)."""
    if request.method != "POST":  # back from confirming the password: the list again
        return redirect("staff:security")
    device: Any
    if kind == "app":
        device = AuthenticatorApp.objects.filter(pk=device_pk, user=request.user).first()
    elif kind == "passkey":
        device = get_credential_model().objects.filter(pk=device_pk, user=request.user).first()
    else:
        raise Http404
    if device is None:
        raise Http404
    try:
        factors.remove(request, device)
    except factors.LastFactor:
        messages.error(
            request,
            _(
                "Your role needs a second factor: add another authenticator app or passkey "
                "before removing this one."
            ),
        )
    else:
        messages.success(request, _("Removed."))
    return redirect("staff:security")
