"""How often each label comes up, by segment, and which labels are new or growing.

`prevalence(records, labels=..., segments=...)` takes the record views the pipeline builds after
coding and themes (plain dicts: ``id``, ``campaign``, ``labels``, ``segments``...) and counts, for
every label, the records holding it: overall and for every value of every segment field
(``sector``, ``region``, ``event``...). Each share comes with a Wilson score interval.

Everything is given twice:

- **raw**: every record counts once;
- **deduplicated**: each campaign counts as one record. That record holds the labels held by at
  least half of the campaign's members, and takes for each segment field the value most common
  among the members that have one (ties go to the value first in sorted order; no value if no
  member has one). Records in no campaign count as themselves.

**Differences.** For each segment value and label, the value's share is compared with the share
among the records with another value of the same field (records with no value for the field
are on neither side), on the **deduplicated** counts, so that a flood of copies cannot make a
difference significant by itself. The test is the pooled two-proportion z test, or Fisher's exact
test (two-sided, summing the tables no more likely than the one observed) when an expected cell
count is below 5. A comparison is made only when both sides hold at least `min_n` records; the
others are shown but never flagged. The p-values of all comparisons made are corrected together
with Benjamini-Hochberg, and a difference is flagged when its corrected value (``q``) is at most
`alpha`: at most `alpha` of the flagged differences are expected to be false, on average.

`emerging(current, baseline)` compares the overall deduplicated shares of two `prevalence`
results (a consultation and an earlier one, coded with the same codebook) with the same tests
and correction, and lists the labels that rose (or appeared) and the ones that fell.

Output of `prevalence` (keys sorted at every level; shares, bounds and ratios rounded to 4
decimals; p-values to 4 significant figures, so that small ones stay comparable)::

    {"flags": [{"direction": "higher", "label": "L", "p": 1.2e-08, "q": 4.8e-08,
                "rest_share": 0.2, "segment": "sector", "share": 0.6, "test": "z",
                "value": "ngos"}],                       # sorted by q, then segment, value, label
     "overall": {"campaigns": 1, "records_in_campaigns": 50,
                 "raw": {"labels": {"L": {"ci": [0.35, 0.45], "count": 80, "share": 0.4}},
                         "n": 200},
                 "deduplicated": {...same shape...}},
     "parameters": {"alpha": 0.05, "confidence": 0.95, "labels": ["L"], "min_n": 10,
                    "segments": ["sector"], "tests": 4},
     "segments": {"sector": {
         "missing": {"deduplicated": 0, "raw": 0},      # records with no value for the field
         "values": {"ngos": {
             "raw": {"labels": {...}, "n": 100},
             "deduplicated": {"labels": {...}, "n": 100},
             "comparisons": {"L": {"direction": "higher", "flagged": true, "p": 1.2e-08,
                                   "q": 4.8e-08, "rest_share": 0.2, "test": "z"}}}}}}}

``direction`` is "higher", "lower" or "same" (the value's share against the rest's). A share is
null when n is 0 (a value held only by a minority of a campaign's members has no deduplicated
record). A comparison not made (too few records on a side) has null ``p``, ``q``, ``test`` and
``direction``, and ``flagged`` false.

Cost: one pass over the records keeps integer codes only: each record's combination of segment
values (interned in a dictionary, so a million records with a few thousand combinations hold a
few thousand tuples), its campaign, and a (record, label) pair per label held. Counting is then
done with numpy on those arrays (`bincount`, and `unique` for the campaigns' majorities and most
common values), never record by record in Python: a million records with three labels each and
five segment fields take about three seconds, most of it the pass itself. Memory: O(records +
labels held) integers, plus a (values x labels) table per field. The tests cost O(fields x
values x labels); Fisher's test O(the smaller margin) each.

Limits: a record's labels are those present in its ``labels`` mapping, whatever their confidence
(the coding stage assigns only the labels it keeps). Many comparisons are made, and BH controls
the false discovery rate across them, not the chance of any single error; shares within a segment
are not independent of the overall share (and a field with two values yields the same comparison
twice, which only makes the correction more cautious). Comparisons are by one segment field at
a time: a difference explained by another field (a region where most answers came through one
channel) is reported as it is. The statistics (normal quantiles and tails, the hypergeometric
law) are computed with the standard library, so the results do not depend on a SciPy version.

Python and numpy; imports no Django.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

import numpy as np

_MIN_EXPECTED = 5.0  # below this expected cell count, Fisher's exact test instead of z
_FISHER_TOLERANCE = 1 + 1e-7  # tables this close to the observed one count as equally likely
_STANDARD_NORMAL = NormalDist()


# --- Statistics --------------------------------------------------------------------------------


def wilson_interval(count: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """The Wilson score interval for `count` successes out of `n` (n > 0), unrounded."""
    if n <= 0:
        raise ValueError("n must be positive")
    z = _STANDARD_NORMAL.inv_cdf(1 - (1 - confidence) / 2)
    share = count / n
    z2n = z * z / n
    centre = (share + z2n / 2) / (1 + z2n)
    half = z / (1 + z2n) * math.sqrt(share * (1 - share) / n + z2n / (4 * n))
    return max(0.0, centre - half), min(1.0, centre + half)


def _log_choose(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided p-value of Fisher's exact test on the table [[a, b], [c, d]].

    The sum of the probabilities (hypergeometric, margins fixed) of the tables no more likely
    than the observed one, as R's `fisher.test` and SciPy's `fisher_exact` compute it."""
    row, col, total = a + b, a + c, a + b + c + d
    if total == 0:
        return 1.0
    low, high = max(0, row + col - total), min(row, col)
    denominator = _log_choose(total, row)

    def log_pmf(x: int) -> float:
        return _log_choose(col, x) + _log_choose(total - col, row - x) - denominator

    observed = log_pmf(a) + math.log(_FISHER_TOLERANCE)
    terms = [math.exp(value) for value in map(log_pmf, range(low, high + 1)) if value <= observed]
    return min(1.0, math.fsum(terms))


