"""A worksheet's cells as SpreadsheetML, written straight from the layout.

openpyxl makes an object per cell and was most of the time of a large build, so the writer
(`workbook.write_xlsx`) lets openpyxl make only the shell of each sheet from the template
(widths, row heights, print setup, tables, frozen panes) and this module writes the part that
grows with the data: `<sheetData>` with every value, formula and its cached result, the
template's own style index of each cell, texts in the shared-strings table, and
`<hyperlinks>`. `splice` puts them into the shell's sheet part, where openpyxl's empty
`<sheetData>` was; rows the shell describes (a height, an outline level) keep their
attributes, and cells of the template's prototype sheet stay unless the layout fills them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from lxml import etree
from openpyxl.utils.cell import get_column_letter

from budgetbook.errors import WorkbookError
from workbook.excel_functions import ExcelError
from workbook.layout import Formula, SheetLayout, Style
from workbook.ooxml import MAIN_NS
from workbook.shared_strings import SharedStrings, inline_to_shared, xml_text

FORMULA_LEADS = ("=", "+", "-", "@")  # text starting so is stored with Excel's quote prefix, never as a formula
StyleIds = Callable[[Style | None, bool, int | None], int]  # (named style, quote prefix, template's id) -> xf index

_LETTERS = [""] + [get_column_letter(c) for c in range(1, 16385)]


@dataclass(frozen=True)
class ShellRow:
    """A row as the shell part has it: its attributes and the template's cells, by column."""

    attributes: str  # ' ht="42" customHeight="1"'
    cells: dict[int, tuple[str, int | None]]  # column -> (the cell's XML, its style index)
    formulas: dict[int, str]  # column -> the formula of a template cell (its value is computed with the rest)


@dataclass(frozen=True)
class SheetXml:
    sheet_data: str
    hyperlinks: str
    dimension: str


def write_sheet(layout: SheetLayout, shell: Mapping[int, ShellRow], styles: StyleIds, strings: SharedStrings,
                results: Mapping[tuple[int, int], object]) -> SheetXml:
    """The sheet's `<sheetData>` and `<hyperlinks>`; `results` are the formulas' values by (row, col).

    The loop is the build's hot path (a cell in about a microsecond): the common kinds of value
    (text, whole numbers, decimals, formulas) are written inline, anything else by `_cell`.
    """
    letters, index, cells = _LETTERS, strings.index, layout.cells
    attribute = _StyleAttributes(styles)
    out = ["<sheetData>"]
    links = []
    pending, next_pending = sorted(shell), 0  # rows the shell describes, written in their place among the layout's
    first_col, last_col, first_row, last_row = 16384, 1, 0, 0
    current, written = 0, []

    def close_row() -> None:
        nonlocal first_col, last_col, first_row, last_row
        template = shell.get(current)
        cells_xml = written
        if template is not None and template.cells:
            merged = {col: xml for col, (xml, _) in template.cells.items()}
            for col, text in template.formulas.items():
                style = template.cells[col][1]
                merged[col] = _formula(f"{letters[col]}{current}", f' s="{style}"' if style else "", Formula(text),
                                       results.get((current, col)))
            merged.update(written)
            cells_xml = sorted(merged.items())
        attributes = template.attributes if template is not None else ""
        if not cells_xml:
            out.append(f'<row r="{current}"{attributes}/>')
            return
        first_col, last_col = min(first_col, cells_xml[0][0]), max(last_col, cells_xml[-1][0])
        first_row, last_row = first_row or current, current
        out.append(f'<row r="{current}"{attributes}>')
        out.extend(xml for _, xml in cells_xml)
        out.append("</row>")

    for key in sorted(cells):
        spec = cells[key]
        value, style = spec.value, spec.style
        if value is None and style is None:
            continue
        row, col = key
        if row != current:
            if current:
                close_row()
            while next_pending < len(pending) and pending[next_pending] < row:
                current, written = pending[next_pending], []
                next_pending += 1
                close_row()
            if next_pending < len(pending) and pending[next_pending] == row:
                next_pending += 1
            current, written = row, []
        address = f"{letters[col]}{row}"
        base = None
        if shell:
            template = shell.get(row)
            if template is not None and col in template.cells:
                base = template.cells[col][1]
        kind = type(value)
        if kind is str:
            s = attribute(style, value.startswith(FORMULA_LEADS), base)
            xml = f'<c r="{address}"{s} t="s"><v>{index(value)}</v></c>'
        elif kind is int:
            xml = f'<c r="{address}"{attribute(style, False, base)}><v>{value}</v></c>'
        elif kind is Formula:
            xml = _formula(address, attribute(style, False, base), value, results.get(key))
        else:
            quote = isinstance(value, str) and value.startswith(FORMULA_LEADS)
            xml = _cell(address, value, attribute(style, quote, base), strings)
        written.append((col, xml))
        if spec.link:
            links.append(f'<hyperlink ref="{address}" location="{xml_text(spec.link.lstrip("#"))}" '
                         f'display="{xml_text(str(value))}"/>')
    if current:
        close_row()
    for current in pending[next_pending:]:
        written = []
        close_row()
    out.append("</sheetData>")
    hyperlinks = f"<hyperlinks>{''.join(links)}</hyperlinks>" if links else ""
    dimension = (f"{letters[first_col]}{first_row}:{letters[last_col]}{last_row}" if first_row else "A1")
    return SheetXml("".join(out), hyperlinks, dimension)


