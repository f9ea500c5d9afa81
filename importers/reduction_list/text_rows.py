"""Lists pasted as plain text, cells separated by spaces ("1. Skatkammeret 300.000 300.000 0 300.000").

A table in a web page, an e-mail or a text export often loses its tabs. Read from the right, a line
is its text followed by the numbers of its amount columns: the trailing tokens that read as
numbers are cells, what stands before them is one text cell. A line that ends in a word stays one cell.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from importers.numbers import is_number
from importers.readers import Line


def split_number_tails(lines: Sequence[Line]) -> list[Line]:
    """Every one-cell line without word positions split into text and its trailing numbers."""
    return [_split(line) if len(line.cells) == 1 and not line.words else line for line in lines]


def _split(line: Line) -> Line:
    text = line.cells[0]
    if not isinstance(text, str):
        return line
    tokens = text.split()
    count = 0
    while count < len(tokens) and is_number(tokens[len(tokens) - 1 - count]):
        count += 1
    if count == 0:
        return line
    head = " ".join(tokens[:len(tokens) - count])
    return dataclasses.replace(line, cells=(head, *tokens[len(tokens) - count:]))