def two_proportion_test(count1: int, n1: int, count2: int, n2: int) -> tuple[float, str]:
    """Two-sided p-value for equal shares count1/n1 and count2/n2, and the test used.

    The pooled z test ("z"), or Fisher's exact test ("fisher") when an expected count of the
    2x2 table is below 5."""
    if n1 <= 0 or n2 <= 0:
        raise ValueError("both groups must hold records")
    total = n1 + n2
    hits = count1 + count2
    expected = min(n1, n2) * min(hits, total - hits) / total
    if expected < _MIN_EXPECTED:
        return fisher_exact(count1, n1 - count1, count2, n2 - count2), "fisher"
    pooled = hits / total
    error = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = (count1 / n1 - count2 / n2) / error
    return min(1.0, math.erfc(abs(z) / math.sqrt(2))), "z"


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values (q-values), in the order given.

    q for the i-th smallest of m p-values is min over j >= i of p_(j) m / j, capped at 1:
    flagging those with q <= alpha keeps the expected false discovery rate at most alpha."""
    m = len(pvalues)
    order = sorted(range(m), key=lambda index: (pvalues[index], index))
    adjusted = [0.0] * m
    running = 1.0
    for rank in range(m, 0, -1):
        index = order[rank - 1]
        running = min(running, pvalues[index] * m / rank)
        adjusted[index] = running
    return adjusted


def _round(value: float) -> float:
    return round(value, 4)


def _round_p(value: float) -> float:
    return float(f"{value:.4g}")


def _share(count: int, n: int, confidence: float) -> dict[str, Any]:
    if n == 0:
        return {"ci": None, "count": count, "share": None}
    low, high = wilson_interval(count, n, confidence)
    return {"ci": [_round(low), _round(high)], "count": count, "share": _round(count / n)}


# --- Counting ----------------------------------------------------------------------------------


def _value(raw: object) -> str | None:
    if raw is None:
        return None
    value = raw if isinstance(raw, str) else str(raw)
    return value if value.strip() else None


@dataclass(frozen=True)
class _Table:
    """Counts overall and per segment field and value: n, then each label's count."""

    n: int
    counts: list[int]
    values: list[dict[str | None, list[int]]]  # per field: value (None: missing) -> [n, *counts]


