"""Rows users typed into a generated table survive a rebuild, kept where they were and marked.

A rebuild (Opdater in the ribbon, `budgetbook build` onto an existing workbook) lays the
generated sheets out again from the sources. Before it does, `read_hand_rows` finds the
rows users added to a keyed table (a header with "Nøgle"): a row inside the table, above
its Total row, with something in it and no key. After `build_layout`, `place_hand_rows`
inserts each one again into the same table of the new layout, below the keyed row it
was below (or at the table's end), as Excel inserts a row: every formula of the book that
reaches the table (its SUM, the committees' SUMIFS, the Kontrol anchors) grows over it or
moves with it. The row gets the table's calculated columns (a formula in every generated
row, such as the percentage) and "Tilføjet i hånden" in its Kilde column. A row whose
table is gone is kept on the "Udgåede forslag" sheet, with the sheet it came from, and
returns to its table if a later source brings the table back.

Everything here works on plain value grids, so the open workbook (xlwings) and a file
are read the same way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from openpyxl.utils.cell import get_column_letter, range_boundaries

from workbook import formulas as fx
from workbook.formula_moves import rows_inserted
from workbook.kontrol import CHECKS
from workbook.layout import BookLayout, Cell, CellValue, Formula, SheetLayout, Style, Table
from workbook.user_columns import KEY_LABEL, RETIRED_SHEET, SHEET_LABEL, Grid, table_rows

HAND_MARK = "Tilføjet i hånden"
SOURCE_LABEL = "Kilde"
_NOT_TABLES = {CHECKS, "Validering"}


@dataclass(frozen=True)
class HandRow:
    """A row users typed into a generated table: where, below which keyed row, and its cells by label."""

    sheet: str
    header: tuple[str, ...]  # the table's header labels, left to right
    after_key: str | None  # the keyed row it was below; None when above every keyed row
    values: tuple[tuple[str, CellValue], ...]  # (label, value) of its non-blank cells

    def value(self, label: str) -> CellValue:
        return dict(self.values).get(label)


def read_hand_rows(grids: Mapping[str, Grid]) -> list[HandRow]:
    """Every row users added to a keyed table of the book, and the ones kept aside on the Udgåede sheet."""
    rows = []
    for name, grid in grids.items():
        if name not in _NOT_TABLES:
            rows.extend(grid_to_hand_rows(name, grid))
    return rows


def grid_to_hand_rows(sheet: str, grid: Grid) -> list[HandRow]:
    found = []
    for _header, labels, lines in table_rows(grid):
        ordered = tuple(label for label, _ in sorted(labels.items(), key=lambda item: item[1]))
        aside = SHEET_LABEL in labels and sheet == RETIRED_SHEET
        after: str | None = None
        for line in lines:
            key = _cell(line, labels[KEY_LABEL]) if KEY_LABEL in labels else None
            if isinstance(key, str) and key.strip():
                after = key.strip()
                continue
            values = tuple((label, value) for label in ordered if label != SHEET_LABEL
                           and (value := _cell(line, labels[label])) not in (None, ""))
            if not values:
                continue
            if aside:  # kept aside by an earlier rebuild: it belongs to the sheet it names
                home = str(_cell(line, labels[SHEET_LABEL]) or "")
                found.append(HandRow(home, tuple(l for l in ordered if l != SHEET_LABEL), None, values))
            else:
                found.append(HandRow(sheet, ordered, after, values))
    return found


@dataclass(frozen=True)
class Placed:
    restored: int  # rows put back into their table
    aside: int  # rows kept on the Udgåede sheet because their table is gone

    def describe(self) -> str:
        text = f"{self.restored} rækker tilføjet i hånden er bevaret"
        if self.aside:
            text += f"; {self.aside} står på '{RETIRED_SHEET}', fordi deres tabel ikke findes længere"
        return text


def place_hand_rows(layout: BookLayout, rows: Sequence[HandRow]) -> Placed:
    """Insert each row into its table of the new layout; keep the rest on the Udgåede sheet."""
    groups: dict[tuple[str, int, int], list[HandRow]] = {}  # (sheet, insert at, header row) -> rows in order
    aside = []
    for row in rows:
        target = _insertion_point(layout, row)
        if target is None:
            aside.append(row)
        else:
            groups.setdefault(target, []).append(row)
    for (sheet, at, header), members in sorted(groups.items(), key=lambda item: (item[0][0], -item[0][1])):
        insert_rows(layout, sheet, at, len(members))
        _fill(layout.sheet(sheet), header, at, members)
    if aside:
        _keep_aside(layout, aside)
    return Placed(sum(len(m) for m in groups.values()), len(aside))


def _insertion_point(layout: BookLayout, row: HandRow) -> tuple[str, int, int] | None:
    """(sheet, row to insert at, header row) of the row's table in the new layout; None when it is gone."""
    try:
        sheet = layout.sheet(row.sheet)
    except KeyError:
        return None
    best = None
    for header, labels in _layout_headers(sheet):
        overlap = len(set(labels) & set(row.header))
        if overlap * 2 > len(row.header) and (best is None or overlap > best[0]):
            best = (overlap, header, labels)
    if best is None:
        return None
    _, header, labels = best
    keyed = _keyed_rows(sheet, header, labels[KEY_LABEL])
    if not keyed:
        return row.sheet, header + 1, header
    # below the keyed row it was below; at the table's end when that row is gone, or when it was above
    # every keyed row (a row inserted at the top of a range would not be summed by it)
    at = next((r + 1 for r, key in keyed if key == row.after_key), keyed[-1][0] + 1)
    return row.sheet, at, header


