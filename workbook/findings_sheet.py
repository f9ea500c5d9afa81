"""The Validering sheet: every finding with a link to its cell, its source line and the difference."""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.utils.cell import get_column_letter
from openpyxl.worksheet.hyperlink import Hyperlink

from budgetbook.findings import Finding, Severity
from templates.make_template import print_setup
from workbook.formula_parser import parse_ref
from workbook.formulas import ref_in
from workbook.write_xlsx import write_value

SHEET = "Validering"
COLUMNS = ["Alvor", "Celle", "Regel", "Besked", "Forventet", "Fundet", "Kilde"]
WIDTHS = [10, 18, 16, 80, 14, 14, 44]
SEVERITY_DA = {Severity.ERROR: "Fejl", Severity.WARNING: "Advarsel", Severity.INFO: "Info"}


def put_findings_sheet(book: Workbook, findings: Sequence[Finding]) -> None:
    """Replace the Validering sheet with these findings (newest run only)."""
    if SHEET in book.sheetnames:
        book.remove(book[SHEET])
    sheet = book.create_sheet(SHEET, index=1 if len(book.sheetnames) > 1 else 0)
    styles = set(book.named_styles)
    errors = sum(f.severity is Severity.ERROR for f in findings)
    _put(sheet, 1, 1, "Validering", "bb_title", styles)
    _put(sheet, 2, 1, f"{errors} fejl, {len(findings) - errors} andre fund." if findings
         else "Alle totaler og procenter stemmer med kilderne.", "bb_note", styles)
    for col, (label, width) in enumerate(zip(COLUMNS, WIDTHS), start=1):
        _put(sheet, 4, col, label, "bb_header", styles)
        sheet.column_dimensions[get_column_letter(col)].width = width
    for row, finding in enumerate(findings, start=5):
        values = [SEVERITY_DA[finding.severity], finding.cell, finding.rule, finding.message,
                  finding.expected, finding.found, finding.source.describe() if finding.source else ""]
        for col, value in enumerate(values, start=1):
            style = "bb_error" if col == 1 and finding.severity is Severity.ERROR else "bb_text"
            _put(sheet, row, col, value, style, styles)
        sheet.cell(row, 4).style = "bb_wrap" if "bb_wrap" in styles else "Normal"
        target = parse_ref(finding.cell)
        if target.sheet:
            cell = sheet.cell(row, 2)
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=ref_in(finding.cell.split("!")[-1], target.sheet))
            if "bb_link" in styles:
                cell.style = "bb_link"
    sheet.freeze_panes = "A5"
    sheet.print_title_rows = "4:4"
    print_setup(sheet)


def _put(sheet: object, row: int, col: int, value: object, style: str, styles: set[str]) -> None:
    cell = sheet.cell(row, col)  # type: ignore[attr-defined]
    write_value(cell, value)
    if style in styles:
        cell.style = style
