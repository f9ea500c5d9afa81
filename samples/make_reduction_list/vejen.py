"""Vejen's reductions in the budget proposal 2019-2022 as a workbook: the titles under a column called
"Reduktion" (no Overskrift/Titel/Forslag), the area in "Område", whole kroner, savings written as
negative numbers and said so in the line above the header ("Beløb i kr. (- = mindreudgift)").

Sources: https://www.jv.dk/vejen/Vejen-budget-i-hoering-Bekymring-for-usikkerhed-om-besparelser/artikel/2648216
and .../AEldreomraadet-rammes-haardest-i-politikernes-budgetforslag/artikel/2641246 (the totals of the
years, 41.182.000 kr. in 2019 rising to 81.617.000 kr. in 2022, and the areas' reductions: ældreområdet,
the specialised social area, administration, schools, as published). The råderumskatalog rows that make
up the rest are illustrative. A trial on documents the team had not seen found this list refused.
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import save_xlsx, titled_sheet

HEADER = ["Område", "Reduktion", "2019", "2020", "2021", "2022"]
ROWS = [
    ("Ældreområdet", "Effektivisering af arbejdstilrettelæggelsen", (-500000, -5000000, -15000000, -25000000)),
    ("Specialiseret socialområde", "Rammereduktion voksenhandicap", (-5000000, -10000000, -15000000, -20000000)),
    ("Administration", "Reduktion i administrationen", (-7000000, -7000000, -7000000, -7000000)),
    ("Skoler", "Rammereduktion skoleområdet", (-2500000, -2500000, -2500000, -2500000)),
    ("Råderumskatalog", "Lukning af Bækkeskovskolens svømmehal", (-1200000, -1200000, -1200000, -1200000)),
    ("Råderumskatalog", "Nedsat tilskud til lokalhistoriske arkiver", (-382000, -380000, -417000, -417000)),
    ("Råderumskatalog", "Reduceret vintertjeneste", (-3600000, -3600000, -3600000, -3600000)),
    ("Råderumskatalog", "Færre åbningstimer på bibliotekerne", (-2000000, -2700000, -2700000, -2700000)),
    ("Råderumskatalog", "Energibesparelser i kommunale bygninger", (-19000000, -19000000, -13200000, -19200000)),
]
TOTALS = (-41182000, -51380000, -60617000, -81617000)  # as published


def write(out: Path) -> None:
    from openpyxl.styles import Font

    assert tuple(sum(r[2][k] for r in ROWS) for k in range(4)) == TOTALS
    book, sheet = titled_sheet("Reduktioner", "Vejen Kommune - Budgetforslag 2019-2022",
                               "Reduktioner i budgetforslaget. Beløb i kr. (- = mindreudgift)", "")
    sheet.append(HEADER)
    header_row = sheet.max_row
    for area, title, amounts in ROWS:
        sheet.append([area, title, *amounts])
    sheet.append(["I alt", None, *TOTALS])
    for row in (header_row, sheet.max_row):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=header_row + 1, min_col=3):
        for cell in row:
            cell.number_format = "#,##0"
    for letter, width in zip("ABCDEF", (26, 46, 13, 13, 13, 13)):
        sheet.column_dimensions[letter].width = width
    save_xlsx(book, out / "vejen-hele-kroner-titler-under-reduktion.xlsx")
