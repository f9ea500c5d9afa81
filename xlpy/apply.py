"""Applies a `BookLayout` to a workbook open in Excel, through xlwings (desktop or xlwings Server).

The twin of `workbook.write_xlsx`: the same layout, written into the open book instead
of a file. Each generated sheet is cleared and written in one block (`range.formula`
takes constants and formulas alike); text that Excel would turn into a formula, a
number, a date or a truth value gets the apostrophe prefix Excel uses for "this is
text", so "=Q1 mangler" or "-1.500" from a document stays the document's text.
The named styles of the template are not copied into the book; their look (number
format, bold, italic, colours, wrap) is read from the template and applied per run of
cells, so both engines draw the same thing. Column widths and row heights are the layout's
(`workbook.print_layout` sizes them to what the cells hold; the template's prototype sheet gives
the rest), and its folded technical columns are hidden. Page setup (paper, repeated titles,
outline groups) is not reachable through xlwings' remote engine and stays the book's own.
Sheets that are not in the layout are never touched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import xlwings as xw
from openpyxl import load_workbook

from budgetbook.progress import Progress, silent
from templates import template_path
from workbook.layout import BookLayout, CellValue, Formula, SheetLayout, Style
from workbook.print_layout import prepare_print
from workbook.print_pages import folded_columns

TABLE_STYLE = "TableStyleLight9"
# A leading = + - @ makes a formula; a digit, sign, point, comma or "(" may make a number or a date.
_NEEDS_TEXT_PREFIX = re.compile(r"^\s*[=+\-@'\d.,(]")
_TRUTH_WORDS = {"true", "false", "sand", "falsk"}


@dataclass(frozen=True)
class Look:
    """What a named style of the template looks like, in terms both xlwings engines can set."""

    number_format: str | None = None
    bold: bool = False
    italic: bool = False
    font_color: str | None = None  # "#RRGGBB"
    fill: str | None = None
    wrap: bool = False


@dataclass(frozen=True)
class TemplateLook:
    styles: dict[str, Look]
    widths: dict[str, dict[int, float]]  # prototype sheet -> column -> width


def excel_input(value: CellValue) -> object:
    """What to hand Excel's formula property so the cell ends up holding exactly `value`."""
    if isinstance(value, Formula):
        return str(value)
    if value is None:
        return ""
    if isinstance(value, str) and (_NEEDS_TEXT_PREFIX.match(value) or value.strip().lower() in _TRUTH_WORDS):
        return "'" + value
    return value


def apply_layout(book: xw.Book, layout: BookLayout, look: TemplateLook | None = None,
                 progress: Progress = silent) -> None:
    look = look or template_look()
    prepare_print(layout)  # widths, row heights and folded columns, as the file writer gets them
    progress("writing", 0, len(layout.sheets))
    for done, sheet_layout in enumerate(layout.sheets, 1):
        apply_sheet(sheet_for(book, sheet_layout.name), sheet_layout, look)
        progress("writing", done, len(layout.sheets))


def sheet_for(book: xw.Book, name: str) -> xw.Sheet:
    """The book's sheet of that name, added at the end if the book has none."""
    for sheet in book.sheets:
        if sheet.name.casefold() == name.casefold():
            return sheet
    return book.sheets.add(name, after=book.sheets[-1])


def apply_sheet(sheet: xw.Sheet, layout: SheetLayout, look: TemplateLook) -> None:
    sheet.clear()
    if layout.cells:
        rows = layout.max_row
        cols = max(c for _, c in layout.cells)
        grid = [[excel_input(_value(layout, r, c)) for c in range(1, cols + 1)] for r in range(1, rows + 1)]
        sheet.range((1, 1), (rows, cols)).formula = grid
    for (first, last, col), style in style_runs(layout):
        paint(sheet.range((first, col), (last, col)), look.styles.get(style.value))
    for (row, col), cell in sorted(layout.cells.items()):
        if cell.link:
            sheet.range((row, col)).add_hyperlink(cell.link, str(cell.value or ""))
    put_tables(sheet, layout)
    if layout.freeze:
        sheet.freeze_panes.freeze_at(layout.freeze)
    widths = {**look.widths.get(layout.template, {}), **layout.column_widths}
    folded = folded_columns(layout)
    for col, width in sorted(widths.items()):
        sheet.range((1, col)).column_width = 0 if col in folded else width  # width 0 hides a column
    for row, height in sorted(layout.row_heights.items()):
        sheet.range((row, 1)).row_height = height


def _value(layout: SheetLayout, row: int, col: int) -> CellValue:
    cell = layout.cells.get((row, col))
    return None if cell is None else cell.value


def style_runs(layout: SheetLayout) -> list[tuple[tuple[int, int, int], Style]]:
    """((first row, last row, column), style) for each vertical run of cells in the same style."""
    runs: list[tuple[tuple[int, int, int], Style]] = []
    for (row, col), cell in sorted(layout.cells.items(), key=lambda item: (item[0][1], item[0][0])):
        if cell.style is None:
            continue
        if runs:
            (first, last, run_col), style = runs[-1]
            if run_col == col and last == row - 1 and style is cell.style:
                runs[-1] = ((first, row, col), style)
                continue
        runs.append(((row, row, col), cell.style))
    return runs


def paint(target: xw.Range, look: Look | None) -> None:
    if look is None:
        return
    if look.number_format:
        target.number_format = look.number_format
    if look.bold:
        target.font.bold = True
    if look.italic:
        target.font.italic = True
    if look.font_color:
        target.font.color = look.font_color
    if look.fill:
        target.color = look.fill
    if look.wrap:
        target.wrap_text = True


def put_tables(sheet: xw.Sheet, layout: SheetLayout) -> None:
    """Resize a table the sheet already has (a refresh), add the others."""
    existing = {table.name: table for table in sheet.tables}
    for table in layout.tables:
        target = sheet.range(table.ref)
        if table.name in existing:
            existing[table.name].resize(target)
        else:
            sheet.tables.add(source=target, name=table.name, table_style_name=TABLE_STYLE, has_headers=True)


def template_look(template: Path | None = None) -> TemplateLook:
    return _read_template_look(str(template or template_path()))


@lru_cache(maxsize=4)
def _read_template_look(path: str) -> TemplateLook:
    book = load_workbook(path)
    styles = {}
    for style in book._named_styles:  # openpyxl keeps the NamedStyle objects only here
        styles[style.name] = Look(
            number_format=None if style.number_format == "General" else style.number_format,
            bold=bool(style.font.b), italic=bool(style.font.i),
            font_color=_hex(style.font.color.rgb if style.font.color is not None else None),
            fill=_hex(style.fill.fgColor.rgb) if getattr(style.fill, "fill_type", None) else None,
            wrap=bool(style.alignment.wrap_text))
    widths = {}
    for sheet in book.worksheets:
        widths[sheet.title] = {_column_index(letter): dim.width for letter, dim in sheet.column_dimensions.items()
                               if dim.width}
    return TemplateLook(styles, widths)


def _hex(argb: object) -> str | None:
    if not isinstance(argb, str) or len(argb) not in (6, 8):
        return None
    return "#" + argb[-6:].upper()


def _column_index(letter: str) -> int:
    from openpyxl.utils.cell import column_index_from_string

    return column_index_from_string(letter)
