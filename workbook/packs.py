"""Committee packs: one workbook per committee (udvalg) from a built Budget.xlsx, and their manifest.

`build_packs(Budget.xlsx, out_dir)` reads the workbook back (`workbook.readback`), validates
it (`workbook.validate.validate_book`), and for each committee lays out a workbook with the
same machinery as the main one (`SheetLayout`, `write_workbook`: template, live formulas,
cached values, atomic save):

- "Forside": committee, budget year, date, the committee's totals (live links), the
  validation status and the findings it counts, and the sources (the Kilder sheet).
- one sheet per center the committee has rows in: only its rows, a Total row of SUMs;
- "Udvalg <name>": per center, SUMIFS over the pack's own rows, and the total;
- "Kontrol": the checks of its rows carried over from the main workbook, a check that its
  totals equal the main workbook's committee sheet, and the Sporbarhed (source line) of every row,
  so `budgetbook validate` works on a pack too.

The folder gets `packs.json` (the contract of `budgetbook.sending`), written atomically
after every pack is written.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from pathlib import Path

from openpyxl.utils.cell import get_column_letter

from budgetbook.file_names import safe_stem, unique_file_names
from budgetbook.files import FileLock, save_text
from budgetbook.findings import Finding, Severity
from budgetbook.model import Provenance
from budgetbook.progress import Progress, silent
from importers import kind_label
from templates import template_path
from workbook import formulas as fx
from workbook.build import OVERVIEW
from workbook.display import date_text
from workbook.engine import EvaluatedBook
from workbook.formula_parser import parse_ref
from workbook.kontrol import CHECKS, checks_sheet, read_checks  # the Kontrol sheet as the main workbook's
from workbook.layout import BookLayout, Check, Formula, SheetLayout, Style, table_over
from workbook.readback import (
    UDVALG_HEADER,
    BudgetBook,
    CenterBlock,
    committee_sheet,
    committee_sheets_of,
    read_budget,
)
from workbook.sections import Trace
from workbook.sections.reductions import AMOUNT_TOLERANCE
from workbook.sheet_names import unique_table_names
from workbook.validate import validate_book
from workbook.write_xlsx import fill_template, write_workbook
from workbook.xlsx_view import read_view

MANIFEST = "packs.json"
FRONT = "Forside"
FIRST_BLOCK_ROW = 4
BLOCK_GAP = 2
_YEAR_LABEL = re.compile(r"^(?:19|20)\d\d\b")


class Scope(str, Enum):
    """Why a finding of the main workbook concerns a committee (shown on the front sheet)."""

    ROW = "udvalgets række"
    CENTER = "total for et center, udvalget har rækker i"
    COMMITTEE = "udvalgets ark"
    BOOK = "hele projektmappen"
    PACK = "pakkens egen kontrol"


@dataclass(frozen=True)
class ScopedFinding:
    finding: Finding
    scope: Scope


@dataclass(frozen=True)
class PackResult:
    udvalg: str
    path: Path
    rows: int
    centers: int
    errors: int
    warnings: int
    sha256: str

    def to_json(self) -> dict[str, object]:
        return {"udvalg": self.udvalg, "file": self.path.name, "sha256": self.sha256,
                "errors": self.errors, "warnings": self.warnings}


@dataclass(frozen=True)
class PacksReport:
    workbook: Path
    out_dir: Path
    budget_year: str
    created: str
    packs: tuple[PackResult, ...]
    unassigned: tuple[tuple[str, int], ...]  # (sheet, row) of rows with no Udvalg, which are in no pack
    unassigned_areas: tuple[tuple[str, int], ...] = ()  # (area or "area; area", rows) of those rows, most first

    @property
    def manifest(self) -> Path:
        return self.out_dir / MANIFEST

    def to_json(self) -> dict[str, object]:
        return {"budget_year": self.budget_year, "created": self.created,
                "packs": [p.to_json() for p in self.packs]}

    def describe(self) -> str:
        lines = [f"{p.path}: {p.udvalg}, {p.rows} rows in {p.centers} centers, "
                 f"{p.errors} errors, {p.warnings} warnings" for p in self.packs]
        lines.append(f"{self.manifest}: {len(self.packs)} packs for budget year {self.budget_year} "
                     f"from {self.workbook.name}")
        if self.unassigned:
            lines.append(f"{len(self.unassigned)} rows have no Udvalg and are in no pack: "
                         + row_ranges(self.unassigned) + " (fill in the Udvalg column and run packs again)")
        single = [(area, rows) for area, rows in self.unassigned_areas if ";" not in area]
        several = [(area, rows) for area, rows in self.unassigned_areas if ";" in area]
        if single:
            example = ", ".join(f'"{area}"' for area, _ in single[:2])
            lines.append("To have build give them a committee, declare their areas under it in committees.toml (or "
                         f"budgetbook.toml) as areas = [{example}] and build again: "
                         + ", ".join(f"{area} ({rows})" for area, rows in single))
        if several:
            lines.append(f"{sum(rows for _, rows in several)} of them name areas of several committees, or none "
                         "declared: fill in their Udvalg, or declare one of their areas: "
                         + ", ".join(f"{area} ({rows})" for area, rows in several))
        return "\n".join(lines)


def row_ranges(rows: Sequence[tuple[str, int]]) -> str:
    """Rows as a reader scans them: "Katalog!A5:A62, CJS!A7" (consecutive rows of a sheet as one range,
    sheets in the order they come)."""
    by_sheet: dict[str, list[int]] = {}
    for sheet, row in rows:
        by_sheet.setdefault(sheet, []).append(row)
    runs: list[str] = []
    for sheet, numbers in by_sheet.items():
        first = last = None
        for row in [*sorted(set(numbers)), None]:
            if last is not None and row == last + 1:
                last = row
                continue
            if first is not None:
                runs.append(f"{sheet}!A{first}" + (f":A{last}" if last != first else ""))
            first = last = row
    return ", ".join(runs)


def build_packs(workbook_path: Path, out_dir: Path, progress: Progress | None = None) -> PacksReport:
    workbook_path, out_dir = Path(workbook_path), Path(out_dir)
    main = read_view(workbook_path)  # whatever program saved it: budgetbook, Excel or LibreOffice
    budget = read_budget(workbook_path, main)
    evaluated = EvaluatedBook(main)
    findings = validate_book(main, evaluated)
    main_totals = committee_totals(main, evaluated)
    main_checks = read_checks(main)
    # A pack is dated by the day its budget workbook was built, not by when the pack was made, and
    # holds nothing else that changes by itself: a committee whose part did not change gets the same
    # bytes again, and `budgetbook send` (which compares checksums) does not mail it twice.
    stamp = _build_day(main)
    created = stamp.date().isoformat()
    names = pack_file_names(budget.committees())
    # one packs run per folder at a time: the manifest's lock is held until it describes these files
    with FileLock(out_dir / MANIFEST, "budgetbook packs") as lock:
        packs = []
        tell = progress or silent
        tell("packs", 0, len(budget.committees()))
        for udvalg in budget.committees():
            scoped = findings_for(udvalg, findings, budget)
            layout = pack_layout(budget, udvalg, main_checks, main_totals.get(udvalg, {}))
            own = validate_book(fill_template(layout, template_path()))
            scoped += [ScopedFinding(f, Scope.PACK) for f in own]
            layout.sheets.insert(0, front_sheet(budget, udvalg, layout, scoped, created))
            layout.dated = stamp.date()
            path = write_workbook(layout, out_dir / names[udvalg], stamp=stamp)
            rows = sum(len(b.rows_of(udvalg)) for b in budget.blocks)
            centers = len({b.sheet for b in budget.blocks if b.rows_of(udvalg)})
            packs.append(PackResult(udvalg, path, rows, centers, _count(scoped, Severity.ERROR),
                                    _count(scoped, Severity.WARNING),
                                    hashlib.sha256(path.read_bytes()).hexdigest()))
            tell("packs", len(packs), len(budget.committees()))
        unassigned = tuple((r.sheet, r.row) for r in budget.rows_without_committee())
        areas = tuple(sorted(budget.unassigned_areas().items(), key=lambda item: (-item[1], item[0])))
        report = PacksReport(workbook_path, out_dir, budget.budget_year, created, tuple(packs), unassigned, areas)
        write_manifest(report, lock=lock)
    return report


def _build_day(book: object) -> datetime:
    """The day the budget workbook was built (its 'created' property, which validating keeps)."""
    properties = book.properties  # type: ignore[attr-defined]
    moment = properties.created or properties.modified or datetime(1980, 1, 1)
    return datetime(moment.year, moment.month, moment.day)


# --- file names -------------------------------------------------------------------------------

def pack_file_name(udvalg: str) -> str:
    """A file name any system accepts that still reads as the committee: "ØU.xlsx", "USS/E" -> "USS-E.xlsx"."""
    return f"{safe_stem(udvalg)}.xlsx"


def pack_file_names(committees: list[str]) -> dict[str, str]:
    """One distinct file per committee, even when two names differ only in unsafe characters."""
    return unique_file_names(committees, ".xlsx")


# --- which findings concern a committee -------------------------------------------------------

def finding_scope(finding: Finding, udvalg: str, budget: BudgetBook) -> Scope | None:
    """ROW/CENTER/COMMITTEE when the finding's cell is this committee's, BOOK when it is everybody's
    (Oversigt, Kontrol, no cell), None when it belongs to another committee or to a sheet no pack
    carries (Forslag, Referat, Katalog, ...: their rows belong to no committee)."""
    try:
        ref = parse_ref(finding.cell)
    except (ValueError, AttributeError):
        return Scope.BOOK
    if ref.sheet in budget.center_sheets():
        row = budget.row_at(ref.sheet, ref.min_row)
        if row is not None:
            return Scope.ROW if row.udvalg == udvalg else None
        has_rows = any(b.sheet == ref.sheet and b.rows_of(udvalg) for b in budget.blocks)
        return Scope.CENTER if has_rows else None
    if ref.sheet in budget.committee_sheets:
        return Scope.COMMITTEE if budget.committee_sheets[ref.sheet] == udvalg else None
    return Scope.BOOK if ref.sheet in (None, OVERVIEW, CHECKS) else None


def findings_for(udvalg: str, findings: list[Finding], budget: BudgetBook) -> list[ScopedFinding]:
    scoped = []
    for finding in findings:
        scope = finding_scope(finding, udvalg, budget)
        if scope is not None:
            scoped.append(ScopedFinding(finding, scope))
    return scoped


def _count(scoped: list[ScopedFinding], severity: Severity) -> int:
    return sum(s.finding.severity is severity for s in scoped)


# --- the main workbook's committee totals -----------------------------------------------------

def committee_totals(main: object, evaluated: EvaluatedBook) -> dict[str, dict[str, tuple[str, object]]]:
    """udvalg -> column label -> (cell, computed value) of the Total row of each "Udvalg X" sheet."""
    totals: dict[str, dict[str, tuple[str, object]]] = {}
    for title, udvalg in committee_sheets_of(main).items():
        ws = main[title]  # type: ignore[index]
        for row in range(5, ws.max_row + 1):
            if ws.cell(row, 1).value == "Total":
                cells = {}
                for col in range(2, ws.max_column + 1):
                    label = ws.cell(4, col).value
                    if label:
                        cell = f"{get_column_letter(col)}{row}"
                        cells[str(label)] = (fx.ref_in(cell, ws.title), evaluated.value(cell, ws.title))
                totals[udvalg] = cells
                break
    return totals


# --- the pack's layout ------------------------------------------------------------------------

@dataclass
class _Placed:
    """Where the pack put a block's rows of the committee."""

    block: CenterBlock
    sheet: str
    first: int
    last: int


