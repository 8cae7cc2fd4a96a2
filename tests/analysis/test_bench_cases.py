"""The benchmark's case generators (bench/analysis/pii_cases.py, campaign_cases.py): their truth
points at what it says, they are seeded, and they score what they claim to."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench" / "analysis"))

import campaign_cases  # noqa: E402
import pii_cases  # noqa: E402
import synthetic_phrases  # noqa: E402
from banks import letters_dev, pii_dev  # noqa: E402

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine


def test_pii_cases_truth_points_at_the_planted_values():
    made = pii_cases.cases(pii_dev, 300, seed=3)
    assert made == pii_cases.cases(pii_dev, 300, seed=3)
    kinds = {kind for case in made for _, _, kind in case.spans}
    assert kinds == {*pii_cases.POSITIVE, *pii_cases.NEGATIVE}
    for case in made:
        for start, end, kind in case.spans:
            value = case.text[start:end]
            assert value == value.strip() and value
            if kind == "LOCAL_PHONE":
                assert len([c for c in value if c.isdigit()]) == 7
            if kind == "NUMBER":
                assert any(c.isdigit() for c in value)


def test_pii_scores_count_a_missed_name_and_a_false_one():
    case = pii_cases.Case(
        "Robyn left. I grew up in Dauphin.", "en", [(0, 5, "FIRST_NAME"), (24, 31, "TOWN")]
    )

    def nothing(text):
        return []

    def everything(text):
        return [pii_cases.Span(0, 5, "NAME"), pii_cases.Span(24, 31, "NAME")]

    missed = pii_cases.score([case], nothing)
    assert missed["recall"]["FIRST_NAME"]["value"] == 0.0
    assert missed["redacted_look_alikes"]["TOWN"]["value"] == 0.0
    found = pii_cases.score([case], everything)
    assert found["recall"]["FIRST_NAME"]["value"] == 1.0
    assert found["precision"]["names"]["value"] == 0.5
    assert found["redacted_look_alikes"]["TOWN"]["value"] == 1.0


def test_campaign_cases_plant_swaps_mail_merges_and_own_sentences():
    letters = [*synthetic_phrases.LETTERS[:6], *letters_dev.MAILMERGE[:1]]
    records, truth = campaign_cases.cases(letters, letters_dev.SYNONYMS, pii_dev, 4, background=50)
    again, _ = campaign_cases.cases(letters, letters_dev.SYNONYMS, pii_dev, 4, background=50)
    assert records == again
    # 10 to 20% of the words, rounded to whole words (3 of 31 is 9.7%).
    assert min(truth["swapped"]) >= 0.09 and max(truth["swapped"]) <= 0.21
    assert "mailmerge" in truth["kind_of"].values()
    assert "{" not in "".join(r["text"] for r in records)
    texts = {r["id"]: r["text"] for r in records}
    assert truth["own"] and all(own in texts[rid] for rid, own in truth["own"].items())
    scores = campaign_cases.score(records, truth)
    assert scores["pairwise_recall_all"]["n"] > 0 and scores["template_labelled"]["n"] == 1
