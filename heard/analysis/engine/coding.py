"""Coding: which codes of a codebook each answer is about, with a probability for each.

``Coder(codebook).fit(texts, labels).assign(new_texts)`` gives each (redacted) answer the codes
whose probability reaches their threshold (0.5 by default, then each code's own once it has
examples: see Thresholds), as `Assignment` records. With no
examples the coder works from the codebook alone; with answers coded by people it learns from
them. `keyword_baseline` is the plain keyword matcher that benchmarks compare it with, and
`read_coded` reads the ``--coded FILE`` of examples.

Words. An answer is folded (lower case, accents and ligatures folded: `normalise.tokens`), the
redaction placeholders (``[NAME]``, ``[EMAIL]``...) are dropped, and each word is cut to a light
stem (`stem`: one plural, one ending such as -ing, -ment, -ation, -ité, a final e; the same rules
for English and French), so that shelters/shelter, refuges/refuge and victims/victimes meet. The
features are the word and word-pair (bigram) stems, hashed into 2**20 columns by a fixed 64-bit
hash (BLAKE2b of each word, SplitMix64 mixing; never Python's `hash`, which changes with
PYTHONHASHSEED), weighted 1 + log(count), each row scaled to length 1. Nothing is fitted to the
vocabulary, so a text's features depend on that text alone; a learned model then weights the
columns its examples hold by their inverse document frequency among those examples (below).

The prior (the codebook alone). For each code:

- keywords: how many distinct keywords or names of the code (both languages, whole words,
  phrases word by word) occur in the answer, as written (after folding) and as stems;
- similarity: the cosine between the answer and the code's prototype, built from its names
  (counted twice), descriptions, keywords and examples in both languages, function words left
  out; a parent's prototype adds the mean of its children's;
- probability = logistic(-3.2 + 3.9·[a keyword as written] or 2.4·[only as a stem]
  + 0.8·min(further keywords, 2) + 10·similarity). So one keyword as written gives about 0.67 or
  more, two about 0.82; a keyword found only as a stem ("trained" for "training") needs some
  similarity too (a cosine of 0.08); without any keyword a code needs a cosine of 0.32 to reach
  0.5. These constants were set by hand on the demo codebook and checked on synthetic answers;
  they are not calibrated to any data, and the prior's "probabilities" are scores on a
  probability scale, nothing more.

Meaning (`Coder(..., meaning=Meaning())`, `meaning.py`). Each code also gets a meaning: the
mean sentence vector of its names with descriptions, keywords and examples, both languages (a
parent adds its children's mean), and each answer its own vector. From the codebook alone, an
answer with words that no subject code reaches (codes outside the "statement-type" group) gets
the subject leaf closest in meaning at probability 0.55 (or the coder's threshold if higher):
the closest code is not always a close one, so the pipeline still offers such answers to the
themes. With examples, each regression also reads the answer's vector (384 columns, centred on
the examples' mean) and its closeness to the code (cosine minus that of the closest leaf of its
kind, subjects apart from statement types; 20 x that, about 0 to -1) as a fourth prior feature.

Learning from examples. Each example's keys are completed with their ancestors; a code not in
an example's keys is taken as not applying to it. Every code with at least 3 positive and 3
negative examples gets a logistic regression (liblinear, L2, class_weight="balanced",
random_state=seed) on the hashed features of the columns the examples hold, each weighted by
log((1 + examples) / (1 + examples holding it)) + 1 and each row scaled to length 1 again (a
word every example uses says little; on the development sets, 2026-12-05, with 5 examples per
code and words alone, TREC micro F1 went from 0.348 to 0.424 and Reuters from 0.766 to 0.890,
with the exactly-one rule below), and the sentence vector with meaning, plus four features
from the prior (its keyword counts as written and as stems, each capped at 2,
4·similarity, and the closeness in meaning, 0 without it), so that a code with few
examples still leans on the codebook. One regularisation C for all codes is chosen from
(4, 16, 64, 256) by the mean out-of-fold average precision (3-fold stratified, seeded). A code
with at least 10 positive and 10 negative examples is then calibrated by Platt scaling fitted on
its out-of-fold scores: its probabilities are calibrated on the examples given (and only as well
as those examples represent the answers). A code with 3 to 9 positives keeps the regression's
own probability, which is not calibrated and leans towards recall (balanced class weights). A
code with fewer examples keeps its prior. `parameters` says which of these each code got.

Thresholds. A code with a model is assigned at its own threshold: the one of 0.10, 0.15, ...
0.90 that gives the best F1 on its out-of-fold probabilities (nearest the coder's `threshold`
on a tie), so a rare code whose examples score low is still assigned. When at least 90% of the
examples have a code, every answer gets at least its likeliest one (the largest margin over its
threshold); when every example (20 or more) has exactly one, every answer gets exactly one, as
with a question's type or a story's topic: the likeliest leaf by probability (thresholds are set
code by code, for codes that may go together, and say nothing about which of two exclusive
codes is likelier). A code given brings its ancestors.

Hierarchy. Every code, parent or child, is scored; then each parent's probability is raised to
at least the highest of its children's (an answer about shelters is about protection), so a
child is never assigned without its parent. Statement types (gap, trend...) are codes like any
other, scored independently of the pillars.

Active learning. `suggest` ranks answers by how uncertain the coder is: for each code
exp(-|logit p - logit threshold|) (1 at the threshold, small when sure), weighted by
1/sqrt(1 + positive examples of the code), summed over codes. Among the best 5k + 50 it picks one
at a time, discounting each remaining answer by its highest cosine similarity to those already
picked, so near-copies and campaign letters are not suggested together.

Determinism. Same inputs and seed give the same outputs: the hashing is fixed, nothing iterates
over a set or dict of strings, liblinear and the folds are seeded, and no multithreaded BLAS
call is involved (sparse products run in scipy's own single-threaded loops, and products with
sentence vectors in numpy's einsum, row by row). A record's
probabilities depend on its own text only, never on the other records or on the batch size.

Cost. For n answers of w words and C codes: O(n·w) to tokenise, stem (memoised per distinct
word), hash and match phrases (one vectorised table look-up per phrase length, all answers of a
batch at once), plus O(n·w·C) sparse products; texts go through in batches of 4096, so memory is
bounded by the batch, plus n·C floats for `probabilities` (`assign` keeps only what it returns).
Measured on one core of a shared two-core AMD EPYC virtual machine that was busy with other work
(so these are lower bounds), on synthetic bilingual answers of ~62 words and the demo codebook's
32 codes: `assign` ran at 11,000 to 19,000 answers a second, prior alone or learned, and
1,000,000 answers took 52 to 101 s (four runs; peak memory 1.3 GB with all the answers and their
assignments held in lists); `keyword_baseline` ran at 20,000 to 30,000 a second. Fitting runs
4 x 3 + 1 logistic regressions per code (4 values of C x 3 folds, whose out-of-fold scores also
feed Platt scaling, then the final one): about 5 s for 1,571 examples. Each code is fitted
apart, so `fit(..., workers=n)` shares the codes out among n processes (the out-of-fold scores of
every code first, then, once the common C is chosen, the final models), with the same result
whatever n.

Pure Python with numpy, scipy and scikit-learn (imported only to fit), and the bundled sentence
model through `meaning.py` when asked; nothing is downloaded; no Django.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any, Literal, TypeVar

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]
from scipy.optimize import minimize  # type: ignore[import-untyped]
from scipy.special import expit  # type: ignore[import-untyped]

from heard.analysis.engine.codebook import Code, Codebook
from heard.analysis.engine.meaning import MODEL as MEANING_MODEL
from heard.analysis.engine.meaning import Meaning
from heard.analysis.engine.normalise import tokens
from heard.analysis.engine.records import Problem, RecordError

Source = Literal["engine", "person"]
_T = TypeVar("_T")
_R = TypeVar("_R")

#: Hashed feature space: word unigrams and bigrams land in this many columns.
N_FEATURES = 2**20
#: Texts featurised at a time: bounds memory, never changes a result.
BATCH_SIZE = 4096

# The prior: logit = _PRIOR_BIAS + _PRIOR_KEYWORD·[a keyword as written] (or _PRIOR_STEM·[one
# only as a stem]) + _PRIOR_MORE·(further keywords, at most 2) + _PRIOR_SIMILARITY·cosine.
# Chosen by hand on the demo codebook, not fitted to data.
_PRIOR_BIAS = -3.2
_PRIOR_KEYWORD = 3.9
_PRIOR_STEM = 2.4
_PRIOR_MORE = 0.8
_PRIOR_SIMILARITY = 10.0
# With meaning and no examples: an answer that no subject code reaches by words gets the subject
# code closest to it in meaning, at this probability (or the coder's threshold, if higher): low
# enough that the pipeline still offers the answer to the themes (it counts an answer as covered
# from 0.6), since the closest code is not always a close one.
_MEANING_FILL = 0.55
_STATEMENT_GROUP = "statement-type"
_MEANING_SCALE = 20.0  # the closeness as a feature of the regression: about 0 to -1
_VECTOR_SCALE = 1.0  # the sentence vector's columns, next to the word columns (length 1 each)

# Learning from examples. Inverse regularisation C: the best of these by out-of-fold AP is kept.
_C_GRID = (4.0, 16.0, 64.0, 256.0)
_MIN_POSITIVES = 3  # fewer positive (or negative) examples: the code keeps its prior
_MIN_CALIBRATED = 10  # this many positives and negatives: Platt scaling on out-of-fold scores
# Per-code thresholds are chosen among these by out-of-fold F1 (see `_best_threshold`).
_THRESHOLD_GRID = tuple(round(0.05 * step, 2) for step in range(2, 19))  # 0.10 to 0.90
_AT_LEAST_ONE_SHARE = 0.9  # examples with a code, from which every answer gets one
_EXACTLY_ONE_EXAMPLES = 20  # examples, all with exactly one code, before answers get exactly one
_FOLDS = 3

_MAX_PROBLEMS = 1000
_PLACEHOLDER = re.compile(r"\[[A-Z][A-Z_]*\]")

# Function words of English and French (folded): left out of the prototypes, which should hold
# what a code is about, and of name words used as keywords. They stay in the features.
_STOP_TEXT = """
    a an the and or but nor not no so if than then as of to in on at by for from with without
    into onto over under about after before between through during within is are was were be
    been being am do does did done have has had having will would shall should can could may
    might must it its this that these those there here their they them we our ours us you your
    he she his her him i my me who whom whose which what when where why how all any some each
    every other such also very just only more most much many both own same too again once s t d
    ll re ve m le la les l un une des du de et ou mais donc car ni que qu qui quoi dont au aux ce
    cet cette ces c se sa son ses leur leurs il ils elle elles on nous vous je j me te tu lui y
    en ne n pas plus est sont etre ete avoir ont ai fait faire pour par sur sous dans avec sans
    chez entre vers comme aussi tres tout tous toute toutes meme autre autres notre nos votre
    vos mon ma mes doit doivent peut peuvent faut
