"""Writing list samples as the offices that publish them do: Word tables with a running header and
"Side 1 af 2" footer (saved with fixed times, so regenerating gives the same bytes), and a PDF
of that document printed by LibreOffice headless (`samples.prose_layout.libreoffice_to_pdf`).
"""

from __future__ import annotations

import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

FIXED_TIME = datetime(2024, 1, 1)
PAGE_BREAK = object()  # put between rows of a `WordTable` to continue the table on a new page


@dataclass
class WordTable:
    """A ruled table: its rows (text per cell), which rows print bold, the relative column widths."""

    rows: list[Sequence[str] | object]
    widths: Sequence[float]
    bold: set[int] = field(default_factory=set)  # row indexes (PAGE_BREAK entries count too)
    merged: set[int] = field(default_factory=set)  # rows whose one text spans the whole width (a group heading)


def write_docx(target: Path, *, header: str, paragraphs_before: Sequence[tuple[str, str]],
               table: WordTable, paragraphs_after: Sequence[tuple[str, str]] = (), landscape: bool = False,
               author: str) -> Path:
    """A Word document: (style, text) paragraphs, one table, more paragraphs; `header` on every page and
    "Side N af M" in the footer, as municipalities' Word templates print them."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(9)
    section = document.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21)
    else:
        section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.8)
    section.header.paragraphs[0].text = header
    _page_number_footer(section.footer.paragraphs[0])
    for style, text in paragraphs_before:
        document.add_paragraph(text, style=style)
    _table(document, table, section.page_width - section.left_margin - section.right_margin)
    for style, text in paragraphs_after:
        document.add_paragraph(text, style=style)
    properties = document.core_properties
    properties.author = properties.last_modified_by = author
    properties.created = properties.modified = FIXED_TIME
    properties.revision = 1
    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / target.name
        document.save(str(raw))
        _with_fixed_times(raw, target)
    return target


def _table(document: object, table: WordTable, width: int) -> None:
    from docx.shared import Pt

    segments: list[list[tuple[int, Sequence[str]]]] = [[]]
    for index, row in enumerate(table.rows):
        if row is PAGE_BREAK:
            segments.append([])
        else:
            segments[-1].append((index, row))  # type: ignore[arg-type]
    columns = len(table.widths)
    total = sum(table.widths)
    for number, segment in enumerate(segments):
        if number:
            from docx.enum.text import WD_BREAK
            document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)  # type: ignore[attr-defined]
        word = document.add_table(rows=0, cols=columns)  # type: ignore[attr-defined]
        word.style = "Table Grid"
        word.autofit = False
        for col, column in enumerate(word.columns):
            column.width = int(width * table.widths[col] / total)  # the grid LibreOffice lays out by
        for index, cells in segment:
            row = word.add_row()
            if index in table.merged:
                cells = cells[:1]
                row.cells[0].merge(row.cells[-1])
            for col, text in enumerate(cells):
                cell = row.cells[col]
                cell.width = int(width * table.widths[col] / total)
                run = cell.paragraphs[0].add_run(text)
                run.bold = index in table.bold
                run.font.size = Pt(8)
                if col and _numeric(text):
                    from docx.enum.text import WD_ALIGN_PARAGRAPH
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _numeric(text: str) -> bool:
    return bool(text) and all(ch.isdigit() or ch in ".,-−() " for ch in text)


def _page_number_footer(paragraph: object) -> None:
    """"Side {PAGE} af {NUMPAGES}" with Word fields, as a municipality's template has it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def field_run(instruction: str) -> None:
        simple = OxmlElement("w:fldSimple")
        simple.set(qn("w:instr"), instruction)
        run = OxmlElement("w:r")
        text = OxmlElement("w:t")
        text.text = "1"
        run.append(text)
        simple.append(run)
        paragraph._p.append(simple)  # type: ignore[attr-defined]

    paragraph.add_run("Side ")  # type: ignore[attr-defined]
    field_run("PAGE")
    paragraph._p.append(_run(" af "))  # type: ignore[attr-defined]
    field_run("NUMPAGES")


def _run(text: str) -> object:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = OxmlElement("w:r")
    node = OxmlElement("w:t")
    node.set(qn("xml:space"), "preserve")
    node.text = text
    run.append(node)
    return run


def _with_fixed_times(source: Path, target: Path) -> None:
    """Rewrite the package with every member stamped at one fixed time (zip members carry the save time)."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in original.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = member.external_attr
            copy.writestr(info, original.read(member.filename))


def titled_sheet(name: str, title: str, *notes: str) -> tuple[object, object]:
    """A new workbook whose one sheet starts with a bold title and notes below it, as exports do."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = name
    sheet.append([title])
    sheet["A1"].font = Font(bold=True, size=13)
    for note in notes:
        sheet.append([note] if note else [])
    return book, sheet


def save_xlsx(book: object, path: Path, stamp: datetime = FIXED_TIME) -> None:
    """Save with fixed times inside the file, so regenerating the sample gives the same bytes."""
    from workbook.cached_values import add_values

    with tempfile.TemporaryDirectory() as folder:
        raw = Path(folder) / path.name
        book.save(raw)  # type: ignore[attr-defined]
        add_values(raw, path, {}, stamp=stamp)


def docx_and_pdf(target_docx: Path, **document: object) -> None:
    """The Word document and the PDF LibreOffice prints from it (named like the .docx, suffix .pdf)."""
    from samples.prose_layout import libreoffice_to_pdf

    write_docx(target_docx, **document)  # type: ignore[arg-type]
    libreoffice_to_pdf(target_docx, target_docx.with_suffix(".pdf"))
