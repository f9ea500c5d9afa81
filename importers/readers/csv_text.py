"""CSV files as Excel and web exports save them: a line of cells per record, quoted fields kept whole.

Danish Excel's "CSV (semikolonsepareret)" separates cells with `;` (the comma is the decimal sign),
quotes a cell holding `;`, a quote or a line break, and saves in Windows-1252; English Excel and most
web exports separate with `,`. `csv_dialect` sniffs the separator from the text, only when it is
CSV-shaped (most records have the same number of cells, at least two); a `sep=;` first line, which
Excel writes and reads as a hint, names it outright. Each line's provenance is the file line its
record starts on; a cell keeps its text as written (a "=" at its start is text, never a formula).
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter

from budgetbook.model import Provenance
from importers.readers import Line

SEPARATORS = ";,\t|"
_HINT = re.compile(r"\A\ufeff?sep=(.)\r?\n")
SAMPLE = 64 * 1024  # characters the separator is sniffed from


def csv_dialect(text: str) -> type[csv.Dialect] | csv.Dialect | None:
    """The dialect of CSV-shaped `text`, or None when it is not CSV (prose, a text export)."""
    hint = _HINT.match(text)
    if hint:
        return _with_delimiter(hint.group(1))
    sample = text[:SAMPLE]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=SEPARATORS)
    except csv.Error:
        return None
    records = [r for r in csv.reader(io.StringIO(_whole_records(sample)), dialect) if any(c.strip() for c in r)]
    if len(records) < 2:
        return None
    widths = Counter(len(r) for r in records)
    width, count = widths.most_common(1)[0]
    return dialect if width >= 2 and count >= 0.6 * len(records) else None


def _with_delimiter(delimiter: str) -> csv.Dialect:
    class Hinted(csv.excel):
        pass

    Hinted.delimiter = delimiter
    return Hinted()


def _whole_records(sample: str) -> str:
    """The sample without its last line, which the cut may have split."""
    return sample if len(sample) < SAMPLE else sample[: sample.rfind("\n") + 1]


def csv_to_lines(text: str, name: str, dialect: type[csv.Dialect] | csv.Dialect) -> list[Line]:
    """A line per record of the CSV `text`: its cells (trailing empty ones left off, as Excel pads
    every record to the widest), the file line it starts on as provenance."""
    hint = _HINT.match(text)
    first_line = 1
    if hint:
        text = text[hint.end():]
        first_line = 2
    text = text.lstrip("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    lines: list[Line] = []
    start = first_line
    for record in reader:
        cells = [c.replace("\r\n", "\n") for c in record]
        while cells and not cells[-1].strip():
            cells.pop()
        lines.append(Line(tuple(cells) or ("",), Provenance(name, 1, start)))
        start = first_line + reader.line_num
    return lines
