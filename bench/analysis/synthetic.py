"""Seeded generator of bilingual consultation answers with known truth, for the analysis engine.

    .venv/bin/python bench/analysis/synthetic.py --records 100000 --out var/synthetic.jsonl \\
        --truth var/synthetic-truth.json [--seed 2018] [--campaign-share 0.3] [--pii-share 0.1]

Each line of ``--out`` is a record the engine reads (``records.read_records``)::

    {"id": "R0000001", "text": "...", "question": "gaps", "sector": "ngos", "region": "ON",
     "channel": "online", "date": "2018-07-12", "consent": "yes"}

Texts are about 60 words (30 to 90, more for a campaign letter with an added sentence), about 65%
English and 35% French, composed from the phrase banks of `synthetic_phrases.py` about the leaf
codes of the demo codebook. Each organic answer is about one to three topics, each said through a
statement frame (a gap, a recommendation, a trend, an emerging issue, a promising practice, or
none); only some phrasings contain the codebook's keywords, the rest are paraphrases.

Planted in the data, and written to ``--truth``:

- **codes**: per record, the set of codebook keys it expresses (leaf topic codes and statement
  types; parents follow from the codebook);
- **personal information** in about ``--pii-share`` of records: emails, Canadian phone numbers in
  several formats, postal codes with and without a space, Luhn-valid social insurance numbers
  (kind ``SIN``) and invalid ones that must not be redacted as such (kind ``SIN_INVALID``),
  people's names, street addresses and URLs, as ``{"start", "end", "kind"}`` offsets into the text;
  campaign letters get them as a signature;
- **campaigns** totalling ``--campaign-share`` of records, of four kinds: ``exact`` copies (case,
  punctuation and spacing changed), ``near`` copies (one to three words changed, added or
  removed), ``template`` letters (towns, organisations and numbers swapped) and ``crosslang``
  (the same letter in English and French); about 15% of members add a sentence of their own.
  Twelve written letters carry most of the campaign records; small groups (3 to 10 copies of an
  organic answer, exact or near) carry the rest.

The truth file is JSON: ``{"generator", "seed", "records", "campaign_share", "pii_share",
"campaigns": {id: {kind, language, size, letter}}, "truth": [{"id", "codes", "language",
"campaign", "campaign_kind", "pii"}, ...]}``, one truth entry per line so it streams.

Generation streams to disk with memory bounded by one small integer per record (the shuffled
campaign slots), and depends only on the arguments: the same seed gives byte-identical files.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from bisect import bisect
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from itertools import accumulate
from pathlib import Path
from random import Random
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synthetic_phrases as P

LANGS = ("en", "fr")
ENGLISH_SHARE = 0.65
KINDS = ("exact", "near", "template", "crosslang")
PII_KINDS = ("EMAIL", "PHONE", "POSTAL_CODE", "SIN", "SIN_INVALID", "NAME", "ADDRESS", "URL")
ADDED_SENTENCE_SHARE = 0.15
LETTER_SHARE = 0.75  # of campaign records, the rest go to small groups
_SLOT = re.compile(r"\{([A-Z_]+)\}")
_VOWELS = frozenset("aeiouyàâäéèêëîïôöûüh")
_DATES = [(date(2018, 6, 4) + timedelta(days=d)).isoformat() for d in range(120)]
_SIN_FIRST = "1234567 9"  # first digits in use (0 and 8 are not issued)


def _cumulative(weights: Sequence[float]) -> list[float]:
    total = sum(weights)
    return [w / total for w in accumulate(weights)]


class _Weighted:
    """Fast weighted choice from a fixed list."""

    def __init__(self, pairs: Sequence[tuple[Any, float]]) -> None:
        self.items = [item for item, _ in pairs]
        self.cum = _cumulative([weight for _, weight in pairs])
        self.cum[-1] = 1.0

    def __call__(self, rng: Random) -> Any:
        return self.items[bisect(self.cum, rng.random())]


_CODE = _Weighted(list(P.CODE_WEIGHTS.items()))
_TYPE = _Weighted(list(P.TYPE_WEIGHTS.items()))
_SECTOR = _Weighted(P.SECTORS)
_REGION = {lang: _Weighted(P.REGIONS[lang]) for lang in LANGS}
_CHANNEL = _Weighted(P.CHANNELS)
_PII_KIND = _Weighted(
    [
        ("EMAIL", 0.17),
        ("PHONE", 0.2),
        ("POSTAL_CODE", 0.12),
        ("SIN", 0.08),
        ("SIN_INVALID", 0.05),
        ("NAME", 0.2),
        ("ADDRESS", 0.1),
        ("URL", 0.08),
    ]
)


def _parse(template: str) -> list[str]:
    """Alternating literal text and slot names: ["Call ", "PHONE", " now."]."""
    return _SLOT.split(template)


_PII_PARTS = {lang: [_parse(t) for t in P.PII_TEMPLATES[lang]] for lang in LANGS}
_PII_BY_KIND = {
    lang: {kind: [p for p in _PII_PARTS[lang] if kind in p[1::2]] for kind in PII_KINDS}
    for lang in LANGS
}
_SIGNATURE_PARTS = {lang: [_parse(t) for t in P.SIGNATURES[lang]] for lang in LANGS}
_LETTERS = {str(letter["key"]): letter for letter in P.LETTERS}
_SYNONYM_RE = {
    lang: re.compile(
        r"\b(" + "|".join(sorted(map(re.escape, P.SYNONYMS[lang]), key=len, reverse=True)) + r")\b"
    )
    for lang in LANGS
}
_AUXILIARY_RE = {
    lang: re.compile(r"(?<=[\s'’])(" + "|".join(P.AUXILIARIES[lang]) + r") ") for lang in LANGS
}


# --- Small pieces -------------------------------------------------------------------------------


def _de(np: str) -> str:
    return ("d'" + np) if np[0].lower() in _VOWELS else ("de " + np)


def _lower_first(sentence: str) -> str:
    if sentence.startswith(("I ", "Ottawa", "I'm")):
        return sentence
    return sentence[0].lower() + sentence[1:]


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def luhn_check_digit(digits: str) -> int:
    """The digit that makes ``digits`` + it pass the Luhn checksum."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:  # these positions are doubled once the check digit is appended
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return (10 - total % 10) % 10


