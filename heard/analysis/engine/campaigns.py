"""Campaigns and duplicates: exact copies, edited copies, template letters and translations.

`find_campaigns` groups records in four passes over the distinct texts, each joining groups in
one union-find, so a campaign may hold exact copies, edited copies, template variants and
translations at once:

1. **Exact.** Texts equal after `normalise` (case, accents, spacing, punctuation) are one group.
   A dictionary on the normalised text: one pass, and most of a flood ends here.
2. **Near.** Between distinct texts, MinHash over word shingles (`shingle` words, `_PERMUTATIONS`
   hash functions drawn from `seed`, computed with numpy) and LSH banding (`_BANDS` bands of
   `_ROWS` rows) propose candidates; each candidate is verified with the true Jaccard similarity
   of the two shingle sets, kept if at least `threshold`. Word pairs (shingle=2) are the default:
   with 5-word shingles a single edit every twenty words already brings the Jaccard below 0.8,
   while with pairs three edits in a sixty-word letter keep it above.
   **Reworded copies** come next, after the template pass below: the same letter with some of
   its words swapped for synonyms breaks most word pairs but leaves most words, and every
   sentence, in place. MinHash over each text's set of words proposes candidates (bands of
   `_REWORDED_ROWS` rows); a pair is joined when the word sets' Jaccard reaches `_REWORDED_TEXT`
   and the sentences pair off in order (`_REWORDED_ALIGNED` of the text with fewer, and
   `_REWORDED_ALIGNED_MORE` of the one with more, a pair counting at a word Jaccard of
   `_REWORDED_SENTENCE`). Texts of fewer than `_REWORDED_SENTENCES` sentences are never
   compared this way: short answers worded alike are people agreeing, not a letter. On the
   development letters, copies with 10 to 20% of their words swapped are found whole.
3. **Template.** Each sentence of four or more words gets a fingerprint: its folded words with
   capitalised words inside the sentence (towns, organisations, people) and numbers masked, so
   "the shelter in Moncton" and "the shelter in Rimouski" agree. Two texts join when they share at
   least `_MIN_SHARED` fingerprints and either three of them or 60% of the shorter text's.
   Candidates come from an index of fingerprints: each text is compared only with the first
   `_POSTINGS` texts holding each of its fingerprints, then verified on the full sets.
4. **Translation** (unless `translations=False`): the same letter in English and in French.
   Each group found so far is read through its central text (see below): its language from its
   function words (`bilingual.guess_language`) and its concepts (`bilingual.concepts`: English
   concepts for the words of either language, through a French-English lexicon written by hand,
   so that a letter and its translation share most of theirs; words the lexicon does not hold
   meet their cognates through `cognate`: "organisation" and "organization", "stratégie" and
   "strategy"). Groups of two records or more
   with at least `_MIN_CONCEPTS` distinct concepts are indexed, per language, by concept. Every
   group, a single text included, then looks in the other language's index with its `_PROBES`
   rarest concepts among those held by at most `_POSTING_LIMIT` indexed groups, and the
   `_CANDIDATES` groups answering most probes (at least `_MIN_HITS`) are verified:
   - lengths alike: the shorter has at least `_LENGTH_RATIO` of the longer's concepts;
   - concepts alike: weighted Jaccard at least `_TEXT_SIMILARITY`, each concept weighing
     1 + its inverse frequency (capped at `_IDF_CAP`) among an even sample of `_WEIGHT_SAMPLE`
     groups, so that "victims" or "government" count less than "RCMP" or "database";
   - sentences in the same order: `_ALIGNED_SHARE` of the sentences of the text that has fewer,
     and at least `_ALIGNED_ALL` of them (all of them in texts that have no more), pair off one
     to one in order (a monotone alignment), a pair counting when the Jaccard of its concepts
     is at least `_SENTENCE_SIMILARITY`; sentences of fewer than `_SENTENCE_CONCEPTS` concepts
     ("Merci.") are left out. When either text has fewer than two sentences to align (one
     sentence, or a copy typed without punctuation), the weighted Jaccard must reach
     `_TEXT_SIMILARITY_ALONE` instead. Two answers that merely share a translated sentence
     (the redacted "My name is [NAME]..." and "Je m'appelle [NAME]...") and a loose second one
     are not the same letter.
   A campaign joined this way is of kind "translation". On the letters of the tests (about 80
   words, translated by hand), a letter and its translation have a weighted Jaccard near 0.6 and
   every sentence aligned; different letters on the same subject (money for full shelters, in
   both languages) 0.21 at most and one sentence in five aligned.

A group joined as near copies in which two distinct texts have the same sentence fingerprints
differs only in names, places and numbers, as a mail merge does: it is labelled a template.

Texts of fewer than `min_words` words ("Yes", "I agree") are never grouped: identical short
answers are agreement, not a campaign. Groups of at least `min_size` records are campaigns.

The canonical text of a campaign is its central text: the one with the most copies, then the
most sentences shared with the other members, then the fewest of its own. A campaign in two
languages has a canonical text per language (the central text among that language's members);
`canonical` is the one of the language with the most records (English on a tie) and gives the
campaign its id, and `translations` holds the others (``{"fr": ...}``). Each member's
`added_text` is what it adds to the canonical text of its own language: a French copy of an
English campaign adds nothing, a French copy with a sentence of its own adds that sentence. The
central text itself is split: a sentence of it that fewer than `_LETTER_SHARE` of a sample of the
other members have is its writer's own (its `added_text`), and the canonical text is the rest.

Cost, for n records of at most L words and p = `_PERMUTATIONS`: normalising and hashing O(n L);
MinHash O(n L p) numpy operations; banding O(n p log n) (a sort per band); verification
O(c L) for c candidate pairs, and c is O(n) because within a bucket each text is checked against
the bucket's first text and its predecessor only, never against all the others; templates
O(n s `_POSTINGS`) for s sentences per text; translations O(n L) dictionary look-ups for the
languages and concepts of the groups' central texts, O(n `_PROBES` `_POSTING_LIMIT`) at most for
the probes and O(n `_CANDIDATES` s²) at most for the alignments. No step compares all pairs.
Memory O(n L). Measured on one core at 100,000 records (30% of them campaign copies, 71,000
groups): `find_campaigns` takes 23.6 s, 2.0 s of them in the translation pass (22.1 s without
it); at a million records, 15 s of 323 s (a run without the pass took 342 s on that busy
machine: the difference is within its noise).

Limits of the translation pass. It knows English and French only, one word at a time, through
a lexicon of about 1,400 French words (9,900 forms): a translation written freely (sentences
merged, reordered, summarised) or with many words outside the lexicon may be missed. Two single
texts that translate each other are not looked for (they would make a campaign of two at most):
one side needs two records or more. Texts of fewer than `_MIN_CONCEPTS` distinct concepts are
not matched across languages, short texts agreeing by chance. A letter all of whose concepts
are held by more than `_POSTING_LIMIT` indexed groups cannot be proposed (real letters carry
names, places or words of their own). A text mixing both languages has no language and is not
matched.

Results depend only on the input texts, their ids and the parameters (distinct texts are
processed in sorted order, MinHash permutations come from `seed`, concept weights are integers
so that no sum depends on the order of a set): the same input and seed give the same
`to_dict()` whatever the order of the records and whatever PYTHONHASHSEED.

Pure Python and numpy; imports no Django.
"""

