"""Excel workbooks: one line per worksheet row, with the sheet and row as provenance, as Excel shows them.

Cells keep the numbers Excel holds; a cell formatted as a percentage is given as the text a user
sees ("0,4%") so that the importers read it like the other formats. What Excel does not show is
not read, and each thing left out is said in a warning:
- hidden and very hidden sheets, hidden rows and hidden columns (filtered or folded away too);
- a formula saved without its result (a file written by a script or some web exports) is computed
  with budgetbook's own engine (`importers.readers.xlsx_formulas`); one it cannot compute is empty,
  with a warning naming its sheet and cell.
A merged area one column wide (an area or udvalg written once beside its rows) gives its value on
every row it covers; any other merged area keeps it in its top-left cell (`importers.readers.sheet_layout`).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance, ReadWarning
from importers.readers import Cell, Line, Read
from importers.readers.sheet_layout import SheetLayout, left_out, read_layout, recalculates_on_load

_STATES = {"hidden": "hidden", "veryHidden": "very hidden (only a macro can show it)"}


def read_lines(path: Path) -> list[Line]:
    return list(read(path).lines)


def read(path: Path) -> Read:
    """The workbook's visible rows, and warnings for what was left out or computed."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, InvalidFileException) as exc:
        raise SourceError(f"The workbook cannot be read: {exc}", path.name,
                          hint="Open it in Excel and save it again as .xlsx.") from exc
    lines: list[Line] = []
    warnings: list[ReadWarning] = []
    try:
        visible = [sheet.title for sheet in book.worksheets if sheet.sheet_state == "visible"]
        layouts, recalculate = _layouts(path, visible)
        computed = {}
        if any(layout.uncached_formulas or recalculate and layout.formulas for layout in layouts.values()):
            from importers.readers.xlsx_formulas import compute_formulas

            computed, said = compute_formulas(path, visible, every_formula=recalculate)
            warnings.extend(said)
        for index, sheet in enumerate(book.worksheets, start=1):
            where = Provenance(path.name, index, None, sheet=sheet.title)
            if sheet.sheet_state != "visible":
                warnings.append(ReadWarning(
                    f"Sheet '{sheet.title}' is {_STATES.get(sheet.sheet_state, sheet.sheet_state)} in Excel and was "
                    "not read; show it in Excel (right-click a sheet tab, Unhide) to read it", where))
                continue
            layout = layouts.get(sheet.title, SheetLayout())
            sheet_lines, left_out = _sheet_lines(sheet, layout, computed.get(sheet.title, {}), where)
            lines.extend(sheet_lines)
            if left_out:
                warnings.append(ReadWarning(left_out, where))
    finally:
        book.close()
    return Read(tuple(lines), warnings=tuple(warnings))


def _layouts(path: Path, visible: list[str]) -> tuple[dict[str, SheetLayout], bool]:
    from workbook.xlsx_view import sheet_parts

    with zipfile.ZipFile(path) as package:
        parts = {part.name: part.path for part in sheet_parts(package)}
        names = set(package.namelist())
        layouts = {name: read_layout(package.read(parts[name])) for name in visible
                   if name in parts and parts[name] in names}
        return layouts, recalculates_on_load(package)


def _sheet_lines(sheet: object, layout: SheetLayout, computed: dict[tuple[int, int], object],
                 where: Provenance) -> tuple[list[Line], str]:
    """The sheet's visible rows as lines, and one sentence on the hidden rows and columns that hold text."""
    lines: list[Line] = []
    tops = set(layout.fills.values())
    merged: dict[tuple[int, int], Cell] = {}  # the value of each fill-down area's top cell
    hidden_rows: list[int] = []
    hidden_columns: set[int] = set()
    widest = max((column for _, column in layout.fills), default=0)
    for number, row in enumerate(sheet.iter_rows(), start=1):  # type: ignore[attr-defined]
        cells = [_read_cell(cell) for cell in row]
        if computed:
            for column, cell in enumerate(row, start=1):
                if (number, column) in computed:
                    cells[column - 1] = cell_value(computed[(number, column)], getattr(cell, "number_format", "") or "")
        if tops:
            for column in range(len(cells) + 1, widest + 1):
                cells.append(None)
            for column, value in enumerate(cells, start=1):
                if (number, column) in tops:
                    merged[(number, column)] = value
                elif (number, column) in layout.fills and value in (None, ""):
                    cells[column - 1] = merged.get(layout.fills[(number, column)])
        if number in layout.hidden_rows:
            if any(c not in (None, "") for c in cells):
                hidden_rows.append(number)
            continue
        if layout.hidden_columns:
            hidden_columns.update(c for c in layout.hidden_columns if c <= len(cells) and cells[c - 1] not in (None, ""))
            cells = [c for column, c in enumerate(cells, start=1) if column not in layout.hidden_columns]
        while cells and cells[-1] in (None, ""):
            cells.pop()
        if cells:
            lines.append(Line(tuple(cells), Provenance(where.file, where.page, number, sheet=where.sheet)))
    return lines, left_out(where.sheet or "", hidden_rows, sorted(hidden_columns))


def _read_cell(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return cell_value(value, getattr(cell, "number_format", "") or "")
    return cell_value(value, "")


def cell_value(value: object, number_format: str) -> Cell:
    """A cell's value as the reader gives it: numbers as numbers, a percentage as the text Excel shows."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        if "%" in number_format:
            decimals = len(number_format.split(".")[1].split("%")[0]) if "." in number_format else 0
            return f"{value * 100:.{decimals}f}%".replace(".", ",")
        return value
    if value is None:
        return None
    return str(value)
