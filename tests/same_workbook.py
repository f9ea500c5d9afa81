"""Two workbook files compared as a user sees them: every cell's value, type, style and link, the stored
values of formulas, widths, row heights, tables, frozen panes and print setup.

Used to hold the fast writer against the openpyxl reference it replaces (tests/test_fast_writer.py).
Returns the differences as lines (empty when the files agree), at most `limit` of them.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

STYLE_PARTS = ("font", "fill", "border", "alignment", "protection", "number_format", "quotePrefix", "style")


def differences(first: Path, second: Path, limit: int = 20) -> list[str]:
    found: list[str] = []
    a, b = load_workbook(first), load_workbook(second)
    if a.sheetnames != b.sheetnames:
        return [f"sheets {a.sheetnames} != {b.sheetnames}"]
    for name in a.sheetnames:
        found.extend(_sheet_differences(name, a[name], b[name]))
        if len(found) >= limit:
            return found[:limit]
    values_a, values_b = load_workbook(first, data_only=True), load_workbook(second, data_only=True)
    for name in a.sheetnames:
        sheet_a, sheet_b = values_a[name], values_b[name]
        for key in _cells(sheet_a).keys() | _cells(sheet_b).keys():
            x, y = sheet_a.cell(*key).value, sheet_b.cell(*key).value
            if x != y or type(x) is not type(y):
                found.append(f"{name}!{sheet_a.cell(*key).coordinate} stored value {x!r} != {y!r}")
                if len(found) >= limit:
                    return found
    return found[:limit]


def _cells(sheet: object) -> dict[tuple[int, int], object]:
    return {key: cell for key, cell in sheet._cells.items()  # type: ignore[attr-defined]
            if cell.value is not None or cell.has_style}


class _Looks:
    """A cell's style as text (font, fill, ... and the named style), computed once per distinct style."""

    def __init__(self) -> None:
        self._seen: dict[tuple[int, ...], tuple[str, ...]] = {}

    def __call__(self, cell: object) -> tuple[str, ...]:
        key = tuple(cell._style)  # type: ignore[attr-defined]
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = tuple(repr(getattr(cell, part)) for part in STYLE_PARTS)
        return found


def _sheet_differences(name: str, a: object, b: object) -> list[str]:
    found = []
    cells_a, cells_b = _cells(a), _cells(b)
    looks_a, looks_b = _Looks(), _Looks()
    for key in sorted(cells_a.keys() | cells_b.keys()):
        x, y = a.cell(*key), b.cell(*key)  # type: ignore[attr-defined]
        if (x.value, x.data_type) != (y.value, y.data_type) or type(x.value) is not type(y.value):
            found.append(f"{name}!{x.coordinate} {x.value!r} ({x.data_type}) != {y.value!r} ({y.data_type})")
        for part, style_x, style_y in zip(STYLE_PARTS, looks_a(x), looks_b(y)):
            if style_x != style_y:  # style proxies compare by their text
                found.append(f"{name}!{x.coordinate} {part} {style_x} != {style_y}")
        links = [(c.hyperlink.location, c.hyperlink.display, c.hyperlink.target) if c.hyperlink else None
                 for c in (x, y)]
        if links[0] != links[1]:
            found.append(f"{name}!{x.coordinate} link {links[0]} != {links[1]}")
    for what, get in _SHEET_PROPERTIES.items():
        if get(a) != get(b):
            found.append(f"{name} {what} {get(a)!r} != {get(b)!r}")
    return found


def _widths(sheet: object) -> dict[str, float]:
    return {k: d.width for k, d in sheet.column_dimensions.items() if d.customWidth}  # type: ignore[attr-defined]


def _heights(sheet: object) -> dict[int, float]:
    return {k: d.height for k, d in sheet.row_dimensions.items() if d.height is not None}  # type: ignore[attr-defined]


def _tables(sheet: object) -> dict[str, tuple[str, list[str], str | None]]:
    return {t.displayName: (t.ref, [c.name for c in t.tableColumns], t.tableStyleInfo.name if t.tableStyleInfo else None)
            for t in sheet.tables.values()}  # type: ignore[attr-defined]


_SHEET_PROPERTIES = {
    "widths": _widths,
    "row heights": _heights,
    "tables": _tables,
    "frozen panes": lambda s: s.freeze_panes,
    "print titles": lambda s: (s.print_title_rows, s.print_title_cols),
    "print area": lambda s: s.print_area,
    "page setup": lambda s: (s.page_setup.orientation, s.page_setup.paperSize, s.page_setup.fitToWidth,
                             s.page_setup.fitToHeight, s.sheet_properties.pageSetUpPr.fitToPage
                             if s.sheet_properties.pageSetUpPr else None),
    "margins": lambda s: (s.page_margins.left, s.page_margins.right, s.page_margins.top, s.page_margins.bottom),
    "header and footer": lambda s: (s.oddHeader.left.text, s.oddHeader.center.text, s.oddHeader.right.text,
                                    s.oddFooter.left.text, s.oddFooter.center.text, s.oddFooter.right.text),
    "outline": lambda s: ({k: (d.outlineLevel, d.hidden) for k, d in s.column_dimensions.items()
                           if d.outlineLevel or d.hidden},
                          {k: (d.outlineLevel, d.hidden) for k, d in s.row_dimensions.items()
                           if d.outlineLevel or d.hidden}),
}