def pack_layout(budget: BudgetBook, udvalg: str, main_checks: list, main_totals: dict) -> BookLayout:
    book = BookLayout()
    placed: list[_Placed] = []
    traces: list[Trace] = []
    moved_rows: dict[tuple[str, int], tuple[str, int]] = {}
    for center in _centers_of(budget, udvalg):
        sheet = SheetLayout(center, "Center")
        sheet.put(1, 1, budget.title(center), Style.TITLE)
        sheet.put(2, 1, f"Beløb i 1.000 kr. Kun udvalget {udvalg}s rækker; centerets samlede total står i "
                        f"{budget.path.name}.", Style.NOTE)
        top = FIRST_BLOCK_ROW
        for block in (b for b in budget.blocks if b.sheet == center and b.rows_of(udvalg)):
            done = _put_block(sheet, block, udvalg, top, traces, moved_rows)
            placed.append(done)
            if sheet.freeze is None:
                sheet.freeze = f"A{top + 2}"
                sheet.print_rows = f"{top + 1}:{top + 1}"
            top = done.last + 1 + BLOCK_GAP + 1
        book.sheets.append(sheet)
    summary, totals = _committee_sheet(udvalg, placed)
    book.sheets.append(summary)
    book.checks.extend(_carried_checks(main_checks, moved_rows))
    for label, cell in totals.items():
        if label in main_totals:
            where, value = main_totals[label]
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                book.checks.append(Check(summary.name, cell, value, "pack_total",
                                         f"Udvalgets total {label} som {where} i {budget.path.name}",
                                         Provenance(budget.path.name), AMOUNT_TOLERANCE))
    book.sheets.append(checks_sheet(book.checks, traces))
    unique_table_names(book)
    return book