def _layout_headers(sheet: SheetLayout) -> list[tuple[int, dict[str, int]]]:
    headers = []
    for (r, _c), cell in sheet.cells.items():
        if cell.value == KEY_LABEL:
            labels = {str(c.value): col for (row, col), c in sheet.cells.items() if row == r and isinstance(c.value, str)}
            headers.append((r, labels))
    return sorted(headers)


def _keyed_rows(sheet: SheetLayout, header: int, key_col: int) -> list[tuple[int, str]]:
    rows = []
    row = header + 1
    while (cell := sheet.cells.get((row, key_col))) is not None and isinstance(cell.value, str) and cell.value:
        rows.append((row, cell.value))
        row += 1
    return rows


def _fill(sheet: SheetLayout, header: int, at: int, members: list[HandRow]) -> None:
    """The inserted rows: the calculated columns from the row above, the users' values, the mark."""
    labels = {str(c.value): col for (r, col), c in sheet.cells.items() if r == header and isinstance(c.value, str)}
    above = at - 1 if at - 1 > header else None
    for offset, member in enumerate(members):
        row = at + offset
        for label, col in labels.items():
            model = sheet.cells.get((above, col)) if above is not None else None
            style = model.style if model is not None else Style.TEXT
            if model is not None and isinstance(model.value, Formula) and label != KEY_LABEL:
                letter = get_column_letter(col)
                sheet.put(row, col, fx.moved(model.value, f"{letter}{above}", f"{letter}{row}"), style)
                continue
            value = member.value(label)
            if label == SOURCE_LABEL and value in (None, ""):
                value = HAND_MARK
            if value not in (None, "") and label != KEY_LABEL:
                sheet.put(row, col, value, style)


def insert_rows(layout: BookLayout, name: str, at: int, count: int) -> None:
    """Insert `count` blank rows into sheet `name` at row `at`, as Excel does, across the whole layout."""
    target = layout.sheet(name)
    target.cells = {(r + count if r >= at else r, c): cell for (r, c), cell in target.cells.items()}
    target.tables = [_table_grown(table, at, count) for table in target.tables]
    target.row_heights = {r + count if r >= at else r: height for r, height in target.row_heights.items()}
    if target.freeze:
        target.freeze = _moved_cell(target.freeze, at, count)
    for sheet in layout.sheets:
        for key, cell in list(sheet.cells.items()):
            moved = _moved_cell_content(cell, sheet.name, name, at, count)
            if moved is not cell:
                sheet.cells[key] = moved
    layout.checks = [replace(check, ref=rows_inserted(check.ref, name, name, at, count)) if check.sheet == name
                     else check for check in layout.checks]


def _moved_cell_content(cell: Cell, home: str, sheet: str, at: int, count: int) -> Cell:
    value, link = cell.value, cell.link
    if isinstance(value, Formula) and (home == sheet or sheet in value.expr):
        value = Formula(rows_inserted(value.expr, home, sheet, at, count))
    if link and (home == sheet or sheet in link):
        link = "#" + rows_inserted(link.lstrip("#"), home, sheet, at, count)
    if value is cell.value and link == cell.link:
        return cell
    return Cell(value, cell.style, link)


def _table_grown(table: Table, at: int, count: int) -> Table:
    first_col, first_row, last_col, last_row = range_boundaries(table.ref)
    if first_row >= at:
        first_row, last_row = first_row + count, last_row + count
    elif last_row >= at - 1:
        last_row += count
    else:
        return table
    return Table(table.name, f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}")


def _moved_cell(ref: str, at: int, count: int) -> str:
    letters = ref.rstrip("0123456789")
    row = int(ref[len(letters):])
    return f"{letters}{row + count if row >= at else row}"


def _keep_aside(layout: BookLayout, rows: list[HandRow]) -> None:
    """Rows whose table is gone, under the Udgåede sheet's table, grouped by the table they were in."""
    sheet = layout.sheet(RETIRED_SHEET)
    row = sheet.max_row + 2
    groups: dict[tuple[str, tuple[str, ...]], list[HandRow]] = {}
    for item in rows:
        groups.setdefault((item.sheet, item.header), []).append(item)
    for (home, header), members in groups.items():
        sheet.put(row, 1, f"{HAND_MARK} på arket '{home}', hvis tabel ikke findes længere. Rækkerne flytter "
                          "tilbage, hvis tabellen kommer igen.", Style.NOTE)
        columns = [SHEET_LABEL, *header]
        sheet.put_row(row + 1, columns, Style.HEADER)
        for offset, member in enumerate(members, start=row + 2):
            sheet.put_row(offset, [home, *(member.value(label) for label in header)], Style.TEXT)
        row = row + 2 + len(members) + 1


def _cell(line: Sequence[object], col: int) -> CellValue:
    value = line[col] if col < len(line) else None
    return None if value == "" else value  # type: ignore[return-value]
