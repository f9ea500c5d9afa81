"""Tick boxes in every form: glyphs, typed marks, symbol-font characters, and squares a PDF draws."""

from __future__ import annotations

from pathlib import Path

import pytest

from importers.readers import read_lines
from importers.ticks import mark_state, marks_to_items


@pytest.mark.parametrize(("text", "items"), [
    ("☒ Effektivisering ☐ Besparelse", [("Effektivisering", True), ("Besparelse", False)]),
    ("Skoler ☒ Teknik & Miljø ☐", [("Skoler", True), ("Teknik & Miljø", False)]),
    ("Skoler \uf053\uf020 Teknik \uf0a3\uf020", [("Skoler", True), ("Teknik", False)]),
    ("☑ Ja □ Nej", [("Ja", True), ("Nej", False)]),
    ("ingen bokse", []),
])
def test_marks_to_items(text: str, items: list[tuple[str, bool]]) -> None:
    assert marks_to_items(text) == items


@pytest.mark.parametrize(("cell", "state"), [
    ("x", True), ("X", True), ("☒", True), ("✓", True), ("", False), (None, False), ("☐", False), ("ja", None),
])
def test_mark_state(cell: object, state: bool | None) -> None:
    assert mark_state(cell) is state


def _drawn_boxes(path: Path) -> Path:
    """A PDF with four drawn boxes and their labels: empty, filled, crossed, and one with a typed X."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), pagesize=A4, invariant=True)
    top = A4[1] - 100
    for row, (label, tick) in enumerate([("Tom", None), ("Fyldt", "fill"), ("Krydset", "cross"), ("Skrevet", "x")]):
        y = top - row * 20
        page.rect(72, y, 8, 8, stroke=1, fill=0)
        if tick == "fill":
            page.rect(73.5, y + 1.5, 5, 5, stroke=0, fill=1)
        elif tick == "cross":
            page.line(72, y, 80, y + 8)
            page.line(72, y + 8, 80, y)
        elif tick == "x":
            page.setFont("Helvetica", 7)
            page.drawString(73.5, y + 1.5, "X")
        page.setFont("Helvetica", 10)
        page.drawString(86, y, label)
    page.rect(300, top - 200, 150, 90, stroke=1, fill=0)  # a frame is no tick box
    page.save()
    return path


def test_boxes_a_pdf_draws_reach_the_text_as_glyphs(tmp_path: Path) -> None:
    lines = [line.text for line in read_lines(_drawn_boxes(tmp_path / "bokse.pdf"))]
    assert lines == ["☐ Tom", "☒ Fyldt", "☒ Krydset", "☒ Skrevet"]
