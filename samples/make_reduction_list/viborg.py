"""Viborg's reduktionskatalog for budget 2020-2023 as an Excel sheet: each udvalg a row of its own,
its proposals with the budget they cut from, a "Reduktionskrav" (target) row per udvalg, and the
reduction as a share of the budget typed as a plain fraction (0,0595) with no percent format, as
sheets built by hand often have it (issue 13 item 5: it must not be read as 0,06 %).

Source: https://kommune.viborg.dk/Politik/Oekonomi/Budget/Budget-2020-til-2023/Reduktionskatalog
(35,2 mio. kr. a year from 2020: the targets below add up to it). The proposals named there
(samling af pedelfunktioner, centralisering af administration på skoler og af bygningspuljer) head
the Økonomi- og Erhvervsudvalg's block; the other proposals, the budgets and the amounts are
illustrative.
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import save_xlsx, titled_sheet

TITLE = "Reduktionskatalog, budget 2020-2023"
HEADER = ["Nr.", "Reduktionsforslag", "Budget 2020", "2020", "2021", "2022", "2023", "Andel af budget"]
TARGET = "Reduktionskrav"
UDVALG = [
    ("Økonomi- og Erhvervsudvalget", 4900, [
        ("ØK-1", "Samling af pedelfunktioner", 18500, (1100, 1600, 1600, 1600)),
        ("ØK-2", "Centralisering af administration på skolerne", 42000, (2300, 2300, 2300, 2300)),
        ("ØK-3", "Centralisering af bygningspuljer", 25000, (1500, 1500, 1500, 1500)),
    ]),
    ("Børne- og Ungdomsudvalget", 12600, [
        ("BU-1", "Reduceret ledelsestid i dagtilbud", 310000, (3100, 3100, 3100, 3100)),
        ("BU-2", "Færre specialklasser i almenskolen", 96000, (2400, 2400, 2400, 2400)),
        ("BU-3", "Ændret tildeling til SFO", 120000, (2800, 2800, 2800, 2800)),
        ("BU-4", "Reduceret tilskud til privat pasning", 150000, (3000, 3000, 3000, 3000)),
    ]),
    ("Social- og Sundhedsudvalget", 11500, [
        ("SU-1", "Omlægning af hjemmeplejens ruter", 210000, (4000, 4000, 4000, 4000)),
        ("SU-2", "Færre eksterne botilbudspladser", 180000, (3500, 3500, 3500, 3500)),
        ("SU-3", "Velfærdsteknologi i plejeboliger", 160000, (4200, 4200, 4200, 4200)),
    ]),
    ("Teknisk Udvalg", 6200, [
        ("TU-1", "Reduceret vintertjeneste", 45000, (2500, 2500, 2500, 2500)),
        ("TU-2", "Færre kollektive busruter i yderområder", 60000, (1800, 1800, 1800, 1800)),
        ("TU-3", "Reduceret pleje af grønne områder", 38000, (1900, 1900, 1900, 1900)),
    ]),
]


def write(out: Path) -> None:
    from openpyxl.styles import Font

    book, sheet = titled_sheet("Reduktionskatalog", TITLE,
                               "Beløb i 1.000 kr. (2020-priser). Reduktionskravet er 35,2 mio. kr. årligt fra 2020.")
    sheet.append(HEADER)
    bold = [1, 3]
    for udvalg, target, proposals in UDVALG:
        sheet.append([udvalg])
        bold.append(sheet.max_row)
        for nr, title, budget, amounts in proposals:
            sheet.append([nr, title, budget, *amounts, round(amounts[0] / budget, 4)])  # a fraction, General format
        sheet.append([None, TARGET, None, *[target] * 4])
    sheet.append([None, f"{TARGET} i alt", None, *[sum(t for _, t, _ in UDVALG)] * 4])
    bold.append(sheet.max_row)
    for row in bold:
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for letter, width in zip("ABCDEFGH", (7, 44, 12, 9, 9, 9, 9, 14)):
        sheet.column_dimensions[letter].width = width
    save_xlsx(book, out / "viborg-procent-som-broek.xlsx")