class _StyleAttributes:
    """The ` s="7"` attribute of a cell (nothing for the default style), asked of `StyleIds` once per kind."""

    def __init__(self, styles: StyleIds) -> None:
        self._styles = styles
        self._known: dict[tuple[Style | None, bool, int | None], str] = {}

    def __call__(self, style: Style | None, quote: bool, base: int | None) -> str:
        key = (style, quote, base)
        found = self._known.get(key)
        if found is None:
            index = self._styles(style, quote, base)
            found = self._known[key] = f' s="{index}"' if index else ""
        return found


def _formula(address: str, s: str, formula: Formula, result: object) -> str:
    kind, text = cached_result(result)
    t = f' t="{kind}"' if kind else ""
    v = f"<v>{xml_text(text)}</v>" if text is not None else ""
    return f'<c r="{address}"{s}{t}><f>{xml_text(formula.expr)}</f>{v}</c>'


def _cell(address: str, value: object, s: str, strings: SharedStrings) -> str:
    """A value of a less common kind: a blank with a style, a decimal, TRUE/FALSE, a subclass of str or int."""
    if value is None:
        return f'<c r="{address}"{s}/>'
    if isinstance(value, bool):
        return f'<c r="{address}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, float):
        if not math.isfinite(value):
            return f'<c r="{address}"{s}/>'
        # 16 significant digits, as openpyxl wrote them: a stated 1,4 % read as 1.4/100 is stored as 0.014
        return f'<c r="{address}"{s}><v>{value:.16g}</v></c>'
    if isinstance(value, int):
        return f'<c r="{address}"{s}><v>{int(value)}</v></c>'
    if isinstance(value, str):
        return f'<c r="{address}"{s} t="s"><v>{strings.index(str(value))}</v></c>'
    raise WorkbookError(f"Cannot write {type(value).__name__} value {value!r} into cell {address}")


def cached_result(value: object) -> tuple[str | None, str | None]:
    """A formula's computed value as the cell's type attribute and `<v>` text."""
    if isinstance(value, ExcelError):
        return "e", str(value)
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not math.isfinite(value):
            return "e", "#NUM!"
        return None, repr(float(value)) if isinstance(value, float) else str(value)
    if value is None:
        return None, None
    return "str", str(value)


# --- the shell part ---------------------------------------------------------------------------

