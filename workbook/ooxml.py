"""The package parts of an .xlsx file that budgetbook rewrites, valid against the Open XML schema.

- `sheet_parts`: which XML part holds which worksheet (from workbook.xml and its relationships);
- `with_part`: a new part registered in [Content_Types].xml and the workbook's relationships
  (the shared-strings table);
- `styles_in_schema_order`: styles.xml with each font's children in the order the schema
  demands (openpyxl writes name, family, b, i, color, sz, u: Excel's validator rejects it);
- `stamped_core`: docProps/core.xml with a fixed time, so equal layouts give equal bytes;
- `read_package` / `save_package`: the parts in and out of the zip, saved with
  `budgetbook.files.save_atomically`, so a failure never leaves a half-written workbook.
"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from pathlib import Path
from typing import BinaryIO

from lxml import etree

from budgetbook.files import FileLock, save_atomically

MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
DCTERMS_NS = "http://purl.org/dc/terms/"

WORKBOOK = "xl/workbook.xml"
WORKBOOK_RELS = "xl/_rels/workbook.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
STYLES = "xl/styles.xml"
CORE = "docProps/core.xml"
SHARED_STRINGS = "xl/sharedStrings.xml"
SHARED_STRINGS_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
SHARED_STRINGS_REL = f"{REL_NS}/sharedStrings"

# CT_Font of the schema (sml.xsd) is a sequence in this order.
FONT_ORDER = ("b", "i", "strike", "condense", "extend", "outline", "shadow", "u", "vertAlign", "sz", "color",
              "name", "family", "charset", "scheme")


def xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def sheet_parts(parts: dict[str, bytes]) -> dict[str, str]:
    """Worksheet part path -> sheet name, in the workbook's sheet order."""
    workbook = etree.fromstring(parts[WORKBOOK])
    rels = etree.fromstring(parts[WORKBOOK_RELS])
    targets = {r.get("Id"): r.get("Target") for r in rels.iter(f"{{{PKG_REL_NS}}}Relationship")}
    paths = {}
    for sheet in workbook.iter(f"{{{MAIN_NS}}}sheet"):
        paths[_part_path(targets[sheet.get(f"{{{REL_NS}}}id")])] = sheet.get("name")
    return paths


def _part_path(target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else f"xl/{target}"


def part_of_type(parts: dict[str, bytes], relationship: str) -> str | None:
    """The path of the workbook's part of a relationship type (the shared strings), if it has one."""
    rels = etree.fromstring(parts[WORKBOOK_RELS])
    for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship"):
        if rel.get("Type") == relationship:
            return _part_path(rel.get("Target"))
    return None


def with_part(parts: dict[str, bytes], path: str, content_type: str, relationship: str, data: bytes) -> None:
    """Put `data` at `path`, registered once in the content types and the workbook's relationships."""
    existing = part_of_type(parts, relationship)
    if existing is not None:
        parts[existing] = data
        return
    parts[path] = data
    types = etree.fromstring(parts[CONTENT_TYPES])
    override = etree.SubElement(types, f"{{{TYPES_NS}}}Override")
    override.set("PartName", f"/{path}")
    override.set("ContentType", content_type)
    parts[CONTENT_TYPES] = xml_bytes(types)
    rels = etree.fromstring(parts[WORKBOOK_RELS])
    taken = {r.get("Id") for r in rels.iter(f"{{{PKG_REL_NS}}}Relationship")}
    number = len(taken) + 1
    while f"rId{number}" in taken:
        number += 1
    rel = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
    rel.set("Type", relationship)
    rel.set("Target", f"/{path}")
    rel.set("Id", f"rId{number}")
    parts[WORKBOOK_RELS] = xml_bytes(rels)


def styles_in_schema_order(data: bytes) -> bytes:
    """styles.xml with every font's (and differential font's) children in the schema's order."""
    root = etree.fromstring(data)
    rank = {f"{{{MAIN_NS}}}{name}": index for index, name in enumerate(FONT_ORDER)}
    for font in root.iter(f"{{{MAIN_NS}}}font"):
        children = list(font)
        ordered = sorted(children, key=lambda child: rank.get(child.tag, len(rank)))
        if ordered != children:
            for child in children:
                font.remove(child)
            font.extend(ordered)
    return xml_bytes(root)


def stamped_core(data: bytes, stamp: datetime) -> bytes:
    """docProps/core.xml with `stamp` as created and modified (openpyxl writes the time of saving)."""
    root = etree.fromstring(data)
    text = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    for name in ("created", "modified"):
        for node in root.iter(f"{{{DCTERMS_NS}}}{name}"):
            node.text = text
    return xml_bytes(root)


def read_package(source: bytes | Path | BinaryIO) -> dict[str, bytes]:
    """Every part of the package by path, in the zip's order."""
    with zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source) as package:
        return {item.filename: package.read(item.filename) for item in package.infolist()}


def write_package(parts: dict[str, bytes], path: Path, stamp: datetime | None = None) -> None:
    """Write the parts as a zip at `path`; with `stamp`, core.xml and every zip entry carry that time, not now."""
    moment = stamp or datetime.now()
    if stamp is not None and CORE in parts:
        parts[CORE] = stamped_core(parts[CORE], stamp)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            entry = zipfile.ZipInfo(name, date_time=moment.timetuple()[:6])
            entry.external_attr = 0o600 << 16  # as zipfile gives an entry written by name
            out.writestr(entry, data, compress_type=zipfile.ZIP_DEFLATED)


def save_package(parts: dict[str, bytes], target: Path, stamp: datetime | None = None,
                 lock: FileLock | None = None) -> None:
    """`write_package` to `target` safely (`budgetbook.files.save_atomically`: locked, whole or not at all)."""
    save_atomically(target, lambda temporary: write_package(parts, temporary, stamp), lock=lock)
