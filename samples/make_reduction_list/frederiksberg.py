"""Frederiksberg's list of "budgetforbedringsforslag" for Budget 2024: the title column called
"Budgetforbedringsforslag" (no Overskrift/Titel/Forslag), each udvalg a row across the table closed by
"<udvalg> i alt", an "I alt", the unit in a sentence above the table, landscape with a running header.

Source: https://frederiksbergnyt.dk/cms/2023/08/20/foreloebig-liste-over-budgetforbedringsforslag-til-budget-2024/
(the list of 65.035.000 kr.; the udvalg totals 16,8 / 11,5 / 6,9 / 8,3 mio. kr. and the proposals named
there with their 2024 amounts are as quoted). The other proposals and the later years are illustrative,
chosen so that every printed total adds up. A trial on documents the team had not seen found this list
refused ("Not recognised as a budget document").
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import WordTable, docx_and_pdf

HEADER = ["Nr.", "Budgetforbedringsforslag", "2024", "2025", "2026", "2027"]
UDVALG = [
    ("Sundheds- og Omsorgsudvalget", [
        ("SOU-1", "Visiteret tid til personlig pleje", "6.900 6.900 6.900 6.900"),
        ("SOU-2", "Færre aktiviteter på plejecentre", "2.900 2.900 2.900 2.900"),
        ("SOU-3", "Fjernelse af tilskud til ældreklubber og frivillige foreninger", "2.800 2.800 2.800 2.800"),
        ("SOU-4", "Rengøring hver 3. uge i stedet for hver 2. uge", "1.800 1.800 1.800 1.800"),
        ("SOU-5", "Færre ledelseslag i hjemmeplejen", "2.400 2.600 2.600 2.600"),
     ], "16.800 17.000 17.000 17.000"),
    ("Undervisningsudvalget", [
        ("UU-1", "Omlægning af 2-lærer timer til 2-voksen timer i specialklasser", "2.000 3.500 3.500 3.500"),
        ("UU-2", "Rammebesparelse Skolen på Nordens Plads", "1.000 1.000 1.000 1.000"),
        ("UU-3", "Afskaffelse af lejrskolen", "800 800 800 800"),
        ("UU-4", "Reduktion af skolernes IT-budget", "3.900 3.900 3.900 3.900"),
        ("UU-5", "Færre vikartimer", "3.800 3.800 3.800 3.800"),
     ], "11.500 13.000 13.000 13.000"),
    ("Børneudvalget", [
        ("BU-1", "Reduktion af køkkentimer i vuggestuer", "1.800 1.800 1.800 1.800"),
        ("BU-2", "Lukkedage i dagtilbud mellem jul og nytår", "2.600 2.600 2.600 2.600"),
        ("BU-3", "Færre pædagogiske konsulenter", "2.500 2.500 2.500 2.500"),
     ], "6.900 6.900 6.900 6.900"),
    ("Socialudvalget", [
        ("SO-1", "Reduktion af støtten til frivillige foreninger på det sociale område", "3.300 3.300 3.300 3.300"),
        ("SO-2", "Nedlæggelse af den boligsociale indsats", "2.200 2.200 2.200 2.200"),
        ("SO-3", "Takstjustering på botilbud", "2.800 2.800 2.800 2.800"),
     ], "8.300 8.300 8.300 8.300"),
    ("Magistraten", [
        ("MA-1", "Færre chefstillinger i administrationen", "9.000 9.000 9.000 9.000"),
        ("MA-2", "Lavere udgifter til konsulentbistand", "7.535 7.535 7.535 7.535"),
        ("MA-3", "Digital post og print", "5.000 5.000 5.000 5.000"),
     ], "21.535 21.535 21.535 21.535"),
]
GRAND_TOTAL = "65.035 66.735 66.735 66.735"


def write(out: Path) -> None:
    rows: list[object] = [HEADER]
    bold, merged = {0}, set()
    for udvalg, proposals, total in UDVALG:
        bold.add(len(rows))
        merged.add(len(rows))
        rows.append([udvalg])
        rows.extend([nr, title, *amounts.split()] for nr, title, amounts in proposals)
        bold.add(len(rows))
        rows.append(["", f"{udvalg} i alt", *total.split()])
    bold.add(len(rows))
    rows.append(["", "I alt", *GRAND_TOTAL.split()])
    docx_and_pdf(
        out / "frederiksberg-budgetforbedringsforslag-udvalg-som-raekker.docx",
        header="Frederiksberg Kommune · Budget 2024",
        paragraphs_before=[
            ("Heading 1", "Budgetforbedringsforslag – Budget 2024"),
            ("Normal", "Forvaltningens forslag til budgetforbedringer. Beløb i 1.000 kr. (2024-pl)."),
        ],
        table=WordTable(rows, [1.2, 7, 1.3, 1.3, 1.3, 1.3], bold, merged),
        landscape=True,
        author="Frederiksberg Kommune (sample)")
