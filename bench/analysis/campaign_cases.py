"""Campaigns from a bank of letters, among ordinary answers, scored against the truth.

`cases(letters, synonyms, people, seed)` writes, for each letter of a bank (`banks/letters_dev.py`
with the development generator's letters, or the frozen `banks/letters_test.py`), a campaign of
15 to 60 members among `background` ordinary answers from `synthetic.py`:

| letter kind | how members differ |
|---|---|
| `exact` | case, punctuation and spacing |
| `near` | 10 to 20% of the words swapped for synonyms from the bank, plus the changes of `exact` |
| `template` | `{town}`, `{org}` and `{n}` filled differently for each member |
| `mailmerge` | `{name}`, `{town}`, `{n}` filled: a mail-merge letter, which is a "template" |
| `crosslang` | the letter sent in English or in French |

About one member in six adds a sentence of its own, before or after the letter. `score` runs
the engine's campaign finder on the redacted texts, as the pipeline does, and measures pairwise
recall per kind and precision overall, whether template and mail-merge campaigns are labelled
"template", and whether each member's own sentence is kept as its added text.
"""

from __future__ import annotations

import re
import time
from collections import Counter, defaultdict
from math import comb
from random import Random
from types import ModuleType
from typing import Any

import synthetic
from pii_cases import proportion

from heard.analysis.engine.campaigns import find_campaigns
from heard.analysis.engine.normalise import normalise
from heard.analysis.engine.redact import redact

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
ADDED_SHARE = 1 / 6


def _swap(rng: Random, text: str, table: dict[str, list[str]]) -> tuple[str, float]:
    """``text`` with 10 to 20% of its words replaced by synonyms (as many as the table allows), and
    the share of words replaced."""
    words = list(_WORD_RE.finditer(text))
    target = round(len(words) * rng.uniform(0.10, 0.20))
    swappable = [m for m in words if m.group().lower() in table]
    rng.shuffle(swappable)
    chosen = sorted(swappable[:target], key=lambda m: m.start())
    pieces = []
    cursor = 0
    for match in chosen:
        replacement = rng.choice(table[match.group().lower()])
        if match.group()[:1].isupper():
            replacement = replacement[:1].upper() + replacement[1:]
        pieces.append(text[cursor : match.start()])
        pieces.append(replacement)
        cursor = match.end()
    pieces.append(text[cursor:])
    return "".join(pieces), len(chosen) / max(len(words), 1)


def _fill(rng: Random, text: str, language: str, people: ModuleType) -> str:
    if "{" not in text:
        return text
    given = rng.choice(people.GIVEN[language])
    return text.format(
        town=rng.choice(people.TOWNS[language]),
        org=rng.choice(people.ORGANISATIONS[language]),
        n=rng.randrange(3, 900),
        name=f"{given} {rng.choice(people.FAMILY[language])}",
    )


