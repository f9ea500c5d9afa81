"""Reading an open workbook's values: plain grids per sheet, and an in-memory openpyxl copy of them.

The copy holds the values Excel calculated, not the formulas: xlwings Server does not
send formulas with a request, and Excel's own results are what the user sees. The
validators then hold Excel's numbers against the sources, the same checks
`budgetbook validate` runs on a file.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import xlwings as xw
from openpyxl import Workbook, load_workbook

from templates import template_path

Grid = list[list[object]]


def sheet_grid(sheet: xw.Sheet) -> Grid:
    """The sheet's values from A1 to the last used cell (errors as their text, "#DIV/0!")."""
    last = sheet.used_range.last_cell
    if last.row == 1 and last.column == 1 and sheet.range("A1").value is None:
        return []
    area = sheet.range((1, 1), (last.row, last.column))
    try:
        return area.options(ndim=2, err_to_str=True).value
    except ValueError:
        # xlwings Server reads text such as "2024-03-15T10:00:00+01:00" as a date and fails on the offset
        # (the Kilder sheet holds such text); the raw values are the cell contents as sent.
        return [list(row) for row in area.raw_value]


def book_grids(book: xw.Book, only: Sequence[str] | None = None) -> dict[str, Grid]:
    wanted = None if only is None else {name.casefold() for name in only}
    return {sheet.name: sheet_grid(sheet) for sheet in book.sheets
            if wanted is None or sheet.name.casefold() in wanted}


def grids_to_workbook(grids: Mapping[str, Grid]) -> Workbook:
    """An openpyxl workbook holding these values, with the template's named styles registered."""
    book = load_workbook(template_path())
    for sheet in list(book.worksheets):
        book.remove(sheet)
    for name, grid in grids.items():
        sheet = book.create_sheet(name)
        for r, row in enumerate(grid, start=1):
            for c, value in enumerate(row, start=1):
                if value is not None and value != "":
                    sheet.cell(r, c).value = value
    return book
