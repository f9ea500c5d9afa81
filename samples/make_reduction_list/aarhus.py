"""Aarhus' sparekatalog as agreed for 2023-2026 (Teknik og Miljø, Sundhed og Omsorg), as a Word table:
amounts in mio. kr. with one decimal, the magistratsafdeling in a column, columns headed
"Besparelse 2023" ... (a saving is positive; a cost the agreement adds back is negative), and a
labelled subtotal per afdeling ("Teknik og Miljø i alt").

Figures as published in the overview of the agreement,
https://aarhus.lokalavisen.dk/samfund/ECE14731669/faa-overblikket-her-er-alle-de-steder-der-skal-spares/
(10,7 mio. kr. on staff, 1,8 on street lights, 0,2 to the animal shelter, 6,3 on ticket machines of
which 2 go to rejsekort, about 7 on route 22 of which 1 goes to FlexTrafik, about 2 on Ejendomme; the
klippekort 7 in 2023 and 13,5 after, with 0,5 back to an activity pool in 2023 and 2024). The
"about" figures are printed as those numbers.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from importers.numbers import format_number
from samples.make_reduction_list.office import WordTable, write_docx

_one_decimal = partial(format_number, decimals=1)

YEARS = ["2023", "2024", "2025", "2026"]
AFDELINGER = [
    ("Teknik og Miljø", [
        ("Færre medarbejdere (11 årsværk), bl.a. ingen stadsbiolog", (10.7,) * 4),
        ("Hver anden gadelampe slukkes i nattetimerne", (1.8,) * 4),
        ("Tilskud til dyreinternat bortfalder", (0.2,) * 4),
        ("Billetautomater i busserne fjernes", (6.3,) * 4),
        ("Hjælp til ikke-digitale borgere over på rejsekort", (-2.0,) * 4),
        ("Linje 22 (\"Ringruten\") nedlægges", (7.0,) * 4),
        ("Ekstra udgifter til FlexTrafik", (-1.0,) * 4),
        ("Ejendomme: to stillinger spares væk", (2.0,) * 4),
    ]),
    ("Sundhed og Omsorg", [
        ("Klippekort på plejehjem afskaffes", (7.0, 13.5, 13.5, 13.5)),
        ("Aktivitets- og oplevelsespulje på plejehjemmene", (-0.5, -0.5, 0.0, 0.0)),
    ]),
]


def write(out: Path) -> None:
    rows: list[object] = [["Magistratsafdeling", "Forslag", *(f"Besparelse {y}" for y in YEARS)]]
    bold = {0}
    grand = [0.0] * len(YEARS)
    for afdeling, proposals in AFDELINGER:
        rows.extend([afdeling, title, *map(_one_decimal, amounts)] for title, amounts in proposals)
        totals = [round(sum(p[1][i] for p in proposals), 1) for i in range(len(YEARS))]
        grand = [round(g + t, 1) for g, t in zip(grand, totals)]
        bold.add(len(rows))
        rows.append([f"{afdeling} i alt", "", *map(_one_decimal, totals)])
    bold.add(len(rows))
    rows.append(["I alt", "", *map(_one_decimal, grand)])
    write_docx(out / "aarhus-mio-kr-besparelse-kolonne.docx", header="Aarhus Kommune · Budget 2023-2026",
               paragraphs_before=[("Heading 1", "Sparekatalog: de vedtagne besparelser"),
                                  ("Normal", "Beløb i mio. kr.")],
               table=WordTable(rows, [2.6, 6.5, 1.6, 1.6, 1.6, 1.6], bold), author="Aarhus Kommune (sample)")
