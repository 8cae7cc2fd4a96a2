"""Candidate themes: groups of answers about the same thing, for what a codebook does not cover.

`find_themes` clusters English and French answers together, describes each group with key
phrases in each language and a few representative answers, and returns a `ThemeModel` that
places new answers (a baseline consultation) in the same themes. Themes are candidates for an
analyst to name, split or merge, not codes.

Method:

1. **Distinct texts.** Records are grouped by (text, language) and the groups sorted, so input
   order changes nothing. Each distinct text is clustered once, whatever its weight: a
   campaign's canonical text counts once in the shape of the themes and for its whole weight in
   their sizes.
2. **Features.** `bilingual.concepts` turns an English or French answer into English concept
   tokens (stemmed, stopwords of both languages dropped), so that "snow removal" and
   "déneigement" meet; redaction placeholders ([NAME]...) are removed first. Unigrams and
   bigrams of concepts are hashed into 2^20 columns (CRC-32, then a 64-bit mix: Python's string
   hashing plays no part), weighted by sublinear TF-IDF with the IDF of the fitting sample, and
   each text is scaled to unit length over all its columns.
3. **Space.** On a seeded sample of at most `_SAMPLE` distinct texts, the columns held by at
   least `_MIN_DF` texts (at most the `_MAX_COLUMNS` most frequent) are reduced to `_DIMENSIONS`
   by randomized truncated SVD (`random_state=seed`). A text's projection dotted with a unit
   centre of that space is exactly the cosine, in the full TF-IDF space, between the text and
   the centre's direction: the largest places the text, and too small a one rejects it.
   **With meaning** (`vectors`: a run that reads meaning, up to 5,000 distinct texts), each
   text's vector from the sentence model stands beside its projection: the vector less the mean
   vector of its language over the sample (of all texts, for a language with under
   `_MIN_LANGUAGE_TEXTS`), scaled to length sqrt(`_MEANING_WEIGHT`), and the projection scaled
   by sqrt(1 - `_MEANING_WEIGHT`). Taking the language's mean away matters: the model's vectors
   say which language a text is in as loudly as what it is about, and uncentred they put every
   theme of the synthetic set in one language. Centred, answers in English and French meet
   without the lexicon knowing their words (0 of 30 themes of one language, against 11 from
   words alone, on the development set), and found as many people's themes (ADR 0007).
4. **Number of themes:** one per `_TEXTS_PER_THEME` (40) texts with concepts in the sample, at
   most `max_themes` (30 by default), and at least 3 while that leaves each 10 texts
   (`_theme_count`). Themes are candidates: an
   analyst can merge two, but cannot see one that was folded into another, so the count leans
   fine. It replaced a choice by stability (the k on which k-means fits to two
   halves of the sample agree most), which chose 3 themes on answers that each touch several
   topics; the rule and its 40 were set on the development sets (ADR 0007).
5. **Themes.** k-means (k-means++, `_N_INIT` starts, `random_state=seed`) on the sample's unit
   projections. Each theme's noise threshold is `_NOISE_RATIO` times the median cosine of its
   members with its centre, and at least `_MIN_SIMILARITY`: a text whose closest centre is
   below that centre's threshold, or with no known concept, is noise (None). Themes under
   `min_size` in weight are removed one at a time, smallest first, their texts going to the
   next closest theme or to noise. Then every distinct text is placed, in batches of `_BATCH`;
   a theme still under `min_size` (possible only when the sample is not the whole input) is
   dropped and its texts placed again. `ThemeModel.assign` places a text as `find_themes` did.
6. **Key phrases,** per language, from that language's own words as written (accents kept):
   spans of one to three content words and at most `_MAX_SPAN` words, stopwords allowed inside
   ("heures d'ouverture"), grouped by their lightly stemmed content words and shown in their
   most frequent surface form. Read on up to `_PHRASE_SAMPLE` random texts of each theme (and
   of the noise), each distinct text once. Class-based TF-IDF: a phrase scores
   share x (log(share / overall share) + `_FREQUENCY_CREDIT`), where share is the part of the
   theme's texts of that language holding it and the overall share is estimated over all texts
   of the language (each theme's share weighted by its number of texts), with a bonus of
   `_PHRASE_BONUS` per extra word. A phrase inside a chosen one is skipped unless clearly more
   frequent, a longer phrase replaces the chosen ones it contains when nearly as frequent
   (`_PHRASE_REPLACE`), and overlapping phrases are skipped. A theme with no French texts has
   no French key phrases (and likewise for English): concepts are never translated back.
7. **Examples:** up to five distinct texts among the closest to the centre in each language,
   chosen greedily for closeness minus half their cosine with those already chosen, near copies
   skipped, each language of the theme represented first; each is given by its smallest id.
8. **Ids** "T01", "T02"... by descending size, ties by key phrases.

Cost, for n distinct texts of L words, s = min(n, `_SAMPLE`), d = `_DIMENSIONS`, and k themes:
concepts and hashing O(n L); SVD O(s L d) per power iteration; k-means O(s k d) per
iteration; placing O(n (L d + k d)); key phrases
O(k `_PHRASE_SAMPLE` L). Memory: the sample's sparse matrix and projections (s x d), the axes
(at most `_MAX_COLUMNS` x d), one batch, and two numbers per distinct text. Measured with
numerical libraries held to one thread: CPU time of `find_themes`, and the peak memory of the
whole process, input texts included (about 0.2 GB for 100,000 texts, 0.5 GB for 500,000), on
texts of 60 to 75 words from two generators: twelve topics in English and French from sentence
frames with a long tail of rare words, and words drawn from Zipf laws over a 50,000-word
general vocabulary and twenty 2,000-word topic vocabularies:

| texts | topics from sentence frames | Zipf vocabularies |
|---|---|---|
| 100,000 | 11 s, 0.57 GB | 19 s, 0.71 GB |
| 500,000 | 25 s, 0.86 GB | 39 s, 0.98 GB |

Determinism: the same texts, languages, weights and seed give the same themes, assignments and
`to_dict()`, in any input order, under any PYTHONHASHSEED and any thread count: distinct texts
are sorted, samples come from `seed`, sets and dicts of strings are never iterated in an order
that reaches the output, and the numerical work runs on one thread (`threadpool_limits`), so
the number of threads cannot change a sum. (Another CPU or BLAS build may still round
differently.)

Limits: k-means prefers round groups of similar size, so a big topic may be split or two small
ones joined; that is for the analyst to see. Words outside the bilingual lexicon stay in their
language and do not bring English and French answers together. Texts marked "und" are
clustered but give no key phrases. On large inputs the space and the themes are fitted on a
sample, and key phrases read a sample of each theme; every text is placed. A model found with
meaning places new texts only with their vectors (`ThemeModel.reads_meaning`).

Pure Python, numpy, scipy and scikit-learn; imports no Django.
"""

