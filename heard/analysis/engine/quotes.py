"""Quotes for each label: short excerpts that are typical of it and unlike one another.

`select_quotes(records, labels=...)` takes the record views the pipeline builds after coding and
themes (plain dicts: ``id``, ``language``, ``campaign``, ``labels``, ``text``, ``segments``,
``consent``) and picks up to `per_label` excerpts for each label.

**Who may be quoted.** A record holding the label is eligible only if all of these hold:

1. its ``consent`` is ``True`` (``False`` and unknown, ``None``, both exclude it);
2. it is in no campaign, or it is a campaign member whose own added text (what the pipeline
   passes as ``text`` for members) has at least `_MIN_ADDED_WORDS` words: a campaign's common
   text is never quoted. Added text that several members of one campaign share word for word
   (after `normalise`) is campaign text too, and is not quoted either;
3. its text has at least `_MIN_WORDS` words;
4. its text holds nothing shaped like an email address, a phone number, a Canadian postal code
   or a nine-digit number (`has_pii_shape`). The text is redacted upstream; this is a second,
   deliberately blunt check: such a record is skipped, not repaired.

**Method.** One streaming pass keeps, for each label and language (en, fr, other), a bounded
pool of the `_POOL` eligible records with the highest confidence for the label (a heap; ties
broken by a hash of the seed and the record id, so the pool does not depend on input order or
on ``PYTHONHASHSEED``), and a fixed-size background sample of the records with text, quotable
or not (the `_BACKGROUND` smallest hashes of seed and id; only its word counts are used, nothing
from it is quoted). Then, per label, on the pool only:

- *characteristic terms*: for each word (folded, three letters or more, placeholders left out)
  in at least two pool texts, its share of the pool texts times the log ratio of that share to
  its share of the background texts not holding the label (counts smoothed by a half): a term of
  the Kullback-Leibler divergence, high for words both common in the label and rare elsewhere
  (a rare word found only in the label weighs little, a common word found everywhere nothing);
  the `_TERMS` words with the highest positive weight are the label's profile;
- *excerpt*: among the windows of one to three consecutive sentences (`language.sentences`)
  of each text, the one whose profile words weigh most per square root of its length, windows of
  at most `max_words` words first; it is trimmed to `max_words` at a word boundary and ends with
  "…" when trimmed. A placeholder (``[NAME]``) is never cut: words are split at spaces only, and
  a trim that would leave an opening bracket unclosed goes back before it;
- *representativeness*: half the label's confidence (relative to the pool's highest), half the
  cosine between the excerpt's words and the profile (relative to the best excerpt in the same
  language, so that the smaller language is not judged by the larger one's vocabulary);
- *variety*: maximal marginal relevance: each next quote maximises
  ``0.7 x representativeness - 0.3 x its highest Jaccard similarity (word sets) to a quote
  already chosen`` plus small bonuses for a language and segment values not yet covered.
  Excerpts with a similarity of `_NEAR_DUPLICATE` or more to a chosen one are never chosen (a
  label may get fewer quotes rather than twice the same one). When the pool holds both English
  and French, the last free places are kept for the language not yet quoted.

Output: labels in sorted order, each::

    {"eligible": 812, "records": 1400,
     "excluded": {"campaign_copy": 310, "no_consent": 250, "pii_shape": 3, "too_short": 25},
     "quotes": [{"confidence": 0.93, "id": "R00042", "language": "fr",
                 "segments": {"region": "QC", "sector": "ngos"},
                 "text": "Il manque de places en refuge dans le Nord…"}]}

``records`` counts the records holding the label, ``eligible`` those that could be quoted, and
``excluded`` the others by first failed rule (consent is checked first). Quotes are in the order
chosen, the most representative first; confidence is rounded to 4 decimals, ``segments`` keeps
the string values only.

Cost: the pass is O(n) with O(log `_POOL`) heap work for the few records that enter a pool;
only consenting records holding a label are split into words and checked for personal data
shapes (a digit or an "@" must be present before any pattern runs). Memory is O(labels x
`_POOL` + `_BACKGROUND`) texts, plus a counter over campaign members' added texts. The per-label
work is O(pool x sentences) for excerpts and O(per_label x pool) for the selection.

Limits: "typical" is judged by shared words, not meaning: paraphrases are not recognised as
near-duplicates, and a label whose records share no vocabulary gets quotes chosen mostly by
confidence. The pool is the most confident records, so a typical but less confident record may
never be considered. Sentence splitting is that of `language.sentences`.

Pure Python, standard library only; imports no Django.
"""

from __future__ import annotations

import heapq
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from heard.analysis.engine.language import sentences
from heard.analysis.engine.normalise import normalise, tokens

