"""Applies a `BookLayout` to a copy of the template and saves it safely.

openpyxl makes the shell from the template: the prototype sheet of each sheet (widths, print
setup, header and footer), its tables, frozen panes, print titles and row heights, and the
named styles. The cells, which are most of a large workbook, are written as XML straight from
the layout (`workbook.sheet_xml`) with the template's own style indices, texts in a
shared-strings table, and the value of every formula computed by `workbook.engine` from the
layout, then spliced into the package. Users may restyle the template's named styles; the
writer only names them.

Text from documents is always written as text: a cell whose text starts with "=", "+", "-" or
"@" is stored as a string with Excel's quote prefix, never as a formula. The file is written by
`budgetbook.files.save_atomically` (locked, whole or not at all), so a failure never leaves a
half-written workbook.

`fill_template` fills the same shell cell by cell with openpyxl: the reference the fast writer
is tested against (tests/test_fast_writer.py), and a book to validate before writing it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from copy import copy, deepcopy
from datetime import date, datetime, timezone
from pathlib import Path

from lxml import etree
from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import Cell as OpenpyxlCell
from openpyxl.styles.stylesheet import write_stylesheet
from openpyxl.utils.cell import get_column_letter, range_boundaries
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.table import Table, TableStyleInfo

from budgetbook.errors import WorkbookError
from budgetbook.files import FileLock
from budgetbook.progress import Progress, silent
from templates import template_path
from templates.make_template import PRINT_DAY
from workbook import ooxml
from workbook.display import date_text
from workbook.engine import EvaluatedBook
from workbook.layout import BookLayout, Formula, SheetLayout, Style
from workbook.print_layout import prepare_print
from workbook.shared_strings import SharedStrings
from workbook.sheet_xml import FORMULA_LEADS, shell_rows, splice, with_heights, write_sheet

TABLE_STYLE = "TableStyleLight9"


def write_workbook(layout: BookLayout, target: Path, template: Path | None = None,
                   stamp: datetime | None = None, lock: FileLock | None = None,
                   progress: Progress | None = None, carry: tuple[Path, Sequence[str]] | None = None) -> Path:
    """Write the layout; `stamp` fixes the file's recorded times so equal layouts give equal bytes.
    `lock`: the target's `budgetbook.files.FileLock`, when the caller holds it. `carry`: (old workbook,
    sheet names) of sheets users made, copied after the layout's as openpyxl writes them
    (`workbook.carried_sheets`)."""
    tell = progress or silent
    tell("writing", 0, len(layout.sheets) + 1)
    book = fill_shell(layout, template or template_path())
    # 'created' records the build (a later validate keeps it); the template's own date would mislead.
    book.properties.created = stamp or datetime.now(timezone.utc).replace(tzinfo=None, microsecond=0)
    results = evaluate_layout(layout, book, progress)
    if carry is not None and carry[1]:
        from workbook.carried_sheets import carry_sheets

        carry_sheets(carry[0], book, carry[1])  # users' own formulas keep no stored result: Excel computes them
    shell = io.BytesIO()
    book.save(shell)
    parts = ooxml.read_package(shell.getvalue())
    strings = SharedStrings()
    styles = StyleIndex(book)
    sheets = {sheet.name: sheet for sheet in layout.sheets}
    for done, (path, name) in enumerate(ooxml.sheet_parts(parts).items(), start=1):
        if name not in sheets:
            continue  # a sheet users made, carried over: openpyxl wrote its cells
        rows = with_heights(shell_rows(parts[path], strings), sheets[name].row_heights)
        written = write_sheet(sheets[name], rows, styles, strings, results.get(name, {}))
        parts[path] = splice(parts[path], written)
        tell("writing", done, len(sheets) + 1)
    parts[ooxml.STYLES] = etree.tostring(write_stylesheet(book))  # with the styles the cells took
    finish_package(parts, strings)
    ooxml.save_package(parts, target, stamp, lock)
    tell("writing", len(sheets) + 1, len(sheets) + 1)
    return target


def finish_package(parts: dict[str, bytes], strings: SharedStrings) -> None:
    """What every workbook budgetbook saves needs: its shared strings, and styles in the schema's order."""
    if len(strings):
        ooxml.with_part(parts, ooxml.SHARED_STRINGS, ooxml.SHARED_STRINGS_TYPE, ooxml.SHARED_STRINGS_REL,
                        strings.to_xml())
    parts[ooxml.STYLES] = ooxml.styles_in_schema_order(parts[ooxml.STYLES])


