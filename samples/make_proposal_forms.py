"""Proposal form samples from the seed ../shared/seeds/proposal_forms_lejre_2024-2027.txt.

Writes into the samples folder:
- the seed itself, the text form (`.txt`);
- a Word document laid out like the municipal template (`.docx`): per form a title, the
  Overskrift/Center/Bevilling table, the "(Sæt kryds)" table, the amount table, and the
  numbered sections as headings with body and bullet paragraphs; a page break between forms;
- a PDF drawn by reportlab (`.pdf`): the same layout with ruled tables, a form per page or more,
  "Side N" at the foot;
- a PDF made by LibreOffice from the Word document (`.libreoffice.pdf`), the second route;
- `checkbox-signs-and-plain-headings.docx`: one form with quirks the seed lacks (ticks as
  ☒/☐, section headings as bold Normal paragraphs, three bevillinger, a hyphenated center,
  other years, a spacer row in the amount table, **bold** markup in the text).

The seed is read here only as far as layout needs (tables, headings, bullets); the values are
copied as written, so "+4" and "1,3" reach the documents as the seed has them.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from samples import form_layouts
from samples.prose_layout import (
    bullet_level,
    docx_paragraph,
    libreoffice_to_pdf,
    pdf_page_footer,
    pdf_paragraph,
    pdf_styles,
)
from samples.seeds import SEEDS

SEED = "proposal_forms_lejre_2024-2027.txt"
STEM = SEED.removesuffix(".txt")
TITLE = re.compile(r"^Reduktionsforslag til Budget")
SECTION = re.compile(r"^[-\s]*(?P<title>\d\)\s.*?)\**$")
RESIDUE = re.compile(r"\*\*$")  # the text export left "**" where the Word form had bold headings

QUIRK_NAME = "checkbox-signs-and-plain-headings.docx"
QUIRK_FORM = """Reduktionsforslag til Budget 2025-2028

Overskrift\tSamling af ejendomsdrift i ét team
Center\tCEJ - Ejendomme
Bevilling\t1.10.12, 1.10.14 og 1.10.16 Ejendomsdrift
Ændringen vedrører:\t(Sæt kryds)
Effektivisering\t☒
Investering\t☐
Besparelse\t☒
Merindtægt\t☐

Beløb i hele 1.000 kr.\t2025\t2026\t2027\t2028
Nuværende budget\t12.400\t12.400\t12.400\t12.400
Budgetændring – drift\t\t\t\t
Estimeret gevinst\t-250\t-600\t-600\t-600
\t\t\t\t
Investeringsbehov\t150\t\t\t
Ændringsforslag i alt\t-100\t-600\t-600\t-600
Personalekonsekvenser\t\t\t\t
Berørte antal medarbejdere\t6\t6\t6\t6
Ændring i antal årsværk\t-0,5\t-1\t-1\t-1

1) Kort resume af forslaget

De tre driftsteams samles i **ét team** med fælles vagtplan.

2) Reduktionsforslag

- Fælles vagtplan for alle ejendomme
- Færre tomme kørsler mellem matriklerne

3) Investeringsbehov (evt.)

Engangsudgift til nyt planlægningsværktøj i 2025.

4) Konsekvenser ved forslaget

5) Tidshorisont

Fra 1. marts 2025.

6) Sammenhæng til andre bidrag (evt.)