def _sin(rng: Random, valid: bool) -> str:
    first = rng.choice(_SIN_FIRST.replace(" ", ""))
    body = first + "".join(str(rng.randrange(10)) for _ in range(7))
    check = luhn_check_digit(body)
    if not valid:
        check = (check + rng.randrange(1, 10)) % 10
    digits = body + str(check)
    sep = rng.choice((" ", "-", ""))
    return sep.join((digits[:3], digits[3:6], digits[6:]))


#: The ways people write a Canadian phone number; {ext} is "ext." or "poste" and a number.
_PHONE_STYLES = (
    "({area}) {exchange}-{line}",
    "{area}-{exchange}-{line}",
    "{area}.{exchange}.{line}",
    "{area} {exchange} {line}",
    "+1 {area} {exchange} {line}",
    "1-{area}-{exchange}-{line}",
    "{area}-{exchange}-{line} {ext}",
    "{area}{exchange}{line}",
    "1 ({area}) {exchange}-{line}",
)


def _phone(rng: Random, lang: str) -> str:
    area = rng.choice(P.AREA_CODES)
    exchange = f"{rng.randrange(200, 1000)}"
    line = f"{rng.randrange(10000):04d}"
    style = _PHONE_STYLES[rng.randrange(len(_PHONE_STYLES))]
    ext = ""
    if "{ext}" in style:
        ext = f"{'poste' if lang == 'fr' else 'ext.'} {rng.randrange(1, 500)}"
    return style.format(area=area, exchange=exchange, line=line, ext=ext)


_PC_FIRST = "ABCEGHJKLMNPRSTVXY"
_PC_OTHER = "ABCEGHJKLMNPRSTVWXYZ"


def _postal(rng: Random) -> str:
    code = (
        rng.choice(_PC_FIRST)
        + str(rng.randrange(10))
        + rng.choice(_PC_OTHER)
        + (" " if rng.random() < 0.6 else "")
        + str(rng.randrange(10))
        + rng.choice(_PC_OTHER)
        + str(rng.randrange(10))
    )
    return code.lower() if rng.random() < 0.1 else code


