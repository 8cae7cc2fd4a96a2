"""The CSRF field of the Jinja2 pages (a context processor of that engine, heard.settings).

Django's Jinja2 backend gives each page a `csrf_input` that calls `get_token()` each time a page
shows it. For the respondent's pages, the busiest there are, three things in that cost more than
they need to, and this module does them once or not at all:

- **Masked once per page.** A question page shows the field in two forms; one masked token
  serves both.
- **The mask drawn at once.** Django masks the secret with 32 characters drawn one at a time
  from the operating system's random source (32 system calls, about 45 µs of a page). The same
  mask is drawn here from one read of that source: each byte below 248 (four times the 62
  characters of the token's alphabet) gives a character, so every character stays equally
  likely; the others are drawn again. The masked token is Django's: 32 characters of mask, then
  each character of the secret moved along the alphabet by the mask's, and Django's middleware
  checks it (tests/core/test_csrf_field.py unmasks it with Django's own function).
- **The cookie not sent again.** When the browser sent the very secret the page uses, Django
  would still send its cookie back to push its expiry a year on: a header on every page for
  the server to write and the browser to read. A new secret (a first page) or a changed one (a
  sign-in) goes through Django's `get_token()`, which sends it.
"""

from __future__ import annotations

import secrets
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.middleware.csrf import CSRF_ALLOWED_CHARS, get_token
from django.utils.html import format_html

_INDEX = {character: index for index, character in enumerate(CSRF_ALLOWED_CHARS)}
_BELOW = 256 - 256 % len(CSRF_ALLOWED_CHARS)  # 248: bytes from here on would favour some


def csrf_field(request: HttpRequest) -> dict[str, Any]:
    """Context processor: `csrf_input`, made when the page first shows it."""
    return {"csrf_input": _Field(request)}


class _Field:
    """The field's HTML, made once; lighter than Django's SimpleLazyObject, which a template only
    ever asks for its HTML."""

    __slots__ = ("_html", "_request")

    def __init__(self, request: HttpRequest) -> None:
        self._request = request
        self._html: str | None = None

    def __html__(self) -> str:
        if self._html is None:
            self._html = format_html(
                '<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
                masked_token(self._request),
            )
        return self._html

    __str__ = __html__


def masked_token(request: HttpRequest) -> str:
    """What Django's `get_token()` gives, without sending the cookie again when the browser
    sent this very secret."""
    secret = request.META.get("CSRF_COOKIE")
    sent = request.COOKIES.get(settings.CSRF_COOKIE_NAME)
    if settings.CSRF_USE_SESSIONS or not secret or sent != secret:
        return get_token(request)  # a new or changed secret: Django's, which sends it
    return mask(secret)


def mask(secret: str) -> str:
    """The secret masked as Django masks it, with a mask from one read of the random source."""
    size = len(CSRF_ALLOWED_CHARS)
    shifts: list[int] = []
    while len(shifts) < len(secret):
        shifts += [byte % size for byte in secrets.token_bytes(len(secret)) if byte < _BELOW]
    shifts = shifts[: len(secret)]
    mask_text = "".join(CSRF_ALLOWED_CHARS[shift] for shift in shifts)
    cipher = "".join(
        CSRF_ALLOWED_CHARS[(_INDEX[character] + shift) % size]
        for character, shift in zip(secret, shifts, strict=True)
    )
    return mask_text + cipher
