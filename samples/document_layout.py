"""A small document model for sample generators, rendered as Word (python-docx) and as PDF (reportlab).

Municipal layouts differ in what they put where, not in the building blocks: headings,
paragraphs and bullets, tables ruled or not, label/value boxes, tick boxes, page breaks, and
a running header and footer ("Helsingør Kommune · Råderumskatalog", "Side 3 af 12") on every
page. A sample is a `Document` of such blocks; `write_docx` and `write_pdf` lay it out, and
`samples.prose_layout.libreoffice_to_pdf` prints the Word file as LibreOffice would.

Tick boxes (`Boxes`) are written as the glyphs ☒/☐ in Word and, in a PDF, either as glyphs or
drawn as vector rectangles, crossed or filled when ticked ("vector-cross", "vector-fill"), as
forms exported from InDesign or a form tool draw them: no character in the text layer.
Reportlab PDFs are byte-reproducible (`invariant=True`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from samples.prose_layout import pdf_fonts

TICKED, UNTICKED = "☒", "☐"
MARK_STYLES = ("glyph", "vector-cross", "vector-fill")


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1


@dataclass(frozen=True)
class Para:
    text: str
    bold: bool = False
    bullet: int = 0  # 0: no bullet; 1, 2: bullet levels


@dataclass(frozen=True)
class Boxes:
    """Tick boxes with their labels: (label, ticked), laid out in `columns` columns."""

    items: tuple[tuple[str, bool], ...]
    columns: int = 1


Cell = str | Boxes


@dataclass(frozen=True)
class Grid:
    """A table: rows of cells; `widths` in cm; the first `header` rows and, if `label_column`,
    the first column in bold; `ruled` draws every cell's border."""

    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[float, ...]
    header: int = 0
    label_column: bool = True
    ruled: bool = True
    numbers_right: bool = True


@dataclass(frozen=True)
class PageBreak:
    pass


Block = Heading | Para | Grid | PageBreak


@dataclass
class Document:
    """A document: its blocks, metadata and running header/footer (`{page}`, `{pages}` filled in)."""

    title: str
    author: str
    blocks: list[Block] = field(default_factory=list)
    header: str | None = None
    footer: str | None = "Side {page} af {pages}"
    marks: str = "glyph"
    subject: str = ""

    def add(self, *blocks: Block) -> Document:
        self.blocks.extend(blocks)
        return self


def grid(rows: Sequence[Sequence[Cell]], widths: Sequence[float], **options: object) -> Grid:
    return Grid(tuple(tuple(row) for row in rows), tuple(widths), **options)  # type: ignore[arg-type]


def is_number(text: str) -> bool:
    stripped = text.replace(".", "").replace(",", "").replace("-", "").replace("+", "").replace("−", "").strip()
    return bool(stripped) and stripped.isdigit()


# -- Word ---------------------------------------------------------------------------------------

def write_docx(document: Document, path: Path) -> Path:
    import docx
    from docx.shared import Pt

    word = docx.Document()
    word.styles["Normal"].font.name = "Calibri"
    word.styles["Normal"].font.size = Pt(10)
    word.core_properties.title = document.title
    word.core_properties.author = document.author
    section = word.sections[0]
    if document.header:
        _docx_running(section.header.paragraphs[0], document.header)
    if document.footer:
        _docx_running(section.footer.paragraphs[0], document.footer)
    for block in document.blocks:
        if isinstance(block, Heading):
            word.add_heading(block.text, level=block.level)
        elif isinstance(block, Para):
            if block.bullet:
                word.add_paragraph(block.text, style="List Bullet" if block.bullet == 1 else "List Bullet 2")
            else:
                word.add_paragraph().add_run(block.text).bold = block.bold
        elif isinstance(block, Grid):
            _docx_table(word, block)
            word.add_paragraph()
        else:
            word.add_page_break()
    word.save(str(path))
    return path


def _docx_running(paragraph: object, text: str) -> None:
    """Header or footer text; {page} and {pages} become Word's PAGE and NUMPAGES fields."""
    import re

    for part in re.split(r"(\{page\}|\{pages\})", text):
        if part == "{page}":
            _docx_field(paragraph, "PAGE")
        elif part == "{pages}":
            _docx_field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part)  # type: ignore[attr-defined]


