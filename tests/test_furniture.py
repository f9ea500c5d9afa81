"""Running headers, footers and page numbers are taken out of the body before any importer reads it."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.readers import read_document
from importers.readers.furniture import is_page_number


def _pdf(path: Path, pages: list[list[str]], head: str | None, foot: str | None, form_title: str | None) -> Path:
    """A4 pages: a running head at 1,2 cm, a footer "Side n af N" at the bottom, the body from 2,5 cm,
    each page's body starting with `form_title` when given (as a form that starts every page)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=A4, invariant=True)
    width, height = A4
    for number, body in enumerate(pages, start=1):
        if head:
            canvas.setFont("Helvetica", 9)
            canvas.drawString(57, height - 34, head)
            canvas.drawRightString(width - 57, height - 34, "Budget 2025-2028")
        if foot:
            canvas.setFont("Helvetica", 9)
            canvas.drawString(57, 30, foot)
            canvas.drawRightString(width - 57, 30, f"Side {number} af {len(pages)}")
        y = height - 71
        for text in ([form_title] if form_title else []) + body:
            canvas.setFont("Helvetica", 11)
            canvas.drawString(57, y, text)
            y -= 15
        canvas.showPage()
    canvas.save()
    return path


PAGES = [[f"Afsnit {p}, linje {i}: tekst om budgettet" for i in range(1, 8)] for p in range(1, 5)]


def test_pdf_running_head_and_footer_go_to_the_furniture(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "bem.pdf", PAGES, "Tønder Kommune", "Bemærkninger til budget", "Forslag til budget")
    document = read_document(path)
    texts = [line.text for line in document.lines]
    assert not any("Tønder Kommune" in t or "Side " in t or "Bemærkninger til budget" in t for t in texts)
    assert texts.count("Forslag til budget") == 4  # a body line that starts every page stays in the body
    assert document.heads == ("Tønder Kommune", "Budget 2025-2028", "Bemærkninger til budget")
    assert len(document.lines) == 4 * 8


def test_a_one_page_pdf_loses_only_its_page_number(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "en.pdf", PAGES[:1], "Tønder Kommune", "Bemærkninger", None)
    texts = [line.text for line in read_document(path).lines]
    assert "Tønder Kommune\tBudget 2025-2028" in texts  # once is no running head
    assert not any("Side 1 af 1" in t for t in texts)


def test_word_headers_and_footers_are_heads_not_body(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Aarhus Kommune - Referat"
    section.footer.paragraphs[0].text = "Side 1"
    document.add_paragraph("Punkt 1: Budgetopfølgning")
    path = tmp_path / "referat.docx"
    document.save(str(path))
    read = read_document(path)
    assert [line.text for line in read.lines] == ["Punkt 1: Budgetopfølgning"]
    assert read.heads == ("Aarhus Kommune - Referat",)


def test_text_pages_lose_their_repeated_head_and_page_numbers(tmp_path: Path) -> None:
    pages = ["Bornholms Regionskommune\n" + "\n".join(body) + "\nSide %d" % n for n, body in enumerate(PAGES, 1)]
    path = tmp_path / "liste.txt"
    path.write_text("\n\f".join(pages), encoding="utf-8")
    document = read_document(path)
    texts = [line.text for line in document.lines if line.text]
    assert texts == [t for body in PAGES for t in body]
    assert document.heads == ("Bornholms Regionskommune",)


@pytest.mark.parametrize(("text", "page"), [("Side 3", True), ("Side 3 af 12", True), ("3/20", True), ("- 4 -", True),
                                            ("24-004755", False), ("20/3", False), ("Side tre", False)])
def test_page_numbers(text: str, page: bool) -> None:
    assert is_page_number(text) is page
