"""Saving an openpyxl workbook with the computed value of every formula stored beside it.

openpyxl writes formulas without results, so a mail preview, a phone or pandas shows
blanks. `save_with_values` computes every formula with `workbook.engine` (or takes the
values the caller computed), saves with openpyxl, adds a `<v>` result to each formula cell,
moves the inline strings openpyxl writes into a shared-strings table, puts styles.xml in the
schema's order, and saves it with `budgetbook.files.save_atomically`. Excel still recalculates on open
(fullCalcOnLoad). `budgetbook build` does not come here: `workbook.write_xlsx` writes its
cells directly; `validate` does, after adding its Validering sheet to the opened book.
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from lxml import etree
from openpyxl import Workbook
from openpyxl.utils.cell import get_column_letter

from budgetbook.files import FileLock
from workbook import ooxml
from workbook.engine import EvaluatedBook
from workbook.shared_strings import SharedStrings, inline_to_shared
from workbook.sheet_xml import cached_result
from workbook.write_xlsx import finish_package


def save_with_values(book: Workbook, target: Path, stamp: datetime | None = None,
                     values: dict[tuple[str, int, int], object] | None = None, lock: FileLock | None = None) -> None:
    """Save `book` to `target` with every formula's value, safely (`budgetbook.files.save_atomically`:
    locked, whole or not at all, mode, group and symlink kept).

    With `stamp`, the file records that time as created and modified, and the package's
    entries carry it too: the same book then gives the same bytes. `values` are the formulas'
    results when the caller has computed them already (`EvaluatedBook.evaluate_all`). `lock` is
    the target's lock when the caller holds it (validate holds it from reading to saving).
    """
    if values is None:
        values = EvaluatedBook(book).evaluate_all()
    by_sheet = values_by_sheet(values)
    saved = io.BytesIO()
    book.save(saved)
    parts = ooxml.read_package(saved.getvalue())
    strings = SharedStrings()
    for path, sheet in ooxml.sheet_parts(parts).items():
        root = etree.fromstring(parts[path])
        inline_to_shared(root, strings)
        store_values(root, by_sheet.get(sheet, {}))
        parts[path] = ooxml.xml_bytes(root)
    finish_package(parts, strings)
    ooxml.save_package(parts, target, stamp, lock)


def values_by_sheet(values: dict[tuple[str, int, int], object]) -> dict[str, dict[str, object]]:
    by_sheet: dict[str, dict[str, object]] = {}
    for (sheet, row, col), value in values.items():
        by_sheet.setdefault(sheet, {})[f"{get_column_letter(col)}{row}"] = value
    return by_sheet


def add_values(source: Path | BinaryIO, target: Path, values: dict[str, dict[str, object]],
               stamp: datetime | None = None) -> None:
    """Copy the package, writing a cached result into every formula cell of the named sheets."""
    parts = ooxml.read_package(source)
    for path, sheet in ooxml.sheet_parts(parts).items():
        if sheet in values:
            root = etree.fromstring(parts[path])
            store_values(root, values[sheet])
            parts[path] = ooxml.xml_bytes(root)
    ooxml.write_package(parts, target, stamp)


_C = f"{{{ooxml.MAIN_NS}}}c"
_F = f"{{{ooxml.MAIN_NS}}}f"
_V = f"{{{ooxml.MAIN_NS}}}v"


def store_values(root: etree._Element, values: dict[str, object]) -> None:
    for cell in root.iter(_C):
        if cell.find(_F) is None:
            continue
        for old in cell.findall(_V):
            cell.remove(old)
        kind, text = cached_result(values.get(cell.get("r")))
        if kind is None:
            cell.attrib.pop("t", None)
        else:
            cell.set("t", kind)
        if text is not None:
            etree.SubElement(cell, _V).text = text