"""
_STOP_WORDS = frozenset(_STOP_TEXT.split())


# --- Results ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Assignment:
    """One code given to one answer: by the engine (a probability) or by a person (1.0)."""

    code: str
    confidence: float
    source: Source

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "confidence": self.confidence, "source": self.source}


# --- Words -----------------------------------------------------------------------------------

# Endings stripped by `stem`, longest first: (ending, replacement, shortest stem to leave).
_ENDINGS = (
    ("ingly", "", 4),
    ("ement", "", 4),
    ("ation", "", 4),
    ("ment", "", 4),
    ("ness", "", 4),
    ("euse", "eur", 4),
    ("ique", "", 4),
    ("tion", "t", 4),
    ("sion", "s", 4),
    ("ing", "", 3),
    ("ite", "", 4),
    ("ity", "", 4),
    ("ive", "", 4),
    ("ee", "", 4),
    ("ed", "", 4),
    ("er", "", 4),
    ("ic", "", 4),
    ("if", "", 4),
)


def stem(word: str) -> str:
    """A light stem of a folded English or French word, so that forms of one word meet:
    shelters/shelter → ``shelt``, refuges/refuge → ``refug``, victims/victimes → ``victim``,
    prevention/preventing → ``prevent``, provinciaux → ``provincial``. Not a linguistic stemmer:
    one plural, one ending and a final e are stripped, the same rules for both languages."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("eaux") and len(word) > 5:
        word = word[:-1]
    elif word.endswith("aux") and len(word) > 5:
        word = word[:-3] + "al"
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    for ending, replacement, shortest in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= shortest:
            word = word[: -len(ending)] + replacement
            break
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]
    return word


def _words(text: str) -> list[str]:
    """Folded words of a redacted text; placeholders such as ``[NAME]`` are not words."""
    if "[" in text:
        text = _PLACEHOLDER.sub(" ", text)
    return tokens(text)


def _string_id(text: str) -> int:
    """A stable 64-bit id of a string (unlike `hash`, the same in every process)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


_MIX_1 = np.uint64(0xBF58476D1CE4E5B9)
_MIX_2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_BIGRAM_SALT = np.uint64(0x5BD1E9955BD1E995)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)


def _mix(values: np.ndarray) -> np.ndarray:
    """Scramble 64-bit ids (the SplitMix64 finaliser), element by element, wrapping on overflow."""
    values = values ^ (values >> _S30)
    values = values * _MIX_1
    values = values ^ (values >> _S27)
    values = values * _MIX_2
    return values ^ (values >> _S31)


def _follow(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Id of the sequence `left` then word `right` (ids of phrases, word by word)."""
    return _mix(left * _GOLDEN + right)


