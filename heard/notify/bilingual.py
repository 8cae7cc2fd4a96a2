"""Every email Heard sends is written in both official languages: the recipient's first, then the
other, each part rendered with its own language active."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import override

OTHER = {"en": "fr", "fr": "en"}
SEPARATOR = {"en": "(Le français suit.)", "fr": "(English follows.)"}


def body(template: str, first: str, context_for: Callable[[str], dict[str, Any]]) -> str:
    """`template` rendered in `first`, then in the other language; `context_for(language)` gives
    each part its context, computed with that language active."""
    parts = []
    for language in (first, OTHER[first]):
        with override(language):
            parts.append(render_to_string(template, context_for(language)).strip())
    return f"{SEPARATOR[first]}\n\n{parts[0]}\n\n{'-' * 40}\n\n{parts[1]}\n"


def subject(prefix: dict[str, str], titles: dict[str, str], first: str) -> str:
    """ "Invitation: title / Invitation : titre", the recipient's language first."""
    return " / ".join(f"{prefix[lang]}{titles[lang]}" for lang in (first, OTHER[first]))
