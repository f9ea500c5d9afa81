"""Kolding's "Budget 2018 0,3% besparelser": savings in whole kroner, each area a row of its own that
also heads the year columns, numbered titles ("1. Skatkammeret"), an unlabelled subtotal row under
each area and a target row ("Sparekrav ved 0,3%").

Figures exactly as published (https://kolding.enhedslisten.dk/budget-2018-03-besparelser/), including
the Børneområdet subtotals, which are each too high by the year they stand under (2.612.000 + 2018 =
2.614.018): a spreadsheet that summed its header. budgetbook must report those four, not repair them.
The text form is the list as published (columns separated by spaces); the Word document and its
LibreOffice PDF are the same table as a municipality would print it, one area per page.
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import PAGE_BREAK, WordTable, docx_and_pdf

TITLE = "Budget 2018 0,3% besparelser"
YEARS = ["2018", "2019", "2020", "2021"]
AREAS = [
    ("Børneområdet", [
        ("1. Skatkammeret", "300.000 300.000 300.000 300.000"),
        ("2. Naturvejleder", "0 285.000 285.000 285.000"),
        ("3. Dagplejekonsulenter", "0 300.000 900.000 900.000"),
        ("4. Specialpædagoger", "0 600.000 900.000 900.000"),
        ("5. Reduktion PAU elever", "1.080.000 1.080.000 1.080.000 1.080.000"),
        ("9. Ressourcepædagoger", "174.000 174.000 174.000 174.000"),
        ("10. Specialpladser i institutioner", "441.000 662.000 882.000 882.000"),
        ("11. Specialgrupper i institutioner", "617.000 617.000 617.000 617.000"),
     ], "2.614.018 4.020.019 5.140.020 5.140.021", "1.295.000 2.588.000 3.871.000 3.871.000"),
    ("Uddannelsesområdet", [
        ("3. Reduktion af Naturskolen", "167.000 400.000 400.000 400.000"),
        ("4. Pædagogisk center", "146.000 350.000 350.000 350.000"),
        ("6. UU vejledning", "500.000 1.200.000 1.200.000 1.200.000"),
        ("7. Ungdomsskolen", "208.000 500.000 500.000 500.000"),
        ("8. Understøttende undervisning", "333.000 800.000 800.000 800.000"),
        ("9. Administrative funktioner", "185.000 445.000 445.000 445.000"),
        ("10. IT læringsmidler", "250.000 500.000 500.000 500.000"),
     ], "1.789.000 4.195.000 4.195.000 4.195.000", "2.770.000 5.526.000 8.268.000 8.268.000"),
]
TARGET = "Sparekrav ved 0,3%"


def write(out: Path) -> None:
    (out / "kolding-hele-kroner-omraader-som-raekker.txt").write_text(published_text(), encoding="utf-8")
    rows: list[object] = []
    bold: set[int] = set()
    for number, (area, proposals, subtotal, target) in enumerate(AREAS):
        if number:
            rows.append(PAGE_BREAK)
        bold.add(len(rows))
        rows.append([area, *(YEARS if number == 0 else [""] * len(YEARS))])
        rows.extend([title, *amounts.split()] for title, amounts in proposals)
        bold.add(len(rows))
        rows.append(["", *subtotal.split()])
        rows.append([TARGET, *target.split()])
    docx_and_pdf(out / "kolding-hele-kroner-omraader-som-raekker.docx", header="Kolding Kommune",
                 paragraphs_before=[("Heading 1", TITLE)], table=WordTable(rows, [5, 2, 2, 2, 2], bold),
                 author="Kolding Kommune (sample)")


def published_text() -> str:
    """The list as the page prints it: one line per row, cells separated by single spaces."""
    lines = [TITLE]
    for number, (area, proposals, subtotal, target) in enumerate(AREAS):
        lines.append(f"{area} {' '.join(YEARS)}" if number == 0 else area)
        lines.extend(f"{title} {amounts}" for title, amounts in proposals)
        lines.append(subtotal)
        lines.append(f"{TARGET} {target}")
    return "\n".join(lines) + "\n"
