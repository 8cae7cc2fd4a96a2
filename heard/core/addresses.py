"""Addresses of named views, each worked out once per language.

Django's `reverse()` looks a name up in the URL patterns and fills in its arguments on every call:
a respondent's request asks for two or three (where to go after a save, the page's back link,
the check page's one per section), the same few for everyone. The patterns do not change while
the process runs, so an address depends only on the language (the prefix of i18n_patterns), the
script prefix, the name and the arguments; `address()` keeps each one.
"""

from __future__ import annotations

from functools import lru_cache

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import get_script_prefix, reverse
from django.utils.translation import get_language

# Where the staff pages are, in each language: what sets them apart (a second factor, no cache, the
# worker warning) is decided on the address alone, before anything is looked up.
STAFF_PREFIXES = tuple(f"/{code}/staff/" for code, _name in settings.LANGUAGES)


def address(name: str, *args: str | int) -> str:
    """`reverse(name, args=args)` in the active language, kept. Arguments are text or whole
    numbers (they are part of the key)."""
    return _kept(get_language(), get_script_prefix(), name, args)


@lru_cache(maxsize=4096)
def _kept(language: str | None, prefix: str, name: str, args: tuple[str | int, ...]) -> str:
    return reverse(name, args=args or None)


def go_to(name: str, *args: str | int) -> HttpResponseRedirect:
    """A redirect to a named view (Django's `redirect(name)`, with the address kept)."""
    return HttpResponseRedirect(address(name, *args))
