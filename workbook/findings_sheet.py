"""The Validering sheet: every finding with a link to its cell, its source line and the difference.

It is laid out like every other sheet (`SheetLayout`, sized for print by `workbook.print_layout`)
and drawn into the book being validated, which is saved afterwards with its formulas' values.
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl import Workbook

from budgetbook.findings import Finding, Severity
from templates.make_template import print_setup
from workbook.formula_parser import parse_ref
from workbook.formulas import ref_in
from workbook.layout import SheetLayout, Style
from workbook.print_layout import fit_sheet
from workbook.write_xlsx import NamedStyles, apply_cells, apply_setup, date_headers

SHEET = "Validering"
COLUMNS = ["Alvor", "Celle", "Regel", "Besked", "Forventet", "Fundet", "Sted i kilden"]
SEVERITY_DA = {Severity.ERROR: "Fejl", Severity.WARNING: "Advarsel", Severity.INFO: "Info"}


def put_findings_sheet(book: Workbook, findings: Sequence[Finding]) -> None:
    """Replace the Validering sheet with these findings (newest run only)."""
    if SHEET in book.sheetnames:
        book.remove(book[SHEET])
    sheet = book.create_sheet(SHEET, index=1 if len(book.sheetnames) > 1 else 0)
    layout = findings_layout(findings)
    fit_sheet(layout)
    print_setup(sheet)
    created = book.properties.created
    date_headers(sheet, created.date() if created else None)
    apply_cells(sheet, layout, NamedStyles(book))
    apply_setup(sheet, layout)


def findings_layout(findings: Sequence[Finding]) -> SheetLayout:
    sheet = SheetLayout(SHEET, SHEET, freeze="A5", print_rows="4:4")
    errors = sum(f.severity is Severity.ERROR for f in findings)
    sheet.put(1, 1, "Validering", Style.TITLE)
    sheet.put(2, 1, f"{errors} fejl, {len(findings) - errors} andre fund." if findings
              else "Alle totaler og procenter stemmer med kilderne.", Style.NOTE)
    sheet.put_row(4, COLUMNS, Style.HEADER)
    for row, finding in enumerate(findings, start=5):
        sheet.put(row, 1, SEVERITY_DA[finding.severity], Style.ERROR if finding.severity is Severity.ERROR
                  else Style.TEXT)
        target = _target(finding.cell)
        if target:
            sheet.put(row, 2, finding.cell, Style.LINK, link=f"#{target}")
        else:
            sheet.put(row, 2, finding.cell, Style.TEXT)
        sheet.put(row, 3, finding.rule, Style.TEXT)
        sheet.put(row, 4, finding.message, Style.WRAP)
        sheet.put_row(row, [finding.expected, finding.found, finding.source.describe() if finding.source else ""],
                      Style.TEXT, first_col=5)
    return sheet


def _target(cell: str | None) -> str | None:
    """The link location of a finding's cell ("'CJS'!G13"), if it names one on a sheet."""
    try:
        ref = parse_ref(cell or "")
    except ValueError:
        return None
    return ref_in(cell.split("!")[-1], ref.sheet) if cell and ref.sheet else None
