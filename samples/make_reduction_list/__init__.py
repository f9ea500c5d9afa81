"""Lists of proposals as municipalities publish them, one module per municipality and layout.

- `lejre`: the seed (Lejre's "Udmøntning af reduktion", 2023) as text, Excel export and printed PDF,
  printed without gridlines, and text that looks like a formula;
- `lejre_overblik`: Lejre 2024, only Nr., Center, Overskrift and years (XLSX);
- `kolding`: whole kroner, areas as rows of their own, unlabelled subtotals, target rows (text, DOCX, PDF);
- `koebenhavn`: savings as negative numbers, the unit only in a sentence (DOCX, PDF);
- `frederikssund`: numbers inside the titles, mio. kr., a period total column (PDF);
- `viborg`: targets per udvalg, a percentage typed as a fraction without percent format (XLSX);
- `aarhus`: mio. kr., "Besparelse 2023" columns, the afdeling in a column (DOCX);
- `frederiksberg`: the title column called "Budgetforbedringsforslag", udvalg as rows of their own (DOCX, PDF);
- `vejen`: the titles under "Reduktion", whole kroner, savings negative (XLSX);
- `esbjerg`: one area's list in whole kroner closed by "Besparelse i alt" (PDF);
- `holbaek`: the udvalg in a column, each udvalg's "Måltal" in the title column (XLSX);
- `hoersholm`: the titles under "Bestilling", whole hundreds of kroner, a year printed twice (XLSX);
- `odense`: areas and one year in mio. kr., no title column (DOCX, PDF);
- `rudersdal`: a "heraf" row under the proposal it is part of, mio. kr. (XLSX);
- `soenderborg`: expansions and reductions in one table under their own headings, each with its "I alt" (DOCX, PDF);
- `aalborg`: a table per udvalg under its heading, its Reduktionskrav as the first row, "Forslag i alt" (DOCX).

Every sample and its source are listed in samples/reduction_list/README.md.
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list import (
    aalborg,
    aarhus,
    esbjerg,
    frederiksberg,
    frederikssund,
    holbaek,
    hoersholm,
    koebenhavn,
    kolding,
    lejre,
    lejre_overblik,
    odense,
    rudersdal,
    soenderborg,
    vejen,
    viborg,
)
from samples.make_reduction_list.lejre import seed_rows, write_pdf

__all__ = ["main", "seed_rows", "write_pdf"]

LAYOUTS = (lejre, lejre_overblik, kolding, koebenhavn, frederikssund, viborg, aarhus, frederiksberg, vejen, esbjerg,
           holbaek, hoersholm, odense, rudersdal, soenderborg, aalborg)


def main(out: Path) -> None:
    for layout in LAYOUTS:
        layout.write(out)