def _centers_of(budget: BudgetBook, udvalg: str) -> list[str]:
    centers: list[str] = []
    for block in budget.blocks:
        if block.rows_of(udvalg) and block.sheet not in centers:
            centers.append(block.sheet)
    return centers


def _put_block(sheet: SheetLayout, block: CenterBlock, udvalg: str, top: int, traces: list[Trace],
               moved_rows: dict[tuple[str, int], tuple[str, int]]) -> _Placed:
    if block.note:
        sheet.put(top, 1, block.note, Style.NOTE)
    header = top + 1
    sheet.put_row(header, list(block.header), Style.HEADER)
    rows = block.rows_of(udvalg)
    first = header + 1
    udvalg_col = block.header.index(UDVALG_HEADER) + 1
    for row, item in enumerate(rows, start=first):
        for col, cell in enumerate(item.cells, start=1):
            value = cell.value
            if isinstance(value, Formula):
                letter = get_column_letter(col)
                value = fx.moved(value, f"{letter}{item.row}", f"{letter}{row}")
            elif col == udvalg_col:
                value = item.udvalg  # the committee however the row spelt it, so its SUMIFS counts the row
            sheet.put(row, col, value, cell.style)
        moved_rows[(item.sheet, item.row)] = (sheet.name, row)
        if item.provenance is not None:
            traces.append(Trace(sheet.name, row, item.key or "", item.provenance))
    last = first + len(rows) - 1
    sheet.tables.append(table_over(sheet.name, block.table.split("_")[0], header, last, len(block.header)))
    sheet.put(last + 1, 1, "Total", Style.TOTAL_LABEL)
    for col in block.summed:
        sheet.put(last + 1, col, fx.sum_range(first, last, col), Style.TOTAL_AMOUNT)
    return _Placed(block, sheet.name, first, last)


