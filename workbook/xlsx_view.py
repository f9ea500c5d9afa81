"""A saved .xlsx read once into a small read-only view: values, formulas, named styles and tables.

Whatever program saved the file (budgetbook, Excel, LibreOffice), `read_view(path)`
streams each sheet's XML with lxml's iterparse and keeps, per cell, its constant value
or its formula text (shared formulas expanded, array formulas as the formula of their
first cell), the value the file caches for a formula, and the name of the cell's named
style, looked up through the style's `xfId` whatever order the styles are written in.
Strings come from the shared-strings part or inline; dates in a date format come back
as `datetime`, as openpyxl gives them.

The view answers the few openpyxl calls the validators, the packs and the Kontrol
reader make (`book[name]`, `sheet.cell(r, c).value`, `iter_rows`, `tables`, `max_row`),
so they run unchanged on it; it costs a fraction of openpyxl's object per cell.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format
from openpyxl.utils.cell import get_column_letter
from openpyxl.utils.datetime import from_excel

from budgetbook.errors import WorkbookError
from importers.readers.archive_limits import check_archive
from workbook.excel_functions import ExcelError
from workbook.formula_moves import shift_formula
from workbook.sheet_scan import RawCell, parse_cells, scan_cells

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DCTERMS = "http://purl.org/dc/terms/"
_T, _RPH = f"{{{NS}}}t", f"{{{NS}}}rPh"


@dataclass(frozen=True)
class SheetPart:
    """Where a sheet lives in the package."""

    name: str
    path: str  # "xl/worksheets/sheet4.xml"
    rel_id: str


@dataclass
class ViewCell:
    """What openpyxl's cell offers the readers: value ("=..." for a formula), data_type, style name."""

    row: int
    column: int
    value: object
    data_type: str
    style: str

    @property
    def column_letter(self) -> str:
        return get_column_letter(self.column)

    @property
    def coordinate(self) -> str:
        return f"{get_column_letter(self.column)}{self.row}"


@dataclass
class SheetView:
    title: str
    part: SheetPart
    values: dict[tuple[int, int], object] = field(default_factory=dict)  # constants
    formulas: dict[tuple[int, int], str] = field(default_factory=dict)  # text without "="
    cached: dict[tuple[int, int], object] = field(default_factory=dict)  # what the file stores for a formula
    styles: dict[tuple[int, int], str] = field(default_factory=dict)  # named style of styled cells
    tables: dict[str, str] = field(default_factory=dict)  # display name -> "A5:Q12"
    max_row: int = 0
    max_column: int = 0

    def cell(self, row: int, column: int) -> ViewCell:
        key = (row, column)
        style = self.styles.get(key, "Normal")
        if key in self.formulas:
            return ViewCell(row, column, "=" + self.formulas[key], "f", style)
        value = self.values.get(key)
        return ViewCell(row, column, value, _data_type(value), style)

    def iter_rows(self, min_row: int = 1, max_row: int | None = None, min_col: int = 1,
                  max_col: int | None = None, values_only: bool = False) -> Iterator[tuple[object, ...]]:
        last_row = self.max_row if max_row is None else max_row
        last_col = self.max_column if max_col is None else max_col
        for row in range(min_row, last_row + 1):
            if values_only:
                yield tuple(self.value(row, col) for col in range(min_col, last_col + 1))
            else:
                yield tuple(self.cell(row, col) for col in range(min_col, last_col + 1))

    def value(self, row: int, column: int) -> object:
        """The cell's content as openpyxl gives it: "=text" for a formula, else the constant."""
        text = self.formulas.get((row, column))
        return "=" + text if text is not None else self.values.get((row, column))

    def __getitem__(self, row: int) -> tuple[ViewCell, ...]:
        return tuple(self.cell(row, col) for col in range(1, self.max_column + 1))

    def grid(self) -> list[list[object]]:
        """The values a spreadsheet shows, row by row from A1: constants, and the stored result of a formula."""
        rows = [[None] * self.max_column for _ in range(self.max_row)]
        for source in (self.values, self.cached):
            for (row, col), value in source.items():
                rows[row - 1][col - 1] = value
        return rows


@dataclass(frozen=True)
class BookProperties:
    created: datetime | None
    modified: datetime | None


@dataclass
class BookView:
    path: Path
    worksheets: list[SheetView]
    properties: BookProperties
    named_styles: list[str]
    shared_strings: list[str] = field(default_factory=list)  # the package's table, in its order

    @property
    def sheetnames(self) -> list[str]:
        return [s.title for s in self.worksheets]

    def __getitem__(self, name: str) -> SheetView:
        for sheet in self.worksheets:
            if sheet.title == name:
                return sheet
        raise KeyError(f"Worksheet {name} does not exist.")

    def __contains__(self, name: str) -> bool:
        return name in self.sheetnames


