"""Prevalence by segment and emerging labels (heard.analysis.engine.comparisons): no Django.

Counts and intervals are checked against values worked out by hand; differences are planted in
synthetic record views, including one made only of campaign copies.
"""

from __future__ import annotations

import json
import random
from collections import Counter
from typing import Any

import pytest
from scipy.stats import false_discovery_control
from scipy.stats import fisher_exact as scipy_fisher

from heard.analysis.engine.comparisons import (
    benjamini_hochberg,
    emerging,
    fisher_exact,
    prevalence,
    two_proportion_test,
    wilson_interval,
)

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine


def view(
    record_id: str,
    labels: list[str] | tuple[str, ...] = (),
    campaign: str | None = None,
    **segments: str | None,
) -> dict[str, Any]:
    return {
        "id": record_id,
        "language": "en",
        "campaign": campaign,
        "labels": {label: 1.0 for label in labels},
        "text": "",
        "segments": segments,
        "consent": None,
    }


def group(prefix: str, n: int, hits: int, label: str, **segments: str) -> list[dict[str, Any]]:
    """n records of one segment value, the first `hits` holding `label`."""
    return [view(f"{prefix}{i:04d}", [label] if i < hits else [], **segments) for i in range(n)]


# --- Statistics ----------------------------------------------------------------------------------


def test_wilson_interval_against_hand_computed_values() -> None:
    # (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964, worked out by hand.
    low, high = wilson_interval(8, 20)
    assert low == pytest.approx(0.218807, abs=1e-6)
    assert high == pytest.approx(0.613418, abs=1e-6)
    # No successes: the lower bound is 0 and the upper z²/(n + z²).
    assert wilson_interval(0, 10) == pytest.approx((0.0, 0.277533), abs=1e-6)
    assert wilson_interval(3, 3) == pytest.approx((0.438503, 1.0), abs=1e-6)
    # A wider interval at a higher confidence.
    wide = wilson_interval(8, 20, confidence=0.99)
    assert wide[0] < low and wide[1] > high


def test_two_proportion_test_uses_z_for_large_counts_and_fisher_for_small() -> None:
    p, test = two_proportion_test(60, 100, 20, 100)
    assert test == "z"
    # pooled 0.4, se = sqrt(0.4 * 0.6 * 0.02) = 0.069282, z = 5.7735: p = 7.76e-9
    assert p == pytest.approx(7.7647e-9, rel=1e-3)
    p, test = two_proportion_test(1, 20, 6, 20)
    assert test == "fisher"
    assert p == pytest.approx(scipy_fisher([[1, 19], [6, 14]]).pvalue, rel=1e-9)
    assert two_proportion_test(5, 50, 5, 50)[0] == pytest.approx(1.0)


def test_fisher_exact_matches_scipy() -> None:
    rng = random.Random(5)
    for _ in range(300):
        a, b, c, d = (rng.randint(0, 25) for _ in range(4))
        expected = scipy_fisher([[a, b], [c, d]]).pvalue
        assert fisher_exact(a, b, c, d) == pytest.approx(expected, rel=1e-9, abs=1e-12)


def test_benjamini_hochberg() -> None:
    # Sorted: 0.001 x 3/1 = 0.003; 0.04 x 3/2 = 0.06; 0.5 x 3/3 = 0.5.
    assert benjamini_hochberg([0.001, 0.5, 0.04]) == pytest.approx([0.003, 0.5, 0.06])
    # Step-up: a larger p-value further down lowers the q-values above it.
    assert benjamini_hochberg([0.01, 0.04, 0.045]) == pytest.approx([0.03, 0.045, 0.045])
    assert benjamini_hochberg([0.01, 0.02, 0.03, 0.04, 0.05]) == pytest.approx([0.05] * 5)
    assert benjamini_hochberg([]) == []
    rng = random.Random(3)
    pvalues = [rng.random() ** 3 for _ in range(40)]
    assert benjamini_hochberg(pvalues) == pytest.approx(list(false_discovery_control(pvalues)))


# --- Prevalence ----------------------------------------------------------------------------------


