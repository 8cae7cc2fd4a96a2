"""English or French, per text and per sentence, offline and deterministic.

A small evidence model, written by hand rather than trained (see `wordlists`):

- each word adds a log-odds weight: frequent function words of one language that are not words
  of the other (``the``, ``les``), then common words of consultations (``victims``, ``victimes``);
- a word not in the lists may still carry a cue: a French elision (``l'accès``, ``qu'il``), an
  English contraction or possessive (``don't``, ``survivor's``), a French letter (é è ê à ç ù œ...),
  a telling ending (``-ing``, ``-ly``, ``-ness`` / ``-eux``, ``-aient``, ``-eur``), or letters that
  French spells almost only in borrowed words (``w``, ``k``, ``th``, ``sh``);
- each word's evidence is capped, so one odd word cannot decide a sentence, and the sum is scaled
  down (`_SCALE`) because the words of a sentence are not independent witnesses;
- the confidence is the logistic of the scaled sum, so more clear words give a higher confidence;
  below `_MIN_LOG_ODDS` (too short, no cue, or cues that cancel out) the answer is "und".

Positive log-odds mean English, negative mean French.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from heard.analysis.engine.wordlists import (
    EN_CONTRACTIONS,
    FR_ELISIONS,
    FR_LETTERS,
    SUFFIXES,
    WORD_WEIGHTS,
    words,
)

Language = Literal["en", "fr", "und"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
_WORD_CAP = 2.5  # no single word says more than this
_SCALE = 0.6  # words of one sentence are not independent: temper their sum
_MIN_LOG_ODDS = 1.2  # below this (after scaling), "und": about 77% at best
_MIXED_MIN_CONFIDENCE = 0.8
_MIXED_MIN_WORDS = 3

# Words ending in a full stop that do not end a sentence (compared in lower case, without it).
_ABBREVIATIONS = frozenset(
    words("m mm mme mmes mlle mr mrs ms dr st p ex e.g i.e cf vs no art al fig env approx ch sect")
)
_BOUNDARY = re.compile(r"[.!?;]+[\"'”»)\]]*(?=\s|$)|\n")


@dataclass(frozen=True)
class Detection:
    language: Language
    confidence: float  # probability of `language`; 0.0 for "und"


@lru_cache(maxsize=1 << 18)
def _word_evidence(word: str) -> float:
    """Log-odds that `word` (lower case) is English rather than French (remembered: a pure
    function of the word, and the same few thousand words make up most answers)."""
    if word in WORD_WEIGHTS:
        return WORD_WEIGHTS[word]
    word = word.replace("’", "'")
    if "'" in word:
        head, _, tail = word.partition("'")
        if head in FR_ELISIONS:
            return max(-_WORD_CAP, -1.5 + min(0.0, _word_evidence(tail)))
        if word.rpartition("'")[2] in EN_CONTRACTIONS:
            return min(_WORD_CAP, 1.5 + max(0.0, _word_evidence(word.rpartition("'")[0])))
        return 0.0
    score = 0.0
    if any(letter in FR_LETTERS for letter in word):
        score -= 1.5
    for suffix, weight, min_length in SUFFIXES:
        if len(word) >= min_length and word.endswith(suffix):
            score += weight
            break
    if "w" in word or "k" in word:
        score += 0.5
    if "th" in word or "sh" in word:
        score += 0.5
    return max(-_WORD_CAP, min(_WORD_CAP, score))


def _evidence(text: str) -> list[float]:
    """The evidence of each word of `text` that carries a cue, in order."""
    found = []
    for match in _WORD.finditer(text.casefold()):
        evidence = _word_evidence(match.group())
        if evidence:
            found.append(evidence)
    return found


def _summed(evidence: Iterable[float]) -> tuple[float, int]:
    """Scaled log-odds for English over French, and the number of words that carried a cue. Added
    one by one in the words' order, so a text's sum is the same whether its words are read at once
    or sentence by sentence (`detect_record` reads each word once)."""
    total = 0.0
    cues = 0
    for value in evidence:
        total += value
        cues += 1
    return total * _SCALE, cues


def _log_odds(text: str) -> tuple[float, int]:
    """Scaled log-odds for English over French, and the number of words that carried a cue."""
    return _summed(_evidence(text))


def _decide(log_odds: float, cues: int) -> Detection:
    if cues == 0 or abs(log_odds) < _MIN_LOG_ODDS:
        return Detection("und", 0.0)
    confidence = round(1.0 / (1.0 + math.exp(-abs(log_odds))), 4)
    return Detection("en" if log_odds > 0 else "fr", confidence)


def detect(text: str) -> Detection:
    """English, French or "und" (too short or no signal), with the probability of the answer."""
    return _decide(*_log_odds(text))


def _spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, whitespace trimmed, empty ones dropped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        end = boundary.end()
        if boundary.group() != "\n" and boundary.group()[0] == ".":
            before = text[start : boundary.start()].split()
            last = before[-1].casefold() if before else ""
            # An abbreviation (M., p. ex.) or an initial (J. Smith) does not end a sentence.
            if last in _ABBREVIATIONS or (len(last) == 1 and last.isalpha()):
                continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    trimmed = []
    for begin, end in spans:
        piece = text[begin:end]
        stripped = piece.strip()
        if stripped:
            offset = begin + (len(piece) - len(piece.lstrip()))
            trimmed.append((offset, offset + len(stripped)))
    return trimmed


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text` (the review screen codes a sentence by them)."""
    return _spans(text)


def sentences(text: str) -> list[str]:
    """The sentences of `text`: split after . ! ? ; and at line breaks, not after M. or p. ex."""
    return [text[start:end] for start, end in _spans(text)]


def detect_sentences(text: str) -> list[tuple[str, Detection]]:
    return [(sentence, detect(sentence)) for sentence in sentences(text)]


def detect_record(text: str) -> dict[str, object]:
    """The language of a whole answer and of each sentence, as JSON-able data.

    `mixed` is true when at least one sentence of three or more words is confidently English and
    another confidently French; the record's own language weighs all its words together."""
    parts = []
    seen: set[str] = set()
    # Every word of the text is in one of its sentences (only spaces lie between them), so the
    # whole text's evidence is its sentences' evidence in order: each word is weighed once.
    everything: list[float] = []
    for start, end in _spans(text):
        sentence = text[start:end]
        evidence = _evidence(sentence)
        everything.extend(evidence)
        detection = _decide(*_summed(evidence))
        parts.append(
            {
                "start": start,
                "end": end,
                "language": detection.language,
                "confidence": detection.confidence,
            }
        )
        if (
            detection.language != "und"
            and detection.confidence >= _MIXED_MIN_CONFIDENCE
            and len(_WORD.findall(sentence)) >= _MIXED_MIN_WORDS
        ):
            seen.add(detection.language)
    overall = _decide(*_summed(everything))
    return {
        "language": overall.language,
        "confidence": overall.confidence,
        "mixed": seen == {"en", "fr"},
        "sentences": parts,
    }
