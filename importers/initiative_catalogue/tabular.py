"""A catalogue printed as one table, one initiative per row: a header row naming the fields ("Nr |
Overskrift | Beskrivelse | Bevillingsændring | ..."), and columns the vocabulary does not name whose
cells are only a tick ("X", "✓") - categories the row belongs to ("Justering af serviceniveau").

A header counts when it names a title column and at least two other fields; every table row below it
with a title is an initiative, until a line that is no table row. Gives `PrintedRecord`s like the
other layouts (`labelled`, `boxes`), so `records` reads their values the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from budgetbook.model import ReadWarning
from importers.cleanup import one_line
from importers.initiative_catalogue.printed import FIELDS, PrintedRecord
from importers.readers import Line
from importers.vocabulary import Vocabulary

TICKS = frozenset({"x", "✓", "✔", "☒", "ja"})
MIN_NAMED = 3  # the title and at least two more fields


def header_roles(line: Line, vocabulary: Vocabulary) -> dict[int, tuple[str, str]] | None:
    """Cell index -> (role, unit role or "") of a header row naming the initiatives' fields; None for no header."""
    if len(line.cells) < MIN_NAMED:
        return None
    roles: dict[int, tuple[str, str]] = {}
    for index, cell in enumerate(line.cells):
        text = one_line(cell)
        hit = vocabulary.match(FIELDS, text) if text else None
        if hit is not None and hit.role not in {role for role, _ in roles.values()}:
            roles[index] = (hit.role, str(hit.values.get("units", "")) if "units" in hit.values else "")
    named = {role for role, _ in roles.values()}
    return roles if "title" in named and len(named) >= MIN_NAMED else None


def lines_to_rows(lines: Sequence[Line], vocabulary: Vocabulary
                  ) -> tuple[list[PrintedRecord], list[ReadWarning], list[Line]] | None:
    """The initiatives of the first table whose header names their fields; None when there is none."""
    for start, line in enumerate(lines):
        roles = header_roles(line, vocabulary) if not line.words or len(line.cells) >= MIN_NAMED else None
        if roles is None:
            continue
        printed: list[PrintedRecord] = []
        used = [line]
        labels = [one_line(c) for c in line.cells]
        for row in lines[start + 1:]:
            if len(row.cells) < 2:
                break
            record = _row_to_record(row, roles, labels)
            if record is None:
                continue
            printed.append(record)
            used.append(row)
        if printed:
            return printed, [], used
    return None


def _row_to_record(row: Line, roles: dict[int, tuple[str, str]], labels: list[str]) -> PrintedRecord | None:
    record = PrintedRecord("", row.provenance, None)
    for index, cell in enumerate(row.cells):
        text = one_line(cell)
        if not text:
            continue
        if index in roles:
            role, unit = roles[index]
            record.add(role, str(cell))
            record.seen.add(role)
            record.labels[role] = labels[index]
            if unit:
                record.units[role] = unit
        elif text.casefold() in TICKS and index < len(labels) and labels[index]:
            record.add("measure_types", labels[index])  # a ticked category: its column's name
            record.seen.add("measure_types")
    return record if record.has("title") else None
