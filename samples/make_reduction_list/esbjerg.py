"""Esbjerg's savings on the political organisation 2019-2022: one area's list in whole kroner, the unit
in a sentence ("Beløb i kr."), the titles under "Spareforslag", and a closing "Besparelse i alt" (the
list's total, which was read as the total of an area called "Besparelse").

Source: https://www.jv.dk/esbjerg/Besparelser-paa-politikerne-er-sendt-til-debat-i-grupperne/artikel/2680233
(direktionens forslag: printere og toner, abonnementer på aviser og tidsskrifter, forplejning til udvalg
og byråd, hotel-overnatninger, kørsel og budgetseminarer; 210.000 / 343.000 / 273.000 / 287.000 kr. in
2019-2022, as published). How the years' totals split over the items is illustrative.
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import WordTable, docx_and_pdf

HEADER = ["Spareforslag", "2019", "2020", "2021", "2022"]
ITEMS = [
    ("Printere og toner", "35.000 52.000 41.000 43.000"),
    ("Abonnementer på aviser og tidsskrifter", "45.000 61.000 48.000 51.000"),
    ("Forplejning til udvalg og byråd", "30.000 68.000 54.000 57.000"),
    ("Hotel-overnatninger", "20.000 52.000 40.000 42.000"),
    ("Kørsel", "20.000 50.000 40.000 44.000"),
    ("Budgetseminarer", "60.000 60.000 50.000 50.000"),
]
TOTAL = ("Besparelse i alt", "210.000 343.000 273.000 287.000")  # as published


def write(out: Path) -> None:
    rows: list[object] = [HEADER, *([title, *amounts.split()] for title, amounts in ITEMS),
                          [TOTAL[0], *TOTAL[1].split()]]
    target = out / "esbjerg-hele-kroner-besparelse-i-alt.docx"
    docx_and_pdf(
        target,
        header="Esbjerg Kommune · Økonomiudvalget",
        paragraphs_before=[
            ("Heading 1", "Besparelser på den politiske organisation 2019-2022"),
            ("Normal", "Direktionens forslag til udmøntning af rammebesparelsen på Politisk organisation. "
                       "Beløb i kr."),
        ],
        table=WordTable(rows, [5, 1.3, 1.3, 1.3, 1.3], {0, len(rows) - 1}),
        paragraphs_after=[("Normal", "Budgettet for den politiske organisation er ca. 18,5 mio. kr. i 2019.")],
        author="Esbjerg Kommune (sample)")
    target.unlink()  # published as PDF only