def test_counts_shares_and_intervals() -> None:
    records = [
        *group("A", 20, 8, "housing", region="NU"),
        *group("B", 10, 0, "housing", region="QC"),
        view("C1", ["housing", "other"], region=None),
    ]
    result = prevalence(records, labels=["housing", "training"], segments=["region"])
    overall = result["overall"]["raw"]
    assert overall["n"] == 31
    assert overall["labels"]["housing"]["count"] == 9
    assert overall["labels"]["training"] == {"ci": [0.0, 0.1103], "count": 0, "share": 0.0}
    nu = result["segments"]["region"]["values"]["NU"]["raw"]
    assert nu["n"] == 20
    assert nu["labels"]["housing"] == {"ci": [0.2188, 0.6134], "count": 8, "share": 0.4}
    qc = result["segments"]["region"]["values"]["QC"]["raw"]["labels"]["housing"]
    assert qc == {"ci": [0.0, 0.2775], "count": 0, "share": 0.0}
    assert result["segments"]["region"]["missing"] == {"deduplicated": 1, "raw": 1}
    # No campaign: deduplicated equals raw.
    assert result["overall"]["deduplicated"] == result["overall"]["raw"]
    assert result["parameters"]["labels"] == ["housing", "training"]  # "other" not asked for


def test_campaign_counted_once_with_majority_labels_and_modal_segment() -> None:
    campaign = [
        view(
            f"K{i:03d}",
            ["housing", *(["funding"] if i < 25 else []), *(["police"] if i < 24 else [])],
            campaign="C0000000001",
            region="ON" if i < 40 else "QC",
        )
        for i in range(50)
    ]
    others = [*group("A", 5, 2, "housing", region="QC"), *group("B", 5, 0, "housing", region="ON")]
    result = prevalence(
        campaign + others, labels=["funding", "housing", "police"], segments=["region"]
    )
    raw, dedup = result["overall"]["raw"], result["overall"]["deduplicated"]
    assert raw["n"] == 60 and dedup["n"] == 11
    assert raw["labels"]["housing"]["count"] == 52
    assert dedup["labels"]["housing"]["count"] == 3  # the campaign once, and two others
    assert dedup["labels"]["funding"]["count"] == 1  # 25 of 50: at least half
    assert dedup["labels"]["police"]["count"] == 0  # 24 of 50: fewer than half
    values = result["segments"]["region"]["values"]
    assert values["ON"]["raw"]["n"] == 45 and values["ON"]["deduplicated"]["n"] == 6
    assert values["QC"]["raw"]["n"] == 15 and values["QC"]["deduplicated"]["n"] == 5
    assert result["overall"]["campaigns"] == 1
    assert result["overall"]["records_in_campaigns"] == 50


def test_planted_difference_is_flagged_and_tiny_segment_is_not() -> None:
    records = [
        *group("A", 100, 60, "housing", sector="ngos"),
        *group("B", 100, 20, "housing", sector="police"),
        *group("C", 5, 5, "housing", sector="health"),  # 100%, but only 5 records
    ]
    result = prevalence(records, labels=["housing"], segments=["sector"], min_n=10)
    values = result["segments"]["sector"]["values"]
    ngos = values["ngos"]["comparisons"]["housing"]
    assert ngos["flagged"] and ngos["direction"] == "higher" and ngos["test"] == "z"
    assert values["police"]["comparisons"]["housing"]["flagged"]
    assert values["police"]["comparisons"]["housing"]["direction"] == "lower"
    health = values["health"]
    assert health["raw"]["labels"]["housing"]["share"] == 1.0  # shown...
    assert health["comparisons"]["housing"] == {  # ...never tested
        "direction": None,
        "flagged": False,
        "p": None,
        "q": None,
        "rest_share": 0.4,
        "test": None,
    }
    # Flags by q: police (20% against 62% elsewhere) before ngos (60% against 24%).
    assert [(flag["value"], flag["direction"]) for flag in result["flags"]] == [
        ("police", "lower"),
        ("ngos", "higher"),
    ]


