"""Sheets users made themselves, carried from the old workbook into the rebuilt one.

`budgetbook build ... -o Budget.xlsx` onto an existing workbook writes a new file from the
template; a sheet users added (settings for the ribbon, notes, their own calculations) would
be lost with the old file. `carry_sheets` copies each such sheet into the new workbook:
values and formulas as they are, each cell's number format, font, fill, border, alignment
and protection, column widths, row heights, merged cells and the frozen pane.
"""

from __future__ import annotations

from collections.abc import Sequence
from copy import copy
from pathlib import Path

from openpyxl import Workbook, load_workbook

from budgetbook.errors import WorkbookError


def carry_sheets(source: Path, book: Workbook, names: Sequence[str]) -> list[str]:
    """Copy the sheets `names` of the workbook at `source` to the end of `book`; returns the names copied."""
    if not names:
        return []
    try:
        old = load_workbook(source)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise WorkbookError(f"Cannot read the sheets users added to {source.name}: {exc}. Nothing was "
                            "changed; build with --fresh to start over, or into another file with -o") from exc
    copied = []
    for name in names:
        if name not in old.sheetnames or name in book.sheetnames:
            continue
        _copy_sheet(old[name], book.create_sheet(name))
        copied.append(name)
    return copied


def _copy_sheet(old: object, new: object) -> None:
    for row in old.iter_rows():  # type: ignore[attr-defined]
        for cell in row:
            if cell.value is None and not cell.has_style:
                continue
            target = new.cell(cell.row, cell.column)  # type: ignore[attr-defined]
            target.value = cell.value
            if cell.data_type == "s" and isinstance(cell.value, str):
                target.data_type = "s"  # text stays text, whatever it starts with
            if cell.has_style:
                target.number_format = cell.number_format
                for part in ("font", "fill", "border", "alignment", "protection"):
                    setattr(target, part, copy(getattr(cell, part)))
            if cell.hyperlink is not None:
                target.hyperlink = copy(cell.hyperlink)
    for letter, dimension in old.column_dimensions.items():  # type: ignore[attr-defined]
        if dimension.width:
            new.column_dimensions[letter].width = dimension.width  # type: ignore[attr-defined]
    for number, dimension in old.row_dimensions.items():  # type: ignore[attr-defined]
        if dimension.height:
            new.row_dimensions[number].height = dimension.height  # type: ignore[attr-defined]
    for merged in old.merged_cells.ranges:  # type: ignore[attr-defined]
        new.merge_cells(str(merged))  # type: ignore[attr-defined]
    new.freeze_panes = old.freeze_panes  # type: ignore[attr-defined]
    new.sheet_state = old.sheet_state  # type: ignore[attr-defined]