class _Ids:
    """Word → 64-bit id of its stem (or of the word itself), memoised: a function of the word
    alone, so the cache changes speed, never a result."""

    _LIMIT = 2_000_000  # distinct words kept before the cache starts again

    def __init__(self, stemmed: bool) -> None:
        self.stemmed = stemmed
        self.cache: dict[str, int] = {}

    def _new(self, word: str) -> int:
        if len(self.cache) >= self._LIMIT:
            self.cache.clear()
        value = _string_id(stem(word) if self.stemmed else word) or 1
        self.cache[word] = value
        return value

    def of(self, word_lists: Sequence[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        """The ids of all words, one flat array, and each list's start (length n + 1)."""
        get, new = self.cache.get, self._new
        flat = [get(word) or new(word) for word in chain.from_iterable(word_lists)]
        starts = np.zeros(len(word_lists) + 1, dtype=np.int64)
        np.cumsum([len(words) for words in word_lists], out=starts[1:])
        return np.array(flat, dtype=np.uint64), starts


_STEM_IDS = _Ids(stemmed=True)
_WORD_IDS = _Ids(stemmed=False)


def _rows(starts: np.ndarray) -> np.ndarray:
    """The row (text) of each word of the flat array."""
    return np.repeat(np.arange(len(starts) - 1), np.diff(starts))


def _unit_rows(matrix: Any) -> Any:
    """`matrix` (CSR) with each non-empty row scaled to length 1, in place."""
    norms = np.sqrt(
        np.bincount(_rows(matrix.indptr), weights=matrix.data**2, minlength=matrix.shape[0])
    )
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, np.diff(matrix.indptr))
    return matrix


def _hashed(ids: np.ndarray, starts: np.ndarray, keep: np.ndarray | None = None) -> Any:
    """Hashed unigrams and bigrams, tf = 1 + log(count), rows of L2 norm 1 (CSR, n x N_FEATURES).
    `keep` (one flag per word) drops words, and the bigrams that touch them."""
    n = len(starts) - 1
    rows = _rows(starts)
    nf = np.uint64(N_FEATURES)
    unigram_cols = _mix(ids) % nf
    pairs = rows[:-1] == rows[1:]
    unigram_keep = np.ones(len(ids), dtype=bool) if keep is None else keep
    if keep is not None:
        pairs &= keep[:-1] & keep[1:]
    bigram_cols = _follow(ids[:-1][pairs] ^ _BIGRAM_SALT, ids[1:][pairs]) % nf
    all_rows = np.concatenate([rows[unigram_keep], rows[:-1][pairs]])
    all_cols = np.concatenate([unigram_cols[unigram_keep], bigram_cols]).astype(np.int64)
    matrix = sp.csr_matrix(
        (np.ones(len(all_rows)), (all_rows, all_cols)), shape=(n, N_FEATURES), dtype=np.float64
    )
    matrix.sum_duplicates()
    matrix.data = 1.0 + np.log(matrix.data)
    return _unit_rows(matrix)


class _Phrases:
    """Keywords and phrases, each tied to codes, found as whole words in texts: for each length,
    the ids of every run of that many words are looked up in a sorted table, all texts at once."""

    def __init__(self, phrases: Iterable[tuple[str, int]], ids: _Ids, n_codes: int) -> None:
        numbers: dict[tuple[int, int], int] = {}  # (length, phrase id) -> phrase number
        links: set[tuple[int, int]] = set()  # (phrase number, code)
        first_words: set[int] = set()
        for text, code in phrases:
            words = _words(text)
            if not words:
                continue
            word_ids, _ = ids.of([words])
            first_words.add(int(word_ids[0]))
            value = word_ids[:1]
            for position in range(1, len(words)):
                value = _follow(value, word_ids[position : position + 1])
            number = numbers.setdefault((len(words), int(value[0])), len(numbers))
            links.add((number, code))
        self.first_words = np.array(sorted(first_words), dtype=np.uint64)
        self.tables: list[tuple[int, np.ndarray, np.ndarray]] = []
        for length in sorted({length for length, _ in numbers}):
            entries = sorted((value, n) for (size, value), n in numbers.items() if size == length)
            self.tables.append(
                (
                    length,
                    np.array([value for value, _ in entries], dtype=np.uint64),
                    np.array([n for _, n in entries], dtype=np.int64),
                )
            )
        pairs = sorted(links)
        self.n_phrases = len(numbers)
        self.to_codes = sp.csr_matrix(
            (
                np.ones(len(pairs)),
                ([number for number, _ in pairs], [code for _, code in pairs]),
            ),
            shape=(self.n_phrases, n_codes),
        )

    def counts(self, word_ids: np.ndarray, starts: np.ndarray) -> np.ndarray:
        """For each text (row) and code (column), how many distinct phrases of the code occur."""
        n = len(starts) - 1
        rows = _rows(starts)
        # Only words that begin some phrase can begin a match.
        if not len(self.first_words):
            return np.zeros((n, self.to_codes.shape[1]))
        place = np.minimum(np.searchsorted(self.first_words, word_ids), len(self.first_words) - 1)
        at = np.flatnonzero(self.first_words[place] == word_ids)
        found_rows = [np.zeros(0, dtype=np.int64)]
        found = [np.zeros(0, dtype=np.int64)]
        value, length_done = word_ids[at], 1
        for length, values, numbers in self.tables:
            while length_done < length and len(at):
                inside = at + length_done < len(word_ids)
                inside[inside] &= rows[at[inside] + length_done] == rows[at[inside]]
                at, value = at[inside], value[inside]
                value = _follow(value, word_ids[at + length_done])
                length_done += 1
            if not len(at):
                break
            place = np.minimum(np.searchsorted(values, value), len(values) - 1)
            hit = values[place] == value
            found_rows.append(rows[at[hit]])
            found.append(numbers[place[hit]])
        all_rows = np.concatenate(found_rows)
        matrix = sp.csr_matrix(
            (np.ones(len(all_rows)), (all_rows, np.concatenate(found))),
            shape=(n, self.n_phrases),
        )
        matrix.sum_duplicates()
        matrix.data[:] = 1.0
        return np.asarray((matrix @ self.to_codes).toarray())


# --- The prior: what the codebook itself says ------------------------------------------------


def _keyword_phrases(code: Code) -> list[str]:
    """The keywords of a code in both languages; for a code without any, its names' words
    (function words left out)."""
    phrases = [*code.keywords_en, *code.keywords_fr]
    if not phrases:
        names = _words(code.name_en) + _words(code.name_fr)
        phrases = sorted({word for word in names if word not in _STOP_WORDS})
    return phrases


def _content_vectors(texts: list[str]) -> Any:
    """Hashed stem features of short texts without function words, rows of L2 norm 1."""
    word_lists = [_words(text) for text in texts]
    ids, starts = _STEM_IDS.of(word_lists)
    keep = np.array(
        [word not in _STOP_WORDS for word in chain.from_iterable(word_lists)], dtype=bool
    )
    return _hashed(ids, starts, keep)


def _normalised(vector: Any) -> Any:
    """A 1-row sparse matrix scaled to L2 norm 1 (unless it is all zeros)."""
    vector = sp.csr_matrix(vector)
    vector.sum_duplicates()
    norm = math.sqrt(float(np.sum(vector.data**2)))
    return vector / norm if norm else vector


def _row_sum(matrix: Any) -> Any:
    """The sum of the rows of a sparse matrix, as a sparse 1-row matrix."""
    matrix = sp.csr_matrix(matrix)
    rows = np.zeros(len(matrix.data), dtype=np.int64)
    summed = sp.csr_matrix((matrix.data, (rows, matrix.indices)), shape=(1, matrix.shape[1]))
    summed.sum_duplicates()
    return summed


def _prototypes(codebook: Codebook, codes: list[str]) -> Any:
    """One row per code (CSR, C x N_FEATURES, L2 norm 1): its names (twice), descriptions,
    keywords and examples in both languages; a parent adds the mean of its children's rows."""
    rows: dict[str, Any] = {}

    def build(code: Code) -> Any:
        pieces = [code.name_en, code.name_fr] * 2 + [code.description_en, code.description_fr]
        pieces += [*code.keywords_en, *code.keywords_fr, *code.examples]
        own = _normalised(_row_sum(_content_vectors(pieces)))
        if code.children:
            children = sp.vstack([build(child) for child in code.children], format="csr")
            own = _normalised(own + _row_sum(children) / len(code.children))
        rows[code.key] = sp.csr_matrix(own)
        return rows[code.key]

    for code in codebook.codes:
        build(code)
    return sp.vstack([rows[key] for key in codes]).tocsr()


def _meaning_of_codes(meaning: Meaning, codebook: Codebook, codes: list[str]) -> np.ndarray:
    """One row per code (C x 384, length 1): the mean meaning of its names with their
    descriptions, its keywords and its examples, in both languages; a parent adds the mean of
    its children's rows (as `_prototypes` does with words)."""
    pieces: dict[str, list[str]] = {}
    for code in codebook.walk():
        own = [
            f"{name}: {description}" if description else name
            for name, description in (
                (code.name_en, code.description_en),
                (code.name_fr, code.description_fr),
            )
            if name
        ]
        for name, keywords in ((code.name_en, code.keywords_en), (code.name_fr, code.keywords_fr)):
            if keywords:
                own.append(f"{name}: {', '.join(keywords)}")
        pieces[code.key] = own + list(code.examples)
    texts = [text for key in codes for text in pieces[key]]
    vectors = meaning.vectors(texts).astype(np.float64)
    rows: dict[str, np.ndarray] = {}
    start = 0
    for key in codes:
        rows[key] = _unit(vectors[start : start + len(pieces[key])].sum(axis=0))
        start += len(pieces[key])

    def build(code: Code) -> np.ndarray:
        own = rows[code.key]
        if code.children:
            children = np.mean([build(child) for child in code.children], axis=0)
            rows[code.key] = _unit(own + children)
        return rows[code.key]

    for code in codebook.codes:
        build(code)
    return np.stack([rows[key] for key in codes])


def _unit(vector: np.ndarray) -> np.ndarray:
    norm = float(np.linalg.norm(vector))
    return vector / norm if norm else vector


@dataclass(frozen=True)
class _Evidence:
    features: Any  # CSR, n x N_FEATURES
    exact: np.ndarray  # n x C: distinct keywords of each code found as written (folded)
    stems: np.ndarray  # n x C: distinct keywords of each code found as stems
    similarity: np.ndarray  # n x C: cosine with each code's prototype
    # With meaning (see `Coder`): each text's sentence vector (n x 384, else n x 0) and how much
    # closer it is to each code's meaning than to the closest code's (n x C, 0 for the closest;
    # all 0 without meaning).
    vectors: np.ndarray
    closeness: np.ndarray

    def prior_logit(self) -> np.ndarray:
        """The prior's logit for each text and code (see the module's docstring)."""
        return (
            _PRIOR_BIAS
            + np.where(self.exact > 0, _PRIOR_KEYWORD, np.where(self.stems > 0, _PRIOR_STEM, 0.0))
            + _PRIOR_MORE * np.clip(self.stems - 1.0, 0.0, 2.0)
            + _PRIOR_SIMILARITY * self.similarity
        )

    def extras(self) -> list[np.ndarray]:
        """The prior's evidence as features of each code's logistic regression (n x C each)."""
        return [
            np.minimum(self.exact, 2.0),
            np.minimum(self.stems, 2.0),
            4.0 * self.similarity,
            _MEANING_SCALE * self.closeness,
        ]


# --- Learned from examples -------------------------------------------------------------------


@dataclass(frozen=True)
class _Learned:
    """Each code's logistic regression over the columns seen in training, as plain arrays."""

    column_map: np.ndarray  # N_FEATURES → column of `weights`, or -1 if never seen in training
    idf: np.ndarray  # n_columns: log((1 + examples) / (1 + examples holding it)) + 1
    weights: np.ndarray  # n_columns x C
    centre: np.ndarray  # the mean sentence vector of the examples (384, or 0 without meaning)
    vector_weights: np.ndarray  # 384 x C (0 x C without meaning)
    extra: np.ndarray  # 4 x C: weights of the prior's features
    bias: np.ndarray  # C
    scale: np.ndarray  # C: Platt scaling, p = sigmoid(scale·f + shift); 1 and 0 when not calibrated
    shift: np.ndarray  # C
    learned: np.ndarray  # C: true for codes with a model, false for those keeping the prior

    def compact(self, features: Any) -> Any:
        """The features restricted to the training columns, weighted by their inverse document
        frequency among the examples, each row scaled to length 1 again (CSR, n x n_columns):
        a word every example uses says little about which code an answer has."""
        columns = self.column_map[features.indices]
        keep = columns >= 0
        weighted = features.data[keep] * self.idf[columns[keep]]
        return _unit_rows(
            sp.csr_matrix(
                (weighted, (_rows(features.indptr)[keep], columns[keep])),
                shape=(features.shape[0], self.weights.shape[0]),
            )
        )

    def vectors(self, evidence: _Evidence) -> np.ndarray:
        """The sentence vectors as the regression's columns: centred on the examples' mean (the
        model's vectors share a large common part), scaled."""
        return _VECTOR_SCALE * (evidence.vectors.astype(np.float64) - self.centre)

    def decision(self, evidence: _Evidence) -> np.ndarray:
        scores = np.asarray(self.compact(evidence.features) @ self.weights) + self.bias
        if len(self.centre):
            if evidence.vectors.shape[1] != len(self.centre):
                raise ValueError("this coder learned from meaning: it needs the texts' meaning")
            scores += np.einsum("ij,jk->ik", self.vectors(evidence), self.vector_weights)
        for values, weights in zip(evidence.extras(), self.extra, strict=True):
            scores += values * weights
        return scores


def _platt(scores: np.ndarray, positive: np.ndarray) -> tuple[float, float]:
    """Platt scaling: a and b such that sigmoid(a·score + b) fits the labels (with Platt's targets,
    (n₊ + 1)/(n₊ + 2) and 1/(n₋ + 2), which keep it from saying 0 or 1)."""
    n_pos = float(positive.sum())
    n_neg = float(len(positive) - n_pos)
    target = np.where(positive, (n_pos + 1.0) / (n_pos + 2.0), 1.0 / (n_neg + 2.0))

    def loss(parameters: np.ndarray) -> tuple[float, np.ndarray]:
        logit = parameters[0] * scores + parameters[1]
        error = expit(logit) - target
        value = float(np.sum(np.logaddexp(0.0, logit) - target * logit))
        return value, np.array([float(np.sum(error * scores)), float(np.sum(error))])

    result = minimize(loss, np.array([1.0, 0.0]), jac=True, method="L-BFGS-B")
    return float(result.x[0]), float(result.x[1])


# --- Fitting, one code at a time, in this process or in workers -------------------------------


@dataclass(frozen=True)
class _FitState:
    """What every code's fit reads: the examples' features (restricted to the training columns),
    the prior's evidence as features (4 x n x C), which codes each example has, and the seed."""

    features: Any  # CSR, n x columns
    extras: np.ndarray
    truth: np.ndarray  # n x C, bool
    seed: int

    def design(self, number: int) -> Any:
        """Code `number`'s design matrix: the text features, then its four prior features."""
        prior = np.column_stack([values[:, number] for values in self.extras])
        return sp.hstack([self.features, prior], format="csr")


def _logistic(c: float, seed: int) -> Any:
    # scikit-learn is imported when first needed: it takes a second to load.
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    return LogisticRegression(
        C=c,
        solver="liblinear",
        class_weight="balanced",
        random_state=seed,
        max_iter=1000,
        tol=1e-3,
    )


def _out_of_fold(design: Any, positive: np.ndarray, c: float, seed: int) -> np.ndarray:
    """Decision values of each example from a model that did not see it."""
    from sklearn.model_selection import StratifiedKFold  # type: ignore[import-untyped]

    scores = np.zeros(len(positive))
    n_pos = int(positive.sum())
    n_splits = min(_FOLDS, n_pos, len(positive) - n_pos)
    folds = StratifiedKFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for train, test in folds.split(np.zeros(len(positive)), positive):
        model = _logistic(c, seed).fit(design[train], positive[train])
        scores[test] = model.decision_function(design[test])
    return scores


_fit_state: _FitState | None = None


def _set_fit_state(state: _FitState | None) -> None:
    global _fit_state
    _fit_state = state


def _current_fit_state() -> _FitState:
    if _fit_state is None:
        raise RuntimeError("the worker was started without the examples to fit")
    return _fit_state


def _fit_out_of_fold(number: int) -> dict[float, np.ndarray]:
    """Code `number`'s out-of-fold decision values for each C of the grid."""
    state = _current_fit_state()
    design, positive = state.design(number), state.truth[:, number]
    return {c: _out_of_fold(design, positive, c, state.seed) for c in _C_GRID}


def _fit_final(task: tuple[int, float]) -> tuple[np.ndarray, float]:
    """Code `number`'s model on all the examples with the chosen C: coefficients, intercept."""
    number, c = task
    state = _current_fit_state()
    model = _logistic(c, state.seed).fit(state.design(number), state.truth[:, number])
    return np.asarray(model.coef_[0]), float(model.intercept_[0])


class _FitPool:
    """Runs the codes' fitting tasks in order, inline or across worker processes that hold the
    `_FitState` (sent once, when each starts), and counts them for `progress`."""

    def __init__(
        self,
        state: _FitState,
        workers: int,
        codes: int,
        progress: Callable[[int, int], None] | None,
    ) -> None:
        self.state = state
        self.workers = min(max(1, workers), codes)
        self.total = 2 * codes
        self.done = 0
        self.progress = progress or (lambda done, total: None)
        self.pool: ProcessPoolExecutor | None = None
        self.previous: _FitState | None = None

    def __enter__(self) -> _FitPool:
        self.previous = _fit_state
        _set_fit_state(self.state)  # the inline path and the forked workers read it here
        if self.workers > 1:
            from heard.analysis.engine.prepare import worker_context

            self.pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=worker_context(),
                initializer=_set_fit_state,
                initargs=(self.state,),
            )
        self.progress(0, self.total)
        return self

    def map(self, function: Callable[[_T], _R], tasks: list[_T]) -> list[_R]:
        results: list[_R] = []
        found = map(function, tasks) if self.pool is None else self.pool.map(function, tasks)
        for result in found:
            results.append(result)
            self.done += 1
            self.progress(self.done, self.total)
        return results

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(cancel_futures=True)
        _set_fit_state(self.previous)