from __future__ import annotations

import math
import re
import warnings
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from itertools import chain, pairwise
from typing import Any

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]
from sklearn.cluster import KMeans  # type: ignore[import-untyped]
from sklearn.decomposition import TruncatedSVD  # type: ignore[import-untyped]
from sklearn.exceptions import ConvergenceWarning  # type: ignore[import-untyped]
from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

from heard.analysis.engine.bilingual import concepts
from heard.analysis.engine.normalise import fold
from heard.analysis.engine.wordlists import words

_FEATURES = "bilingual concepts: unigrams and bigrams, 2^20 hashed columns, sublinear TF-IDF"

_BITS = 20
_N_FEATURES = 1 << _BITS
_MIN_DF = 2  # columns seen in fewer sampled texts carry no shared structure
_MAX_COLUMNS = 50_000  # the most frequent columns kept for the SVD: rarer ones barely move it
_DIMENSIONS = 100
_SAMPLE = 50_000
_PHRASE_SAMPLE = 250  # texts per theme read for key phrases
_BATCH = 10_000
_TEXTS_PER_THEME = 40  # one theme looked for per this many texts with concepts (`_theme_count`)
_MIN_K = 3  # ... but at least this many themes,
_MIN_TEXTS_PER_THEME = 10  # ... while each would have this many texts
_N_INIT = 3
_MIN_TEXTS = 6  # fewer distinct texts with concepts than this: no themes
# With the texts' meaning (runs the sentence model reads): the share of each text's squared
# length given to its vector, the rest to its words. Set on the development sets (ADR 0007).
_MEANING_WEIGHT = 0.7
_MIN_LANGUAGE_TEXTS = 10  # fewer sampled texts of a language: centred on the mean of all
_MEANING_FEATURES = (
    "with meaning: the sentence model's vectors, centred on their language's mean, "
    f"at {_MEANING_WEIGHT} of each text's squared length"
)
_NOISE_RATIO = 0.3
_MIN_SIMILARITY = 0.05
_MAX_PHRASES = 8
_MAX_EXAMPLES = 5
_EXAMPLE_CANDIDATES = 30
_NEAR_COPY = 0.95
_PHRASE_BONUS = 0.15  # per extra content word
_FREQUENCY_CREDIT = 0.05
_MAX_SPAN = 4  # words in a phrase, stopwords included
_PHRASE_REPLACE = 0.7  # a longer phrase replaces a shorter chosen one at this share of its texts
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)


# --- stopwords and light stems for key phrases --------------------------------------------------

