"""Reduction-list samples from the Lejre seed: the Excel export, a printed PDF and the text form.

The seed is the list as tab-separated text, its header repeated per printed page. The
XLSX is the export as finance staff get it (numbers as numbers, percentages formatted
as percentages, one header); the PDF is the printed list (landscape, ruled table, header
repeated on every page, the title on top). Quirk samples: the same list printed without
gridlines (wrapped cells are told from rows by their column positions), and text that looks
like a formula in a PDF, which must stay text in the workbook.
"""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from samples.make_reduction_list.office import save_xlsx
from samples.seeds import SEEDS

SEED = "reduction_list_lejre_2023.txt"
TITLE = "Udmøntning af reduktion på 15 mio. kr."


def seed_rows(seed: Path | None = None) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of the seed (repeated headers and titles left out)."""
    header: list[str] = []
    rows: list[list[str]] = []
    for raw in (seed or SEEDS / SEED).read_text(encoding="utf-8").splitlines():
        cells = raw.split("\t")
        if not raw.strip() or raw.strip() == TITLE:
            continue
        if cells[0] == "Nr.":
            header = cells
            continue
        rows.append(cells + [""] * (len(header) - len(cells)))
    return header, rows


def write(out: Path) -> None:
    header, rows = seed_rows()
    shutil.copyfile(SEEDS / SEED, out / "lejre-2023.txt")
    write_xlsx(out / "lejre-2023.xlsx", header, rows)
    write_pdf(out / "lejre-2023.pdf", header, rows)
    write_pdf(out / "printed-without-gridlines.pdf", header, rows, gridlines=False)
    quirk = [list(r) for r in rows[:3]]
    quirk[0][4] = "=SUM(A1:A9) som overskrift"
    quirk[1][4] = "+45 timer til rådighed"
    quirk[2][4] = "@kommune: -reduktion"
    total = [str(sum(int(r[i].replace(".", "") or 0) for r in rows[:3] if r[2] == "CBD")) for i in range(6, 10)]
    quirk = [quirk[0], ["", "", "CBD Total", "", "", "", *total, "", ""]]
    write_pdf(out / "text-that-looks-like-a-formula.pdf", header, quirk)


def _number(text: str) -> int | float | None:
    text = text.strip()
    if not text:
        return None
    return int(text.replace(".", "")) if "," not in text else float(text.replace(".", "").replace(",", "."))


def write_xlsx(path: Path, header: list[str], rows: list[list[str]]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    book = Workbook()
    sheet = book.active
    sheet.title = "Reduktioner"
    sheet.append([TITLE])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([])
    sheet.append(header)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(wrap_text=True)
    for cells in rows:
        values: list[object] = list(cells[:6])
        values += [_number(c) for c in cells[6:11]]
        pct = cells[11].strip().rstrip("%")
        values.append(round(float(pct.replace(",", ".")) / 100, 6) if pct else None)
        sheet.append(values)
        row = sheet.max_row
        for col in range(7, 12):
            sheet.cell(row, col).number_format = "#,##0"
        sheet.cell(row, 12).number_format = "0.0%"
        sheet.cell(row, 6).alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in zip("ABCDEFGHIJKL", (9, 26, 10, 8, 30, 70, 10, 10, 10, 10, 12, 12)):
        sheet.column_dimensions[letter].width = width
    save_xlsx(book, path, stamp=datetime(2023, 1, 1))  # the bytes the sample has always had


def _widths(rows: list[list[str]], wanted: list[float], page_width: float) -> list[float]:
    """Each column at least as wide as its longest word (a printed list never splits a word);
    the explanation column (width 0) takes what is left."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    widths = []
    for col, base in enumerate(wanted):
        words = [w for row in rows for w in row[col].split()] if col < 12 else []
        longest = max((stringWidth(w, "Helvetica-Bold", 6.5) for w in words), default=0)
        widths.append(max(base, longest + 8) if base else 0)
    widths[widths.index(0)] = page_width - sum(widths)
    return widths


def write_pdf(path: Path, header: list[str], rows: list[list[str]], *, gridlines: bool = True) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import LongTable, Paragraph, SimpleDocTemplate, TableStyle

    small = ParagraphStyle("small", fontName="Helvetica", fontSize=6.5, leading=8, splitLongWords=0)
    bold = ParagraphStyle("bold", parent=small, fontName="Helvetica-Bold")

    def para(text: str, style: ParagraphStyle = small) -> Paragraph:
        return Paragraph(escape(text), style)

    data = [[para(h, bold) for h in header]]
    for cells in rows:
        style = bold if any(c.endswith("Total") or c == "Hovedtotal" for c in cells) else small
        data.append([para(c, style) for c in cells])
    widths = _widths([header, *rows], [14 * mm, 24 * mm, 12 * mm, 11 * mm, 32 * mm, 0] + [13 * mm] * 4 + [15 * mm, 17 * mm],
                     landscape(A4)[0] - 20 * mm)
    table = LongTable(data, colWidths=widths, repeatRows=1)
    style = [("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDE5EE")), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if gridlines:
        style.append(("GRID", (0, 0), (-1, -1), 0.4, colors.grey))
    table.setStyle(TableStyle(style))

    def on_page(canvas: object, doc: object) -> None:
        canvas.setFont("Helvetica-Bold", 11)  # type: ignore[attr-defined]
        canvas.drawString(10 * mm, landscape(A4)[1] - 10 * mm, TITLE)  # type: ignore[attr-defined]
        canvas.setFont("Helvetica", 7)  # type: ignore[attr-defined]
        canvas.drawRightString(landscape(A4)[0] - 10 * mm, 6 * mm, f"Side {doc.page}")  # type: ignore[attr-defined]

    doc = SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=10 * mm, rightMargin=10 * mm,
                            topMargin=16 * mm, bottomMargin=12 * mm, title=TITLE, author="Lejre Kommune (sample)",
                            invariant=True)
    doc.build([table], onFirstPage=on_page, onLaterPages=on_page)
