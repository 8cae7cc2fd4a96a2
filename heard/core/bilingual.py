"""Content that exists in English and French, stored as `<name>_en` / `<name>_fr` columns.

See docs/adr/0002-bilingual-content.md for why pairs of columns rather than a translation table.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import get_language

LANGUAGE_CODES: tuple[str, ...] = ("en", "fr")


def active_language() -> str:
    code = (get_language() or settings.LANGUAGE_CODE)[:2]
    return code if code in LANGUAGE_CODES else LANGUAGE_CODES[0]


def in_language(obj: Any, name: str, language: str | None = None) -> Any:
    return getattr(obj, f"{name}_{language or active_language()}")


def translated(name: str) -> property:
    """A read-only attribute giving the field in the active language.

    Use: `title = translated("title")` reads `title_en` or `title_fr`.
    """

    def getter(obj: Any) -> Any:
        return in_language(obj, name)

    getter.__name__ = name
    return property(getter)


def missing_translations(obj: Any, names: tuple[str, ...]) -> list[tuple[str, str]]:
    """(field name, language) for each of `names` whose value is blank in either language."""
    missing = []
    for name in names:
        for code in LANGUAGE_CODES:
            value = getattr(obj, f"{name}_{code}")
            if value is None or (isinstance(value, str) and not value.strip()):
                missing.append((name, code))
    return missing


def field_label(model: Any, name: str) -> str:
    """The verbose name of a model field, as staff see it in forms and messages."""
    return str(getattr(model._meta.get_field(name), "verbose_name", name))