_POOL = 200  # candidates kept per label and language
_BACKGROUND = 2000  # records kept as the "rest" against which label terms are measured
_MIN_WORDS = 5
_MIN_ADDED_WORDS = 8
_TERMS = 50
_MIN_TERM_LENGTH = 3
_MAX_SENTENCES = 3
_NEAR_DUPLICATE = 0.6
_LAMBDA = 0.7
_LANGUAGE_BONUS = 0.1
_SEGMENT_BONUS = 0.05
_LANGUAGES = ("en", "fr")
_REASONS = ("campaign_copy", "no_consent", "pii_shape", "too_short")

_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
_DIGIT = re.compile(r"\d")
_EMAIL_SHAPE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE_SHAPE = re.compile(r"(?<!\d)(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?!\d)")
_POSTAL_SHAPE = re.compile(r"(?<![^\W_])[A-Za-z]\d[A-Za-z][\s-]?\d[A-Za-z]\d(?![^\W_])")
_NINE_DIGITS = re.compile(r"(?<!\d)\d{3}[\s-]?\d{3}[\s-]?\d{3}(?!\d)")
_TRAILING = ",;:-–—(«\"'“‘"


def has_pii_shape(text: str) -> bool:
    """Whether `text` holds something shaped like an email, phone, postal code or SIN."""
    if "@" in text and _EMAIL_SHAPE.search(text):
        return True
    if not _DIGIT.search(text):
        return False
    return bool(
        _PHONE_SHAPE.search(text) or _POSTAL_SHAPE.search(text) or _NINE_DIGITS.search(text)
    )


def _tie(seed: int, record_id: str) -> int:
    return zlib.crc32(f"{seed}\x1f{record_id}".encode())


def _words(text: str) -> frozenset[str]:
    """Folded words of at least `_MIN_TERM_LENGTH` letters, placeholders left out."""
    return frozenset(
        word
        for word in tokens(_PLACEHOLDER.sub(" ", text))
        if len(word) >= _MIN_TERM_LENGTH and not word.isdigit()
    )


def _jaccard(first: frozenset[str], second: frozenset[str]) -> float:
    if not first or not second:
        return 1.0 if first == second else 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def trim(text: str, max_words: int) -> str:
    """`text` cut to at most `max_words` space-separated words, with "…" if anything was cut.

    Never ends inside a bracketed placeholder: if an opening "[" would be left unclosed, the cut
    goes back before it."""
    words = text.split()
    if len(words) <= max_words:
        return " ".join(words)
    kept = words[:max_words]
    while kept:
        joined = " ".join(kept)
        opening = joined.rfind("[")
        if opening == -1 or joined.find("]", opening) != -1:
            break
        # Drop back to the word holding the unclosed bracket, and that word too.
        kept = joined[:opening].split()
    cut = " ".join(kept).rstrip(_TRAILING + " ")
    return (cut + "…") if cut else ""


@dataclass(frozen=True)
class _Entry:
    id: str
    text: str
    language: str
    segments: dict[str, str]
    campaign: str | None
    shared_key: int | None  # hash of the normalised added text of a campaign member


@dataclass
class _Counts:
    records: int = 0
    eligible: int = 0
    excluded: Counter[str] = field(default_factory=Counter)
    in_campaigns: Counter[tuple[str, int]] = field(default_factory=Counter)  # eligible members


@dataclass
class _Candidate:
    entry: _Entry
    confidence: float
    tie: int
    excerpt: str = ""
    words: frozenset[str] = frozenset()
    topical: float = 0.0
    score: float = 0.0


def _segments(raw: object) -> dict[str, str]:
    if not isinstance(raw, Mapping):
        return {}
    return {
        str(key): value
        for key, value in sorted(raw.items(), key=lambda item: str(item[0]))
        if isinstance(value, str) and value.strip()
    }


def _profile(
    pool: Sequence[_Candidate],
    pool_words: Sequence[frozenset[str]],
    rest_df: Counter[str],
    rest_n: int,
) -> dict[str, float]:
    """The label's characteristic words and their weights; see the module docstring."""
    df: Counter[str] = Counter()
    for words in pool_words:
        df.update(words)
    n = len(pool)
    weights = []
    for word, count in df.items():
        if count < 2:
            continue
        share = (count + 0.5) / (n + 1)
        # A term of the Kullback-Leibler divergence: frequent in the label *and* distinctive.
        weight = share * math.log(share / ((rest_df[word] + 0.5) / (rest_n + 1)))
        if weight > 0:
            weights.append((-weight, word))
    weights.sort()
    return {word: -negative for negative, word in weights[:_TERMS]}


