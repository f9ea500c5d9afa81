"""A list's header row: which cell holds which role, read through the vocabulary (`lists.columns`).

A header names at least a title column and one year column ("2025", "B2025", "2025 (1.000 kr.)",
"Overslagsår 2026", "Besparelse 2023"); every other role is optional: number (Nr., Bevilling,
Løbenr.), center/area, udvalg, explanation, budget ("Budget 2025"), percentage, a period total
("I alt 2021-2024"). Where years are the only thing named, the text column left of them is the
title column, and a word standing in it is the area the rows below belong to (Kolding's
"Børneområdet | 2018 | 2019 | ..."). "Budget 2025" is the budget the percentage is of when the
header also has year columns, and a year column when it has none.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

from importers.cleanup import one_line
from importers.numbers import is_number
from importers.readers import Cell
from importers.vocabulary import Vocabulary
from importers.year_columns import may_name_a_year

COLUMNS = "lists.columns"
TEXT_ROLES = ("number", "bevillingstekst", "center", "udvalg", "title", "explanation")
AMOUNT_ROLES = ("budget", "pct", "period_total")
# The column roles -> the fields of a `ReductionLine` they fill.
FIELDS = {"number": "nr", "bevillingstekst": "bevillingstekst", "center": "center", "udvalg": "udvalg",
          "title": "overskrift", "explanation": "forklaring", "budget": "budget_base", "pct": "pct_stated",
          "period_total": "period_total"}


@dataclass(frozen=True)
class Columns:
    """Which cell index holds which role, read from one header line."""

    index: dict[str, int]  # role -> cell index (TEXT_ROLES and AMOUNT_ROLES)
    years: dict[str, int]  # "2025" -> cell index of that year's amount
    labels: tuple[str, ...]  # the header's cells as one-line text
    base_year: str | None = None  # the year of the budget column ("Budget 2023")
    unit: str | None = None  # a unit role of common.units read from a year or budget header
    unit_label: str = ""  # the header cell it was read from
    saving_label: str = ""  # a year header that says its amounts are savings ("Besparelse 2023")
    cost_label: str = ""  # ... or costs ("Merudgift 2023")
    area: str = ""  # the word in an inferred title column's header: an area heading
    title_inferred: bool = False  # no column is called a title: the text column left of the years is
    unused: tuple[str, ...] = field(default=())  # header words no role was found for ("Styringsområde")
    misprint: str = ""  # a year printed twice in a run of years, read as the year missing from the run

    def cell(self, cells: Sequence[Cell], role: str) -> Cell:
        i = self.index.get(role)
        return cells[i] if i is not None and i < len(cells) else None

    def text(self, cells: Sequence[Cell], role: str) -> str:
        return one_line(self.cell(cells, role))

    @functools.cached_property
    def amount_columns(self) -> frozenset[int]:
        return frozenset(self.years.values()) | {self.index[r] for r in AMOUNT_ROLES if r in self.index}

    def describe(self) -> str:
        """The roles as `extract --explain` shows them: "Nr.=nr, Overskrift=overskrift, 2023=year 2023, ..."."""
        parts = []
        for i, label in enumerate(self.labels):
            role = next((r for r, j in self.index.items() if j == i), None)
            year = next((y for y, j in self.years.items() if j == i), None)
            if year is not None:
                parts.append(f"{label}=year {year}")
            elif role == "title" and self.title_inferred:
                area = f"; '{self.area}' is the area of the rows below" if self.area else ""
                parts.append(f"{label or '(blank)'}=overskrift (no column is called a title: the text left of the "
                             f"years{area})")
            elif role is not None:
                parts.append(f"{label}={FIELDS[role]}")
            elif label:
                parts.append(f"{label}=not read")
        return ", ".join(parts)


def header_to_columns(cells: Sequence[Cell], vocabulary: Vocabulary, *, infer_title: bool = True) -> Columns | None:
    """The column roles of a header line, or None when the line is no header. `infer_title=False` for a
    PDF text line, whose cells are gaps between words: only a column the vocabulary names is a title there."""
    if len(cells) < 2 or not may_name_a_year(cells):
        return None  # every header names a year column
    labels = tuple(one_line(c) for c in cells)
    index: dict[str, int] = {}
    years: dict[str, int] = {}
    budgets: dict[str, int] = {}  # "Budget 2025" columns by year
    unit, unit_label, saving, cost = None, "", "", ""
    unused: list[str] = []
    repeated: list[tuple[int, int]] = []  # (cell index, year) of a year printed a second time
    for i, text in enumerate(labels):
        if not text:
            continue
        hit = vocabulary.match(COLUMNS, text)
        if hit is None:
            unused.append(text)
            continue
        if hit.role == "year":
            year = str(hit.values["year"])
            if year in years:
                repeated.append((i, int(year)))
                continue
            years[year] = i
            sign = vocabulary.search("common.signs", text)
            if sign is not None and sign.role == "saving":
                saving = saving or text
            elif sign is not None and sign.role == "cost":
                cost = cost or text
        elif hit.role == "budget" and "year" in hit.values:
            budgets[str(hit.values["year"])] = i
        elif hit.role not in index:
            index[hit.role] = i
        if "units" in hit.values and unit is None:
            unit, unit_label = str(hit.values["units"]), text
    misprint = ""
    if repeated:
        misprint = _misprinted_year(years, repeated) if "title" in index else ""
        if not misprint:
            return None  # a year twice: a row of figures, not a header
        years = dict(sorted(years.items(), key=lambda year: year[1]))
    base_year = None
    if not years and len(budgets) >= 2:
        years = budgets  # "Budget 2025 | Budget 2026 | ...": the budgets are the year columns
    elif budgets:
        base_year, index["budget"] = next(iter(budgets.items()))
    if not years:
        return None
    area, inferred = "", False
    if "title" not in index and "center" in index and not any(r in index for r in TEXT_ROLES if r != "center"):
        # "Område | 2020 (mio. kr.)": the areas are what the list proposes to take the amounts from
        index["title"] = index.pop("center")
    if "title" not in index:
        first_year = min(years.values())
        candidates = [i for i in range(first_year) if i not in index.values()]
        if not infer_title or not candidates or len(years) < 2 or any(is_number(u) for u in unused):
            return None  # one year, or figures beside it: a row of the table, not its header
        if any(role in index for role in TEXT_ROLES):
            return None  # a header that names its other columns but not its titles: a profile names it
        index["title"], inferred = candidates[0], True
        area = labels[index["title"]]
        if area in unused:
            unused.remove(area)
        if area and vocabulary.search("common.units", area):
            unit = unit or str(vocabulary.search("common.units", area).role)  # type: ignore[union-attr]
            unit_label, area = unit_label or area, ""
    return Columns(index, years, labels, base_year, unit, unit_label, saving, cost, area, inferred, tuple(unused),
                   misprint)


def _misprinted_year(years: dict[str, int], repeated: list[tuple[int, int]]) -> str:
    """Hørsholm's "2020 | 2021 | 2020 | 2023": one year printed again where the run of consecutive years
    has a gap of one. The column is read as the missing year (added to `years`); what was done is returned,
    for a warning. Anything else (two repeats, no gap to fill) is no header."""
    if len(repeated) != 1:
        return ""
    column, printed = repeated[0]
    by_column = sorted([(i, int(y)) for y, i in years.items()] + [(column, None)])  # type: ignore[list-item]
    at = by_column.index((column, None))
    if not 0 < at < len(by_column) - 1:
        return ""
    before, after = by_column[at - 1][1], by_column[at + 1][1]
    others = [y for _, y in by_column if y is not None]
    if after != before + 2 or str(before + 1) in years or others != sorted(others):  # type: ignore[operator]
        return ""
    years[str(before + 1)] = column  # type: ignore[operator]
    return (f"The header prints {printed} twice; the column between {before} and {after} is read as "
            f"{before + 1}")  # type: ignore[operator]
