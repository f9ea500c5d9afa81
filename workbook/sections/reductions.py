"""The reduction-list section: center blocks with live totals and percentages, and committee sheets.

Per center block: one row per reduction (amounts by year, the budget base, the
reduction in percent as a formula beside the percentage the source states), a
total row of SUM formulas, the total the source states and the difference. Each
committee (udvalg) gets a sheet whose figures are SUMIFS over the center blocks.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from budgetbook.model import ImportResult, Number, Provenance
from budgetbook.records.reduction import ReductionLine, StatedTotals
from workbook import formulas as fx
from workbook.layout import Check, SheetLayout, Style, table_over
from workbook.sections import Block, Trace
from workbook.sheet_names import committee_sheet_names

KIND = "reduction_list"
AMOUNT_TOLERANCE = 0.5  # amounts are whole 1.000 kr.: half a unit is rounding, one unit is not
PCT_TOLERANCE = 0.0005 + 1e-9  # the sources print percentages with one decimal (0,4%)
USER_COLUMNS = ("Status", "Kommentar", "Beslutning")


@dataclass(frozen=True)
class _Columns:
    years: tuple[str, ...]

    @property
    def labels(self) -> list[str]:
        return (["Nr.", "Bevillingstekst", "Udvalg", "Overskrift", "Forklaring"]
                + [f"{y} (1.000 kr.)" for y in self.years]
                + ["Budget (1.000 kr.)", "Reduktion (pct)", "Pct. i kilden", "Kilde", "Nøgle", *USER_COLUMNS])

    def year(self, year: str) -> int:
        return 6 + self.years.index(year)

    @property
    def base(self) -> int:
        return 6 + len(self.years)

    @property
    def pct(self) -> int:
        return self.base + 1

    @property
    def pct_stated(self) -> int:
        return self.base + 2

    @property
    def source(self) -> int:
        return self.base + 3

    @property
    def key(self) -> int:
        return self.base + 4

    @property
    def last(self) -> int:
        return self.key + len(USER_COLUMNS)


def proposal_key(line: ReductionLine) -> str:
    """A stable key for a reduction: the same proposal keeps it when a list is re-exported."""
    basis = "|".join([line.bevilling or "", line.center, line.udvalg, line.overskrift]).lower()
    return "R-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def source_text(where: Provenance) -> str:
    return where.describe()


class ReductionSection:
    title = "Reduktioner"
    saving_sign = 1  # the lists write a reduction of 100 as 100

    def __init__(self, results: list[ImportResult]) -> None:
        self.results = [r for r in results if r.kind == KIND]
        self.lines: list[ReductionLine] = [line for r in self.results for line in r.records]  # type: ignore[misc]
        self._years = sorted({y for line in self.lines for y in line.amounts}
                             | {y for r in self.results for y in _stated(r).hovedtotal})
        self.columns = _Columns(tuple(self._years))
        self.by_center: dict[str, list[ReductionLine]] = defaultdict(list)
        for line in self.lines:
            self.by_center[line.center].append(line)
        self.udvalg_ranges: dict[str, tuple[str, int, int]] = {}  # center -> (sheet, first, last)
        self.udvalg_totals: dict[str, dict[str, str]] = {}  # udvalg -> year -> total cell

    def years(self) -> list[str]:
        return list(self._years)

    def has_content(self) -> bool:
        return bool(self.centers())

    def centers(self) -> list[str]:
        return list(self.by_center)

    def center_block(self, sheet: SheetLayout, center: str, top: int) -> Block:
        cols = self.columns
        sheet.put(top, 1, "Reduktionsliste", Style.NOTE)
        header = top + 1
        sheet.put_row(header, list(cols.labels), Style.HEADER)
        first = header + 1
        block = Block(top, top, header)
        lines = self.by_center[center]
        for offset, line in enumerate(lines):
            row = first + offset
            self._put_line(sheet, row, line, block)
        last = first + len(lines) - 1
        sheet.tables.append(table_over(sheet.name, "Reduktioner", header, last, cols.last))
        total_row = last + 1
        sheet.put(total_row, 1, "Total", Style.TOTAL_LABEL)
        for year in cols.years:
            col = cols.year(year)
            block.totals[year] = sheet.put(total_row, col, fx.sum_range(first, last, col), Style.TOTAL_AMOUNT)
        self._put_stated(sheet, center, total_row, block)
        self.udvalg_ranges[center] = (sheet.name, first, last)
        return block

    def _put_line(self, sheet: SheetLayout, row: int, line: ReductionLine, block: Block) -> None:
        cols = self.columns
        sheet.put(row, 1, line.bevilling, Style.TEXT)
        sheet.put(row, 2, line.bevillingstekst, Style.WRAP)
        sheet.put(row, 3, line.udvalg, Style.TEXT)
        sheet.put(row, 4, line.overskrift, Style.WRAP)
        sheet.put(row, 5, line.forklaring, Style.WRAP)
        for year in cols.years:
            sheet.put(row, cols.year(year), line.amounts.get(year), Style.AMOUNT)
        sheet.put(row, cols.base, line.budget_base, Style.AMOUNT)
        base_year = self._base_year()
        if base_year is not None:
            numerator = fx.ref(row, cols.year(base_year))
            pct_ref = sheet.put(row, cols.pct, fx.ratio(numerator, fx.ref(row, cols.base)), Style.PCT)
            if line.pct_stated is not None:
                block.checks.append(Check(sheet.name, pct_ref, line.pct_stated / 100, "pct",
                                          f"Reduktion i pct. for '{line.overskrift}'", line.provenance, PCT_TOLERANCE))
        stated = None if line.pct_stated is None else line.pct_stated / 100
        sheet.put(row, cols.pct_stated, stated, Style.PCT)
        sheet.put(row, cols.source, source_text(line.provenance), Style.TEXT)
        key = proposal_key(line)
        sheet.put(row, cols.key, key, Style.TEXT)
        block.rows.append((row, key, line.provenance))

    def _base_year(self) -> str | None:
        """The year the percentage is of: the first year column (the lists state it against that budget)."""
        return self._years[0] if self._years else None

    def _put_stated(self, sheet: SheetLayout, center: str, total_row: int, block: Block) -> None:
        stated, where = self._stated_center(center)
        cols = self.columns
        stated_row, diff_row = total_row + 1, total_row + 2
        label = f"Total i kilden ({where.describe()})" if where else "Total i kilden (ikke angivet)"
        sheet.put(stated_row, 1, label, Style.NOTE)
        sheet.put(diff_row, 1, "Afvigelse", Style.NOTE)
        for year in cols.years:
            col = cols.year(year)
            value = stated.get(year) if stated is not None else None
            sheet.put(stated_row, col, value, Style.STATED)
            sheet.put(diff_row, col, fx.difference(block.totals[year], fx.ref(stated_row, col)), Style.STATED)
            if value is not None and where is not None:
                block.checks.append(Check(sheet.name, block.totals[year], value, "center_total",
                                          f"{center} total {year}", where, AMOUNT_TOLERANCE))
        block.bottom = diff_row

    def _stated_center(self, center: str) -> tuple[dict[str, Number] | None, Provenance | None]:
        """The center's stated totals, added up over the lists that have rows for it."""
        total: dict[str, Number] = {}
        where = None
        for result in self.results:
            if not any(line.center == center for line in result.records):  # type: ignore[attr-defined]
                continue
            stated = _stated(result)
            if center not in stated.centers:
                return None, None
            for year, value in stated.centers[center].items():
                total[year] = total.get(year, 0) + value
            where = where or stated.provenance.get(center)
        return (total, where) if where else (None, None)

    def stated_hovedtotal(self) -> tuple[dict[str, Number], Provenance | None]:
        total: dict[str, Number] = {}
        where = None
        for result in self.results:
            stated = _stated(result)
            for year, value in stated.hovedtotal.items():
                total[year] = total.get(year, 0) + value
            where = where or stated.provenance.get("Hovedtotal")
        return total, where

    def udvalg_names(self) -> list[str]:
        return sorted({line.udvalg for line in self.lines if line.udvalg})

    def extra_sheets(self, center_blocks: dict[str, Block]) -> tuple[list[SheetLayout], list[Check], list[Trace]]:
        """One sheet per committee: per center, SUMIFS over the center's block (totals in `udvalg_totals`)."""
        sheets, totals = [], self.udvalg_totals
        cols = self.columns
        names = committee_sheet_names(self.udvalg_names())
        for udvalg, name in names.items():
            sheet = SheetLayout(name, "Udvalg", freeze="B5", print_rows="4:4")
            sheet.put(1, 1, f"Udvalg: {udvalg}", Style.TITLE)
            sheet.put(2, 1, "Udvalg", Style.NOTE)
            criterion = fx.criterion(udvalg, fx.ref(2, 2, absolute=True))
            sheet.put(2, 2, udvalg, Style.TEXT)
            sheet.put_row(4, ["Center"] + [f"{y} (1.000 kr.)" for y in cols.years], Style.HEADER)
            centers = sorted({line.center for line in self.lines if line.udvalg == udvalg})
            row = 4
            for row, center in enumerate(centers, start=5):
                home, first, last = self.udvalg_ranges[center]
                sheet.put(row, 1, center, Style.TEXT)
                for year in cols.years:
                    col = cols.year(year)
                    sheet.put(row, 1 + 1 + cols.years.index(year), fx.sumifs(
                        fx.area(first, last, col, home, absolute=True),
                        (fx.area(first, last, 3, home, absolute=True), criterion)), Style.AMOUNT)
            sheet.tables.append(table_over(sheet.name, "Centre", 4, row, 1 + len(cols.years)))
            total_row = row + 1
            sheet.put(total_row, 1, "Total", Style.TOTAL_LABEL)
            totals[udvalg] = {}
            for index, year in enumerate(cols.years):
                col = 2 + index
                totals[udvalg][year] = fx.ref(total_row, col, sheet.name)
                sheet.put(total_row, col, fx.sum_range(5, row, col), Style.TOTAL_AMOUNT)
            sheets.append(sheet)
        return sheets, [], []


def _stated(result: ImportResult) -> StatedTotals:
    stated = result.stated_totals
    assert isinstance(stated, StatedTotals)
    return stated