from __future__ import annotations

import hashlib
import math
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Literal

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]

from heard.analysis.engine.bilingual import _english as bilingual_english
from heard.analysis.engine.bilingual import _french as bilingual_french
from heard.analysis.engine.bilingual import analyse, concepts
from heard.analysis.engine.language import sentences
from heard.analysis.engine.normalise import fold, normalise

Kind = Literal["exact", "near", "template", "translation"]
# Weakest link last: it names the kind.
_KINDS: tuple[Kind, ...] = ("exact", "near", "template", "translation")

_PERMUTATIONS = 126
_BANDS = 21
_ROWS = _PERMUTATIONS // _BANDS  # 6 rows: pairs are proposed at 0.8 99.8%, at 0.3 1.5% of the time
_MIN_SENTENCE_WORDS = 4  # shorter sentences ("Thank you.") are shared by everyone
_MIN_SHARED = 2
_SHARED_ENOUGH = 3
_SHARED_SHARE = 0.6
_POSTINGS = 3
_SENTENCE_JACCARD = 0.5  # a member's sentence this close to one of the canonical is not its own
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
# A candidate pair whose signatures agree on fewer than (threshold - this) of their values is
# not verified: with 126 values the estimate's standard deviation is at most 0.045, so a pair at
# the threshold falls below it less than once in a hundred thousand.
_ESTIMATE_MARGIN = 0.2
# Reworded copies (step 2b): the same letter with some words swapped for synonyms.
_REWORDED_ROWS = 5  # 25 bands of 5 rows over word sets: proposed at 0.6 87%, at 0.3 6% of the time
_REWORDED_BANDS = _PERMUTATIONS // _REWORDED_ROWS
_REWORDED_TEXT = 0.45  # Jaccard of the two texts' sets of words
_REWORDED_LENGTH = 0.4  # words of the shorter text over the longer's, below which none is checked
_REWORDED_SENTENCES = 3  # texts with fewer sentences (of 4 words or more) are not compared
_REWORDED_SENTENCE = 0.6  # Jaccard of two sentences' words for them to align
_REWORDED_ALIGNED = 0.7  # aligned sentences over the sentences of the text that has fewer
_REWORDED_ALIGNED_MORE = 0.6  # ... and over those of the text that has more (a sentence added)
# Cross-language pass (see the module docstring, step 4).
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
_MAX_SENTENCES = 200  # sentences aligned per text (the rest are not compared)
_WEIGHT_SAMPLE = 20_000  # texts sampled (evenly, in sorted order) for concept frequencies
_IDF_CAP = 5.0

