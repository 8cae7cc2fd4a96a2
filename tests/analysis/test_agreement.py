"""Cohen's kappa and Krippendorff's alpha, against scikit-learn and a coincidence matrix."""

from __future__ import annotations

import random

import pytest
from sklearn.metrics import cohen_kappa_score

from heard.analysis.engine.agreement import agreement

# The analysis engine alone (no database): CI runs these on SQLite and on Python 3.13, not again
# on PostgreSQL.
pytestmark = pytest.mark.engine


def _alpha_by_coincidences(pairs):
    """Krippendorff's alpha the long way: the coincidence matrix, then 1 - Do / De."""
    o = {(a, b): 0.0 for a in (0, 1) for b in (0, 1)}
    for first, second in pairs:
        o[(int(first), int(second))] += 1
        o[(int(second), int(first))] += 1
    n_c = {c: o[(c, 0)] + o[(c, 1)] for c in (0, 1)}
    n = n_c[0] + n_c[1]
    observed = (o[(0, 1)] + o[(1, 0)]) / n
    expected = (n_c[0] * n_c[1] + n_c[1] * n_c[0]) / (n * (n - 1))
    return 1 - observed / expected


@pytest.mark.parametrize("seed", range(20))
def test_the_coefficients_match_independent_computations(seed):
    rng = random.Random(seed)
    rate, flip = rng.uniform(0.1, 0.6), rng.uniform(0.0, 0.4)
    first = [rng.random() < rate for _ in range(rng.randint(10, 300))]
    second = [value if rng.random() > flip else not value for value in first]
    if len(set(first + second)) < 2:
        return
    result = agreement(zip(first, second, strict=True))
    assert result.kappa == pytest.approx(cohen_kappa_score(first, second))
    assert result.alpha == pytest.approx(_alpha_by_coincidences(zip(first, second, strict=True)))
    assert result.units == len(first)
    assert result.disagreements == sum(a != b for a, b in zip(first, second, strict=True))


def test_perfect_and_chance_agreement():
    perfect = agreement([(True, True)] * 5 + [(False, False)] * 5)
    assert perfect.kappa == pytest.approx(1.0) and perfect.alpha == pytest.approx(1.0)
    # Always opposite: kappa is -1; alpha, corrected for 8 units, 1 - 15 x 8 / (8 x 8).
    opposite = agreement([(True, False), (False, True)] * 4)
    assert opposite.kappa == pytest.approx(-1.0)
    assert opposite.alpha == pytest.approx(-0.875)
    nothing = agreement([(False, False)] * 8)
    assert nothing.kappa is None and nothing.alpha is None and nothing.observed == 1.0
    assert agreement([]).units == 0