def evaluate_layout(layout: BookLayout, shell: Workbook,
                    progress: Progress | None = None) -> dict[str, dict[tuple[int, int], object]]:
    """Every formula's value, by sheet and (row, col), computed from the layout and the template's cells."""
    values: dict[str, dict[tuple[int, int], object]] = {}
    formulas: dict[str, dict[tuple[int, int], str]] = {}
    for sheet in layout.sheets:
        cells: dict[tuple[int, int], object] = {}
        texts: dict[tuple[int, int], str] = {}
        for key, (value, _, _) in sheet.cells.items():
            if type(value) is Formula:
                texts[key] = f"={value.expr}"
            elif value is not None:
                cells[key] = value
        template = shell[sheet.name]._cells  # the prototype's own cells, if the template has any
        for key, cell in template.items():
            spec = sheet.cells.get(key)
            if cell.value is not None and (spec is None or (spec.value is None and spec.style is None)):
                (texts if cell.data_type == "f" else cells)[key] = cell.value
        values[sheet.name], formulas[sheet.name] = cells, texts
    results: dict[str, dict[tuple[int, int], object]] = {sheet.name: {} for sheet in layout.sheets}
    for (name, row, col), value in EvaluatedBook.from_cells(values, formulas).evaluate_all(progress).items():
        results[name][(row, col)] = value
    return results


class StyleIndex:
    """The index in styles.xml of each named style as a cell takes it (with the quote prefix, over a template cell).

    openpyxl gives a cell its named style by copying the style's array; the same array gets the same
    index, registered in the book the first time it is asked for.
    """

    def __init__(self, book: Workbook) -> None:
        self._book = book
        self._sheet = book.worksheets[0]  # a detached cell needs a sheet to reach the book's style tables
        self._names = set(book.named_styles)
        self._ids: dict[tuple[Style | None, bool, int | None], int] = {}

    def __call__(self, style: Style | None, quote: bool, base: int | None) -> int:
        key = (style, quote, base)
        found = self._ids.get(key)
        if found is None:
            array = copy(self._book._cell_styles[base]) if base else None
            cell = OpenpyxlCell(self._sheet, style_array=array)
            if style is not None and style.value in self._names:
                cell.style = style.value
            if quote:
                cell.quotePrefix = True
            found = self._ids[key] = cell.style_id
        return found


# --- the shell: everything but the cells --------------------------------------------------------

def fill_shell(layout: BookLayout, template: Path) -> Workbook:
    """The template with one sheet per layout sheet, set up as the layout says, without its cells.

    Row heights are left to `sheet_xml.with_heights` (openpyxl's object per row cost a fifth of the
    writing), except on rows the template describes itself, whose attributes openpyxl merges."""
    return _from_template(layout, template, with_cells=False)


def fill_template(layout: BookLayout, template: Path) -> Workbook:
    """The whole workbook in openpyxl, cell by cell (no cached values)."""
    return _from_template(layout, template, with_cells=True)


def _from_template(layout: BookLayout, template: Path, with_cells: bool) -> Workbook:
    prepare_print(layout)
    try:
        book = load_workbook(template)
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise WorkbookError(f"Cannot open the template {template}: {exc}") from exc
    styles = NamedStyles(book)
    prototypes = {}
    for sheet in list(book.worksheets):  # out of the way of the sheets that take their names
        prototypes[sheet.title] = sheet
        sheet.title = f"_prototype_{len(prototypes)}"
    for sheet_layout in layout.sheets:
        if sheet_layout.template not in prototypes:
            raise WorkbookError(f"The template {template.name} has no sheet '{sheet_layout.template}'")
        sheet = book.copy_worksheet(prototypes[sheet_layout.template])
        sheet.title = sheet_layout.name
        sheet.HeaderFooter = deepcopy(prototypes[sheet_layout.template].HeaderFooter)  # copy_worksheet drops them
        date_headers(sheet, layout.dated)
        if with_cells:
            apply_cells(sheet, sheet_layout, styles)
        apply_setup(sheet, sheet_layout, all_heights=with_cells)
    for prototype in prototypes.values():
        book.remove(prototype)
    book.active = 0
    return book


