"""The shared-strings table of a workbook, and SpreadsheetML's escaping of text.

Excel keeps every text of a workbook once, in `xl/sharedStrings.xml`, and a cell refers to
it by index (`<c t="s"><v>12</v></c>`). A file with inline strings (`t="inlineStr"`, what
openpyxl writes) opens, but Excel moves them into a new table on its first save, so the file
changes under the user. budgetbook writes the table itself (`workbook.sheet_xml`) and moves
the inline strings of a file openpyxl saved into it (`inline_to_shared`).
"""

from __future__ import annotations

import re

from lxml import etree

from workbook.ooxml import MAIN_NS

# XML 1.0 cannot hold these; SpreadsheetML writes them as _xHHHH_ (and a literal "_x0041_" as "_x005F_x0041_").
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)")
_ANY_ESCAPE = re.compile(r"[&<>\"\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_x[0-9A-Fa-f]{4}_")


def xml_text(text: str) -> str:
    """`text` safe inside an XML element or attribute value."""
    if _ANY_ESCAPE.search(text) is None:  # nearly every text: one scan
        return text
    text = _NOT_XML.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def text_element(text: str) -> str:
    """A `<t>` element; spaces at its ends (and line breaks there) are kept."""
    space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
    return f"<t{space}>{xml_text(text)}</t>"


class SharedStrings:
    """The table being written: each distinct text once, in the order first used. `start`: how many
    items the package's table already holds (its own, rich text too), when texts are appended to it."""

    def __init__(self, start: int = 0) -> None:
        self.start = start
        self._index: dict[str, int] = {}
        self.references = 0

    def index(self, text: str) -> int:
        self.references += 1
        found = self._index.get(text)
        if found is None:
            found = self._index[text] = len(self._index)
        return self.start + found

    def __len__(self) -> int:
        return len(self._index)

    def items_xml(self) -> bytes:
        """The `<si>` items of the texts added here."""
        return "".join(f"<si>{text_element(text)}</si>" for text in self._index).encode("utf-8")

    def to_xml(self) -> bytes:
        head = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<sst xmlns="{MAIN_NS}" count="{self.references}" uniqueCount="{len(self._index)}">')
        return head.encode() + self.items_xml() + b"</sst>"


_C = f"{{{MAIN_NS}}}c"
_IS = f"{{{MAIN_NS}}}is"
_V = f"{{{MAIN_NS}}}v"


def inline_to_shared(root: etree._Element, table: SharedStrings) -> int:
    """Move every inline string of a parsed worksheet into `table`; returns how many it moved."""
    moved = 0
    for cell in root.iter(_C):
        if cell.get("t") != "inlineStr":
            continue
        inline = cell.find(_IS)
        text = "".join(inline.itertext()) if inline is not None else ""
        for child in list(cell):
            cell.remove(child)
        cell.set("t", "s")
        etree.SubElement(cell, _V).text = str(table.index(text))
        moved += 1
    return moved
