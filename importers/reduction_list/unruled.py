"""A list printed without gridlines: its PDF text lines put back into the columns of its header
(`importers.unruled`), with the header and its columns recognised through the vocabulary.

A line is the header when one of its words names the title column (Overskrift, Titel, Tiltag, ...)
and another a year or the center; a row starts where a year column holds a figure; a wrapped line
may continue any column but the budget and the percentage (where a page number would land).
"""

from __future__ import annotations

from collections.abc import Sequence

from budgetbook.model import Provenance
from importers.numbers import is_number
from importers.readers import Line
from importers.reduction_list.columns import COLUMNS
from importers.unruled import TableShape, unruled_lines_to_rows
from importers.vocabulary import Vocabulary


def unruled_rows(lines: Sequence[Line], vocabulary: Vocabulary,
                 joined: dict[Provenance, list[Provenance]]) -> list[Line]:
    return unruled_lines_to_rows(lines, list_shape(vocabulary), joined)


def list_shape(vocabulary: Vocabulary) -> TableShape:
    def roles(labels: Sequence[str]) -> list[str | None]:
        return [vocabulary.role(COLUMNS, label) for label in labels]

    def is_header(words: list[str]) -> bool:
        found = set(roles(words))
        return "title" in found and bool(found & {"year", "center"})

    def starts_row(header: list[str], cells: list[str]) -> bool:
        """A row of the list always has an amount for some year; a line without one continues the row
        above (a wrapped text, or "Total" wrapped below "CSE" in a narrow column)."""
        return any(role == "year" and i < len(cells) and is_number(cells[i]) for i, role in enumerate(roles(header)))

    def text_columns(header: list[str]) -> set[int]:
        return {i for i, role in enumerate(roles(header)) if role not in ("budget", "pct")}

    return TableShape(is_header=is_header, starts_row=starts_row, text_columns=text_columns)
