"""Every email Heard sends is written in both official languages: the recipient's first, then the
other, each part rendered with its own language active.

Email text is plain text: its templates are rendered by the "text" template engine (settings
TEMPLATES), which escapes nothing, so a title with "<" or "&" reads as it was typed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.template import engines
from django.utils.translation import override

OTHER = {"en": "fr", "fr": "en"}
SEPARATOR = {"en": "(Le français suit.)", "fr": "(English follows.)"}


def render_text(template: str, context: dict[str, Any]) -> str:
    """A plain-text template, rendered without HTML escaping."""
    return engines["text"].get_template(template).render(context)


def body(template: str, first: str, context_for: Callable[[str], dict[str, Any]]) -> str:
    """`template` rendered in `first`, then in the other language; `context_for(language)` gives
    each part its context, computed with that language active: anything that depends on the
    language (dates above all) must be formatted there, not once for both parts."""
    parts = []
    for language in (first, OTHER[first]):
        with override(language):
            parts.append(render_text(template, context_for(language)).strip())
    return f"{SEPARATOR[first]}\n\n{parts[0]}\n\n{'-' * 40}\n\n{parts[1]}\n"


def subject(prefix: dict[str, str], titles: dict[str, str], first: str) -> str:
    """ "Invitation: title / Invitation : titre", the recipient's language first."""
    return " / ".join(f"{prefix[lang]}{titles[lang]}" for lang in (first, OTHER[first]))
