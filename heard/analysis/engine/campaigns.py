"""Campaigns and duplicates: exact copies, lightly edited copies and template letters.

`find_campaigns` groups records in three passes over the distinct texts, each joining groups in
one union-find, so a campaign may hold exact copies, edited copies and template variants at once:

1. **Exact.** Texts equal after `normalise` (case, accents, spacing, punctuation) are one group.
   A dictionary on the normalised text: one pass, and most of a flood ends here.
2. **Near.** Between distinct texts, MinHash over word shingles (`shingle` words, `_PERMUTATIONS`
   hash functions drawn from `seed`, computed with numpy) and LSH banding (`_BANDS` bands of
   `_ROWS` rows) propose candidates; each candidate is verified with the true Jaccard similarity
   of the two shingle sets, kept if at least `threshold`. Word pairs (shingle=2) are the default:
   with 5-word shingles a single edit every twenty words already brings the Jaccard below 0.8,
   while with pairs three edits in a sixty-word letter keep it above.
3. **Template.** Each sentence of four or more words gets a fingerprint: its folded words with
   capitalised words inside the sentence (towns, organisations, people) and numbers masked, so
   "the shelter in Moncton" and "the shelter in Rimouski" agree. Two texts join when they share at
   least `_MIN_SHARED` fingerprints and either three of them or 60% of the shorter text's.
   Candidates come from an index of fingerprints: each text is compared only with the first
   `_POSTINGS` texts holding each of its fingerprints, then verified on the full sets.

Texts of fewer than `min_words` words ("Yes", "I agree") are never grouped: identical short
answers are agreement, not a campaign. Groups of at least `min_size` records are campaigns.

Cost, for n records of at most L words and p = `_PERMUTATIONS`: normalising and hashing O(n L);
MinHash O(n L p) numpy operations; banding O(n p log n) (a sort per band); verification
O(c L) for c candidate pairs, and c is O(n) because within a bucket each text is checked against
the bucket's first text and its predecessor only, never against all the others; templates
O(n s `_POSTINGS`) for s sentences per text. No step compares all pairs. Memory O(n L).

The same letter in English and in French is not found yet: that needs a translation model or
bilingual embeddings, neither of which is available offline here. Its campaigns stay apart.

Results depend only on the input texts, their ids and the parameters (distinct texts are
processed in sorted order, MinHash permutations come from `seed`): the same input and seed give
the same `to_dict()` whatever the order of the records.

Pure Python and numpy; imports no Django.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

import numpy as np

from heard.analysis.engine.language import sentences
from heard.analysis.engine.normalise import fold, normalise

Kind = Literal["exact", "near", "template"]
_KINDS: tuple[Kind, ...] = ("exact", "near", "template")  # weakest link last: it names the kind

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

_KEY_TOKEN = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_UPPER = "".join(chr(code) for code in range(0x250) if chr(code).isupper())
# A whole word (between single spaces) that starts with a capital or holds a digit.
_MASK = re.compile(rf"(?<!\S)(?:[{_UPPER}]|\S*\d)\S*")
_MASK_RUN = re.compile(r"_(?: _)+")


@dataclass(frozen=True)
class Campaign:
    id: str  # "C" + 10 hex digits of the hash of the normalised canonical text
    canonical: str
    size: int  # records, copies included
    members: tuple[str, ...]  # record ids, sorted
    kind: Kind
    added_text: dict[str, str] = field(repr=False)  # member id -> its own sentences ("" if none)

    def to_dict(self) -> dict[str, Any]:
        return {
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


def _hash32(word: str) -> int:
    return zlib.crc32(word.encode("utf-8"))


def _minhash(
    docs: list[list[str]], shingle: int, seed: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """MinHash signatures (docs x _PERMUTATIONS, uint64), shingle hashes and each doc's start."""
    vocabulary: dict[str, int] = {}
    lengths = np.fromiter((len(words) for words in docs), dtype=np.int64, count=len(docs))
    flat = np.fromiter(
        (vocabulary.get(w) or vocabulary.setdefault(w, _hash32(w) | 1) for ws in docs for w in ws),
        dtype=np.uint64,
        count=int(lengths.sum()),
    )
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
    shingles = hashes[valid[:count]]
    starts = np.concatenate(([0], np.cumsum(shingle_counts)[:-1])).astype(np.int64)

    rng = np.random.default_rng(seed)
    # Multiply-shift hashing: (a x + b) mod 2^64, top 32 bits; a odd. A universal family.
    multipliers = rng.integers(1, 2**63, size=_PERMUTATIONS, dtype=np.uint64) * np.uint64(2) + 1
    offsets = rng.integers(0, 2**63, size=_PERMUTATIONS, dtype=np.uint64)
    signatures = np.empty((len(docs), _PERMUTATIONS), dtype=np.uint64)
    chunk = 200_000  # shingles per block: bounds memory on a million records
    doc = 0
    while doc < len(docs):
        last = int(np.searchsorted(starts, starts[doc] + chunk, side="right"))
        last = max(last, doc + 1)
        low = int(starts[doc])
        high = int(starts[last]) if last < len(docs) else len(shingles)
        block = shingles[low:high]
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
    docs: list[list[str]],
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
    ends = np.append(starts[1:], len(shingles))
    cache: dict[int, set[int]] = {}

    def shingle_set(doc: int) -> set[int]:
        if doc not in cache:
            cache[doc] = set(shingles[starts[doc] : ends[doc]].tolist())
        return cache[doc]

    def check(first: int, second: int) -> None:
        if uf.find(nodes[first]) == uf.find(nodes[second]):
            return
        if _jaccard(shingle_set(first), shingle_set(second)) >= threshold:
            uf.union(nodes[first], nodes[second], 1)

    for band in range(_BANDS):
        rows = signatures[:, band * _ROWS : (band + 1) * _ROWS]
        keys = rows[:, 0].copy()
        for column in range(1, _ROWS):
            keys = (keys * np.uint64(0x100000001B3)) ^ rows[:, column]
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        breaks = np.flatnonzero(ordered[1:] != ordered[:-1]) + 1
        bounds = np.concatenate(([0], breaks, [len(ordered)]))
        sizes = np.diff(bounds)
        for group in np.flatnonzero(sizes > 1).tolist():
            members = order[bounds[group] : bounds[group + 1]].tolist()
            anchor = members[0]
            for previous, member in pairwise(members):
                check(anchor, member)
                if previous != anchor:
                    check(previous, member)