def _committee_sheet(udvalg: str, placed: list[_Placed]) -> tuple[SheetLayout, dict[str, str]]:
    """Per center, SUMIFS over the pack's own rows of the committee; returns the Total cells by label."""
    sheet = SheetLayout(committee_sheet(udvalg), "Udvalg", freeze="B5", print_rows="4:4")
    sheet.put(1, 1, f"Udvalg: {udvalg}", Style.TITLE)
    sheet.put(2, 1, "Udvalg", Style.NOTE)
    sheet.put(2, 2, udvalg, Style.TEXT)
    criterion = fx.criterion(udvalg, fx.ref(2, 2, absolute=True))
    summed = list(dict.fromkeys(p.block.header[c - 1] for p in placed for c in p.block.summed))
    labels = sorted(s for s in summed if _YEAR_LABEL.match(s)) + [s for s in summed if not _YEAR_LABEL.match(s)]
    sheet.put_row(4, ["Center", *labels], Style.HEADER)
    centers = list(dict.fromkeys(p.sheet for p in placed))
    row = 4
    for row, center in enumerate(centers, start=5):
        sheet.put(row, 1, center, Style.TEXT, link=f"#{fx.ref(1, 1, center)}")
        for col, label in enumerate(labels, start=2):
            parts = []
            for p in (p for p in placed if p.sheet == center and label in p.block.header):
                source_col = p.block.header.index(label) + 1
                udvalg_col = p.block.header.index("Udvalg") + 1
                parts.append(fx.sumifs(fx.area(p.first, p.last, source_col, center, absolute=True),
                                       (fx.area(p.first, p.last, udvalg_col, center, absolute=True), criterion)).expr)
            sheet.put(row, col, fx.sum_of(parts), Style.AMOUNT)
    sheet.tables.append(table_over(sheet.name, "Centre", 4, row, 1 + len(labels)))
    total_row = row + 1
    sheet.put(total_row, 1, "Total", Style.TOTAL_LABEL)
    totals = {label: sheet.put(total_row, col, fx.sum_range(5, row, col), Style.TOTAL_AMOUNT)
              for col, label in enumerate(labels, start=2)}
    return sheet, totals


