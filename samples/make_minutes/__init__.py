"""Committee minutes samples: the Lejre seed in its three forms, the same minutes saved as Word by
LibreOffice.

- `lejre`: the seed (text), a Word document made from it, and LibreOffice's PDF of that;
- `lejre-libreoffice-word.docx`: the Word document with its table headers merged as people merge
  them ("FV. regnskabsafvigelse i forhold til:" over "Opr." and "Kor."), saved by LibreOffice;
- `municipalities`: each layout as Word (`.docx`, with its running header and footer) and as
  LibreOffice's PDF of it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from samples.make_minutes import lejre
from samples.make_minutes.layout import libreoffice_convert


def main(out_dir: Path) -> None:
    out_dir = Path(out_dir)
    lejre.main(out_dir)
    write_libreoffice_word(out_dir / f"{lejre.STEM}.docx", out_dir / "lejre-libreoffice-word.docx")


def write_libreoffice_word(source: Path, target: Path) -> Path:
    """The Lejre minutes with merged table headers, as Word saves them, then saved again by LibreOffice."""
    with tempfile.TemporaryDirectory() as tmp:
        merged = lejre.merge_table_headers(source, Path(tmp) / target.name)
        return libreoffice_convert(merged, target, "docx")
