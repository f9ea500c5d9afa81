"""Writes templates/budget.xlsx: the prototype sheets and named styles budgetbook fills.

Run once when the house style changes: `python -m templates.make_template`. Users may
then restyle the file in Excel; budgetbook only refers to the style names.
"""

from __future__ import annotations

from copy import copy
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.worksheet.page import PageMargins

from workbook import ooxml

# Excel shows these with the reader's separators: 15.036 and 0,4 % in a Danish Excel.
AMOUNT_FORMAT = "#,##0;-#,##0;0"
PCT_FORMAT = "0.0%"
DECIMAL_FORMAT = "#,##0.0#;-#,##0.0#;0.0"
THIN = Side(style="thin", color="9BA7B4")
BLUE = "1F4E79"

WIDTHS = {
    "Oversigt": [24] + [16] * 12,
    "Center": [10, 28, 8, 36, 60, 12, 12, 12, 12, 12, 11, 11, 34, 14, 16, 30, 22],
    "Udvalg": [24] + [14] * 10,
    "Kilder": [40, 20, 66, 26, 10, 10],
    "Kontrol": [16, 14, 40, 14, 10, 34, 8, 8, 2, 14, 8, 14, 34, 8, 8],
    "Validering": [10, 16, 14, 70, 14, 14, 44],
    "Referat": [52, 8, 14, 40, 70, 22, 50, 40, 36],
    "Katalog": [6, 22, 40, 70, 12, 10, 20, 10, 30, 30, 36, 36, 10],
    "Forslag": [14, 40, 8, 36, 7, 7, 7, 7, 6, 11, 13, 12, 14, 13, 12, 11, 11, 34],
    "Bemærkninger": [18, 30, 16, 34, 14, 70, 70, 70, 70, 70],
    "Forside": [30, 18, 22, 14, 14, 44, 70],
}


FONT = "Calibri"  # LibreOffice prints it with Carlito, which has the same metrics
SIZE = 11  # on paper as on screen: sheets print at 100 %


def font(**kwargs: object) -> Font:
    """A font with its name: a style without one prints in the reader's fallback font (a serif in LibreOffice)."""
    return Font(name=FONT, size=SIZE, family=2, **kwargs)


def named_styles() -> list[NamedStyle]:
    def style(name: str, **kwargs: object) -> NamedStyle:
        named = NamedStyle(name=name)
        named.font = font()
        named.alignment = Alignment(vertical="top")  # cells of a row align at the top, labels and values alike
        for key, value in kwargs.items():
            setattr(named, key, value)
        return named

    return [
        style("bb_title", font=Font(name=FONT, size=16, family=2, bold=True, color=BLUE)),
        style("bb_note", font=font(italic=True, color="595959")),
        style("bb_header", font=font(bold=True, color="FFFFFF"), fill=PatternFill("solid", fgColor=BLUE),
              alignment=Alignment(wrap_text=True, vertical="center")),
        style("bb_text"),
        style("bb_wrap", alignment=Alignment(wrap_text=True, vertical="top")),
        style("bb_amount", number_format=AMOUNT_FORMAT),
        style("bb_pct", number_format=PCT_FORMAT),
        style("bb_total_label", font=font(bold=True), border=Border(top=THIN, bottom=THIN)),
        style("bb_total_amount", font=font(bold=True), number_format=AMOUNT_FORMAT,
              border=Border(top=THIN, bottom=THIN)),
        style("bb_total_pct", font=font(bold=True), number_format=PCT_FORMAT, border=Border(top=THIN, bottom=THIN)),
        style("bb_stated", font=font(italic=True, color="595959"), number_format=AMOUNT_FORMAT),
        style("bb_link", font=font(color="0563C1", underline="single")),
        style("bb_error", font=font(bold=True, color="9C0006"), fill=PatternFill("solid", fgColor="FFC7CE")),
        style("bb_decimal", number_format=DECIMAL_FORMAT),
        style("bb_stated_decimal", font=font(italic=True, color="595959"), number_format=DECIMAL_FORMAT),
        style("bb_label", font=font(bold=True, color=BLUE)),
        style("bb_note_wrap", font=font(italic=True, color="595959"),
              alignment=Alignment(wrap_text=True, vertical="top")),
    ]


# Inches. The header and footer sit 0,3" from the paper's edge, inside the 0,75" top and bottom
# margins that keep them off the cells; printers cannot print nearer the edge than about 0,2".
MARGINS = PageMargins(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)
HEADER_FONT, HEADER_SIZE = "Calibri,Regular", 9
PRINT_DAY = "&D"  # the writer puts the day the workbook was made here, as dd-mm-åååå


def print_setup(sheet: object) -> None:
    """A4 landscape at 100 %: a sheet wider than the paper prints across pages, left to right, then down.

    The header names the file and the day the workbook was made (`workbook.write_xlsx` writes the
    day in place of "&D", which would print the day of printing in the printer's own date style);
    the footer names the sheet and the page. Also used for sheets made after the build (the
    Validering sheet), which have no prototype.
    """
    sheet.page_setup.orientation = "landscape"  # type: ignore[attr-defined]
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4  # type: ignore[attr-defined]
    sheet.page_setup.scale = 100  # type: ignore[attr-defined]
    sheet.page_setup.pageOrder = "overThenDown"  # type: ignore[attr-defined]
    sheet.sheet_properties.pageSetUpPr.fitToPage = False  # type: ignore[attr-defined]
    sheet.page_margins = copy(MARGINS)  # type: ignore[attr-defined]
    header, footer = sheet.oddHeader, sheet.oddFooter  # type: ignore[attr-defined]
    parts = ((header.left, "&F"), (header.right, f"budgetbook, dannet {PRINT_DAY}"),
             (footer.left, "&A"), (footer.center, "Side &P af &N"))
    for part, text in parts:
        part.text, part.font, part.size = text, HEADER_FONT, HEADER_SIZE


def make_template(path: Path) -> None:
    book = Workbook()
    for named in named_styles():
        book.add_named_style(named)
    book.remove(book.active)
    for name, widths in WIDTHS.items():
        sheet = book.create_sheet(name)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[_letter(index)].width = width
        print_setup(sheet)
    book.save(path)
    # openpyxl writes a font's children out of the schema's order; Excel's Open XML checks refuse that
    parts = ooxml.read_package(path)
    parts[ooxml.STYLES] = ooxml.styles_in_schema_order(parts[ooxml.STYLES])
    ooxml.write_package(parts, path)


def _letter(index: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(index)


if __name__ == "__main__":
    target = Path(__file__).with_name("budget.xlsx")
    make_template(target)
    print(f"{target} written")
