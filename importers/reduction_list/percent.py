"""A list's percentage column, read as percent whatever way it was typed (issue 13 item 5).

"0,4%" is 0,4 percent. A bare number is ambiguous: a sheet built by hand may type the share 0,045
for 4,5 % with no percent format, another types 4,5. The format says nothing then, the figures do:
each row's amount / budget is the share the column should state, so the column is read at the scale
(fraction or percent) that more of its rows agree with, checked against each year column in turn.
Where no row has both an amount and a budget the column is taken as percent and the caller says so.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from budgetbook.model import Number

AGREE = 0.06  # relative: a printed share rounded to one decimal (0,4 % for 0,36-0,45 %) still agrees


@dataclass(frozen=True)
class PercentRow:
    """One row's percentage as typed (`typed_percent`: it carried a "%"), its budget and amounts by year."""

    value: Number | None
    typed_percent: bool
    budget: Number | None
    amounts: dict[str, Number | None]


@dataclass(frozen=True)
class PercentScale:
    """Multiply a bare number by `factor` to get percent; `checked` rows agreed at that scale."""

    factor: float
    checked: int
    year: str | None

    @property
    def verified(self) -> bool:
        return self.checked > 0


def percent_scale(rows: Sequence[PercentRow], years: Sequence[str]) -> PercentScale:
    """The scale of the column's bare numbers: 100 when they are fractions (0,045), 1 when percent (4,5)."""
    best = PercentScale(1.0, 0, None)
    for year in years:
        fraction = percent = 0
        for row in rows:
            amount = row.amounts.get(year)
            if row.typed_percent or row.value in (None, 0) or not amount or not row.budget:
                continue
            share = abs(amount / row.budget) * 100
            if _agrees(abs(row.value) * 100, share):
                fraction += 1
            elif _agrees(abs(row.value), share):
                percent += 1
        for factor, checked in ((100.0, fraction), (1.0, percent)):
            if checked > best.checked:
                best = PercentScale(factor, checked, year)
    return best


def _agrees(value: float, share: float) -> bool:
    return abs(value - share) <= max(AGREE * share, 0.05)


def as_percent(row: PercentRow, scale: PercentScale) -> Number | None:
    if row.value is None:
        return None
    if row.typed_percent:
        return row.value
    value = row.value * scale.factor
    return round(value, 10) if isinstance(value, float) else value
