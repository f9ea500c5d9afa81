"""A saved workbook copied part by part, with a few parts changed or added and the rest as stored.

validate writes one sheet into a workbook users work in; rewriting the whole package (as
openpyxl does) would change every part. Here the parts that change are named
(`write_copy(target, package, changed)`), every other part is copied still compressed, byte
for byte, and the changes that adding a worksheet or shared strings needs are made in the
package's own XML: `added_worksheet` (workbook.xml, its relationships and the content types)
and `appended_strings` (new items at the end of the shared-strings table, which keeps its own).
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from copy import copy
from pathlib import Path

from lxml import etree

from workbook.layout import address
from workbook.ooxml import (
    CONTENT_TYPES,
    MAIN_NS,
    PKG_REL_NS,
    REL_NS,
    SHARED_STRINGS,
    SHARED_STRINGS_REL,
    SHARED_STRINGS_TYPE,
    TYPES_NS,
    WORKBOOK,
    WORKBOOK_RELS,
    xml_bytes,
)
from workbook.xlsx_view import shared_strings_path

WORKSHEET_REL = f"{REL_NS}/worksheet"
WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"


def added_worksheet(package: zipfile.ZipFile, name: str, sheet_count: int, changed: dict[str, bytes],
                    title_rows: str | None = None) -> str:
    """Add a worksheet `name` second in the tab order (first in a one-sheet book); returns its part's path.

    workbook.xml, its relationships and the content types go into `changed`; sheet-local names
    and the active tab move past the new sheet; `title_rows` ("4:4") become its print titles.
    """
    names = set(package.namelist()) | set(changed)
    number = 1
    while f"xl/worksheets/sheet{number}.xml" in names:
        number += 1
    path = f"xl/worksheets/sheet{number}.xml"
    rel_id = _relationship(package, changed, WORKSHEET_REL, posixpath.relpath(path, "xl"))
    _content_type(package, changed, path, WORKSHEET_TYPE)
    root = etree.fromstring(changed.get(WORKBOOK) or package.read(WORKBOOK))
    sheets = root.find(f"{{{MAIN_NS}}}sheets")
    position = 1 if sheet_count > 1 else 0
    ids = [int(s.get("sheetId", "0")) for s in sheets]
    element = etree.Element(f"{{{MAIN_NS}}}sheet", name=name, sheetId=str(max(ids, default=0) + 1))
    element.set(f"{{{REL_NS}}}id", rel_id)
    sheets.insert(position, element)
    defined = root.find(f"{{{MAIN_NS}}}definedNames")
    if defined is None:
        defined = etree.Element(f"{{{MAIN_NS}}}definedNames")
        sheets.addnext(defined)
    for item in defined:
        local = item.get("localSheetId")
        if local is not None and int(local) >= position:
            item.set("localSheetId", str(int(local) + 1))
    if title_rows:
        first, last = title_rows.split(":")
        titles = etree.SubElement(defined, f"{{{MAIN_NS}}}definedName", name="_xlnm.Print_Titles",
                                  localSheetId=str(position))
        titles.text = address(name, f"${first}:${last}")
    if not len(defined):
        root.remove(defined)
    for view in root.iter(f"{{{MAIN_NS}}}workbookView"):
        for attribute in ("activeTab", "firstSheet"):
            value = view.get(attribute)
            if value is not None and int(value) >= position and int(value) > 0:
                view.set(attribute, str(int(value) + 1))
    changed[WORKBOOK] = xml_bytes(root)
    return path


_SST_START = re.compile(rb"<(\w+:)?sst\b[^>]*>")
_SST_END = re.compile(rb"</(?:\w+:)?sst>\s*$")
_SST_EMPTY = re.compile(rb"<(\w+:)?sst\b[^>]*/>")
_COUNT = re.compile(rb'\b(count|uniqueCount)="(\d+)"')


def appended_strings(package: zipfile.ZipFile, changed: dict[str, bytes], items: bytes, added: int,
                     references: int) -> None:
    """The shared-strings table with `items` (`added` new `<si>`, used `references` times) at its end;
    made, with its relationship and content type, when the package has none."""
    if not added:
        return
    path = shared_strings_path(package)
    if path is None:
        path = SHARED_STRINGS
        _relationship(package, changed, SHARED_STRINGS_REL, posixpath.relpath(path, "xl"))
        _content_type(package, changed, path, SHARED_STRINGS_TYPE)
        changed[path] = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN_NS}" '
                         f'count="{references}" uniqueCount="{added}">').encode() + items + b"</sst>"
        return
    data = package.read(path)
    empty = _SST_EMPTY.search(data)
    if empty is not None:
        start = empty.group(0)[:-2] + b">"
        data = data[:empty.start()] + start + b"</" + (empty.group(1) or b"") + b"sst>" + data[empty.end():]
    head = _SST_START.search(data)
    prefix = head.group(1) or b""  # a table written with a namespace prefix (<x:sst>) gets its items with it
    if prefix:
        for tag in (b"si", b"t"):
            items = items.replace(b"<" + tag + b">", b"<" + prefix + tag + b">").replace(
                b"<" + tag + b" ", b"<" + prefix + tag + b" ").replace(b"</" + tag + b">", b"</" + prefix + tag + b">")
    grown = {b"count": references, b"uniqueCount": added}
    new_head = _COUNT.sub(lambda m: m.group(1) + b'="' + str(int(m.group(2)) + grown[m.group(1)]).encode() + b'"',
                          head.group(0))
    end = _SST_END.search(data)
    changed[path] = data[:head.start()] + new_head + data[head.end():end.start()] + items + data[end.start():]


def _relationship(package: zipfile.ZipFile, changed: dict[str, bytes], kind: str, target: str) -> str:
    rels = etree.fromstring(changed.get(WORKBOOK_RELS) or package.read(WORKBOOK_RELS))
    taken = {r.get("Id") for r in rels}
    rel_id = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
    etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship", Id=rel_id, Type=kind, Target=target)
    changed[WORKBOOK_RELS] = xml_bytes(rels)
    return rel_id


def _content_type(package: zipfile.ZipFile, changed: dict[str, bytes], path: str, content_type: str) -> None:
    types = etree.fromstring(changed.get(CONTENT_TYPES) or package.read(CONTENT_TYPES))
    etree.SubElement(types, f"{{{TYPES_NS}}}Override", PartName=f"/{path}", ContentType=content_type)
    changed[CONTENT_TYPES] = xml_bytes(types)


def write_copy(target: Path, package: zipfile.ZipFile, changed: dict[str, bytes]) -> None:
    """The package into `target`: the `changed` parts written (new ones at the end), every other copied as stored."""
    spans = _spans(package)
    newest = max((item.date_time for item in package.infolist()), default=(1980, 1, 1, 0, 0, 0))
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in package.infolist():
            if item.filename in changed:
                out.writestr(item, changed[item.filename])
            else:
                _copy_raw(package, out, item, spans[item.filename])
        for part, data in changed.items():
            if part not in spans:
                out.writestr(zipfile.ZipInfo(part, date_time=newest), data, compress_type=zipfile.ZIP_DEFLATED)


def _spans(package: zipfile.ZipFile) -> dict[str, tuple[int, int]]:
    """Member -> (start, end) of its local header, data and data descriptor in the file."""
    items = sorted(package.infolist(), key=lambda item: item.header_offset)
    ends = [item.header_offset for item in items[1:]] + [package.start_dir]  # type: ignore[attr-defined]
    return {item.filename: (item.header_offset, end) for item, end in zip(items, ends)}


def _copy_raw(package: zipfile.ZipFile, out: zipfile.ZipFile, item: zipfile.ZipInfo, span: tuple[int, int]) -> None:
    """Copy a member as it is stored (still compressed): the part stays byte for byte what it was.

    zipfile has no public call for this; it keeps the end of the written data in `start_dir`
    and writes the central directory from `filelist` on close, which is all this relies on.
    """
    start, end = span
    package.fp.seek(start)  # type: ignore[union-attr]
    raw = package.fp.read(end - start)  # type: ignore[union-attr]
    clone = copy(item)
    clone.header_offset = out.fp.tell()  # type: ignore[union-attr]
    out.fp.write(raw)  # type: ignore[union-attr]
    out.filelist.append(clone)
    out.NameToInfo[clone.filename] = clone
    out.start_dir = out.fp.tell()  # type: ignore[attr-defined,union-attr]
    out._didModify = True  # type: ignore[attr-defined]
