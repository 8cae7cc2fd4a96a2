"""Values every template needs: the site name and the same page in the other language."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

OTHER_LANGUAGE = {"en": "fr", "fr": "en"}
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}


def site(request: HttpRequest) -> dict[str, object]:
    current = (get_language() or settings.LANGUAGE_CODE)[:2]
    other = OTHER_LANGUAGE.get(current, "en")
    # Views whose URLs hold translated slugs replace this with their own alternate_url.
    alternate = translate_url(request.get_full_path(), other)
    return {
        "heard_site_name": settings.HEARD_SITE_NAME,
        "current_language": current,
        "other_language": other,
        "other_language_name": LANGUAGE_NAMES[other],
        "alternate_url": alternate,
    }
