"""Applies a `BookLayout` to a copy of the template and saves it safely.

Text from documents is always written as text: a cell whose text starts with "=",
"+", "-" or "@" is stored as a string with Excel's quote prefix, never as a formula.
The file is written by `budgetbook.files.save_atomically`, so a
failure never leaves a half-written workbook; cached values of every formula are added
(`workbook.cached_values`) so mail previews, phones and pandas see the numbers.
"""

from __future__ import annotations

from copy import copy
from datetime import datetime, timezone
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table, TableStyleInfo

from budgetbook.errors import WorkbookError
from budgetbook.files import FileLock
from templates import template_path
from workbook.cached_values import save_with_values
from workbook.layout import BookLayout, Formula, SheetLayout, Style

TABLE_STYLE = "TableStyleLight9"
_FORMULA_LEADS = ("=", "+", "-", "@")


def write_workbook(layout: BookLayout, target: Path, template: Path | None = None,
                   stamp: datetime | None = None, lock: FileLock | None = None) -> Path:
    """Write the layout; `stamp` fixes the file's recorded times so equal layouts give equal bytes.
    `lock`: the target's `budgetbook.files.FileLock`, when the caller holds it."""
    book = fill_template(layout, template or template_path())
    # 'created' records the build (a later validate keeps it); the template's own date would mislead.
    book.properties.created = stamp or datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    save_with_values(book, target, stamp, lock=lock)
    return target


def fill_template(layout: BookLayout, template: Path) -> Workbook:
    try:
        book = load_workbook(template)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise WorkbookError(f"Cannot open the template {template}: {exc}") from exc
    styles = NamedStyles(book)
    prototypes = {}
    for sheet in list(book.worksheets):  # out of the way of the sheets that take their names
        prototypes[sheet.title] = sheet
        sheet.title = f"_prototype_{len(prototypes)}"
    for sheet_layout in layout.sheets:
        if sheet_layout.template not in prototypes:
            raise WorkbookError(f"The template {template.name} has no sheet '{sheet_layout.template}'")
        sheet = book.copy_worksheet(prototypes[sheet_layout.template])
        sheet.title = sheet_layout.name
        sheet.HeaderFooter = prototypes[sheet_layout.template].HeaderFooter  # copy_worksheet drops page numbers
        apply_sheet(sheet, sheet_layout, styles)
    for prototype in prototypes.values():
        book.remove(prototype)
    book.active = 0
    return book


class NamedStyles:
    """Applies the template's named styles; after the first cell of a style, by copying its style array.

    openpyxl looks a named style up by name on every assignment, which was half the time of
    writing a 10.000-line workbook; the copied array is what that lookup produces.
    """

    def __init__(self, book: Workbook) -> None:
        self.names = set(book.named_styles)
        self._arrays: dict[str, object] = {}

    def apply(self, cell: object, name: str) -> None:
        if name not in self.names:
            return
        array = self._arrays.get(name)
        if array is None:
            cell.style = name  # type: ignore[attr-defined]
            self._arrays[name] = copy(cell._style)  # type: ignore[attr-defined]
        else:
            cell._style = copy(array)  # type: ignore[attr-defined]


HEADER_ROW_HEIGHT = 42  # points: three lines of a wrapped header label ("Forslag (− = besparelse) 2024")


def apply_sheet(sheet: object, layout: SheetLayout, styles: NamedStyles) -> None:
    for (row, col), spec in sorted(layout.cells.items()):
        if spec.value is None and spec.style is None:
            continue
        if spec.style is Style.HEADER and col == 1:
            sheet.row_dimensions[row].height = HEADER_ROW_HEIGHT  # type: ignore[attr-defined]
        cell = sheet.cell(row, col)  # type: ignore[attr-defined]
        if spec.style is not None:
            styles.apply(cell, spec.style.value)  # before the value: a named style resets the quote prefix
        write_value(cell, spec.value)
        if spec.link:
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=spec.link.lstrip("#"), display=str(spec.value))
    for table in layout.tables:
        item = Table(displayName=table.name, ref=table.ref)
        item.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
        sheet.add_table(item)  # type: ignore[attr-defined]
    if layout.freeze:
        sheet.freeze_panes = layout.freeze  # type: ignore[attr-defined]
    if layout.print_rows:
        sheet.print_title_rows = layout.print_rows  # type: ignore[attr-defined]
    for col, width in layout.column_widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = width  # type: ignore[attr-defined]
    fit_wrapped_rows(sheet, layout)


LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_ROW_HEIGHT = 409.0  # Excel's limit
CHARS_PER_WIDTH = 1.15  # characters of ordinary text per unit of column width


def fit_wrapped_rows(sheet: object, layout: SheetLayout) -> None:
    """Give rows with wrapped text the height their longest text needs.

    Excel and LibreOffice do not grow a row for wrapped text in a file they did not lay out
    themselves, so a long explanation would print over the rows below it.
    """
    needed: dict[int, int] = {}
    for (row, col), spec in layout.cells.items():
        if spec.style is not Style.WRAP or not isinstance(spec.value, str):
            continue
        width = sheet.column_dimensions[get_column_letter(col)].width or 8.43  # type: ignore[attr-defined]
        per_line = max(1, int(width * CHARS_PER_WIDTH))
        lines = sum(max(1, -(-len(part) // per_line)) for part in spec.value.split("\n"))
        needed[row] = max(needed.get(row, 1), lines)
    for row, lines in needed.items():
        if lines > 1:
            sheet.row_dimensions[row].height = min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT)  # type: ignore[attr-defined]


def write_value(cell: object, value: object) -> None:
    """A formula only from `Formula`; every string stays a string, whatever it starts with."""
    if isinstance(value, Formula):
        cell.value = str(value)  # type: ignore[attr-defined]
        return
    cell.value = value  # type: ignore[attr-defined]
    if isinstance(value, str):
        cell.data_type = "s"  # type: ignore[attr-defined]
        if value.startswith(_FORMULA_LEADS):
            cell.quotePrefix = True  # type: ignore[attr-defined]