def test_difference_made_of_campaign_copies_is_not_flagged() -> None:
    copies = [
        view(f"K{i:03d}", ["housing"], campaign="C00000000ab", region="ON") for i in range(300)
    ]
    records = [
        *group("A", 100, 20, "housing", region="ON"),
        *group("B", 100, 20, "housing", region="QC"),
        *copies,
    ]
    result = prevalence(records, labels=["housing"], segments=["region"])
    on = result["segments"]["region"]["values"]["ON"]
    assert on["raw"]["labels"]["housing"]["share"] == 0.8  # (20 + 300) / 400
    assert on["deduplicated"]["labels"]["housing"]["share"] == pytest.approx(21 / 101, abs=1e-4)
    assert not on["comparisons"]["housing"]["flagged"]
    assert result["flags"] == []
    # The same counts without the campaign marked as one are flagged: the copies did it.
    for record in copies:
        record["campaign"] = None
    assert prevalence(records, labels=["housing"], segments=["region"])["flags"]


def test_correction_across_tests_unflags_a_marginal_difference() -> None:
    labels = ["marginal", *(f"null{i}" for i in range(9))]
    records = []
    for sector, hits in (("a", 60), ("b", 42)):
        for i in range(200):
            held = [f"null{j}" for j in range(9) if (i + j) % 4 == 0]
            if i < hits:
                held.append("marginal")
            records.append(view(f"{sector}{i:03d}", held, sector=sector))
    result = prevalence(records, labels=labels, segments=["sector"])
    marginal = result["segments"]["sector"]["values"]["a"]["comparisons"]["marginal"]
    assert marginal["p"] < 0.05  # significant alone...
    assert marginal["q"] == pytest.approx(marginal["p"] * 20 / 2, rel=1e-3)  # 20 tests, rank 2
    assert not marginal["flagged"]  # ...not after correction
    assert result["parameters"]["tests"] == 20
    for entry in result["segments"]["sector"]["values"].values():
        for comparison in entry["comparisons"].values():
            assert comparison["q"] >= comparison["p"]
            assert comparison["flagged"] == (comparison["q"] <= 0.05)


def reference_deduplicated(records: list[dict[str, Any]], labels: list[str], field: str) -> dict:
    """Slow and obvious: the deduplicated counts of one field, record by record."""
    units: list[tuple[str | None, set[str]]] = []
    members: dict[str, list[dict[str, Any]]] = {}
    for record in records:
        if record["campaign"]:
            members.setdefault(record["campaign"], []).append(record)
        else:
            units.append((record["segments"].get(field), set(record["labels"]) & set(labels)))
    for group_ in members.values():
        votes = Counter(r["segments"][field] for r in group_ if r["segments"].get(field))
        value = min(votes.items(), key=lambda item: (-item[1], item[0]))[0] if votes else None
        held = Counter(label for r in group_ for label in r["labels"] if label in labels)
        units.append((value, {label for label, c in held.items() if 2 * c >= len(group_)}))
    table: dict[str | None, list[int]] = {}
    for value, held_labels in units:
        row = table.setdefault(value, [0] * (len(labels) + 1))
        row[0] += 1
        for index, label in enumerate(labels):
            row[index + 1] += label in held_labels
    return table


def test_deduplicated_counts_match_a_plain_reference() -> None:
    rng = random.Random(11)
    labels = ["a", "b", "c", "d"]
    records = []
    for i in range(3000):
        campaign = f"C{rng.randrange(30):02d}" if rng.random() < 0.4 else None
        records.append(
            view(
                f"R{i:05d}",
                [label for label in labels if rng.random() < 0.3],
                campaign=campaign,
                region=rng.choice(["NU", "ON", "QC", "BC", None, ""]),
                sector=rng.choice(["x", "y"]),
            )
        )
    result = prevalence(records, labels=labels, segments=["region", "sector"])
    for field in ("region", "sector"):
        expected = reference_deduplicated(records, labels, field)
        expected[None] = [
            a + b
            for a, b in zip(expected.get(None, [0] * 5), expected.pop("", [0] * 5), strict=True)
        ]
        out = result["segments"][field]
        assert out["missing"]["deduplicated"] == expected.pop(None)[0]
        for value, row in expected.items():
            block = out["values"][value]["deduplicated"]
            assert [block["n"], *(block["labels"][label]["count"] for label in labels)] == row


