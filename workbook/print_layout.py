"""How each sheet of a layout prints: column widths that fit, technical columns folded away, titles repeated.

Steps, each a plain function of the layout (so every writer carries the result): `wrap_long_texts`
lets a long plain text wrap; `technical_groups` folds the columns whose every header says Kilde,
Nøgle or SHA-256 into a collapsed outline group (off the paper, one click away on screen);
`measure` gives every column the width its header and values need (a header wraps to at most
three lines without breaking a word, a number shows whole, a long text wraps at a reading width);
`title_columns` repeats the columns that name a row (those frozen on screen, or those up to
"Overskrift") at the left of every printed page;
`workbook.print_pages` keeps texts that run into empty cells inside their page; and `fit_rows`
gives rows with wrapped text the height their lines need. The template sets the paper (A4
landscape at 100 %, margins with room for the header and footer): nothing is shrunk to fit a page,
so a wide sheet prints across pages, its title rows and columns on each.
"""

from __future__ import annotations

import math
from functools import lru_cache

from openpyxl.utils.cell import column_index_from_string, coordinate_from_string, get_column_letter, range_boundaries

from workbook.layout import BookLayout, Cell, ColumnGroup, Formula, SheetLayout, Style
from workbook.print_pages import DEFAULT_WIDTH, PAGE_WIDTH, Spill, columns, folded_columns, place_spills
from workbook.shown_values import DECIMAL_STYLES, FormulaEstimates, number_text
from workbook.text_width import width_for, width_for_lines, wrapped_lines

TECHNICAL_LABELS = frozenset({"Kilde", "Nøgle", "SHA-256"})
TITLE_LABELS = frozenset({"Overskrift"})  # names a row: repeats, with the columns before it, on every page
TITLE_SHARE = 0.45  # repeated title columns take at most this share of a page
HEADER_LINES = 3  # a header label wraps to at most three lines
WRAP_LINES = 3  # so does a short text in a wrapping cell...
MIN_WRAP_WIDTH = 16.0  # ...in a column no narrower than this, unless the whole text is
READING_WIDTHS = (50.0, 60.0, 75.0, 90.0, 110.0)  # widths for long wrapped text, narrowest first
LONG_TEXT = 30.0  # a plain text wider than this, with no empty cell beside it to run into, wraps
MAX_TEXT_WIDTH = 60.0  # the widest a column grows for a text that cannot run into empty cells
MIN_WIDTH = 4.0
GAP_WIDTH = 2.0  # a column with nothing in it, between two tables
LINE_HEIGHT = 15.0  # points per line of 11 pt Calibri in Excel (LibreOffice needs less)
MAX_ROW_HEIGHT = 409.0  # Excel's limit
TITLE_SCALE = 16 / 11  # bb_title is 16 pt
ROUNDS = 4  # a note moved to the row below may need another round

# Tuples, not sets: a style is an Enum, whose hash is computed in Python, and this runs per cell.
_BOLD = (Style.HEADER, Style.TOTAL_LABEL, Style.TOTAL_AMOUNT, Style.TOTAL_PCT, Style.ERROR, Style.LABEL, Style.TITLE)
_WRAPPING = (Style.HEADER, Style.WRAP, Style.NOTE_WRAP)
_PLAIN = (Style.TEXT, None)


def prepare_print(book: BookLayout) -> None:
    """Set widths, groups, title columns and row heights of every sheet of the book."""
    values = FormulaEstimates(book)
    for sheet in book.sheets:
        fit_sheet(sheet, values)


def fit_sheet(sheet: SheetLayout, values: FormulaEstimates | None = None) -> None:
    """Once per sheet: fitting again would start from the fitted widths and spread spills anew, so a
    layout written twice (two writers, a bench) would print differently the second time."""
    if sheet.fitted:
        return
    values = values or FormulaEstimates(BookLayout([sheet]))
    chosen = dict(sheet.column_widths)  # widths a section chose are the least a column gets
    fixed_titles = sheet.print_cols
    wrap_long_texts(sheet)
    known = {(g.first, g.last) for g in sheet.groups}
    sheet.groups.extend(g for g in technical_groups(sheet) if (g.first, g.last) not in known)
    for _round in range(ROUNDS):
        needed, spills = measure(sheet, values)
        sheet.column_widths = {**chosen, **{c: max(w, chosen.get(c, 0.0)) for c, w in needed.items()}}
        sheet.print_cols = fixed_titles or title_columns(sheet)
        keep_on_a_page(sheet)
        if not place_spills(sheet, spills):
            break
    sheet.row_heights.update(fit_rows(sheet))
    sheet.fitted = True