@dataclass(frozen=True)
class _Counts:
    """What one pass over the records leaves: integer codes, ready for numpy."""

    values: np.ndarray  # records x fields: value id (in sorted order of the values), -1 if none
    names: list[list[str]]  # per field: the values, sorted
    pair_record: np.ndarray  # (record, label) pairs: the record's index...
    pair_label: np.ndarray  # ...and the label's
    campaign: np.ndarray  # per record: campaign index (sorted order of ids), -1 if none
    campaigns: int


def _count(
    records: Iterable[Mapping[str, Any]], fields: Sequence[str], label_index: Mapping[str, int]
) -> _Counts:
    """One pass: each record's combination of segment values (interned), labels and campaign."""
    combinations: dict[tuple[Any, ...], int] = {}
    combination_of = array("q")
    pair_record = array("q")
    pair_label = array("q")
    campaign_ids: dict[str, int] = {}
    campaign_of = array("q")
    empty: dict[str, Any] = {}
    count = 0
    for record in records:
        values = tuple(map((record.get("segments") or empty).get, fields))
        try:
            combination = combinations.get(values)
        except TypeError:  # an unhashable value (a list...): its text stands for it
            values = tuple(_value(value) for value in values)
            combination = combinations.get(values)
        if combination is None:
            combination = combinations[values] = len(combinations)
        combination_of.append(combination)
        for label in record.get("labels") or empty:
            index = label_index.get(label)
            if index is not None:
                pair_record.append(count)
                pair_label.append(index)
        campaign = record.get("campaign")
        if campaign:
            campaign_id = campaign_ids.get(campaign)
            if campaign_id is None:
                campaign_id = campaign_ids[campaign] = len(campaign_ids)
            campaign_of.append(campaign_id)
        else:
            campaign_of.append(-1)
        count += 1

    # Segment values: as strings, blank ones missing; ids in sorted order of the strings.
    cleaned = [[_value(value) for value in values] for values in combinations]
    names = [
        sorted({value for row in cleaned if (value := row[field]) is not None})
        for field in range(len(fields))
    ]
    ids = [{name: index for index, name in enumerate(field_names)} for field_names in names]
    table = np.array(
        [
            [-1 if value is None else ids[f][value] for f, value in enumerate(row)]
            for row in cleaned
        ],
        dtype=np.int64,
    ).reshape(len(cleaned), len(fields))
    combination_array = np.frombuffer(combination_of, dtype=np.int64)
    # Campaign indices in sorted order of their ids.
    order = sorted(campaign_ids, key=str)
    rank = np.array([campaign_ids[key] for key in order], dtype=np.int64)
    remap = np.full(len(order) + 1, -1, dtype=np.int64)  # the last, -1, stays -1
    remap[rank] = np.arange(len(order), dtype=np.int64)
    campaign_array = remap[np.frombuffer(campaign_of, dtype=np.int64)]
    return _Counts(
        values=table[combination_array] if count else np.empty((0, len(fields)), np.int64),
        names=names,
        pair_record=np.frombuffer(pair_record, dtype=np.int64),
        pair_label=np.frombuffer(pair_label, dtype=np.int64),
        campaign=campaign_array,
        campaigns=len(order),
    )


def _table(
    values: np.ndarray, pair_unit: np.ndarray, pair_label: np.ndarray, counts: _Counts, labels: int
) -> _Table:
    """Counts of units (records, or campaigns counted once) by field value and label."""
    fields: list[dict[str | None, list[int]]] = []
    for field, names in enumerate(counts.names):
        column = values[:, field]
        known = column >= 0
        size = len(names)
        n = np.bincount(column[known], minlength=size)
        paired = column[pair_unit]
        keep = paired >= 0
        held = np.bincount(
            paired[keep] * labels + pair_label[keep], minlength=size * labels
        ).reshape(size, labels)
        rows: dict[str | None, list[int]] = {
            name: [int(n[index]), *held[index].tolist()] for index, name in enumerate(names)
        }
        missing_pairs = np.bincount(pair_label[~keep], minlength=labels)
        rows[None] = [int(len(column) - known.sum()), *missing_pairs.tolist()]
        fields.append(rows)
    overall = np.bincount(pair_label, minlength=labels).tolist()
    return _Table(len(values), overall, fields)


