"""The cells of one worksheet part, read by regular expressions over its text, or by lxml.

A worksheet's `<sheetData>` is a long run of `<c r="F6" s="5" t="s"><f>..</f><v>..</v></c>`
elements. `scan_cells` reads them with a handful of regular expressions, several times
faster than building XML elements for 300.000 cells; it returns None for anything it does
not read exactly (namespace prefixes, CDATA, cells without an address), and
`parse_cells` reads those with lxml's iterparse. Both give the same `RawCell`s: the
cell's address, style index and type, its formula element and its value as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from html import unescape

from lxml import etree

NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_C, _F, _V, _IS, _T, _ROW, _RPH = (f"{{{NS}}}{n}" for n in ("c", "f", "v", "is", "t", "row", "rPh"))


# (row, column, style index, t attribute (n, s, str, inlineStr, b, e, d), formula as (its t attribute, si,
# text) or None, the text of <v> or None, the text of an inline string or None): plain tuples, made 300.000
# times a workbook.
RawCell = tuple[int, int, int, str, "tuple[str, str, str] | None", "str | None", "str | None"]


# The shape Excel, LibreOffice and openpyxl write almost every cell in (groups 1-7), else any cell (8-9).
_CELL = re.compile(
    r'<c\s+r="([A-Z]{1,3})(\d+)"(?:\s+s="(\d+)")?(?:\s+t="(\w+)")?\s*'
    r'(?:/>|>(?:<f>([^<]*)</f>)?(?:<v>([^<]*)</v>)?(?:<is><t(?:\s+xml:space="preserve")?>([^<]*)</t></is>)?</c>)'
    r"|<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
_ATTRIBUTE = re.compile(r"""(\w+)\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_FORMULA = re.compile(r"<f\b([^>]*?)(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(r"<v\b[^>]*?(?:/>|>(.*?)</v>)", re.S)
_INLINE = re.compile(r"<is\b[^>]*?(?:/>|>(.*?)</is>)", re.S)
_TEXT = re.compile(r"<t\b[^>]*?(?:/>|>(.*?)</t>)", re.S)
_PHONETIC = re.compile(r"<rPh\b.*?</rPh>", re.S)
_ADDRESS = re.compile(r"([A-Z]{1,3})(\d+)")
_DEFAULT_NAMESPACE = re.compile(rb'<worksheet\b[^>]*\sxmlns="http://schemas\.openxmlformats\.org/spreadsheetml/2006/main"')
_COLUMNS: dict[str, int] = {}


def scan_cells(data: bytes) -> list[RawCell] | None:
    """Every cell of the worksheet XML `data`; None when it is not in the plain shape this reads."""
    if not _DEFAULT_NAMESPACE.search(data[:4096]) or b"<![CDATA[" in data:
        return None  # a prefixed namespace (<x:c>) or CDATA: lxml reads it
    start, end = data.find(b"<sheetData"), data.rfind(b"</sheetData>")
    if start < 0:
        return None
    if end < 0:
        return []  # <sheetData/>: no cells
    body = data[start:end].decode("utf-8")
    cells: list[RawCell] = []
    append = cells.append
    columns = _COLUMNS
    for cell in _CELL.finditer(body):
        letters, row, style, kind, text, value, inline, attributes, inner = cell.groups()
        formula = None
        if letters is not None:  # the plain shape
            if text is not None:
                formula = ("normal", "", unescape(text) if "&" in text else text)
            if value is not None and "&" in value:
                value = unescape(value)
            if inline is not None and "&" in inline:
                inline = unescape(inline)
        else:
            found = _attributes(attributes)
            address = _ADDRESS.fullmatch(found.get("r", ""))
            if address is None:
                return None
            letters, row, style, kind = address.group(1), address.group(2), found.get("s"), found.get("t")
            if inner:
                formula, value, inline = _inner(inner)
        col = columns.get(letters) or _column(letters)
        append((int(row), col, int(style) if style else 0, kind or "n", formula, value, inline))
    return cells


def _inner(inner: str) -> tuple[tuple[str, str, str] | None, str | None, str | None]:
    """(formula, value, inline string) of a cell's content in any shape."""
    formula = value = inline = None
    if "<f" in inner:
        found = _FORMULA.search(inner)
        if found is not None:
            f_attributes = _attributes(found.group(1))
            formula = (f_attributes.get("t", "normal"), f_attributes.get("si", ""), _text(found.group(2)))
    if "<v" in inner:
        found = _VALUE.search(inner)
        if found is not None:
            value = _text(found.group(1))
    if "<is" in inner:
        found = _INLINE.search(inner)
        inline = _string(found.group(1) or "") if found is not None else None
    return formula, value, inline


def _attributes(text: str) -> dict[str, str]:
    if not text.strip():
        return {}
    return {m.group(1): _text(m.group(2) if m.group(2) is not None else m.group(3))
            for m in _ATTRIBUTE.finditer(text)}


def _text(text: str | None) -> str:
    if not text:
        return ""
    return unescape(text) if "&" in text else text


def _string(inner: str) -> str:
    """The characters of a shared or inline string: its <t> runs joined, phonetic hints left out."""
    if "<rPh" in inner:
        inner = _PHONETIC.sub("", inner)
    return "".join(_text(m.group(1)) for m in _TEXT.finditer(inner))


def _column(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    _COLUMNS[letters] = index
    return index


def parse_cells(stream: object) -> Iterator[RawCell]:
    """The same cells read with lxml's iterparse: any namespace prefix, CDATA, cells without addresses."""
    row_number = col_number = 0
    for _, element in etree.iterparse(stream, tag=(_C, _ROW)):
        if element.tag == _ROW:  # every cell of the row is read: let the row go
            element.clear(keep_tail=False)
            while element.getprevious() is not None:
                del element.getparent()[0]
            continue
        ref = element.get("r")
        if ref is not None:
            letters = ref.rstrip("0123456789")
            col_number = _COLUMNS.get(letters) or _column(letters)
            row_number = int(ref[len(letters):])
        else:  # a writer that leaves out the addresses: the row's number, then count along it
            row = element.getparent()
            first = row.index(element) == 0
            row_number = int(row.get("r") or (row_number + 1 if first else row_number))
            col_number = 1 if first else col_number + 1
        formula = value = inline = None
        for child in element:
            if child.tag == _V:
                value = child.text or ""
            elif child.tag == _F:
                formula = (child.get("t", "normal"), child.get("si", ""), child.text or "")
            elif child.tag == _IS:
                inline = "".join(t.text or "" for t in child.iter(_T) if t.getparent().tag != _RPH)
        style = element.get("s")
        yield (row_number, col_number, int(style) if style else 0, element.get("t", "n"), formula, value, inline)