# --- widths ------------------------------------------------------------------------------------------

def wrap_long_texts(sheet: SheetLayout) -> None:
    """A plain text longer than `LONG_TEXT` with no empty cell beside it to run into wraps instead."""
    last_col, tables = _last_col(sheet), _table_areas(sheet)
    shortest = LONG_TEXT / 1.8  # no character is wider than 1,8 digits: a shorter text is never long
    long = [(key, cell) for key, cell in sheet.cells.items()
            if type(cell.value) is str and len(cell.value) > shortest and cell.style in _PLAIN]
    for (row, col), cell in long:
        text = str(cell.value)
        if width_for(text) > LONG_TEXT and not _can_spill(sheet, row, col, last_col, tables):
            sheet.cells[(row, col)] = cell._replace(style=Style.WRAP)


def measure(sheet: SheetLayout, values: FormulaEstimates) -> tuple[dict[int, float], list[Spill]]:
    """Column -> the width its cells need, and the texts that run into the empty cells to their right
    (they need no width of their own; `place_spills` finds them room)."""
    last_col, tables = _last_col(sheet), _table_areas(sheet)
    needed: dict[int, float] = {}
    spills: list[Spill] = []
    widest: dict[tuple[int, str], int] = {}
    folded = folded_columns(sheet)
    for (row, col), cell in sheet.cells.items():
        value, style = cell.value, cell.style
        if value is None or col in folded:  # a folded column keeps the template's width
            continue
        if type(value) is str:
            if style is Style.NOTE_WRAP:  # wraps in whatever width its column has
                continue
            if style in _WRAPPING:
                width = _wrapped_width(value, style is Style.HEADER)
            else:
                width = _text_width(value, style in _BOLD, style is Style.TITLE)
                if _can_spill(sheet, row, col, last_col, tables):
                    spills.append(Spill(row, col, width))
                    continue
                width = min(width, MAX_TEXT_WIDTH)
        else:
            if type(value) is int and style not in DECIMAL_STYLES:  # as wide as the widest integer so far
                key = (col, style.value if style else "")
                if abs(value) <= widest.get(key, -1):
                    continue
                widest[key] = abs(value)
            if isinstance(value, Formula):
                shown = values.shown(sheet.name, cell)
                if shown is None:
                    continue
                width = _text_width(shown, style in _BOLD, style is Style.TITLE)
            else:
                width = _number_width(value, style)
        if width > needed.get(col, 0.0):
            needed[col] = width
    for col in range(1, last_col + 1):  # every shown column gets its width here, not the template's
        if col not in folded:
            needed[col] = max(needed.get(col, GAP_WIDTH), MIN_WIDTH if col in needed else GAP_WIDTH)
    return {col: math.ceil(width * 2) / 2 for col, width in needed.items()}, spills


@lru_cache(maxsize=1 << 12)
def _number_width(value: float, style: Style | None) -> float:
    return width_for(number_text(value, style), style in _BOLD)


@lru_cache(maxsize=1 << 16)
def _text_width(text: str, bold: bool, title: bool) -> float:
    return width_for(text, bold) * (TITLE_SCALE if title else 1)


@lru_cache(maxsize=1 << 16)
def _wrapped_width(text: str, header: bool) -> float:
    """A header wraps to at most three lines; so does a short text (a title, an appropriation), while a
    long one (an explanation) wraps at a reading width, wider where the row would grow past Excel's limit."""
    if header:
        return width_for_lines(text, HEADER_LINES, bold=True)
    full = width_for(text)
    if full <= MIN_WRAP_WIDTH:
        return full
    if wrapped_lines(text, MIN_WRAP_WIDTH) <= WRAP_LINES:
        return MIN_WRAP_WIDTH
    short = width_for_lines(text, WRAP_LINES)
    if short <= READING_WIDTHS[0]:
        return short
    for width in READING_WIDTHS:
        if wrapped_lines(text, width) * LINE_HEIGHT <= MAX_ROW_HEIGHT:
            return width
    return READING_WIDTHS[-1]


