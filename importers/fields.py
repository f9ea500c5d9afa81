"""Fields found by their labels, wherever they stand: the label/value pairs of a line.

A field's label is a phrase of a vocabulary group (`catalogue.fields`, `forms.fields`); where its
value stands depends on the layout:

    | Kommune | Greve Kommune |                    a label/value grid (the cells of a table row)
    | Titel | Flere pædagoger | Nr. | BUU-U1 |      several pairs in one row, in any order
    Udvalg: Økonomiudvalget                         one line "Label: value"
    | Udvalg: Økonomiudvalget | Område: Skoler |    a two-column box of "Label: value" cells
    Beskrivelse                                     a label alone on its line: its value follows
    Vikarer til dagtilbud købes ...                 on the next lines (`Field.open`)

`cells_to_fields` gives the pairs of one line's cells and the cells no label claimed, which the
importer places itself (a title, a continued description, a column of a two-column block).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from importers.cleanup import tidy
from importers.readers import Line
from importers.ticks import has_marks
from importers.vocabulary import Hit, Vocabulary


@dataclass(frozen=True)
class Field:
    """One labelled value: the label's role, the label and value as printed, and the line."""

    role: str
    label: str
    value: str
    line: Line
    open: bool = False  # the label stood alone at the end of its line: its value follows below
    values: Mapping[str, object] = field(default_factory=dict)  # what the label's template captured


@dataclass(frozen=True)
class LineFields:
    fields: tuple[Field, ...]
    rest: tuple[str, ...]  # cells that are no label and no label's value, in order

    def first(self, role: str) -> Field | None:
        return next((f for f in self.fields if f.role == role), None)


def line_cells(line: Line) -> list[str]:
    """The line's cells as tidy text, empty cells kept (a label beside an empty cell has no value)."""
    return [tidy(c) for c in line.cells]


def cells_to_fields(cells: Sequence[str], line: Line, vocabulary: Vocabulary, group: str) -> LineFields:
    """The label/value pairs among a line's cells: a label cell takes the next cell as its value
    unless that is a label too; a "Label: value" cell is a pair by itself. A cell that starts with a
    tick box ("☒ Besparelse") is an option ticked or not, never a label."""
    fields: list[Field] = []
    rest: list[str] = []
    index = 0
    while index < len(cells):
        cell = cells[index]
        if not cell:
            index += 1
            continue
        hit = vocabulary.match(group, cell) if not _ticked_option(cell) else None
        if hit is not None:
            following = cells[index + 1] if index + 1 < len(cells) else None
            if following is not None and (not following or not _is_label(following, vocabulary, group)):
                fields.append(Field(hit.role, cell, following, line, values=dict(hit.values)))
                index += 2
                continue
            last = all(not c for c in cells[index + 1:])
            fields.append(Field(hit.role, cell, "", line, open=last, values=dict(hit.values)))
            index += 1
            continue
        pair = split_label_value(cell, line, vocabulary, group)
        if pair is not None:
            fields.append(pair)
        else:
            rest.append(cell)
        index += 1
    return LineFields(tuple(fields), tuple(rest))


def _ticked_option(cell: str) -> bool:
    stripped = cell.lstrip()
    return bool(stripped) and has_marks(stripped[0])


def split_label_value(text: str, line: Line, vocabulary: Vocabulary, group: str) -> Field | None:
    """ "Udvalg: Økonomiudvalget" as a field; None when the part before the first colon is no label."""
    found = _colon_label(text, vocabulary, group)
    if found is None:
        return None
    hit, label, value = found
    return Field(hit.role, label, value, line, open=not value, values=dict(hit.values))


def _colon_label(text: str, vocabulary: Vocabulary, group: str) -> tuple[Hit, str, str] | None:
    label, colon, value = text.partition(":")
    hit = vocabulary.match(group, label) if colon else None
    return (hit, label.strip(), value.strip()) if hit is not None else None


def _is_label(cell: str, vocabulary: Vocabulary, group: str) -> bool:
    return vocabulary.match(group, cell) is not None or _colon_label(cell, vocabulary, group) is not None