def _docx_field(paragraph: object, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    field_element = OxmlElement("w:fldSimple")
    field_element.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field_element.append(run)
    paragraph._p.append(field_element)  # type: ignore[attr-defined]


def _docx_table(word: object, block: Grid) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm

    columns = max(len(row) for row in block.rows)
    table = word.add_table(rows=0, cols=columns)  # type: ignore[attr-defined]
    if block.ruled:
        table.style = "Table Grid"
    table.autofit = False
    for r, row in enumerate(block.rows):
        cells = table.add_row().cells
        for c, value in enumerate(row):
            bold = r < block.header or (block.label_column and c == 0)
            if isinstance(value, Boxes):
                lines = [f"{TICKED if ticked else UNTICKED} {label}" for label, ticked in value.items]
                cells[c].paragraphs[0].add_run(lines[0] if lines else "")
                for line in lines[1:]:
                    cells[c].add_paragraph(line)
                continue
            for i, line in enumerate(value.split("\n")):
                paragraph = cells[c].paragraphs[0] if i == 0 else cells[c].add_paragraph()
                paragraph.add_run(line).bold = bold
                if block.numbers_right and c and is_number(line):
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for c in range(len(row), columns):
            cells[c].text = ""
    for column, width in zip(table.columns, block.widths):
        column.width = Cm(width)  # the table grid, which LibreOffice lays out by
    for row in table.rows:
        for cell, width in zip(row.cells, block.widths):
            cell.width = Cm(width)


# -- PDF --------------------------------------------------------------------------------------

def write_pdf(document: Document, path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import SimpleDocTemplate

    if document.marks not in MARK_STYLES:
        raise ValueError(f"marks must be one of {MARK_STYLES}, not {document.marks!r}")
    styles = _pdf_styles()
    story = [flowable for block in document.blocks for flowable in _pdf_block(block, styles, document.marks)]
    template = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2.2 * cm,
                                 bottomMargin=2 * cm, title=document.title, author=document.author,
                                 subject=document.subject, creator="budgetbook samples", invariant=True)
    template.build(story, canvasmaker=_running_canvas(document.header, document.footer))
    return path


def _pdf_styles() -> dict[str, object]:
    from reportlab.lib.enums import TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, spaceAfter=5)
    return {
        1: ParagraphStyle("h1", parent=body, fontName=bold, fontSize=14, leading=18, spaceBefore=4, spaceAfter=8),
        2: ParagraphStyle("h2", parent=body, fontName=bold, fontSize=11, leading=14, spaceBefore=6),
        3: ParagraphStyle("h3", parent=body, fontName=bold, fontSize=9.5, spaceBefore=4),
        "body": body,
        "bold": ParagraphStyle("bold", parent=body, fontName=bold),
        "cell": ParagraphStyle("cell", parent=body, spaceAfter=0, fontSize=9, leading=11.5),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=bold, spaceAfter=0, fontSize=9,
                                    leading=11.5),
        "cell_right": ParagraphStyle("cell_right", parent=body, spaceAfter=0, fontSize=9, leading=11.5,
                                     alignment=TA_RIGHT),
        "bullet1": ParagraphStyle("bullet1", parent=body, leftIndent=16, bulletIndent=5, spaceAfter=2,
                                  bulletFontName=regular),
        "bullet2": ParagraphStyle("bullet2", parent=body, leftIndent=32, bulletIndent=21, spaceAfter=2,
                                  bulletFontName=regular),
    }


def _paragraph(text: str, style: object, bullet: str | None = None) -> object:
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    return Paragraph(escape(text).replace("\n", "<br/>"), style, bulletText=bullet)


def _pdf_block(block: Block, styles: dict[str, object], marks: str) -> list[object]:
    from reportlab.platypus import PageBreak as ReportlabPageBreak
    from reportlab.platypus import Spacer

    if isinstance(block, Heading):
        return [_paragraph(block.text, styles[max(1, min(block.level, 3))])]
    if isinstance(block, Para):
        if block.bullet:
            return [_paragraph(block.text, styles[f"bullet{block.bullet}"], "•" if block.bullet == 1 else "◦")]
        return [_paragraph(block.text, styles["bold" if block.bold else "body"])]
    if isinstance(block, Grid):
        return [_pdf_table(block, styles, marks), Spacer(1, 8)]
    return [ReportlabPageBreak()]