def keep_on_a_page(sheet: SheetLayout) -> None:
    """No column wider than what a page has beside the repeated title columns (a wrapped text's row grows)."""
    titles = columns(sheet.print_cols)
    room = PAGE_WIDTH - sum(sheet.column_widths.get(c, DEFAULT_WIDTH) for c in titles)
    for col, width in sheet.column_widths.items():
        if width > room and col not in titles:
            sheet.column_widths[col] = room


def _can_spill(sheet: SheetLayout, row: int, col: int, last_col: int,
               tables: list[tuple[int, int, int, int]]) -> bool:
    """A text may run into the empty cell to its right, unless it is in a table (whose next column
    is another field, empty in this row only) or in the sheet's last column."""
    if col >= last_col or not _blank(sheet.cells.get((row, col + 1))):
        return False
    return not any(top <= row <= bottom and left <= col <= right for left, top, right, bottom in tables)


def _table_areas(sheet: SheetLayout) -> list[tuple[int, int, int, int]]:
    """(first column, first row, last column, last row) of each table on the sheet."""
    return [range_boundaries(table.ref) for table in sheet.tables]  # type: ignore[misc]


def _blank(cell: Cell | None) -> bool:
    return cell is None or cell.value is None or cell.value == ""


def _last_col(sheet: SheetLayout) -> int:
    return max((c for (_r, c) in sheet.cells), default=0)


# --- technical columns, title columns, row heights ------------------------------------------------------

def technical_groups(sheet: SheetLayout) -> list[ColumnGroup]:
    """Collapsed groups over the columns whose every header says Kilde, Nøgle or SHA-256 (never column A)."""
    headers: dict[int, set[str]] = {}
    for (_row, col), cell in sheet.cells.items():
        if cell.style is Style.HEADER and isinstance(cell.value, str):
            headers.setdefault(col, set()).add(cell.value)
    technical = sorted(col for col, labels in headers.items() if col > 1 and labels <= TECHNICAL_LABELS)
    groups: list[ColumnGroup] = []
    for col in technical:
        if groups and groups[-1].last == col - 1:
            groups[-1] = ColumnGroup(groups[-1].first, col)
        else:
            groups.append(ColumnGroup(col, col))
    return groups


def title_columns(sheet: SheetLayout) -> str | None:
    """The columns that name a row repeat at the left of every printed page: those frozen on screen
    ("C5" freezes A:B) or, on a sheet without frozen columns, those up to the one headed "Overskrift".
    If they take more than `TITLE_SHARE` of a page, only as many of them, from the right, as fit."""
    last = 0
    if sheet.freeze:
        letters, _row = coordinate_from_string(sheet.freeze)
        last = column_index_from_string(letters) - 1
    if last < 1:
        titled = sorted(col for (_row, col), cell in sheet.cells.items()
                        if cell.style is Style.HEADER and cell.value in TITLE_LABELS)
        last = titled[0] if titled else 0
    if last < 1:
        return None
    first = last
    while first > 1 and _span_width(sheet, first - 1, last) <= PAGE_WIDTH * TITLE_SHARE:
        first -= 1
    if _span_width(sheet, first, last) > PAGE_WIDTH * TITLE_SHARE:
        return None
    return f"{get_column_letter(first)}:{get_column_letter(last)}"


def _span_width(sheet: SheetLayout, first: int, last: int) -> float:
    return sum(sheet.column_widths.get(c, DEFAULT_WIDTH) for c in range(first, last + 1))


def fit_rows(sheet: SheetLayout) -> dict[int, float]:
    """Row -> height for rows whose wrapped text or header needs more than one line.

    Excel and LibreOffice do not grow a row for wrapped text in a file they did not lay out
    themselves, so without it a long explanation would print over the rows below it.
    """
    lines: dict[int, int] = {}
    folded = folded_columns(sheet)
    for (row, col), cell in sheet.cells.items():
        if cell.style not in _WRAPPING or not isinstance(cell.value, str) or col in folded:
            continue
        width = sheet.column_widths.get(col, DEFAULT_WIDTH)
        lines[row] = max(lines.get(row, 1), wrapped_lines(cell.value, width, cell.style in _BOLD))
    return {row: min(MAX_ROW_HEIGHT, count * LINE_HEIGHT) for row, count in lines.items() if count > 1}
