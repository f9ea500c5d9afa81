"""The workbook layout: which value, text or formula goes in which cell, and in which style.

The layout is plain data, built from the model by the section builders
(`workbook.sections`) and applied by a writer: `workbook.write_xlsx` (openpyxl, from
the template) or `xlpy.apply` (an open workbook in Excel, through xlwings). Styles
are names of the template's named styles ("bb_amount", ...): the template draws them,
the code only names them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import NamedTuple

from openpyxl.utils.cell import get_column_letter

from budgetbook.model import Number, Provenance


@dataclass(frozen=True)
class Formula:
    """A live Excel formula, without the leading "="."""

    expr: str

    def __str__(self) -> str:
        return f"={self.expr}"


CellValue = str | int | float | Formula | None


class Style(str, Enum):
    """The named styles a template must define (templates/make_template.py draws them)."""

    TITLE = "bb_title"
    NOTE = "bb_note"
    HEADER = "bb_header"
    TEXT = "bb_text"
    WRAP = "bb_wrap"
    AMOUNT = "bb_amount"
    PCT = "bb_pct"
    TOTAL_LABEL = "bb_total_label"
    TOTAL_AMOUNT = "bb_total_amount"
    TOTAL_PCT = "bb_total_pct"
    STATED = "bb_stated"
    LINK = "bb_link"
    ERROR = "bb_error"
    DECIMAL = "bb_decimal"  # amounts with decimals as printed (mio. kr. with 1-2 decimals)
    STATED_DECIMAL = "bb_stated_decimal"
    LABEL = "bb_label"  # the label of a field in a form (Forside: "Udvalg", "Dato"), beside its value
    NOTE_WRAP = "bb_note_wrap"  # a note too long for its page, wrapped in its own cell (`workbook.print_pages`)


class Cell(NamedTuple):
    """What one cell holds. A named tuple: a large workbook has hundreds of thousands of them."""

    value: CellValue
    style: Style | None = None
    link: str | None = None  # an internal link such as "#'CJS'!F12"


@dataclass(frozen=True)
class Check:
    """A computed cell and what the source says it must be: what the validators verify."""

    sheet: str
    ref: str
    expected: Number
    rule: str
    label: str
    source: Provenance
    tolerance: float = 0.0

    @property
    def address(self) -> str:
        return address(self.sheet, self.ref)


@dataclass(frozen=True)
class Table:
    """An Excel table over a header row and its data rows."""

    name: str
    ref: str


def table_over(sheet: str, what: str, header_row: int, last_row: int, last_col: int) -> Table:
    """A table named after its sheet from column A of the header row to `last_col` of `last_row`."""
    last_row = max(last_row, header_row + 1)  # an Excel table needs at least one data row
    return Table(table_name(f"{what}_{sheet}"), f"A{header_row}:{get_column_letter(last_col)}{last_row}")


@dataclass(frozen=True)
class ColumnGroup:
    """Columns grouped under one outline button; collapsed, they are hidden on screen and on paper."""

    first: int
    last: int
    collapsed: bool = True

_new_cell = tuple.__new__
_LETTERS = [""] + [get_column_letter(c) for c in range(1, 16385)]  # column number -> letters, once


@dataclass
class SheetLayout:
    """One worksheet: its cells by (row, column), tables, frozen panes, and how it prints.

    `template` names the prototype sheet of the template the writer copies (paper, margins,
    header and footer). `print_rows` and `print_cols` repeat on every printed page ("4:4", "A:B");
    `groups` fold away technical columns; `column_widths` and `row_heights` are set by
    `workbook.print_layout` to fit what the cells hold.
    """

    name: str
    template: str
    cells: dict[tuple[int, int], Cell] = field(default_factory=dict)
    tables: list[Table] = field(default_factory=list)
    freeze: str | None = None
    print_rows: str | None = None
    print_cols: str | None = None
    column_widths: dict[int, float] = field(default_factory=dict)
    row_heights: dict[int, float] = field(default_factory=dict)
    groups: list[ColumnGroup] = field(default_factory=list)
    fitted: bool = False  # widths, groups and heights set for print (`workbook.print_layout.fit_sheet`)

    def put(self, row: int, col: int, value: CellValue, style: Style | None = None, link: str | None = None) -> str:
        """Place a value; returns the cell's A1 address."""
        self.cells[(row, col)] = _new_cell(Cell, (value, style, link))  # Cell(...) without its keyword handling
        return f"{_LETTERS[col]}{row}"

    def put_row(self, row: int, values: list[CellValue], style: Style | None = None, first_col: int = 1) -> None:
        cells = self.cells
        for col, value in enumerate(values, start=first_col):
            cells[(row, col)] = _new_cell(Cell, (value, style, None))

    @property
    def max_row(self) -> int:
        return max((r for r, _ in self.cells), default=0)


@dataclass
class BookLayout:
    """The sheets and checks of a workbook; `dated` is the day its page headers print ("Dannet 29-11-2026")."""

    sheets: list[SheetLayout] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    dated: date | None = None
    notices: list[str] = field(default_factory=list)  # what build tells the user besides the sheets (one line each)

    def sheet(self, name: str) -> SheetLayout:
        for sheet in self.sheets:
            if sheet.name == name:
                return sheet
        raise KeyError(name)


_PLAIN_SHEET = re.compile(r"^[^\W\d]\w*$")


def address(sheet: str, ref: str) -> str:
    """"CJS!H14", quoting the sheet only where Excel needs it ("'Udvalg ØU'!B5")."""
    name = sheet if _PLAIN_SHEET.match(sheet) else "'" + sheet.replace("'", "''") + "'"
    return f"{name}!{ref}"


_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\\x00-\x1f\x7f]")
_NAME_FORBIDDEN = re.compile(r"[^0-9A-Za-z_]")
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "AE", "Ø": "OE", "Å": "AA"})


def sheet_name(text: str) -> str:
    """A valid worksheet name: no []:*?/\\ or control characters, no quote at either end, at most 31
    characters. Not unique by itself: names from document text are chosen by `workbook.sheet_names`."""
    name = _SHEET_FORBIDDEN.sub("-", text).strip().strip("'")
    return cut(name, SHEET_NAME_LIMIT).rstrip().rstrip("'") or "Ark"


SHEET_NAME_LIMIT = 31


def cut(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters as Excel counts them (UTF-16 units: an emoji is two)."""
    while len(text.encode("utf-16-le")) > 2 * limit:
        text = text[:-1]
    return text


def table_name(text: str) -> str:
    """A valid, ASCII Excel table name from any text ("CØH" -> "COEH")."""
    name = _NAME_FORBIDDEN.sub("_", text.translate(_ASCII))
    return name if name[:1].isalpha() else f"T_{name}"
