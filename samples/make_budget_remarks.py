"""Budget remarks samples from the seed ../shared/seeds/budget_remarks_kalundborg_oeu_2024.txt.

Writes into the samples folder:
- the seed itself, the text form (`.txt`);
- a Word document with heading styles (`.docx`): the title as Title, each area as Heading 1,
  its net budget line in bold, the sections as Heading 2, the sub-headings ("Staben",
  "Forebyggelse") as Heading 3, bullets as List Bullet / List Bullet 2;
- a PDF drawn by reportlab (`.pdf`) in the same layout, "Side N" at the foot;
- a PDF made by LibreOffice from the Word document (`.libreoffice.pdf`).

The seed is read here only as far as layout needs: an area name is the line above a net
budget line, a section title one of the three the seed uses, a sub-heading a short line
without a full stop that is not a paragraph's lead-in; paragraphs are copied as written,
including the ones the export broke in two ("En del forlader" / "landet igen ...").
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from samples import remarks_layouts
from samples.prose_layout import (
    bullet_level,
    docx_paragraph,
    libreoffice_to_pdf,
    pdf_page_footer,
    pdf_paragraph,
    pdf_styles,
)
from samples.seeds import SEEDS

SEED = "budget_remarks_kalundborg_oeu_2024.txt"
STEM = SEED.removesuffix(".txt")
NET_BUDGET = re.compile(r"^Samlet nettobudget for området")
SECTIONS = {"Budgetgrundlag", "Beskrivelse af området", "Udvikling og udfordringer"}
# Short lines of the seed that stand as sub-headings (the others are lead-ins to a list or paragraph).
SUBHEADINGS = {"Staben", "Kommunalbestyrelsen og fællesudgifter", "Den demografiske udvikling", "Forebyggelse",
               "Sundhedsklyngesamarbejde", "Ældreområdet", "Alternativ løsning"}


@dataclass(frozen=True)
class Block:
    """One line of the seed as layout: title, area, net_budget, section, subheading or paragraph."""

    kind: str
    text: str
    level: int = 0


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEEDS / SEED, out_dir / SEED)
    blocks = text_to_blocks((SEEDS / SEED).read_text(encoding="utf-8"))
    docx_path = write_docx(blocks, out_dir / f"{STEM}.docx")
    write_pdf(blocks, out_dir / f"{STEM}.pdf")
    libreoffice_to_pdf(docx_path, out_dir / f"{STEM}.libreoffice.pdf")
    remarks_layouts.main(out_dir)  # other municipalities' remarks


def text_to_blocks(text: str) -> list[Block]:
    lines = [line for line in text.splitlines() if line.strip()]
    blocks: list[Block] = []
    for i, line in enumerate(lines):
        stripped = line.strip()
        if not blocks:
            blocks.append(Block("title", stripped))
        elif NET_BUDGET.match(stripped):
            blocks.append(Block("net_budget", stripped))
        elif i + 1 < len(lines) and NET_BUDGET.match(lines[i + 1].strip()):
            blocks.append(Block("area", stripped))
        elif stripped in SECTIONS:
            blocks.append(Block("section", stripped))
        elif stripped in SUBHEADINGS:
            blocks.append(Block("subheading", stripped))
        else:
            level, body = bullet_level(line)
            blocks.append(Block("paragraph", body, level))
    return blocks


def write_docx(blocks: list[Block], path: Path) -> Path:
    import docx
    from docx.shared import Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10)
    for block in blocks:
        if block.kind == "title":
            document.add_heading(block.text, level=0)
        elif block.kind == "area":
            document.add_heading(block.text, level=1)
        elif block.kind == "net_budget":
            document.add_paragraph().add_run(block.text).bold = True
        elif block.kind == "section":
            document.add_heading(block.text, level=2)
        elif block.kind == "subheading":
            document.add_heading(block.text, level=3)
        else:
            docx_paragraph(document, block.text, block.level)
    document.save(str(path))
    return path


def write_pdf(blocks: list[Block], path: Path) -> Path:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import CondPageBreak, SimpleDocTemplate

    styles = pdf_styles()
    style_of = {"title": "title", "area": "heading", "net_budget": "subheading", "section": "section",
                "subheading": "subheading"}
    story: list[object] = []
    for block in blocks:
        if block.kind == "area":
            story.append(CondPageBreak(4 * cm))  # an area's name is not left alone at a page's foot
        style = styles[style_of.get(block.kind) or block.level or "body"]
        story.append(pdf_paragraph(block.text, style, block.level))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm, title=blocks[0].text if blocks else "",
                      author="Kalundborg Kommune", invariant=True).build(story, onFirstPage=pdf_page_footer,
                                                         onLaterPages=pdf_page_footer)
    return path


if __name__ == "__main__":
    main(Path(__file__).resolve().parent / "budget_remarks")
