"""Copies among distinct texts, for `campaigns`: near copies and reworded copies.

Both passes propose candidate pairs with MinHash and LSH banding, filter them in numpy and verify
the rest (see `campaigns` for what each pass looks for and why):

- `near_pairs`: MinHash over word shingles; verified by the true Jaccard of the shingle sets.
- `reworded_pairs`: MinHash over each text's set of content words (function words left out);
  verified by the Jaccard of those sets, then by the text's sentences pairing off in order.

`_candidates` does the banding for both: within a bucket each text is paired with the bucket's
first text and its predecessor only (so the pairs grow with the texts, never with their square),
and pairs proposed by several bands, pairs already in one group, pairs of texts whose lengths are
too far apart and pairs whose MinHash estimate is far below the threshold are dropped before
any is verified. `_jaccards` then measures every remaining pair at once, through a sparse matrix.
Only the sentence alignment of the reworded pass runs pair by pair in Python.

`UnionFind` holds the groups that every pass of `campaigns` joins.

Pure Python, numpy and scipy; imports no Django.
"""

from __future__ import annotations

import re
import zlib
from concurrent.futures import ThreadPoolExecutor
from functools import cache

import numpy as np
import scipy.sparse as sp  # type: ignore[import-untyped]

from heard.analysis.engine.bilingual import _english as bilingual_english
from heard.analysis.engine.bilingual import _french as bilingual_french
from heard.analysis.engine.normalise import fold, tokens

_PERMUTATIONS = 126
_BANDS = 21
_ROWS = _PERMUTATIONS // _BANDS  # 6 rows: pairs are proposed at 0.8 99.8%, at 0.3 1.5% of the time
_MASK64 = np.uint64(0xFFFFFFFFFFFFFFFF)
# A candidate pair whose signatures agree on fewer than (threshold - this) of their values is
# not verified: with 126 values the estimate's standard deviation is at most 0.045, so a pair at
# the threshold falls below it less than once in a hundred thousand.
_ESTIMATE_MARGIN = 0.2
# Reworded copies: the same letter with some words swapped for synonyms.
_REWORDED_ROWS = 5  # 25 bands of 5 rows over word sets: proposed at 0.6 87%, at 0.3 6% of the time
_REWORDED_BANDS = _PERMUTATIONS // _REWORDED_ROWS
_REWORDED_TEXT = 0.45  # Jaccard of the two texts' sets of words
_REWORDED_LENGTH = 0.4  # words of the shorter text over the longer's, below which none is checked
_REWORDED_SENTENCES = 3  # texts with fewer sentences (of 4 words or more) are not compared
_REWORDED_SENTENCE = 0.6  # Jaccard of two sentences' words for them to align
_REWORDED_ALIGNED = 0.7  # aligned sentences over the sentences of the text that has fewer
_REWORDED_ALIGNED_MORE = 0.6  # ... and over those of the text that has more (a sentence added)
MIN_SENTENCE_WORDS = 4  # shorter sentences ("Thank you.") are shared by everyone
MAX_SENTENCES = 200  # sentences aligned per text (the rest are not compared)
_ROUGH_BOUNDARY = re.compile(r"[.!?;\n]")


class UnionFind:
    """Groups of texts (by index); each root remembers the weakest link that joined its group,
    as an index in `campaigns._KINDS` (exact, near, template, translation)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))
        self.kind = [0] * size

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


def _hash32(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _minhash(
    docs: list[str], shingle: int, seed: int, threads: int = 1
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
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
    blocks = []
    doc = 0
    while doc < len(docs):
        last = max(int(np.searchsorted(starts, starts[doc] + chunk, side="right")), doc + 1)
        blocks.append((doc, last))
        doc = last

    def sign(block: tuple[int, int]) -> None:
        first, last = block
        low = int(starts[first])
        high = int(starts[last]) if last < len(docs) else len(shingles)
        values_of = shingles[low:high].astype(np.uint64)
        local = starts[first:last] - low
        for permutation in range(_PERMUTATIONS):
            values = (values_of * multipliers[permutation] + offsets[permutation]) >> np.uint64(32)
            signatures[first:last, permutation] = np.minimum.reduceat(values, local)

    # numpy lets go of the interpreter lock in these operations, so threads share the blocks:
    # each writes its own rows, and the signatures are the same whatever their number.
    if threads > 1 and len(blocks) > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            list(pool.map(sign, blocks))
    else:
        for block in blocks:
            sign(block)
    return signatures, shingles, starts


def near_pairs(
    docs: list[str],
    uf: UnionFind,
    nodes: list[int],
    shingle: int,
    threshold: float,
    seed: int,
    threads: int = 1,
) -> None:
    """Union the near copies among `docs` (node `nodes[i]` for doc i)."""
    if len(docs) < 2:
        return
    signatures, shingles, starts = _minhash(docs, shingle, seed, threads)
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


def reworded_pairs(
    docs: list[str], originals: list[str], uf: UnionFind, seed: int, threads: int = 1
) -> None:
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
    signatures, words, starts = _minhash(content, 1, seed + 1, threads)
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
        aligned = aligned_sentences(left, right, _REWORDED_SENTENCE)
        if (
            aligned >= _REWORDED_SENTENCES
            and aligned >= _REWORDED_ALIGNED * min(len(left), len(right))
            and aligned >= _REWORDED_ALIGNED_MORE * max(len(left), len(right))
        ):
            uf.union(first, second, 1)


def _word_sentences(text: str) -> list[frozenset[str]]:
    """The sets of words of the sentences of `text` that have `MIN_SENTENCE_WORDS` or more.
    Split at every . ! ? ; and line break, abbreviations included: a piece cut off after "M."
    is too short to count, and this runs on hundreds of thousands of texts."""
    pieces = _ROUGH_BOUNDARY.split(fold(text))
    sets = (frozenset(tokens(piece)) for piece in pieces)  # folding twice changes nothing
    return [found for found in sets if len(found) >= MIN_SENTENCE_WORDS][:MAX_SENTENCES]


@cache
def _function_words() -> frozenset[str]:
    """English and French function words of the engine's lexicons, as `normalise` writes them."""
    english_stop, _ = bilingual_english()
    french = bilingual_french()
    return frozenset(english_stop) | frozenset(
        word for word, concept in french.items() if not concept
    )


def aligned_sentences(
    first: list[frozenset[str]],
    second: list[frozenset[str]],
    similarity: float,
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