# --- the same comparison on the XML, for large files --------------------------------------------

def xml_differences(first: Path, second: Path, limit: int = 20) -> list[str]:
    """As `differences`, read from the packages' XML (seconds instead of minutes for 10.000 lines).

    Every part but the sheets, styles and shared strings must be equal byte for byte; each sheet
    equal outside its cells; each cell equal in type, value, formula, stored value and resolved style.
    """
    a, b = _Package(first), _Package(second)
    found = []
    if set(a.parts) - {SHARED} != set(b.parts) - {SHARED}:
        return [f"parts {sorted(set(a.parts) ^ set(b.parts))} differ"]
    for path in sorted(a.parts):
        if path in (SHARED, STYLES_PART):
            continue
        if not path.startswith("xl/worksheets/sheet"):
            if a.parts[path] != b.parts[path]:
                found.append(f"{path} differs")
            continue
        frame_a, rows_a = a.sheet(path)
        frame_b, rows_b = b.sheet(path)
        if frame_a != frame_b:
            found.append(f"{path} differs outside its cells")
        for key in sorted(rows_a.keys() | rows_b.keys()):
            if rows_a.get(key) != rows_b.get(key):
                found.append(f"{path} {key}: {rows_a.get(key)} != {rows_b.get(key)}")
                if len(found) >= limit:
                    return found
    return found


SHARED = "xl/sharedStrings.xml"
STYLES_PART = "xl/styles.xml"
_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"


class _Package:
    def __init__(self, path: Path) -> None:
        import zipfile

        from lxml import etree

        with zipfile.ZipFile(path) as package:
            self.parts = {name: package.read(name) for name in package.namelist()}
        self.strings = []
        if SHARED in self.parts:
            root = etree.fromstring(self.parts[SHARED])
            self.strings = ["".join(si.itertext()) for si in root.iter(f"{_NS}si")]
        styles = etree.fromstring(self.parts[STYLES_PART])

        def listed(name: str, item: str) -> list[str]:
            holder = styles.find(f"{_NS}{name}")
            return [] if holder is None else [etree.tostring(e, method="c14n").decode() for e in holder.iter(f"{_NS}{item}")]

        formats = {f.get("numFmtId"): f.get("formatCode") for f in styles.iter(f"{_NS}numFmt")}
        fonts, fills, borders = listed("fonts", "font"), listed("fills", "fill"), listed("borders", "border")
        named = {s.get("xfId"): s.get("name") for s in styles.iter(f"{_NS}cellStyle")}
        self.looks = []
        for xf in styles.find(f"{_NS}cellXfs"):
            attrs = dict(xf.attrib)
            number = attrs.pop("numFmtId", "0")
            look = (formats.get(number, number), fonts[int(attrs.pop("fontId", 0))],
                    fills[int(attrs.pop("fillId", 0))], borders[int(attrs.pop("borderId", 0))],
                    named.get(attrs.pop("xfId", "0")), tuple(sorted(attrs.items())),
                    tuple(etree.tostring(child, method="c14n").decode() for child in xf))
            self.looks.append(look)

    def sheet(self, path: str) -> tuple[bytes, dict[str, object]]:
        import re

        from lxml import etree

        data = self.parts[path]
        frame = re.sub(rb"<[?]xml[^>]*>[ \n]*|<sheetData>.*</sheetData>|<sheetData/>|<hyperlinks>.*</hyperlinks>|"
                       rb"<dimension [^>]*>", b"", data, flags=re.DOTALL)
        frame = etree.tostring(etree.fromstring(frame), method="c14n")  # <a></a> and <a/> are the same
        rows: dict[str, object] = {}
        for row in etree.fromstring(data).iter(f"{_NS}row"):
            if len(row.attrib) > 1:  # an empty <row r="3"/> says nothing
                rows[f"row {row.get('r')}"] = tuple(sorted(row.attrib.items()))
            for cell in row:
                kind = cell.get("t", "n")
                value = cell.findtext(f"{_NS}v")
                if kind == "s":
                    kind, value = "text", self.strings[int(value)]
                elif kind == "inlineStr":
                    kind, value = "text", "".join(cell.find(f"{_NS}is").itertext())
                rows[cell.get("r")] = (kind, value, cell.findtext(f"{_NS}f"), self.looks[int(cell.get("s", 0))])
        return frame, rows
