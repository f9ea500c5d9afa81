"""Sønderborg's overview of the budget agreement's changes (Budgetaftale 2024-2027, "Bilag 1. Overblik -
Ændringer til budgettet") as one Word table and its LibreOffice PDF, landscape with a running header:
"Nr. | Ændring | Udvalg | 2024 ... 2027" in 1.000 kr., the expansions first under a row "Udvidelser" and
the reductions below under "Reduktioner på driften" (the agreement's section 4.14), each closed by its "I
alt"; expansions positive, reductions negative. The third hold-out trial found it refused (no title
column: "Ændring") and, once read, would have added the expansions to the reductions.

Source: https://lawinsider.com/da/contracts/5HzaafjFiiL (the agreement: its sections 4.2 ældre, 4.3 skoler,
4.7 cykelstier og kollektiv trafik, 4.14 Reduktioner på driften and Bilag 1). The rows' titles follow those
sections; the figures are illustrative (the corpus held the agreement's contents, not Bilag 1's rows).
"""

from __future__ import annotations

from pathlib import Path

from importers.numbers import format_number
from samples.make_reduction_list.office import WordTable, docx_and_pdf

HEADER = ["Nr.", "Ændring", "Udvalg", "2024", "2025", "2026", "2027"]
EXPANSIONS = [
    ("U1", "Løft af ældreområdet", "Sundheds- og Ældreudvalget", (6000, 6000, 6000, 6000)),
    ("U2", "Investering i skolerne", "Børne- og Uddannelsesudvalget", (4000, 4000, 4000, 4000)),
    ("U3", "Cykelstier og kollektiv trafik", "Teknik- og Miljøudvalget", (1500, 1500, 1500, 1500)),
]
REDUCTIONS = [
    ("R1", "Reduktion af administrationen", "Økonomiudvalget", (-3000, -4500, -6000, -6000)),
    ("R2", "Færre vikartimer i dagtilbud", "Børne- og Uddannelsesudvalget", (-1200, -2400, -2400, -2400)),
    ("R3", "Optimering af kørsel", "Teknik- og Miljøudvalget", (-800, -800, -800, -800)),
    ("R4", "Energibesparelser i kommunale bygninger", "Økonomiudvalget", (-500, -1000, -1500, -1500)),
]


def write(out: Path) -> None:
    rows: list[object] = [HEADER]
    bold, merged = {0}, set()
    for heading, items in (("Udvidelser", EXPANSIONS), ("Reduktioner på driften", REDUCTIONS)):
        merged.add(len(rows))
        bold.add(len(rows))
        rows.append([heading])
        rows.extend([nr, title, udvalg, *map(format_number, amounts)] for nr, title, udvalg, amounts in items)
        bold.add(len(rows))
        rows.append(["", "I alt", "", *(format_number(sum(i[3][k] for i in items)) for k in range(4))])
    docx_and_pdf(out / "soenderborg-udvidelser-og-reduktioner-i-en-tabel.docx",
                 header="Sønderborg Kommune · Budgetaftale 2024-2027",
                 paragraphs_before=[("Heading 1", "Bilag 1. Overblik - Ændringer til budgettet"),
                                    ("Normal", "Beløb i 1.000 kr. Udvidelser er merudgifter (+), reduktioner er "
                                               "mindreudgifter (-).")],
                 table=WordTable(rows, [0.8, 5, 4, 1.3, 1.3, 1.3, 1.3], bold, merged), landscape=True,
                 author="Sønderborg Kommune (sample)")