def read_view(path: Path) -> BookView:
    """The workbook at `path`; `WorkbookError` (one line: what and what to do) for anything unreadable.

    The package is checked first (`importers.readers.archive_limits`: sizes, ratios, no DTD), as
    `workbook.opening` checks it before openpyxl."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as package:
            check_archive(package, path.name)
            return _read(path, package)
    except FileNotFoundError:
        raise WorkbookError(f"No workbook {path}; build it first (budgetbook build ... -o {path.name})") from None
    except zipfile.BadZipFile:
        raise WorkbookError(f"{path.name} is not a workbook (.xlsx), or it is damaged; give the workbook "
                            "budgetbook build wrote") from None
    except (KeyError, etree.XMLSyntaxError, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise WorkbookError(f"Cannot read {path.name} as an Excel workbook (.xlsx): {exc}. Save it again as "
                            ".xlsx from Excel or LibreOffice") from exc


def _read(path: Path, package: zipfile.ZipFile) -> BookView:
    parts = sheet_parts(package)
    strings = _shared_strings(package)
    styles = _Styles.read(package)
    sheets = []
    for part in parts:
        sheet = SheetView(part.name, part)
        cells = scan_cells(package.read(part.path))
        if cells is not None:
            _read_cells(cells, sheet, strings, styles)
        else:
            with package.open(part.path) as stream:
                _read_cells(parse_cells(stream), sheet, strings, styles)
        del cells
        sheet.tables = _tables(package, part.path)
        sheets.append(sheet)
    return BookView(path, sheets, _properties(package), styles.names, strings)


def sheet_parts(package: zipfile.ZipFile) -> list[SheetPart]:
    """The worksheets in tab order, with their part paths (chart sheets and dialogs are left out)."""
    workbook = etree.fromstring(package.read("xl/workbook.xml"))
    targets = relationships(package, "xl/workbook.xml")
    parts = []
    for sheet in workbook.iter(f"{{{NS}}}sheet"):
        rel_id = sheet.get(f"{{{REL_NS}}}id")
        target = targets.get(rel_id)
        if target is None or not target.endswith(".xml") or "worksheets/" not in target:
            continue
        parts.append(SheetPart(sheet.get("name"), target, rel_id))
    return parts


def relationships(package: zipfile.ZipFile, part: str) -> dict[str, str]:
    """Relationship id -> package path of the target, for one part ("xl/workbook.xml")."""
    folder, name = posixpath.split(part)
    rels_path = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels_path not in package.namelist():
        return {}
    rels = etree.fromstring(package.read(rels_path))
    found = {}
    for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        found[rel.get("Id")] = path
    return found


SHARED_STRINGS_REL = f"{REL_NS}/sharedStrings"


def shared_strings_path(package: zipfile.ZipFile) -> str | None:
    """The shared-strings part, by the workbook's relationship to it (whatever it is named)."""
    rels_path = "xl/_rels/workbook.xml.rels"
    if rels_path in package.namelist():
        for rel in etree.fromstring(package.read(rels_path)).iter(f"{{{PKG_REL_NS}}}Relationship"):
            if rel.get("Type") == SHARED_STRINGS_REL and rel.get("TargetMode") != "External":
                target = rel.get("Target", "")
                path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
                if path in package.namelist():
                    return path
    return None


def _shared_strings(package: zipfile.ZipFile) -> list[str]:
    name = shared_strings_path(package)
    if name is None:
        return []
    strings = []
    with package.open(name) as stream:
        for _, item in etree.iterparse(stream, tag=f"{{{NS}}}si"):
            strings.append(_text_of(item))
            item.clear()
    return strings


def _text_of(item: etree._Element) -> str:
    """The text of a shared or inline string, rich-text runs joined, phonetic hints left out."""
    return "".join(t.text or "" for t in item.iter(_T) if t.getparent().tag != _RPH)


