"""What changed between two versions of a report, for the people reviewing a correction: the
figures whose value changed, and the text, block by block (headings, paragraphs, list items,
table rows), in one language.

Versions are compared as their readers see them, from the stored HTML, so the comparison shows
what a reader of the older version would find different in the newer, including a figure that
changed because the data did.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

from heard.reports.models import Version
from heard.reports.references import Figure, format_figure

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "tr", "dt", "dd", "figcaption"}
SKIPPED = {"svg", "nav", "style", "script"}
CELLS = {"td", "th"}


class _Blocks(HTMLParser):
    """The text of each block element, in order (a table row's cells joined with " | ")."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._open: list[str] = []  # text of the blocks being read, innermost last
        self._cells: list[list[str]] = []
        self._skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SKIPPED:
            self._skipping += 1
        elif self._skipping:
            return
        elif tag == "tr":
            self._cells.append([])
        elif tag in CELLS and self._cells:
            self._cells[-1].append("")
        elif tag in BLOCKS:
            self._open.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        elif self._skipping:
            return
        elif tag == "tr" and self._cells:
            row = " | ".join(" ".join(cell.split()) for cell in self._cells.pop())
            if row:
                self.blocks.append(row)
        elif tag in BLOCKS and tag != "tr" and self._open:
            text = " ".join(self._open.pop().split())
            if text:
                self.blocks.append(text)

    def handle_data(self, data: str) -> None:
        if self._skipping:
            return
        if self._cells and self._cells[-1]:
            self._cells[-1][-1] += data
        elif self._open:
            self._open[-1] += data


def blocks(html: str) -> list[str]:
    parser = _Blocks()
    parser.feed(html)
    parser.close()
    return parser.blocks


@dataclass(frozen=True)
class Change:
    kind: str  # "added", "removed" or "changed"
    before: str
    after: str

    def words(self) -> tuple[list[tuple[bool, str]], list[tuple[bool, str]]]:
        """Each side as runs of words, marked True where they differ from the other side."""
        old, new = self.before.split(), self.after.split()
        before: list[tuple[bool, str]] = []
        after: list[tuple[bool, str]] = []
        matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
        for operation, a1, a2, b1, b2 in matcher.get_opcodes():
            if a2 > a1:
                before.append((operation != "equal", " ".join(old[a1:a2])))
            if b2 > b1:
                after.append((operation != "equal", " ".join(new[b1:b2])))
        return before, after


@dataclass(frozen=True)
class FigureChange:
    reference: str
    before: str
    after: str


@dataclass(frozen=True)
class Comparison:
    figures: list[FigureChange]
    changes: list[Change]
    unchanged: int


def _figure(data: dict[str, Any] | None, threshold: int, language: str) -> str:
    if data is None:
        return "—"
    figure = Figure(
        float(data["value"]),
        kind=str(data.get("kind", "count")),
        suppressed=bool(data.get("suppressed")),
        threshold=threshold,
    )
    return format_figure(figure, language)


def compare(older: Version, newer: Version, language: str) -> Comparison:
    threshold = newer.report.threshold
    figures = []
    for reference in sorted(set(older.figures) | set(newer.figures)):
        before = _figure(older.figures.get(reference), threshold, language)
        after = _figure(newer.figures.get(reference), threshold, language)
        if before != after:
            figures.append(FigureChange(reference, before, after))
    old, new = blocks(older.html(language)), blocks(newer.html(language))
    changes: list[Change] = []
    unchanged = 0
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for operation, a1, a2, b1, b2 in matcher.get_opcodes():
        if operation == "equal":
            unchanged += a2 - a1
            continue
        removed, added = old[a1:a2], new[b1:b2]
        paired = min(len(removed), len(added)) if operation == "replace" else 0
        for before, after in zip(removed[:paired], added[:paired], strict=True):
            changes.append(Change("changed", before, after))
        changes.extend(Change("removed", text, "") for text in removed[paired:])
        changes.extend(Change("added", "", text) for text in added[paired:])
    return Comparison(figures, changes, unchanged)