def _excerpt(text: str, profile: Mapping[str, float], max_words: int) -> tuple[str, frozenset[str]]:
    """The window of one to three sentences most about the profile, trimmed; and its words."""
    parts = sentences(text) or [text]
    part_words = [_words(part) for part in parts]
    part_lengths = [len(part.split()) for part in parts]
    best: tuple[bool, float, int, int] | None = None
    chosen = (0, 1)
    for start in range(len(parts)):
        words: frozenset[str] = frozenset()
        length = 0
        for end in range(start + 1, min(start + _MAX_SENTENCES, len(parts)) + 1):
            words = words | part_words[end - 1]
            length += part_lengths[end - 1]
            weight = math.fsum(profile.get(word, 0.0) for word in words)  # order-free sum
            # Fitting windows first; then weight per square root of length; then earliest,
            # then (for windows with nothing of the label) the most context.
            key = (length <= max_words, weight / math.sqrt(max(length, 1)), -start, length)
            if best is None or key > best:
                best, chosen = key, (start, end)
    excerpt = trim(" ".join(parts[chosen[0] : chosen[1]]), max_words)
    return excerpt, _words(excerpt)


def _cosine(words: frozenset[str], profile: Mapping[str, float], norm: float) -> float:
    if not words or norm == 0:
        return 0.0
    return math.fsum(profile.get(word, 0.0) for word in words) / (norm * math.sqrt(len(words)))


def _score(
    candidates: list[_Candidate], rest_df: Counter[str], rest_n: int, max_words: int
) -> None:
    """Set each candidate's excerpt, its words and its representativeness (`score`)."""
    if not candidates:
        return
    profile = _profile(candidates, [_words(c.entry.text) for c in candidates], rest_df, rest_n)
    norm = math.sqrt(sum(weight * weight for weight in profile.values()))
    for candidate in candidates:
        candidate.excerpt, candidate.words = _excerpt(candidate.entry.text, profile, max_words)
        candidate.topical = _cosine(candidate.words, profile, norm)
    best_topical: dict[str, float] = {}
    for candidate in candidates:
        language = candidate.entry.language
        best_topical[language] = max(best_topical.get(language, 0.0), candidate.topical)
    best_confidence = max(candidate.confidence for candidate in candidates)
    for candidate in candidates:
        top = best_topical[candidate.entry.language]
        confidence = candidate.confidence / best_confidence if best_confidence > 0 else 0.0
        candidate.score = 0.5 * confidence + 0.5 * (candidate.topical / top if top > 0 else 0.0)


def _select(candidates: list[_Candidate], per_label: int) -> list[_Candidate]:
    """Maximal marginal relevance with language and segment coverage; see the docstring."""
    order = sorted(candidates, key=lambda c: (-c.score, -c.tie, c.entry.id))
    available = {c.entry.language for c in order} & set(_LANGUAGES)
    similarity = [0.0] * len(order)
    taken = [False] * len(order)
    chosen: list[_Candidate] = []
    covered_languages: set[str] = set()
    covered_values: dict[str, set[str]] = {}
    while len(chosen) < per_label:
        open_ = [
            index
            for index in range(len(order))
            if not taken[index] and similarity[index] < _NEAR_DUPLICATE
        ]
        if not open_:
            break
        missing = available - covered_languages
        if missing and len(missing) >= per_label - len(chosen):
            restricted = [index for index in open_ if order[index].entry.language in missing]
            open_ = restricted or open_

        def gain(index: int, missing: set[str] = missing) -> float:
            candidate = order[index].entry
            value = _LAMBDA * order[index].score - (1 - _LAMBDA) * similarity[index]
            if candidate.language in missing:
                value += _LANGUAGE_BONUS
            if candidate.segments:
                new = sum(
                    1
                    for key, segment in candidate.segments.items()
                    if segment not in covered_values.get(key, set())
                )
                value += _SEGMENT_BONUS * new / len(candidate.segments)
            return value

        best = max(open_, key=lambda index: (gain(index), -index))
        taken[best] = True
        pick = order[best]
        chosen.append(pick)
        covered_languages.add(pick.entry.language)
        for key, segment in pick.entry.segments.items():
            covered_values.setdefault(key, set()).add(segment)
        for index in range(len(order)):
            if not taken[index]:
                similarity[index] = max(similarity[index], _jaccard(order[index].words, pick.words))
    return chosen


