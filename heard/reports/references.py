"""Figures in a report's text are references, never typed numbers: `[[responses]]`,
`[[code:prevention]]`, `[[code:prevention:percent]]`. A version resolves each one once and writes
the same value into both languages, each formatted its own way (1,234 and 42% in English;
1 234 and 42 % in French), so the two languages cannot disagree.

A section's English and French texts must cite the same references: a figure in one language
and not the other is a translation that has drifted, and the build says where.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

REFERENCE = re.compile(r"\[\[\s*([a-z][a-z0-9-]*(?::[A-Za-z0-9_.-]+)*)\s*\]\]")
NARROW_NO_BREAK_SPACE = "\u202f"


@dataclass(frozen=True)
class Figure:
    """A resolved reference: a count or a percentage, and whether it is too small to show."""

    value: float
    kind: str = "count"  # "count" or "percent"
    suppressed: bool = False  # a count under the report's threshold (and above zero)
    threshold: int = 0

    def as_dict(self) -> dict[str, object]:
        return {"value": self.value, "kind": self.kind, "suppressed": self.suppressed}


def references_in(text: str) -> list[str]:
    """The references a text cites, in order of first appearance."""
    seen: dict[str, None] = {}
    for match in REFERENCE.finditer(text):
        seen.setdefault(match.group(1), None)
    return list(seen)


def format_figure(figure: Figure, language: str) -> str:
    if figure.suppressed:
        return (
            f"moins de {figure.threshold}" if language == "fr" else f"fewer than {figure.threshold}"
        )
    if figure.kind == "percent":
        number = f"{figure.value:.0f}"
        return f"{number}{NARROW_NO_BREAK_SPACE}%" if language == "fr" else f"{number}%"
    whole = f"{round(figure.value):,}"
    return whole.replace(",", NARROW_NO_BREAK_SPACE) if language == "fr" else whole


def fill(text: str, figures: Mapping[str, Figure], language: str) -> str:
    """The text with each reference replaced by its figure, formatted for `language`."""
    replace: Callable[[re.Match[str]], str] = lambda match: format_figure(  # noqa: E731
        figures[match.group(1)], language
    )
    return REFERENCE.sub(replace, text)