class _Styles:
    """Cell style index -> named style name and whether its number format is a date."""

    def __init__(self, names_by_xf: list[str], dates: list[bool], names: list[str]) -> None:
        self.names_by_xf = names_by_xf
        self.dates = dates
        self.names = names

    @classmethod
    def read(cls, package: zipfile.ZipFile) -> _Styles:
        if "xl/styles.xml" not in package.namelist():
            return cls([], [], ["Normal"])
        root = etree.fromstring(package.read("xl/styles.xml"))
        formats = dict(BUILTIN_FORMATS)
        for fmt in root.iter(f"{{{NS}}}numFmt"):
            formats[int(fmt.get("numFmtId"))] = fmt.get("formatCode", "")
        by_xf_id = {}
        names = []
        for style in root.iter(f"{{{NS}}}cellStyle"):
            names.append(style.get("name", ""))
            by_xf_id.setdefault(int(style.get("xfId", "0")), style.get("name", ""))
        names_by_xf, dates = [], []
        cell_xfs = root.find(f"{{{NS}}}cellXfs")
        for xf in (cell_xfs if cell_xfs is not None else ()):
            names_by_xf.append(by_xf_id.get(int(xf.get("xfId", "0")), "Normal"))
            dates.append(is_date_format(formats.get(int(xf.get("numFmtId", "0")), "")))
        return cls(names_by_xf, dates, names)

    def name(self, index: int) -> str:
        return self.names_by_xf[index] if index < len(self.names_by_xf) else "Normal"

    def is_date(self, index: int) -> bool:
        return index < len(self.dates) and self.dates[index]


def _read_cells(cells: Iterable[RawCell], sheet: SheetView, strings: list[str], styles: _Styles) -> None:
    shared: dict[str, tuple[int, int, str]] = {}  # si -> (row, col, formula) of its first cell
    values, formulas, cached, named = sheet.values, sheet.formulas, sheet.cached, sheet.styles
    used_rows = used_cols = 0
    for row, col, style, kind, formula, raw, inline in cells:
        key = (row, col)
        if inline is not None:
            value: object = inline
        else:
            value = _cell_value(raw, kind, strings, style, styles)
        text = _formula_text(formula, key, shared) if formula is not None else None
        if text is not None:
            formulas[key] = text
            cached[key] = value
        elif value is not None:
            values[key] = value
        elif not style:
            continue
        if style:
            named[key] = styles.name(style)
        if row > used_rows:
            used_rows = row
        if col > used_cols:
            used_cols = col
    sheet.max_row, sheet.max_column = used_rows, used_cols


def _formula_text(formula: tuple[str, str, str], key: tuple[int, int],
                  shared: dict[str, tuple[int, int, str]]) -> str | None:
    """The formula of a cell; a shared formula's text moved from its first cell; None for a data table."""
    kind, si, text = formula
    if kind == "shared":
        if text:
            shared[si] = (key[0], key[1], text)
            return text
        if si not in shared:
            raise ValueError(f"a shared formula (si={si}) is used before it is defined")
        row, col, master = shared[si]
        return shift_formula(master, key[0] - row, key[1] - col)
    if kind == "dataTable":
        return None
    return text or None


_ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"}


def _cell_value(raw: str | None, kind: str, strings: list[str], style_index: int, styles: _Styles) -> object:
    if raw is None or (raw == "" and kind != "str"):
        return None
    if kind == "n":
        number = _number(raw)
        if style_index and styles.is_date(style_index):
            try:
                return from_excel(number)
            except (ValueError, OverflowError):
                return number
        return number
    if kind == "s":
        return strings[int(raw)]
    if kind in ("str", "d"):
        return raw
    if kind == "b":
        return raw.strip() in ("1", "true")
    if kind == "e":
        return ExcelError(raw)
    if kind == "inlineStr":
        return None  # an inline string without its <is>
    return _number(raw)


def _number(raw: str) -> int | float:
    """As openpyxl reads a number: an int unless it has a point or an exponent."""
    if "." in raw or "E" in raw or "e" in raw:
        return float(raw)
    try:
        return int(raw)
    except ValueError:
        return float(raw)


def _data_type(value: object) -> str:
    if value is None:
        return "n"
    if isinstance(value, ExcelError):
        return "e"
    if isinstance(value, bool):
        return "b"
    if isinstance(value, str):
        return "s"
    if isinstance(value, datetime):
        return "d"
    return "n"


def _tables(package: zipfile.ZipFile, sheet_path: str) -> dict[str, str]:
    tables = {}
    for target in relationships(package, sheet_path).values():
        if "/tables/" not in target or target not in package.namelist():
            continue
        root = etree.fromstring(package.read(target))
        tables[root.get("displayName") or root.get("name")] = root.get("ref")
    return tables


def _properties(package: zipfile.ZipFile) -> BookProperties:
    if "docProps/core.xml" not in package.namelist():
        return BookProperties(None, None)
    root = etree.fromstring(package.read("docProps/core.xml"))
    return BookProperties(_moment(root.findtext(f"{{{_DCTERMS}}}created")),
                          _moment(root.findtext(f"{{{_DCTERMS}}}modified")))


def _moment(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=None)