# --- The coder -------------------------------------------------------------------------------


class Coder:
    """Gives the codes of a codebook to answers, from the codebook alone or from examples too.

    ``Coder(codebook).fit(texts, labels).assign(new_texts)``; `probabilities` gives every code's
    probability, `suggest` which answers a person should code next."""

    def __init__(
        self,
        codebook: Codebook,
        *,
        seed: int = 2018,
        threshold: float = 0.5,
        meaning: Meaning | None = None,
    ) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        self.codebook = codebook
        self.meaning = meaning
        self.seed = seed
        self.threshold = threshold
        self.codes: list[str] = [code.key for code in codebook.walk()]
        self._index = {key: number for number, key in enumerate(self.codes)}
        parents = [codebook.path(key) for key in self.codes]
        self._ancestors = [[self._index[key] for key in path] for path in parents]
        # (child, parent) pairs, deepest first: a parent is raised only after all its children.
        self._upward = [
            (number, self._index[path[-2]])
            for number, path in reversed(list(enumerate(parents)))
            if len(path) > 1
        ]
        phrases = [
            (phrase, number)
            for number, key in enumerate(self.codes)
            for code in [codebook.get(key)]
            for phrase in [*_keyword_phrases(code), code.name_en, code.name_fr]
        ]
        self._exact = _Phrases(phrases, _WORD_IDS, len(self.codes))
        self._stems = _Phrases(phrases, _STEM_IDS, len(self.codes))
        self._prototypes_t = _prototypes(codebook, self.codes).T.tocsr()
        self._code_meaning = (
            _meaning_of_codes(meaning, codebook, self.codes) if meaning is not None else None
        )
        self._learned: _Learned | None = None
        self._examples = 0
        self._positives = np.zeros(len(self.codes), dtype=np.int64)
        self._kinds = ["prior"] * len(self.codes)
        self._c: float | None = None
        # Per code, the probability at which it is assigned: `threshold` until examples say
        # otherwise (see `fit`), and whether every answer gets at least one code.
        self._thresholds = np.full(len(self.codes), threshold)
        self._at_least_one = False
        self._exactly_one = False
        children = {parent for _, parent in self._upward}
        self._leaves = np.array(
            [number not in children for number in range(len(self.codes))], dtype=bool
        )
        # Codes are compared by meaning within their kind: what an answer is about (the codes
        # outside the statement-type group) apart from what kind of statement it makes.
        groups = [codebook.get(key).group == _STATEMENT_GROUP for key in self.codes]
        self._kinds_of_code = [
            np.array([kind == wanted for kind in groups], dtype=bool) for wanted in (False, True)
        ]

    # -- Learning -----------------------------------------------------------------------------

    def fit(
        self,
        texts: Sequence[str],
        labels: Sequence[Iterable[str]],
        *,
        workers: int = 1,
        progress: Callable[[int, int], None] | None = None,
    ) -> Coder:
        """Learn from answers coded by people (redacted texts and the codebook keys of each).

        Replaces what an earlier `fit` learned. A key implies its ancestors; codes absent from
        an example's keys are taken as not applying to it. With no examples the coder works
        from the codebook alone. A key not in the codebook raises `ValueError`.

        Each code's models are fitted apart, so the codes are shared out among `workers`
        processes (each code's fits are seeded and single-threaded: the result is the same
        whatever the number of workers). `progress(done, total)` counts the codes' tasks:
        every trained code twice (out-of-fold scores for each C, then the final model)."""
        if len(texts) != len(labels):
            raise ValueError(f"{len(texts)} texts but {len(labels)} sets of codes")
        truth = self._truth(labels)
        self._examples = len(texts)
        self._positives = truth.sum(axis=0).astype(np.int64)
        self._learned = None
        self._kinds = ["prior"] * len(self.codes)
        self._c = None
        self._thresholds = np.full(len(self.codes), self.threshold)
        # When (nearly) every example has a code, so should every answer: an answer none of
        # whose codes reaches its threshold gets its likeliest one.
        coded = truth[:, self._leaves].sum(axis=1)
        self._at_least_one = bool(len(texts)) and float((coded > 0).mean()) >= _AT_LEAST_ONE_SHARE
        # Codes that exclude each other: every example has exactly one (a question's type, a
        # story's topic). Then every answer gets exactly one too, its likeliest.
        self._exactly_one = len(texts) >= _EXACTLY_ONE_EXAMPLES and bool(np.all(coded == 1))
        if not len(texts):
            return self
        evidence = self._evidence(list(texts))
        columns = np.unique(evidence.features.indices)
        column_map = np.full(N_FEATURES, -1, dtype=np.int64)
        column_map[columns] = np.arange(len(columns))
        n_codes = len(self.codes)
        dimensions = evidence.vectors.shape[1]
        frequency = np.bincount(column_map[evidence.features.indices], minlength=len(columns))
        learned = _Learned(
            column_map=column_map,
            idf=np.log((1.0 + len(texts)) / (1.0 + frequency)) + 1.0,
            weights=np.zeros((len(columns), n_codes)),
            centre=evidence.vectors.astype(np.float64).mean(axis=0),
            vector_weights=np.zeros((dimensions, n_codes)),
            extra=np.zeros((len(evidence.extras()), n_codes)),
            bias=np.zeros(n_codes),
            scale=np.ones(n_codes),
            shift=np.zeros(n_codes),
            learned=np.zeros(n_codes, dtype=bool),
        )
        counts = np.minimum(truth.sum(axis=0), len(truth) - truth.sum(axis=0))
        trained = [number for number in range(n_codes) if counts[number] >= _MIN_POSITIVES]
        if not trained:
            return self
        words = learned.compact(evidence.features)
        state = _FitState(
            features=sp.hstack([words, sp.csr_matrix(learned.vectors(evidence))], format="csr")
            if dimensions
            else words,
            extras=np.stack(evidence.extras()),
            truth=truth,
            seed=self.seed,
        )
        from sklearn.metrics import average_precision_score  # type: ignore[import-untyped]

        with _FitPool(state, workers, len(trained), progress) as pool:
            # One C for all codes: the one whose out-of-fold scores rank best (mean average
            # precision over the codes).
            out_of_fold = dict(zip(trained, pool.map(_fit_out_of_fold, trained), strict=True))
            quality = {
                c: float(
                    np.mean(
                        [
                            average_precision_score(truth[:, number], out_of_fold[number][c])
                            for number in trained
                        ]
                    )
                )
                for c in _C_GRID
            }
            chosen = max(_C_GRID, key=lambda c: (quality[c], -c))
            finals = pool.map(_fit_final, [(number, chosen) for number in trained])
        for number, (coefficients, intercept) in zip(trained, finals, strict=True):
            positive = truth[:, number]
            learned.weights[:, number] = coefficients[: len(columns)]
            learned.vector_weights[:, number] = coefficients[
                len(columns) : len(columns) + dimensions
            ]
            learned.extra[:, number] = coefficients[len(columns) + dimensions :]
            learned.bias[number] = intercept
            learned.learned[number] = True
            scores = out_of_fold[number][chosen]
            if counts[number] >= _MIN_CALIBRATED:
                learned.scale[number], learned.shift[number] = _platt(scores, positive)
                self._kinds[number] = "logistic, Platt-calibrated"
            else:
                self._kinds[number] = "logistic, not calibrated"
            self._thresholds[number] = _best_threshold(
                expit(learned.scale[number] * scores + learned.shift[number]),
                positive,
                self.threshold,
            )
        self._learned, self._c = learned, chosen
        return self

    def _truth(self, labels: Sequence[Iterable[str]]) -> np.ndarray:
        truth = np.zeros((len(labels), len(self.codes)), dtype=bool)
        problems: list[str] = []
        for number, keys in enumerate(labels):
            for key in [keys] if isinstance(keys, str) else keys:
                index = self._index.get(key)
                if index is None:
                    problems.append(f"unknown code {key!r} in example {number}")
                else:
                    truth[number, self._ancestors[index]] = True
        if problems:
            more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
            raise ValueError("; ".join(problems[:20]) + more)
        return truth

    # -- Predicting ---------------------------------------------------------------------------

    def _evidence(self, texts: list[str]) -> _Evidence:
        word_lists = [_words(text) for text in texts]
        ids, starts = _STEM_IDS.of(word_lists)
        features = _hashed(ids, starts)
        similarity = np.asarray((features @ self._prototypes_t).toarray())
        exact = self._exact.counts(*_WORD_IDS.of(word_lists))
        vectors = np.zeros((len(texts), 0), dtype=np.float32)
        closeness = np.zeros_like(similarity)
        if self.meaning is not None and self._code_meaning is not None:
            vectors = self.meaning.vectors(texts)
            # Row by row (einsum, not BLAS), so that a text's figures do not depend on its batch.
            cosines = np.einsum("ij,kj->ik", vectors.astype(np.float64), self._code_meaning)
            for kind in self._kinds_of_code:
                leaves = kind & self._leaves
                if len(texts) and leaves.any():
                    # Relative to the closest leaf of the same kind (a parent's meaning is the
                    # mean of its children's, so it is never much closer).
                    closest = cosines[:, leaves].max(axis=1, keepdims=True)
                    closeness[:, kind] = np.minimum(cosines[:, kind] - closest, 0.0)
            # A text with no words (all zeros) is close to nothing.
            closeness[~vectors.any(axis=1)] = -1.0
        return _Evidence(
            features,
            exact,
            self._stems.counts(ids, starts),
            similarity,
            vectors,
            closeness,
        )

    def _batch(self, texts: list[str]) -> tuple[np.ndarray, _Evidence]:
        """Probabilities of a batch of texts (n x C), and the evidence they came from."""
        evidence = self._evidence(texts)
        logits = evidence.prior_logit()
        learned = self._learned
        if learned is not None:
            model = learned.scale * learned.decision(evidence) + learned.shift
            logits = np.where(learned.learned, model, logits)
        probabilities = expit(logits)
        if learned is None and evidence.vectors.shape[1]:
            self._fill_by_meaning(probabilities, evidence)
        for child, parent in self._upward:
            np.maximum(
                probabilities[:, parent], probabilities[:, child], out=probabilities[:, parent]
            )
        return probabilities, evidence

    def _fill_by_meaning(self, probabilities: np.ndarray, evidence: _Evidence) -> None:
        """From the codebook alone: an answer (with words) that no subject code reaches gets the
        subject leaf closest in meaning, at `_MEANING_FILL`. Statement types are left to words:
        many answers make no statement of any type."""
        subjects = np.flatnonzero(self._kinds_of_code[0] & self._leaves)
        if not len(subjects):
            return
        reached = (probabilities[:, subjects] >= self._thresholds[subjects]).any(axis=1)
        empty = np.flatnonzero(~reached & evidence.vectors.any(axis=1))
        if not len(empty):
            return
        closest = subjects[np.argmax(evidence.closeness[np.ix_(empty, subjects)], axis=1)]
        fill = max(_MEANING_FILL, self.threshold)
        probabilities[empty, closest] = np.maximum(probabilities[empty, closest], fill)

    def _batches(self, texts: Sequence[str]) -> Iterator[tuple[int, np.ndarray, _Evidence]]:
        for start in range(0, len(texts), BATCH_SIZE):
            probabilities, evidence = self._batch(list(texts[start : start + BATCH_SIZE]))
            yield start, probabilities, evidence

    def probabilities(self, texts: Sequence[str]) -> np.ndarray:
        """Each code's probability for each text: shape (len(texts), len(codes)), codes in
        `codes` order. A parent's probability is at least that of each of its children."""
        result = np.zeros((len(texts), len(self.codes)))
        for start, probabilities, _ in self._batches(texts):
            result[start : start + len(probabilities)] = probabilities
        return result

    def _chosen(self, probabilities: np.ndarray) -> np.ndarray:
        """Which codes each text gets (n x C, bool): those reaching their own threshold, the
        likeliest leaf (by its margin over its threshold) for a text with none when the examples
        say every answer has a code, only the likeliest leaf (by probability: the codes exclude
        each other, so thresholds set one code at a time do not apply) when every example has
        exactly one, and the ancestors of every code given."""
        chosen = probabilities >= self._thresholds
        if self._exactly_one:
            leaves = np.flatnonzero(self._leaves)
            chosen[:, leaves] = False
            likeliest = leaves[np.argmax(probabilities[:, leaves], axis=1)]
            chosen[np.arange(len(probabilities)), likeliest] = True
        elif self._at_least_one:
            empty = ~chosen[:, self._leaves].any(axis=1)
            if empty.any():
                leaves = np.flatnonzero(self._leaves)
                margin = probabilities[np.ix_(empty, leaves)] - self._thresholds[leaves]
                chosen[np.flatnonzero(empty), leaves[np.argmax(margin, axis=1)]] = True
        for child, parent in self._upward:  # deepest first, so grandparents follow too
            chosen[:, parent] |= chosen[:, child]
        return chosen

    def assign(self, texts: Sequence[str]) -> list[list[Assignment]]:
        """For each text, the codes whose probability reaches the threshold, in `codes` order,
        each with its probability rounded to 4 decimals."""
        result: list[list[Assignment]] = []
        codes = self.codes
        for _, probabilities, _ in self._batches(texts):
            batch: list[list[Assignment]] = [[] for _ in range(len(probabilities))]
            chosen = self._chosen(probabilities)
            rows, columns = np.nonzero(chosen)
            values = probabilities[rows, columns].tolist()
            for row, column, value in zip(rows.tolist(), columns.tolist(), values, strict=True):
                batch[row].append(Assignment(codes[column], round(value, 4), "engine"))
            result.extend(batch)
        return result

    # -- Active learning ----------------------------------------------------------------------

    def _uncertainty(self, probabilities: np.ndarray) -> np.ndarray:
        """How much coding each text would teach: per code, exp(-|logit p - logit threshold|),
        1 at the threshold and small for confident answers, weighted by 1/√(1 + positives) so
        that codes with few examples count more, summed over the codes."""
        clipped = np.clip(probabilities, 1e-6, 1.0 - 1e-6)
        margin = np.abs(np.log(clipped / (1.0 - clipped)) - _logit(self.threshold))
        weights = 1.0 / np.sqrt(1.0 + self._positives.astype(np.float64))
        return np.asarray((np.exp(-margin) * weights).sum(axis=1))

    def suggest(self, texts: Sequence[str], k: int, *, exclude: Iterable[int] = ()) -> list[int]:
        """Indices of up to `k` texts worth coding next, best first, none in `exclude`.

        Texts are ranked by `_uncertainty`; then, among the best 5k + 50, picked one at a time,
        each time discounting every text by its cosine similarity to those already picked
        (score x (1 - max similarity)), so that near-copies are not suggested together. Ties
        go to the lower index."""
        if k < 0:
            raise ValueError(f"k must be at least 0, not {k}")
        n = len(texts)
        scores = np.zeros(n)
        for start, probabilities, _ in self._batches(texts):
            scores[start : start + len(probabilities)] = self._uncertainty(probabilities)
        available = np.ones(n, dtype=bool)
        for index in exclude:
            if 0 <= int(index) < n:
                available[int(index)] = False
        candidates = np.flatnonzero(available)
        # Best first, ties by index: a stable sort of the negated scores.
        candidates = candidates[np.argsort(-scores[candidates], kind="stable")]
        pool = candidates[: 5 * k + 50]
        if not k or not len(pool):
            return []
        ids, starts = _STEM_IDS.of([_words(texts[int(index)]) for index in pool])
        features = _hashed(ids, starts)
        value = scores[pool].copy()
        closest = np.zeros(len(pool))
        taken = np.zeros(len(pool), dtype=bool)
        chosen: list[int] = []
        for _ in range(min(k, len(pool))):
            adjusted = np.where(taken, -1.0, value * (1.0 - closest))
            best = int(np.argmax(adjusted))
            taken[best] = True
            chosen.append(int(pool[best]))
            similarity = np.asarray((features @ features[best].T).toarray()).ravel()
            np.maximum(closest, np.minimum(similarity, 1.0), out=closest)
        return chosen

    # -- Description --------------------------------------------------------------------------

    @property
    def parameters(self) -> dict[str, Any]:
        """What the run manifest records about the coder: JSON-able, in a fixed order."""
        return {
            "model": "codebook prior + logistic regression"
            if self._learned is not None
            else "codebook prior",
            "meaning": {
                "model": MEANING_MODEL,
                "codebook_only": "an answer no subject code reaches by words gets the subject "
                f"code closest in meaning, at {_MEANING_FILL}",
                "feature_scale": _MEANING_SCALE,
                "vector_scale": _VECTOR_SCALE,
            }
            if self.meaning is not None
            else None,
            "threshold": self.threshold,
            "thresholds": "per code, by out-of-fold F1 once it has a model",
            "at_least_one_code": self._at_least_one,
            "exactly_one_code": self._exactly_one,
            "seed": self.seed,
            "features": {
                "words": "folded, light English/French stems, placeholders left out",
                "ngrams": [1, 2],
                "hashed_features": N_FEATURES,
                "tf": "1 + log(count)",
                "norm": "l2",
            },
            "prior": {
                "bias": _PRIOR_BIAS,
                "keyword": _PRIOR_KEYWORD,
                "keyword_stem_only": _PRIOR_STEM,
                "more_keywords": _PRIOR_MORE,
                "similarity": _PRIOR_SIMILARITY,
                "calibrated": False,
            },
            "logistic": {
                "solver": "liblinear",
                "C": self._c,
                "C_grid": list(_C_GRID),
                "class_weight": "balanced",
                "min_examples": _MIN_POSITIVES,
                "platt_min_examples": _MIN_CALIBRATED,
                "folds": _FOLDS,
            },
            "hierarchy": "parent probability >= max of its children; a label implies its parents",
            "examples": self._examples,
            "codes": {
                key: {
                    "examples": int(self._positives[number]),
                    "model": self._kinds[number],
                    "threshold": float(self._thresholds[number]),
                }
                for number, key in enumerate(self.codes)
            },
        }


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def _best_threshold(probabilities: np.ndarray, positive: np.ndarray, default: float) -> float:
    """The probability threshold that gives the best F1 on out-of-fold probabilities, from
    `_THRESHOLD_GRID` (the one nearest `default` on a tie). Rare codes get a lower one and are
    still assigned; a code whose examples say little keeps about `default`."""
    best, best_f1 = default, -1.0
    for threshold in sorted(_THRESHOLD_GRID, key=lambda t: (abs(t - default), t)):
        predicted = probabilities >= threshold
        true_positive = float(np.sum(predicted & positive))
        f1 = 2 * true_positive / max(float(predicted.sum() + positive.sum()), 1.0)
        if f1 > best_f1 + 1e-9:
            best, best_f1 = threshold, f1
    return best


