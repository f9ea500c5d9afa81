"""A built Budget.xlsx read back into plain data: its center blocks, rows, sources and provenance.

The committee packs are made from the workbook alone (not from the source documents), so
what finance staff corrected in the workbook travels on. Steps:
`sheet_to_blocks` (every Excel table with an "Udvalg" column is a block of rows, the Total
row under it names the columns it sums; each row's committee is its Udvalg cell as
`budgetbook.committee_identity` knows it, so "Økonomi-udvalget" typed into a row joins
"Økonomiudvalget"), `kontrol_to_traces` (the Sporbarhed table:
which source line each row came from), `kilder_to_sources` (the Kilder table).
Formula cells are kept as `Formula`, text as text: a text cell that starts with "=" is
still text here (openpyxl keeps the cell's type), and the packs write it as text again.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from openpyxl.utils.cell import range_boundaries

from budgetbook.committee_identity import NO_COMMITTEES, committee_key
from budgetbook.errors import WorkbookError
from budgetbook.model import Provenance
from workbook.build import SOURCES
from workbook.kontrol import CHECKS, int_of, read_traces, text_of
from workbook.layout import Cell, Formula, Style
from workbook.sheet_names import committee_sheet_names
from workbook.xlsx_view import BookView, read_view

UDVALG_HEADER = "Udvalg"
AREA_HEADERS = ("Område", "Berørte fagområder")  # what a row without udvalg is declared by, else its center
TOTAL_LABEL = "Total"
_YEAR = re.compile(r"^((?:19|20)\d\d)\b")
_STYLES = {style.value: style for style in Style}


@dataclass(frozen=True)
class BookRow:
    """One data row of a block, cell by cell as the main workbook holds it (formulas as `Formula`)."""

    sheet: str
    row: int
    cells: tuple[Cell, ...]  # aligned with the block's header, column A first
    udvalg: str  # the committee (its label), "" for none
    key: str | None
    provenance: Provenance | None
    area: str = ""  # where a row without udvalg belongs: its Område, its fagområder, else its center


@dataclass(frozen=True)
class CenterBlock:
    """An Excel table of rows on a center sheet, with the note above it and what its Total row sums."""

    sheet: str
    note: str | None
    table: str
    header_row: int
    header: tuple[str, ...]
    rows: tuple[BookRow, ...]
    summed: tuple[int, ...]  # 1-based columns that the Total row under the table sums

    def rows_of(self, udvalg: str) -> tuple[BookRow, ...]:
        return tuple(r for r in self.rows if r.udvalg == udvalg)


@dataclass(frozen=True)
class SourceRow:
    """A document the workbook was built from (the Kilder sheet)."""

    file: str
    kind: str
    sha256: str
    imported_at: str
    records: int | None
    warnings: int | None


@dataclass(frozen=True)
class BudgetBook:
    """What the packs need of a built workbook."""

    path: Path
    sha256: str
    blocks: tuple[CenterBlock, ...]
    sources: tuple[SourceRow, ...]
    committee_sheets: dict[str, str]  # sheet name -> udvalg of each "Udvalg ..." sheet
    titles: dict[str, str]  # center sheet -> the center's own name (its title cell), where the two differ

    @property
    def years(self) -> tuple[str, ...]:
        found = {m.group(1) for b in self.blocks for col in b.summed if (m := _YEAR.match(b.header[col - 1]))}
        return tuple(sorted(found))

    @property
    def budget_year(self) -> str:
        """The first year of the amount columns: the year the budget round is about."""
        if not self.years:
            raise WorkbookError(f"{self.path.name} has no year columns (like '2023 (1.000 kr.)') in its center "
                                "tables; was it built by budgetbook build?")
        return self.years[0]

    def committees(self) -> list[str]:
        return sorted({r.udvalg for b in self.blocks for r in b.rows if r.udvalg})

    def rows_without_committee(self) -> list[BookRow]:
        return [r for b in self.blocks for r in b.rows if not r.udvalg]

    def unassigned_areas(self) -> Counter[str]:
        """The areas of the rows without committee ("Skoler; Administration" for a row of several), and how
        many rows each has."""
        return Counter(r.area for r in self.rows_without_committee() if r.area)

    def center_sheets(self) -> set[str]:
        return {b.sheet for b in self.blocks}

    def title(self, sheet: str) -> str:
        """The center's name as the sources write it ("Kontrol" on the sheet "Center Kontrol")."""
        return self.titles.get(sheet, sheet)

    def row_at(self, sheet: str, row: int) -> BookRow | None:
        for block in self.blocks:
            if block.sheet == sheet:
                for item in block.rows:
                    if item.row == row:
                        return item
        return None


def committee_sheet(udvalg: str) -> str:
    """The name of a committee's sheet in its pack (the main workbook numbers two that meet: see
    `committee_sheets_of`)."""
    return committee_sheet_names([udvalg])[udvalg]


def committee_sheets_of(book: object) -> dict[str, str]:
    """sheet name -> udvalg of every committee sheet, known by its "Udvalg" label in A2 and the name in B2."""
    return {ws.title: str(ws.cell(2, 2).value) for ws in book.worksheets  # type: ignore[attr-defined]
            if ws.cell(2, 1).value == UDVALG_HEADER and ws.cell(2, 2).value}


