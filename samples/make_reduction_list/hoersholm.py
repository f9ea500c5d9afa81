"""Hørsholm's Miljø- og Planlægningsudvalg, "Forslag til budgetreduktioner" (Budget 2020-2023) as a workbook:
columns Nr. / Politikområde / Bestilling (the titles: Hørsholm's word for a service it orders), whole kroner
with no unit stated, reductions negative, the year header printed "2020 2021 2020 2023" (the third year
printed as 2020 again), "I alt", and below it a second table "Forslag til driftsønsker" (expansions,
positive) with the same header. A second trial on documents the team had not seen found it refused (the
title column and the repeated year) and, once read, in 1.000 kr. (amounts like 261.100 were no whole
thousands).

Source: https://docslib.org/doc/4402413/milj%C3%B8-og-planl%C3%A6gningsudvalget-forslag-til-budgetreduktioner-nr
(every row and figure as published).
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import save_xlsx, titled_sheet

HEADER = ["Nr.", "Politikområde", "Bestilling", "2020", "2021", "2020", "2023"]  # as published
REDUCTIONS = [
    ("MPU 1", 11, "Reduktion af ukrudsbekæmpelse på kommunale fortove", (-100000,) * 4),
    ("MPU 2", 11, "Reduktion af budgettet til vintertjenesten", (-240000,) * 4),
    ("MPU 3", 11, "Reduceret arrangement ift. juletræ", (-113000,) * 4),
    ("MPU 4", 11, "Reduktion af antallet af skraldespande langs kommunens veje og i de grønne områder",
     (0, -120000, -120000, -120000)),
    ("MPU 5", 11, "Undlade opsætning og nedtagning af kommunale badebroer samt fjernelse af tang", (-120000,) * 4),
    ("MPU 6", 11, "Ophør af brændeordning på Rungsted Strand", (-30000,) * 4),
    ("MPU 7", 11, "Græsklipning af rabatter langs veje på landet og langs veje i byen", (-145000,) * 4),
    ("MPU 8", 11, "Reducere renholdelse med 50 % på Rungsted Badestrand, Mikkelborg Strandeng og Rungsted "
     "Strandvej 274", (-31000,) * 4),
    ("MPU 9", 11, "Ophør med udgravning af sejlrenden ved ro- og kajakklubben", (-90000,) * 4),
    ("MPU 10", 11, "Græsklipning i Midtbyen (Ridebanen, omkring Dronningedammen og i Slotshaven", (-500000,) * 4),
    ("MPU 11", 11, "Kollektiv Trafik - ophør med flextur", (-533000,) * 4),
    ("MPU 12", 11, "Kollektiv Trafik - ændret serviceniveau buslinje 381, 383 og 375R",
     (250000, -1300000, -1300000, -1300000)),
    ("MPU 13", 12, "Reduktion af budget til rottebekæmpelse (forudsat finansiering via brugerbetalt gebyr)",
     (-261100,) * 4),
]
TOTALS = (-1913100, -3583100, -3583100, -3583100)  # as published
WISHES = [
    (1, 12, "Klimaforebyggende arbejde i det geografiske område", (300000,) * 4),
    (2, 12, "Kystbeskyttelse - myndighedsbehandling", (300000,) * 4),
    (3, 12, "Mere biodiversitet i grønne områder", (700000, 500000, 500000, 500000)),
    (4, 12, "Badevandsundersøgelse syd for Rungsted Havn", (250000, 0, 0, 0)),
]


def write(out: Path) -> None:
    from openpyxl.styles import Font

    assert tuple(sum(r[3][k] for r in REDUCTIONS) for k in range(4)) == TOTALS
    book, sheet = titled_sheet("MPU", "Miljø- og Planlægningsudvalget", "Forslag til budgetreduktioner")
    bold_rows = [1, 2]
    sheet.append(HEADER)
    bold_rows.append(sheet.max_row)
    for nr, area, title, amounts in REDUCTIONS:
        sheet.append([nr, area, title, *amounts])
    sheet.append(["I alt", None, None, *TOTALS])
    bold_rows.append(sheet.max_row)
    sheet.append([])
    sheet.append(["Forslag til driftsønsker"])
    bold_rows.append(sheet.max_row)
    sheet.append(HEADER)
    bold_rows.append(sheet.max_row)
    for nr, area, title, amounts in WISHES:
        sheet.append([nr, area, title, *amounts])
    for row in bold_rows:
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=4, min_col=4):
        for cell in row:
            cell.number_format = "#,##0"
    for letter, width in zip("ABCDEFG", (9, 13, 70, 12, 12, 12, 12)):
        sheet.column_dimensions[letter].width = width
    save_xlsx(book, out / "hoersholm-bestilling-hele-kroner-aar-gentaget.xlsx")
