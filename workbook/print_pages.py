"""Where a sheet's columns fall on paper, and texts that run into empty cells kept inside their page.

A text in a cell whose right-hand neighbours are empty is drawn across them, on screen and on
paper, but a printer cuts it where the page ends, and a text left of the repeated title columns
would show again, in pieces, on every page. `page_columns` plans the pages as Excel and
LibreOffice break them (columns left to right until the page is full; from the second page
on, the title columns first); `place_spills` gives each such text the room it needs on every
page it prints on: it moves the rest of a note to the empty row below it, widens the empty
columns it runs into as far as the page allows (columns after them move to the next page),
and wraps a plain text or a note in its own cell when nothing else helps.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils.cell import column_index_from_string

from workbook.layout import Cell, SheetLayout, Style
from workbook.text_width import width_for

# Column-width units across an A4 landscape page inside its margins: 770 pt, and LibreOffice gives
# a unit 5,6 pt where Excel gives it 5,25 pt; planned with the wider one so both fit.
PAGE_WIDTH = 135.0
DEFAULT_WIDTH = 8.43


@dataclass(frozen=True)
class Spill:
    """A text that runs into the empty cells to its right, and the width it needs."""

    row: int
    col: int
    width: float


def columns(span: str | None) -> list[int]:
    """"B:D" -> [2, 3, 4]."""
    if not span:
        return []
    first, _, last = span.partition(":")
    return list(range(column_index_from_string(first), column_index_from_string(last or first) + 1))


def folded_columns(sheet: SheetLayout) -> set[int]:
    """The columns of collapsed groups: hidden on screen and on paper."""
    return {c for g in sheet.groups if g.collapsed for c in range(g.first, g.last + 1)}


def page_columns(sheet: SheetLayout, last: int | None = None) -> list[list[int]]:
    """The columns of each page across, in print order: left to right until the page is full, and
    from the second page on the title columns already printed first."""
    hidden = folded_columns(sheet)
    titles = [c for c in columns(sheet.print_cols) if c not in hidden]
    if last is None:
        last = max((c for (_r, c) in sheet.cells), default=0)
    pages: list[list[int]] = [[]]
    used = 0.0
    for col in (c for c in range(1, last + 1) if c not in hidden):
        width = sheet.column_widths.get(col, DEFAULT_WIDTH)
        if pages[-1] and used + width > PAGE_WIDTH:
            pages.append([t for t in titles if t < col])
            used = _width(sheet, pages[-1])
        pages[-1].append(col)
        used += width
    return pages


def place_spills(sheet: SheetLayout, spills: list[Spill]) -> bool:
    """Make room for every spilling text on each page it prints on; True when cells had to change."""
    changed = False
    titles = set(columns(sheet.print_cols))
    last = max((c for (_r, c) in sheet.cells), default=0)
    used_rows = {r for (r, _c) in sheet.cells}
    pages = page_columns(sheet, last)
    for spill in spills:
        cell = sheet.cells[(spill.row, spill.col)]
        # A repeated title column prints its texts again on later pages, cut at the title columns' edge
        # (Excel and LibreOffice do not run them into the page's other columns): whole on its own page.
        on = [p for p in pages if spill.col in p]
        for page in on[:1] if spill.col in titles else on:
            run = _run(sheet, spill.row, spill.col, page, titles)
            room = _width(sheet, run)
            if spill.width <= room:
                continue
            if _break_note(sheet, spill, cell, room, used_rows):  # rather two lines of a note than wide columns
                changed = True
                break
            growable = [c for c in run if c not in titles]
            slack = PAGE_WIDTH - _width(sheet, page[:page.index(run[-1]) + 1])  # later columns may move on
            if growable and slack > 0:
                extra = min(slack, spill.width - room) / len(growable)
                for col in growable:
                    sheet.column_widths[col] = sheet.column_widths.get(col, DEFAULT_WIDTH) + extra
                room = _width(sheet, run)
                pages = page_columns(sheet, last)
            if spill.width > room + 0.01:
                changed = _wrap_text(sheet, spill, cell) or changed
                break
    return changed


def _run(sheet: SheetLayout, row: int, col: int, page: list[int], titles: set[int]) -> list[int]:
    """The cell's column and the empty cells after it on this page; a cell left of the repeated title
    columns does not run into them (they print again on the next page)."""
    start = page.index(col)
    run = [col]
    for nxt in page[start + 1:]:
        if col not in titles and nxt in titles:
            break
        if not _blank(sheet.cells.get((row, nxt))):
            break
        run.append(nxt)
    return run


def _width(sheet: SheetLayout, cols: list[int]) -> float:
    return sum(sheet.column_widths.get(c, DEFAULT_WIDTH) for c in cols)


def _blank(cell: Cell | None) -> bool:
    return cell is None or cell.value is None or cell.value == ""


def _break_note(sheet: SheetLayout, spill: Spill, cell: Cell, room: float, used_rows: set[int]) -> bool:
    """A note too long for its page continues in the empty row below it, broken between words."""
    if cell.style is Style.TEXT or not isinstance(cell.value, str):
        return False
    if spill.row + 1 in used_rows:
        return False
    words = cell.value.split(" ")
    bold = cell.style in (Style.TITLE, Style.LABEL, Style.TOTAL_LABEL)
    scale = spill.width / width_for(cell.value, bold)  # the title style's larger size, if it is one
    first: list[str] = []
    for word in words:
        if first and width_for(" ".join([*first, word]), bold) * scale > room:
            break
        first.append(word)
    if not first or len(first) == len(words):
        return False
    sheet.cells[(spill.row, spill.col)] = cell._replace(value=" ".join(first))
    sheet.cells[(spill.row + 1, spill.col)] = cell._replace(value=" ".join(words[len(first):]))
    used_rows.add(spill.row + 1)
    return True


def _wrap_text(sheet: SheetLayout, spill: Spill, cell: Cell) -> bool:
    """A plain text or a note that has no room to run into wraps in its own cell (its row grows)."""
    wrapped = {Style.TEXT: Style.WRAP, None: Style.WRAP, Style.NOTE: Style.NOTE_WRAP}.get(cell.style)
    if wrapped is None:
        return False
    sheet.cells[(spill.row, spill.col)] = cell._replace(style=wrapped)
    return True
