"""The reduction-list section: center blocks with live totals and percentages, and committee sheets.

Per center block: one row per proposal (amounts by year, the budget base, the reduction in percent
as a formula beside the percentage the source states), a total row of SUM formulas, the total the
source states and the difference, and the source's target for the group where it prints one. Each
committee (udvalg) gets a sheet whose figures are SUMIFS over the center blocks.

Every list is brought to one unit and one sign: 1.000 kr., a saving counted positive. Each row
says how its list writes amounts ("Enhed i kilden": "kr.; besparelser som negative tal") and the
factor that converts them ("Omregning": 0,001, -1, 1000); a converted amount is the formula
`printed * factor`, so the figure as printed stays visible. Stated totals and targets are converted
the same way before they are added, so lists in different units are never added unconverted.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from budgetbook.committee_identity import NO_COMMITTEES, Identity
from budgetbook.model import ImportResult, Number, Provenance
from budgetbook.records.reduction import DEFAULT_DOCUMENT, REDUCTIONS, ListDocument, ReductionLine, StatedTotals
from workbook import formulas as fx
from workbook.layout import Check, Formula, SheetLayout, Style, table_over
from workbook.sections import Block, Trace
from workbook.sections.other_tables import SHEET as OTHER_TABLES
from workbook.sections.other_tables import other_tables_sheet
from workbook.sheet_names import committee_sheet_names

KIND = "reduction_list"
HOVEDTOTAL = "Hovedtotal"
AMOUNT_TOLERANCE = 0.5  # amounts are whole 1.000 kr.: half a unit is rounding, one unit is not
PCT_TOLERANCE = 0.0005 + 1e-9  # the sources print percentages with one decimal (0,4%)
USER_COLUMNS = ("Status", "Kommentar", "Beslutning")
UNIT_LABEL = "Enhed i kilden"
FACTOR_LABEL = "Omregning"


@dataclass(frozen=True)
class _Columns:
    years: tuple[str, ...]
    period: bool  # a column for the period total ("I alt 2021-2024") some list prints per row

    @property
    def labels(self) -> list[str]:
        return (["Nr.", "Bevillingstekst", "Udvalg", "Overskrift", "Forklaring"]
                + [f"{y} (1.000 kr.)" for y in self.years] + (["I alt (1.000 kr.)"] if self.period else [])
                + ["Budget (1.000 kr.)", "Reduktion (pct)", "Pct. i kilden", UNIT_LABEL, FACTOR_LABEL, "Kilde",
                   "Nøgle", *USER_COLUMNS])

    def year(self, year: str) -> int:
        return 6 + self.years.index(year)

    @property
    def period_total(self) -> int:
        return 6 + len(self.years)

    @property
    def base(self) -> int:
        return 6 + len(self.years) + self.period

    @property
    def pct(self) -> int:
        return self.base + 1

    @property
    def pct_stated(self) -> int:
        return self.base + 2

    @property
    def unit(self) -> int:
        return self.base + 3

    @property
    def factor(self) -> int:
        return self.base + 4

    @property
    def source(self) -> int:
        return self.base + 5

    @property
    def key(self) -> int:
        return self.base + 6

    @property
    def last(self) -> int:
        return self.key + len(USER_COLUMNS)


def proposal_key(line: ReductionLine) -> str:
    """A stable key for a reduction: the same proposal keeps it when a list is re-exported."""
    basis = "|".join([line.nr or "", line.center, line.udvalg, line.overskrift]).lower()
    return "R-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def source_text(where: Provenance) -> str:
    return where.describe()


def document_of(result: ImportResult) -> ListDocument:
    document = result.document
    return document if isinstance(document, ListDocument) else DEFAULT_DOCUMENT


def unit_text(document: ListDocument) -> str:
    return f"{document.unit}; besparelser som {'positive' if document.savings_sign > 0 else 'negative'} tal"


class ReductionSection:
    title = "Reduktioner"
    saving_sign = 1  # every list is converted so that a reduction of 100 is 100

    def __init__(self, results: list[ImportResult], identity: Identity | None = None) -> None:
        self.results = [r for r in results if r.kind == KIND]
        every_line: list[ReductionLine] = [line for r in self.results for line in r.records]  # type: ignore[misc]
        self.lines = [line for line in every_line if line.table == REDUCTIONS]  # other tables: `other_tables`
        self.identity = identity or NO_COMMITTEES.identify(line.udvalg for line in self.lines)
        self._document = {id(line): document_of(r) for r in self.results for line in r.records}
        self._origin = {id(line): index for index, r in enumerate(self.results) for line in r.records}
        self._years = sorted({y for line in every_line for y in line.amounts}
                             | {y for r in self.results for y in _stated(r).hovedtotal})
        self.columns = _Columns(tuple(self._years), any(line.period_total is not None for line in self.lines))
        self.by_center: dict[str, list[ReductionLine]] = defaultdict(list)
        for line in self.lines:
            self.by_center[line.center].append(line)
        for lines in self.by_center.values():
            lines.sort(key=lambda line: self._origin[id(line)])  # each list's rows together in a block
        self.udvalg_ranges: dict[str, tuple[str, int, int]] = {}  # center -> (sheet, first, last)
        self.udvalg_totals: dict[str, dict[str, str]] = {}  # udvalg -> year -> total cell
        self.document_rows: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self._block_rows: dict[tuple[str, str], list[tuple[int, ReductionLine]]] = {}

    def years(self) -> list[str]:
        return list(self._years)

    def has_content(self) -> bool:
        return bool(self.centers()) or len(self.lines) < sum(len(r.records) for r in self.results)

    def centers(self) -> list[str]:
        return list(self.by_center)

    def document(self, line: ReductionLine) -> ListDocument:
        return self._document.get(id(line), DEFAULT_DOCUMENT)

    # -- a center's block ------------------------------------------------------------------

    def center_block(self, sheet: SheetLayout, center: str, top: int) -> Block:
        cols = self.columns
        lines = self.by_center[center]
        sheet.put(top, 1, "Reduktionsliste: " + "; ".join(
            f"{r.source.path} ({unit_text(document_of(r))})" for r in self._results_of(center)), Style.NOTE)
        header = top + 1
        sheet.put_row(header, list(cols.labels), Style.HEADER)
        first = header + 1
        block = Block(top, top, header)
        for offset, line in enumerate(lines):
            self._put_line(sheet, first + offset, line, block)
        self._block_rows[(sheet.name, center)] = [(first + offset, line) for offset, line in enumerate(lines)]
        last = first + len(lines) - 1
        self._note_document_rows(sheet.name, lines, first)
        sheet.tables.append(table_over(sheet.name, "Reduktioner", header, last, cols.last))
        total_row = last + 1
        sheet.put(total_row, 1, "Total", Style.TOTAL_LABEL)
        for year in cols.years:
            col = cols.year(year)
            block.totals[year] = sheet.put(total_row, col, fx.sum_range(first, last, col), Style.TOTAL_AMOUNT)
        bottom = self._put_stated(sheet, center, total_row, block)
        block.bottom = self._put_target(sheet, center, bottom, block)
        self.udvalg_ranges[center] = (sheet.name, first, last)
        return block

    def _results_of(self, center: str) -> list[ImportResult]:
        return [r for r in self.results
                if any(line.center == center and line.table == REDUCTIONS for line in r.records)]  # type: ignore[attr-defined]

    def _put_line(self, sheet: SheetLayout, row: int, line: ReductionLine, block: Block) -> None:
        cols = self.columns
        document = self.document(line)
        factor = document.factor
        factor_ref = fx.ref(row, cols.factor)
        sheet.put(row, 1, line.nr, Style.TEXT)
        sheet.put(row, 2, line.bevillingstekst, Style.WRAP)
        sheet.put(row, 3, self.udvalg_of(line), Style.TEXT)
        sheet.put(row, 4, line.overskrift, Style.WRAP)
        sheet.put(row, 5, line.forklaring, Style.WRAP)
        amount_style = Style.DECIMAL if document.decimals or abs(factor) < 1 else Style.AMOUNT
        for year in cols.years:
            sheet.put(row, cols.year(year), _converted(line.amounts.get(year), factor, factor_ref), amount_style)
        if cols.period:
            self._put_period_total(sheet, row, line, document, block)
        base = line.budget_base
        sheet.put(row, cols.base, _converted(base, abs(factor), f"ABS({factor_ref})"), amount_style)
        base_year = document.base_year or self._base_year()
        if base_year in cols.years:
            numerator = fx.ref(row, cols.year(base_year))
            pct_ref = sheet.put(row, cols.pct, fx.ratio(numerator, fx.ref(row, cols.base)), Style.PCT)
            if line.pct_stated is not None:
                block.checks.append(Check(sheet.name, pct_ref, line.pct_stated / 100 * document.savings_sign, "pct",
                                          f"Reduktion i pct. for '{line.overskrift}'", line.provenance, PCT_TOLERANCE))
        stated = None if line.pct_stated is None else line.pct_stated / 100
        sheet.put(row, cols.pct_stated, stated, Style.PCT)
        sheet.put(row, cols.unit, unit_text(document), Style.TEXT)
        sheet.put(row, cols.factor, factor, Style.TEXT)
        note = self.identity.note(line.udvalg, line.center)
        sheet.put(row, cols.source, source_text(line.provenance) + (f"; {note}" if note else ""), Style.TEXT)
        key = proposal_key(line)
        sheet.put(row, cols.key, key, Style.TEXT)
        block.rows.append((row, key, line.provenance))

    def _put_period_total(self, sheet: SheetLayout, row: int, line: ReductionLine, document: ListDocument,
                          block: Block) -> None:
        cols = self.columns
        first, last = cols.year(cols.years[0]), cols.year(cols.years[-1])
        total = sheet.put(row, cols.period_total, fx.Formula(f"SUM({fx.ref(row, first)}:{fx.ref(row, last)})"),
                          Style.DECIMAL if document.decimals else Style.AMOUNT)
        if line.period_total is not None:
            block.checks.append(Check(sheet.name, total, line.period_total * document.factor, "period_total",
                                      f"I alt for '{line.overskrift}'", line.provenance,
                                      document.tolerance * len(cols.years)))

    def _note_document_rows(self, sheet: str, lines: list[ReductionLine], first: int) -> None:
        """Remember, per list and year, the range its rows fill on this sheet (the rows stand together)."""
        spans: dict[int, list[int]] = defaultdict(list)
        for offset, line in enumerate(lines):
            spans[self._origin[id(line)]].append(first + offset)
        for origin, rows in spans.items():
            for year in self.columns.years:
                col = self.columns.year(year)
                self.document_rows[origin][year].append(fx.area(min(rows), max(rows), col, sheet))

    def _base_year(self) -> str | None:
        """The year a percentage is of where its list does not say: the first year column."""
        return self._years[0] if self._years else None

    # -- what the sources state ------------------------------------------------------------

    def _put_stated(self, sheet: SheetLayout, center: str, total_row: int, block: Block) -> int:
        stated, where, tolerance = self._stated_center(center)
        cols = self.columns
        stated_row, diff_row = total_row + 1, total_row + 2
        label = f"Total i kilden ({where.describe()})" if where else "Total i kilden (ikke angivet)"
        sheet.put(stated_row, 1, label, Style.NOTE)
        sheet.put(diff_row, 1, "Afvigelse", Style.NOTE)
        for year in cols.years:
            col = cols.year(year)
            pairs = stated.get(year) if stated is not None else None
            sheet.put(stated_row, col, _sum_of_converted(pairs), Style.STATED)
            sheet.put(diff_row, col, fx.difference(block.totals[year], fx.ref(stated_row, col)), Style.STATED)
            if pairs and where is not None:
                block.checks.append(Check(sheet.name, block.totals[year], _value(pairs), "center_total",
                                          f"{center} total {year}", where, tolerance))
        return self._put_stated_per_list(sheet, center, diff_row, block) if stated is None else diff_row

    def _put_stated_per_list(self, sheet: SheetLayout, center: str, below: int, block: Block) -> int:
        """Where only some of the lists with rows here state this center's total, each is held against
        its own rows (they stand together in the block): "Heraf <file>" beside "Total i kilden"."""
        cols, row = self.columns, below
        for result in self._results_of(center):
            stated, document = _stated(result), document_of(result)
            where = stated.provenance.get(center)
            if center not in stated.centers or where is None:
                continue
            origin = next(i for i, r in enumerate(self.results) if r is result)
            own = [r for r, line in self._block_rows[(sheet.name, center)] if self._origin[id(line)] == origin]
            part_row, stated_row, row = row + 1, row + 2, row + 2
            sheet.put(part_row, 1, f"Heraf {result.source.path}", Style.NOTE)
            sheet.put(stated_row, 1, f"Total i kilden ({where.describe()})", Style.NOTE)
            for year in cols.years:
                col = cols.year(year)
                part = sheet.put(part_row, col, fx.sum_range(min(own), max(own), col), Style.STATED)
                value = stated.centers[center].get(year)
                if value is None:
                    continue
                sheet.put(stated_row, col, _sum_of_converted([(value, document.factor)]), Style.STATED)
                block.checks.append(Check(sheet.name, part, value * document.factor, "center_total",
                                          f"{center} total {year} i {result.source.path}", where, document.tolerance))
        return row

    def _stated_center(self, center: str) -> tuple[dict[str, list[tuple[Number, float]]] | None,
                                                    Provenance | None, float]:
        """The center's stated totals as (printed, factor) pairs per year, over the lists that have rows
        for it; None when one of them states no total for it."""
        total: dict[str, list[tuple[Number, float]]] = defaultdict(list)
        where, tolerance = None, 0.0
        for result in self._results_of(center):
            stated, document = _stated(result), document_of(result)
            if center not in stated.centers:
                return None, None, 0.0
            for year, value in stated.centers[center].items():
                total[year].append((value, document.factor))
            where = where or stated.provenance.get(center)
            tolerance = max(tolerance, document.tolerance)
        return (dict(total), where, tolerance) if where else (None, None, 0.0)

    def _put_target(self, sheet: SheetLayout, center: str, bottom: int, block: Block) -> int:
        """The group's target ("Sparekrav ved 0,3%"), converted, and the proposals held against it."""
        found = [(r, _stated(r)) for r in self._results_of(center) if center in _stated(r).targets]
        if not found:
            return bottom
        row = bottom + 1
        label = found[0][1].target_labels.get(center, "Mål")
        where = found[0][1].target_provenance.get(center)
        sheet.put(row, 1, f"{label} i kilden ({where.describe() if where else 'ikke angivet'})", Style.NOTE)
        tolerance = max(document_of(r).tolerance for r, _ in found)
        for year in self.columns.years:
            pairs = [(s.targets[center][year], document_of(r).factor) for r, s in found if year in s.targets[center]]
            if not pairs:
                continue
            sheet.put(row, self.columns.year(year), _sum_of_converted(pairs), Style.STATED)
            if where is not None:
                block.checks.append(Check(sheet.name, block.totals[year], _value(pairs), "target",
                                          f"{label}: {center}s forslag {year}", where, tolerance))
        return row

    def stated_hovedtotal(self) -> tuple[dict[str, Number], Provenance | None, float, dict[str, str]]:
        """The grand totals the lists state, converted and added per year; where; the tolerance; and the
        conversion as a formula per year (for the overview's 'Hovedtotal i kilden' row)."""
        pairs: dict[str, list[tuple[Number, float]]] = defaultdict(list)
        where, tolerance = None, 0.0
        for result in self.results:
            stated, document = _stated(result), document_of(result)
            for year, value in stated.hovedtotal.items():
                pairs[year].append((value, document.factor))
            if stated.hovedtotal:
                where = where or stated.provenance.get(HOVEDTOTAL)
                tolerance = max(tolerance, document.tolerance)
        return ({y: _value(p) for y, p in pairs.items()}, where, tolerance or AMOUNT_TOLERANCE,
                {y: _sum_of_converted(p) for y, p in pairs.items()})

    def document_targets(self) -> list[tuple[ImportResult, str, dict[str, list[str]]]]:
        """Each list that states a target for itself: the list, its target's label, and per year the
        ranges its proposals fill (the overview holds their sum against the target)."""
        return [(r, _stated(r).target_labels.get(HOVEDTOTAL, "Mål"), self.document_rows[index])
                for index, r in enumerate(self.results) if HOVEDTOTAL in _stated(r).targets]

    # -- committee sheets ------------------------------------------------------------------

    def udvalg_of(self, line: ReductionLine) -> str:
        """The committee of a row: the one its udvalg names, else the one declared for its center ("" for none)."""
        return self.identity.of(line.udvalg, line.center)

    def every_line_has_udvalg(self) -> bool:
        return all(self.udvalg_of(line) for line in self.lines)

    def udvalg_names(self) -> list[str]:
        return sorted({udvalg for line in self.lines if (udvalg := self.udvalg_of(line))})

    def unassigned_sum(self, year: str) -> Formula:
        """The rows of no committee in `year`: SUMIFS over every center block for a blank Udvalg."""
        col = self.columns.year(year)
        centers = sorted({line.center for line in self.lines if not self.udvalg_of(line)})
        parts = []
        for center in centers:
            home, first, last = self.udvalg_ranges[center]
            parts.append(fx.sumifs(fx.area(first, last, col, home, absolute=True),
                                   (fx.area(first, last, 3, home, absolute=True), '"="')).expr)
        return fx.sum_of(parts)

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
            centers = sorted({line.center for line in self.lines if self.udvalg_of(line) == udvalg})
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
        others, checks, traces = other_tables_sheet([(r, document_of(r)) for r in self.results], cols.years,
                                                    OTHER_TABLES, proposal_key)
        return sheets + ([others] if others else []), checks, traces


def _converted(value: Number | None, factor: float, factor_ref: str) -> object:
    """A figure as printed where no conversion is needed, else the formula `printed * factor`."""
    if value is None or value == 0 or factor == 1:
        return value
    return fx.scaled(value, factor_ref)


def _sum_of_converted(pairs: list[tuple[Number, float]] | None) -> object:
    if not pairs:
        return None
    if all(factor == 1 for _, factor in pairs):
        return sum(value for value, _ in pairs)
    return fx.products(pairs)


def _value(pairs: list[tuple[Number, float]]) -> float:
    total = sum(value * factor for value, factor in pairs)
    return round(total, 9) if isinstance(total, float) else total


def _stated(result: ImportResult) -> StatedTotals:
    stated = result.stated_totals
    assert isinstance(stated, StatedTotals)
    return stated