_SHEET_DATA = re.compile(rb"<sheetData\s*/>|<sheetData>.*?</sheetData>", re.DOTALL)
_DIMENSION = re.compile(rb'<dimension ref="[^"]*"\s*/>')
# CT_Worksheet's elements that come after <hyperlinks>: the links go before the first one present.
_AFTER_HYPERLINKS = re.compile(rb"<(?:printOptions|pageMargins|pageSetup|headerFooter|rowBreaks|colBreaks|"
                               rb"customProperties|cellWatches|ignoredErrors|smartTags|drawing|legacyDrawing|"
                               rb"legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|"
                               rb"extLst)[\s/>]")
_ROW = f"{{{MAIN_NS}}}row"
_F = f"{{{MAIN_NS}}}f"


def shell_rows(part: bytes, strings: SharedStrings) -> dict[int, ShellRow]:
    """The rows of the shell's `<sheetData>`: attributes and the template's cells (texts moved to `strings`)."""
    match = _SHEET_DATA.search(part)
    if match is None or match.group(0).endswith(b"/>"):
        return {}
    fragment = etree.fromstring(match.group(0).replace(b"<sheetData>", f'<sheetData xmlns="{MAIN_NS}">'.encode(), 1))
    inline_to_shared(fragment, strings)
    rows = {}
    for row in fragment.iter(_ROW):
        number = int(row.get("r"))
        attributes = "".join(f' {name}="{xml_text(value)}"' for name, value in row.attrib.items() if name != "r")
        cells, formulas = {}, {}
        for cell in row:
            column = _column(cell.get("r"))
            style = cell.get("s")
            xml = etree.tostring(cell, encoding="unicode").replace(f' xmlns="{MAIN_NS}"', "")
            cells[column] = (xml, int(style) if style else None)
            formula = cell.find(_F)
            if formula is not None:
                formulas[column] = formula.text or ""
        rows[number] = ShellRow(attributes, cells, formulas)
    return rows


def with_heights(shell: dict[int, ShellRow], heights: Mapping[int, float]) -> dict[int, ShellRow]:
    """The shell's rows with the layout's row heights, written as openpyxl writes a row's height.

    A row the shell gives attributes already came from the template's own row dimensions, where
    the writer let openpyxl set the height (`write_xlsx.fill_shell`); it stays as it is."""
    rows = dict(shell)
    for number, height in heights.items():
        if not height:  # openpyxl writes no height of 0
            continue
        row = rows.get(number)
        if row is None:
            rows[number] = ShellRow(f' ht="{height:.16g}" customHeight="1"', {}, {})
        elif not row.attributes:
            rows[number] = ShellRow(f' ht="{height:.16g}" customHeight="1"', row.cells, row.formulas)
    return rows


def _column(address: str) -> int:
    letters = address.rstrip("0123456789")
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number


def splice(part: bytes, sheet: SheetXml) -> bytes:
    """The shell's sheet part with the written `<sheetData>`, `<hyperlinks>` and dimension in their places."""
    found = _SHEET_DATA.search(part)
    if found is None:
        raise WorkbookError("The template's sheet has no <sheetData>; save it again with Excel")
    # the dimension comes before <sheetData> (the schema's order); the cells are copied once, at the end
    head = _DIMENSION.sub(f'<dimension ref="{sheet.dimension}"/>'.encode(), part[:found.start()], count=1)
    tail, links, at = part[found.end():], b"", 0
    if sheet.hyperlinks:
        if b"<hyperlinks>" in head or b"<hyperlinks>" in tail:
            raise WorkbookError("The template's sheet has links of its own; remove them from the template")
        links = sheet.hyperlinks.encode("utf-8")
        after = _AFTER_HYPERLINKS.search(tail)
        at = after.start() if after else tail.rindex(b"</worksheet>")
    return b"".join((head, sheet.sheet_data.encode("utf-8"), tail[:at], links, tail[at:]))
