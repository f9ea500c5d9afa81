"""The Kontrol sheet: every check and every row's source line, anchored to cells by live references.

Written (`checks_sheet`) from the `Check`s the sections make and the `Trace`s of their
rows; read back (`read_checks`, `read_traces`) by validate, the packs and refresh.

Finance staff insert, delete and move rows. A text address ("CJS!F13") would then
name the wrong cell, so each check's "Celle" is a formula that shows the address the
checked cell has now, `="CJS!"&ADDRESS(ROW('CJS'!F13),COLUMN('CJS'!F13),4)`, and each
row's "Række" is `=ROW('CJS'!A13)`: Excel and LibreOffice move the references inside
when rows are inserted, deleted or moved, and turn them into #REF! when the cell is
deleted. The readers take the reference out of the formula (from a file) or the
address the spreadsheet computed (from the values of an open book, or an old workbook
whose "Celle" is plain text), so both ways give the cell's current place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl.utils.cell import get_column_letter

from budgetbook.errors import FormulaError
from budgetbook.model import Provenance
from workbook import formulas as fx
from workbook.formula_parser import Const, Node, Ref, parse_formula, parse_ref
from workbook.layout import Check, ColumnGroup, SheetLayout, Style, Table, address, table_over
from workbook.sections import Trace

CHECKS = "Kontrol"
CHECK_COLUMNS = ["Celle", "Regel", "Beskrivelse", "Forventet", "Tolerance", "Fil", "Side", "Linje"]
TRACE_COLUMNS = ["Ark", "Række", "Nøgle", "Fil", "Side", "Linje"]
TRACE_FIRST_COL = len(CHECK_COLUMNS) + 2
HEADER_ROW = 4
DELETED = "#REF!"


def checks_sheet(checks: list[Check], traces: list[Trace]) -> SheetLayout:
    """What the validators check (a live address, expected value, source line) and where every row came from."""
    sheet = SheetLayout(CHECKS, "Kontrol", freeze=f"A{HEADER_ROW + 1}", print_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    sheet.put(1, 1, "Kontrol", Style.TITLE)
    sheet.put(2, 1, "Kildernes egne totaler og procenter, som valideringen holder projektmappen op imod. "
                    "Celle og Række følger cellerne, når der indsættes, slettes eller flyttes rækker.", Style.NOTE)
    sheet.put_row(HEADER_ROW, CHECK_COLUMNS, Style.HEADER)
    row = HEADER_ROW
    for row, check in enumerate(checks, start=HEADER_ROW + 1):
        sheet.put(row, 1, fx.live_address(check.sheet, check.ref), Style.TEXT)
        sheet.put_row(row, [check.rule, check.label], Style.TEXT, first_col=2)
        sheet.put(row, 4, check.expected, Style.AMOUNT)
        sheet.put(row, 5, check.tolerance, Style.AMOUNT)
        sheet.put_row(row, [check.source.file, check.source.page, check.source.line], Style.TEXT, first_col=6)
    sheet.tables.append(table_over(sheet.name, "Kontroller", HEADER_ROW, row, len(CHECK_COLUMNS)))
    sheet.put_row(HEADER_ROW, TRACE_COLUMNS, Style.HEADER, first_col=TRACE_FIRST_COL)
    row = HEADER_ROW
    for row, trace in enumerate(traces, start=HEADER_ROW + 1):
        where = trace.provenance
        sheet.put(row, TRACE_FIRST_COL, trace.sheet, Style.TEXT)
        sheet.put(row, TRACE_FIRST_COL + 1, fx.row_of(trace.sheet, trace.row), Style.TEXT)
        sheet.put_row(row, [trace.key, where.file, where.page, where.line], Style.TEXT, first_col=TRACE_FIRST_COL + 2)
    first, last = get_column_letter(TRACE_FIRST_COL), get_column_letter(TRACE_FIRST_COL + len(TRACE_COLUMNS) - 1)
    sheet.tables.append(Table("Sporbarhed", f"{first}{HEADER_ROW}:{last}{max(row, HEADER_ROW + 1)}"))
    sheet.groups.append(ColumnGroup(TRACE_FIRST_COL, TRACE_FIRST_COL + len(TRACE_COLUMNS) - 1))  # off the print
    return sheet


@dataclass(frozen=True)
class StoredCheck:
    """A check as the workbook holds it now: `cell` is where the checked cell is today, None if deleted."""

    cell: str | None
    rule: str
    label: str
    expected: float
    tolerance: float
    source: Provenance
    at: str  # the Kontrol cell that anchors it ("Kontrol!A7")


@dataclass(frozen=True)
class StoredTrace:
    """A generated row and its source line: `row` is where the row is today, None if it was deleted."""

    sheet: str
    row: int | None
    key: str
    source: Provenance
    at: str  # the Kontrol cell that anchors it ("Kontrol!K7")


def read_checks(book: object) -> list[StoredCheck]:
    """The checks of the Kontrol sheet of an openpyxl workbook or a `BookView`, at their current cells."""
    sheet = book[CHECKS]  # type: ignore[index]
    checks = []
    for offset, row in enumerate(sheet.iter_rows(min_row=HEADER_ROW + 1, max_col=len(CHECK_COLUMNS),
                                                 values_only=True)):
        anchor, rule, label, expected, tolerance, file, page, line = row
        if anchor in (None, "") or rule in (None, ""):
            continue
        at = address(CHECKS, f"A{HEADER_ROW + 1 + offset}")
        checks.append(StoredCheck(current_cell(anchor), str(rule), str(label), float(expected),  # type: ignore
                                  float(tolerance or 0), Provenance(text_of(file), int_of(page), int_of(line)), at))
    return checks


def read_traces(book: object) -> list[StoredTrace]:
    """The Sporbarhed rows of the Kontrol sheet, each at its row's current place."""
    sheet = book[CHECKS]  # type: ignore[index]
    traces = []
    for offset, values in enumerate(sheet.iter_rows(min_row=HEADER_ROW + 1, min_col=TRACE_FIRST_COL,
                                                    max_col=TRACE_FIRST_COL + len(TRACE_COLUMNS) - 1,
                                                    values_only=True)):
        name, number, key, file, page, line = values
        if name in (None, "") or number in (None, ""):
            continue
        at = address(CHECKS, f"{get_column_letter(TRACE_FIRST_COL + 1)}{HEADER_ROW + 1 + offset}")
        home, row = current_row(str(name), number)
        traces.append(StoredTrace(home, row, text_of(key), Provenance(text_of(file), int_of(page), int_of(line)), at))
    return traces


