"""Second factors for staff: an authenticator app (TOTP), passkeys (WebAuthn) and recovery codes.

After the password, a staff member who has a second factor proves it before any staff page opens
(`SecondFactorMiddleware`); one whose role requires it (HEARD_SECOND_FACTOR_ROLES: leads and
analysts by default) and has none is sent to set one up first. The devices are django-otp's
(ours: `AuthenticatorApp`, `RecoveryCodes`; passkeys: django-otp-webauthn's credential), so
`request.user.is_verified()` tells, for this session, that the second factor was given.

Who needs one is decided by the apps that give roles (core knows no consultation): they register
a test with `register_requirement`.
"""

from __future__ import annotations

import base64
import hashlib
import secrets
from collections.abc import Callable
from typing import Any
from urllib.parse import quote, urlencode

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp import devices_for_user
from django_otp import login as otp_login
from django_otp.models import Device

from heard.core import audit
from heard.core.models import AuthenticatorApp, RecoveryCode, RecoveryCodes

RECOVERY_CODES = 10
_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i to misread when typing it back

_REQUIREMENTS: list[Callable[[Any], bool]] = []


def register_requirement(test: Callable[[Any], bool]) -> None:
    """`test(user)` is true when that user must have a second factor."""
    _REQUIREMENTS.append(test)


def required(user: Any) -> bool:
    return any(test(user) for test in _REQUIREMENTS)


def devices(user: Any) -> list[Device]:
    """The user's confirmed second factors of every kind."""
    return list(devices_for_user(user, confirmed=True))


def has_second_factor(user: Any) -> bool:
    return any(not isinstance(d, RecoveryCodes) for d in devices(user))


def kind(device: Device) -> str:
    """'app', 'passkey' or 'recovery' (what the History and the pages call it)."""
    if isinstance(device, AuthenticatorApp):
        return "app"
    if isinstance(device, RecoveryCodes):
        return "recovery"
    return "passkey"


def _record(user: Any, action: str, device: Device) -> None:
    audit.record(
        actor=user,
        action=action,
        target=user,
        scope=f"staff:{user.pk}",
        changes={"kind": kind(device)},
    )


# --- Authenticator app --------------------------------------------------------------------------


def start_app(user: Any) -> AuthenticatorApp:
    """A new secret, not yet confirmed (an earlier unconfirmed one is dropped)."""
    AuthenticatorApp.objects.filter(user=user, confirmed=False).delete()
    return AuthenticatorApp.objects.create(
        user=user, name="Authenticator app", secret=secrets.token_hex(20), confirmed=False
    )


def secret_for_typing(device: AuthenticatorApp) -> str:
    """The secret as apps expect it typed in: base32, in groups of four."""
    encoded = base64.b32encode(bytes.fromhex(device.secret)).decode().rstrip("=")
    return " ".join(encoded[i : i + 4] for i in range(0, len(encoded), 4))


def provisioning_uri(device: AuthenticatorApp) -> str:
    """The otpauth:// address a QR code hands to the app."""
    issuer = settings.HEARD_SITE_NAME
    label = quote(f"{issuer}:{device.user.get_username()}")
    secret = secret_for_typing(device).replace(" ", "")
    query = urlencode({"secret": secret, "issuer": issuer, "digits": 6, "period": 30})
    return f"otpauth://totp/{label}?{query}"


@transaction.atomic
def confirm_app(request: HttpRequest, device: AuthenticatorApp, code: str) -> bool:
    """The first code from the app proves it holds the secret: the app becomes a second factor,
    and this session counts as verified with it."""
    device = AuthenticatorApp.objects.select_for_update().get(pk=device.pk)
    if not device.verify_token(code):
        return False
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    _record(request.user, "second_factor.added", device)
    return True


# --- Recovery codes ------------------------------------------------------------------------------


def _new_code() -> str:
    letters = "".join(secrets.choice(_ALPHABET) for _ in range(RecoveryCodes.LENGTH))
    return f"{letters[:5]}-{letters[5:]}"


@transaction.atomic
def new_recovery_codes(user: Any) -> list[str]:
    """Ten new codes, replacing any earlier ones; returned once, to be shown once."""
    RecoveryCodes.objects.filter(user=user).delete()
    device = RecoveryCodes.objects.create(user=user, name="Recovery codes", confirmed=True)
    codes = [_new_code() for _ in range(RECOVERY_CODES)]
    RecoveryCode.objects.bulk_create(
        RecoveryCode(
            device=device,
            code_hash=hashlib.sha256(RecoveryCodes.normalised(code).encode()).hexdigest(),
        )
        for code in codes
    )
    _record(user, "second_factor.recovery_codes", device)
    return codes


def recovery_codes_left(user: Any) -> int:
    return RecoveryCode.objects.filter(device__user=user).count()


# --- Signing in and removing -------------------------------------------------------------------


@transaction.atomic
def verify(request: HttpRequest, code: str) -> Device | None:
    """Check a code from the app or a recovery code; on success the session is verified with
    that device and the sign-in's second step is recorded."""
    user: Any = request.user
    candidates = [
        *AuthenticatorApp.objects.select_for_update().filter(user=user, confirmed=True),
        *RecoveryCodes.objects.select_for_update().filter(user=user, confirmed=True),
    ]
    for device in candidates:
        if device.verify_token(code):
            otp_login(request, device)
            _record(user, "signin.second_factor", device)
            return device
    audit.record(actor=user, action="signin.second_factor_failed", target=user, scope="staff")
    return None


class LastFactor(ValueError):
    """Removing it would leave an account that needs a second factor without one."""


@transaction.atomic
def remove(request: HttpRequest, device: Device) -> None:
    user = request.user
    others = [d for d in devices(user) if d != device and not isinstance(d, RecoveryCodes)]
    if required(user) and not isinstance(device, RecoveryCodes) and not others:
        raise LastFactor
    _record(user, "second_factor.removed", device)
    device.delete()


def record_passkey_added(user: Any, device: Device) -> None:
    with transaction.atomic():
        _record(user, "second_factor.added", device)


def record_passkey_used(user: Any, device: Device) -> None:
    with transaction.atomic():
        _record(user, "signin.second_factor", device)


@transaction.atomic
def reset(user: Any) -> int:
    """Every second factor of the user removed (by an administrator, for someone who lost them
    all), and their open sessions ended; recorded. Returns how many went."""
    from django.contrib.sessions.models import Session

    every = list(devices_for_user(user, confirmed=None))
    for device in every:
        device.delete()
    audit.record(
        actor=None,
        action="second_factor.reset",
        target=user,
        scope=f"staff:{user.pk}",
        changes={"removed": len(every)},
        system_label="heard manage reset_second_factor",
    )
    # Sessions are signed, not indexed by user: read each (staff sessions are few).
    for session in Session.objects.all():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
    return len(every)