_KEY_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_UPPER = "".join(chr(code) for code in range(0x250) if chr(code).isupper())
# A whole word (between single spaces) that starts with a capital or holds a digit.
_MASK = re.compile(rf"(?<!\S)(?:[{_UPPER}]|\S*\d)\S*")
_MASK_RUN = re.compile(r"_(?: _)+")
_ROUGH_BOUNDARY = re.compile(r"[.!?;\n]")
_WORD = re.compile(r"[^\W_]+")  # a word as `normalise` reads one


@dataclass(frozen=True)
class Campaign:
    id: str  # "C" + 10 hex digits of the hash of the normalised canonical text
    canonical: str
    size: int  # records, copies included
    members: tuple[str, ...]  # record ids, sorted
    kind: Kind
    added_text: dict[str, str] = field(repr=False)  # member id -> its own sentences ("" if none)
    # Kind "translation" only: language -> canonical text of each language other than the
    # canonical's ("fr" -> the French letter when the canonical is the English one).
    translations: dict[str, str] = field(default_factory=dict, repr=False)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            # Only members who added something, to keep a flood of exact copies small.
            "added_text": {
                key: self.added_text[key] for key in self.members if self.added_text[key]
            },
            "canonical": self.canonical,
            "id": self.id,
            "kind": self.kind,
            "members": list(self.members),
            "size": self.size,
        }
        if self.translations:
            data["translations"] = dict(sorted(self.translations.items()))
        return data


