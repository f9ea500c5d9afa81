"""Holbæk's effektiviseringsforslag for Budget 2023 as a workbook: the udvalg in a column, the
politikområde in another, and each udvalg's target written in the title column ("Måltal") beside the
udvalg's name (it was read as one more proposal, so the list's total disagreed with its "I alt").

Sources: https://www.sn.dk/holbaek-kommune/saadan-kan-der-spares-paa-erhvervsliv-unge-og-ledige/ (the
Udvalget for Beskæftigelse, Uddannelse og Erhverv must find 2,5 mio. kr.; its proposals come to "godt
tre mio. kr." in 2023 and "godt fem mio. kr." in the later years; Holbæk Erhvervsforum's grant is one
of them), https://holbaek.dk/politik/budget-og-regnskab/effektiviseringsforslag-2023/ (måltal per
udvalg) and https://holbaek.dk/politik-og-demokrati/budget-og-regnskab/budget-2024/budget-2024-er-vedtaget
(two of Økonomiudvalget's titles). The other titles and the figures are illustrative.
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import save_xlsx, titled_sheet

HEADER = ["Udvalg", "Nr.", "Effektiviseringsforslag", "Politikområde", "2023", "2024", "2025", "2026"]
UDVALG = [
    ("Udvalget for Beskæftigelse, Uddannelse og Erhverv", 2500, [
        ("BUE-1", "Nedsat tilskud til Holbæk Erhvervsforum", "Erhverv", (1200, 1800, 1800, 1800)),
        ("BUE-2", "Digital jobsamtale", "Beskæftigelse", (900, 1700, 1700, 1700)),
        ("BUE-3", "Samling af ungeindsatser", "Uddannelse", (1050, 1600, 1600, 1600)),
    ]),
    ("Økonomiudvalget", 4200, [
        ("ØU-1", "Optimering af betalingsproces for e-handelsfakturaer", "Administration", (1500, 1500, 1500, 1500)),
        ("ØU-2", "Optimering af licenser", "Administration", (1800, 1800, 1800, 1800)),
        ("ØU-3", "Færre mødelokaler", "Ejendomme", (1000, 1000, 1000, 1000)),
    ]),
]


def write(out: Path) -> None:
    from openpyxl.styles import Font

    book, sheet = titled_sheet("Effektiviseringer", "Effektiviseringsforslag Budget 2023",
                               "Beløb i 1.000 kr. (2023-priser)", "")
    sheet.append(HEADER)
    bold = [sheet.max_row]
    for udvalg, target, proposals in UDVALG:
        for nr, title, area, amounts in proposals:
            sheet.append([udvalg, nr, title, area, *amounts])
        sheet.append([udvalg, None, "Måltal", None, *[target] * 4])
        bold.append(sheet.max_row)
    totals = [sum(p[3][k] for _, _, proposals in UDVALG for p in proposals) for k in range(4)]
    sheet.append(["I alt", None, None, None, *totals])
    bold.append(sheet.max_row)
    for row in bold:
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (44, 8, 48, 16)):
        sheet.column_dimensions[letter].width = width
    save_xlsx(book, out / "holbaek-maaltal-i-titelkolonnen.xlsx")
