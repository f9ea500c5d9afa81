"""How a table of the minutes is read for what can be computed in it (`table_to_plan`), from its
headers and row labels only:

- a column whose header says "afvigelse" is a deviation; "Opr." / "Kor." after it names the
  budget it is against (Oprindeligt / Korrigeret budget), the minuend is the "Forventet
  regnskab" column; a deviation in percent is not one of amounts and is left alone;
- a row labelled "... i alt" / "Total" sums the rows directly above it, back to the previous
  sum or to a top-level row ("Indtægter", "Udgifter", a line the minutes print as its own total);
- a result row ("Likviditet...", "Resultat...", "Driftsresultat ...") sums the top-level and sum
  rows above it and the rows after the last of them that no sum took ("Renter");
- a table from "Oprindeligt budget" to "Korrigeret budget" is a bridge: the last equals the first
  plus every row between.

The checks compare figures within one table, so always in the table's own unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budgetbook.model import Number
from budgetbook.records.minutes import MinutesTable, TableRow

RULE_DEVIATION = "minutes_deviation"
RULE_SUM = "minutes_sum"
RULE_BRIDGE = "minutes_bridge"
_SUM_LABEL = re.compile(r"(^|\s)i\s+alt\b|\btotal\b", re.IGNORECASE)
TOP_LEVEL_LABELS = ("indtægter", "udgifter")  # lines a resultatopgørelse prints as their own total
RESULT_LABELS = ("likviditet", "resultat")  # at the start of the label, or "...resultat" inside it
_PERCENT = ("%", "pct", "procent")


def rounding_tolerance(decimals: int, figures: int) -> float:
    """How far a check may be off from rounding alone: half a unit of the last decimal per rounded figure.

    The minutes print mio. kr. with one decimal: a deviation compares three rounded figures
    (forventet, budget, stated deviation), so up to 0,15 is rounding (2,5 against 2,6 is),
    and 1,0 is not. A sum of n rounded parts against a rounded total: (n + 1) halves.
    """
    return round(figures * 0.5 * 10 ** -decimals, decimals + 2)


@dataclass(frozen=True)
class Deviation:
    column: int  # index into the row values of the stated deviation
    minuend: int  # forventet regnskab
    subtrahend: int  # the budget the deviation is against


@dataclass(frozen=True)
class SumRow:
    row: int  # index of the stated total row
    parts: tuple[int, ...]  # indexes of the rows it adds up (for a bridge: the start, then the changes)
    columns: tuple[int, ...]  # value indexes where the minutes state the total
    rule: str


@dataclass(frozen=True)
class TablePlan:
    table: MinutesTable
    width: int  # number of value columns
    decimals: int
    deviations: tuple[Deviation, ...]
    sums: tuple[SumRow, ...]

    def deviation_at(self, column: int) -> Deviation | None:
        return next((d for d in self.deviations if d.column == column), None)

    def sum_at(self, row: int) -> SumRow | None:
        return next((s for s in self.sums if s.row == row), None)


def _squash(text: str) -> str:
    """Lower case without spaces: "FV. regnskabsa fvigelse" (a PDF line break) reads as one word."""
    return re.sub(r"\s+", "", text).lower()


def is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def headers_to_deviations(headers: tuple[str, ...]) -> tuple[Deviation, ...]:
    """Deviation columns and what they subtract; `headers` include the label column (index 0)."""
    values = [_squash(h) for h in headers[1:]]
    deviations = []
    minuend = next((i for i, h in enumerate(values) if "afvig" not in h and ("forventet" in h or "regnskab" in h)),
                   None)
    for index, header in enumerate(values):
        if "afvig" not in header or minuend is None or any(p in header for p in _PERCENT):
            continue  # a deviation in percent is no difference of amounts
        against = header.split("afvig", 1)[1]
        word = "oprindelig" if "opr" in against else "korrigeret" if "kor" in against else None
        subtrahend = next((i for i, h in enumerate(values) if word and word in h and "afvig" not in h), None)
        if subtrahend is not None:
            deviations.append(Deviation(index, minuend, subtrahend))
    return tuple(deviations)


def _is_top_level(row: TableRow) -> bool:
    return _squash(row.label) in TOP_LEVEL_LABELS


def _is_result(row: TableRow) -> bool:
    label = _squash(row.label)
    return label.startswith(RESULT_LABELS) or "resultat" in label


def _has_numbers(row: TableRow) -> bool:
    return any(is_number(v) for v in row.values)


def rows_to_sums(rows: tuple[TableRow, ...]) -> tuple[SumRow, ...]:
    """The "i alt" rows and result rows of a table, with the rows each adds up."""
    sums: list[SumRow] = []
    levels: list[int] = []  # rows a result row adds up: top-level rows and sums
    loose: list[int] = []  # rows after the last of those that no sum took ("Renter" before "Resultat")
    for index, row in enumerate(rows):
        if not _has_numbers(row):
            continue
        if _is_result(row):
            if levels:
                sums.append(SumRow(index, tuple(levels + loose), _stated_columns(row), RULE_SUM))
            levels, loose = [index], []
            continue
        if _SUM_LABEL.search(row.label):
            parts = []
            for before in range(index - 1, -1, -1):
                other = rows[before]
                if before in levels or _is_top_level(other) or _is_result(other):
                    break
                if _has_numbers(other):
                    parts.append(before)
            if parts:
                sums.append(SumRow(index, tuple(reversed(parts)), _stated_columns(row), RULE_SUM))
                levels = [i for i in levels if i not in parts] + [index]
                loose = [i for i in loose if i not in parts]
            else:  # "Drift i alt" with no rows above it: a total of its own, never a part of "Anlæg i alt" below
                levels.append(index)
            continue
        if _is_top_level(row):
            levels.append(index)
            loose = []
        elif levels:
            loose.append(index)
    return tuple(sums)


def rows_to_bridge(rows: tuple[TableRow, ...]) -> SumRow | None:
    """ "Oprindeligt budget", the changes, "Korrigeret budget": the last is the first plus the changes."""
    if len(rows) < 3:
        return None
    first, last = rows[0], rows[-1]
    if not (_squash(first.label).startswith("oprindeligtbudget") and _squash(last.label).startswith("korrigeretbudget")):
        return None
    columns = tuple(i for i, (a, b) in enumerate(zip(first.values, last.values)) if is_number(a) and is_number(b))
    if not columns:
        return None
    return SumRow(len(rows) - 1, tuple(range(len(rows) - 1)), columns, RULE_BRIDGE)


def _stated_columns(row: TableRow) -> tuple[int, ...]:
    return tuple(i for i, v in enumerate(row.values) if is_number(v))


def _decimals(value: Number) -> int:
    exponent = Decimal(repr(value)).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def table_to_plan(table: MinutesTable) -> TablePlan:
    width = max((len(r.values) for r in table.rows), default=0)
    deviations = headers_to_deviations(table.headers) if table.headers else ()
    bridge = rows_to_bridge(table.rows)
    sums = (bridge,) if bridge else rows_to_sums(table.rows)
    amount_columns = {d.column for d in deviations} | {d.minuend for d in deviations} | {
        d.subtrahend for d in deviations} | {c for s in sums for c in s.columns}
    decimals = max((_decimals(v) for r in table.rows for i, v in enumerate(r.values)
                    if i in amount_columns and is_number(v)), default=0)
    return TablePlan(table, width, min(decimals, 4), deviations, sums)
