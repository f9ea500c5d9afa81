"""OpenDocument files as LibreOffice saves them: text (.odt) like Word, spreadsheets (.ods) like Excel.

The parts are parsed with defusedxml (no entities, no DTD), after `archive_limits` has checked the
package. A text document gives what the Word reader gives: paragraphs (headings as "Heading N",
list items as "List Bullet", the rest by their style's name, "Normal" for the default) and table
rows on the table's grid, a text box's paragraphs after their anchor, a nested table's rows after
its row; tracked deletions, hidden text and notes are left out, and the headers and footers of the
page styles are the running heads. A page ends where LibreOffice last laid one out
(`text:soft-page-break`) or at a page break. A spreadsheet gives a line per visible row, as the
Excel reader does: hidden sheets, rows and columns left out with a warning, a percentage as the text
shown, a merged area one column wide read on every row; LibreOffice saves every formula's result.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance, ReadWarning
from importers.readers import Cell, Line, Read
from importers.readers.sheet_layout import left_out
from importers.readers.xlsx import cell_value

SPREADSHEET = "application/vnd.oasis.opendocument.spreadsheet"
TEXT = "application/vnd.oasis.opendocument.text"

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}
MAX_REPEAT = 1000  # rows or cells a repeat may stand for when they hold text; LibreOffice repeats empties to 1.048.576


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


def mimetype(archive: zipfile.ZipFile) -> str:
    try:
        return archive.read("mimetype").decode("ascii", "replace").strip()
    except KeyError:
        return ""


def read(path: Path) -> Read:
    with zipfile.ZipFile(path) as archive:
        kind = mimetype(archive)
        content = _parse(archive, "content.xml", path.name)
        styles = _parse(archive, "styles.xml", path.name) if "styles.xml" in archive.namelist() else None
    if kind.startswith(SPREADSHEET):
        return _Spreadsheet(content, path.name).read()
    return _Text(content, styles, path.name).read()


def read_lines(path: Path) -> list[Line]:
    return list(read(path).lines)


def _parse(archive: zipfile.ZipFile, part: str, name: str) -> object:
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        return fromstring(archive.read(part), forbid_dtd=True)
    except (KeyError, DefusedXmlException, SyntaxError) as exc:
        raise SourceError(f"The OpenDocument file cannot be read ({part}: {exc})", name,
                          hint="Open it in LibreOffice and save it again, or save it as .docx/.xlsx.") from exc


def _attribute(element: object, name: str, default: str | None = None) -> str | None:
    return element.get(_q(name), default)  # type: ignore[attr-defined]


def _styles_by_name(*roots: object) -> dict[str, object]:
    found: dict[str, object] = {}
    for root in roots:
        if root is not None:
            for style in root.iter(_q("style:style")):  # type: ignore[attr-defined]
                found.setdefault(_attribute(style, "style:name") or "", style)
    return found


# --- text documents ---------------------------------------------------------------------------------

class _Text:
    def __init__(self, content: object, styles: object, name: str) -> None:
        self.name = name
        self.styles = _styles_by_name(content, styles)
        self.hidden = {n for n, s in self.styles.items() if _hides_text(s)}
        automatic = content.find(_q("office:automatic-styles"))  # type: ignore[attr-defined]
        self.automatic = {_attribute(s, "style:name") for s in automatic} if automatic is not None else set()
        self.content = content
        self.styles_root = styles
        self.lines: list[Line] = []
        self.page = 1

    def read(self) -> Read:
        body = self.content.find(f"{_q('office:body')}/{_q('office:text')}")  # type: ignore[attr-defined]
        if body is not None:
            self._blocks(body)
        return Read(tuple(self.lines), heads=tuple(self._heads()))

    def _blocks(self, container: object, style: str | None = None) -> None:
        for element in container:  # type: ignore[attr-defined]
            tag = element.tag
            if tag == _q("text:p") or tag == _q("text:h"):
                self._paragraph(element, style)
            elif tag == _q("table:table"):
                self._table(element)
            elif tag == _q("text:list"):
                depth = int(style.rsplit(" ", 1)[-1]) + 1 if style and style[-1].isdigit() else 2 if style else 1
                for item in element:
                    self._blocks(item, "List Bullet" if depth == 1 else f"List Bullet {depth}")
            elif tag == _q("text:soft-page-break"):
                self.page += 1
            elif tag in (_q("text:section"), _q("text:index-body"), _q("text:table-of-content")):
                self._blocks(element, style)

    def _add(self, cells: tuple[str, ...], style: str | None) -> None:
        self.lines.append(Line(cells, Provenance(self.name, self.page, len(self.lines) + 1), style))

    def _paragraph(self, element: object, in_list: str | None) -> None:
        self.page += sum(1 for _ in element.iter(_q("text:soft-page-break")))  # type: ignore[attr-defined]
        own = self._style(element)
        self._add((self.text(element),), own if not in_list or (own or "").lower().startswith("list") else in_list)
        for frame in element.iter(_q("draw:text-box")):  # type: ignore[attr-defined]
            self._blocks(frame)

    def _style(self, element: object) -> str | None:
        if element.tag == _q("text:h"):  # type: ignore[attr-defined]
            level = _attribute(element, "text:outline-level", "1")
            name = self._display_name(_attribute(element, "text:style-name"))
            return "Title" if name == "Title" else f"Heading {level}"
        name = self._display_name(_attribute(element, "text:style-name"))
        return "Normal" if name in (None, "Standard", "Default Paragraph Style", "Text Body", "Body Text") else name

    def _display_name(self, name: str | None) -> str | None:
        """The name LibreOffice shows for a paragraph style: an automatic style ("P3", made for a paragraph's
        own formatting) stands for the style it changes; "Heading_20_1" is shown as "Heading 1"."""
        if name in self.automatic:
            name = _attribute(self.styles[name], "style:parent-style-name")
        style = self.styles.get(name or "")
        shown = _attribute(style, "style:display-name") if style is not None else None
        return shown or (name.replace("_20_", " ") if name else None)

    def text(self, element: object) -> str:
        return text_of(element, self.hidden)

    def _table(self, element: object) -> None:
        for row in _rows(element):
            cells: list[str] = []
            nested: list[object] = []
            for cell in row:
                if cell.tag == _q("table:covered-table-cell"):
                    cells.append("")
                elif cell.tag == _q("table:table-cell"):
                    texts = [self.text(p) for p in cell if p.tag in (_q("text:p"), _q("text:h"))]
                    for item in cell.iter(_q("text:list-item")):
                        texts.extend(self.text(p) for p in item if p.tag == _q("text:p"))
                    nested.extend(t for t in cell if t.tag == _q("table:table"))
                    cells.append("\n".join(texts).strip())
                    cells.extend([""] * (int(_attribute(cell, "table:number-columns-spanned", "1") or 1) - 1))
            self._add(tuple(cells), "Table")
            for inner in nested:
                self._table(inner)

    def _heads(self) -> Iterator[Line]:
        if self.styles_root is None:
            return
        parts = ("style:header", "style:header-left", "style:header-first",
                 "style:footer", "style:footer-left", "style:footer-first")
        for page in self.styles_root.iter(_q("style:master-page")):  # type: ignore[attr-defined]
            for part in parts:
                for head in page.iter(_q(part)):
                    style = "Header" if "header" in part else "Footer"
                    for p in head.iter():
                        if p.tag in (_q("text:p"), _q("text:h")):
                            text = self.text(p).strip()
                            if text:
                                yield Line((text,), Provenance(self.name, None, None), style)


_SKIPPED = tuple(_q(n) for n in ("text:note", "draw:frame", "text:tracked-changes", "text:change", "office:annotation",
                                   "text:hidden-text", "text:hidden-paragraph"))


def text_of(element: object, hidden_styles: set[str] | frozenset[str] = frozenset()) -> str:
    """A paragraph's shown text: spaces (`text:s`), tabs and line breaks kept; notes, comments, text boxes
    (read after the paragraph), tracked deletions and hidden text left out."""
    return "".join(_parts(element, hidden_styles))


def _parts(element: object, hidden_styles: set[str] | frozenset[str]) -> Iterator[str]:
    if element.text:  # type: ignore[attr-defined]
        yield element.text  # type: ignore[attr-defined]
    for child in element:  # type: ignore[attr-defined]
        tag = child.tag
        if tag == _q("text:s"):
            yield " " * int(_attribute(child, "text:c", "1") or 1)
        elif tag == _q("text:tab"):
            yield "\t"
        elif tag == _q("text:line-break"):
            yield "\n"
        elif tag not in _SKIPPED and not (tag == _q("text:span")
                                          and _attribute(child, "text:style-name") in hidden_styles):
            yield from _parts(child, hidden_styles)
        if child.tail:
            yield child.tail


def _hides_text(style: object) -> bool:
    properties = style.find(_q("style:text-properties"))  # type: ignore[attr-defined]
    return properties is not None and _attribute(properties, "text:display") == "none"


def _rows(table: object) -> Iterator[object]:
    """A table's rows, also those in header-row, row-group and rows wrappers, in order."""
    return _unwrapped(table, _q("table:table-row"),
                      (_q("table:table-header-rows"), _q("table:table-rows"), _q("table:table-row-group")))


