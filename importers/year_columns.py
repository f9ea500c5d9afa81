"""The year columns of an amount table's header row: which cell holds which year, and the table's unit.

    | Beløb i hele 1.000 kr. | 2024 | 2025 | 2026 | 2027 |            plain years, the unit in the corner
    | 1.000 kr. (2025 p/l) | Styringsområde | 2025 | 2026 |          a text column between
    | Beløb i 1.000 kr. | B2025 | BO2026 | BO2027 | BO2028 |         budget and overslag years
    |  | 2026 (1.000 kr.) | 2027 (1.000 kr.) |                        the unit in every year cell
    | Mio. kr. | R-2023 | B-2024 | BF-2025 | BO-2026 |               accounts, budget, overslag
    | ... | 2029 | I alt 2026-2029 |                                  a period total, which is no year

The cells are read through the vocabulary group `forms.year_columns` (proposal forms and budget
remarks write their tables alike); a unit through `common.units`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from importers.cleanup import one_line
from importers.readers import Cell
from importers.vocabulary import Vocabulary

GROUP = "forms.year_columns"
UNITS = "common.units"
YEAR_ROLES = ("plain", "budget", "overslag", "regnskab")


@dataclass(frozen=True)
class YearColumn:
    index: int
    year: str
    role: str  # plain, budget, overslag or regnskab
    text: str  # the header cell as printed


@dataclass(frozen=True)
class YearHeader:
    """A header row's year columns (left to right), its period total column and its unit."""

    columns: tuple[YearColumn, ...]
    unit: str | None
    total_index: int | None = None

    @property
    def years(self) -> dict[str, int]:
        return {column.year: column.index for column in self.columns}

    def column_for(self, year: int | str | None) -> YearColumn:
        """The column of the budget year: that year if given and present, else the first budget
        column, else the first column that is no account ("R-2023")."""
        if year is not None:
            found = next((c for c in self.columns if c.year == str(year)), None)
            if found is not None:
                return found
        return next((c for c in self.columns if c.role == "budget"),
                    next((c for c in self.columns if c.role != "regnskab"), self.columns[0]))


_YEAR_LIKE = re.compile(r"(?<![\d.,])(?:19|20)\d{2}(?![\d.,])")


def may_name_a_year(cells: Sequence[Cell]) -> bool:
    """Whether any cell holds a year-like number ("2025", "B2025", "2025 (1.000 kr.)"): the cheap test
    before a line is read as a header; rows of amounts ("2.025", "12.500") fail it."""
    return any(_YEAR_LIKE.search(cell) if isinstance(cell, str) else
               isinstance(cell, (int, float)) and 1900 <= cell <= 2099 and float(cell).is_integer()
               for cell in cells)


def cells_to_year_header(cells: Sequence[Cell], vocabulary: Vocabulary) -> YearHeader | None:
    """The header's year columns, or None when no cell is a year. The unit is the one a cell names
    ("Beløb i hele 1.000 kr.", "2026 (1.000 kr.)"), or None."""
    if not may_name_a_year(cells):
        return None
    columns: list[YearColumn] = []
    total = None
    unit = None
    for index, cell in enumerate(cells):
        text = one_line(cell)
        if not text:
            continue
        hit = vocabulary.match(GROUP, text)
        if hit is not None and hit.role in YEAR_ROLES and "year" in hit.values:
            columns.append(YearColumn(index, str(hit.values["year"]), hit.role, text))
            unit = unit or _unit_of(hit.values.get("units"))
        elif hit is not None and hit.role == "period":
            total = index
        elif unit is None and (found := vocabulary.search(UNITS, text)) is not None:
            unit = found.role
    years = [c.year for c in columns]
    if not columns or len(set(years)) != len(years):
        return None
    return YearHeader(tuple(columns), unit, total)


def _unit_of(value: object) -> str | None:
    return value if isinstance(value, str) and value else None
