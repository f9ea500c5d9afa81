"""Aalborg's reduction proposals for Budget 2024-2027 as Word: every committee was asked for proposals of 1 %
of its operating budget in 2024, 2 % in 2025 and 2,5 % from 2026. Per udvalg a heading (the first above the
first table), a table "Forslag | 2024 ... 2027" in mio. kr. with one decimal whose first row is the
udvalg's "Reduktionskrav (...)", its proposals, and "Forslag i alt". The third hold-out trial found the
first udvalg's rows filed under a group "Forslag" (the total "Forslag i alt" named after the column) and its
Reduktionskrav taken for the whole list's.

Source: https://aalborg.dk/om-kommunen/oekonomi-og-statistik/introduktion-til-budgettet (the percentages
and "ca. 100 millioner kroner i 2024 stigende til 250 millioner kroner i 2026"); the committees' budgets and
proposals illustrative.
"""

from __future__ import annotations

from pathlib import Path

from importers.numbers import format_number
from samples.document_layout import Document, Heading, Para, grid, write_samples

YEARS = ("2024", "2025", "2026", "2027")
SHARES = (0.01, 0.02, 0.025, 0.025)  # as published
UDVALG = [
    ("Skoleudvalget", 1480, [("Reduktion af fællesudgifter på skoleområdet", (6.0, 12.0, 15.0, 15.0)),
                             ("Færre tolketimer", (2.8, 5.6, 7.0, 7.0)),
                             ("Lukning af Hals Skoles svømmehal", (0.0, 1.5, 2.5, 2.5))]),
    ("Familie- og Beskæftigelsesudvalget", 2210, [("Tilpasning af indsatsen for unge ledige", (10.0, 20.0, 25.0, 25.0)),
                                                  ("Samling af familiecentre", (6.6, 12.6, 17.0, 17.0)),
                                                  ("Digital ydelsesadministration", (5.5, 11.6, 13.3, 13.3))]),
]


def _mio(value: float) -> str:
    return format_number(value, 1)


def write(out: Path) -> None:
    document = Document("Reduktionsforslag – Budget 2024-2027", "Aalborg Kommune (sample)",
                        header="Aalborg Kommune · Budget 2024-2027")
    document.add(Heading("Reduktionsforslag – Budget 2024-2027", 1),
                 Para("Alle politiske udvalg er bedt om at finde reduktionsforslag svarende til 1 % i 2024, 2 % i "
                      "2025 og 2,5 % fra 2026 af udvalgets driftsbudget. Alle beløb er i mio. kr."))
    for udvalg, budget, proposals in UDVALG:
        rows = [("Forslag", *YEARS),
                (f"Reduktionskrav ({format_number(budget)} mio. kr. i driftsbudget)",
                 *(_mio(round(budget * share, 1)) for share in SHARES))]
        rows += [(title, *map(_mio, amounts)) for title, amounts in proposals]
        rows.append(("Forslag i alt", *(_mio(round(sum(a[k] for _, a in proposals), 1)) for k in range(4))))
        document.add(Heading(udvalg, 2), grid(rows, (8.0, 1.8, 1.8, 1.8, 1.8), header=1, label_column=False))
    write_samples(out, {"aalborg-reduktionskrav-i-procent-pr-udvalg.docx": document})
