"""The columns users type in (Status, Kommentar, Beslutning) survive a rebuild, matched by the row's key.

A refresh rebuilds every generated sheet from the sources. Before it does, the
handler reads what users typed beside each keyed row (`read_user_entries`, from the
plain values of the open book); after `build_layout` it puts them back on the row
with the same key (`merge_user_entries`). A key that no longer comes from any source
is never dropped: it moves to the sheet "Udgåede forslag", marked "Udgået af
kilderne", with what the user wrote, and returns to its place if a later source
brings it back. A center sheet whose center disappeared is emptied down to a note
(`retired_sheet_layouts`), so its old rows are not read as live ones again.

Everything here works on plain value grids (lists of rows), so the open workbook
(xlwings) and a file (openpyxl) are read the same way.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from workbook.layout import BookLayout, CellValue, SheetLayout, Style, table_over
from workbook.sections.reductions import USER_COLUMNS

KEY_LABEL = "Nøgle"
SHEET_LABEL = "Tidligere ark"
CONTEXT_LABELS = ("Udvalg", "Overskrift", "Bevillingstekst")  # what the row was about, where the block has it
MARK_LABEL = "Kildestatus"
RETIRED_MARK = "Udgået af kilderne"
RETIRED_SHEET = "Udgåede forslag"
RETIRED_NOTE = "Står ikke længere i kilderne."  # A2 of a formerly generated sheet the sources no longer give
RETIRED_COLUMNS = (KEY_LABEL, SHEET_LABEL, *CONTEXT_LABELS, *USER_COLUMNS, MARK_LABEL)
HEADER_ROW = 4
TOTAL_LABEL = "Total"  # the row under a table that sums it

Grid = Sequence[Sequence[object]]


@dataclass(frozen=True)
class UserEntry:
    """What a user typed beside one keyed row, and enough context to recognise the row later."""

    key: str
    sheet: str
    values: tuple[CellValue, ...]  # in USER_COLUMNS order
    context: tuple[CellValue, ...] = ()  # in CONTEXT_LABELS order

    @property
    def has_input(self) -> bool:
        return any(v not in (None, "") for v in self.values)


@dataclass(frozen=True)
class MergeReport:
    restored: int  # rows that got their user columns back
    retired: tuple[str, ...]  # keys kept on the Udgåede sheet

    def describe(self) -> str:
        text = f"{self.restored} rækker fik deres Status/Kommentar/Beslutning igen"
        if self.retired:
            text += f"; {len(self.retired)} forslag står ikke længere i kilderne (se '{RETIRED_SHEET}')"
        return text


def table_rows(grid: Grid) -> list[tuple[int, dict[str, int], list[Sequence[object]]]]:
    """(header row index, label -> column index, its rows) of every table of a sheet with a key column.

    A table's rows run from its header to its Total row (its first filled cell "Total", or "I alt" as
    under the Bemærkninger table) or the first blank row, so rows users inserted (which have no key)
    are among them.
    """
    tables = []
    for r, row in enumerate(grid):
        labels = {str(v).strip(): c for c, v in enumerate(row) if isinstance(v, str) and v.strip()}
        if KEY_LABEL not in labels:
            continue
        lines = []
        for line in grid[r + 1:]:
            first = next((v for v in line if v not in (None, "")), None)
            if first is None or (isinstance(first, str) and first.strip() in (TOTAL_LABEL, "I alt")):
                break
            lines.append(line)
        tables.append((r, labels, lines))
    return tables


def grid_to_entries(sheet: str, grid: Grid) -> list[UserEntry]:
    """Every keyed row of each table with the user columns on one sheet (rows without a key are skipped)."""
    entries = []
    for _header, labels, lines in table_rows(grid):
        if not all(label in labels for label in USER_COLUMNS):
            continue
        for row in lines:
            key = _at(row, labels[KEY_LABEL])
            if not isinstance(key, str) or not key.strip():
                continue
            values = tuple(_at(row, labels[label]) for label in USER_COLUMNS)
            context = tuple(_at(row, labels[label]) if label in labels else None for label in CONTEXT_LABELS)
            former = _at(row, labels[SHEET_LABEL]) if SHEET_LABEL in labels else sheet
            entries.append(UserEntry(key.strip(), str(former or sheet), values, context))
    return entries


def read_user_entries(grids: Mapping[str, Grid]) -> dict[str, UserEntry]:
    """Key -> entry over a whole book. Live sheets win over the Udgåede sheet; the first row of a key wins."""
    found: dict[str, UserEntry] = {}
    order = sorted(grids, key=lambda name: name == RETIRED_SHEET)
    for name in order:
        for entry in grid_to_entries(name, grids[name]):
            found.setdefault(entry.key, entry)
    return found


def merge_user_entries(layout: BookLayout, entries: Mapping[str, UserEntry]) -> MergeReport:
    """Put each entry back on the layout row with its key; keep the rest on the Udgåede sheet."""
    placed: set[str] = set()
    restored = 0
    for sheet in layout.sheets:
        for row, key, columns in layout_keyed_rows(sheet):
            placed.add(key)
            entry = entries.get(key)
            if entry is None:
                continue
            for label, value in zip(USER_COLUMNS, entry.values):
                if value not in (None, ""):
                    sheet.put(row, columns[label], value, Style.WRAP if label == "Kommentar" else Style.TEXT)
            restored += entry.has_input
    retired = [entry for key, entry in entries.items() if key not in placed]
    layout.sheets.append(retired_sheet(retired))
    return MergeReport(restored, tuple(e.key for e in retired))


def layout_keyed_rows(sheet: SheetLayout) -> list[tuple[int, str, dict[str, int]]]:
    """(row, key, label -> column) of every keyed row a layout sheet holds (columns 1-based)."""
    rows = []
    headers = [(r, c) for (r, c), cell in sheet.cells.items() if cell.value == KEY_LABEL]
    for header, _ in headers:
        labels = {cell.value: c for (r, c), cell in sheet.cells.items() if r == header and isinstance(cell.value, str)}
        if not all(label in labels for label in USER_COLUMNS):
            continue
        row = header + 1
        while True:
            cell = sheet.cells.get((row, labels[KEY_LABEL]))
            if cell is None or not isinstance(cell.value, str) or not cell.value:
                break
            rows.append((row, cell.value, labels))
            row += 1
    return rows


def retired_sheet(entries: Sequence[UserEntry]) -> SheetLayout:
    """The rows whose key no source brings any more, with what users wrote about them."""
    sheet = SheetLayout(RETIRED_SHEET, "Kilder", freeze=f"A{HEADER_ROW + 1}", print_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    sheet.put(1, 1, RETIRED_SHEET, Style.TITLE)
    sheet.put(2, 1, "Forslag der ikke længere står i kilderne. De slettes ikke; det brugerne har skrevet, "
                    "står her og flytter tilbage, hvis forslaget kommer igen.", Style.NOTE)
    sheet.put_row(HEADER_ROW, list(RETIRED_COLUMNS), Style.HEADER)
    row = HEADER_ROW
    for row, entry in enumerate(sorted(entries, key=lambda e: (e.sheet, e.key)), start=HEADER_ROW + 1):
        sheet.put_row(row, [entry.key, entry.sheet, *_padded(entry.context, len(CONTEXT_LABELS)),
                            *_padded(entry.values, len(USER_COLUMNS)), RETIRED_MARK], Style.TEXT)
    sheet.tables.append(table_over(sheet.name, "Udgaaede", HEADER_ROW, row, len(RETIRED_COLUMNS)))
    return sheet


def retired_sheet_layouts(former_sheets: Iterable[str], layout: BookLayout) -> list[SheetLayout]:
    """A note-only layout for each formerly generated sheet that the new layout no longer has."""
    current = {s.name for s in layout.sheets}
    sheets = []
    for name in sorted(set(former_sheets) - current):
        sheet = SheetLayout(name, "Center")
        sheet.put(1, 1, name, Style.TITLE)
        sheet.put(2, 1, f"{RETIRED_NOTE} Rækkerne og det, brugerne skrev, er flyttet til '{RETIRED_SHEET}'.",
                  Style.NOTE)
        sheets.append(sheet)
    return sheets


def _at(row: Sequence[object], col: int) -> CellValue:
    value = row[col] if col < len(row) else None
    if value == "":
        return None
    return value  # type: ignore[return-value]


def _padded(values: tuple[CellValue, ...], length: int) -> list[CellValue]:
    return list(values) + [None] * (length - len(values))
