"""Lejre's "Overblik: Omstillings- og reduktionsforslag" for budget 2024-27 as an Excel export: only
Nr., Center, Overskrift and the four years, the unit in a sentence ("Alle tal er i hele tusinde
kroner"), a total row and the target the Økonomiudvalg set.

Source: https://www.lejre.dk/politik-og-demokrati/budget-og-regnskab/nuvaerende-budget-2024-2027 (the
overview of reduction proposals by center) and the hearing notice
https://www.lejre.dk/nyheder/horinger-afgorelser-og-udbud/2023/juni/horing-reduktionskatalog-til-budget-2024-27/
(target: 20 mio. kr. in 2024 and a further 15 mio. kr. from 2025, as printed in the Måltal row). The
proposals and their amounts are illustrative: the catalogue itself is not in the corpus.
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import save_xlsx, titled_sheet

TITLE = "Overblik: Omstillings- og reduktionsforslag, budget 2024-2027"
HEADER = ["Nr.", "Center", "Overskrift", "2024", "2025", "2026", "2027"]
PROPOSALS = [
    (1, "CBL", "Færre timer til understøttende undervisning", 1200, 2900, 2900, 2900),
    (2, "CBL", "Samling af administration på skolerne", 800, 800, 800, 800),
    (3, "CBL", "Reduceret åbningstid i SFO i skolernes ferier", 450, 450, 450, 450),
    (4, "CJS", "Hjemtagning af STU-forløb", 1500, 2500, 2500, 2500),
    (5, "CJS", "Færre eksterne konsulenter", 300, 300, 300, 300),
    (6, "CSI", "Omlægning af madservice", 2000, 2000, 2000, 2000),
    (7, "CSI", "Velfærdsteknologi i hjemmeplejen", 1000, 3000, 4000, 4000),
    (8, "CTM", "Reduceret græsslåning i rabatter", 650, 650, 650, 650),
    (9, "CTM", "Slukning af vejbelysning om natten", 900, 900, 900, 900),
    (10, "CKF", "Lukning af et lokalbibliotek", 0, 1100, 1100, 1100),
    (11, "CØH", "Digital post og selvbetjening", 400, 650, 650, 650),
    (12, "Tværgående", "Karens ved genbesættelse af stillinger", 8000, 8000, 8000, 8000),
    (13, "Tværgående", "Fælles indkøbsaftaler", 3500, 5000, 5000, 5000),
]
TARGET = ("Måltal for reduktionskataloget", 20000, 35000, 35000, 35000)


def write(out: Path) -> None:
    from openpyxl.styles import Font

    book, sheet = titled_sheet("Overblik", TITLE, "Alle tal er i hele tusinde kroner. Positive tal er reduktioner.", "")
    sheet.append(HEADER)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in PROPOSALS:
        sheet.append(list(row))
    totals = [sum(p[i] for p in PROPOSALS) for i in range(3, 7)]
    sheet.append([None, None, "I alt", *totals])
    sheet.append([None, None, *TARGET])
    for row in sheet.iter_rows(min_row=sheet.max_row - 1):
        for cell in row:
            cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=5, min_col=4):
        for cell in row:
            cell.number_format = "#,##0"
    for letter, width in zip("ABCDEFG", (6, 12, 48, 10, 10, 10, 10)):
        sheet.column_dimensions[letter].width = width
    save_xlsx(book, out / "lejre-2024-kun-nr-center-overskrift.xlsx")
