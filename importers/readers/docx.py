"""Word documents via python-docx: paragraphs and table rows, in document order, as Word shows them.

A paragraph is a line of one cell (its style name kept, so headings can be told apart); a table
row is a line of cells on the table's grid, a merged cell given once and the columns it covers left
empty. Word stores no page layout, so the page counts explicit page breaks; the line counts body
lines. The headers and footers are read apart (`read_with_heads`): they are page furniture, never
body text.

What Word shows is not all the XML holds (`importers.readers.word_text` reads a paragraph's text):
- content controls (`w:sdt`, the fields of a form made from a template) are read where they stand,
  around blocks, rows, cells or runs; one that shows its placeholder ("Klik her for at skrive
  tekst") is empty;
- a text box is saved twice (DrawingML in `mc:Choice`, VML in `mc:Fallback`): its paragraphs are
  read once, as lines of their own after the paragraph it is anchored to;
- a table nested in a cell gives its rows as lines after the row that holds it;
- hidden text, deleted text and text moved away (tracked changes) are left out; inserted and moved
  text is read.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance
from importers.readers import Line
from importers.readers.word_text import W, WordText, block_children, row_cells

def read_lines(path: Path) -> list[Line]:
    return read_with_heads(path)[0]


def read_with_heads(path: Path) -> tuple[list[Line], list[Line]]:
    """The body's lines, and the lines of the headers and footers."""
    import docx

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SourceError(f"The Word document cannot be read ({exc})", path.name,
                          hint="Open it in Word and save it again as .docx.") from exc
    text = WordText.of(document)
    body = _Blocks(document, text, path.name)
    body.read(document.element.body)  # type: ignore[attr-defined]
    return body.lines, _head_lines(document, text, path.name)


class _Blocks:
    """Walks block-level content (body, content control, text box, nested table) into lines."""

    def __init__(self, document: object, text: WordText, name: str, *, furniture: str | None = None) -> None:
        self.document = document
        self.text = text
        self.name = name
        self.furniture = furniture  # "Header"/"Footer": no page, no line number, the part's name as style
        self.lines: list[Line] = []
        self.page = 1

    def read(self, container: object) -> None:
        for element in block_children(container):
            if element.tag == f"{W}p":
                self._paragraph(element)
            elif element.tag == f"{W}tbl":
                self._table(element)

    def _add(self, cells: tuple[str, ...], style: str | None) -> None:
        if self.furniture is not None:
            if any(c.strip() for c in cells):
                self.lines.append(Line(tuple(c.strip() for c in cells), Provenance(self.name, None, None),
                                       self.furniture))
            return
        self.lines.append(Line(cells, Provenance(self.name, self.page, len(self.lines) + 1), style))

    def _paragraph(self, element: object) -> None:
        self._add((self.text.paragraph(element),), self._style(element))
        for box in self.text.text_boxes(element):
            self._text_box(box)
        self.page += self.text.page_breaks(element)

    def _text_box(self, box: object) -> None:
        for element in block_children(box):
            if element.tag == f"{W}p":
                self._add((self.text.paragraph(element),), self._style(element))
                for inner in self.text.text_boxes(element):
                    self._text_box(inner)
            elif element.tag == f"{W}tbl":
                self._table(element)

    def _table(self, element: object) -> None:
        for tr in block_children(element):
            if tr.tag != f"{W}tr":
                continue
            self._add(self._row(tr), "Table")
            for tc in row_cells(tr):
                for inner in self.text.nested_tables(tc):
                    self._table(inner)

    def _row(self, tr: object) -> tuple[str, ...]:
        """A table row's cells on the table's grid: one cell per grid column, whatever was merged.

        A cell merged across columns (gridSpan) gives its text once and empty cells for the columns it
        covers; a cell merged down from the row above (vMerge continue) is empty, its text already stood
        above. Word and LibreOffice both merge header cells this way ("Afvigelse i forhold til:" over
        "Opr." and "Kor."), so every row of a table keeps the same columns.
        """
        cells: list[str] = [""] * (tr.grid_before or 0)  # type: ignore[attr-defined]
        for tc in row_cells(tr):
            cells.append(self.text.cell(tc))
            cells.extend([""] * (max(tc.grid_span, 1) - 1))  # type: ignore[attr-defined]
        return tuple(cells)

    def _style(self, element: object) -> str | None:
        from docx.text.paragraph import Paragraph

        style = Paragraph(element, self.document).style  # type: ignore[arg-type]
        return style.name if style is not None else None


def _head_lines(document: object, text: WordText, name: str) -> list[Line]:
    """The lines of the headers and footers of every section (first-page and even-page ones too):
    Word keeps them apart from the body, so they are page furniture as they stand."""
    lines: list[Line] = []
    for section in document.sections:  # type: ignore[attr-defined]
        for part, style in ((section.header, "Header"), (section.first_page_header, "Header"),
                            (section.even_page_header, "Header"), (section.footer, "Footer"),
                            (section.first_page_footer, "Footer"), (section.even_page_footer, "Footer")):
            if part.is_linked_to_previous:  # no part of its own: none at all, or the previous section's
                continue
            blocks = _Blocks(document, text, name, furniture=style)
            blocks.read(part._element)
            lines.extend(blocks.lines)
    return lines
