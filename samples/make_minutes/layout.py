"""A minutes document as data, and how it is written as Word (and through LibreOffice as PDF or Word).

Each committee system lays its minutes out in its own way; a layout here is a list of blocks
as that system prints them (a heading, a paragraph, a bullet, a label/value block, a ruled
table, a page break) and the running header and footer it puts on every page. `write_docx`
turns it into a Word document with real heading styles, real tables (merged cells where the
system merges them) and a real header and footer, the page number as a Word field, so that
LibreOffice's PDF carries "Side 2 af 3" as a municipality's print does.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

FIXED_DATE = "2024-01-01T00:00:00"  # core properties, so the .docx comes out the same each time


@dataclass(frozen=True)
class Block:
    """One block of the document: `kind` is heading1, heading2, text, bold, bullet, numbered, table or page."""

    kind: str
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()
    merges: tuple[tuple[int, int, int, int], ...] = ()  # (row, col, last row, last col) merged table cells
    bold_rows: tuple[int, ...] = ()
    borders: bool = True
    widths: tuple[float, ...] = ()  # cm per column


def heading1(text: str) -> Block:
    return Block("heading1", text)


def heading2(text: str) -> Block:
    return Block("heading2", text)


def text(value: str) -> Block:
    return Block("text", value)


def bold(value: str) -> Block:
    return Block("bold", value)


def bullet(value: str) -> Block:
    return Block("bullet", value)


def page() -> Block:
    return Block("page")


def table(rows: list[tuple[str, ...]] | tuple[tuple[str, ...], ...], *, merges: tuple = (), bold_rows: tuple = (),
          borders: bool = True, widths: tuple[float, ...] = ()) -> Block:
    return Block("table", rows=tuple(tuple(r) for r in rows), merges=merges, bold_rows=bold_rows, borders=borders,
                 widths=widths)


@dataclass(frozen=True)
class Layout:
    """A whole document: its blocks and the running header and footer of every page.

    In `footer`, "{PAGE}" and "{NUMPAGES}" become Word fields.
    """

    name: str
    blocks: tuple[Block, ...]
    header: str = ""
    footer: str = "Side {PAGE} af {NUMPAGES}"
    font_size: float = 10
    source: str = ""  # where the layout was seen (for the README)
    quirk: str = ""


def write_docx(layout: Layout, target: Path) -> Path:
    import datetime

    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(layout.font_size)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    if layout.header:
        section.header.paragraphs[0].text = layout.header
    if layout.footer:
        _with_fields(section.footer.paragraphs[0], layout.footer)
    for block in layout.blocks:
        _write_block(document, block)
    stamp = datetime.datetime.fromisoformat(FIXED_DATE)
    properties = document.core_properties
    properties.created = properties.modified = properties.last_printed = stamp
    properties.author = properties.last_modified_by = "budgetbook samples"
    properties.revision = 1
    document.save(str(target))
    return freeze_zip(target)


def freeze_zip(path: Path) -> Path:
    """The .docx rewritten with every entry dated 1980-01-01, so the same document gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
    return path


def _write_block(document: object, block: Block) -> None:
    from docx.enum.text import WD_BREAK

    add = document.add_paragraph  # type: ignore[attr-defined]
    if block.kind == "heading1":
        document.add_heading(block.text, level=1)  # type: ignore[attr-defined]
    elif block.kind == "heading2":
        document.add_heading(block.text, level=2)  # type: ignore[attr-defined]
    elif block.kind == "text":
        add(block.text)
    elif block.kind == "bold":
        add().add_run(block.text).bold = True
    elif block.kind == "bullet":
        add(block.text, style="List Bullet")
    elif block.kind == "page":
        add().add_run().add_break(WD_BREAK.PAGE)
    elif block.kind == "table":
        _write_table(document, block)
    else:
        raise ValueError(f"unknown block kind {block.kind!r}")


def _write_table(document: object, block: Block) -> None:
    from docx.shared import Cm, Pt

    width = max(len(r) for r in block.rows)
    table = document.add_table(rows=len(block.rows), cols=width)  # type: ignore[attr-defined]
    if block.borders:
        table.style = "Table Grid"
    for r, cells in enumerate(block.rows):
        _keep_row_on_one_page(table.rows[r])
        for c, value in enumerate(cells):
            cell = table.cell(r, c)
            run = cell.paragraphs[0].add_run(value)
            run.bold = r in block.bold_rows
            run.font.size = Pt(8)
    if block.widths:
        table.autofit = False
        for c, column in enumerate(table.columns):
            column.width = Cm(block.widths[c])  # the grid, which LibreOffice follows
            for cell in column.cells:
                cell.width = Cm(block.widths[c])  # the cells, which Word follows
    for row, col, last_row, last_col in block.merges:
        keep = table.cell(row, col)
        kept_text = keep.text
        merged = keep.merge(table.cell(last_row, last_col))
        for paragraph in merged.paragraphs[1:]:  # merging joins the paragraphs of the covered cells
            paragraph._p.getparent().remove(paragraph._p)
        if merged.text != kept_text:
            merged.paragraphs[0].text = kept_text


def _keep_row_on_one_page(row: object) -> None:
    """Word's "allow row to break across pages" off, as municipal templates set it: a table breaks between rows."""
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))  # type: ignore[attr-defined]


def _with_fields(paragraph: object, template: str) -> None:
    """Text with "{PAGE}" / "{NUMPAGES}" as Word fields, which Word and LibreOffice fill in per page."""
    import re

    for part in re.split(r"(\{PAGE\}|\{NUMPAGES\})", template):
        if part in ("{PAGE}", "{NUMPAGES}"):
            _field(paragraph, part.strip("{}"))
        elif part:
            paragraph.add_run(part)  # type: ignore[attr-defined]


def _field(paragraph: object, instruction: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> object:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()  # type: ignore[attr-defined]
    run._r.append(char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run._r.append(char("separate"))
    shown = OxmlElement("w:t")
    shown.text = "1"
    run._r.append(shown)
    run._r.append(char("end"))


def libreoffice_convert(source: Path, target: Path, to: str) -> Path:
    """Convert with LibreOffice headless (`to` is "pdf" or "docx"), as a municipality's export would."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed; run scripts/install-system-deps")
    filters = {"pdf": "pdf", "docx": "docx:MS Word 2007 XML"}
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        out = Path(tmp) / "out"
        subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        filters[to], "--outdir", str(out), str(source)], check=True, capture_output=True, timeout=180)
        shutil.move(out / f"{source.stem}.{to}", target)
    return target
