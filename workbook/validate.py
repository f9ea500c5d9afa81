"""Validators: evaluate a written workbook and hold every computed total against its source.

The workbook carries its own checks (the Kontrol sheet: cell, expected value from the
source, tolerance, file, page and line), so `validate Budget.xlsx` needs nothing but
the file. Every formula is computed by `workbook.engine`, never taken from the values
that were used to write it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl.utils.cell import get_column_letter

from budgetbook.errors import WorkbookError
from budgetbook.findings import Finding, Severity
from budgetbook.model import Provenance
from importers.numbers import format_number
from workbook.engine import EvaluatedBook
from workbook.excel_functions import ExcelError
from workbook.formula_parser import Ref, parse_formula, parse_ref
from workbook.kontrol import CHECKS, StoredCheck, StoredTrace, read_checks, read_traces
from workbook.layout import address
from workbook.xlsx_view import read_view

VALIDATION_SHEET = "Validering"
# A check whose difference is worth knowing rather than wrong: proposals that miss their target.
RULE_SEVERITY = {"target": Severity.WARNING}

Validator = Callable[[object, EvaluatedBook], list[Finding]]
# Further validators (one per rule family) register here; each returns its findings. They get the
# workbook as an openpyxl Workbook or a `workbook.xlsx_view.BookView` (the same calls work on both).
VALIDATORS: list[Validator] = []


def validate_workbook(path: Path) -> list[Finding]:
    return validate_book(read_view(path))


@dataclass
class RowsNow:
    """Where the generated rows are now (from the Kontrol anchors), and the rows users added among them."""

    traced: dict[tuple[str, int], Provenance] = field(default_factory=dict)  # (sheet, row) -> source line
    deleted: list[StoredTrace] = field(default_factory=list)
    added: dict[tuple[str, int], set[int]] = field(default_factory=dict)  # (sheet, row) -> columns summed

    @classmethod
    def read(cls, traces: list[StoredTrace]) -> RowsNow:
        rows = cls()
        for trace in traces:
            if trace.row is None:
                rows.deleted.append(trace)
            else:
                rows.traced[(trace.sheet, trace.row)] = trace.source
        return rows

    @property
    def sheets(self) -> set[str]:
        return {sheet for sheet, _ in self.traced}

    def added_cells(self) -> set[tuple[str, int, int]]:
        return {(sheet, row, col) for (sheet, row), cols in self.added.items() for col in cols}


def validate_book(book: object, evaluated: EvaluatedBook | None = None) -> list[Finding]:
    """Every finding about `book` (openpyxl Workbook or BookView); pass `evaluated` when the caller has it."""
    if CHECKS not in book.sheetnames:  # type: ignore[attr-defined]
        raise WorkbookError(f"The workbook has no '{CHECKS}' sheet; was it built by budgetbook?")
    evaluated = evaluated or EvaluatedBook(book)  # type: ignore[arg-type]
    checks = read_checks(book)
    rows = RowsNow.read(read_traces(book))
    find_added_rows(checks, evaluated, rows)
    without_added = evaluated.without(rows.added_cells()) if rows.added else None
    findings = [f for check in checks for f in check_one(check, evaluated, rows, without_added)]
    findings.extend(row_changes(rows, evaluated))
    findings.extend(formula_errors(evaluated, anchors={c.at for c in checks} | {t.at for t in rows.deleted}))
    for validator in VALIDATORS:
        findings.extend(validator(book, evaluated))
    findings.extend(unsupported_formulas(evaluated))
    return findings


def unsupported_formulas(book: EvaluatedBook) -> list[Finding]:
    """Formulas users wrote that the evaluator cannot compute: their stored result was used, and said so."""
    findings = []
    for (sheet, row, col), why in sorted(book.unsupported.items()):
        cell = address(sheet, f"{get_column_letter(col)}{row}")
        stored = book.value(cell)
        result = "it stores no result" if stored is None else f"its stored result {_show_value(stored)} is used"
        findings.append(Finding(Severity.WARNING, "formula_not_checked", cell,
                                f"={book.formula(cell)} cannot be recomputed by budgetbook ({why}): {result}, "
                                "unchecked", None, None if stored is None else str(stored)))
    return findings


def find_added_rows(checks: list[StoredCheck], book: EvaluatedBook, rows: RowsNow) -> None:
    """Rows inside the ranges a checked total adds up that no source line belongs to: added in the workbook."""
    traced_sheets = rows.sheets
    for check in checks:
        formula = book.formula(check.cell) if check.cell else None
        if formula is None or ":" not in formula:
            continue  # no range, so no rows it adds up
        home = parse_ref(check.cell).sheet  # type: ignore[arg-type]
        for ref in _refs(parse_formula(formula)):
            sheet = ref.sheet or home
            if ref.is_cell or sheet not in traced_sheets:
                continue
            for row in range(ref.min_row, ref.max_row + 1):
                if (sheet, row) in rows.traced:
                    continue
                for col in range(ref.min_col, ref.max_col + 1):
                    if book.value(address(sheet, f"{get_column_letter(col)}{row}")) is not None:  # type: ignore
                        rows.added.setdefault((sheet, row), set()).add(col)


def row_changes(rows: RowsNow, book: EvaluatedBook) -> list[Finding]:
    """A row added in the workbook is information; a generated row deleted there is missing from it."""
    findings = []
    for (sheet, row), cols in sorted(rows.added.items()):
        cells = [f"{get_column_letter(c)}{row}" for c in sorted(cols)]
        amounts = ", ".join(f"{cell} = {_show_value(book.value(address(sheet, cell)))}" for cell in cells)
        findings.append(Finding(Severity.INFO, "row_added", address(sheet, f"A{row}"),
                                f"Row {row} of {sheet} comes from no source line: added in the workbook. "
                                f"Its figures count in the totals ({amounts})"))
    for trace in rows.deleted:
        findings.append(Finding(Severity.WARNING, "row_deleted", trace.at,
                                f"The row of {trace.sheet} with key {trace.key} was deleted in the workbook: its "
                                "source line is missing from the workbook, and totals over it no longer include it",
                                None, None, trace.source))
    return findings


def check_one(check: StoredCheck, book: EvaluatedBook, rows: RowsNow,
              without_added: EvaluatedBook | None = None) -> list[Finding]:
    if check.cell is None:
        if any(t.source == check.source and t.sheet for t in rows.deleted):
            return []  # its row was deleted: reported once, as row_deleted
        return [Finding(Severity.ERROR, "check_cell_deleted", check.at,
                        f"{check.label}: the checked cell was deleted in the workbook ({check.at} refers to #REF!); "
                        f"the source says {_show(check.expected)}", check.expected, None, check.source)]
    found = book.value(check.cell)
    if isinstance(found, ExcelError) or not isinstance(found, (int, float)) or isinstance(found, bool):
        return [Finding(Severity.ERROR, check.rule, check.cell,
                        f"{check.label}: the cell gives {found!r}, the source says {_show(check.expected)}",
                        check.expected, None if found is None else str(found), check.source)]
    difference = found - check.expected
    if abs(difference) <= check.tolerance:
        return []
    show = _show_percent if check.rule == "pct" else _show
    message = (f"{check.label}: the workbook computes {show(found)}, the source says {show(check.expected)} "
               f"(difference {show(difference)}, tolerance {show(check.tolerance)})")
    explained = _explained_by_added(check, without_added, rows)
    if explained is not None:
        return [Finding(Severity.WARNING, check.rule, check.cell, f"{message}. {explained}", check.expected, found,
                        check.source)]
    deleted = sorted({t.at for t in rows.deleted if t.sheet == parse_ref(check.cell).sheet})
    if deleted:
        message += f"; rows of {parse_ref(check.cell).sheet} were deleted in the workbook ({', '.join(deleted)})"
    severity = RULE_SEVERITY.get(check.rule, Severity.ERROR)
    findings = [Finding(severity, check.rule, check.cell, message, check.expected, found, check.source)]
    if difference < 0:
        findings.extend(blank_parts(check, book, rows))
    return findings


def _explained_by_added(check: StoredCheck, without_added: EvaluatedBook | None, rows: RowsNow) -> str | None:
    """Why a total differs when the rows added in the workbook are the whole difference; None otherwise."""
    if without_added is None:
        return None
    before = without_added.value(check.cell)  # type: ignore[arg-type]
    if not isinstance(before, (int, float)) or isinstance(before, bool) or abs(before - check.expected) > check.tolerance:
        return None
    added = ", ".join(address(sheet, f"A{row}") for sheet, row in sorted(rows.added))
    return f"The rows added in the workbook ({added}) are the whole difference; without them it agrees"


def _show_value(value: object) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _show(value)
    return repr(value)


def blank_parts(check: StoredCheck, book: EvaluatedBook, rows: RowsNow) -> list[Finding]:
    """For a total that is too low: the blank cells of source rows it sums, each a likely missing amount."""
    formula = book.formula(check.cell)  # type: ignore[arg-type]
    if formula is None:
        return []
    sheet = parse_ref(check.cell).sheet  # type: ignore[arg-type]
    node = parse_formula(formula)
    findings = []
    for ref in _refs(node):
        if ref.is_cell:
            continue
        home = ref.sheet or sheet
        for row in range(ref.min_row, ref.max_row + 1):
            if (home, row) in rows.added:
                continue  # a row added in the workbook has no amount to miss
            for col in range(ref.min_col, ref.max_col + 1):
                cell = address(home, f"{get_column_letter(col)}{row}")  # type: ignore[arg-type]
                if book.value(cell) is None:
                    findings.append(Finding(
                        Severity.WARNING, "missing_amount", cell,
                        f"No amount in {cell}, which {check.cell} adds up: a missing amount explains a total "
                        "that is too low", None, None, rows.traced.get((home, row))))  # type: ignore[arg-type]
    return findings


def _refs(node: object) -> list[Ref]:
    if isinstance(node, Ref):
        return [node]
    children = []
    for name in ("operand", "left", "right"):
        if hasattr(node, name):
            children.append(getattr(node, name))
    children.extend(getattr(node, "args", ()))
    return [ref for child in children for ref in _refs(child)]


def formula_errors(book: EvaluatedBook, anchors: set[str] = frozenset()) -> list[Finding]:  # type: ignore[assignment]
    """A formula that evaluates to an Excel error (#DIV/0!, #REF!, ...) is always an error.

    The Kontrol anchors of deleted cells (`anchors`) are reported as deleted rows or checks instead.
    """
    findings = []
    for sheet, ref, text in book.formula_cells():
        value = book.value(ref, sheet)
        if isinstance(value, ExcelError) and address(sheet, ref) in anchors:
            continue
        if isinstance(value, ExcelError):
            findings.append(Finding(Severity.ERROR, "formula_error", address(sheet, ref),
                                    f"={text} evaluates to {value}", None, str(value)))
    return findings


def _show(value: float) -> str:
    """A number as the sources write it: 2.806, 0,0045."""
    if isinstance(value, float) and not value.is_integer():
        return format_number(value, 4).rstrip("0").rstrip(",")
    return format_number(value)


def _show_percent(value: float) -> str:
    """A fraction as a percentage with the sources' one decimal and a bit more: 0.00399 -> 0,399%."""
    return format_number(value * 100, 3).rstrip("0").rstrip(",") + "%"


import workbook.validators  # noqa: F401  (its modules register their rules in VALIDATORS)
