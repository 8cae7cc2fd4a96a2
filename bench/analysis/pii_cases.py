"""Texts with known people's names, local phone numbers and look-alikes, from a phrase bank.

`cases(bank, count, seed)` composes short bilingual texts from one bank of `banks/` (`pii_dev`,
which the engine may be tuned on, or `pii_test`, frozen and never used to tune it) and returns
each with its truth: where the people's names and seven-digit local phone numbers are, and
where the things that must NOT be redacted are (towns, hospitals, wards, organisations, ordinary
numbers). `score(cases)` runs the engine's redaction over them and measures both sides.

A text is three to five sentences of one language: names in full, first names alone, places and
organisations, a local phone number, ordinary numbers and plain filler, in random order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from random import Random
from types import ModuleType
from typing import Any

from heard.analysis.engine.names import GIVEN_NAMES
from heard.analysis.engine.redact import _PHONE_RE, NAME, PHONE, Span, redact

#: Truth kinds. The first three must be hidden; the rest must be left alone.
POSITIVE = ("NAME", "FIRST_NAME", "LOCAL_PHONE")
NEGATIVE = ("TOWN", "HOSPITAL", "WARD", "ORGANISATION", "NUMBER")
_SLOTS = {
    "{name}": "NAME",
    "{first}": "FIRST_NAME",
    "{local_phone}": "LOCAL_PHONE",
    "{town}": "TOWN",
    "{hospital}": "HOSPITAL",
    "{ward}": "WARD",
    "{org}": "ORGANISATION",
}
_SLOT_RE = re.compile(r"\{(name|first|local_phone|town|hospital|ward|org)\}")
# Numbers as written in prose: digits with thousands separators, decimals, ranges, times.
_NUMBER_RE = re.compile(r"\d[\d,.:\u00a0 ]*\d|\d")


@dataclass
class Case:
    text: str
    language: str
    spans: list[tuple[int, int, str]] = field(default_factory=list)


def _local_phone(rng: Random) -> str:
    exchange = f"{rng.randrange(2, 10)}{rng.randrange(0, 10)}{rng.randrange(0, 10)}"
    line = f"{rng.randrange(0, 10000):04d}"
    return f"{exchange}{rng.choice(['-', '-', ' ', '.'])}{line}"


def _value(rng: Random, bank: ModuleType, slot: str, language: str) -> str:
    other = "fr" if language == "en" else "en"
    # Mostly the text's own language; people and places of the other language appear too.
    own = language if rng.random() < 0.8 else other
    if slot == "name":
        return f"{rng.choice(bank.GIVEN[own])} {rng.choice(bank.FAMILY[own])}"
    if slot == "first":
        return str(rng.choice(bank.GIVEN[own]))
    if slot == "local_phone":
        return _local_phone(rng)
    table = {
        "town": bank.TOWNS,
        "hospital": bank.HOSPITALS,
        "ward": bank.WARDS,
        "org": bank.ORGANISATIONS,
    }[slot]
    # Wards carry their article ("the Rotary Wing", "l'unité Bellevue"): same language only.
    return str(rng.choice(table[language if slot == "ward" else own]))


def _fill(rng: Random, bank: ModuleType, template: str, language: str) -> Case:
    text = ""
    spans: list[tuple[int, int, str]] = []
    cursor = 0
    for match in _SLOT_RE.finditer(template):
        text += template[cursor : match.start()]
        value = _value(rng, bank, match.group(1), language)
        if match.start() == 0 and value[:1].islower():
            value = value[0].upper() + value[1:]  # "The Rotary Wing was…"
        spans.append((len(text), len(text) + len(value), _SLOTS[match.group()]))
        text += value
        cursor = match.end()
    text += template[cursor:]
    return Case(text, language, spans)


def _numbers(sentence: str, language: str) -> Case:
    spans = [(m.start(), m.end(), "NUMBER") for m in _NUMBER_RE.finditer(sentence)]
    return Case(sentence, language, spans)


def cases(bank: ModuleType, count: int, seed: int) -> list[Case]:
    """``count`` texts from ``bank``, the same for the same seed."""
    rng = Random(seed)
    kinds = ["FULL_NAME", "FIRST_NAME", "PLACE_SENTENCES", "PLACE_SENTENCES", "LOCAL_PHONE"]
    kinds += ["NUMBERS", "FILLER"]
    made = []
    for _ in range(count):
        language = "en" if rng.random() < 0.6 else "fr"
        parts = []
        for _ in range(rng.randrange(3, 6)):
            kind = rng.choice(kinds)
            template = str(rng.choice(getattr(bank, kind)[language]))
            if kind == "NUMBERS":
                parts.append(_numbers(template, language))
            else:
                parts.append(_fill(rng, bank, template, language))
        text = ""
        spans: list[tuple[int, int, str]] = []
        for part in parts:
            if text:
                text += " "
            spans += [(start + len(text), end + len(text), k) for start, end, k in part.spans]
            text += part.text
        made.append(Case(text, language, spans))
    return made


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float] | None:
    """The 95% Wilson score interval of a proportion; None when there is nothing to measure."""
    if not total:
        return None
    p = successes / total
    denominator = 1 + z * z / total
    centre = (p + z * z / (2 * total)) / denominator
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


def proportion(successes: int, total: int) -> dict[str, Any]:
    """A share with its sample size and 95% Wilson interval, as every benchmark figure is given."""
    return {
        "n": total,
        "hits": successes,
        "value": successes / total if total else None,
        "interval": wilson(successes, total),
    }


_CAPITALISED_RUN_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)*")


def naive(text: str) -> list[Span]:
    """The baseline: every run of capitalised words that does not open a sentence is a name,
    and phone numbers are only what the engine's ten-digit pattern finds."""
    spans = [s for s in redact(text).spans if s.kind not in (NAME, PHONE)]
    spans += [Span(m.start(), m.end(), PHONE) for m in _PHONE_RE.finditer(text)]
    taken = [(s.start, s.end) for s in spans]
    for match in _CAPITALISED_RUN_RE.finditer(text):
        if not any(match.start() < end and match.end() > start for start, end in taken):
            spans.append(Span(match.start(), match.end(), NAME))
    return sorted(spans)


