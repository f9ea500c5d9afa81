"""An openpyxl worksheet read back into a `SheetLayout`, so a sheet the library draws with openpyxl
(the Validering sheet of `workbook.findings_sheet`) is drawn the same way into an open book."""

from __future__ import annotations

from openpyxl.utils.cell import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

from workbook.layout import Formula, SheetLayout, Style

_STYLES = {style.value: style for style in Style}


def sheet_to_layout(sheet: Worksheet, template: str) -> SheetLayout:
    layout = SheetLayout(sheet.title, template, freeze=sheet.freeze_panes,
                         print_rows=sheet.print_title_rows)
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            value = cell.value
            if cell.data_type == "f" and isinstance(value, str):
                value = Formula(value.lstrip("="))
            link = f"#{cell.hyperlink.location}" if cell.hyperlink is not None and cell.hyperlink.location else None
            layout.put(cell.row, cell.column, value, _STYLES.get(cell.style), link)
    for letter, dimension in sheet.column_dimensions.items():
        if dimension.width:
            layout.column_widths[column_index_from_string(letter)] = dimension.width
    return layout
