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

Where the code is: this module holds the exact and template passes, the canonical texts and what
members add; `copies` the near and reworded passes (MinHash, banding, verification) and the
union-find; `crosslang` the translation pass.

Cost, for n records of at most L words and p = `_PERMUTATIONS`: normalising and hashing O(n L)
(`text_features`, which the pipeline runs in its worker processes); MinHash O(n L p) numpy
operations; banding O(n p log n) (a sort per band); c candidate pairs, c O(n) because within a
bucket each text is paired with the bucket's first text and its predecessor only, filtered and
measured in numpy (O(c L)); the reworded pass then aligns the sentences of the pairs whose word
sets are alike, one by one in Python. That count is O(n) at most (25 bands, two pairs each) but
grows with how alike the answers are: on the synthetic benchmark, whose answers are drawn from
the same phrase banks, 69,000 alignments at 200,000 records and 309,000 at 500,000. Templates
O(n s `_POSTINGS`) for s sentences per text; translations O(n L) dictionary look-ups for the
languages and concepts of the groups' central texts, O(n `_PROBES` `_POSTING_LIMIT`) at most for
the probes and O(n `_CANDIDATES` s²) at most for the alignments. No step compares all pairs.
Memory O(n L). Measured on one core on the synthetic benchmark (30% campaign copies), with the
text features computed in the same process: 1,000,000 records in 376 s (near 51 s, templates
24 s, reworded 116 s, translations 24 s, the rest reading, normalising and the canonical texts).

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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from heard.analysis.engine.copies import (
    MIN_SENTENCE_WORDS,
    UnionFind,
    near_pairs,
    reworded_pairs,
)
from heard.analysis.engine.crosslang import translation_pairs
from heard.analysis.engine.language import sentences
from heard.analysis.engine.normalise import fold, normalise

Kind = Literal["exact", "near", "template", "translation"]
# Weakest link last: it names the kind.
_KINDS: tuple[Kind, ...] = ("exact", "near", "template", "translation")

_MIN_SHARED = 2
_SHARED_ENOUGH = 3
_SHARED_SHARE = 0.6
_POSTINGS = 3
# A member's sentence this close (Jaccard of its words) to one of the canonical is the letter's,
# not its own.
_SENTENCE_CLOSE = 0.5
# ... and this close to one that no other sentence of the member's comes closer to. Reworded
# copies swap up to a fifth of a letter's words, which takes a sentence well below 0.5; on the
# development letters a member's own sentences came to at most 0.18 of any letter sentence and
# reworded letter sentences to at least 0.43: 0.3 is midway. With 0.5 alone, 1.1% of
# development members (and 7.7% of test-bank members) were given words they did not add.
_SENTENCE_JACCARD = 0.3

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


def _sentence_key(sentence: str) -> str | None:
    """A fingerprint of a sentence with inner capitalised words and numbers masked, or None."""
    words = _KEY_TOKEN.findall(sentence)
    if len(words) < MIN_SENTENCE_WORDS:
        return None
    rest = _MASK.sub("_", " ".join(words[1:]))
    key = fold(words[0] + " " + _MASK_RUN.sub("_", rest)).replace("’", "'")
    kept = len(words) - rest.count("_")  # a masked word holds no "_": words never contain one
    return key if kept >= MIN_SENTENCE_WORDS else None


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


def _template_pairs(keys: list[frozenset[int]], uf: UnionFind, nodes: list[int]) -> None:
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
    """The sentences of `text` that are not (nearly) sentences of the canonical text. A sentence
    is the letter's when it has a canonical sentence's fingerprint, or its words come within
    `_SENTENCE_CLOSE` of one's, or within `_SENTENCE_JACCARD` of one that no other sentence of
    `text` comes closer to: a reworded copy holds each letter sentence once, so a sentence of
    the writer's own that happens to share words with a letter sentence the copy also holds
    stays the writer's."""
    positions = {key: position for position, (key, _) in enumerate(canonical) if key}
    candidates: list[tuple[str, int, float]] = []  # sentence, closest canonical, its Jaccard
    for sentence in sentences(text):
        key = _sentence_key(sentence)
        if key is not None and key in positions:
            candidates.append((sentence, positions[key], 1.0))
            continue
        words = set(normalise(sentence).split())
        closest, similarity = -1, 0.0
        for position, (_, other) in enumerate(canonical):
            jaccard = _jaccard_words(words, other)
            if jaccard > similarity:
                closest, similarity = position, jaccard
        candidates.append((sentence, closest, similarity))
    best_of: dict[int, float] = {}
    for _, closest, similarity in candidates:
        best_of[closest] = max(best_of.get(closest, 0.0), similarity)
    own = [
        sentence
        for sentence, closest, similarity in candidates
        if not (
            similarity >= _SENTENCE_CLOSE  # a fingerprint's match counts as 1.0
            or (similarity >= _SENTENCE_JACCARD and similarity == best_of[closest])
        )
    ]
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
    threads: int = 1,
) -> CampaignResult:
    """Group `records` ({"id", "text", ...}) into campaigns; see the module docstring. A record
    may also carry "normalised" and "sentence_keys": its text's `text_features`, which must be
    of the same text (the pipeline computes them in parallel). `threads` share the MinHash
    signatures' arithmetic; the result does not depend on their number."""
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
    # Normalised words are separated by single spaces: counting them needs no list.
    distinct = sorted(norm for norm in groups if norm.count(" ") + 1 >= min_words)
    uf = UnionFind(len(distinct))

    # Sentence fingerprints, from one original text of each group.
    originals = [chosen[norm][1] for norm in distinct]
    sentence_keys = [
        frozenset(keys if keys is not None else text_features(text)[1])
        for _, text, keys in (chosen[norm] for norm in distinct)
    ]
    del chosen

    # 2. Near copies among the distinct texts.
    nodes = list(range(len(distinct)))
    near_pairs(distinct, uf, nodes, shingle, threshold, seed, threads)

    # 3. Template letters: shared sentence fingerprints. Then reworded copies, among what the
    # passes before left apart (a template found first keeps its kind).
    _template_pairs(sentence_keys, uf, nodes)
    if reworded:
        reworded_pairs(distinct, originals, uf, seed, threads)
    copies = [len(groups[norm]) for norm in distinct]

    # 4. The same letter in English and French: each group so far is seen through its central
    # text, and its language is that text's.
    before = [uf.find(index) for index in range(len(distinct))]
    languages: dict[int, str] = {}
    if translations:
        units: dict[int, list[int]] = {}
        for index, root in enumerate(before):
            units.setdefault(root, []).append(index)
        languages = translation_pairs(
            [
                (
                    root,
                    originals[_central(indices, sentence_keys, copies, distinct)],
                    sum(copies[index] for index in indices),
                )
                for root, indices in sorted(units.items())
            ],
            uf,
            _KINDS.index("translation"),
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
