"""Word documents via python-docx: paragraphs and table rows, in document order.

A paragraph is a line of one cell (its style name kept, so headings can be told
apart); a table row is a line of cells on the table's grid, a merged cell given once
and the columns it covers left empty. Word stores no page layout, so the page counts
explicit page breaks; the line counts body lines. The headers and footers are read apart
(`read_with_heads`): they are page furniture, never body text.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance
from importers.readers import Line

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


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
    return _body_lines(document, path.name), _head_lines(document, path.name)


def _body_lines(document: object, name: str) -> list[Line]:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    lines: list[Line] = []
    page = 1
    for element in document.element.body.iterchildren():  # type: ignore[attr-defined]
        if element.tag == f"{_W}p":
            paragraph = Paragraph(element, document)  # type: ignore[arg-type]
            style = paragraph.style.name if paragraph.style is not None else None
            lines.append(Line((_paragraph_text(element),), Provenance(name, page, len(lines) + 1), style))
            page += _page_breaks(element)
        elif element.tag == f"{_W}tbl":
            for row in Table(element, document).rows:  # type: ignore[arg-type]
                lines.append(Line(row_to_cells(row._tr), Provenance(name, page, len(lines) + 1), "Table"))
    return lines


def _head_lines(document: object, name: str) -> list[Line]:
    """The paragraphs of the headers and footers of every section (first-page and even-page ones
    too): Word keeps them apart from the body, so they are page furniture as they stand."""
    lines: list[Line] = []
    for section in document.sections:  # type: ignore[attr-defined]
        for part, style in ((section.header, "Header"), (section.first_page_header, "Header"),
                            (section.even_page_header, "Header"), (section.footer, "Footer"),
                            (section.first_page_footer, "Footer"), (section.even_page_footer, "Footer")):
            if part.is_linked_to_previous:  # no part of its own: none at all, or the previous section's
                continue
            for element in part._element.iter(f"{_W}p"):
                text = _paragraph_text(element).strip()
                if text:
                    lines.append(Line((text,), Provenance(name, None, None), style))
    return lines


def row_to_cells(tr: object) -> tuple[str, ...]:
    """A table row's cells on the table's grid: one cell per grid column, whatever was merged.

    A cell merged across columns (gridSpan) gives its text once and empty cells for the columns it
    covers; a cell merged down from the row above (vMerge continue) is empty, its text already stood
    above. Word and LibreOffice both merge header cells this way ("Afvigelse i forhold til:" over
    "Opr." and "Kor."), so every row of a table keeps the same columns.
    """
    cells: list[str] = [""] * (tr.grid_before or 0)  # type: ignore[attr-defined]
    for tc in tr.tc_lst:  # type: ignore[attr-defined]
        continued = tc.vMerge == "continue"
        text = "" if continued else "\n".join(_paragraph_text(p) for p in tc.iterchildren(f"{_W}p")).strip()
        cells.append(text)
        cells.extend([""] * (max(tc.grid_span, 1) - 1))
    return tuple(cells)


def _paragraph_text(element: object) -> str:
    """The paragraph's visible text, tabs and line breaks kept."""
    parts = []
    for node in element.iter():  # type: ignore[attr-defined]
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab":
            parts.append("\t")
        elif node.tag in (f"{_W}br", f"{_W}cr") and node.get(f"{_W}type") != "page":
            parts.append("\n")
    return "".join(parts)


def _page_breaks(element: object) -> int:
    return sum(1 for node in element.iter(f"{_W}br") if node.get(f"{_W}type") == "page")  # type: ignore[attr-defined]
