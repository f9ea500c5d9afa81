"""What a worksheet hides and merges, read from its XML by regular expressions (no second parse).

Excel keeps these apart from the cells: a hidden row is `<row r="7" hidden="1">`, hidden columns
are `<col min="4" max="5" hidden="1"/>`, a merged area is `<mergeCell ref="C6:C10"/>`, and a
formula saved without its result (scripts, some web exports) is `<f>SUM(G4:G9)</f>` with no or an
empty `<v>`. The reader (`importers.readers.xlsx`) streams the cells with openpyxl; this gives it
the rest from one pass of regular expressions over the part's bytes, several times faster than
building XML elements.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field

from openpyxl.utils.cell import range_boundaries

_P = rb"(?:\w+:)?"  # a namespace prefix (<x:row>), which some exporters write
_HIDDEN_ROW = re.compile(rb"<" + _P + rb"row\b([^>]*\bhidden=\"(?:1|true)\"[^>]*)>")
_COL = re.compile(rb"<" + _P + rb"col\b([^>]*?)/?>")
_MERGE = re.compile(rb"<" + _P + rb"mergeCell\b[^>]*?\bref=\"([A-Z]+\d+:[A-Z]+\d+)\"")
_ATTRIBUTE = re.compile(rb"""\b(\w+)\s*=\s*["']([^"']*)["']""")
_UNCACHED = re.compile(  # a formula with no result after it: </f></c>, <f .../></c>, </f><v/></c>, </f><v></v></c>
    rb"(?:</" + _P + rb"f>|<" + _P + rb"f\b[^>]*/>)\s*(?:<" + _P + rb"v\s*/>|<" + _P + rb"v>\s*</" + _P + rb"v>)?\s*</"
    + _P + rb"c>")
_FORMULA = re.compile(rb"<" + _P + rb"f[\s>/]")
_FULL_CALC = re.compile(rb"<" + _P + rb"calcPr\b[^>]*\bfullCalcOnLoad=\"(?:1|true)\"")
_TRUE = (b"1", b"true")


@dataclass(frozen=True)
class Merge:
    """A merged area: its value stands in the top-left cell."""

    min_col: int
    min_row: int
    max_col: int
    max_row: int


@dataclass(frozen=True)
class SheetLayout:
    """A worksheet's hidden rows and columns (1-based), its merged areas, whether it has formulas and
    whether one of them has no saved result."""

    hidden_rows: frozenset[int] = frozenset()
    hidden_columns: frozenset[int] = frozenset()
    merges: tuple[Merge, ...] = ()
    formulas: bool = False
    uncached_formulas: bool = False
    fills: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)  # covered cell -> top-left cell


def read_layout(data: bytes) -> SheetLayout:
    """The layout of one worksheet part (its XML as bytes). Each expression runs only when a plain
    search finds its element's name, so a sheet without any costs a few fast scans."""
    hidden = b"hidden" in data
    hidden_rows = frozenset(
        int(attributes[b"r"]) for attributes in map(_attributes, _HIDDEN_ROW.findall(data) if hidden else ())
        if attributes.get(b"r", b"").isdigit())
    hidden_columns: set[int] = set()
    head = data[:data.find(b"sheetData")] if hidden else b""  # <cols> stands before the cells
    for attributes in map(_attributes, _COL.findall(head)):
        if attributes.get(b"hidden") in _TRUE and attributes.get(b"min", b"").isdigit():
            first = int(attributes[b"min"])
            last = int(attributes.get(b"max", attributes[b"min"]))
            hidden_columns.update(range(first, min(last, 16384) + 1))
    merges = tuple(Merge(*range_boundaries(ref.decode()))
                   for ref in (_MERGE.findall(data) if b"mergeCell" in data else ()))
    formulas = (b"f>" in data or b"<f " in data) and bool(_FORMULA.search(data))
    return SheetLayout(hidden_rows, frozenset(hidden_columns), merges, formulas,
                       formulas and bool(_UNCACHED.search(data)), fills_down(merges))


def fills_down(merges: tuple[Merge, ...]) -> dict[tuple[int, int], tuple[int, int]]:
    """(row, column) of each cell a merged area one column wide covers below its top -> its top cell.

    Such an area is a list's area or udvalg written once beside the rows it belongs to; a user reads it
    on every row, so the reader gives its value on every row. An area over several columns (a title,
    a header over two columns) keeps its value in its top-left cell only, as the other readers do.
    """
    return {(row, merge.min_col): (merge.min_row, merge.min_col)
            for merge in merges if merge.min_col == merge.max_col and merge.max_row > merge.min_row
            for row in range(merge.min_row + 1, min(merge.max_row, merge.min_row + 100_000) + 1)}


def recalculates_on_load(package: zipfile.ZipFile) -> bool:
    """Whether the workbook asks Excel to compute every formula when it opens (`fullCalcOnLoad`): scripts
    (openpyxl, XlsxWriter) set it and save no results or placeholder zeros, so the saved results are not
    what Excel shows."""
    try:
        return bool(_FULL_CALC.search(package.read("xl/workbook.xml")))
    except KeyError:
        return False


def _attributes(text: bytes) -> dict[bytes, bytes]:
    return {name: value for name, value in _ATTRIBUTE.findall(text)}


def left_out(sheet: str, rows: list[int], columns: list[int]) -> str:
    """One sentence on the hidden rows and columns of `sheet` that hold text ("" for none)."""
    from openpyxl.utils.cell import get_column_letter

    parts = []
    if rows:
        parts.append(f"{'row' if len(rows) == 1 else 'rows'} {_runs([str(r) for r in rows], rows)}")
    if columns:
        parts.append(f"{'column' if len(columns) == 1 else 'columns'} "
                     f"{_runs([get_column_letter(c) for c in columns], columns)}")
    if not parts:
        return ""
    return (f"Sheet '{sheet}': hidden {' and '.join(parts)} hold text and were not read, as the spreadsheet does "
            "not show them; unhide them to read them")


def _runs(names: list[str], numbers: list[int]) -> str:
    """"4-6, 9" for rows 4, 5, 6 and 9 (or "D-E, H" for columns)."""
    runs: list[str] = []
    start = 0
    for index in range(1, len(numbers) + 1):
        if index == len(numbers) or numbers[index] != numbers[index - 1] + 1:
            runs.append(names[start] if start == index - 1 else f"{names[start]}-{names[index - 1]}")
            start = index
    return ", ".join(runs)