def _carried_checks(main_checks: list, moved_rows: dict[tuple[str, int], tuple[str, int]]) -> list[Check]:
    """The main workbook's checks on cells of the committee's own rows, pointed at the rows' new place."""
    checks = []
    for check in main_checks:
        if check.cell is None:
            continue  # its cell was deleted in the main workbook
        ref = parse_ref(check.cell)
        target = moved_rows.get((ref.sheet, ref.min_row))
        if target is None or not ref.is_cell:
            continue
        sheet, row = target
        checks.append(Check(sheet, f"{get_column_letter(ref.min_col)}{row}", check.expected, check.rule,
                            check.label, check.source, check.tolerance))
    return checks


# --- the front sheet --------------------------------------------------------------------------

SEVERITY_DA = {Severity.ERROR: "Fejl", Severity.WARNING: "Advarsel", Severity.INFO: "Info"}


def front_sheet(budget: BudgetBook, udvalg: str, layout: BookLayout, scoped: list[ScopedFinding],
                created: str) -> SheetLayout:
    """The pack's first page: a form (label and value side by side), the committee's totals, the
    findings that concern it and the documents it is built from."""
    sheet = SheetLayout(FRONT, FRONT)
    errors, warnings = _count(scoped, Severity.ERROR), _count(scoped, Severity.WARNING)
    sheet.put(1, 1, f"Budget {budget.budget_year}: udvalget {udvalg}", Style.TITLE)
    sheet.put(2, 1, f"Udvalgets del af {budget.path.name}, dannet af budgetbook. Formlerne er bevaret.", Style.NOTE)
    status = f"{errors} fejl, {warnings} advarsler" if scoped else "Alle totaler og procenter stemmer med kilderne"
    facts = [("Udvalg", udvalg, Style.TEXT), ("Budgetår", budget.budget_year, Style.TEXT),
             ("Dato", date_text(created), Style.TEXT), ("Projektmappe", budget.path.name, Style.TEXT),
             ("Valideringsstatus", status, Style.ERROR if errors else Style.TEXT)]
    row = 3
    for row, (label, value, style) in enumerate(facts, start=4):
        sheet.put(row, 1, label, Style.LABEL)
        sheet.put(row, 2, value, style)
    row = _put_totals(sheet, row + 2, udvalg, layout)
    row = _put_findings(sheet, row + 2, scoped, budget.path.name)
    _put_sources(sheet, row + 2, budget)
    return sheet


