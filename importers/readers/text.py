"""Plain text: one line per line, cells split on tabs, pages split on form feeds."""

from __future__ import annotations

from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance
from importers.readers import Line


def read_lines(path: Path) -> list[Line]:
    return text_to_lines(decode(path), path.name)


def decode(path: Path) -> str:
    data = path.read_bytes()
    if b"\x00" in data[:4096]:
        raise SourceError("The file is binary, not text", path.name,
                          hint="Give budgetbook the PDF, Word or Excel original instead.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("The text is neither UTF-8 nor Windows-1252", path.name,  # pragma: no cover
                      hint="Save it as UTF-8.")


def text_to_lines(text: str, name: str) -> list[Line]:
    lines: list[Line] = []
    page = 1
    for number, raw in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        for part_index, part in enumerate(raw.split("\f")):  # a form feed starts a page, also mid-line
            page += part_index > 0
            if part or part_index == 0:
                cells = tuple(part.split("\t")) if "\t" in part else (part,)
                lines.append(Line(cells, Provenance(name, page, number)))
    return lines
