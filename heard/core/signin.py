"""Slow down password guessing on the staff sign-in form.

Three counts of failed attempts within WINDOW, kept in the database so that every web process
sees the same numbers:

- one client and one account (FAILURES_PER_CLIENT_ACCOUNT): someone guessing a password;
- one account from anywhere (FAILURES_PER_ACCOUNT): guesses spread over many addresses. The
  account is paused for everyone, and its owner is told by email, once per window;
- one client, any accounts (FAILURES_PER_CLIENT): someone trying many accounts.

The client is read through the trusted proxies (`heard.core.clients`), so that behind a reverse
proxy one person's failures do not count against everyone who comes through it. Only keyed
hashes are stored: neither the username tried nor the address.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import Signal, receiver
from django.http import HttpRequest
from django.utils import timezone

from heard.core import audit
from heard.core.clients import client_address
from heard.core.crypto import blind_index
from heard.core.models import SignInFailure

WINDOW = timedelta(minutes=15)
FAILURES_PER_CLIENT_ACCOUNT = 5
FAILURES_PER_ACCOUNT = 10
FAILURES_PER_CLIENT = 30

# Raised when guesses pause an account (user, failures, minutes, window: the window's number).
account_paused = Signal()


def _keys(request: HttpRequest | None, username: str) -> tuple[str, str, str]:
    """(client and account, account, client) as keyed hashes."""
    client = client_address(request)
    return (
        blind_index(f"signin|{username}|{client}"),
        blind_index(f"signin-account|{username}"),
        blind_index(f"signin|{client}"),
    )


def is_locked(request: HttpRequest | None, username: str) -> bool:
    since = timezone.now() - WINDOW
    SignInFailure.objects.filter(at__lt=since).delete()
    pair, account, client = _keys(request, username)
    recent = SignInFailure.objects.filter(at__gte=since)
    return (
        recent.filter(pair=pair).count() >= FAILURES_PER_CLIENT_ACCOUNT
        or recent.filter(account=account).count() >= FAILURES_PER_ACCOUNT
        or recent.filter(address=client).count() >= FAILURES_PER_CLIENT
    )


@receiver(user_logged_in)
def _audit_sign_in(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    with transaction.atomic():
        audit.record(actor=user, action="signin", target=user, scope=f"staff:{user.pk}")


@transaction.atomic
def record_failure(request: HttpRequest | None, username: str) -> None:
    pair, account, client = _keys(request, username)
    failure = SignInFailure.objects.create(pair=pair, account=account, address=client)
    # Audited without the username tried or the address: only that a failure happened, and
    # which throttle row it is (kept 15 minutes), for counting attacks over time.
    audit.record(actor=None, action="signin.failed", target=failure, scope="staff")
    failures = SignInFailure.objects.filter(
        account=account, at__gte=timezone.now() - WINDOW
    ).count()
    if failures == FAILURES_PER_ACCOUNT:
        _tell_owner(username, failures)


def clear(request: HttpRequest | None, username: str) -> None:
    """A successful sign-in forgets this client's failures on the account (not the others')."""
    pair, _account, _client = _keys(request, username)
    SignInFailure.objects.filter(pair=pair).delete()


def _tell_owner(username: str, failures: int) -> None:
    """Record the pause against the account and raise `account_paused` (the outbox emails the
    owner: heard.notify.accounts), at most once per window."""
    user = get_user_model().objects.filter(username=username, is_active=True).first()
    if user is None:
        return  # an unknown account: nobody to tell
    minutes = int(WINDOW.total_seconds() // 60)
    # Recorded with the account (never the address): staff and auditors see when it happened.
    audit.record(
        actor=None,
        action="signin.paused",
        target=user,
        scope=f"staff:{user.pk}",
        changes={"failures": failures, "minutes": minutes},
    )
    account_paused.send(
        sender=SignInFailure,
        user=user,
        failures=failures,
        minutes=minutes,
        window=int(timezone.now().timestamp() // WINDOW.total_seconds()),
    )
