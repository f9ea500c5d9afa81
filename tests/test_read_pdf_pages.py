"""PDF pages as a viewer shows them: a landscape list printed on portrait pages turned by `/Rotate 90`
reads in reading order, row by row, as the same list on landscape pages does."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

from importers.readers import pdf

ROWS = [("Nr.", "Titel", "Center", "2025", "2026")] + [
    (str(i), f"Forslag nummer {i}", "CBL", f"-{i}00", f"-{i}50") for i in range(1, 8)]
COLUMNS = (40, 90, 400, 600, 700)


def _list_page(page: canvas.Canvas) -> None:
    page.setFont("Helvetica", 10)
    page.drawString(40, 550, "Reduktionsliste 2025-2028")
    for index, row in enumerate(ROWS):
        for x, text in zip(COLUMNS, row):
            page.drawString(x, 520 - index * 18, text)


def _write(path: Path, *, rotated: bool) -> Path:
    page = canvas.Canvas(str(path), pagesize=A4 if rotated else landscape(A4))
    for _ in range(2):
        if rotated:  # a portrait page turned for showing; the list drawn turned the other way on it
            page.setPageRotation(90)
            page.translate(A4[0], 0)
            page.rotate(90)
        _list_page(page)
        page.showPage()
    page.save()
    return path


def test_a_list_on_rotated_pages_reads_in_reading_order(tmp_path: Path) -> None:
    turned = pdf.read_lines(_write(tmp_path / "roteret.pdf", rotated=True))
    flat = pdf.read_lines(_write(tmp_path / "liggende.pdf", rotated=False))
    assert [line.cells for line in turned] == [line.cells for line in flat]
    assert [line.cells for line in turned[:3]] == [("Reduktionsliste 2025-2028",), ROWS[0], ROWS[1]]
    assert [line.provenance.page for line in turned].count(2) == len(ROWS) + 1


PARAGRAPHS = [
    f"Afsnit {n}: Området omfatter dagtilbud, skoler og fritidstilbud, og budgettet dækker løn, husleje, "
    f"kørsel og materialer til de {n * 3} institutioner i kommunen, som drives efter de politiske mål." for n in range(1, 9)]


def _two_column_pdf(folder: Path) -> Path:
    """A Word document in two text columns, printed to PDF by LibreOffice."""
    import docx

    from tests.spreadsheets import libreoffice_convert
    from tests.word_markup import element

    document = docx.Document()
    document.add_heading("Budgetbemærkninger 2025", level=1)
    for text in PARAGRAPHS:
        document.add_paragraph(text)
    document.sections[0]._sectPr.append(element('<w:cols w:num="2" w:space="720"/>'))
    source = folder / "to-spalter.docx"
    document.save(str(source))
    return libreoffice_convert(source, "pdf", folder / "lo")


def test_a_page_in_two_text_columns_reads_column_by_column(tmp_path: Path) -> None:
    lines = pdf.read_lines(_two_column_pdf(tmp_path))
    assert all(len(line.cells) == 1 for line in lines)  # no line of the left column beside one of the right
    text = " ".join(str(line.cells[0]) for line in lines)
    assert text.startswith("Budgetbemærkninger 2025")
    positions = [text.find(f"Afsnit {n}:") for n in range(1, 9)]
    assert all(p >= 0 for p in positions) and positions == sorted(positions)  # every paragraph, in order
