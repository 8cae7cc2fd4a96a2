"""Emails about a staff account: its sign-in paused after many failed passwords, or a link to
reset its password. The events are raised where they happen (`heard.core.signin`,
`heard.consultations.passwords`), below the outbox in the layers; this module, connected when
the notify app starts, turns them into messages in the same transaction (the outbox pattern)."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from heard.consultations.passwords import reset_requested
from heard.core.signin import account_paused
from heard.notify import bilingual
from heard.notify.services import queue_email

PAUSED_SUBJECT = "Sign-in paused on your Heard account / Connexion suspendue sur votre compte Heard"
RESET_SUBJECT = {"en": "Reset your Heard password", "fr": "Réinitialiser votre mot de passe Heard"}


def _name(user: Any) -> str:
    return user.get_full_name() or user.get_username()


@receiver(account_paused)
def tell_owner_of_pause(
    sender: Any, *, user: Any, failures: int, minutes: int, window: int, **_: Any
) -> None:
    if not user.email:
        return
    queue_email(
        scope=f"staff:{user.pk}",
        kind="signin-locked",
        dedupe_key=f"signin-locked:{user.pk}:{window}",
        to=user.email,
        subject=PAUSED_SUBJECT,  # staff accounts keep no language: both, English first
        text=bilingual.body(
            "notify/email/signin_locked.txt",
            "en",
            lambda _language: {
                "name": _name(user),
                "username": user.get_username(),
                "failures": failures,
                "minutes": minutes,
            },
        ),
        language="en",
    )


@receiver(reset_requested)
def send_reset_link(
    sender: Any, *, user: Any, link: str, language: str, minutes: int, window: int, **_: Any
) -> None:
    other = "fr" if language == "en" else "en"
    queue_email(
        scope=f"staff:{user.pk}",
        kind="password-reset",
        dedupe_key=f"password-reset:{user.pk}:{window}",
        to=user.email,
        subject=f"{RESET_SUBJECT[language]} / {RESET_SUBJECT[other]}",
        text=bilingual.body(
            "notify/email/password_reset.txt",
            language,
            lambda _language: {
                "name": _name(user),
                "username": user.get_username(),
                "link": link,
                "minutes": minutes,
            },
        ),
        language=language,
    )