def _deduplicated(counts: _Counts, labels: int) -> _Table:
    """The table with each campaign counted once: majority labels, most common values."""
    campaign = counts.campaign
    stride = max(labels, 1)
    alone = np.flatnonzero(campaign < 0)
    unit_of = np.full(len(campaign), -1, dtype=np.int64)
    unit_of[alone] = np.arange(len(alone), dtype=np.int64)
    first_campaign_unit = len(alone)
    members = campaign >= 0
    sizes = np.bincount(campaign[members], minlength=counts.campaigns)

    # Labels: those held by at least half of the members.
    pair_campaign = campaign[counts.pair_record]
    in_campaign = pair_campaign >= 0
    keys, held = np.unique(
        pair_campaign[in_campaign] * stride + counts.pair_label[in_campaign], return_counts=True
    )
    majority = 2 * held >= sizes[keys // stride]
    campaign_pairs = keys[majority]
    pair_unit = np.concatenate(
        (unit_of[counts.pair_record[~in_campaign]], first_campaign_unit + campaign_pairs // stride)
    )
    pair_label = np.concatenate((counts.pair_label[~in_campaign], campaign_pairs % stride))

    # Segment values: the most common among the members having one; ties to the first sorted.
    modal = np.full((counts.campaigns, len(counts.names)), -1, dtype=np.int64)
    for field, names in enumerate(counts.names):
        column = counts.values[:, field]
        keep = members & (column >= 0)
        size = max(len(names), 1)
        keys, votes = np.unique(campaign[keep] * size + column[keep], return_counts=True)
        order = np.lexsort((keys % size, -votes, keys // size))
        chosen = keys[order]
        owners = chosen // size
        first = np.flatnonzero(np.r_[True, owners[1:] != owners[:-1]]) if len(owners) else owners
        modal[owners[first], field] = chosen[first] % size
    values = np.concatenate((counts.values[alone], modal))
    return _table(values, pair_unit, pair_label, counts, labels)


def prevalence(
    records: Iterable[Mapping[str, Any]],
    *,
    labels: Sequence[str],
    segments: Sequence[str],
    confidence: float = 0.95,
    alpha: float = 0.05,
    min_n: int = 10,
) -> dict[str, Any]:
    """Shares of `labels` overall and by each of `segments`; see the module docstring."""
    if not 0 < confidence < 1:
        raise ValueError("confidence must be between 0 and 1")
    if not 0 < alpha < 1:
        raise ValueError("alpha must be between 0 and 1")
    if min_n < 1:
        raise ValueError("min_n must be at least 1")
    label_list = sorted(set(labels))
    field_list = sorted(set(segments))
    label_index = {label: index for index, label in enumerate(label_list)}

    counts = _count(records, field_list, label_index)
    raw_table = _table(
        counts.values, counts.pair_record, counts.pair_label, counts, len(label_list)
    )
    dedup_table = _deduplicated(counts, len(label_list))

    # Tests on the deduplicated counts: each value against the other values of its field.
    tests: list[tuple[int, str, int, float, str]] = []  # (field, value, label, p, test)
    for field in range(len(field_list)):
        rows = dedup_table.values[field]
        known = [0] * (len(label_list) + 1)
        for value, row in rows.items():
            if value is not None:
                known = [a + b for a, b in zip(known, row, strict=True)]
        for value in sorted(v for v in rows if v is not None):
            row = rows[value]
            rest_n = known[0] - row[0]
            if row[0] < min_n or rest_n < min_n:
                continue
            for index in range(len(label_list)):
                count = row[index + 1]
                p, test = two_proportion_test(count, row[0], known[index + 1] - count, rest_n)
                tests.append((field, value, index, p, test))
    qvalues = benjamini_hochberg([test[3] for test in tests])
    results = {
        (field, value, index): (p, q, test)
        for (field, value, index, p, test), q in zip(tests, qvalues, strict=True)
    }

    def block(table_n: int, counts: Sequence[int]) -> dict[str, Any]:
        return {
            "labels": {
                label: _share(counts[index], table_n, confidence)
                for index, label in enumerate(label_list)
            },
            "n": table_n,
        }

    flags: list[dict[str, Any]] = []
    segments_out: dict[str, Any] = {}
    for field, name in enumerate(field_list):
        raw_rows = raw_table.values[field]
        dedup_rows = dedup_table.values[field]
        known = [0] * (len(label_list) + 1)
        for value, row in dedup_rows.items():
            if value is not None:
                known = [a + b for a, b in zip(known, row, strict=True)]
        empty = [0] * (len(label_list) + 1)
        values_out: dict[str, Any] = {}
        for value in sorted(v for v in raw_rows if v is not None):
            raw_row = raw_rows[value]
            dedup_row = dedup_rows.get(value, empty)
            comparisons: dict[str, Any] = {}
            for index, label in enumerate(label_list):
                rest_n = known[0] - dedup_row[0]
                rest_count = known[index + 1] - dedup_row[index + 1]
                rest_share = _round(rest_count / rest_n) if rest_n else None
                found = results.get((field, value, index))
                if found is None:
                    comparisons[label] = {
                        "direction": None,
                        "flagged": False,
                        "p": None,
                        "q": None,
                        "rest_share": rest_share,
                        "test": None,
                    }
                    continue
                p, q, test = found
                share = dedup_row[index + 1] / dedup_row[0]
                exact_rest = rest_count / rest_n
                direction = (
                    "higher" if share > exact_rest else "lower" if share < exact_rest else "same"
                )
                flagged = q <= alpha and direction != "same"
                comparisons[label] = {
                    "direction": direction,
                    "flagged": flagged,
                    "p": _round_p(p),
                    "q": _round_p(q),
                    "rest_share": rest_share,
                    "test": test,
                }
                if flagged:
                    flags.append(
                        {
                            "direction": direction,
                            "label": label,
                            "p": _round_p(p),
                            "q": _round_p(q),
                            "rest_share": rest_share,
                            "segment": name,
                            "share": _round(share),
                            "test": test,
                            "value": value,
                        }
                    )
            values_out[value] = {
                "comparisons": comparisons,
                "deduplicated": block(dedup_row[0], dedup_row[1:]),
                "raw": block(raw_row[0], raw_row[1:]),
            }
        segments_out[name] = {
            "missing": {
                "deduplicated": dedup_rows.get(None, empty)[0],
                "raw": raw_rows.get(None, empty)[0],
            },
            "values": values_out,
        }
    flags.sort(key=lambda flag: (flag["q"], flag["segment"], flag["value"], flag["label"]))

    return {
        "flags": flags,
        "overall": {
            "campaigns": counts.campaigns,
            "deduplicated": block(dedup_table.n, dedup_table.counts),
            "raw": block(raw_table.n, raw_table.counts),
            "records_in_campaigns": int(np.count_nonzero(counts.campaign >= 0)),
        },
        "parameters": {
            "alpha": alpha,
            "confidence": confidence,
            "labels": label_list,
            "min_n": min_n,
            "segments": field_list,
            "tests": len(tests),
        },
        "segments": segments_out,
    }


# --- Emerging and declining labels -------------------------------------------------------------


def _overall(result: Mapping[str, Any]) -> tuple[int, dict[str, int]]:
    block = result["overall"]["deduplicated"]
    return int(block["n"]), {label: int(entry["count"]) for label, entry in block["labels"].items()}


def emerging(
    current: Mapping[str, Any],
    baseline: Mapping[str, Any],
    *,
    alpha: float = 0.05,
    min_ratio: float = 1.5,
    min_count: int = 10,
) -> list[dict[str, Any]]:
    """Labels whose overall deduplicated share rose or fell significantly since `baseline`.

    `current` and `baseline` are `prevalence` results. For each label of `current` also counted
    in `baseline`, the two shares are compared (z or Fisher's exact test, as in `prevalence`),
    with Benjamini-Hochberg correction across the labels compared. A label is listed when its
    corrected p-value ``q`` is at most `alpha` and:

    - ``"rising"``: the share grew by a factor of at least `min_ratio`;
    - ``"new"``: it rose significantly from a count of 0 in the baseline, or the baseline did not
      code it at all (not compared: ``p``, ``q``, ``test`` and ``ratio`` null), and it is held by
      at least `min_count` records (deduplicated) now;
    - ``"declining"``: the share shrank by a factor of at least `min_ratio`.

    Each entry::

        {"baseline": {"ci": [0.037, 0.065], "count": 50, "n": 1000, "share": 0.05},  # or null
         "change": "rising", "current": {"ci": [...], "count": 250, "n": 1000, "share": 0.25},
         "label": "L", "p": 1.2e-36, "q": 2.4e-36, "ratio": 5.0, "ratio_bound": 3.4,
         "test": "z"}

    ``ratio_bound`` is the most cautious ratio both intervals allow (for a rise, the current
    lower bound over the baseline upper bound; for a fall, the current upper bound over the
    baseline lower bound): it measures the strength of the change, size and certainty together.
    The list holds the rising and new labels first, strongest (highest ``ratio_bound``) first and
    labels not compared last, then the declining ones, strongest (lowest ``ratio_bound``) first;
    ties by label. Intervals use the confidence level of `current`. Labels only in `baseline`
    are not listed (they were not coded now).
    """
    if not 0 < alpha < 1:
        raise ValueError("alpha must be between 0 and 1")
    if min_ratio < 1:
        raise ValueError("min_ratio must be at least 1")
    confidence = float(current["parameters"]["confidence"])
    now_n, now_counts = _overall(current)
    before_n, before_counts = _overall(baseline)

    def summary(count: int, n: int) -> dict[str, Any]:
        return dict(sorted({"n": n, **_share(count, n, confidence)}.items()))

    compared: list[tuple[str, float, str]] = []
    untested: list[str] = []
    for label in sorted(now_counts):
        if label in before_counts and now_n and before_n:
            p, test = two_proportion_test(now_counts[label], now_n, before_counts[label], before_n)
            compared.append((label, p, test))
        elif label not in before_counts:
            untested.append(label)
    qvalues = benjamini_hochberg([p for _, p, _ in compared])

    rising: list[tuple[float, str, dict[str, Any]]] = []
    declining: list[tuple[float, str, dict[str, Any]]] = []
    for (label, p, test), q in zip(compared, qvalues, strict=True):
        now, before = now_counts[label], before_counts[label]
        if q > alpha:
            continue
        now_share, before_share = now / now_n, before / before_n
        now_low, now_high = wilson_interval(now, now_n, confidence)
        before_low, before_high = wilson_interval(before, before_n, confidence)
        entry: dict[str, Any] = {
            "baseline": summary(before, before_n),
            "current": summary(now, now_n),
            "label": label,
            "p": _round_p(p),
            "q": _round_p(q),
            "ratio": _round(now_share / before_share) if before else None,
            "test": test,
        }
        if now_share > before_share:
            if before == 0:
                if now < min_count:
                    continue
                entry["change"] = "new"
            elif now_share < min_ratio * before_share:
                continue
            else:
                entry["change"] = "rising"
            bound = now_low / before_high
            entry["ratio_bound"] = _round(bound)
            rising.append((-bound, label, entry))
        elif now_share < before_share and now_share * min_ratio <= before_share:
            bound = now_high / before_low
            entry["change"] = "declining"
            entry["ratio_bound"] = _round(bound)
            declining.append((bound, label, entry))

    unranked = []
    for label in untested:
        if now_counts[label] >= min_count:
            unranked.append(
                {
                    "baseline": None,
                    "change": "new",
                    "current": summary(now_counts[label], now_n),
                    "label": label,
                    "p": None,
                    "q": None,
                    "ratio": None,
                    "ratio_bound": None,
                    "test": None,
                }
            )
    rising.sort(key=lambda item: (item[0], item[1]))
    declining.sort(key=lambda item: (item[0], item[1]))
    ordered = [entry for *_, entry in rising] + unranked + [entry for *_, entry in declining]
    return [dict(sorted(entry.items())) for entry in ordered]
