"""The text Word shows of WordprocessingML: a paragraph's runs, a table row's cells, a cell's text.

Word's XML holds more than Word shows; this module decides what is shown:
- content controls (`w:sdt`) and custom XML (`w:customXml`) wrap blocks, rows, cells and runs:
  their content stands where they stand; a control showing its placeholder text (`w:showingPlcHdr`)
  is empty, as the form's field is;
- `mc:AlternateContent` offers the same content in several forms: the first `mc:Choice` is read,
  never the `mc:Fallback` (Word saves each text box there a second time, as VML);
- a text box's paragraphs (`w:txbxContent`) are not its anchor paragraph's text: `text_boxes`
  gives them, for the reader to put after the anchor;
- hidden text (`w:vanish`, set on the run or by its character style), deleted text (`w:del`,
  `w:delText`) and text moved away (`w:moveFrom`) are not shown; inserted (`w:ins`) and moved
  (`w:moveTo`) text is.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_OFF = ("0", "false", "off")

_WRAPPERS = (f"{W}customXml", f"{W}sdtContent", f"{W}smartTag")  # their content stands where they stand
_NOT_SHOWN = (f"{W}del", f"{W}moveFrom", f"{W}delText", f"{W}delInstrText", f"{W}pPr", f"{W}rPr",
              f"{W}sdtPr", f"{W}sdtEndPr", f"{W}instrText", f"{W}txbxContent", f"{_MC}Fallback",
              f"{W}footnoteReference", f"{W}endnoteReference", f"{W}commentReference")
_CHARACTERS = {f"{W}tab": "\t", f"{W}noBreakHyphen": "-", f"{W}softHyphen": ""}


def block_children(container: object) -> Iterator[object]:
    """The block-level children of a body, cell, text box or table (paragraphs, tables, rows, cells),
    content controls and custom XML opened where they stand; a control showing its placeholder gives
    its blocks with their text left out by `WordText.paragraph`."""
    for child in container.iterchildren():  # type: ignore[attr-defined]
        tag = child.tag
        if tag == f"{W}sdt" or tag == f"{W}customXml":
            content = child.find(f"{W}sdtContent") if tag == f"{W}sdt" else child
            if content is not None:
                yield from block_children(content)
        elif isinstance(tag, str):
            yield child


def row_cells(tr: object) -> list[object]:
    """A table row's `w:tc` cells, also those wrapped in content controls."""
    return [c for c in block_children(tr) if c.tag == f"{W}tc"]  # type: ignore[attr-defined]


def _is_placeholder(sdt: object) -> bool:
    properties = sdt.find(f"{W}sdtPr")  # type: ignore[attr-defined]
    if properties is None:
        return False
    showing = properties.find(f"{W}showingPlcHdr")
    return showing is not None and showing.get(f"{W}val", "1") not in _OFF


@dataclass(frozen=True)
class WordText:
    """Reads text as the document shows it; knows the document's hidden character styles."""

    hidden_styles: frozenset[str] = frozenset()

    @classmethod
    def of(cls, document: object) -> WordText:
        styles = document.styles.element  # type: ignore[attr-defined]
        hidden = frozenset(
            style.get(f"{W}styleId") for style in styles.iterchildren(f"{W}style")
            if _vanishes(style.find(f"{W}rPr")))
        return cls(hidden)

    def paragraph(self, p: object) -> str:
        """The paragraph's shown text, tabs and line breaks kept, its text boxes left out."""
        return "".join(self._parts(p, placeholder=_inside_placeholder(p)))

    def cell(self, tc: object) -> str:
        """A table cell's text: its paragraphs (and those of its text boxes) joined by line breaks; a
        cell merged down from the row above is empty (its text stood above). Nested tables are not in it."""
        properties = tc.find(f"{W}tcPr")  # type: ignore[attr-defined]
        merge = properties.find(f"{W}vMerge") if properties is not None else None
        if merge is not None and merge.get(f"{W}val", "continue") == "continue":
            return ""
        texts: list[str] = []
        self._cell_paragraphs(tc, texts)
        return "\n".join(texts).strip()

    def _cell_paragraphs(self, container: object, texts: list[str]) -> None:
        for element in block_children(container):
            if element.tag == f"{W}p":  # type: ignore[attr-defined]
                texts.append(self.paragraph(element))
                for box in self.text_boxes(element):
                    self._cell_paragraphs(box, texts)

    def nested_tables(self, tc: object) -> list[object]:
        return [e for e in block_children(tc) if e.tag == f"{W}tbl"]  # type: ignore[attr-defined]

    def text_boxes(self, p: object) -> list[object]:
        """The paragraph's text boxes (`w:txbxContent`), each once: not from a fallback, not one inside another."""
        boxes: list[object] = []
        self._find_boxes(p, boxes)
        return boxes

    def _find_boxes(self, node: object, boxes: list[object]) -> None:
        for child in node.iterchildren():  # type: ignore[attr-defined]
            tag = child.tag
            if tag == f"{W}txbxContent":
                boxes.append(child)
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")
                if choice is not None:
                    self._find_boxes(choice, boxes)
            elif tag not in (f"{_MC}Fallback", f"{W}del", f"{W}moveFrom") and isinstance(tag, str):
                self._find_boxes(child, boxes)

    def page_breaks(self, p: object) -> int:
        return sum(1 for node in p.iter(f"{W}br") if node.get(f"{W}type") == "page")  # type: ignore[attr-defined]

    def _parts(self, node: object, *, placeholder: bool) -> Iterator[str]:
        for child in node.iterchildren():  # type: ignore[attr-defined]
            tag = child.tag
            if not isinstance(tag, str) or tag in _NOT_SHOWN:
                continue
            if tag == f"{W}t":
                if not placeholder:
                    yield child.text or ""
            elif tag in _CHARACTERS:
                if not placeholder:
                    yield _CHARACTERS[tag]
            elif tag in (f"{W}br", f"{W}cr"):
                if child.get(f"{W}type") != "page" and not placeholder:
                    yield "\n"
            elif tag == f"{W}r":
                if not self._hidden(child):
                    yield from self._parts(child, placeholder=placeholder)
            elif tag == f"{W}sdt":
                content = child.find(f"{W}sdtContent")
                if content is not None:
                    yield from self._parts(content, placeholder=placeholder or _is_placeholder(child))
            elif tag == f"{_MC}AlternateContent":
                choice = child.find(f"{_MC}Choice")
                if choice is not None:
                    yield from self._parts(choice, placeholder=placeholder)
            else:  # w:ins, w:moveTo, w:hyperlink, w:fldSimple, w:smartTag, w:customXml, drawings, ...
                yield from self._parts(child, placeholder=placeholder)

    def _hidden(self, r: object) -> bool:
        properties = r.find(f"{W}rPr")  # type: ignore[attr-defined]
        if properties is None:
            return False
        if _vanishes(properties):
            return True
        style = properties.find(f"{W}rStyle")
        return style is not None and style.get(f"{W}val") in self.hidden_styles and properties.find(f"{W}vanish") is None


def _vanishes(properties: object) -> bool:
    if properties is None:
        return False
    vanish = properties.find(f"{W}vanish")  # type: ignore[attr-defined]
    return vanish is not None and vanish.get(f"{W}val", "1") not in _OFF


def _inside_placeholder(p: object) -> bool:
    """Whether the paragraph stands in a block-level content control that shows its placeholder."""
    node = p.getparent()  # type: ignore[attr-defined]
    while node is not None and node.tag != f"{W}body":
        if node.tag == f"{W}sdt" and _is_placeholder(node):
            return True
        node = node.getparent()
    return False
