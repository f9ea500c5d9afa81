"""Tables printed without gridlines: PDF text lines put back into the columns of their header.

Without ruling lines pdfplumber cannot find the table, so a wrapped cell comes out as
extra lines below its row and a header label over three lines as three lines. This step
takes the x position of each word (kept by the PDF reader) and:
- finds the header line (its words name the columns) and takes each word's left edge as
  the start of a column; the header's wrapped continuation lines complete the labels;
- puts every later word in the column whose span holds the word's middle;
- starts a new row where a line has text in a column that only a new row fills (the key
  columns: Nr., Center, the amounts), and adds any other line to the row above it, column by
  column (a wrapped explanation); a line with nothing in the text columns (a page number)
  is passed on as it was.
The header is found again on every page, so each page's own column positions count.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from budgetbook.model import Provenance
from importers.readers import Line, Word


@dataclass(frozen=True)
class TableShape:
    """What the importer knows of its table: how to spot the header, and which columns start a row."""

    is_header: Callable[[list[str]], bool]
    starts_row: Callable[[list[str], list[str]], bool]  # (header labels so far, cells) -> new row?
    text_columns: Callable[[list[str]], set[int]]  # header labels -> columns a wrapped line may continue


def unruled_lines_to_rows(lines: Sequence[Line], shape: TableShape,
                          joined: dict[Provenance, list[Provenance]] | None = None) -> list[Line]:
    """The lines as table rows; `joined`, if given, receives for each row the lines joined into it."""
    joined = {} if joined is None else joined
    rows: list[Line] = []
    anchors: list[float] | None = None
    header: list[str] = []
    header_line: Line | None = None
    current: tuple[list[str], Line] | None = None

    def flush() -> None:
        nonlocal current
        if current is not None:
            rows.append(Line(tuple(current[0]), current[1].provenance))
            current = None

    for line in lines:
        texts = [w.text for w in line.words]
        if line.words and shape.is_header(texts):
            flush()
            if header_line is not None:
                rows.append(Line(tuple(header), header_line.provenance))
            anchors = [w.x0 for w in line.words]
            header, header_line = texts, line
            continue
        if not line.words or anchors is None:
            flush()
            rows.append(line)
            continue
        cells = words_to_cells(line.words, anchors)
        if header_line is not None:  # still in the header: its wrapped labels continue here
            if not shape.starts_row(header, cells):
                header = [_join(h, c) for h, c in zip(header, cells, strict=True)]
                joined.setdefault(header_line.provenance, []).append(line.provenance)
                continue
            rows.append(Line(tuple(header), header_line.provenance))
            header_line = None
        if shape.starts_row(header, cells):
            flush()
            current = (cells, line)
        elif current is not None and all(not c or i in shape.text_columns(header) for i, c in enumerate(cells)):
            current = ([_join(a, b) for a, b in zip(current[0], cells, strict=True)], current[1])
            joined.setdefault(current[1].provenance, []).append(line.provenance)
        else:
            flush()
            rows.append(line)
    flush()
    if header_line is not None:
        rows.append(Line(tuple(header), header_line.provenance))
    return rows


def words_to_cells(words: Sequence[Word], anchors: Sequence[float]) -> list[str]:
    """Each word into the column whose span [anchor, next anchor) holds its middle."""
    cells = [""] * len(anchors)
    for word in words:
        middle = (word.x0 + word.x1) / 2
        column = max((i for i, start in enumerate(anchors) if start <= middle), default=0)
        cells[column] = _join(cells[column], word.text)
    return cells


def _join(left: str, right: str) -> str:
    return f"{left} {right}".strip() if left and right else (left or right)
