"""Staff passwords: change one while signed in, or reset a forgotten one by email.

The reset email goes through the outbox like every other message, at most once per account in
a quarter of an hour. Its link carries Django's signed token, valid for an hour
(PASSWORD_RESET_TIMEOUT) and spent by the change it allows; the confirm view swaps it for a
session value at once, so it leaves the address bar, and the log formatter masks it
(`heard.core.logfilters`). The request page says the same thing whether or not an account has
the address, so that it cannot be used to find out who has an account.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from heard.core import audit
from heard.notify import bilingual
from heard.notify.services import queue_email

RESET_SUBJECT = {"en": "Reset your Heard password", "fr": "Réinitialiser votre mot de passe Heard"}
RESET_EVERY_SECONDS = 15 * 60  # at most one reset email per account in this time


def reset_link(user: AbstractBaseUser, language: str) -> str:
    """The link of a reset email, in the language the reset was asked for."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    with translation.override(language):
        path = reverse("staff:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.HEARD_PUBLIC_URL.rstrip("/") + path


@transaction.atomic
def request_reset(*, email: str, language: str) -> None:
    """Queue a reset email to each active account with this address (usually one; none is not
    an error, and the caller must not say which it was)."""
    users = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True)
    bucket = int(timezone.now().timestamp() // RESET_EVERY_SECONDS)
    minutes = settings.PASSWORD_RESET_TIMEOUT // 60
    for user in users:
        if not user.has_usable_password():
            continue  # as Django's own reset form: an account without a password is not reset
        link = reset_link(user, language)

        def context_for(_language: str, user: Any = user, link: str = link) -> dict[str, Any]:
            return {
                "name": user.get_full_name() or user.get_username(),
                "username": user.get_username(),
                "link": link,
                "minutes": minutes,
            }

        other = "fr" if language == "en" else "en"
        queue_email(
            scope=f"staff:{user.pk}",
            kind="password-reset",
            dedupe_key=f"password-reset:{user.pk}:{bucket}",
            to=user.email,
            subject=f"{RESET_SUBJECT[language]} / {RESET_SUBJECT[other]}",
            text=bilingual.body("core/email/password_reset.txt", language, context_for),
            language=language,
        )
        audit.record(
            actor=None, action="password.reset_requested", target=user, scope=f"staff:{user.pk}"
        )


def record_change(*, user: AbstractBaseUser, how: str) -> None:
    """Audit a password set by its owner: `how` is "changed" (signed in) or "reset" (by email)."""
    with transaction.atomic():
        audit.record(actor=user, action=f"password.{how}", target=user, scope=f"staff:{user.pk}")


def record_confirmation(*, user: AbstractBaseUser) -> None:
    """Audit a password confirmed before a sensitive action."""
    with transaction.atomic():
        audit.record(actor=user, action="password.confirmed", target=user, scope=f"staff:{user.pk}")
