"""Rudersdal's initiatives to keep the service frame in 2023 as a workbook: "Initiativ | Område | 2023" in
mio. kr. with one decimal, and under "Indefrysning af midler" (12,5) the row "heraf skolernes
renoveringspulje" (5,5): a part of the row above, which the list's "I alt" (32,8) does not count again.
The third hold-out trial found it read as one more proposal (the workbook's total 5,5 above the list's).

Source: https://www.rudersdal.dk/nyheder/presset-oekonomi-i-rudersdal (every initiative and figure as
published; the sheet's columns and total written for the sample).
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import save_xlsx, titled_sheet

ROWS = [  # as published
    ("Budgettet for varekøb reduceres", "Tværgående", 3.0),
    ("Automatisering af bogføring og betaling", "Økonomi", 1.1),
    ("It-budgettet reduceres", "IT og Digitalisering", 1.0),
    ("Indefrysning af midler", "Tværgående", 12.5),
    ("heraf skolernes renoveringspulje", "Skoler", 5.5),
    ("Budgetreduktioner på de administrative budgetter (ca. 25 fuldtidsstillinger)", "Administration", 15.2),
]
TOTAL = 32.8  # the five initiatives; the "heraf" row is inside the frozen 12,5


def write(out: Path) -> None:
    from openpyxl.styles import Font

    assert round(sum(v for t, _, v in ROWS if not t.startswith("heraf")), 1) == TOTAL
    book, sheet = titled_sheet("2023", "Rudersdal Kommune", "Initiativer til overholdelse af servicerammen 2023",
                               "Beløb i mio. kr.")
    sheet.append([])
    sheet.append(["Initiativ", "Område", "2023"])
    header = sheet.max_row
    for title, area, amount in ROWS:
        sheet.append([title, area, amount])
    sheet.append(["I alt", None, TOTAL])
    for row in (header, sheet.max_row):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=header + 1, min_col=3):
        for cell in row:
            cell.number_format = "0.0"
    for letter, width in zip("ABC", (70, 22, 10)):
        sheet.column_dimensions[letter].width = width
    save_xlsx(book, out / "rudersdal-heraf-raekke-mio-kr.xlsx")
