"""Saving a workbook with the computed value of every formula stored beside it.

openpyxl writes formulas without results, so a mail preview, a phone or pandas shows
blanks. We compute every formula with `workbook.engine`, save with openpyxl to memory,
then add a `<v>` result to each formula cell in the sheet XML while writing the file
with `budgetbook.files.save_atomically`. Excel still recalculates on open (fullCalcOnLoad).
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from lxml import etree
from openpyxl import Workbook
from openpyxl.utils.cell import get_column_letter

from budgetbook.files import FileLock, save_atomically
from workbook.engine import EvaluatedBook
from workbook.excel_functions import ExcelError

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DCTERMS_NS = "http://purl.org/dc/terms/"
_CORE = "docProps/core.xml"


def save_with_values(book: Workbook, target: Path, stamp: datetime | None = None,
                     values: dict[tuple[str, int, int], object] | None = None, lock: FileLock | None = None) -> None:
    """Save `book` to `target` with every formula's value, safely (`budgetbook.files.save_atomically`:
    locked, whole or not at all, mode, group and symlink kept).

    With `stamp`, the file records that time as created and modified, and the package's
    entries carry it too: the same layout then gives the same bytes (the send log of the
    committee packs compares checksums to send only what changed). `values` are the formulas'
    results when the caller has computed them already (`EvaluatedBook.evaluate_all`). `lock` is
    the target's lock when the caller holds it (validate holds it from reading to saving).
    """
    if values is None:
        values = EvaluatedBook(book).evaluate_all()
    by_sheet: dict[str, dict[str, object]] = {}
    for (sheet, row, col), value in values.items():
        by_sheet.setdefault(sheet, {})[f"{get_column_letter(col)}{row}"] = value

    def write(temporary: Path) -> None:
        raw = io.BytesIO()
        book.save(raw)
        add_values(raw, temporary, by_sheet, stamp)

    save_atomically(target, write, lock=lock)


def add_values(source: Path | BinaryIO, target: Path, values: dict[str, dict[str, object]],
               stamp: datetime | None = None) -> None:
    """Copy the package, writing a cached result into every formula cell of the named sheets."""
    with zipfile.ZipFile(source) as package:
        paths = _sheet_paths(package)
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
            for item in package.infolist():
                data = package.read(item.filename)
                sheet = paths.get(item.filename)
                if sheet is not None and sheet in values:
                    data = _with_values(data, values[sheet])
                if stamp is not None:
                    item.date_time = stamp.timetuple()[:6]
                    if item.filename == _CORE:
                        data = _stamped_core(data, stamp)
                out.writestr(item, data)


def _stamped_core(data: bytes, stamp: datetime) -> bytes:
    """docProps/core.xml with `stamp` as created and modified (openpyxl writes the time of saving)."""
    root = etree.fromstring(data)
    text = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    for name in ("created", "modified"):
        for node in root.iter(f"{{{_DCTERMS_NS}}}{name}"):
            node.text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _sheet_paths(package: zipfile.ZipFile) -> dict[str, str]:
    """Sheet XML part -> sheet name, from workbook.xml and its relationships."""
    workbook = etree.fromstring(package.read("xl/workbook.xml"))
    rels = etree.fromstring(package.read("xl/_rels/workbook.xml.rels"))
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{_PKG_REL_NS}}}Relationship")}
    paths = {}
    for sheet in workbook.iter(f"{{{_NS}}}sheet"):
        target = targets[sheet.get(f"{{{_REL_NS}}}id")]
        path = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        paths[path] = sheet.get("name")
    return paths


def _with_values(data: bytes, values: dict[str, object]) -> bytes:
    root = etree.fromstring(data)
    for cell in root.iter(f"{{{_NS}}}c"):
        formula = cell.find(f"{{{_NS}}}f")
        if formula is None:
            continue
        value = values.get(cell.get("r"))
        for old in cell.findall(f"{{{_NS}}}v"):
            cell.remove(old)
        kind, text = _cell_result(value)
        if kind is None:
            cell.attrib.pop("t", None)
        else:
            cell.set("t", kind)
        if text is not None:
            etree.SubElement(cell, f"{{{_NS}}}v").text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _cell_result(value: object) -> tuple[str | None, str | None]:
    if isinstance(value, ExcelError):
        return "e", str(value)
    if isinstance(value, bool):
        return "b", "1" if value else "0"
    if isinstance(value, (int, float)):
        return None, repr(float(value)) if isinstance(value, float) else str(value)
    if value is None:
        return None, None
    return "str", str(value)