7) Relevante dokumenter
"""


@dataclass
class SeedForm:
    """A form of the seed as layout: its title, its tables (rows of cells) and its prose."""

    title: str
    tables: list[list[list[str]]] = field(default_factory=list)
    prose: list[tuple[str, int, str]] = field(default_factory=list)  # (kind, bullet level, text)


def main(out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SEEDS / SEED, out_dir / SEED)
    forms = text_to_forms((SEEDS / SEED).read_text(encoding="utf-8"))
    docx_path = write_docx(forms, out_dir / f"{STEM}.docx")
    write_pdf(forms, out_dir / f"{STEM}.pdf")
    libreoffice_to_pdf(docx_path, out_dir / f"{STEM}.libreoffice.pdf")
    write_docx(text_to_forms(QUIRK_FORM), out_dir / QUIRK_NAME, plain_headings=True)
    form_layouts.main(out_dir)  # other municipalities' forms


def text_to_forms(text: str) -> list[SeedForm]:
    forms: list[SeedForm] = []
    previous_was_row = False
    for line in text.splitlines():
        if TITLE.match(line):
            forms.append(SeedForm(line.strip()))
            previous_was_row = False
            continue
        if not forms:
            continue
        form = forms[-1]
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            if not previous_was_row or cells[0].startswith("Ændringen vedrører"):
                form.tables.append([])
            form.tables[-1].append(cells)
            previous_was_row = True
            continue
        previous_was_row = False
        if not line.strip():
            continue
        if match := SECTION.match(line):
            form.prose.append(("section", 0, match.group("title").strip()))
        else:
            level, body = bullet_level(RESIDUE.sub("", line))
            form.prose.append(("para", level, body))
    return forms


def write_docx(forms: list[SeedForm], path: Path, plain_headings: bool = False) -> Path:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    document = docx.Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(10)
    for number, form in enumerate(forms):
        if number:
            document.add_page_break()
        document.add_heading(form.title, level=1)
        for rows in form.tables:
            table = document.add_table(rows=0, cols=max(len(r) for r in rows))
            table.style = "Table Grid"
            for row in rows:
                cells = table.add_row().cells
                for i, value in enumerate(row):
                    paragraph = cells[i].paragraphs[0]
                    paragraph.add_run(value).bold = i == 0 or value.startswith(("Beløb", "Ændringen"))
                    if i and re.fullmatch(r"[-+]?[\d.,]+", value):
                        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            widths = [Cm(5), Cm(11)] if len(rows[0]) == 2 else [Cm(6)] + [Cm(2.5)] * (len(rows[0]) - 1)
            table.autofit = False
            for row in table.rows:
                for cell, width in zip(row.cells, widths):
                    cell.width = width
            document.add_paragraph()
        for kind, level, text in form.prose:
            if kind == "section" and plain_headings:
                document.add_paragraph().add_run(text).bold = True
            elif kind == "section":
                document.add_heading(text, level=2)
            else:
                docx_paragraph(document, text, level)
    document.save(str(path))
    return path


def write_pdf(forms: list[SeedForm], path: Path) -> Path:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        PageBreak,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )

    styles = pdf_styles()
    story: list[object] = []
    for number, form in enumerate(forms):
        if number:
            story.append(PageBreak())
        story.append(pdf_paragraph(form.title, styles["title"]))
        for rows in form.tables:
            width = max(len(r) for r in rows)
            data = [[pdf_paragraph(v, styles["cell_bold" if i == 0 else "cell"]) if width == 2 else v
                     for i, v in enumerate(row)] for row in rows]
            widths = [5 * cm, 11 * cm] if width == 2 else [6 * cm] + [2.5 * cm] * (width - 1)
            table = Table(data, colWidths=widths)
            table.setStyle(TableStyle([
                ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                ("FONTNAME", (0, 0), (-1, -1), styles["cell"].fontName),  # type: ignore[attr-defined]
                ("FONTNAME", (0, 0), (0, -1), styles["cell_bold"].fontName),  # type: ignore[attr-defined]
                ("FONTNAME", (0, 0), (-1, 0), styles["cell_bold"].fontName),  # type: ignore[attr-defined]
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]))
            story.extend([table, Spacer(1, 10)])
        for kind, level, text in form.prose:
            style = styles["section"] if kind == "section" else styles[level or "body"]
            story.append(pdf_paragraph(text, style, level))
    SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm, topMargin=2 * cm,
                      bottomMargin=2 * cm, title=forms[0].title if forms else "",
                      author="Lejre Kommune", invariant=True).build(story, onFirstPage=pdf_page_footer, onLaterPages=pdf_page_footer)
    return path


if __name__ == "__main__":
    main(Path(__file__).resolve().parent / "proposal_forms")
