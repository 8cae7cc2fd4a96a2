"""Agreement between two coders on one code: Cohen's kappa and Krippendorff's alpha (nominal).

Each unit (a record both coders reviewed) has two binary values: did coder A give the code, did
coder B. `agreement(pairs)` counts the four cells and returns both coefficients:

- **Cohen's kappa** = (p_o - p_e) / (1 - p_e), with p_o the share of units where they agree and
  p_e the agreement expected from each coder's own rate (their marginals, taken apart);
- **Krippendorff's alpha** (nominal, two coders, no missing values) = 1 - (n - 1) · d / (n₀ · n₁),
  from the coincidence matrix: n = 2 x units pairable values, n₀ and n₁ the pooled counts of
  "no" and "yes", d the units where the coders differ. Unlike kappa it pools both coders'
  marginals, and it corrects for small samples.

Both are undefined (None) when there is no variation at all (every value the same): agreement is
then perfect but says nothing about the code. Pure Python; imports no Django.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Agreement:
    units: int
    both_yes: int
    both_no: int
    only_first: int
    only_second: int
    kappa: float | None
    alpha: float | None

    @property
    def disagreements(self) -> int:
        return self.only_first + self.only_second

    @property
    def observed(self) -> float | None:
        return (self.both_yes + self.both_no) / self.units if self.units else None


def agreement(pairs: Iterable[tuple[bool, bool]]) -> Agreement:
    yes_yes = no_no = yes_no = no_yes = 0
    for first, second in pairs:
        if first and second:
            yes_yes += 1
        elif not first and not second:
            no_no += 1
        elif first:
            yes_no += 1
        else:
            no_yes += 1
    units = yes_yes + no_no + yes_no + no_yes
    kappa = alpha = None
    if units:
        observed = (yes_yes + no_no) / units
        first_yes = (yes_yes + yes_no) / units
        second_yes = (yes_yes + no_yes) / units
        expected = first_yes * second_yes + (1 - first_yes) * (1 - second_yes)
        if expected < 1:
            kappa = (observed - expected) / (1 - expected)
        values = 2 * units
        yes = 2 * yes_yes + yes_no + no_yes
        no = values - yes
        if yes and no:
            alpha = 1 - (values - 1) * (yes_no + no_yes) / (yes * no)
    return Agreement(units, yes_yes, no_no, yes_no, no_yes, kappa, alpha)