@dataclass(frozen=True)
class CampaignResult:
    campaigns: tuple[Campaign, ...]  # largest first, then by id
    records_total: int
    parameters: dict[str, Any]
    _of: dict[str, str] = field(repr=False)

    @property
    def records_deduplicated(self) -> int:
        """Records with each campaign counted once."""
        return self.records_total - sum(campaign.size - 1 for campaign in self.campaigns)

    def campaign_of(self, record_id: str) -> str | None:
        """The id of the record's campaign, or None if it belongs to none."""
        return self._of.get(record_id)

    def counts(self, record_ids: Iterable[str]) -> tuple[int, int]:
        """(raw, deduplicated) number of `record_ids`: each campaign among them counted once."""
        raw = 0
        alone = 0
        seen: set[str] = set()
        for record_id in record_ids:
            raw += 1
            campaign = self._of.get(record_id)
            if campaign is None:
                alone += 1
            else:
                seen.add(campaign)
        return raw, alone + len(seen)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able; keys in sorted order, so `json.dumps` gives the same bytes on each run."""
        return {
            "campaigns": [campaign.to_dict() for campaign in self.campaigns],
            "parameters": dict(sorted(self.parameters.items())),
            "records_deduplicated": self.records_deduplicated,
            "records_in_campaigns": sum(campaign.size for campaign in self.campaigns),
            "records_total": self.records_total,
        }


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.kind = [0] * size  # index in _KINDS of the weakest link used in the root's set

    def find(self, item: int) -> int:
        parent = self.parent
        root = item
        while parent[root] != root:
            root = parent[root]
        while parent[item] != root:
            parent[item], item = root, parent[item]
        return root

    def union(self, first: int, second: int, kind: int) -> None:
        a, b = self.find(first), self.find(second)
        if a == b:
            return
        if b < a:
            a, b = b, a
        self.parent[b] = a
        self.kind[a] = max(self.kind[a], self.kind[b], kind)


def _sentence_key(sentence: str) -> str | None:
    """A fingerprint of a sentence with inner capitalised words and numbers masked, or None."""
    words = _KEY_TOKEN.findall(sentence)
    if len(words) < _MIN_SENTENCE_WORDS:
        return None
    rest = _MASK.sub("_", " ".join(words[1:]))
    key = fold(words[0] + " " + _MASK_RUN.sub("_", rest)).replace("’", "'")
    kept = len(words) - rest.count("_")  # a masked word holds no "_": words never contain one
    return key if kept >= _MIN_SENTENCE_WORDS else None


def _key_id(key: str) -> int:
    """A sentence fingerprint as a 64-bit number: a million letters' sets of fingerprints take a
    fraction of the memory their strings would, and collisions are negligible at 2**-64."""
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big")


def text_features(
    text: str, spans: Iterable[tuple[int, int]] | None = None
) -> tuple[str, tuple[int, ...]]:
    """What `find_campaigns` reads of each text before comparing any: its normalised form and
    its sentence fingerprints (`_sentence_key` as 64-bit ids, sorted, each once). `spans` are
    the text's sentence spans when the caller has them already (`language.sentence_spans`).
    The pipeline computes these in its worker processes, beside redaction, and passes them in
    the records: on a million records they were a third of a stage that runs on one core."""
    pieces = sentences(text) if spans is None else [text[start:end] for start, end in spans]
    keys = {_key_id(key) for key in map(_sentence_key, pieces) if key}
    return normalise(text), tuple(sorted(keys))


def _hash32(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _minhash(docs: list[str], shingle: int, seed: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """MinHash signatures (docs x _PERMUTATIONS, uint32), shingle hashes (uint32) and each doc's
    start. `docs` are normalised texts: words separated by single spaces. Their words are hashed
    as they are read, never held as lists: on a million letters those lists alone took gigabytes.
    """
    vocabulary: dict[str, int] = {}
    lengths = np.fromiter((doc.count(" ") + 1 for doc in docs), dtype=np.int64, count=len(docs))
    flat = np.fromiter(
        (
            vocabulary.get(w) or vocabulary.setdefault(w, _hash32(w) | 1)
            for doc in docs
            for w in doc.split(" ")
        ),
        dtype=np.uint64,
        count=int(lengths.sum()),
    )
    del vocabulary
    token_starts = np.concatenate(([0], np.cumsum(lengths)[:-1])).astype(np.int64)
    # Shingle i of a doc covers its tokens i..i+shingle-1: valid while inside the doc.
    count = len(flat) - shingle + 1
    hashes = flat[:count].copy()
    for offset in range(1, shingle):
        hashes = (hashes * np.uint64(0x9E3779B97F4A7C15) + flat[offset : offset + count]) & _MASK64
    hashes = (hashes ^ (hashes >> np.uint64(29))) & np.uint64(0xFFFFFFFF)
    shingle_counts = lengths - shingle + 1
    valid = np.ones(len(flat), dtype=bool)
    ends = token_starts + lengths
    for back in range(1, shingle):
        valid[ends - back] = False  # shingles that would run into the next doc
    shingles = hashes[valid[:count]].astype(np.uint32)
    del flat, hashes, valid
    starts = np.concatenate(([0], np.cumsum(shingle_counts)[:-1])).astype(np.int64)

    rng = np.random.default_rng(seed)
    # Multiply-shift hashing: (a x + b) mod 2^64, top 32 bits; a odd. A universal family.
    multipliers = rng.integers(1, 2**63, size=_PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + 1
    offsets = rng.integers(0, 2**63, size=_PERMUTATIONS, dtype=np.uint64)
    signatures = np.empty((len(docs), _PERMUTATIONS), dtype=np.uint32)
    chunk = 200_000  # shingles per block: bounds memory on a million records
    doc = 0
    while doc < len(docs):
        last = int(np.searchsorted(starts, starts[doc] + chunk, side="right"))
        last = max(last, doc + 1)
        low = int(starts[doc])
        high = int(starts[last]) if last < len(docs) else len(shingles)
        block = shingles[low:high].astype(np.uint64)
        local = starts[doc:last] - low
        for permutation in range(_PERMUTATIONS):
            values = (block * multipliers[permutation] + offsets[permutation]) >> np.uint64(32)
            signatures[doc:last, permutation] = np.minimum.reduceat(values, local)
        doc = last
    return signatures, shingles, starts


def _jaccard(first: set[int], second: set[int]) -> float:
    if not first or not second:
        return 0.0
    shared = len(first & second)
    return shared / (len(first) + len(second) - shared)


def _near_pairs(
    docs: list[str],
    uf: _UnionFind,
    nodes: list[int],
    shingle: int,
    threshold: float,
    seed: int,
) -> None:
    """Union the near copies among `docs` (node `nodes[i]` for doc i)."""
    if len(docs) < 2:
        return
    signatures, shingles, starts = _minhash(docs, shingle, seed)
    roots = np.fromiter((uf.find(node) for node in nodes), dtype=np.int64, count=len(nodes))
    firsts, seconds = _candidates(
        signatures, _BANDS, _ROWS, roots, threshold - _ESTIMATE_MARGIN, None, 0.0
    )
    del signatures
    similar = _jaccards(shingles, starts, firsts, seconds) >= threshold
    for first, second in zip(firsts[similar].tolist(), seconds[similar].tolist(), strict=True):
        uf.union(nodes[first], nodes[second], 1)


def _jaccards(
    values: np.ndarray, starts: np.ndarray, firsts: np.ndarray, seconds: np.ndarray
) -> np.ndarray:
    """The Jaccard similarity of the sets of values of docs `firsts[i]` and `seconds[i]` (doc d
    holds ``values[starts[d]:starts[d + 1]]``), for every pair at once: through a sparse
    docs-by-values matrix of ones, whose row products count the values two docs share. On a
    million texts building a Python set per doc and pair took longer than the rest of the pass.
    """
    if not len(firsts):
        return np.empty(0, dtype=np.float64)
    _, columns = np.unique(values, return_inverse=True)
    indptr = np.append(starts, len(values)).astype(np.int64)
    matrix = sp.csr_matrix(
        (np.ones(len(values), dtype=np.int32), columns.ravel(), indptr),
        shape=(len(starts), int(columns.max()) + 1 if len(columns) else 0),
    )
    matrix.sum_duplicates()
    matrix.data[:] = 1  # a value repeated in a doc counts once: sets, not bags
    sizes = np.diff(matrix.indptr)
    shared = np.empty(len(firsts), dtype=np.int64)
    step = 100_000  # pairs per block: bounds the two row selections' memory
    for low in range(0, len(firsts), step):
        left, right = firsts[low : low + step], seconds[low : low + step]
        shared[low : low + step] = np.asarray(
            matrix[left].multiply(matrix[right]).sum(axis=1)
        ).ravel()
    union = sizes[firsts] + sizes[seconds] - shared
    return np.divide(shared, union, out=np.zeros(len(firsts)), where=union > 0)


def _candidates(
    signatures: np.ndarray,
    bands: int,
    rows_per_band: int,
    roots: np.ndarray,
    estimate: float,
    lengths: np.ndarray | None,
    length_ratio: float,
) -> tuple[np.ndarray, np.ndarray]:
    """Candidate pairs (first < second, sorted, each once): docs whose signatures agree on a
    whole band, within a bucket each doc paired with the bucket's first doc and its predecessor
    only. Pairs already in one group (`roots`, the union-find's roots when the pass starts),
    pairs whose signatures agree on fewer than `estimate` of their values (the MinHash estimate
    of their Jaccard) and, with `lengths`, pairs whose shorter doc has fewer than
    `length_ratio` of the longer's are dropped here, in numpy: on a million texts most
    proposals are the same pair again in another band, or a pair far below the threshold, and
    checking each in Python took most of the pass."""
    codes: list[np.ndarray] = []
    size = np.int64(len(signatures))
    for band in range(bands):
        rows = signatures[:, band * rows_per_band : (band + 1) * rows_per_band]
        keys = rows[:, 0].astype(np.uint64)
        for column in range(1, rows_per_band):
            keys = (keys * np.uint64(0x100000001B3)) ^ rows[:, column]
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        same = ordered[1:] == ordered[:-1]  # position i+1 is in the bucket of position i
        if not same.any():
            continue
        starts = np.flatnonzero(np.concatenate(([True], ~same)))
        bucket = np.cumsum(np.concatenate(([True], ~same))) - 1
        anchor = order[starts[bucket]]  # each position's bucket's first doc
        members = np.flatnonzero(same) + 1
        pairs = [
            (anchor[members], order[members]),
            (order[members - 1], order[members]),
        ]
        for left, right in pairs:
            keep = left != right
            low, high = np.minimum(left[keep], right[keep]), np.maximum(left[keep], right[keep])
            codes.append(low.astype(np.int64) * size + high)
    if not codes:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty
    unique = np.unique(np.concatenate(codes))
    del codes
    firsts, seconds = unique // size, unique % size
    keep = roots[firsts] != roots[seconds]
    if lengths is not None:
        shorter = np.minimum(lengths[firsts], lengths[seconds])
        longer = np.maximum(lengths[firsts], lengths[seconds])
        keep &= shorter >= length_ratio * longer
    firsts, seconds = firsts[keep], seconds[keep]
    agree = np.empty(len(firsts), dtype=np.int64)
    step = 50_000  # pairs per block: two blocks of signatures stay near 50 MB
    for low in range(0, len(firsts), step):
        high = low + step
        agree[low:high] = np.count_nonzero(
            signatures[firsts[low:high]] == signatures[seconds[low:high]], axis=1
        )
    keep = agree >= estimate * signatures.shape[1]
    return firsts[keep], seconds[keep]


def _reworded_pairs(docs: list[str], originals: list[str], uf: _UnionFind, seed: int) -> None:
    """Union reworded copies: the same letter with words swapped for synonyms ("urgent" for
    "pressing"), which breaks most word pairs but leaves most words and every sentence in its
    place. Candidates: MinHash over each text's set of words, in bands of `_REWORDED_ROWS`.
    Verified: the word sets' Jaccard reaches `_REWORDED_TEXT` and the sentences pair off in
    order (`_REWORDED_ALIGNED` of the text that has fewer, a pair counting at a Jaccard of
    `_REWORDED_SENTENCE`, and `_REWORDED_ALIGNED_MORE` of the one that has more). Texts of fewer
    than `_REWORDED_SENTENCES` sentences are not compared: two short answers worded alike are
    people agreeing, not a letter."""
    if len(docs) < 2:
        return
    # Function words ("the", "de") are left out of the signatures: every text shares them, and
    # with them unrelated answers collide in the bands (on a million records the checks of
    # those collisions took longer than the whole near pass).
    function_words = _function_words()
    content = [
        " ".join(word for word in doc.split(" ") if word not in function_words) or doc
        for doc in docs
    ]
    signatures, words, starts = _minhash(content, 1, seed + 1)
    del content
    ends = np.append(starts[1:], len(words))
    roots = np.fromiter((uf.find(doc) for doc in range(len(docs))), np.int64, count=len(docs))
    firsts, seconds = _candidates(
        signatures,
        _REWORDED_BANDS,
        _REWORDED_ROWS,
        roots,
        _REWORDED_TEXT - _ESTIMATE_MARGIN,
        ends - starts,
        _REWORDED_LENGTH,
    )
    similar = _jaccards(words, starts, firsts, seconds) >= _REWORDED_TEXT
    firsts, seconds = firsts[similar], seconds[similar]
    del signatures, roots, words, similar
    # Pairs come sorted by their first text: its sentences are split once for all its pairs.
    last: tuple[int, list[frozenset[str]]] = (-1, [])
    for first, second in zip(firsts.tolist(), seconds.tolist(), strict=True):
        if uf.find(first) == uf.find(second):
            continue
        if last[0] != first:
            last = (first, _word_sentences(originals[first]))
        left = last[1]
        if len(left) < _REWORDED_SENTENCES:
            continue  # short answers alike in wording are agreement, not a letter
        right = _word_sentences(originals[second])
        if len(right) < _REWORDED_SENTENCES:
            continue
        aligned = _aligned(left, right, _REWORDED_SENTENCE)
        if (
            aligned >= _REWORDED_SENTENCES
            and aligned >= _REWORDED_ALIGNED * min(len(left), len(right))
            and aligned >= _REWORDED_ALIGNED_MORE * max(len(left), len(right))
        ):
            uf.union(first, second, 1)


def _word_sentences(text: str) -> list[frozenset[str]]:
    """The sets of words of the sentences of `text` that have `_MIN_SENTENCE_WORDS` or more.
    Split at every . ! ? ; and line break, abbreviations included: a piece cut off after "M."
    is too short to count, and this runs on hundreds of thousands of texts."""
    pieces = _ROUGH_BOUNDARY.split(fold(text))
    sets = (frozenset(_WORD.findall(piece)) for piece in pieces)
    return [found for found in sets if len(found) >= _MIN_SENTENCE_WORDS][:_MAX_SENTENCES]


@cache
def _function_words() -> frozenset[str]:
    """English and French function words of the engine's lexicons, as `normalise` writes them."""
    english_stop, _ = bilingual_english()
    french = bilingual_french()
    return frozenset(english_stop) | frozenset(
        word for word, concept in french.items() if not concept
    )


def _template_pairs(keys: list[frozenset[int]], uf: _UnionFind, nodes: list[int]) -> None:
    """Union texts sharing enough sentence fingerprints (node `nodes[i]` for text i)."""
    postings: dict[int, list[int]] = {}
    for doc, doc_keys in enumerate(keys):
        for key in doc_keys:
            listed = postings.setdefault(key, [])
            if len(listed) < _POSTINGS + 1:
                listed.append(doc)
    for doc, doc_keys in enumerate(keys):
        if len(doc_keys) < _MIN_SHARED:
            continue
        candidates: set[int] = set()
        for key in doc_keys:
            candidates.update(postings[key])
        candidates.discard(doc)
        for other in sorted(candidates):
            if uf.find(nodes[doc]) == uf.find(nodes[other]):
                continue
            shared = len(doc_keys & keys[other])
            shorter = min(len(doc_keys), len(keys[other]))
            if shared >= _MIN_SHARED and (
                shared >= _SHARED_ENOUGH or shared >= _SHARED_SHARE * shorter
            ):
                uf.union(nodes[doc], nodes[other], 2)


def _own_sentences(text: str, canonical: list[tuple[str | None, set[str]]]) -> str:
    """The sentences of `text` that are not (nearly) sentences of the canonical text."""
    keys = {key for key, _ in canonical if key}
    own = []
    for sentence in sentences(text):
        key = _sentence_key(sentence)
        if key is not None and key in keys:
            continue
        words = set(normalise(sentence).split())
        if any(_jaccard_words(words, other) >= _SENTENCE_JACCARD for _, other in canonical):
            continue
        own.append(sentence)
    return " ".join(own)


def _fills_a_template(indices: list[int], sentence_keys: list[frozenset[int]]) -> bool:
    """Whether two distinct texts of a group have the same sentence fingerprints: they differ
    only in names, places and numbers, as the letters of a mail merge do. Such a group found
    as near copies is a template (which pairs the near pass happened to join first does not
    matter)."""
    seen: set[frozenset[int]] = set()
    for index in indices:
        keys = sentence_keys[index]
        if keys and keys in seen:
            return True
        seen.add(keys)
    return False


_OWN_SAMPLE = 20  # other members a central text's sentences are looked for in
_LETTER_SHARE = 0.3  # of them that must have a sentence for it to be the letter's


def _shared_and_own(central: str, others: list[str]) -> tuple[str, str]:
    """The central text split into the letter and what its writer added: a sentence is the
    letter's when at least `_LETTER_SHARE` of up to `_OWN_SAMPLE` other members (and two of
    them, or every one when there are fewer) have it too. So the member whose copy became the
    canonical text keeps its own words, and the canonical text is the letter alone, even when
    a few other members happened to add the same sentence. With no other distinct text (exact
    copies only) the whole text is the letter."""
    if not others:
        return central, ""
    # An even sample of the others, so a flood of near copies costs a bounded amount.
    step = max(1, len(others) // _OWN_SAMPLE)
    sample = [
        [
            (_sentence_key(sentence), set(normalise(sentence).split()))
            for sentence in sentences(text)
        ]
        for text in others[::step][:_OWN_SAMPLE]
    ]
    needed = min(len(sample), max(2, math.ceil(_LETTER_SHARE * len(sample))))
    letter: list[str] = []
    own: list[str] = []
    for sentence in sentences(central):
        holders = sum(1 for known in sample if not _own_sentences(sentence, known))
        (letter if holders >= needed else own).append(sentence)
    if not letter:  # nothing shared at all (a translation group's only text): keep it whole
        return central, ""
    return " ".join(letter), " ".join(own)


def _jaccard_words(first: set[str], second: set[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


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
        ][:_MAX_SENTENCES]
    return unit.sentences


def _aligned(
    first: list[frozenset[str]],
    second: list[frozenset[str]],
    similarity: float = _SENTENCE_SIMILARITY,
) -> int:
    """The most sentence pairs alike enough, in the same order in both texts (one to one)."""
    previous = [0] * (len(second) + 1)
    for left in first:
        current = [0]
        for column, right in enumerate(second):
            best = max(previous[column + 1], current[column])
            shared = len(left & right)
            if shared and shared >= similarity * (len(left) + len(right) - shared):
                best = max(best, previous[column] + 1)
            current.append(best)
        previous = current
    return previous[-1]


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
    aligned = _aligned(left, right)
    return aligned >= min(fewer, _ALIGNED_ALL) and aligned >= _ALIGNED_SHARE * fewer


def _translation_pairs(units: list[tuple[int, str, int]], uf: _UnionFind) -> dict[int, str]:
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
                uf.union(node, anchor.node, _KINDS.index("translation"))
                joined[node] = unit.language
                joined[anchor.node] = anchor.language
    return joined


def _analysed(text: str) -> tuple[str | None, frozenset[str]]:
    language, found = analyse(text)
    return language, frozenset(map(cognate, found))


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


def _central(
    indices: list[int],
    sentence_keys: list[frozenset[int]],
    copies: list[int],
    distinct: list[str],
) -> int:
    """The most typical text of a group: most copies, then most sentences shared with the
    others, then fewest sentences of its own, then the first normalised text."""
    if len(indices) == 1:
        return indices[0]
    frequency = Counter(key for index in indices for key in sentence_keys[index])

    def rank(index: int) -> tuple[int, int, int, str]:
        keys = sentence_keys[index]
        common = sum(frequency[key] - 1 for key in keys)  # its own sentences count 0
        own = sum(1 for key in keys if frequency[key] == 1)
        return (-copies[index], -common, own, distinct[index])

    return min(indices, key=rank)


def find_campaigns(
    records: Iterable[dict[str, Any]],
    *,
    min_size: int = 3,
    threshold: float = 0.8,
    seed: int = 2018,
    shingle: int = 2,
    min_words: int = 6,
    translations: bool = True,
    reworded: bool = True,
) -> CampaignResult:
    """Group `records` ({"id", "text", ...}) into campaigns; see the module docstring. A record
    may also carry "normalised" and "sentence_keys": its text's `text_features`, which must be
    of the same text (the pipeline computes them in parallel)."""
    # 1. Exact: distinct normalised texts, each with its records and their original texts.
    # A record may bring its `text_features` ("normalised", "sentence_keys"), computed elsewhere.
    groups: dict[str, list[tuple[str, str]]] = {}
    # Per normalised text, the record that represents it (the least id, then text) and its keys.
    chosen: dict[str, tuple[str, str, tuple[int, ...] | None]] = {}
    total = 0
    for record in records:
        total += 1
        text = str(record.get("text") or "")
        record_id = str(record["id"])
        norm = record.get("normalised")
        if norm is None:
            norm = normalise(text)
        groups.setdefault(norm, []).append((record_id, text))
        best = chosen.get(norm)
        if best is None or (record_id, text) < best[:2]:
            chosen[norm] = (record_id, text, record.get("sentence_keys"))
    min_words = max(min_words, shingle)
    distinct = sorted(norm for norm in groups if len(norm.split()) >= min_words)
    uf = _UnionFind(len(distinct))

    # Sentence fingerprints, from one original text of each group.
    originals = [chosen[norm][1] for norm in distinct]
    sentence_keys = [
        frozenset(keys if keys is not None else text_features(text)[1])
        for _, text, keys in (chosen[norm] for norm in distinct)
    ]
    del chosen

    # 2. Near copies among the distinct texts.
    nodes = list(range(len(distinct)))
    _near_pairs(distinct, uf, nodes, shingle, threshold, seed)

    # 3. Template letters: shared sentence fingerprints. Then reworded copies, among what the
    # passes before left apart (a template found first keeps its kind).
    _template_pairs(sentence_keys, uf, nodes)
    if reworded:
        _reworded_pairs(distinct, originals, uf, seed)
    copies = [len(groups[norm]) for norm in distinct]

    # 4. The same letter in English and French: each group so far is seen through its central
    # text, and its language is that text's.
    before = [uf.find(index) for index in range(len(distinct))]
    languages: dict[int, str] = {}
    if translations:
        units: dict[int, list[int]] = {}
        for index, root in enumerate(before):
            units.setdefault(root, []).append(index)
        languages = _translation_pairs(
            [
                (
                    root,
                    originals[_central(indices, sentence_keys, copies, distinct)],
                    sum(copies[index] for index in indices),
                )
                for root, indices in sorted(units.items())
            ],
            uf,
        )
        del units

    # Components of at least min_size records are campaigns.
    components: dict[int, list[int]] = {}
    for index in range(len(distinct)):
        components.setdefault(uf.find(index), []).append(index)
    campaigns = []
    for root, indices in components.items():
        size = sum(copies[index] for index in indices)
        if size < min_size:
            continue
        kind = _KINDS[uf.kind[root]]
        if kind == "near" and _fills_a_template(indices, sentence_keys):
            kind = "template"
        # One canonical text per language (one language but in translations): the central
        # text of that language's members; the campaign's is that of the language with the
        # most records (English on a tie). Members are compared with their language's.
        by_language: dict[str, list[int]] = {}
        for index in indices:
            by_language.setdefault(languages.get(before[index], ""), []).append(index)
        records_of = {
            language: sum(copies[index] for index in members)
            for language, members in by_language.items()
        }
        main = min(by_language, key=lambda language: (-records_of[language], language))
        centrals = {
            language: _central(members, sentence_keys, copies, distinct)
            for language, members in by_language.items()
        }
        canonicals: dict[str, str] = {}
        central_own: dict[str, str] = {}
        for language, central in centrals.items():
            others = [originals[index] for index in by_language[language] if index != central]
            canonicals[language], central_own[language] = _shared_and_own(
                originals[central], others
            )
        members: list[str] = []
        added: dict[str, str] = {}
        for language, language_members in by_language.items():
            canonical_sentences = [
                (_sentence_key(sentence), set(normalise(sentence).split()))
                for sentence in sentences(canonicals[language])
            ]
            for index in language_members:
                own = central_own[language] if index == centrals[language] else None
                for record_id, text in groups[distinct[index]]:
                    members.append(record_id)
                    if own is None:
                        own = _own_sentences(text, canonical_sentences)
                    added[record_id] = own
        digest = hashlib.blake2b(
            distinct[centrals[main]].encode("utf-8"), digest_size=5
        ).hexdigest()
        campaigns.append(
            Campaign(
                id="C" + digest,
                canonical=canonicals[main],
                size=size,
                members=tuple(sorted(members)),
                kind=kind,
                added_text=added,
                translations={
                    language: text for language, text in canonicals.items() if language != main
                },
            )
        )
    campaigns.sort(key=lambda campaign: (-campaign.size, campaign.id))
    of = {member: campaign.id for campaign in campaigns for member in campaign.members}
    parameters = {
        "min_size": min_size,
        "min_words": min_words,
        "seed": seed,
        "shingle": shingle,
        "threshold": threshold,
        "translations": translations,
        "reworded": reworded,
    }
    return CampaignResult(tuple(campaigns), total, parameters, of)