def current_cell(anchor: object) -> str | None:
    """"CJS!F14" from the anchor formula, from the address a spreadsheet computed, or from old plain text."""
    text = str(anchor).strip()
    if text.startswith("="):
        ref = _anchor_ref(text)
        if ref is None:
            return None
        return address(ref.sheet or CHECKS, f"{get_column_letter(ref.min_col)}{ref.min_row}")
    if DELETED in text.upper():
        return None
    try:
        ref = parse_ref(text)
    except FormulaError:
        return None
    return address(ref.sheet or CHECKS, f"{get_column_letter(ref.min_col)}{ref.min_row}")


def current_row(sheet: str, number: object) -> tuple[str, int | None]:
    """(sheet, row) of a trace: from `=ROW('CJS'!A14)`, or the row number a spreadsheet computed."""
    if isinstance(number, str) and number.startswith("="):
        ref = _anchor_ref(number)
        return (ref.sheet or sheet, ref.min_row) if ref is not None else (sheet, None)
    if isinstance(number, bool):
        return sheet, None
    if isinstance(number, (int, float)):
        return sheet, int(number)
    try:
        return sheet, int(str(number).strip())
    except ValueError:
        return sheet, None  # "#REF!": the row was deleted


_ROW_ARGUMENT = re.compile(r"ROW\(((?:'(?:[^']|'')*'|[^()'])*)\)", re.IGNORECASE)


def _anchor_ref(formula: str) -> Ref | None:
    """The reference inside ROW(...) of an anchor formula, however a program rewrote its text; None for #REF!."""
    match = _ROW_ARGUMENT.search(formula)
    if match is not None:
        text = match.group(1).strip()
        if DELETED in text.upper():
            return None
        try:
            return parse_ref(text)
        except FormulaError:
            pass
    return _first_ref(_parse(formula))  # another shape: the first reference of the formula


def _parse(formula: str) -> Node | None:
    try:
        return parse_formula(formula)
    except FormulaError:
        return None


def _first_ref(node: Node | None) -> Ref | None:
    """The reference a live-address formula is built around; None when it is #REF! (deleted)."""
    if node is None or isinstance(node, Const):
        return None
    if isinstance(node, Ref):
        return node
    children: list[Node] = [getattr(node, name) for name in ("operand", "left", "right") if hasattr(node, name)]
    children.extend(getattr(node, "args", ()))
    for child in children:
        found = _first_ref(child)
        if found is not None:
            return found
    return None


def text_of(value: object) -> str:
    """A cell value as text: blank is ""."""
    return "" if value is None else str(value)


def int_of(value: object) -> int | None:
    """A cell value as a whole number (page, line, count); None when blank or not a number."""
    if value in (None, ""):
        return None
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None
