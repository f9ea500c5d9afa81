"""A workbook rewritten into the shape Excel saves: what budgetbook must read besides its own files.

Excel writes text once into a shared-strings part, a filled-down column of formulas as one
shared formula (the first cell holds the text, the others only `si`), keeps array
formulas, lists its styles in its own order (named styles not in the order of their
records) and gives fonts theme colours and the theme's font scheme. `to_excel_shape`
makes those changes to a package at the XML level, changing no value and no formula's
meaning, so a test can hold the reading of both files against each other.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

from workbook.formula_moves import shift_formula
from workbook.xlsx_view import NS, sheet_parts

_SST = "xl/sharedStrings.xml"
_SST_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
_SST_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"


def q(name: str) -> str:
    return f"{{{NS}}}{name}"


def to_excel_shape(source: Path, target: Path, *, array_cell: tuple[str, str] | None = None) -> dict[str, int]:
    """Copy `source` to `target` in Excel's shape; returns counts of what was changed (for the test to check).

    `array_cell` = (sheet, "F13"): that formula becomes a one-cell array formula, as Ctrl+Shift+Enter makes it.
    """
    strings: list[str] = []
    index: dict[str, int] = {}
    counts = {"shared_strings": 0, "shared_formulas": 0, "array_formulas": 0}
    with zipfile.ZipFile(source) as package:
        sheets = {part.path: part.name for part in sheet_parts(package)}
        parts = {name: package.read(name) for name in package.namelist()}
    had_sst = _SST in parts
    if had_sst:
        for item in etree.fromstring(parts[_SST]).iter(q("si")):
            index.setdefault("".join(t.text or "" for t in item.iter(q("t"))), len(strings))
            strings.append("".join(t.text or "" for t in item.iter(q("t"))))
    for path, name in sheets.items():
        root = etree.fromstring(parts[path])
        _share_strings(root, strings, index)
        counts["shared_formulas"] += _share_formulas(root)
        if array_cell and array_cell[0] == name:
            counts["array_formulas"] += _make_array(root, array_cell[1])
        parts[path] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    parts[_SST] = _sst_xml(strings)
    counts["shared_strings"] = len(strings)  # every text once, most of them as rich text
    parts["xl/styles.xml"] = _reorder_styles(parts["xl/styles.xml"])
    if not had_sst:
        parts["[Content_Types].xml"] = _with_sst_type(parts["[Content_Types].xml"])
        parts["xl/_rels/workbook.xml.rels"] = _with_sst_rel(parts["xl/_rels/workbook.xml.rels"])
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return counts


def _share_strings(root: etree._Element, strings: list[str], index: dict[str, int]) -> int:
    moved = 0
    for cell in root.iter(q("c")):
        if cell.get("t") != "inlineStr":
            continue
        inline = cell.find(q("is"))
        if inline is None:  # an empty text cell: Excel writes no type for it
            del cell.attrib["t"]
            continue
        text = "".join(t.text or "" for t in inline.iter(q("t")))
        cell.remove(inline)
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        cell.set("t", "s")
        value = etree.SubElement(cell, q("v"))
        value.text = str(index[text])
        moved += 1
    return moved


def _share_formulas(root: etree._Element) -> int:
    """Runs of formulas down a column that are one formula moved row by row become one shared formula."""
    by_column: dict[str, list[tuple[int, etree._Element]]] = {}
    for cell in root.iter(q("c")):
        formula = cell.find(q("f"))
        if formula is None or formula.get("t"):
            continue
        ref = cell.get("r")
        letters = ref.rstrip("0123456789")
        by_column.setdefault(letters, []).append((int(ref[len(letters):]), cell))
    next_si = 0
    shared = 0
    for letters, cells in by_column.items():
        cells.sort(key=lambda item: item[0])
        start = 0
        while start < len(cells):
            first_row, first = cells[start]
            text = first.find(q("f")).text
            end = start + 1
            while (end < len(cells) and cells[end][0] == first_row + (end - start)
                   and cells[end][1].find(q("f")).text == shift_formula(text, end - start, 0)):
                end += 1
            if end - start > 1:
                last_row = cells[end - 1][0]
                head = first.find(q("f"))
                head.set("t", "shared")
                head.set("ref", f"{letters}{first_row}:{letters}{last_row}")
                head.set("si", str(next_si))
                for _, cell in cells[start + 1:end]:
                    formula = cell.find(q("f"))
                    formula.text = None
                    formula.set("t", "shared")
                    formula.set("si", str(next_si))
                    shared += 1
                next_si += 1
            start = end
    return shared


def _make_array(root: etree._Element, ref: str) -> int:
    for cell in root.iter(q("c")):
        if cell.get("r") == ref:
            formula = cell.find(q("f"))
            formula.set("t", "array")
            formula.set("ref", ref)
            return 1
    raise AssertionError(f"no cell {ref} to make an array formula of")


def _sst_xml(strings: list[str]) -> bytes:
    root = etree.Element(q("sst"), count=str(len(strings)), uniqueCount=str(len(strings)), nsmap={None: NS})
    for text in strings:
        item = etree.SubElement(root, q("si"))
        if len(text) > 3:  # rich text: the same characters in two runs, as Excel stores a partly bold cell
            for piece in (text[:3], text[3:]):
                run = etree.SubElement(item, q("r"))
                t = etree.SubElement(run, q("t"))
                t.text = piece
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        else:
            t = etree.SubElement(item, q("t"))
            t.text = text
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _reorder_styles(data: bytes) -> bytes:
    """Named style records in reverse order (every xfId renumbered), cellStyles listed by name, theme fonts."""
    root = etree.fromstring(data)
    style_xfs = root.find(q("cellStyleXfs"))
    records = list(style_xfs)
    order = list(reversed(range(len(records))))  # new position -> old index
    new_index = {old: new for new, old in enumerate(order)}
    for record in records:
        style_xfs.remove(record)
    style_xfs.extend(records[old] for old in order)
    for xf in root.find(q("cellXfs")):
        xf.set("xfId", str(new_index[int(xf.get("xfId", "0"))]))
    cell_styles = root.find(q("cellStyles"))
    named = list(cell_styles)
    for style in named:
        style.set("xfId", str(new_index[int(style.get("xfId", "0"))]))
        cell_styles.remove(style)
    cell_styles.extend(sorted(named, key=lambda s: s.get("name", ""), reverse=True))
    for font in root.find(q("fonts")):
        if font.find(q("scheme")) is None:
            etree.SubElement(font, q("scheme"), val="minor")
        if font.find(q("color")) is None:
            etree.SubElement(font, q("color"), theme="1")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_sst_type(data: bytes) -> bytes:
    root = etree.fromstring(data)
    etree.SubElement(root, f"{{{_CT}}}Override", PartName=f"/{_SST}", ContentType=_SST_TYPE)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _with_sst_rel(data: bytes) -> bytes:
    root = etree.fromstring(data)
    taken = {r.get("Id") for r in root}
    rel_id = next(f"rId{n}" for n in range(1, len(taken) + 2) if f"rId{n}" not in taken)
    etree.SubElement(root, f"{{{_RELS}}}Relationship", Id=rel_id, Type=_SST_REL, Target="sharedStrings.xml")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