_STOP = {
    "en": frozenset(
        words(
            """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each either else
even ever every few for from further get gets got had has have having he her here hers him
his how i if in into is it its itself just least less let like lot lots made make many may
me might more most much must my no nor not now of off often on once one only or other our
ours out over own per please quite rather really same she should since so some such than
that the their theirs them then there these they this those though through thus to too
under until up upon us very via was we well were what when where whether which while who
whom whose why will with within without would yes yet you your yours i'm it's don't
doesn't isn't aren't can't won't we're they're there's that's i've we've etc cannot never
always still already shall think believe feel lot lots thing things something anything
"""
        )
    ),
    "fr": frozenset(
        words(
            """
à a afin ai aie aient ainsi alors après as au aucun aucune aussi autre autres aux avec avoir
avons ayant beaucoup bien c ça car ce ceci cela celle celles celui ces cet cette ceux chaque
chez comme comment d dans de des deux dois doit doivent donc dont du elle elles en encore
entre es est et été étaient était être eu eux fait faire fois font ici il ils j je jusqu l la
là le les leur leurs lors lorsqu lorsque lui m ma mais me même mêmes mes moi moins mon n ne
ni non nos notre nous on ont ou où par parce pas peu peut peuvent plus plutôt pour pourquoi
pourrait puis qu quand que quel quelle quelles quels qui quoi s sa sans se selon ses si sont
sous suis sur t ta te tels tes toi ton tous tout toute toutes très trop tu un une vers voici
voilà vos votre vous y oui svp merci pendant depuis avant après seraient serait sera seront
serons avons avez eu faut faudrait pourrait pourraient devrait devraient veut veulent cependant
toutefois tant déjà jamais toujours souvent rien chose choses pense crois trouve
"""
        )
    ),
}
_ELISION = frozenset(words("l d qu j n s c m t jusqu lorsqu puisqu quoiqu presqu"))
_PLACEHOLDER = re.compile(r"\[[A-Z_]+\]")
# Words (letters, inner apostrophes and hyphens), or anything that breaks a phrase.
_PIECE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|[^\w\s'’-]|\d\w*|_+")
_SENTENCE_END = frozenset(".!?")


def _light_stem(word: str, language: str) -> str:
    """Folded, with plural endings off: enough to group "routes"/"route", "libraries"/"library"."""
    word = fold(word)
    if len(word) > 4 and language == "en" and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and language == "fr" and word.endswith("aux"):
        return word[:-3] + "al"
    if len(word) > 3 and word[-1] in "sx" and word[-2] not in "su":
        return word[:-1]
    return word


# One word of a phrase as read: its surface form (in lower case at the start of a sentence), its
# stem (None for a stopword), and whether it is glued to the next word (a French elision: "d'").
_Part = tuple[str, str | None, bool]


class _PhraseReader:
    """Phrases of texts in one language, with a cache of what each written word is."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.stop = _STOP[language]
        self.cache: dict[str, list[tuple[str, str, str | None, bool]]] = {}

    def _analyse(self, piece: str) -> list[tuple[str, str, str | None, bool]]:
        """The parts of a written word: (form at the start of a sentence, form inside one, stem
        or None for a stopword, glued to the next part). "d'ouverture" gives two parts."""
        piece = piece.replace("’", "'")
        head, apostrophe, tail = piece.partition("'")
        parts = [piece]
        if apostrophe and tail and self.language == "fr" and fold(head) in _ELISION:
            parts = [head + "'", tail]
        analysed: list[tuple[str, str, str | None, bool]] = []
        for part in parts:
            lower = part.lower()
            # A capital is kept inside a sentence (Montréal), an acronym everywhere (GRC).
            inside = part if part[:1].isupper() else lower
            initial = part if part.isupper() and len(part) > 1 else lower
            if part.endswith("'"):
                analysed.append((initial, inside, None, True))
            elif lower in self.stop or len(lower) < 2:
                analysed.append((initial, inside, None, False))
            else:
                analysed.append((initial, inside, _light_stem(lower, self.language), False))
        return analysed

    def runs(self, text: str) -> list[list[_Part]]:
        """The runs of words of `text` between punctuation marks and placeholders."""
        runs: list[list[_Part]] = []
        run: list[_Part] = []
        start = True
        cache = self.cache
        for piece in _PIECE.findall(_PLACEHOLDER.sub(" . ", text)):
            if not piece[0].isalpha():
                if run:
                    runs.append(run)
                    run = []
                start = start or piece in _SENTENCE_END
                continue
            analysed = cache.get(piece)
            if analysed is None:
                analysed = cache[piece] = self._analyse(piece)
            for initial, inside, stem, glue in analysed:
                run.append((initial if start else inside, stem, glue))
                start = False
        if run:
            runs.append(run)
        return runs

    def phrases(self, text: str) -> dict[tuple[str, ...], str]:
        """Each phrase of `text` (key: its content stems) with its surface form in this text."""
        found: dict[tuple[str, ...], str] = {}
        for run in self.runs(text):
            for first, (_, first_stem, _) in enumerate(run):
                if first_stem is None:
                    continue
                stems: list[str] = []
                stopwords = 0
                for last in range(first, min(len(run), first + _MAX_SPAN)):
                    stem = run[last][1]
                    if stem is None:
                        stopwords += 1
                        if stopwords > 2:
                            break
                        continue
                    stopwords = 0
                    stems.append(stem)
                    key = tuple(stems)
                    if key not in found:
                        found[key] = "".join(
                            surface + ("" if glue else " ")
                            for surface, _, glue in run[first : last + 1]
                        ).rstrip()
                    if len(stems) == 3:
                        break
        return found


def _concepts(text: str, language: str) -> list[str]:
    """`bilingual.concepts` of `text` without its redaction placeholders ([NAME], [EMAIL]...),
    which say nothing of what the answer is about."""
    if "[" in text:
        text = _PLACEHOLDER.sub(" ", text)
    return concepts(text, language)


# --- features -----------------------------------------------------------------------------------


def _mix(values: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: a well-spread 64-bit hash of 64-bit integers."""
    with np.errstate(over="ignore"):
        values = values ^ (values >> np.uint64(30))
        values = (values * np.uint64(0xBF58476D1CE4E5B9)) & _MASK64
        values = values ^ (values >> np.uint64(27))
        values = (values * np.uint64(0x94D049BB133111EB)) & _MASK64
        return values ^ (values >> np.uint64(31))


class _Hasher:
    """Concept tokens to hashed unigram and bigram columns, with a cache of token hashes."""

    def __init__(self) -> None:
        self.cache: dict[str, int] = {}

    def counts(self, token_lists: Sequence[list[str]]) -> sp.csr_matrix:
        """Term counts, one row per token list, `_N_FEATURES` columns."""
        cache = self.cache
        lengths = np.fromiter((len(t) for t in token_lists), dtype=np.int64, count=len(token_lists))
        flat_tokens = list(chain.from_iterable(token_lists))
        for token in set(flat_tokens).difference(cache):  # order-free: each gets its own hash
            cache[token] = zlib.crc32(token.encode("utf-8")) | 1
        flat = np.array(list(map(cache.__getitem__, flat_tokens)), dtype=np.uint64)
        rows = np.repeat(np.arange(len(token_lists), dtype=np.int64), lengths)
        # Bigrams: consecutive tokens of the same text.
        same = rows[1:] == rows[:-1] if len(rows) > 1 else np.zeros(0, dtype=bool)
        pairs = ((flat[:-1][same] << np.uint64(32)) | flat[1:][same]) if len(rows) > 1 else flat[:0]
        keys = np.concatenate((flat, pairs))
        key_rows = np.concatenate((rows, rows[:-1][same] if len(rows) > 1 else rows[:0]))
        columns = (_mix(keys) >> np.uint64(64 - _BITS)).astype(np.int64)
        cells, counts = np.unique(key_rows * _N_FEATURES + columns, return_counts=True)
        cell_rows = cells // _N_FEATURES
        indptr = np.zeros(len(token_lists) + 1, dtype=np.int64)
        np.cumsum(np.bincount(cell_rows, minlength=len(token_lists)), out=indptr[1:])
        return sp.csr_matrix(
            (counts.astype(np.float64), cells % _N_FEATURES, indptr),
            shape=(len(token_lists), _N_FEATURES),
        )


@dataclass(frozen=True)
class _Space:
    """What places a text: IDF, kept columns, SVD axes, theme centres and thresholds."""

    idf: np.ndarray  # (_N_FEATURES,) every column, kept or not: all count in a text's norm
    column_index: np.ndarray  # (_N_FEATURES,) int32: position among kept columns, or -1
    axes: np.ndarray  # (kept columns, dimensions), C-ordered: the SVD components, transposed
    centres: np.ndarray  # (themes, features), unit rows
    thresholds: np.ndarray  # (themes,)
    # With meaning: each language's mean vector ("" for all texts), taken away before use.
    language_means: dict[str, np.ndarray] | None = None

    def tfidf(self, counts: sp.csr_matrix) -> sp.csr_matrix:
        """Sublinear TF-IDF rows, unit length over all columns, restricted to the kept columns."""
        data = (1.0 + np.log(counts.data)) * self.idf[counts.indices]
        rows = np.repeat(np.arange(counts.shape[0]), np.diff(counts.indptr))
        norms = np.sqrt(np.bincount(rows, weights=data * data, minlength=counts.shape[0]))
        data = data / np.where(norms > 0, norms, 1.0)[rows]
        kept = self.column_index[counts.indices]
        mask = kept >= 0
        return sp.csr_matrix(
            (data[mask], (rows[mask], kept[mask])),
            shape=(counts.shape[0], self.axes.shape[0]),
        )

    def project(self, counts: sp.csr_matrix) -> np.ndarray:
        """Each text's TF-IDF vector (unit length over all columns) projected on the axes."""
        return np.asarray(self.tfidf(counts) @ self.axes)

    def features(
        self,
        counts: sp.csr_matrix,
        vectors: np.ndarray | None = None,
        languages: Sequence[str] = (),
    ) -> np.ndarray:
        """What a text is placed by: its projection; with meaning, beside its vector centred on
        its language's mean (which takes away what the model says about the language rather
        than the subject: without it, English and French answers on one subject fell in two
        themes), each part weighted so that the whole is at most of length 1."""
        words = self.project(counts)
        if self.language_means is None:
            return words
        if vectors is None or len(vectors) != len(words):
            raise ValueError("these themes were found with the texts' meaning: give their vectors")
        return _with_meaning(words, vectors, languages, self.language_means)

    def place(self, projections: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Index of the closest centre (-1 for noise) and the cosine with it."""
        if len(self.centres) == 0 or len(projections) == 0:
            return np.full(len(projections), -1), np.zeros(len(projections))
        cosines = projections @ self.centres.T
        best = np.argmax(cosines, axis=1)
        similarity = cosines[np.arange(len(projections)), best]
        best = np.where(similarity >= self.thresholds[best], best, -1)
        return best, similarity


def _unit(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)


def _language_means(vectors: np.ndarray, languages: Sequence[str]) -> dict[str, np.ndarray]:
    """The mean vector of all texts ("") and of each language with enough texts to say it."""
    means = {"": vectors.mean(axis=0)}
    of_language = np.array(languages, dtype=object)
    for language in sorted(set(languages)):
        rows = of_language == language
        if int(rows.sum()) >= _MIN_LANGUAGE_TEXTS:
            means[language] = vectors[rows].mean(axis=0)
    return means


def _with_meaning(
    words: np.ndarray,
    vectors: np.ndarray,
    languages: Sequence[str],
    means: dict[str, np.ndarray],
) -> np.ndarray:
    centred = vectors - np.stack([means.get(language, means[""]) for language in languages])
    centred[~np.asarray(vectors).any(axis=1)] = 0.0  # a text with no words has no meaning either
    return np.hstack(
        (math.sqrt(_MEANING_WEIGHT) * _unit(centred), math.sqrt(1 - _MEANING_WEIGHT) * words)
    )


# --- results ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    id: str  # "T01", "T02"... by descending size, ties by key phrases
    size: int  # records, raw (sum of weights)
    distinct: int  # distinct texts (each campaign counted once)
    key_phrases: dict[str, list[str]]  # {"en": [...], "fr": [...]}, up to 8 each
    examples: list[str]  # ids of up to 5 representative records
    languages: dict[str, int]  # weight per language

    def to_dict(self) -> dict[str, Any]:
        return {
            "distinct": self.distinct,
            "examples": list(self.examples),
            "id": self.id,
            "key_phrases": {
                language: list(self.key_phrases[language]) for language in ("en", "fr")
            },
            "languages": dict(sorted(self.languages.items())),
            "size": self.size,
        }


@dataclass(frozen=True)
class ThemeModel:
    """The themes and what is needed to place new texts (a baseline consultation) in them."""

    themes: list[Theme]
    parameters: dict[str, Any]
    _space: _Space | None = field(default=None, repr=False, compare=False)
    _ids: tuple[str, ...] = field(default=(), repr=False, compare=False)  # theme id per centre

    @property
    def reads_meaning(self) -> bool:
        """Whether placing a text needs its vector from the sentence model."""
        return self._space is not None and self._space.language_means is not None

    def assign(
        self,
        texts: Sequence[str],
        languages: Sequence[str],
        vectors: np.ndarray | None = None,
    ) -> list[str | None]:
        """The theme id of each text: its closest theme if close enough, else None. `vectors`
        (one row per text, from the sentence model) are needed when `reads_meaning`."""
        if len(texts) != len(languages):
            raise ValueError("texts and languages differ in length")
        if self._space is None or not texts:
            return [None] * len(texts)
        if vectors is not None and len(vectors) != len(texts):
            raise ValueError("texts and vectors differ in length")
        hasher = _Hasher()
        result: list[str | None] = []
        with threadpool_limits(limits=1):
            for start in range(0, len(texts), _BATCH):
                token_lists = [
                    _concepts(text, language)
                    for text, language in zip(
                        texts[start : start + _BATCH],
                        languages[start : start + _BATCH],
                        strict=True,
                    )
                ]
                features = self._space.features(
                    hasher.counts(token_lists),
                    None if vectors is None else vectors[start : start + _BATCH],
                    languages[start : start + _BATCH],
                )
                best, _ = self._space.place(features)
                result.extend(self._ids[index] if index >= 0 else None for index in best.tolist())
        return result

    def to_dict(self) -> dict[str, Any]:
        return {
            "parameters": dict(sorted(self.parameters.items())),
            "themes": [theme.to_dict() for theme in self.themes],
        }


# --- fitting ------------------------------------------------------------------------------------


def _kmeans(units: np.ndarray, k: int, n_init: int, seed: int) -> KMeans:
    """k-means++ then Lloyd, seeded; quiet when there are fewer distinct points than k (the
    extra centres stay empty and are dropped later)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return KMeans(n_clusters=k, n_init=n_init, random_state=seed).fit(units)


def _theme_count(usable: int, max_themes: int) -> int:
    """How many themes to look for among `usable` texts: one per `_TEXTS_PER_THEME`, at most
    `max_themes`; but at least `_MIN_K` while each would still have `_MIN_TEXTS_PER_THEME`
    texts, and at least one.

    Finer rather than coarser, because the themes are candidates: an analyst joins two of them
    by merging the second into the code made of the first, but cannot see a theme that k-means
    folded into another. Stability (the k whose
    partition two halves of the sample agree on) chose this before and was dropped: on answers
    that each touch several topics it kept choosing 3, and found none of the synthetic set's 22
    topics and 2 of Reuters' 8 (ADR 0007 has the figures)."""
    floor = min(_MIN_K, usable // _MIN_TEXTS_PER_THEME)  # a few themes even on small inputs
    return max(1, min(max_themes, max(floor, usable // _TEXTS_PER_THEME)))


def _drop_small(
    space: _Space, projections: np.ndarray, weights: np.ndarray, min_size: int
) -> _Space:
    """`space` without its themes under `min_size` (in weight), removed one at a time, smallest
    first, each time placing the texts again so that a removed theme's texts can go elsewhere."""
    keep = np.arange(len(space.centres))
    while len(keep):
        current = replace(space, centres=space.centres[keep], thresholds=space.thresholds[keep])
        best, _ = current.place(projections)
        sizes = np.bincount(best[best >= 0], weights=weights[best >= 0], minlength=len(keep))
        smallest = int(np.argmin(sizes))
        if sizes[smallest] >= min_size:
            return current
        keep = np.delete(keep, smallest)
    return replace(space, centres=space.centres[:0], thresholds=space.thresholds[:0])


def _key_phrases(
    texts: Sequence[str],
    languages: Sequence[str],
    groups: list[np.ndarray],
    populations: list[dict[str, int]],
) -> list[dict[str, list[str]]]:
    """Up to `_MAX_PHRASES` distinctive phrases per theme and language (see the module docs).

    `groups[j]` holds indices of up to `_PHRASE_SAMPLE` texts of theme j (the last group: of no
    theme), drawn at random; `populations[j]` the number of distinct texts of each language in
    the whole group. A phrase's share among all texts of a language is estimated as the mix of
    its shares in the groups, each weighted by the group's population."""
    themes = len(groups) - 1
    result: list[dict[str, list[str]]] = [{"en": [], "fr": []} for _ in range(themes)]
    for language in ("en", "fr"):
        reader = _PhraseReader(language)
        frequency: list[Counter[tuple[str, ...]]] = []
        sampled: list[int] = []
        forms: Counter[tuple[tuple[str, ...], str]] = Counter()
        for group in groups:
            counter: Counter[tuple[str, ...]] = Counter()
            read = 0
            for index in group.tolist():
                if languages[index] != language:
                    continue
                found = reader.phrases(texts[index])
                counter.update(found.keys())
                forms.update(found.items())
                read += 1
            frequency.append(counter)
            sampled.append(read)
        population = sum(known.get(language, 0) for known in populations)
        if not population:
            continue
        overall: dict[tuple[str, ...], float] = {}
        for counter, read, known in zip(frequency, sampled, populations, strict=True):
            if not read:
                continue
            factor = known.get(language, 0) / population / read
            for key, count in counter.items():
                overall[key] = overall.get(key, 0.0) + count * factor
        wanted: dict[tuple[str, ...], Counter[str]] = {}
        chosen: list[list[tuple[str, ...]]] = [[] for _ in range(themes)]
        for theme in range(themes):
            read = sampled[theme]
            if not read:
                continue
            minimum = max(2, math.ceil(0.03 * read))
            candidates = []
            for key, count in frequency[theme].items():
                if count < minimum:
                    continue
                share = count / read
                # Log of the lift, plus a little for frequency alone, so that a theme holding
                # nearly every text still gets its most common phrases.
                score = share * (math.log(share / overall[key]) + _FREQUENCY_CREDIT)
                score *= 1.0 + _PHRASE_BONUS * (len(key) - 1)
                if score > 1e-9:
                    candidates.append((-score, key, count))
            candidates.sort()
            chosen[theme] = _select(candidates)
            for key in chosen[theme]:
                wanted[key] = Counter()
        for (key, surface), count in forms.items():
            if key in wanted:
                wanted[key][surface] += count
        for theme in range(themes):
            result[theme][language] = [_surface(wanted[key]) for key in chosen[theme]]
    return result


def _select(candidates: list[tuple[float, tuple[str, ...], int]]) -> list[tuple[str, ...]]:
    """The best `_MAX_PHRASES` candidates (best first), without phrases that repeat each other.

    A phrase inside a chosen one is skipped unless clearly more frequent; a phrase holding chosen
    ones replaces them when nearly as frequent (`_PHRASE_REPLACE`) as the most frequent phrase
    they stand for, and otherwise joins them."""
    chosen: list[tuple[tuple[str, ...], int, int]] = []  # key, texts, texts of what it replaced
    for _, key, count in candidates:
        if len(chosen) >= _MAX_PHRASES:
            break
        if any(
            _contains(other, key) and _PHRASE_REPLACE * count <= anchor
            for other, _, anchor in chosen
        ):
            continue
        pairs = set(pairwise(key))
        if any(
            pairs & set(pairwise(other)) and not _contains(key, other) and not _contains(other, key)
            for other, _, _ in chosen
        ):
            continue  # overlaps a chosen phrase: "hours were cut" after "cut last year"
        inside = [i for i, (other, _, _) in enumerate(chosen) if _contains(key, other)]
        anchor = max((chosen[i][2] for i in inside), default=count)
        if inside and count >= _PHRASE_REPLACE * anchor:
            chosen[inside[0]] = (key, count, anchor)
            for i in reversed(inside[1:]):
                del chosen[i]
        else:
            chosen.append((key, count, count))
    return [key for key, _, _ in chosen]


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether `shorter` is a run of consecutive stems of `longer`."""
    width = len(shorter)
    return any(longer[i : i + width] == shorter for i in range(len(longer) - width + 1))


def _surface(forms: Counter[str]) -> str:
    """The most frequent surface form; ties go to the lower-case one, then alphabetical."""
    return min(forms.items(), key=lambda item: (-item[1], item[0] != item[0].lower(), item[0]))[0]


def _examples(
    members: np.ndarray,
    similarity: np.ndarray,
    units: np.ndarray,
    languages: Sequence[str],
) -> list[int]:
    """Up to `_MAX_EXAMPLES` of `members` (candidates sorted closest first), varied, bilingual."""
    present = sorted({languages[m] for m in members.tolist()} & {"en", "fr"})
    chosen: list[int] = []
    while len(chosen) < min(_MAX_EXAMPLES, len(members)):
        missing = [lang for lang in present if lang not in {languages[members[c]] for c in chosen}]
        best, best_score = -1, -math.inf
        for position in range(len(members)):
            if position in chosen:
                continue
            if missing and languages[members[position]] not in missing:
                continue
            overlap = max((float(units[position] @ units[c]) for c in chosen), default=0.0)
            if overlap > _NEAR_COPY:
                continue
            score = float(similarity[position]) - 0.5 * overlap
            if score > best_score:
                best, best_score = position, score
        if best < 0:
            if missing:
                present = [lang for lang in present if lang not in missing]
                continue
            break
        chosen.append(best)
    return [int(members[c]) for c in chosen]


@dataclass(frozen=True)
class _Distinct:
    """The distinct (text, language) pairs of the input, sorted, and how records map to them."""

    texts: list[str]
    languages: list[str]
    weights: np.ndarray  # records each stands for
    first_ids: list[str]  # the smallest record id of each
    of_record: list[int]  # input position -> distinct index
    vectors: np.ndarray | None = None  # the sentence model's vector of each, if the run has them

    @classmethod
    def of(
        cls,
        ids: Sequence[str],
        texts: Sequence[str],
        languages: Sequence[str],
        weights: Sequence[int],
        vectors: np.ndarray | None = None,
    ) -> _Distinct:
        pairs = list(zip(texts, languages, strict=True))
        keys = sorted(set(pairs))
        index = {key: number for number, key in enumerate(keys)}
        of_record = [index[pair] for pair in pairs]
        totals = np.zeros(len(keys), dtype=np.int64)
        np.add.at(
            totals, np.asarray(of_record, dtype=np.int64), np.asarray(weights, dtype=np.int64)
        )
        first: dict[int, str] = {}
        for record_id, number in zip(ids, of_record, strict=True):
            if number not in first or record_id < first[number]:
                first[number] = record_id
        distinct_vectors = None
        if vectors is not None:  # a text's vector depends on the text alone: any copy will do
            where = np.zeros(len(keys), dtype=np.int64)
            where[np.asarray(of_record, dtype=np.int64)] = np.arange(len(of_record))
            distinct_vectors = np.asarray(vectors, dtype=np.float64)[where]
        return cls(
            [key[0] for key in keys],
            [key[1] for key in keys],
            totals,
            [first[number] for number in range(len(keys))],
            of_record,
            distinct_vectors,
        )

    def concepts(self, indices: Sequence[int] | np.ndarray) -> list[list[str]]:
        return [_concepts(self.texts[i], self.languages[i]) for i in indices]

    def features(self, space: _Space, indices: np.ndarray, hasher: _Hasher) -> np.ndarray:
        """What `space` places these distinct texts by (see `_Space.features`)."""
        return space.features(
            hasher.counts(self.concepts(indices)),
            None if self.vectors is None else self.vectors[indices],
            [self.languages[i] for i in indices],
        )


def _fit(
    distinct: _Distinct, order: np.ndarray, max_themes: int, min_size: int, seed: int
) -> tuple[_Space | None, dict[str, Any], np.ndarray, np.ndarray]:
    """The space and themes fitted on the sample `order[:_SAMPLE]`, what was chosen, and the
    sample's projections (in sample order) for reuse. None when there is too little to fit."""
    sample = order[:_SAMPLE]
    chosen: dict[str, Any] = {"sample": len(sample)}
    counts = _Hasher().counts(distinct.concepts(sample))
    document_frequency = np.bincount(counts.indices, minlength=_N_FEATURES)
    idf = np.log((1.0 + len(sample)) / (1.0 + document_frequency)) + 1.0
    kept_columns = np.flatnonzero(document_frequency >= _MIN_DF)
    if len(kept_columns) > _MAX_COLUMNS:  # the most frequent; ties by column, so stable
        by_frequency = np.lexsort((kept_columns, -document_frequency[kept_columns]))
        kept_columns = np.sort(kept_columns[by_frequency[:_MAX_COLUMNS]])
    chosen["columns"] = len(kept_columns)
    nothing = np.zeros((0, 0))
    if len(kept_columns) < 2:
        return None, chosen, nothing, sample
    column_index = np.full(_N_FEATURES, -1, dtype=np.int32)
    column_index[kept_columns] = np.arange(len(kept_columns))
    # No axes yet: only `tfidf` is used, to weight the sample.
    space = _Space(idf, column_index, np.zeros((len(kept_columns), 0)), nothing, np.zeros(0))
    tfidf = space.tfidf(counts)
    dimensions = min(_DIMENSIONS, len(kept_columns) - 1, len(sample) - 1)
    chosen["dimensions"] = dimensions
    svd = TruncatedSVD(n_components=dimensions, algorithm="randomized", random_state=seed)
    axes = np.ascontiguousarray(svd.fit(tfidf).components_.T)
    projections = np.asarray(tfidf @ axes)
    norms = np.linalg.norm(projections, axis=1)
    usable = np.flatnonzero(norms > 1e-9)
    if len(usable) < _MIN_TEXTS:
        return None, chosen, nothing, sample
    if distinct.vectors is not None:
        languages = [distinct.languages[i] for i in sample]
        means = _language_means(distinct.vectors[sample], languages)
        space = replace(space, language_means=means)
        projections = _with_meaning(projections, distinct.vectors[sample], languages, means)
        chosen["meaning_weight"] = _MEANING_WEIGHT
        norms = np.linalg.norm(projections, axis=1)
    units = projections[usable] / norms[usable, None]

    k = _theme_count(len(units), max_themes)
    chosen["chosen_k"] = k
    kmeans = _kmeans(units, k, _N_INIT, seed)
    centres = _unit(kmeans.cluster_centers_)
    labels = kmeans.labels_
    cosines = np.einsum("ij,ij->i", projections[usable], centres[labels])
    thresholds = np.array(
        [
            max(_MIN_SIMILARITY, _NOISE_RATIO * float(np.median(cosines[labels == j])))
            if np.any(labels == j)
            else math.inf
            for j in range(k)
        ]
    )
    space = replace(space, axes=axes, centres=centres, thresholds=thresholds)
    # Sizes on the sample, scaled up to the whole input (exact when the sample is all of it).
    sample_weights = distinct.weights[sample].astype(np.float64)
    if sample_weights.sum() > 0:
        sample_weights *= distinct.weights.sum() / sample_weights.sum()
    space = _drop_small(space, projections, sample_weights, min_size)
    return space, chosen, projections, sample


def _place_all(
    space: _Space, distinct: _Distinct, sample: np.ndarray, projections: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The theme index (-1: none) and the cosine with its centre of every distinct text."""
    count = len(distinct.texts)
    theme_of = np.full(count, -1, dtype=np.int64)
    similarity = np.zeros(count)
    theme_of[sample], similarity[sample] = space.place(projections)
    rest = np.setdiff1d(np.arange(count), sample)
    hasher = _Hasher()
    for start in range(0, len(rest), _BATCH):
        batch = rest[start : start + _BATCH]
        theme_of[batch], similarity[batch] = space.place(distinct.features(space, batch, hasher))
    return theme_of, similarity


def _describe(
    space: _Space,
    distinct: _Distinct,
    order: np.ndarray,
    theme_of: np.ndarray,
    similarity: np.ndarray,
) -> list[Theme]:
    """The themes with their sizes, key phrases and examples, ids not yet given (sorted later)."""
    themes = len(space.centres)
    in_order = theme_of[order]
    groups = []
    populations = []
    for j in [*range(themes), -1]:
        members = order[in_order == j]
        groups.append(members[:_PHRASE_SAMPLE])
        populations.append(dict(Counter(distinct.languages[m] for m in members.tolist())))
    phrases = _key_phrases(distinct.texts, distinct.languages, groups, populations)

    count = len(distinct.texts)
    ranking = np.lexsort((np.arange(count), -similarity, theme_of))  # by theme, closest first
    starts = np.searchsorted(theme_of[ranking], np.arange(themes + 1))
    hasher = _Hasher()
    described = []
    for j in range(themes):
        members = ranking[starts[j] : starts[j + 1]]
        # The closest of each language, then all of them closest first.
        languages = np.array([distinct.languages[m] for m in members.tolist()], dtype=object)
        candidates = np.concatenate(
            [
                members[languages == language][:_EXAMPLE_CANDIDATES]
                for language in sorted(set(languages.tolist()))
            ]
        )
        candidates = candidates[np.lexsort((candidates, -similarity[candidates]))]
        units = _unit(space.project(hasher.counts(distinct.concepts(candidates))))
        examples = _examples(candidates, similarity[candidates], units, distinct.languages)
        weight: Counter[str] = Counter()
        for m in members.tolist():
            weight[distinct.languages[m]] += int(distinct.weights[m])
        described.append(
            Theme(
                id="",
                size=int(distinct.weights[members].sum()),
                distinct=len(members),
                key_phrases=phrases[j],
                examples=[distinct.first_ids[m] for m in examples],
                languages={language: n for language, n in sorted(weight.items()) if n},
            )
        )
    return described


def find_themes(
    ids: Sequence[str],
    texts: Sequence[str],
    languages: Sequence[str],
    *,
    weights: Sequence[int] | None = None,
    vectors: np.ndarray | None = None,
    seed: int = 2018,
    max_themes: int = 30,
    min_size: int = 5,
) -> tuple[ThemeModel, list[str | None]]:
    """Themes of `texts` (redacted; languages "en", "fr" or "und") and each text's theme id.

    `weights` says how many records each text stands for (default 1). `vectors`, one row per
    text from the sentence model (`meaning.Meaning.vectors`), adds the texts' meaning to their
    words; the model then needs vectors to place new texts. Returns the model and,
    for each input text, its theme id or None (noise, or in no theme big enough). See the
    module docs for the method."""
    if not len(ids) == len(texts) == len(languages):
        raise ValueError("ids, texts and languages differ in length")
    weights = [1] * len(texts) if weights is None else list(weights)
    if len(weights) != len(texts):
        raise ValueError("weights and texts differ in length")
    if any(weight < 0 for weight in weights):
        raise ValueError("weights cannot be negative")
    if max_themes < 1:
        raise ValueError("max_themes must be at least 1")
    if vectors is not None and len(vectors) != len(texts):
        raise ValueError("vectors and texts differ in length")
    parameters: dict[str, Any] = {
        "features": _FEATURES if vectors is None else f"{_FEATURES}; {_MEANING_FEATURES}",
        "max_themes": max_themes,
        "min_size": min_size,
        "noise_ratio": _NOISE_RATIO,
        "seed": seed,
        "texts": len(texts),
    }
    distinct = _Distinct.of(ids, texts, languages, weights, vectors)
    count = len(distinct.texts)
    parameters["distinct_texts"] = count
    nothing: list[str | None] = [None] * len(texts)
    if count < _MIN_TEXTS or int(distinct.weights.sum()) < min_size:
        return ThemeModel([], {**parameters, "themes": 0}), nothing

    with threadpool_limits(limits=1):
        order = np.random.default_rng(seed).permutation(count)
        space, chosen, projections, sample = _fit(distinct, order, max_themes, min_size, seed)
        parameters.update(chosen)
        if space is None or len(space.centres) == 0:
            return ThemeModel([], {**parameters, "themes": 0}), nothing
        theme_of, similarity = _place_all(space, distinct, sample, projections)
        # Placed among all texts, a theme found on the sample may still be too small.
        sizes = np.bincount(
            theme_of[theme_of >= 0],
            weights=distinct.weights[theme_of >= 0],
            minlength=len(space.centres),
        )
        alive = np.flatnonzero((sizes >= min_size) & (sizes > 0))
        if len(alive) == 0:
            return ThemeModel([], {**parameters, "themes": 0}), nothing
        renumber = np.full(len(space.centres) + 1, -1, dtype=np.int64)  # the last slot: -1
        renumber[alive] = np.arange(len(alive))
        orphans = np.flatnonzero((theme_of >= 0) & (renumber[theme_of] < 0))
        theme_of = renumber[theme_of]
        space = replace(space, centres=space.centres[alive], thresholds=space.thresholds[alive])
        if len(orphans):  # placed again, as `ThemeModel.assign` would place them
            projected = distinct.features(space, orphans, _Hasher())
            theme_of[orphans], similarity[orphans] = space.place(projected)
        drafts = _describe(space, distinct, order, theme_of, similarity)

    ordering = sorted(
        range(len(drafts)),
        key=lambda j: (
            -drafts[j].size,
            " | ".join(drafts[j].key_phrases["en"] + drafts[j].key_phrases["fr"]),
            drafts[j].examples,
        ),
    )
    width = max(2, len(str(len(drafts))))
    theme_ids = [""] * len(drafts)
    for rank, j in enumerate(ordering, start=1):
        theme_ids[j] = f"T{rank:0{width}d}"
    themes = [replace(drafts[j], id=theme_ids[j]) for j in ordering]
    parameters["themes"] = len(themes)
    parameters["thresholds"] = {
        theme_ids[j]: round(float(space.thresholds[j]), 4) for j in ordering
    }
    model = ThemeModel(themes, parameters, space, tuple(theme_ids))
    labels = [theme_ids[t] if t >= 0 else None for t in theme_of.tolist()]
    return model, [labels[index] for index in distinct.of_record]
