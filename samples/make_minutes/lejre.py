"""Committee minutes samples from the seed ../shared/seeds/minutes_lejre_bu_2024-08-13.txt.

Writes into the samples folder:
- the seed itself, the text form (`.txt`, markdown and "<b>" residue as exported);
- a Word document (`.docx`) laid out as the minutes system prints them: the REFERAT title, a
  borderless Mødedato/Mødested/Mødedeltagere table (the participants wrapped over a line
  break), the contents with tab leaders, headings for items and sections, bullet paragraphs,
  numbered recommendations typed as text, and every tab-separated block of the seed as a
  ruled Word table with bold sum rows;
- a PDF made by LibreOffice from that document (`.pdf`).

The seed is read here only as far as layout needs (heading marks, bullets, tab rows).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from samples.make_minutes.layout import libreoffice_convert
from samples.seeds import SEEDS

SEED = "minutes_lejre_bu_2024-08-13.txt"
STEM = SEED.removesuffix(".txt")
HEADING = re.compile(r"^(?P<marks>#{1,6})\s+(?P<text>.+)$")
HEADER_FIELD = re.compile(r"^\*\*(?P<label>Møde\w+)\*\*[\s\u00a0]+(?P<value>.*)$")
BOLD_TAG = re.compile(r"</?b>")
MARKS = re.compile(r"^\*+|\*+$")


def main(out_dir: Path) -> None:
    out_dir = Path(out_dir)
    shutil.copyfile(SEEDS / SEED, out_dir / SEED)
    docx_path = write_docx((SEEDS / SEED).read_text(encoding="utf-8"), out_dir / f"{STEM}.docx")
    libreoffice_convert(docx_path, out_dir / f"{STEM}.pdf", "pdf")


def write_docx(seed: str, target: Path) -> Path:
    import docx
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.styles["Normal"].font.size = Pt(10)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(1.2)
    lines = seed.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index].rstrip()
        index += 1
        if not line.strip():
            continue
        if match := HEADER_FIELD.match(line):
            value = match.group("value").replace("\u00a0", " ").strip()
            while index < len(lines) and lines[index].strip() and not lines[index].startswith(("*", "#")):
                value = f"{value}\n{lines[index].strip()}"  # the participants run on over a line break
                index += 1
            _header_row(document, match.group("label"), value)
            continue
        if "\t" in line:
            block = [line]
            while index < len(lines) and "\t" in lines[index]:
                block.append(lines[index].rstrip("\n"))
                index += 1
            if block[0].rstrip().endswith(tuple("0123456789")) and "....." in block[0]:
                for row in block:  # contents: title, dot leader, page
                    document.add_paragraph(row.replace(".....", " ....."))
            else:
                _table(document, block)
            continue
        if match := HEADING.match(line):
            level = min(len(match.group("marks")), 4)
            document.add_heading(_plain(match.group("text")), level=level)
            continue
        stripped = line.strip()
        if stripped.startswith("- "):
            document.add_paragraph(_plain(stripped[2:]), style="List Bullet")
        elif re.match(r"^\d+\.\s", stripped) and line.startswith(" "):
            paragraph = document.add_paragraph(_plain(stripped))
            paragraph.paragraph_format.left_indent = Pt(24)
        else:
            _rich_paragraph(document, stripped)
    document.save(str(target))
    return target


def _header_row(document: object, label: str, value: str) -> None:
    """Mødedato/Mødested/Mødedeltagere: one borderless two-column table, a row per field."""
    tables = document.tables  # type: ignore[attr-defined]
    table = tables[0] if tables and len(tables[0].columns) == 2 and tables[0].rows[0].cells[0].text.startswith(
        "Møde") else None
    if table is None:
        table = document.add_table(rows=0, cols=2)  # type: ignore[attr-defined]
    row = table.add_row()
    row.cells[0].paragraphs[0].add_run(label).bold = True
    lines = value.split("\n")
    paragraph = row.cells[1].paragraphs[0]
    for i, text in enumerate(lines):
        run = paragraph.add_run(text.strip())
        if i < len(lines) - 1:
            run.add_break()


def _table(document: object, rows: list[str]) -> None:
    from docx.shared import Cm, Pt

    cells = [row.split("\t") for row in rows]
    width = max(len(c) for c in cells)
    table = document.add_table(rows=0, cols=width)  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.autofit = False
    value_width = 2.9
    label_width = min(9.0, 18.6 - value_width * (width - 1))
    for row_cells in cells:
        row = table.add_row()
        for i, cell in enumerate(row.cells):
            cell.width = Cm(label_width if i == 0 else value_width)
    for i, column in enumerate(table.columns):
        column.width = Cm(label_width if i == 0 else value_width)
    for row, row_cells in zip(table.rows, cells):
        for i, text in enumerate(row_cells):
            bold = "<b>" in text
            run = row.cells[i].paragraphs[0].add_run(BOLD_TAG.sub("", text).strip())
            run.bold = bold
            run.font.size = Pt(7)


def _rich_paragraph(document: object, text: str) -> None:
    """A paragraph with the seed's **bold** lead-ins and *italic* lines as real formatting."""
    paragraph = document.add_paragraph()  # type: ignore[attr-defined]
    if text.startswith("*") and text.endswith("*") and not text.startswith("**"):
        paragraph.add_run(_plain(text)).italic = True
        return
    for i, part in enumerate(re.split(r"\*\*", text)):
        if part:
            paragraph.add_run(BOLD_TAG.sub("", part)).bold = i % 2 == 1


def _plain(text: str) -> str:
    return MARKS.sub("", BOLD_TAG.sub("", text.replace("**", ""))).replace("\\_", "_").strip()


def merge_table_headers(source: Path, target: Path) -> Path:
    """The tables whose header spans two rows, merged as a person lays them out in Word: a cell over
    two columns ("... i forhold til:" over "Opr." and "Kor.") and the cells beside it down over both rows."""
    import docx

    document = docx.Document(str(source))
    for table in document.tables:
        if len(table.rows) < 3 or len(table.columns) < 3:
            continue
        first, second = (tuple(c.text for c in table.rows[i].cells) for i in (0, 1))
        spans = [i for i in range(len(first) - 1) if first[i] and not first[i + 1] and second[i] and second[i + 1]]
        if not spans or second[0]:
            continue
        for i in spans:
            table.cell(0, i).merge(table.cell(0, i + 1))
        covered = {c for i in spans for c in (i, i + 1)}
        for c in range(len(first)):
            if c not in covered and first[c] and not second[c]:
                table.cell(0, c).merge(table.cell(1, c))
        for cell in (table.cell(0, c) for c in range(len(first))):
            for paragraph in cell.paragraphs[1:]:
                if not paragraph.text:
                    paragraph._p.getparent().remove(paragraph._p)
    document.save(str(target))
    return target