class NamedStyles:
    """Applies the template's named styles; after the first cell of a style, by copying its style array.

    openpyxl looks a named style up by name on every assignment, which was half the time of
    writing a 10.000-line workbook; the copied array is what that lookup produces.
    """

    def __init__(self, book: Workbook) -> None:
        self.names = set(book.named_styles)
        self._arrays: dict[str, object] = {}

    def apply(self, cell: object, name: str) -> None:
        if name not in self.names:
            return
        array = self._arrays.get(name)
        if array is None:
            cell.style = name  # type: ignore[attr-defined]
            self._arrays[name] = copy(cell._style)  # type: ignore[attr-defined]
        else:
            cell._style = copy(array)  # type: ignore[attr-defined]


def apply_cells(sheet: object, layout: SheetLayout, styles: NamedStyles) -> None:
    for (row, col), spec in sorted(layout.cells.items()):
        if spec.value is None and spec.style is None:
            continue
        cell = sheet.cell(row, col)  # type: ignore[attr-defined]
        if spec.style is not None:
            styles.apply(cell, spec.style.value)  # before the value: a named style resets the quote prefix
        write_value(cell, spec.value)
        if spec.link:
            cell.hyperlink = Hyperlink(ref=cell.coordinate, location=spec.link.lstrip("#"), display=str(spec.value))


def apply_setup(sheet: object, layout: SheetLayout, all_heights: bool = True) -> None:
    """Tables, frozen panes and how the sheet prints: what the sheet needs besides its cells.
    Without `all_heights`, only the rows the template has dimensions for get their heights here."""
    for table in layout.tables:
        item = Table(displayName=table.name, ref=table.ref)
        item.tableStyleInfo = TableStyleInfo(name=TABLE_STYLE, showRowStripes=True)
        name_columns(item, layout)
        sheet.add_table(item)  # type: ignore[attr-defined]
    if layout.freeze:
        sheet.freeze_panes = layout.freeze  # type: ignore[attr-defined]
    apply_print(sheet, layout, all_heights)


def apply_print(sheet: object, layout: SheetLayout, all_heights: bool = True) -> None:
    """Widths, row heights, folded columns and repeated titles, as `workbook.print_layout` decided them."""
    if layout.print_rows:
        sheet.print_title_rows = layout.print_rows  # type: ignore[attr-defined]
    if layout.print_cols:
        sheet.print_title_cols = layout.print_cols  # type: ignore[attr-defined]
    for col, width in layout.column_widths.items():
        sheet.column_dimensions[get_column_letter(col)].width = width  # type: ignore[attr-defined]
    dimensions = sheet.row_dimensions  # type: ignore[attr-defined]
    for row, height in layout.row_heights.items():
        if all_heights or row in dimensions:
            dimensions[row].height = height
    for group in layout.groups:
        for col in range(group.first, group.last + 1):
            dimension = sheet.column_dimensions[get_column_letter(col)]  # type: ignore[attr-defined]
            dimension.outlineLevel = 1
            dimension.hidden = group.collapsed
        if group.collapsed:  # Excel marks the column after a collapsed group, where its "+" button is
            sheet.column_dimensions[get_column_letter(group.last + 1)].collapsed = True  # type: ignore[attr-defined]
    if layout.groups:
        sheet.sheet_format.outlineLevelCol = 1  # type: ignore[attr-defined]


def date_headers(sheet: object, dated: date | None) -> None:
    """The day the workbook was made in place of the template's "&D" (which prints the day of printing)."""
    if dated is None:
        return
    for header in (sheet.oddHeader, sheet.evenHeader, sheet.firstHeader):  # type: ignore[attr-defined]
        for part in (header.left, header.center, header.right):
            if part.text and PRINT_DAY in part.text:
                part.text = part.text.replace(PRINT_DAY, date_text(dated))


def name_columns(table: Table, layout: SheetLayout) -> None:
    """The table's columns named after its header cells in the layout, as openpyxl names them from the cells."""
    table._initialise_columns()
    min_col, header_row, _, _ = range_boundaries(table.ref)
    for col, column in enumerate(table.tableColumns, start=min_col):
        spec = layout.cells.get((header_row, col))
        column.name = str(spec.value if spec is not None else None)


def write_value(cell: object, value: object) -> None:
    """A formula only from `Formula`; every string stays a string, whatever it starts with."""
    if isinstance(value, Formula):
        cell.value = str(value)  # type: ignore[attr-defined]
        return
    cell.value = value  # type: ignore[attr-defined]
    if isinstance(value, str):
        cell.data_type = "s"  # type: ignore[attr-defined]
        if value.startswith(FORMULA_LEADS):
            cell.quotePrefix = True  # type: ignore[attr-defined]
