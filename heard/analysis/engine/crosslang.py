"""The same letter in English and in French, for `campaigns` (its step 4, the translation pass).

Each group found by the same-language passes is read through its central text: its language and
its concepts (`bilingual.concepts`, French words read as English concepts through a hand-written
lexicon, and `cognate` keys for words the lexicon does not hold). Groups of two records or more
are indexed by concept, per language; every group looks in the other language's index with its
rarest concepts, and the few candidates answering most probes are verified: lengths alike,
concepts alike (weighted Jaccard), then sentences in the same order. `campaigns` describes the
thresholds and their limits.

Pure Python; imports no Django.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from heard.analysis.engine.bilingual import analyse, concepts
from heard.analysis.engine.copies import MAX_SENTENCES, UnionFind, aligned_sentences
from heard.analysis.engine.language import sentences

_MIN_CONCEPTS = 8  # shorter texts are not matched across languages: too likely to agree by chance
_PROBES = 8  # the rarest concepts of a text that look for candidates in the other language
_POSTING_LIMIT = 50  # a concept held by more indexed campaigns than this proposes none of them
_MIN_HITS = 2  # probes a candidate must answer
_CANDIDATES = 3  # candidates verified per text, most hits first
_LENGTH_RATIO = 0.5  # concepts of the shorter text over those of the longer
_TEXT_SIMILARITY = 0.3  # weighted Jaccard of the two concept sets
_TEXT_SIMILARITY_ALONE = 0.45  # the same, when there are not two sentences to align
_SENTENCE_CONCEPTS = 2  # sentences with fewer concepts ("Merci.") are left out of the alignment
_SENTENCE_SIMILARITY = 0.3  # Jaccard of two sentences' concepts for them to align
_ALIGNED_SHARE = 0.6  # aligned sentences over the sentences of the text that has fewer
_ALIGNED_ALL = 3  # texts with this many sentences or fewer to align need them all aligned
_WEIGHT_SAMPLE = 20_000  # texts sampled (evenly, in sorted order) for concept frequencies
_IDF_CAP = 5.0

# Word endings that differ between an English word and its French cognate once both are folded
# and stemmed (`bilingual.stem`, which a French word the lexicon does not hold goes through
# too): "organisation"/"organization", "stratégie"/"strategy", "sécurité"/"security",
# "publique"/"public", "directeur"/"director", "nécessaire"/"necessary", "négatif"/"negative",
# "américain"/"american".
_COGNATE_ENDINGS: tuple[tuple[str, str], ...] = (
    ("iqu", "ic"),
    ("eur", "or"),
    ("aire", "ar"),
    ("air", "ar"),
    ("iv", "if"),
    ("ain", "an"),
)
_TRAILING_VOWELS = re.compile(r"(?<=[^aeiouy])[aeiouy]+$")


@dataclass
class _Unit:
    """A group after the same-language passes, seen through its central text."""

    node: int  # its root in the union-find
    language: str  # "en" or "fr"
    concepts: frozenset[str]
    text: str
    weight: int = 0  # sum of its concepts' weights, once needed
    sentences: list[frozenset[str]] | None = None  # filled when first needed


def _weights(sample: list[frozenset[str]]) -> tuple[dict[str, int], int]:
    """Integer weights (10 x (1 + capped idf)) of the concepts of `sample`, and the weight of a
    concept it does not hold. Integers, so that sums do not depend on the order of a set."""
    frequency: Counter[str] = Counter()
    for concept_set in sample:
        frequency.update(concept_set)
    size = len(sample)
    weights = {
        concept: round(10 * (1 + min(_IDF_CAP, math.log((size + 1) / (count + 1)))))
        for concept, count in frequency.items()
    }
    return weights, round(10 * (1 + min(_IDF_CAP, math.log(size + 1))))


def _sentence_sets(unit: _Unit) -> list[frozenset[str]]:
    if unit.sentences is None:
        sets = (
            frozenset(map(cognate, concepts(sentence, unit.language)))
            for sentence in sentences(unit.text)
        )
        unit.sentences = [
            concept_set for concept_set in sets if len(concept_set) >= _SENTENCE_CONCEPTS
        ][:MAX_SENTENCES]
    return unit.sentences


def _translated(first: _Unit, second: _Unit, weights: dict[str, int], unseen: int) -> bool:
    """Whether two texts in different languages are the same letter: similar concepts overall,
    then most sentences aligned in order."""
    short, long = sorted((len(first.concepts), len(second.concepts)))
    if short < _LENGTH_RATIO * long:
        return False
    for unit in (first, second):
        if not unit.weight:
            unit.weight = sum(weights.get(concept, unseen) for concept in unit.concepts)
    shared = sum(weights.get(concept, unseen) for concept in first.concepts & second.concepts)
    if shared < _TEXT_SIMILARITY * (first.weight + second.weight - shared):
        return False
    left, right = _sentence_sets(first), _sentence_sets(second)
    fewer = min(len(left), len(right))
    if fewer < 2:  # one sentence, or a copy typed without punctuation: nothing to align
        return shared >= _TEXT_SIMILARITY_ALONE * (first.weight + second.weight - shared)
    aligned = aligned_sentences(left, right, _SENTENCE_SIMILARITY)
    return aligned >= min(fewer, _ALIGNED_ALL) and aligned >= _ALIGNED_SHARE * fewer


def translation_pairs(
    units: list[tuple[int, str, int]], uf: UnionFind, kind: int
) -> dict[int, str]:
    """Union groups in English with groups in French that are the same letter.

    `units` holds (root node, central text, records) for each group so far, by node. Returns
    the language of every node joined to another language."""
    stride = max(1, len(units) // _WEIGHT_SAMPLE)
    sample: list[frozenset[str]] = []
    sampled: dict[int, tuple[str | None, frozenset[str]]] = {}
    anchors: list[_Unit] = []
    by_node: dict[int, _Unit] = {}
    postings: dict[str, dict[str, list[int]]] = {"en": {}, "fr": {}}
    # Groups of two or more records are indexed: a translation is looked for among them. An
    # even sample of all groups gives the weights of concepts (rare ones weigh more).
    for position, (node, text, size) in enumerate(units):
        if size < 2 and position % stride:
            continue
        language, found = analyse(text)
        concept_set = frozenset(map(cognate, found))
        if position % stride == 0:
            sample.append(concept_set)
            sampled[node] = (language, concept_set)
        if size >= 2 and language in postings and len(concept_set) >= _MIN_CONCEPTS:
            index = postings[language]
            for concept in concept_set:
                index.setdefault(concept, []).append(len(anchors))
            by_node[node] = _Unit(node, language, concept_set, text)
            anchors.append(by_node[node])
    if not postings["en"] or not postings["fr"]:
        return {}
    weights, unseen = _weights(sample)
    del sample
    # The concepts that may propose candidates, with the indexed groups holding them.
    probing = {
        language: {concept: held for concept, held in index.items() if len(held) <= _POSTING_LIMIT}
        for language, index in postings.items()
    }

    joined: dict[int, str] = {}
    for node, text, _ in units:
        unit = by_node.get(node)
        if unit is None:
            known = sampled.pop(node, None)
            language, concept_set = known if known is not None else _analysed(text)
            if language not in postings or len(concept_set) < _MIN_CONCEPTS:
                continue
            unit = _Unit(node, language, concept_set, text)
        other = probing["fr" if unit.language == "en" else "en"]
        shared = unit.concepts & other.keys()
        if not shared:
            continue
        probes = sorted((len(other[concept]), concept) for concept in shared)[:_PROBES]
        hits: Counter[int] = Counter()
        for _, concept in probes:
            hits.update(other[concept])
        candidates = sorted(
            (-count, anchor) for anchor, count in hits.items() if count >= _MIN_HITS
        )[:_CANDIDATES]
        for _, anchor_index in candidates:
            anchor = anchors[anchor_index]
            if uf.find(node) == uf.find(anchor.node):
                continue
            if _translated(unit, anchor, weights, unseen):
                uf.union(node, anchor.node, kind)
                joined[node] = unit.language
                joined[anchor.node] = anchor.language
    return joined


def _analysed(text: str) -> tuple[str | None, frozenset[str]]:
    language, found = analyse(text)
    return language, frozenset(map(cognate, found))


@cache
def cognate(concept: str) -> str:
    """A concept as a key that an English word and its French cognate share, for words the
    lexicon does not hold: translations written freely use many of them, and they are most of
    what the hand-written lexicon misses. "z" is read as "s", a few endings are made alike, and
    the last vowels are dropped ("strategi"/"strategy" -> "strateg"). Short concepts are kept
    as they are: "pas", "but", "art" would meet words they have nothing to do with."""
    if len(concept) < 5:
        return concept
    key = concept.replace("z", "s")
    for french, english in _COGNATE_ENDINGS:
        if key.endswith(french):
            key = key[: -len(french)] + english
            break
    return _TRAILING_VOWELS.sub("", key)
