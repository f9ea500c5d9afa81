"""Plain text: one line per line, cells split on tabs, pages split on form feeds; a CSV file (.csv) a
line per record, its cells as the separator and quotes make them (`importers.readers.csv_text`)."""

from __future__ import annotations

from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance
from importers.readers import Line


def read_lines(path: Path) -> list[Line]:
    text = decode(path)
    if path.suffix.lower() == ".csv":
        from importers.readers.csv_text import csv_dialect, csv_to_lines

        dialect = csv_dialect(text)
        if dialect is not None:
            return csv_to_lines(text, path.name, dialect)
    return text_to_lines(text, path.name)


def decode(path: Path) -> str:
    """The file's text: UTF-16 (what Notepad saves as "Unicode", with or without its byte order
    mark), UTF-8 or, failing that, Windows-1252. Anything else with more than a stray NUL byte is binary."""
    data = path.read_bytes()
    utf16 = utf16_encoding(data)
    if utf16 is not None:
        try:
            return data.decode(utf16)
        except UnicodeDecodeError:
            pass
    sample = data[:4096]
    if sample.count(0) > max(2, len(sample) // 100):  # a stray NUL is a control character to remove, not binary
        raise SourceError("The file is binary, not text", path.name,
                          hint="Give budgetbook the PDF, Word or Excel original instead.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SourceError("The text is neither UTF-8 nor Windows-1252", path.name,  # pragma: no cover
                      hint="Save it as UTF-8.")


def utf16_encoding(data: bytes) -> str | None:
    """"utf-16" when the data starts with a UTF-16 byte order mark; "utf-16-le"/"utf-16-be" when, without
    one, most characters have a zero high byte on the same side (Danish text is almost all Latin-1)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    zeros_odd, zeros_even = sample[1::2].count(0), sample[0::2].count(0)
    if zeros_odd >= 0.6 * pairs and zeros_even == 0:
        return "utf-16-le"
    if zeros_even >= 0.6 * pairs and zeros_odd == 0:
        return "utf-16-be"
    return None


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
