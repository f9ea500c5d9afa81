"""The tables inside an item: header rows merged into column names, values read the Danish way, the
table's unit kept, a table continued on the next page (its header printed again) read as one.

The unit stands in a header cell ("Resultatopgørelse (mio. kr.)", "2025 (1.000 kr.)") or in a line
just above the table ("I mio. kr.", "Beløb i 1.000 kr."); it is the vocabulary's `common.units`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from budgetbook.errors import NumberError
from budgetbook.model import Provenance, ReadWarning
from budgetbook.records.minutes import MinutesTable, TableRow, TableValue
from importers.minutes.entries import Entry
from importers.minutes.words import UNIT_SENTENCES, UNITS
from importers.numbers import parse_number
from importers.vocabulary import Vocabulary

_YEAR = re.compile(r"(?:19|20)\d{2}")  # a column heading "2025", not an amount of 2.025
_NUMBER_LIKE = re.compile(r"^[-+−–(]?\s*\d[\d.,  ]*\)?$")
_DATE_LIKE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")
_TABLE_NAME = re.compile(r"^Tabel\s+\d+")


def tables_of(entries: Sequence[Entry]) -> list[tuple[list[Entry], list[Entry]]]:
    """Each run of table rows in the entries with the prose lines just above it (at most two).

    A row that repeats the run's first row (the header printed again on the next page) is dropped.
    """
    runs: list[tuple[list[Entry], list[Entry]]] = []
    prose: list[Entry] = []
    rows: list[Entry] | None = None
    for entry in entries:
        if not entry.table:
            rows = None
            prose.append(entry)
            continue
        if rows is None:
            rows = []
            runs.append((rows, prose[-2:]))
            prose = []
        if rows and entry.cells == rows[0].cells and entry.provenance.page != rows[0].provenance.page:
            continue
        rows.append(entry)
    return runs


def table_to_record(rows: Sequence[Entry], intro: Sequence[Entry], vocabulary: Vocabulary,
                    warnings: list[ReadWarning]) -> MinutesTable:
    """Header rows (no numbers beyond the label) merged into column names; the rest read as values."""
    header_rows: list[tuple[str, ...]] = []
    index = 0
    while index < len(rows) and (not any(_is_number_like(c) for c in rows[index].cells[1:])
                                 or index == 0 and _years_only(rows[index].cells[1:])) and len(rows) - index > 1:
        if header_rows and rows[index].cells[0]:
            break
        header_rows.append(rows[index].cells)
        index += 1
    body = rows[index:]
    width = max(len(r.cells) for r in rows)
    headers = merge_header_rows(header_rows, width)
    records = tuple(TableRow(r.cells[0], tuple(_value(c, r.provenance, warnings) for c in _pad(r.cells, width)[1:]),
                             r.provenance) for r in body)
    while headers and not headers[-1] and all(len(r.values) and r.values[-1] is None for r in records):
        headers = headers[:-1]
        records = tuple(TableRow(r.label, r.values[:-1], r.provenance) for r in records)
    unit, unit_text = table_unit(headers, intro, vocabulary)
    return MinutesTable(_table_title(intro, headers, records), headers, records, rows[0].provenance, unit, unit_text)


def table_unit(headers: Sequence[str], intro: Sequence[Entry], vocabulary: Vocabulary) -> tuple[str | None, str]:
    """The unit a table states: in a header cell, else in a short line just above it ("I mio. kr.")."""
    for cell in headers:
        if hit := vocabulary.search(UNITS, cell):
            return hit.role, cell
    for entry in reversed(intro):
        if len(entry.text) <= 60 and (hit := vocabulary.match(UNIT_SENTENCES, entry.text)):
            unit = next((v for v in hit.values.values() if isinstance(v, str)), None)
            if unit is None and (found := vocabulary.search(UNITS, entry.text)):
                unit = found.role
            return unit, entry.text
    return None, ""


def merge_header_rows(rows: Sequence[tuple[str, ...]], width: int) -> tuple[str, ...]:
    """Two header rows into one: a cell spanning the columns beneath it is carried over them
    ("FV. regnskabsafvigelse i forhold til:" over "Opr." and "Kor.")."""
    if not rows:
        return ()
    padded = [_pad(row, width) for row in rows]  # rows of a merged header may be shorter than the table
    merged = [""] * width
    for index, row in enumerate(padded):
        carried = ""
        for i, cell in enumerate(row):
            below = any(r[i] for r in padded[index + 1:])
            if cell:
                carried = cell
                merged[i] = f"{merged[i]} {cell}".strip()
            elif carried and below:
                merged[i] = f"{merged[i]} {carried}".strip()
    return tuple(merged)


def _pad(cells: Sequence[str], width: int) -> tuple[str, ...]:
    return tuple(cells) + ("",) * (width - len(cells))


def _years_only(cells: Sequence[str]) -> bool:
    """"Beløb i 1.000 kr. | 2018", "| 2025 | 2026 | 2027": a first row whose every figure is a year heads the
    table; its years are no amounts."""
    filled = [c.strip() for c in cells if c.strip()]
    return bool(filled) and all(_YEAR.fullmatch(c) for c in filled)


def _is_number_like(cell: str) -> bool:
    return bool(_NUMBER_LIKE.match(cell.strip())) and not _DATE_LIKE.match(cell.strip())


def _value(cell: str, where: Provenance, warnings: list[ReadWarning]) -> TableValue:
    text = cell.strip()
    if not text:
        return None
    if not _is_number_like(text):
        return text
    try:
        return parse_number(text, where)
    except NumberError as exc:
        warnings.append(ReadWarning(f"{exc.message}; kept as text", where))
        return text


def _table_title(intro: Sequence[Entry], headers: Sequence[str], rows: Sequence[TableRow]) -> str:
    for entry in reversed(intro):
        text = entry.text.strip()
        if _TABLE_NAME.match(text) or (text.endswith(":") and len(text) <= 120):
            return text.rstrip(":").strip()
    if headers and headers[0]:
        return headers[0]  # "Resultatopgørelse (mio. kr.)"
    if rows:
        return f"{rows[0].label} – {rows[-1].label}" if len(rows) > 1 else rows[0].label
    return "Tabel"
