"""Slow down password guessing on the staff sign-in form.

At most FAILURES_PER_ACCOUNT failed attempts for one username from one address, and
FAILURES_PER_ADDRESS from one address overall, within WINDOW. Counted in the database so that
every web process sees the same numbers.
"""

from __future__ import annotations

from datetime import timedelta

from django.http import HttpRequest
from django.utils import timezone

from heard.core.crypto import blind_index
from heard.core.models import SignInFailure

WINDOW = timedelta(minutes=15)
FAILURES_PER_ACCOUNT = 5
FAILURES_PER_ADDRESS = 30


def _keys(request: HttpRequest | None, username: str) -> tuple[str, str]:
    address = (request.META.get("REMOTE_ADDR", "") if request is not None else "") or "unknown"
    return blind_index(f"signin|{username}|{address}"), blind_index(f"signin|{address}")


def is_locked(request: HttpRequest | None, username: str) -> bool:
    since = timezone.now() - WINDOW
    SignInFailure.objects.filter(at__lt=since).delete()
    pair, address = _keys(request, username)
    recent = SignInFailure.objects.filter(at__gte=since)
    return (
        recent.filter(pair=pair).count() >= FAILURES_PER_ACCOUNT
        or recent.filter(address=address).count() >= FAILURES_PER_ADDRESS
    )


def record_failure(request: HttpRequest | None, username: str) -> None:
    pair, address = _keys(request, username)
    SignInFailure.objects.create(pair=pair, address=address)


def clear(request: HttpRequest | None, username: str) -> None:
    pair, _ = _keys(request, username)
    SignInFailure.objects.filter(pair=pair).delete()
