"""Odense's directors' proposal to Økonomiudvalget (March 2019): where 140 mio. kr. are moved to welfare in
next year's budget, one amount per area, "Område | 2020 (mio. kr.)", "I alt". The list has no title
column: the areas are what it proposes to take the money from. A second trial on documents the team had
not seen found it refused (read as a proposal form's amount table).

Source: https://www.tv2fyn.dk/artikel/odense-vil-spare-massivt-paa-kulturen-faa-raad-til-fremtidens-velfaerd
(areas and amounts as published; the source cuts one name short, "Kultur, oplevelser og"; the table's
layout and column heading are written for the sample).
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import WordTable, docx_and_pdf

ITEMS = [("Vækst og udvikling", 27), ("Kultur og oplevelser", 28), ("Udbud og kontrakter", 5),
         ("Fritidsområdet og folkeoplysning", 10), ("Entre og gebyr", 5), ("Facility management", 2),
         ("Vej- og vintertjeneste", 4), ("Reduceret prisfremskrivning", 25), ("Kan- og skal opgaver", 14),
         ("Mindreforbrug på elever og fleksjobbere", 10), ("Løbende anlægsrammer", 10)]
TOTAL = 140  # as published


def write(out: Path) -> None:
    assert sum(v for _, v in ITEMS) == TOTAL
    rows: list[object] = [["Område", "2020 (mio. kr.)"], *([t, str(v)] for t, v in ITEMS), ["I alt", str(TOTAL)]]
    docx_and_pdf(
        out / "odense-omraader-uden-titelkolonne-mio-kr.docx",
        header="Odense Kommune · Økonomiudvalget",
        paragraphs_before=[("Heading 1", "Omprioritering til velfærd"),
                           ("Normal", "Direktørerne foreslår, at der i næste års budget flyttes penge fra følgende "
                                      "områder:")],
        table=WordTable(rows, [5, 1.6], {0, len(rows) - 1}),
        paragraphs_after=[("Normal", "Hertil kommer 60 mio. kr. på administrationen i de fem forvaltninger.")],
        author="Odense Kommune (sample)")