def select_quotes(
    records: Iterable[Mapping[str, Any]],
    *,
    labels: Sequence[str],
    per_label: int = 5,
    max_words: int = 60,
    seed: int = 2018,
) -> dict[str, dict[str, Any]]:
    """Up to `per_label` representative, varied, quotable excerpts per label; see the module."""
    if per_label < 0:
        raise ValueError("per_label must not be negative")
    if max_words < 1:
        raise ValueError("max_words must be at least 1")
    wanted = sorted(set(labels))
    wanted_set = set(wanted)
    counts = {label: _Counts() for label in wanted}
    pools: dict[tuple[str, str], list[tuple[float, int, str, int, _Entry]]] = {}
    background: list[tuple[int, str, int, str, frozenset[str]]] = []  # max-heap on -tie
    shared: Counter[tuple[str, int]] = Counter()
    sequence = 0

    for record in records:
        sequence += 1
        record_id = str(record.get("id"))
        tie = _tie(seed, record_id)
        text_value = record.get("text")
        text = text_value if isinstance(text_value, str) else ""
        label_map = record.get("labels") or {}
        held = [label for label in label_map if label in wanted_set]

        if text:
            item = (-tie, record_id, sequence, text, frozenset(held))
            if len(background) < _BACKGROUND:
                heapq.heappush(background, item)
            elif item > background[0]:
                heapq.heapreplace(background, item)
        campaign = record.get("campaign") or None
        shared_key = None
        length = -1  # words of the text, counted only when needed
        if campaign and text:
            # Every member's added text is counted, quotable or not, to find shared ones.
            length = len(text.split())
            if length >= _MIN_ADDED_WORDS:
                shared_key = zlib.crc32(normalise(text).encode())
                shared[(campaign, shared_key)] += 1
        if not held:
            continue
        if length < 0:
            length = len(text.split())
        if record.get("consent") is not True:
            reason: str | None = "no_consent"
        elif campaign and length < _MIN_ADDED_WORDS:
            reason = "campaign_copy"
        elif length < _MIN_WORDS:
            reason = "too_short"
        elif has_pii_shape(text):
            reason = "pii_shape"
        else:
            reason = None

        entry: _Entry | None = None
        for label in held:
            label_counts = counts[label]
            label_counts.records += 1
            if reason is not None:
                label_counts.excluded[reason] += 1
                continue
            label_counts.eligible += 1
            if campaign and shared_key is not None:
                label_counts.in_campaigns[(campaign, shared_key)] += 1
            confidence = float(label_map[label])
            language = record.get("language")
            if language not in _LANGUAGES:
                language = "und"
            pool = pools.setdefault((label, language), [])
            key = (confidence, tie, record_id, -sequence)
            if len(pool) >= _POOL and key <= pool[0][:4]:
                continue
            if entry is None:
                entry = _Entry(
                    id=record_id,
                    text=text,
                    language=language,
                    segments=_segments(record.get("segments")),
                    campaign=campaign,
                    shared_key=shared_key,
                )
            # One entry is shared by the record's labels; each pool's key holds its confidence.
            item_pool = (*key, entry)
            if len(pool) < _POOL:
                heapq.heappush(pool, item_pool)
            else:
                heapq.heapreplace(pool, item_pool)

    # Background words, once; the rest for a label is the background without that label.
    background_words = [(item[4], _words(item[3])) for item in background]
    background_df: Counter[str] = Counter()
    for _, words in background_words:
        background_df.update(words)

    result: dict[str, dict[str, Any]] = {}
    for label in wanted:
        label_counts = counts[label]
        # Added text shared word for word by several members of a campaign is campaign text.
        for shared_text, count in label_counts.in_campaigns.items():
            if shared[shared_text] > 1:
                label_counts.eligible -= count
                label_counts.excluded["campaign_copy"] += count
        candidates = [
            _Candidate(entry=item[4], confidence=item[0], tie=item[1])
            for language in (*_LANGUAGES, "und")
            for item in pools.get((label, language), [])
            if not (item[4].campaign and shared[(item[4].campaign, item[4].shared_key or 0)] > 1)
        ]
        rest = [words for holding, words in background_words if label not in holding]
        rest_df = background_df.copy()
        for holding, words in background_words:
            if label in holding:
                rest_df.subtract(words)
        _score(candidates, rest_df, len(rest), max_words)
        candidates = [candidate for candidate in candidates if candidate.excerpt]
        chosen = _select(candidates, per_label) if per_label else []
        result[label] = {
            "eligible": label_counts.eligible,
            "excluded": {reason: label_counts.excluded[reason] for reason in _REASONS},
            "quotes": [
                {
                    "confidence": round(candidate.confidence, 4),
                    "id": candidate.entry.id,
                    "language": candidate.entry.language,
                    "segments": dict(candidate.entry.segments),
                    "text": candidate.excerpt,
                }
                for candidate in chosen
            ],
            "records": label_counts.records,
        }
    return result