def test_output_is_json_sorted_and_deterministic() -> None:
    rng = random.Random(2)
    records = [
        view(
            f"R{i:04d}",
            [label for label in ("x", "y") if rng.random() < 0.4],
            campaign="C01" if i % 7 == 0 else None,
            region=rng.choice(["NU", "QC"]),
            channel=rng.choice(["online", "paper", None]),
        )
        for i in range(500)
    ]
    first = prevalence(records, labels=["y", "x"], segments=["region", "channel"])
    text = json.dumps(first)
    assert text == json.dumps(first, sort_keys=True)
    shuffled = records[:]
    random.Random(9).shuffle(shuffled)
    again = prevalence(iter(shuffled), labels=["x", "y"], segments=["channel", "region"])
    assert json.dumps(again) == text
    for value in first["segments"]["region"]["values"].values():
        for entry in value["raw"]["labels"].values():
            assert entry["share"] == round(entry["share"], 4)


def test_empty_input_and_bad_parameters() -> None:
    result = prevalence([], labels=["x"], segments=["region"])
    assert result["overall"]["raw"] == {
        "labels": {"x": {"ci": None, "count": 0, "share": None}},
        "n": 0,
    }
    assert result["segments"]["region"]["values"] == {}
    with pytest.raises(ValueError):
        prevalence([], labels=["x"], segments=[], confidence=1.5)
    with pytest.raises(ValueError):
        prevalence([], labels=["x"], segments=[], min_n=0)


# --- Emerging ------------------------------------------------------------------------------------


def period(prefix: str, n: int, held: dict[str, int]) -> list[dict[str, Any]]:
    return [
        view(f"{prefix}{i:05d}", [label for label, hits in held.items() if i < hits])
        for i in range(n)
    ]


def test_emerging_rising_new_and_declining() -> None:
    codebook = ["declining", "new", "rising", "steady"]
    baseline = prevalence(
        period("B", 1000, {"rising": 50, "steady": 200, "declining": 300}),
        labels=codebook,
        segments=[],
    )
    current = prevalence(
        period("N", 1000, {"rising": 250, "steady": 210, "declining": 100, "new": 30, "T9": 40}),
        labels=[*codebook, "T9"],  # T9: a theme the baseline did not have
        segments=[],
    )
    found = emerging(current, baseline)
    by_label = {entry["label"]: entry for entry in found}
    assert set(by_label) == {"rising", "new", "declining", "T9"}  # not "steady"
    rising = by_label["rising"]
    assert rising["change"] == "rising"
    assert rising["ratio"] == 5.0
    assert rising["current"]["share"] == 0.25 and rising["baseline"]["share"] == 0.05
    assert rising["q"] < 1e-10 and rising["test"] == "z"
    assert rising["ratio_bound"] == pytest.approx(
        wilson_interval(250, 1000)[0] / wilson_interval(50, 1000)[1], abs=1e-4
    )
    assert by_label["new"]["change"] == "new" and by_label["new"]["ratio"] is None
    assert by_label["new"]["baseline"]["count"] == 0 and by_label["new"]["q"] < 1e-5
    assert by_label["T9"] == {
        "baseline": None,
        "change": "new",
        "current": {"ci": [0.0295, 0.054], "count": 40, "n": 1000, "share": 0.04},
        "label": "T9",
        "p": None,
        "q": None,
        "ratio": None,
        "ratio_bound": None,
        "test": None,
    }
    assert by_label["declining"]["change"] == "declining"
    assert by_label["declining"]["ratio"] == pytest.approx(1 / 3, abs=1e-4)
    # Rising and new by strength, then those not compared, then the declining ones.
    assert [entry["label"] for entry in found] == ["new", "rising", "T9", "declining"]
    assert json.dumps(found) == json.dumps(emerging(current, baseline), sort_keys=True)


def test_emerging_needs_ratio_and_significance() -> None:
    baseline = prevalence(period("B", 5000, {"small": 1000}), labels=["small"], segments=[])
    # 20% -> 26%: significant, but a ratio of 1.3 only.
    current = prevalence(period("N", 5000, {"small": 1300}), labels=["small"], segments=[])
    assert emerging(current, baseline) == []
    assert emerging(current, baseline, min_ratio=1.2)[0]["label"] == "small"
    # 5% -> 10% on 40 records each: a ratio of 2 but no evidence.
    tiny_before = prevalence(period("B", 40, {"x": 2}), labels=["x"], segments=[])
    tiny_now = prevalence(period("N", 40, {"x": 4}), labels=["x"], segments=[])
    assert emerging(tiny_now, tiny_before) == []
