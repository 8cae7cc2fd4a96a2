"""Find and redact personal information in free text, English and French.

``redact(text)`` returns the text with every finding replaced by a typed, language-neutral
placeholder (``[EMAIL]``, ``[PHONE]``, ``[POSTAL_CODE]``, ``[SIN]``, ``[URL]``, ``[ADDRESS]``,
``[NAME]``) and the spans found, as offsets into the original text with their kind, for audit.
The spans never carry the original text, so they can be written to output files; only
``Redaction.text`` flows on to the rest of the engine.

Overlapping findings are merged into one span (the union), so that no part of a finding is left
behind; the merged span takes the kind of the longest finding (ties broken by a fixed order of
specificity). The result depends only on the input text.

Pure Python, standard library only; imports no Django.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from heard.analysis.engine.names import find_names

EMAIL = "EMAIL"
PHONE = "PHONE"
POSTAL_CODE = "POSTAL_CODE"
SIN = "SIN"
URL = "URL"
ADDRESS = "ADDRESS"
NAME = "NAME"

#: Kinds in order of specificity: on a tie in length, the earlier kind wins.
KINDS: tuple[str, ...] = (SIN, EMAIL, URL, PHONE, POSTAL_CODE, ADDRESS, NAME)
_RANK = {kind: rank for rank, kind in enumerate(KINDS)}


def placeholder(kind: str) -> str:
    """The text that replaces a finding of ``kind``."""
    return f"[{kind}]"


@dataclass(frozen=True, order=True)
class Span:
    """A finding, as offsets into the original text. Holds no original text."""

    start: int
    end: int
    kind: str

    def to_dict(self) -> dict[str, int | str]:
        return {"start": self.start, "end": self.end, "kind": self.kind}


@dataclass(frozen=True)
class Redaction:
    """The redacted text and the spans (original offsets) that were replaced."""

    text: str
    spans: list[Span] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        """Number of spans of each kind, in ``KINDS`` order, kinds with none left out."""
        counts = {kind: 0 for kind in KINDS}
        for span in self.spans:
            counts[span.kind] += 1
        return {kind: n for kind, n in counts.items() if n}

    def to_dict(self) -> dict[str, object]:
        return {"text": self.text, "spans": [span.to_dict() for span in self.spans]}


# --- Patterns -----------------------------------------------------------------------------------

_EMAIL_RE = re.compile(
    r"(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![\w])"
)
# "marie (at) exemple (dot) ca", "marie [at] exemple [point] ca", "marie arobase exemple point ca"
_OBFUSCATED_EMAIL_RE = re.compile(
    r"(?i)\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\}|\barobase\b|\bat\b)\s*[\w-]+"
    r"(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|\(point\)|\[point\]|\bdot\b|\bpoint\b)\s*[\w-]+)*"
    r"\s*(?:\(dot\)|\[dot\]|\{dot\}|\(point\)|\[point\]|\bdot\b|\bpoint\b)\s*"
    r"(?:ca|com|org|net|info|qc\.ca|gc\.ca)\b"
)

_SEP = r"[ \t.\-\u2010-\u2015\u00a0]"
_PHONE_RE = re.compile(
    rf"""
    (?<![\d])
    (?:\+\s?1{_SEP}?|\b1{_SEP}?)?          # country code
    (?:\(\s?\d{{3}}\s?\)|\d{{3}})\s?{_SEP}?  # area code, maybe in brackets
    \d{{3}}{_SEP}?\d{{4}}
    (?:\s*,?\s*(?i:ext\.?|extension|x|poste|p\.|\#)\s*\d{{1,6}})?
    (?!\d)
    """,
    re.VERBOSE,
)

# A local number without its area code, as people write one for a small town: "731-1957",
# "731 1957", "731.1957". Three digits (not starting with 0 or 1), a separator, four digits, with
# no digit, currency or decimal mark around it, so amounts ("3 450 000"), ranges ("2018-2019"),
# dates and Criminal Code sections ("279.011") stay as they are.
_LOCAL_PHONE_RE = re.compile(
    r"(?<![\w$€.,:/\-])(?<!\d[ \u00a0])"
    r"[2-9]\d{2}[-.\u00a0 \u2010\u2011]\d{4}"
    r"(?![\w$€%]|[.,/:\-]\d|[ \u00a0]\d|\s?(?:\$|%|€))"
)
_NOT_A_LOCAL_PHONE_BEFORE = re.compile(
    r"(?i)(?:section|sections|article|articles|art\.|s\.|par\.|para\.|page|pages|p\.|pp\.|"
    r"between|entre|about|around|approximately|roughly|environ|from|de)\s*$"
)

_PC_FIRST = "ABCEGHJKLMNPRSTVXY"
_PC_OTHER = "ABCEGHJKLMNPRSTVWXYZ"
_POSTAL_RE = re.compile(
    rf"(?<![A-Za-z0-9])[{_PC_FIRST}]\d[{_PC_OTHER}][ \u00a0-]?\d[{_PC_OTHER}]\d(?![A-Za-z0-9])",
    re.IGNORECASE,
)

_SIN_RE = re.compile(r"(?<![\d-])\d{3}([ \u00a0-]?)\d{3}\1\d{3}(?![\d]|-\d)")

_TLDS = r"(?:gc\.ca|qc\.ca|on\.ca|ca|com|org|net|gov|edu|info|biz|io|co|us|fr|be|ch|uk)"
_URL_RE = re.compile(
    rf"""
    (?i:
      \b(?:https?|ftp)://[^\s<>"'«»]+
    | \bwww\.[^\s<>"'«»]+
    | (?<![@\w.-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+{_TLDS}\b(?![@-])(?:/[^\s<>"'«»]*)?
    )
    """,
    re.VERBOSE,
)

_STREET_TYPES_EN = (
    r"Street|St|Avenue|Ave|Av|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Crescent|Cres|Court|Ct|"
    r"Place|Pl|Way|Terrace|Terr|Circle|Cir|Highway|Hwy|Parkway|Pkwy|Trail|Square|Sq|Row|Gate|"
    r"Grove|Heights|Hts|Close|Line|Concession|Sideroad|Promenade"
)
_DIRECTIONS_EN = r"North|South|East|West|N|S|E|W|NE|NW|SE|SW"
_UNIT = (
    r"(?:(?i:apt|apartment|unit|suite|ste|app|appartement|bureau|logement)\.?\s*\#?\s*"
    r"[\w-]+\s*,?\s+)?"
)
_STREET_WORD = r"(?:[A-ZÀ-Þ0-9][\w'’.-]*|de|du|des|la|le|of|the)"
_ADDRESS_EN_RE = re.compile(
    rf"""
    {_UNIT}
    (?<![\w-])\d{{1,6}}[A-Za-z]?(?:-\d{{1,6}})?\s+
    (?:{_STREET_WORD}\s+){{0,3}}[A-ZÀ-Þ0-9][\w'’-]*\s+
    (?:{_STREET_TYPES_EN})\b\.?
    (?:\s+(?:{_DIRECTIONS_EN})\b\.?)?
    """,
    re.VERBOSE,
)
_STREET_TYPES_FR = (
    r"rue|avenue|av\.|ave\.?|boulevard|boul\.?|bd|blvd|chemin|ch\.|route|rte|rang|place|"
    r"montée|côte|allée|impasse|promenade|croissant|carré|terrasse|autoroute|ruelle|voie|"
    r"square|sentier|quai|cours"
)
_ADDRESS_FR_RE = re.compile(
    rf"""
    {_UNIT}
    (?<![\w-])\d{{1,6}}[A-Za-z]?(?:-\d{{1,6}})?,?\s+
    (?i:{_STREET_TYPES_FR})(?:\s+|(?<=\.))
    (?:(?i:de\s+la|de\s+l['’]|du|des|de|d['’]|la|le|l['’])\s*)?
    [A-ZÀ-Þ0-9][\w'’-]*(?:[ \u00a0](?:[A-ZÀ-Þ0-9][\w'’-]*|de|du|des|la|le|d['’]\w+)){{0,4}}
    """,
    re.VERBOSE,
)
_PO_BOX_RE = re.compile(
    r"(?i:\bP\.?\s?O\.?\s?Box|\bPost\s+Office\s+Box|\bcase\s+postale|\bC\.P\.|\bCP|\bB\.P\.)"
    r"\s*\#?\s*\d{1,6}\b"
)

_TRAILING_PUNCT = ".,;:!?)]}'\"’»"


# --- Detection ----------------------------------------------------------------------------------


def luhn_valid(digits: str) -> bool:
    """True if the string of digits passes the Luhn checksum (used by social insurance numbers)."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


# Cheap gates: each pattern below can only match where its gate finds something, so a text that
# fails a gate skips the pattern (most answers have no digit, no "@" and no web address, and the
# full patterns are what redaction spends its time on).
_DIGIT_GATE = re.compile(r"\d")
_OBFUSCATION_GATE = re.compile(r"(?i)dot|point")
_URL_GATE = re.compile(r"://|(?i:www)\.|\.[A-Za-z]")


def _candidates(text: str) -> Iterator[tuple[int, int, str]]:
    if "@" in text:
        for m in _EMAIL_RE.finditer(text):
            yield m.start(), m.end(), EMAIL
    if _OBFUSCATION_GATE.search(text):
        for m in _OBFUSCATED_EMAIL_RE.finditer(text):
            yield m.start(), m.end(), EMAIL
    if _DIGIT_GATE.search(text):
        yield from _numbered(text)
    if _URL_GATE.search(text):
        for m in _URL_RE.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in _TRAILING_PUNCT:
                end -= 1
            if end > m.start():
                yield m.start(), end, URL
    for start, end in find_names(text):
        yield start, end, NAME


def _numbered(text: str) -> Iterator[tuple[int, int, str]]:
    """Findings that hold a digit: numbers, phone numbers, postal codes, street addresses."""
    for m in _SIN_RE.finditer(text):
        digits = re.sub(r"\D", "", m.group())
        if luhn_valid(digits):
            yield m.start(), m.end(), SIN
    for m in _PHONE_RE.finditer(text):
        yield m.start(), m.end(), PHONE
    for m in _LOCAL_PHONE_RE.finditer(text):
        if not _NOT_A_LOCAL_PHONE_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            yield m.start(), m.end(), PHONE
    for m in _POSTAL_RE.finditer(text):
        yield m.start(), m.end(), POSTAL_CODE
    for pattern in (_ADDRESS_EN_RE, _ADDRESS_FR_RE, _PO_BOX_RE):
        for m in pattern.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,;: ":
                end -= 1
            yield m.start(), end, ADDRESS


def find_spans(text: str) -> list[Span]:
    """All findings in ``text``, overlaps merged, sorted by position."""
    found = sorted(set(_candidates(text)), key=lambda c: (c[0], -(c[1] - c[0]), _RANK[c[2]]))
    spans: list[Span] = []
    group: list[tuple[int, int, str]] = []
    group_end = -1
    for candidate in [*found, (len(text) + 1, len(text) + 1, NAME)]:
        if group and candidate[0] >= group_end:
            best = min(group, key=lambda c: (-(c[1] - c[0]), _RANK[c[2]], c[0]))
            spans.append(Span(group[0][0], group_end, best[2]))
            group = []
        if candidate[0] > len(text):
            break
        group.append(candidate)
        group_end = max(group_end, candidate[1]) if len(group) > 1 else candidate[1]
    return spans


def redact(text: str) -> Redaction:
    """Redact personal information in ``text``; see the module docstring."""
    spans = find_spans(text)
    pieces: list[str] = []
    cursor = 0
    for span in spans:
        pieces.append(text[cursor : span.start])
        pieces.append(placeholder(span.kind))
        cursor = span.end
    pieces.append(text[cursor:])
    return Redaction("".join(pieces), spans)
