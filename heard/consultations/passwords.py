"""Staff passwords: change one while signed in, or reset a forgotten one by email.

The reset email goes through the outbox like every other message (raised here, written by
heard.notify.accounts, which the layers put above this module), at most once per account in a
quarter of an hour. Its link carries Django's signed token, valid for an hour
(PASSWORD_RESET_TIMEOUT) and spent by the change it allows; the confirm view swaps it for a
session value at once, so it leaves the address bar, and the log formatter masks it
(`heard.core.logfilters`). The request page says the same thing whether or not an account has
the address, so that it cannot be used to find out who has an account.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.dispatch import Signal
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from heard.core import audit

# Raised for each account a reset was asked for (user, link, language, minutes, window).
reset_requested = Signal()
RESET_EVERY_SECONDS = 15 * 60  # at most one reset email per account in this time


def reset_link(user: User, language: str) -> str:
    """The link of a reset email, in the language the reset was asked for."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    with translation.override(language):
        path = reverse("staff:password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return settings.HEARD_PUBLIC_URL.rstrip("/") + path


@transaction.atomic
def request_reset(*, email: str, language: str) -> None:
    """Raise `reset_requested` for each active account with this address (usually one; none is
    not an error, and the caller must not say which it was): the outbox emails the link
    (heard.notify.accounts)."""
    users = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True)
    window = int(timezone.now().timestamp() // RESET_EVERY_SECONDS)
    for user in users:
        if not user.has_usable_password():
            continue  # as Django's own reset form: an account without a password is not reset
        audit.record(
            actor=None, action="password.reset_requested", target=user, scope=f"staff:{user.pk}"
        )
        reset_requested.send(
            sender=User,
            user=user,
            link=reset_link(user, language),
            language=language,
            minutes=settings.PASSWORD_RESET_TIMEOUT // 60,
            window=window,
        )


def record(*, user: User, what: str) -> None:
    """Audit a password event of its owner: "changed" (signed in), "reset" (by email) or
    "confirmed" (before a sensitive action)."""
    with transaction.atomic():
        audit.record(actor=user, action=f"password.{what}", target=user, scope=f"staff:{user.pk}")
