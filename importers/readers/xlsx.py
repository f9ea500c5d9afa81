"""Excel workbooks: one line per worksheet row, with the sheet and row as provenance.

Cells keep the numbers Excel holds; a cell formatted as a percentage is given as the
text a user sees ("0,4%") so that the importers read it like the other formats.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance
from importers.readers import Cell, Line


def read_lines(path: Path) -> list[Line]:
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise SourceError(f"The workbook cannot be read: {exc}", path.name,
                          hint="Open it in Excel and save it again as .xlsx.") from exc
    lines: list[Line] = []
    try:
        for index, sheet in enumerate(book.worksheets, start=1):
            for row in sheet.iter_rows():
                cells = tuple(_cell_value(c) for c in row)
                while cells and cells[-1] in (None, ""):
                    cells = cells[:-1]
                if not cells:
                    continue
                number = next((c.row for c in row if hasattr(c, "row")), None)  # an empty first cell has none
                lines.append(Line(cells, Provenance(path.name, index, number, sheet=sheet.title)))
    finally:
        book.close()
    return lines


def _cell_value(cell: object) -> Cell:
    value = getattr(cell, "value", None)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (int, float)):
        fmt = getattr(cell, "number_format", "") or ""
        if "%" in fmt:
            decimals = len(fmt.split(".")[1].split("%")[0]) if "." in fmt else 0
            return f"{value * 100:.{decimals}f}%".replace(".", ",")
        return value
    if value is None:
        return None
    return str(value)