def read_budget(path: Path, book: BookView | None = None) -> BudgetBook:
    """Read the built workbook at `path` (or the already read view of it), whatever program saved it last."""
    path = Path(path)
    if book is None:
        book = read_view(path)
    if CHECKS not in book.sheetnames:
        raise WorkbookError(f"{path.name} has no '{CHECKS}' sheet; was it built by budgetbook build?")
    traces = kontrol_to_traces(book)
    sheets = committee_sheets_of(book)
    blocks = same_committees(tuple(block for ws in book.worksheets for block in sheet_to_blocks(ws, traces)),
                             tuple(sheets.values()))
    if not blocks:
        raise WorkbookError(f"{path.name} has no center table with an '{UDVALG_HEADER}' column: nothing to pack")
    sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    titles = {b.sheet: str(book[b.sheet].cell(1, 1).value) for b in blocks
              if book[b.sheet].cell(1, 1).value not in (None, b.sheet)}
    return BudgetBook(path, sha256, blocks, kilder_to_sources(book), sheets, titles)


def sheet_to_blocks(ws: object, traces: dict[tuple[str, int], tuple[str, Provenance]]) -> list[CenterBlock]:
    blocks = []
    for name, ref in sorted(_tables(ws).items(), key=lambda item: range_boundaries(item[1])[1]):
        _, header_row, max_col, last_row = range_boundaries(ref)
        header = tuple(text_of(ws.cell(header_row, c).value) for c in range(1, max_col + 1))  # type: ignore[attr-defined]
        if UDVALG_HEADER not in header:
            continue
        udvalg_col = header.index(UDVALG_HEADER) + 1
        key_col = header.index("Nøgle") + 1 if "Nøgle" in header else None
        area_cols = [header.index(label) for label in AREA_HEADERS if label in header]
        title = text_of(ws.cell(1, 1).value).strip() or ws.title  # type: ignore[attr-defined]
        rows = []
        for row in range(header_row + 1, last_row + 1):
            cells = tuple(_cell(ws.cell(row, c)) for c in range(1, max_col + 1))  # type: ignore[attr-defined]
            if all(c.value is None for c in cells):
                continue  # the placeholder row of an empty table
            key, where = traces.get((ws.title, row), (None, None))  # type: ignore[attr-defined]
            udvalg = text_of(cells[udvalg_col - 1].value).strip()
            key = key or (text_of(cells[key_col - 1].value) if key_col else None)
            areas = [text_of(cells[col].value).strip() for col in area_cols]
            area = next((a for a in areas if a), title) if not udvalg else ""
            rows.append(BookRow(ws.title, row, cells, udvalg, key, where, area))  # type: ignore[attr-defined]
        note = ws.cell(header_row - 1, 1).value if header_row > 1 else None  # type: ignore[attr-defined]
        blocks.append(CenterBlock(ws.title, note if isinstance(note, str) else None, name,  # type: ignore[attr-defined]
                                  header_row, header, tuple(rows), _summed(ws, last_row + 1, max_col)))
    return blocks


def same_committees(blocks: tuple[CenterBlock, ...], named: tuple[str, ...] = ()) -> tuple[CenterBlock, ...]:
    """The blocks with every row's udvalg as its committee: spellings of one committee under one label,
    the one its committee sheet has where build made one (`named`)."""
    identity = NO_COMMITTEES.identify(r.udvalg for b in blocks for r in b.rows)
    sheet_label = {committee_key(name): name for name in named}

    def label(udvalg: str) -> str:
        return sheet_label.get(committee_key(udvalg), identity.label(udvalg)) if udvalg else ""

    return tuple(replace(b, rows=tuple(replace(r, udvalg=label(r.udvalg)) for r in b.rows)) for b in blocks)


def _summed(ws: object, total_row: int, max_col: int) -> tuple[int, ...]:
    """The columns whose cell in the Total row under a table is a SUM formula."""
    if text_of(ws.cell(total_row, 1).value).strip() != TOTAL_LABEL:  # type: ignore[attr-defined]
        return ()
    summed = []
    for col in range(2, max_col + 1):
        cell = ws.cell(total_row, col)  # type: ignore[attr-defined]
        if cell.data_type == "f" and str(cell.value).upper().startswith(("=SUM(", "=0")):
            summed.append(col)
    return tuple(summed)


def kontrol_to_traces(book: object) -> dict[tuple[str, int], tuple[str, Provenance]]:
    """(sheet, row) -> (key, source line), from the Kontrol sheet's Sporbarhed table, at the rows' current places."""
    return {(t.sheet, t.row): (t.key, t.source) for t in read_traces(book) if t.row is not None}


def kilder_to_sources(book: object) -> tuple[SourceRow, ...]:
    if SOURCES not in book.sheetnames:  # type: ignore[attr-defined]
        return ()
    ws = book[SOURCES]  # type: ignore[index]
    sources = []
    for ref in _tables(ws).values():
        min_col, header_row, max_col, last_row = range_boundaries(ref)
        header = [text_of(ws.cell(header_row, c).value) for c in range(min_col, max_col + 1)]
        for row in range(header_row + 1, last_row + 1):
            values = dict(zip(header, (ws.cell(row, c).value for c in range(min_col, max_col + 1))))
            if values.get("Fil"):
                sources.append(SourceRow(text_of(values["Fil"]), text_of(values.get("Type")),
                                         text_of(values.get("SHA-256")), text_of(values.get("Indlæst")),
                                         int_of(values.get("Poster")), int_of(values.get("Advarsler"))))
    return tuple(sources)


def _tables(ws: object) -> dict[str, str]:
    return dict(ws.tables.items())  # type: ignore[attr-defined]  # name -> "A5:Q12"


def _cell(cell: object) -> Cell:
    value = cell.value  # type: ignore[attr-defined]
    if cell.data_type == "f":  # type: ignore[attr-defined]
        value = Formula(str(value)[1:])
    style = _STYLES.get(cell.style)  # type: ignore[attr-defined]
    return Cell(value, style)