def _unwrapped(parent: object, tag: str, wrappers: tuple[str, ...]) -> Iterator[object]:
    for child in parent:  # type: ignore[attr-defined]
        if child.tag == tag:
            yield child
        elif child.tag in wrappers:
            yield from _unwrapped(child, tag, wrappers)


# --- spreadsheets -----------------------------------------------------------------------------------

class _Spreadsheet:
    def __init__(self, content: object, name: str) -> None:
        self.content = content
        self.name = name
        self.styles = _styles_by_name(content)

    def read(self) -> Read:
        lines: list[Line] = []
        warnings: list[ReadWarning] = []
        book = self.content.find(f"{_q('office:body')}/{_q('office:spreadsheet')}")  # type: ignore[attr-defined]
        for index, table in enumerate(book.findall(_q("table:table")) if book is not None else (), start=1):
            title = _attribute(table, "table:name") or f"Sheet{index}"
            where = Provenance(self.name, index, None, sheet=title)
            if self._hidden_sheet(table):
                warnings.append(ReadWarning(f"Sheet '{title}' is hidden and was not read; show it (Sheet > Show "
                                            "Sheet in LibreOffice, Unhide in Excel) to read it", where))
                continue
            sheet_lines, hidden_rows, hidden_columns = self._sheet(table, where)
            lines.extend(sheet_lines)
            said = left_out(title, hidden_rows, hidden_columns)
            if said:
                warnings.append(ReadWarning(said, where))
        return Read(tuple(lines), warnings=tuple(warnings))

    def _hidden_sheet(self, table: object) -> bool:
        style = self.styles.get(_attribute(table, "table:style-name") or "")
        properties = style.find(_q("style:table-properties")) if style is not None else None  # type: ignore[attr-defined]
        return properties is not None and _attribute(properties, "table:display") == "false"

    def _sheet(self, table: object, where: Provenance) -> tuple[list[Line], list[int], list[int]]:
        hidden = _hidden_columns(table)
        lines: list[Line] = []
        hidden_rows: list[int] = []
        hidden_columns: set[int] = set()
        fills: dict[int, tuple[Cell, int]] = {}  # column -> (value, last row) of a merged area one column wide
        number = 0
        for row in _rows(table):
            repeat = int(_attribute(row, "table:number-rows-repeated", "1") or 1)
            cells = self._cells(row, number + 1, fills)
            if not any(c not in (None, "") for c in cells):
                number += repeat
                continue
            for _ in range(min(repeat, MAX_REPEAT)):
                number += 1
                if _attribute(row, "table:visibility", "visible") != "visible":
                    hidden_rows.append(number)
                    continue
                hidden_columns.update(c for c in hidden if c <= len(cells) and cells[c - 1] not in (None, ""))
                shown = [c for column, c in enumerate(cells, start=1) if column not in hidden]
                while shown and shown[-1] in (None, ""):
                    shown.pop()
                if shown:
                    lines.append(Line(tuple(shown), Provenance(where.file, where.page, number, sheet=where.sheet)))
            number += repeat - min(repeat, MAX_REPEAT)
        return lines, hidden_rows, sorted(hidden_columns)

    def _cells(self, row: object, number: int, fills: dict[int, tuple[Cell, int]]) -> list[Cell]:
        cells: list[Cell] = []
        empty = 0  # empty cells not yet put in: a row ends in a repeat of up to 16.384 of them
        for cell in row:  # type: ignore[attr-defined]
            repeat = int(_attribute(cell, "table:number-columns-repeated", "1") or 1)
            column = len(cells) + empty + 1
            if cell.tag == _q("table:covered-table-cell"):
                value = fills[column][0] if column in fills and number <= fills[column][1] else None
            elif cell.tag == _q("table:table-cell"):
                value = self._value(cell)
                rows = int(_attribute(cell, "table:number-rows-spanned", "1") or 1)
                columns = int(_attribute(cell, "table:number-columns-spanned", "1") or 1)
                if rows > 1 and columns == 1:
                    fills[column] = (value, number + rows - 1)
            else:
                continue
            if value in (None, ""):
                empty += repeat
                continue
            cells.extend([None] * empty)
            empty = 0
            cells.extend([value] * min(repeat, MAX_REPEAT))
        return cells

    def _value(self, cell: object) -> Cell:
        kind = _attribute(cell, "office:value-type")
        shown = "\n".join(text_of(p) for p in cell if p.tag == _q("text:p"))  # type: ignore[attr-defined]
        if kind in ("float", "currency", "percentage"):
            number = float(_attribute(cell, "office:value", "0") or 0)
            value: float | int = int(number) if number.is_integer() and abs(number) < 1e15 else number
            if kind == "percentage":
                decimals = len(shown.split("%")[0].replace(",", ".").split(".")[1]) if "." in shown.replace(",", ".") else 0
                return cell_value(value, "0" + ("." + "0" * decimals if decimals else "") + "%")
            return value
        if kind == "date":
            return str(datetime.fromisoformat(_attribute(cell, "office:date-value") or ""))
        if kind == "boolean":
            return str(_attribute(cell, "office:boolean-value") == "true")
        return shown or None


def _hidden_columns(table: object) -> set[int]:
    hidden: set[int] = set()
    column = 0
    for element in _columns(table):
        repeat = int(_attribute(element, "table:number-columns-repeated", "1") or 1)
        if _attribute(element, "table:visibility", "visible") != "visible":
            hidden.update(range(column + 1, column + min(repeat, MAX_REPEAT) + 1))
        column += repeat
    return hidden


def _columns(table: object) -> Iterator[object]:
    return _unwrapped(table, _q("table:table-column"), (_q("table:table-header-columns"), _q("table:table-columns"),
                                                         _q("table:table-column-group")))