# --- The keyword baseline --------------------------------------------------------------------


def keyword_baseline(codebook: Codebook, texts: Sequence[str]) -> list[set[str]]:
    """The plain baseline: a code is given when one of its keywords (English or French) occurs
    in the text as whole words, ignoring case and accents; a code without keywords uses the
    words of its names. No stemming, no parents implied, no probabilities."""
    codes = [code.key for code in codebook.walk()]
    phrases = _Phrases(
        (
            (phrase, number)
            for number, key in enumerate(codes)
            for phrase in _keyword_phrases(codebook.get(key))
        ),
        _WORD_IDS,
        len(codes),
    )
    result: list[set[str]] = []
    for start in range(0, len(texts), BATCH_SIZE):
        batch = texts[start : start + BATCH_SIZE]
        ids, starts = _WORD_IDS.of([_words(text) for text in batch])
        for row in phrases.counts(ids, starts):
            result.append({codes[number] for number in np.flatnonzero(row)})
    return result


# --- Coded examples from a file --------------------------------------------------------------


def read_coded(path: str | Path) -> list[tuple[str, list[str]]]:
    """The examples of a ``--coded`` file: (record id, codebook keys) pairs, in file order.

    JSONL: one object a line, ``{"id": "R00001", "codes": ["gap", "shelters-housing"]}`` (codes
    may also be one string separated by ``;``; an empty list says that no code applies). CSV
    (UTF-8, comma-separated): columns ``id`` and ``codes``, codes separated by ``;``; other
    columns are ignored. Keys are not checked against a codebook here (`Coder.fit` does), but
    every other problem is: each is collected with its line, and one `RecordError` lists them."""
    path = Path(path)
    problems: list[Problem] = []
    suffix = path.suffix.lower()
    if suffix not in (".jsonl", ".csv"):
        raise RecordError(path, [Problem("", "only .jsonl and .csv coded files can be read")])
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise RecordError(path, [Problem("", f"cannot read: {error.strerror}")]) from None
    except UnicodeDecodeError:
        raise RecordError(path, [Problem("", "not UTF-8 text")]) from None
    rows = _coded_jsonl(text, problems) if suffix == ".jsonl" else _coded_csv(text, problems)
    result: list[tuple[str, list[str]]] = []
    first_seen: dict[str, int] = {}
    for line, identifier, codes in rows:
        if identifier in first_seen:
            problems.append(
                Problem(
                    f"line {line}",
                    f"duplicate id {identifier!r} (first on line {first_seen[identifier]})",
                )
            )
            continue
        first_seen[identifier] = line
        result.append((identifier, codes))
    if not result and not problems:
        problems.append(Problem("", "empty file: no coded records"))
    if problems:
        more = max(0, len(problems) - _MAX_PROBLEMS)
        raise RecordError(path, problems[:_MAX_PROBLEMS], more)
    return result