def _name(rng: Random, lang: str) -> str:
    if rng.random() < 0.2:
        lang = "fr" if lang == "en" else "en"
    return f"{rng.choice(P.GIVEN[lang])} {rng.choice(P.FAMILY[lang])}"


def _email(rng: Random, lang: str) -> str:
    first = _fold(rng.choice(P.GIVEN[lang])).lower()
    last = re.sub(r"[^a-z]", "", _fold(rng.choice(P.FAMILY[lang])).lower())
    style = rng.randrange(4)
    if style == 0:
        local = f"{first}.{last}"
    elif style == 1:
        local = f"{first[0]}{last}"
    elif style == 2:
        local = f"{first}{last}{rng.randrange(10, 100)}"
    else:
        local = f"{first}_{last}"
    return f"{local}@{rng.choice(P.EMAIL_DOMAINS)}"


def _address(rng: Random, lang: str) -> str:
    number = rng.randrange(1, 9999)
    street = rng.choice(P.STREETS[lang])
    if lang == "en":
        address = f"{number} {street} {rng.choice(P.STREET_TYPES_EN)}"
        if rng.random() < 0.2:
            address = f"Apt {rng.randrange(1, 40)}, {address}"
        return address
    kind = rng.choice(P.STREET_TYPES_FR)
    comma = "," if kind == "rue" and rng.random() < 0.5 else ""
    return f"{number}{comma} {kind} {street}"


def _pii_value(rng: Random, kind: str, lang: str) -> str:
    if kind == "EMAIL":
        return _email(rng, lang)
    if kind == "PHONE":
        return _phone(rng, lang)
    if kind == "POSTAL_CODE":
        return _postal(rng)
    if kind == "SIN":
        return _sin(rng, True)
    if kind == "SIN_INVALID":
        return _sin(rng, False)
    if kind == "NAME":
        return _name(rng, lang)
    if kind == "ADDRESS":
        return _address(rng, lang)
    return rng.choice(P.URLS)