def engine(text: str) -> list[Span]:
    return redact(text).spans


def score(made: list[Case], find: Callable[[str], list[Span]] = engine) -> dict[str, Any]:
    """Recall of names and local phone numbers, precision of name and phone redactions, and how
    often each kind of look-alike was redacted, by ``find`` (the engine unless told)."""
    hidden: Counter[str] = Counter()
    planted: Counter[str] = Counter()
    touched: Counter[str] = Counter()
    name_redactions = name_true = phone_redactions = phone_true = 0
    false_names: Counter[str] = Counter()
    for case in made:
        found = find(case.text)
        for start, end, kind in case.spans:
            overlapping = [s for s in found if s.start < end and s.end > start]
            planted[kind] += 1
            if kind in POSITIVE:
                covered = {i for s in overlapping for i in range(s.start, s.end)}
                left = [i for i in range(start, end) if i not in covered and case.text[i].isalnum()]
                hidden[kind] += not left
                if kind == "FIRST_NAME":  # apart: names the engine's list knows, and the others
                    known = "known" if case.text[start:end] in GIVEN_NAMES else "unknown"
                    planted[f"{kind} ({known})"] += 1
                    hidden[f"{kind} ({known})"] += not left
            else:
                touched[kind] += bool(overlapping)
        for span in found:
            truth = {k for s, e, k in case.spans if span.start < e and span.end > s}
            if span.kind == NAME:
                name_redactions += 1
                name_true += bool(truth & {"NAME", "FIRST_NAME"})
                if not truth & {"NAME", "FIRST_NAME"}:
                    false_names[case.text[span.start : span.end]] += 1
            elif span.kind == PHONE:
                phone_redactions += 1
                phone_true += "LOCAL_PHONE" in truth
    names_planted = planted["NAME"] + planted["FIRST_NAME"]
    return {
        "texts": len(made),
        "recall": {
            kind: proportion(hidden[kind], planted[kind])
            for kind in (*POSITIVE, "FIRST_NAME (known)", "FIRST_NAME (unknown)")
        }
        | {"all names": proportion(hidden["NAME"] + hidden["FIRST_NAME"], names_planted)},
        "precision": {
            "names": proportion(name_true, name_redactions),
            "phones": proportion(phone_true, phone_redactions),
        },
        "redacted_look_alikes": {
            kind: proportion(touched[kind], planted[kind]) for kind in NEGATIVE
        },
        "false_names_top": false_names.most_common(8),
    }