def _template_pairs(keys: list[frozenset[str]], uf: _UnionFind, nodes: list[int]) -> None:
    """Union texts sharing enough sentence fingerprints (node `nodes[i]` for text i)."""
    postings: dict[str, list[int]] = {}
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


def _jaccard_words(first: set[str], second: set[str]) -> float:
    if not first or not second:
        return 0.0
    return len(first & second) / len(first | second)


def find_campaigns(
    records: Iterable[dict[str, Any]],
    *,
    min_size: int = 3,
    threshold: float = 0.8,
    seed: int = 2018,
    shingle: int = 2,
    min_words: int = 6,
) -> CampaignResult:
    """Group `records` ({"id", "text", ...}) into campaigns; see the module docstring."""
    # 1. Exact: distinct normalised texts, each with its records and their original texts.
    groups: dict[str, list[tuple[str, str]]] = {}
    total = 0
    for record in records:
        total += 1
        text = str(record.get("text") or "")
        groups.setdefault(normalise(text), []).append((str(record["id"]), text))
    min_words = max(min_words, shingle)
    distinct = sorted(norm for norm in groups if len(norm.split()) >= min_words)
    uf = _UnionFind(len(distinct))

    # 2. Near copies among the distinct texts.
    docs = [norm.split() for norm in distinct]
    _near_pairs(docs, uf, list(range(len(distinct))), shingle, threshold, seed)

    # 3. Template letters: shared sentence fingerprints (from one original text of each group).
    originals = [min(groups[norm])[1] for norm in distinct]
    sentence_keys = [
        frozenset(key for key in map(_sentence_key, sentences(text)) if key) for text in originals
    ]
    _template_pairs(sentence_keys, uf, list(range(len(distinct))))

    # Components of at least min_size records are campaigns.
    components: dict[int, list[int]] = {}
    for index in range(len(distinct)):
        components.setdefault(uf.find(index), []).append(index)
    campaigns = []
    for root, indices in components.items():
        size = sum(len(groups[distinct[index]]) for index in indices)
        if size < min_size:
            continue
        frequency = Counter(key for index in indices for key in sentence_keys[index])

        def rank(index: int, frequency: Counter[str] = frequency) -> tuple[int, int, int, str]:
            keys = sentence_keys[index]
            common = sum(frequency[key] - 1 for key in keys)  # its own sentences count 0
            own = sum(1 for key in keys if frequency[key] == 1)
            return (-len(groups[distinct[index]]), -common, own, distinct[index])

        central = min(indices, key=rank)
        canonical = originals[central]
        canonical_sentences = [
            (_sentence_key(sentence), set(normalise(sentence).split()))
            for sentence in sentences(canonical)
        ]
        members: list[str] = []
        added: dict[str, str] = {}
        for index in indices:
            own = "" if index == central else None
            for record_id, text in groups[distinct[index]]:
                members.append(record_id)
                if own is None:
                    own = _own_sentences(text, canonical_sentences)
                added[record_id] = own
        digest = hashlib.blake2b(distinct[central].encode("utf-8"), digest_size=5).hexdigest()
        campaigns.append(
            Campaign(
                id="C" + digest,
                canonical=canonical,
                size=size,
                members=tuple(sorted(members)),
                kind=_KINDS[uf.kind[root]],
                added_text=added,
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
    }
    return CampaignResult(tuple(campaigns), total, parameters, of)
