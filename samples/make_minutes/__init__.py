"""Committee minutes samples: the Lejre seed in its three forms, the same minutes saved as Word by
LibreOffice, and minutes laid out as eight other municipalities' committee systems print them.

- `lejre`: the seed (text), a Word document made from it, and LibreOffice's PDF of that;
- `lejre-libreoffice-word.docx`: the Word document with its table headers merged as people merge
  them ("FV. regnskabsafvigelse i forhold til:" over "Opr." and "Kor."), saved by LibreOffice;
- `municipalities`: each layout as Word (`.docx`, with its running header and footer) and as
  LibreOffice's PDF of it; `holdout`: five more, found by a trial on documents the team had not seen.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from samples.make_minutes import holdout, holdout2, lejre
from samples.make_minutes.layout import libreoffice_convert, write_docx
from samples.make_minutes.municipalities import LAYOUTS


def main(out_dir: Path) -> None:
    out_dir = Path(out_dir)
    lejre.main(out_dir)
    write_libreoffice_word(out_dir / f"{lejre.STEM}.docx", out_dir / "lejre-libreoffice-word.docx")
    write_municipalities(out_dir)


def write_municipalities(out_dir: Path) -> None:
    """Each municipality's layout as Word, and LibreOffice's PDF of that Word document."""
    for make in (*LAYOUTS, *holdout.LAYOUTS, *holdout2.LAYOUTS):
        layout = make()
        docx_path = write_docx(layout, out_dir / f"{layout.name}.docx")
        libreoffice_convert(docx_path, out_dir / f"{layout.name}.pdf", "pdf")


def write_libreoffice_word(source: Path, target: Path) -> Path:
    """The Lejre minutes with merged table headers, as Word saves them, then saved again by LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        merged = lejre.merge_table_headers(source, Path(tmp) / target.name)
        return libreoffice_convert(merged, target, "docx")
