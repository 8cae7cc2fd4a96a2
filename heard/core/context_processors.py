"""Values every template needs: the site name and the same page in the other language."""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

OTHER_LANGUAGE = {"en": "fr", "fr": "en"}
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


@lru_cache(maxsize=4096)
def _alternate(path: str, current: str, other: str) -> str:
    """The same address in the other language. It depends on the address and the languages
    alone (the URL patterns are fixed while the process runs), and working it out resolves and
    reverses the address: a few hundred microseconds on every page, so each is kept (ADR 0021).
    `current` is in the key because resolving reads the active language's prefix."""
    return translate_url(path, other)


def site(request: HttpRequest) -> dict[str, object]:
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    other = OTHER_LANGUAGE.get(current, "en")
    # Views whose URLs hold translated slugs replace this with their own alternate_url.
    alternate = _alternate(request.get_full_path(), current, other)
    return {
        "heard_site_name": settings.HEARD_SITE_NAME,
        "current_language": current,
        "other_language": other,
        "other_language_name": LANGUAGE_NAMES[other],
        "alternate_url": alternate,
    }
