"""Initiative catalogue samples from the seed ../shared/seeds/initiative_catalogue_part1.txt.

Writes into the samples folder:
- the seed itself, the text form (`.txt`, every record of the part);
- `initiative_catalogue_part1.pdf`: a catalogue drawn by reportlab from the first boxes of
  each area section of the seed, laid out like the printed "Idébank": a running header with
  the page number, the area section headings, and per initiative a header bar (municipality |
  title), the description line by line as the seed breaks it (hyphenation residue included),
  the "Berørte fagområder" grid with ticked ☒ and empty ☐ boxes, the "Økonomi" | "Typer af
  tiltag" table and "Yderligere information". Several boxes stand on a page and boxes run on
  across page breaks. The number of boxes drawn is written into the PDF's Subject
  ("printed records: N") so a test can check the importer against the generator.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from importers.initiative_catalogue import read_printed
from importers.initiative_catalogue.printed import PrintedRecord
from importers.ticks import marks_to_items
from samples import catalogue_layouts
from samples.catalogue_layouts import KL_AREAS
from samples.seeds import SEEDS

SEED = "initiative_catalogue_part1.txt"
STEM = SEED.removesuffix(".txt")
PER_SECTION = (34, 14, 14)  # boxes drawn from the sections Administration, Daginstitutioner, Skoler
FIELD_LABELS = {"effect": "Effekt ved fuld indfasning (t.kr.)", "full_year": "Fuldt indfaset år",
                "cost": "Implementeringsomkostninger", "adopted": "Er forslaget vedtaget"}  # in print order
SUBJECT_PREFIX = "printed records: "


def main(out_dir: Path) -> None:
    out_dir = Path(out_dir)
    shutil.copyfile(SEEDS / SEED, out_dir / SEED)
    chosen = choose_records(read_printed(SEEDS / SEED))
    write_pdf(chosen, out_dir / f"{STEM}.pdf")
    catalogue_layouts.main(out_dir)  # the layouts of other publishers


def choose_records(printed: list[PrintedRecord]) -> list[PrintedRecord]:
    """The first boxes of each section: repeats of one initiative under several areas stay in."""
    chosen: list[PrintedRecord] = []
    for section, count in zip(("Administration", "Daginstitutioner", "Skoler"), PER_SECTION):
        chosen.extend([r for r in printed if r.section == section][:count])
    return chosen


def write_pdf(records: list[PrintedRecord], target: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=8.5, leading=10.5)
    cell = ParagraphStyle("cell", parent=body)
    head = ParagraphStyle("head", fontName=bold, fontSize=9.5, leading=12)
    section_style = ParagraphStyle("section", fontName=bold, fontSize=15, leading=20, spaceBefore=6, spaceAfter=6)
    label = ParagraphStyle("label", fontName=bold, fontSize=8.5, leading=11, spaceBefore=4)
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                       ("FONTNAME", (0, 0), (-1, -1), regular), ("FONTSIZE", (0, 0), (-1, -1), 8.5)])
    width = A4[0] - 36 * mm

    story: list[object] = []
    section = None
    for record in records:
        if record.section != section:
            section = record.section
            story.append(Paragraph(_escape(section or ""), section_style))
        header = Table([[Paragraph(_escape(record.municipality), head),
                         Paragraph(_escape(" ".join(record.text("title"))), head)]],
                       colWidths=[width * 0.3, width * 0.7])
        header.setStyle(grid)
        story += [Spacer(1, 4 * mm), header, Spacer(1, 2 * mm)]
        story += [Paragraph(_escape(line), body) for line in record.text("description")]
        story.append(Paragraph("Berørte fagområder", label))
        area_table = Table(_area_rows(record, cell), colWidths=[width / 2, width / 2])
        area_table.setStyle(grid)
        story.append(area_table)
        economy = Table(_economy_rows(record, cell, label), colWidths=[width * 0.6, width * 0.4])
        economy.setStyle(grid)
        story += [Spacer(1, 2 * mm), economy, Paragraph(SOURCE_LABEL, label)]
        story += [Paragraph(_escape(line), body) for line in record.text("source")]

    def running_header(canvas: object, doc: object) -> None:
        canvas.saveState()  # type: ignore[attr-defined]
        canvas.setFont(regular, 8)  # type: ignore[attr-defined]
        canvas.drawString(18 * mm, A4[1] - 10 * mm, "Kommunale effektiviseringsforslag i budget 2024")  # type: ignore[attr-defined]
        canvas.drawString(18 * mm, A4[1] - 14 * mm, "Idébank 2024")  # type: ignore[attr-defined]
        canvas.drawString(18 * mm, A4[1] - 18 * mm, str(doc.page))  # type: ignore[attr-defined]
        canvas.restoreState()  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(str(target), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                            topMargin=24 * mm, bottomMargin=14 * mm,
                            title="Kommunale effektiviseringsforslag i budget 2024",
                            subject=f"{SUBJECT_PREFIX}{len(records)}", creator="budgetbook samples")
    doc.build(story, onFirstPage=running_header, onLaterPages=running_header)


SOURCE_LABEL = "Yderligere information"


def _area_rows(record: PrintedRecord, style: object) -> list[list[object]]:
    from reportlab.platypus import Paragraph

    ticked = {label for label, state in marks_to_items(" ".join(record.text("areas"))) if state}
    boxes = [f"{_escape(area)} {'☒' if area in ticked else '☐'}" for area in KL_AREAS]
    return [[Paragraph(boxes[i], style), Paragraph(boxes[i + 1], style) if i + 1 < len(boxes) else ""]
            for i in range(0, len(boxes), 2)]


def _economy_rows(record: PrintedRecord, style: object, label: object) -> list[list[object]]:
    from reportlab.platypus import Paragraph

    fields = [f"{label}: {_escape(' '.join(record.text(role)))}" for role, label in FIELD_LABELS.items()
              if role in record.texts]
    types = [_escape(t) for t in record.text("measure_types")]
    rows: list[list[object]] = [[Paragraph("Økonomi", label), Paragraph("Typer af tiltag", label)]]
    for i in range(max(len(fields), len(types))):
        rows.append([Paragraph(fields[i], style) if i < len(fields) else "",
                     Paragraph(types[i], style) if i < len(types) else ""])
    return rows


def _fonts() -> tuple[str, str]:
    """DejaVu Sans (it has the ballot boxes ☒ ☐) registered with reportlab."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = Path("/usr/share/fonts/truetype/dejavu")
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(folder / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(folder / "DejaVuSans-Bold.ttf")))
    return "DejaVuSans", "DejaVuSans-Bold"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