def cases(
    letters: list[dict[str, Any]],
    synonyms: dict[str, dict[str, list[str]]],
    people: ModuleType,
    seed: int,
    background: int = 3000,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Records ({"id", "text"}) and their truth: campaign of each record, kinds, own sentences."""
    rng = Random(seed)
    records: list[dict[str, Any]] = []
    campaign_of: dict[str, str] = {}
    kind_of: dict[str, str] = {}
    own: dict[str, str] = {}
    swapped: list[float] = []
    for letter in letters:
        key = str(letter["key"])
        kind = str(letter["kind"])
        kind_of[key] = kind
        language = "en" if rng.random() < 0.6 else "fr"
        for member in range(rng.randrange(15, 61)):
            if kind == "crosslang":
                language = "en" if rng.random() < 0.6 else "fr"
            text = _fill(rng, str(letter[language]), language, people)
            if kind == "near":
                text, share = _swap(rng, text, synonyms[language])
                swapped.append(share)
            text = synthetic._surface(rng, text)
            record_id = f"{key}-{member:03d}"
            if rng.random() < ADDED_SHARE:
                sentence = str(rng.choice(people.FILLER[language]))
                copy = text.strip()
                if copy[-1:].isalnum():  # a copy without its last full stop gets one back
                    copy += "."
                text = f"{sentence} {copy}" if rng.random() < 0.3 else f"{copy} {sentence}"
                own[record_id] = sentence
            records.append({"id": record_id, "text": text})
            campaign_of[record_id] = key
    for number, (record, _truth) in enumerate(
        synthetic.Synthetic(background, seed=seed + 1, campaign_share=0.0)
    ):
        records.append({"id": f"B{number:05d}", "text": record["text"]})
    order = Random(seed + 2)
    order.shuffle(records)
    truth = {"campaign_of": campaign_of, "kind_of": kind_of, "own": own, "swapped": swapped}
    return records, truth


def _tidy(text: str) -> str:
    return normalise(re.sub(r"\[[A-Z_]+\]", " ", text))


def score(
    records: list[dict[str, Any]], truth: dict[str, Any], seed: int = 2018, **options: Any
) -> dict[str, Any]:
    """Scores of `find_campaigns` (with ``options``, e.g. ``reworded=False`` for the baseline)."""
    redacted = [{"id": r["id"], "text": redact(r["text"]).text} for r in records]
    started = time.perf_counter()
    result = find_campaigns(redacted, seed=seed, **options)
    seconds = time.perf_counter() - started
    found_of = {member: c.id for c in result.campaigns for member in c.members}
    by_id = {c.id: c for c in result.campaigns}
    campaign_of: dict[str, str] = truth["campaign_of"]
    kind_of: dict[str, str] = truth["kind_of"]
    # Pairs: (found, planted) cells.
    cells: Counter[tuple[str, str | None]] = Counter()
    for record in records:
        found = found_of.get(record["id"])
        if found is not None:
            cells[(found, campaign_of.get(record["id"]))] += 1
    found_sizes: Counter[str] = Counter()
    for (found, _planted), n in cells.items():
        found_sizes[found] += n
    planted_sizes = Counter(campaign_of.values())
    recall: dict[str, Any] = {}
    for kind in sorted(set(kind_of.values())):
        chosen = {key for key, k in kind_of.items() if k == kind}
        true_pairs = sum(comb(planted_sizes[key], 2) for key in chosen)
        hit_pairs = sum(comb(n, 2) for (_f, p), n in cells.items() if p in chosen)
        recall[kind] = proportion(hit_pairs, true_pairs)
    all_true = sum(comb(n, 2) for n in planted_sizes.values())
    all_hit = sum(comb(n, 2) for (_f, p), n in cells.items() if p is not None)
    found_pairs = sum(comb(n, 2) for n in found_sizes.values())
    # Template labels: the found campaign holding most of a planted template or mail-merge
    # campaign's members says "template".
    best: dict[str, tuple[int, str]] = {}
    for (found, planted), n in cells.items():
        if planted is not None and n > best.get(planted, (0, ""))[0]:
            best[planted] = (n, found)
    labelled = [
        by_id[best[key][1]].kind == "template"
        for key, kind in kind_of.items()
        if kind in ("template", "mailmerge") and key in best
    ]
    # Own sentences kept: the member's added text holds its own sentence.
    kept = 0
    owned = 0
    false_additions = 0
    members_found = 0
    for record in records:
        found = found_of.get(record["id"])
        if found is None or record["id"] not in campaign_of:
            continue
        members_found += 1
        added = _tidy(by_id[found].added_text.get(record["id"], ""))
        sentence = truth["own"].get(record["id"])
        if sentence is None:
            false_additions += bool(added)
            continue
        owned += 1
        kept += _tidy(redact(sentence).text) in added
    false_campaigns = sum(
        1 for found in found_sizes if not any(p is not None for (f, p) in cells if f == found)
    )
    swapped = truth["swapped"]
    per_kind_sizes: dict[str, int] = defaultdict(int)
    for key, kind in kind_of.items():
        per_kind_sizes[kind] += planted_sizes[key]
    return {
        "records": len(records),
        "seconds": round(seconds, 2),
        "letters": len(kind_of),
        "members": dict(sorted(per_kind_sizes.items())),
        "swapped_share": {
            "mean": sum(swapped) / len(swapped) if swapped else None,
            "max": max(swapped) if swapped else None,
        },
        "pairwise_recall": recall,
        "pairwise_recall_all": proportion(all_hit, all_true),
        # Pairs in one found campaign that are in one planted campaign, over all found pairs.
        "pairwise_precision": proportion(all_hit, found_pairs),
        "template_labelled": proportion(sum(labelled), len(labelled)),
        "own_sentence_kept": proportion(kept, owned),
        "members_given_words_they_did_not_add": proportion(false_additions, members_found - owned),
        "false_campaigns": false_campaigns,
        "kinds_reported": dict(Counter(c.kind for c in result.campaigns)),
    }