def _fill(rng: Random, parts: list[str], lang: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Fill a parsed PII template: the text and its spans (offsets into it)."""
    pieces: list[str] = []
    spans: list[tuple[int, int, str]] = []
    length = 0
    for index, part in enumerate(parts):
        if index % 2:
            value = _pii_value(rng, part, lang)
            spans.append((length, length + len(value), part))
            part = value
        pieces.append(part)
        length += len(part)
    return "".join(pieces), spans


# --- Texts --------------------------------------------------------------------------------------


def _vary(rng: Random, sentence: str, lang: str, lead: float = 0.3, tail: float = 0.0) -> str:
    """The sentence in this writer's own words: synonyms, a hedge, a lead-in, a tail."""
    synonyms = P.SYNONYMS[lang]
    sentence = _SYNONYM_RE[lang].sub(
        lambda m: rng.choice(synonyms[m.group()]) if rng.random() < 0.5 else m.group(), sentence
    )
    if rng.random() < 0.5:
        match = _AUXILIARY_RE[lang].search(sentence)
        if match:
            at = match.end()
            sentence = f"{sentence[:at]}{rng.choice(P.HEDGES[lang])} {sentence[at:]}"
    if tail and sentence.endswith(".") and rng.random() < tail:
        sentence = sentence[:-1] + rng.choice(P.TAILS[lang]) + "."
    if lead and rng.random() < lead:
        sentence = rng.choice(P.LEADS[lang]) + _lower_first(sentence)
    return sentence


PHRASINGS = ("all", "seen")


@dataclass(frozen=True)
class Bank:
    """The phrase banks in use. ``"seen"`` leaves out every third noun phrase, descriptive
    sentence and statement frame (those at index 2, 5, ...), so that a model trained on "seen"
    data and tested on "all" data meets phrasings it never saw."""

    np: dict[str, dict[str, list[str]]]
    say: dict[str, dict[str, list[str]]]
    frames: dict[str, dict[str, list[str]]]

    @classmethod
    def of(cls, phrasings: str) -> Bank:
        if phrasings not in PHRASINGS:
            raise ValueError(f"phrasings must be one of {PHRASINGS}, not {phrasings!r}")

        def keep(items: list[str]) -> list[str]:
            if phrasings == "all":
                return list(items)
            return [item for index, item in enumerate(items) if index % 3 != 2]

        return cls(
            np={c: {lang: keep(v[lang]["np"]) for lang in LANGS} for c, v in P.TOPICS.items()},
            say={c: {lang: keep(v[lang]["say"]) for lang in LANGS} for c, v in P.TOPICS.items()},
            frames={k: {lang: keep(v[lang]) for lang in LANGS} for k, v in P.FRAMES.items()},
        )


_ALL = Bank.of("all")


def _topic_sentence(rng: Random, code: str, kind: str, lang: str, bank: Bank = _ALL) -> str:
    frame = rng.choice(bank.frames[kind][lang])
    np = rng.choice(bank.np[code][lang])
    tail = rng.choice(P.TAILS[lang]) if rng.random() < 0.45 else ""
    return _vary(rng, frame.format(np=np, dnp=_de(np), tail=tail), lang)


def _topics(rng: Random) -> list[str]:
    wanted = 1 + (rng.random() < 0.45) + (rng.random() < 0.2)
    codes: list[str] = []
    while len(codes) < wanted:
        code = _CODE(rng)
        if code not in codes:
            codes.append(code)
    return codes


def _words(sentence: str) -> int:
    return sentence.count(" ") + 1


def _organic(rng: Random, lang: str, bank: Bank = _ALL) -> tuple[list[str], set[str]]:
    """The sentences of an organic answer and its codes.

    One main sentence per topic (its statement frame gives the statement type), then, until a
    length drawn between 28 and 88 words (mode 52) is reached, at most one descriptive sentence
    per topic and further framed sentences about the topics; an opener, a closer and a sentence
    with misleading keywords now and then.
    """
    target = int(rng.triangular(28, 88, 52))
    codes: set[str] = set()
    groups: list[list[str]] = []
    words = 0
    topics = _topics(rng)
    for code in topics:
        kind = _TYPE(rng)
        sentence = _topic_sentence(rng, code, kind, lang, bank)
        codes.add(code)
        if kind != "none":
            codes.add(kind)
        groups.append([sentence])
        words += _words(sentence)
    opener = ""
    if rng.random() < 0.35 and words < target - 10:
        opener = (
            rng.choice(P.OPENER_A[lang])
            + rng.choice(P.OPENER_B[lang])
            + rng.choice(P.OPENER_C[lang])
            + "."
        )
        words += _words(opener)
    closer = ""
    if rng.random() < 0.3 and words < target - 6:
        closer = _vary(rng, rng.choice(P.CLOSERS[lang]), lang, 0.0)
        words += _words(closer)
    if rng.random() < 0.25 and words < target - 8:
        distractor = _vary(rng, rng.choice(P.DISTRACTORS[lang]), lang, 0.2)
        groups[rng.randrange(len(groups))].append(distractor)
        words += _words(distractor)
    # Elaborations, each after its topic's sentence: one descriptive sentence per topic at most,
    # then more framed sentences (mostly without a statement type).
    said = [False] * len(topics)
    attempts = 0
    while words < target - 4 and attempts < 12:
        attempts += 1
        i = rng.randrange(len(topics))
        if not said[i] and rng.random() < 0.7:
            sentence = _vary(rng, rng.choice(bank.say[topics[i]][lang]), lang, 0.3, 0.3)
            said[i] = True
        else:
            kind = "none" if rng.random() < 0.6 else _TYPE(rng)
            sentence = _topic_sentence(rng, topics[i], kind, lang, bank)
            if kind != "none":
                codes.add(kind)
        length = _words(sentence)
        if words + length > target + 8 and words >= 28:
            continue
        groups[i].append(sentence)
        words += length
    sentences = [opener] if opener else []
    for group in groups:
        sentences.extend(group)
    if closer:
        sentences.append(closer)
    return sentences, codes


def _edit(rng: Random, text: str, lang: str, edits: int) -> str:
    """Change, add or remove a few words."""
    words = text.split(" ")
    swaps = P.SWAPS[lang]
    for _ in range(edits):
        op = rng.random()
        if op < 0.35 or len(words) < 8:
            words.insert(rng.randrange(1, len(words)), rng.choice(P.INSERTS[lang]))
        elif op < 0.65:
            del words[rng.randrange(1, len(words) - 1)]
        else:
            candidates = [i for i, word in enumerate(words) if word in swaps]
            if candidates:
                i = rng.choice(candidates)
                words[i] = swaps[words[i]]
            else:
                words.insert(rng.randrange(1, len(words)), rng.choice(P.INSERTS[lang]))
    return " ".join(words)


def _surface(rng: Random, text: str) -> str:
    """Change case, punctuation and spacing only."""
    r = rng.random()
    if r < 0.12:
        text = text.lower()
    elif r < 0.15:
        text = text.upper()
    if rng.random() < 0.15:
        text = text.replace(",", "")
    r = rng.random()
    if r < 0.1:
        text = text.rstrip(".")
    elif r < 0.2:
        text = text.rstrip(".") + "!"
    r = rng.random()
    if r < 0.1:
        text = text.replace(". ", ".  ")
    elif r < 0.18:
        text = text.replace(". ", ".\n\n")
    if rng.random() < 0.1:
        text = "  " + text + " "
    if rng.random() < 0.04:
        text = _fold(text)
    return text


# --- Campaigns ----------------------------------------------------------------------------------


@dataclass
class Campaign:
    id: str
    kind: str
    language: str  # "en", "fr" or "en+fr"
    size: int
    letter: str  # a letter key ("L01"), or "organic" for a small group copying an answer
    codes: set[str] = field(default_factory=set)
    base: str = ""  # the copied answer, for a small group

    def to_dict(self) -> dict[str, Any]:
        return {
            "codes": sorted(self.codes),
            "kind": self.kind,
            "language": self.language,
            "letter": self.letter,
            "size": self.size,
        }


def _plan(rng: Random, records: int, share: float, bank: Bank = _ALL) -> list[Campaign]:
    """Campaigns and their sizes, totalling round(records * share) members."""
    members = round(records * share)
    if members < 3:
        return []
    # Letters in an order that keeps the four kinds balanced when only some fit.
    order = [P.LETTERS[i] for i in (0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11)]
    usable = min(len(order), int(members * LETTER_SHARE) // 6)
    letters = order[:usable]
    weights = [1 / (rank + 1) ** 0.7 for rank in range(len(letters))]
    rng.shuffle(weights)
    letter_total = round(members * LETTER_SHARE) if letters else 0
    sizes = [max(3, int(w / sum(weights) * letter_total)) for w in weights]
    if sizes:
        largest = sizes.index(max(sizes))
        sizes[largest] += letter_total - sum(sizes)
    campaigns: list[Campaign] = []
    for letter, size in zip(letters, sizes, strict=True):
        kind = str(letter["kind"])
        language = "en+fr" if kind == "crosslang" else ("en" if rng.random() < 0.65 else "fr")
        campaigns.append(
            Campaign("", kind, language, size, str(letter["key"]), set(letter["codes"]))  # type: ignore[call-overload]
        )
    remaining = members - sum(sizes)
    while remaining >= 3:
        size = min(remaining, rng.randrange(3, 11))
        if 0 < remaining - size < 3:
            size = remaining
        lang = "en" if rng.random() < ENGLISH_SHARE else "fr"
        sentences, codes = _organic(rng, lang, bank)
        kind = "exact" if rng.random() < 0.5 else "near"
        campaigns.append(Campaign("", kind, lang, size, "organic", codes, " ".join(sentences)))
        remaining -= size
    if remaining:
        campaigns[-1].size += remaining
    for number, campaign in enumerate(campaigns, 1):
        campaign.id = f"K{number:04d}"
    return campaigns


# --- The generator ------------------------------------------------------------------------------


class Synthetic:
    """``for record, truth in Synthetic(1000, seed=1): ...``; `campaigns` is known up front."""

    def __init__(
        self,
        records: int,
        *,
        seed: int = 2018,
        campaign_share: float = 0.3,
        pii_share: float = 0.1,
        phrasings: str = "all",
    ) -> None:
        if records < 0 or not 0 <= campaign_share <= 1 or not 0 <= pii_share <= 1:
            raise ValueError("records must be >= 0 and shares between 0 and 1")
        self.records = records
        self.seed = seed
        self.campaign_share = campaign_share
        self.pii_share = pii_share
        self.phrasings = phrasings
        self._bank = Bank.of(phrasings)
        self._rng = Random(seed)
        self.campaigns = _plan(self._rng, records, campaign_share, self._bank)

    def __iter__(self) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
        rng = self._rng
        slots = [-1] * self.records
        position = 0
        for index, campaign in enumerate(self.campaigns):
            slots[position : position + campaign.size] = [index] * campaign.size
            position += campaign.size
        rng.shuffle(slots)
        width = max(7, len(str(self.records)))
        for number, slot in enumerate(slots, 1):
            campaign = self.campaigns[slot] if slot >= 0 else None
            if campaign is None:
                record, truth = self._organic(rng)
            else:
                record, truth = self._member(rng, campaign)
            record_id = f"R{number:0{width}d}"
            yield {"id": record_id, **record}, {"id": record_id, **truth}
        self._rng = Random(self.seed)  # a second iteration gives the same data
        self.campaigns = _plan(self._rng, self.records, self.campaign_share, self._bank)

    def _metadata(
        self, rng: Random, lang: str, codes: set[str], channel: str | None = None
    ) -> dict[str, str]:
        types = sorted(codes & P.QUESTION_OF_TYPE.keys())
        if types and rng.random() < 0.7:
            question = P.QUESTION_OF_TYPE[rng.choice(types)]
        else:
            question = rng.choice(P.QUESTIONS)
        return {
            "question": question,
            "sector": _SECTOR(rng),
            "region": _REGION[lang](rng),
            "channel": channel or _CHANNEL(rng),
            "date": rng.choice(_DATES),
            "consent": "yes" if rng.random() < 0.9 else "no",
        }

    def _organic(self, rng: Random) -> tuple[dict[str, Any], dict[str, Any]]:
        lang = "en" if rng.random() < ENGLISH_SHARE else "fr"
        sentences, codes = _organic(rng, lang, self._bank)
        spans: list[tuple[int, int, str]] = []
        if rng.random() < self.pii_share:
            planted: list[tuple[str, list[tuple[int, int, str]]]] = [(x, []) for x in sentences]
            for _ in range(1 + (rng.random() < 0.25)):
                kind = _PII_KIND(rng)
                sentence, own = _fill(rng, rng.choice(_PII_BY_KIND[lang][kind]), lang)
                planted.insert(rng.randrange(len(planted) + 1), (sentence, own))
            text, spans = _join_with_spans(planted)
        else:
            text = " ".join(sentences)
        record = {"text": text, **self._metadata(rng, lang, codes)}
        return record, _truth(codes, lang, None, spans)

    def _member(self, rng: Random, campaign: Campaign) -> tuple[dict[str, Any], dict[str, Any]]:
        codes = set(campaign.codes)
        if campaign.letter == "organic":
            lang = campaign.language
            text = campaign.base
            if campaign.kind == "near":
                text = _edit(rng, text, lang, rng.randrange(1, 3))
        else:
            letter = _LETTERS[campaign.letter]
            if campaign.kind == "crosslang":
                lang = "en" if rng.random() < 0.6 else "fr"
            else:
                lang = campaign.language
            text = str(letter[lang])
            if campaign.kind == "template":
                other = "fr" if lang == "en" else "en"
                towns = P.TOWNS[lang] if rng.random() < 0.85 else P.TOWNS[other]
                text = text.format(
                    town=rng.choice(towns),
                    org=rng.choice(P.ORGS[lang]),
                    n=rng.randrange(5, 400),
                )
            elif campaign.kind == "near":
                text = _edit(rng, text, lang, rng.randrange(1, 4))
        text = _surface(rng, text)
        if rng.random() < ADDED_SENTENCE_SHARE:
            code = _CODE(rng)
            kind = _TYPE(rng)
            added = _topic_sentence(rng, code, kind, lang, self._bank)
            codes.add(code)
            if kind != "none":
                codes.add(kind)
            text = f"{added} {text}" if rng.random() < 0.3 else f"{text.rstrip()} {added}"
        spans: list[tuple[int, int, str]] = []
        if rng.random() < self.pii_share:
            signature, own = _fill(rng, rng.choice(_SIGNATURE_PARTS[lang]), lang)
            text = text.rstrip()
            offset = len(text) + 1
            text = f"{text} {signature}"
            spans = [(start + offset, end + offset, kind) for start, end, kind in own]
        channel = "email" if rng.random() < 0.6 else None
        record = {"text": text, **self._metadata(rng, lang, codes, channel)}
        return record, _truth(codes, lang, campaign, spans)


def _join_with_spans(
    sentences: list[tuple[str, list[tuple[int, int, str]]]],
) -> tuple[str, list[tuple[int, int, str]]]:
    """Join sentences with spaces; their spans become offsets into the joined text."""
    spans: list[tuple[int, int, str]] = []
    offset = 0
    for sentence, own in sentences:
        spans.extend((start + offset, end + offset, kind) for start, end, kind in own)
        offset += len(sentence) + 1
    return " ".join(sentence for sentence, _ in sentences), spans


def _truth(
    codes: set[str], lang: str, campaign: Campaign | None, spans: list[tuple[int, int, str]]
) -> dict[str, Any]:
    return {
        "codes": sorted(codes),
        "language": lang,
        "campaign": campaign.id if campaign else None,
        "campaign_kind": campaign.kind if campaign else None,
        "pii": [{"start": s, "end": e, "kind": k} for s, e, k in spans],
    }


def write(generator: Synthetic, out: Path, truth_path: Path | None = None) -> dict[str, Any]:
    """Stream the records to `out` (JSON Lines) and the truth to `truth_path`; a summary."""
    out.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    words = 0
    english = 0
    with_pii = 0
    in_campaigns = 0
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode
    compact = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    truth_file = None
    if truth_path is not None:
        truth_path.parent.mkdir(parents=True, exist_ok=True)
        truth_file = truth_path.open("w", encoding="utf-8")
        header = {
            "generator": "bench/analysis/synthetic.py",
            "seed": generator.seed,
            "records": generator.records,
            "campaign_share": generator.campaign_share,
            "pii_share": generator.pii_share,
            "phrasings": generator.phrasings,
            "campaigns": {c.id: c.to_dict() for c in generator.campaigns},
        }
        truth_file.write(compact(header)[:-1] + ',\n"truth":[\n')
    try:
        with out.open("w", encoding="utf-8") as handle:
            first = True
            for record, truth in generator:
                handle.write(dumps(record) + "\n")
                words += len(record["text"].split())
                english += truth["language"] == "en"
                with_pii += bool(truth["pii"])
                in_campaigns += truth["campaign"] is not None
                if truth_file is not None:
                    truth_file.write(("" if first else ",\n") + compact(truth))
                first = False
        if truth_file is not None:
            truth_file.write("\n]}\n")
    finally:
        if truth_file is not None:
            truth_file.close()
    elapsed = time.perf_counter() - started
    n = max(generator.records, 1)
    return {
        "records": generator.records,
        "seconds": round(elapsed, 2),
        "records_per_second": round(generator.records / elapsed) if elapsed else None,
        "mean_words": round(words / n, 1),
        "english_share": round(english / n, 3),
        "pii_share": round(with_pii / n, 3),
        "campaign_share": round(in_campaigns / n, 3),
        "campaigns": len(generator.campaigns),
    }


def read_truth(path: Path) -> dict[str, Any]:
    """The truth file as a dict (loads it whole: meant for benchmark-sized files)."""
    with path.open(encoding="utf-8") as handle:
        return json.load(handle)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000, help="number of records")
    parser.add_argument("--out", type=Path, required=True, help="records, JSON Lines")
    parser.add_argument("--truth", type=Path, help="truth file, JSON")
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--campaign-share", type=float, default=0.3)
    parser.add_argument("--pii-share", type=float, default=0.1)
    parser.add_argument(
        "--phrasings",
        choices=PHRASINGS,
        default="all",
        help="'seen' leaves out a third of the phrasings (training data for unseen-phrasing tests)",
    )
    args = parser.parse_args(argv)
    generator = Synthetic(
        args.records,
        seed=args.seed,
        campaign_share=args.campaign_share,
        pii_share=args.pii_share,
        phrasings=args.phrasings,
    )
    summary = write(generator, args.out, args.truth)
    print(json.dumps(summary), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