def _split_codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(";") if part.strip()]


def _coded_row(
    line: int, identifier: Any, codes: Any, problems: list[Problem]
) -> tuple[int, str, list[str]] | None:
    """Check one row's id and codes; None (and a problem) if either is unusable."""
    location = f"line {line}"
    ok = True
    if isinstance(identifier, int) and not isinstance(identifier, bool):
        identifier = str(identifier)
    if identifier is None or identifier == "":
        problems.append(Problem(location, "missing id"))
        ok = False
    elif not isinstance(identifier, str) or not identifier.strip():
        problems.append(Problem(location, "id is not text"))
        ok = False
    keys: list[str] = []
    if codes is None:
        problems.append(Problem(location, "missing codes"))
        ok = False
    elif isinstance(codes, str):
        keys = _split_codes(codes)
    elif isinstance(codes, list) and all(isinstance(code, str) for code in codes):
        keys = [code.strip() for code in codes]
        if not all(keys):
            problems.append(Problem(location, "an empty code in codes"))
            ok = False
    else:
        problems.append(Problem(location, "codes must be a list of codebook keys"))
        ok = False
    if not ok:
        return None
    unique = list(dict.fromkeys(keys))  # in their order, each once
    return line, str(identifier).strip(), unique


def _coded_jsonl(text: str, problems: list[Problem]) -> Iterator[tuple[int, str, list[str]]]:
    for line, content in enumerate(text.splitlines(), start=1):
        if not content.strip():
            continue
        try:
            data = json.loads(content)
        except json.JSONDecodeError as error:
            problems.append(
                Problem(f"line {line}", f"bad JSON ({error.msg}, column {error.colno})")
            )
            continue
        if not isinstance(data, dict):
            problems.append(Problem(f"line {line}", "not a JSON object"))
            continue
        row = _coded_row(line, data.get("id"), data.get("codes"), problems)
        if row is not None:
            yield row


def _coded_csv(text: str, problems: list[Problem]) -> Iterator[tuple[int, str, list[str]]]:
    reader = csv.reader(text.splitlines(keepends=True))
    columns: dict[str, int] | None = None
    try:
        for row in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                names = [cell.strip().casefold() for cell in row]
                missing = [name for name in ("id", "codes") if name not in names]
                if missing:
                    problems.append(
                        Problem(f"line {line}", f"no {' or '.join(map(repr, missing))} column")
                    )
                    return
                columns = {name: names.index(name) for name in ("id", "codes")}
                width = len(names)
                continue
            if len(row) > width and any(cell.strip() for cell in row[width:]):
                problems.append(Problem(f"line {line}", f"{len(row)} values for {width} columns"))
                continue
            cells = row + [""] * (width - len(row))
            checked = _coded_row(line, cells[columns["id"]], cells[columns["codes"]], problems)
            if checked is not None:
                yield checked
    except csv.Error as error:
        problems.append(Problem(f"line {reader.line_num}", f"not a readable CSV file ({error})"))