def _pdf_table(block: Grid, styles: dict[str, object], marks: str) -> object:
    from reportlab.lib import colors
    from reportlab.lib.units import cm
    from reportlab.platypus import Table, TableStyle

    data = []
    for r, row in enumerate(block.rows):
        cells = []
        for c, value in enumerate(row):
            if isinstance(value, Boxes):
                cells.append(_pdf_boxes(value, styles, marks, block.widths[c] * cm))
            else:
                bold = r < block.header or (block.label_column and c == 0)
                right = block.numbers_right and c > 0 and is_number(value)
                cells.append(_paragraph(value, styles["cell_bold" if bold else "cell_right" if right else "cell"]))
        data.append(cells)
    commands: list[tuple[object, ...]] = [("VALIGN", (0, 0), (-1, -1), "TOP")]
    if block.ruled:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
    table = Table(data, colWidths=[w * cm for w in block.widths], repeatRows=block.header)
    table.setStyle(TableStyle(commands))
    return table


def _pdf_boxes(boxes: Boxes, styles: dict[str, object], marks: str, width: float) -> object:
    """Tick boxes as a borderless table: box and label per item, `columns` items to a row."""
    from reportlab.platypus import Table, TableStyle

    if marks == "glyph":
        items = [[_paragraph(f"{TICKED if ticked else UNTICKED} {label}", styles["cell"])]
                 for label, ticked in boxes.items]
        cells = [item for pair in items for item in pair]
        box_width = 0.0
    else:
        cells = []
        for label, ticked in boxes.items:
            cells.extend([CheckBox(ticked, marks), _paragraph(label, styles["cell"])])
        box_width = 14.0
    per_row = boxes.columns * (1 if marks == "glyph" else 2)
    rows = [cells[i:i + per_row] for i in range(0, len(cells), per_row)]
    for row in rows:
        row.extend([""] * (per_row - len(row)))
    inner = width - 8
    if marks == "glyph":
        widths = [inner / boxes.columns] * boxes.columns
    else:
        widths = [box_width, inner / boxes.columns - box_width] * boxes.columns
    table = Table(rows, colWidths=widths)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 1),
                               ("RIGHTPADDING", (0, 0), (-1, -1), 1), ("TOPPADDING", (0, 0), (-1, -1), 1),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    return table


def _checkbox_class() -> type:
    from reportlab.platypus import Flowable

    class _CheckBox(Flowable):
        """An 8 pt square drawn as a vector rectangle; ticked: crossed by two lines or filled."""

        SIDE = 8.0

        def __init__(self, ticked: bool, marks: str) -> None:
            super().__init__()
            self.ticked = ticked
            self.marks = marks
            self.width = self.height = self.SIDE + 2

        def draw(self) -> None:
            canvas = self.canv
            side = self.SIDE
            canvas.setLineWidth(0.6)
            canvas.rect(1, 1, side, side, stroke=1, fill=0)
            if not self.ticked:
                return
            if self.marks == "vector-fill":
                canvas.rect(2.5, 2.5, side - 3, side - 3, stroke=0, fill=1)
            else:
                canvas.line(1, 1, 1 + side, 1 + side)
                canvas.line(1, 1 + side, 1 + side, 1)

    return _CheckBox


def CheckBox(ticked: bool, marks: str) -> object:  # noqa: N802 - a flowable class made on first use (lazy reportlab)
    return _checkbox_class()(ticked, marks)


def _running_canvas(header: str | None, footer: str | None) -> type:
    """A reportlab canvas that draws the running header and footer once the page count is known."""
    from reportlab.pdfgen import canvas

    regular, _ = pdf_fonts()

    class RunningCanvas(canvas.Canvas):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict[str, object]] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._furniture(total)
                super().showPage()
            super().save()

        def _furniture(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(regular, 8)
            if header:
                self.drawString(56, height - 36, header.format(page=self._pageNumber, pages=total))
            if footer:
                self.drawCentredString(width / 2, 28, footer.format(page=self._pageNumber, pages=total))
            self.restoreState()

    return RunningCanvas


def write_libreoffice_pdf(document: Document, path: Path) -> Path:
    """The document as Word lays it out, printed to PDF by LibreOffice (the Word file is not kept)."""
    import tempfile

    from samples.prose_layout import libreoffice_to_pdf

    with tempfile.TemporaryDirectory() as folder:
        source = write_docx(document, Path(folder) / path.name.replace(".libreoffice.pdf", ".docx"))
        return libreoffice_to_pdf(source, path)


def write_samples(out_dir: Path, documents: dict[str, Document]) -> None:
    """Each document under its file name, laid out as the name says: ".libreoffice.pdf" printed by
    LibreOffice from Word, ".pdf" drawn by reportlab, ".docx" as Word."""
    for name, document in documents.items():
        target = Path(out_dir) / name
        if name.endswith(".libreoffice.pdf"):
            write_libreoffice_pdf(document, target)
        elif name.endswith(".pdf"):
            write_pdf(document, target)
        else:
            write_docx(document, target)
