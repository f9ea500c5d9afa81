"""Validators: evaluate a written workbook and hold every computed total against its source.

The workbook carries its own checks (the Kontrol sheet: cell, expected value from the
source, tolerance, file, page and line), so `validate Budget.xlsx` needs nothing but
the file. Every formula is computed by `workbook.engine`, never taken from the values
that were used to write it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.utils.cell import get_column_letter

from budgetbook.errors import WorkbookError
from budgetbook.findings import Finding, Severity
from budgetbook.model import Provenance
from importers.numbers import format_number
from workbook.build import CHECK_COLUMNS, CHECKS, TRACE_COLUMNS, TRACE_FIRST_COL
from workbook.engine import EvaluatedBook
from workbook.excel_functions import ExcelError
from workbook.formula_parser import Ref, parse_formula, parse_ref
from workbook.layout import address
from workbook.opening import open_workbook

VALIDATION_SHEET = "Validering"
# A check whose difference is worth knowing rather than wrong: proposals that miss their target.
RULE_SEVERITY = {"target": Severity.WARNING}


@dataclass(frozen=True)
class StoredCheck:
    cell: str
    rule: str
    label: str
    expected: float
    tolerance: float
    source: Provenance


Validator = Callable[[Workbook, EvaluatedBook], list[Finding]]
# Further validators (one per rule family) register here; each returns its findings.
VALIDATORS: list[Validator] = []


def validate_workbook(path: Path) -> list[Finding]:
    return validate_book(open_workbook(path))


def validate_book(book: Workbook, evaluated: EvaluatedBook | None = None) -> list[Finding]:
    """Every finding about `book`; pass `evaluated` when the caller has evaluated it already."""
    if CHECKS not in book.sheetnames:
        raise WorkbookError(f"The workbook has no '{CHECKS}' sheet; was it built by budgetbook?")
    evaluated = evaluated or EvaluatedBook(book)
    traces = read_traces(book)
    findings = [f for check in read_checks(book) for f in check_one(check, evaluated, traces)]
    findings.extend(formula_errors(evaluated))
    for validator in VALIDATORS:
        findings.extend(validator(book, evaluated))
    return findings


def read_checks(book: Workbook) -> list[StoredCheck]:
    sheet = book[CHECKS]
    checks = []
    for row in sheet.iter_rows(min_row=5, max_col=len(CHECK_COLUMNS), values_only=True):
        cell, rule, label, expected, tolerance, file, page, line = row
        if not cell:
            continue
        checks.append(StoredCheck(str(cell), str(rule), str(label), float(expected), float(tolerance or 0),
                                  Provenance(str(file), _int(page), _int(line))))
    return checks


def read_traces(book: Workbook) -> dict[tuple[str, int], Provenance]:
    """(sheet, row) -> the source line of that workbook row."""
    sheet = book[CHECKS]
    traces = {}
    for row in sheet.iter_rows(min_row=5, min_col=TRACE_FIRST_COL,
                               max_col=TRACE_FIRST_COL + len(TRACE_COLUMNS) - 1, values_only=True):
        name, number, _key, file, page, line = row
        if name:
            traces[(str(name), int(number))] = Provenance(str(file), _int(page), _int(line))
    return traces


def _int(value: object) -> int | None:
    return None if value in (None, "") else int(value)  # type: ignore[arg-type]


def check_one(check: StoredCheck, book: EvaluatedBook, traces: dict[tuple[str, int], Provenance]) -> list[Finding]:
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
    severity = RULE_SEVERITY.get(check.rule, Severity.ERROR)
    findings = [Finding(severity, check.rule, check.cell, message, check.expected, found, check.source)]
    findings.extend(blank_parts(check, book, traces))
    return findings


def blank_parts(check: StoredCheck, book: EvaluatedBook, traces: dict[tuple[str, int], Provenance]) -> list[Finding]:
    """For a total that disagrees: the blank cells it sums, each a likely missing amount."""
    formula = book.formula(check.cell)
    if formula is None:
        return []
    sheet = parse_ref(check.cell).sheet
    node = parse_formula(formula)
    findings = []
    for ref in _refs(node):
        if ref.is_cell:
            continue
        home = ref.sheet or sheet
        for row in range(ref.min_row, ref.max_row + 1):
            for col in range(ref.min_col, ref.max_col + 1):
                cell = address(home, f"{get_column_letter(col)}{row}")  # type: ignore[arg-type]
                if book.value(cell) is None:
                    findings.append(Finding(
                        Severity.WARNING, "missing_amount", cell,
                        f"No amount in {cell}, which {check.cell} adds up: a missing amount explains a total "
                        "that is too low", None, None, traces.get((home, row)))) # type: ignore[arg-type]
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


def formula_errors(book: EvaluatedBook) -> list[Finding]:
    """A formula that evaluates to an Excel error (#DIV/0!, #REF!, ...) is always an error."""
    findings = []
    for sheet, ref, text in book.formula_cells():
        value = book.value(ref, sheet)
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