def _put_totals(sheet: SheetLayout, row: int, udvalg: str, layout: BookLayout) -> int:
    summary = layout.sheet(committee_sheet(udvalg))
    header_cells = sorted((c, cell.value) for (r, c), cell in summary.cells.items() if r == 4 and c > 1)
    total_row = max(r for (r, _c) in summary.cells)
    sheet.put(row, 1, "Udvalgets total", Style.HEADER)
    for offset, (col, label) in enumerate(header_cells, start=2):
        sheet.put(row, offset, label, Style.HEADER)
        sheet.put(row + 1, offset, fx.link(fx.ref(total_row, col, summary.name)), Style.TOTAL_AMOUNT)
    sheet.put(row + 1, 1, "Total", Style.TOTAL_LABEL, link=f"#{fx.ref(total_row, 1, summary.name)}")
    return row + 1


FINDING_COLUMNS = ["Alvor", "Celle", "Omfang", "Forventet", "Fundet", "Sted i kilden", "Besked"]


def _put_findings(sheet: SheetLayout, top: int, scoped: list[ScopedFinding], workbook: str) -> int:
    sheet.put(top, 1, "Fund fra valideringen", Style.LABEL)
    if not scoped:
        sheet.put(top + 1, 1, "Ingen fund fra valideringen vedrører udvalget.", Style.NOTE)
        return top + 1
    sheet.put(top + 1, 1, f"Fund i {workbook}, der vedrører udvalgets rækker, totaler for centre hvor udvalget har "
                          "rækker, udvalgets ark eller hele projektmappen (fx Hovedtotal),", Style.NOTE)
    sheet.put(top + 2, 1, "og fund fra pakkens egen kontrol.", Style.NOTE)
    header = row = top + 3
    sheet.put_row(header, FINDING_COLUMNS, Style.HEADER)
    for row, item in enumerate(scoped, start=header + 1):
        finding = item.finding
        sheet.put(row, 1, SEVERITY_DA[finding.severity], Style.ERROR if finding.severity is Severity.ERROR
                  else Style.TEXT)
        sheet.put_row(row, [finding.cell, item.scope.value], Style.TEXT, first_col=2)
        sheet.put_row(row, [finding.expected, finding.found], Style.AMOUNT, first_col=4)
        sheet.put(row, 6, finding.source.describe() if finding.source else "", Style.TEXT)
        sheet.put(row, 7, finding.message, Style.WRAP)
    sheet.tables.append(table_over(FRONT, "Fund", header, row, len(FINDING_COLUMNS)))
    return row


# Only what identifies a source for this committee: checksums, import times and record counts of
# the whole document change when another committee's rows change, and would make every pack look
# changed to `budgetbook send` (Budget.xlsx's Kilder sheet keeps them all).
SOURCE_COLUMNS = ["Dokument", "Type", "Indlæst"]


def _put_sources(sheet: SheetLayout, top: int, budget: BudgetBook) -> int:
    sheet.put_row(top, SOURCE_COLUMNS, Style.HEADER)
    header = row = top
    for row, source in enumerate(budget.sources, start=header + 1):
        sheet.put_row(row, [source.file, kind_label(source.kind), date_text(source.imported_at[:10])], Style.TEXT)
    sheet.tables.append(table_over(FRONT, "Kilder", header, row, len(SOURCE_COLUMNS)))
    return row


# --- the manifest -----------------------------------------------------------------------------

def write_manifest(report: PacksReport, lock: FileLock | None = None) -> Path:
    """packs.json, moved into place in one step so a reader never sees half of it."""
    text = json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    return save_text(report.manifest, text, lock=lock)
