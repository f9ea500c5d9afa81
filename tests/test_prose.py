"""Running text to paragraphs (importers.prose): bullets, export residue, broken paragraphs, PDF lines."""

from __future__ import annotations

import pytest

from budgetbook.model import Provenance
from importers.prose import (
    Piece,
    is_page_furniture,
    line_to_piece,
    lines_to_text,
    pieces_to_paragraphs,
    visual_width,
)
from importers.readers import Line


def _line(text: str, style: str | None = None, *cells: str) -> Line:
    return Line((text, *cells), Provenance("f.txt", 1, 1), style)


@pytest.mark.parametrize(("text", "style", "expected"), [
    ("Almindelig tekst.", None, Piece("Almindelig tekst.")),
    ("- Et punkt", None, Piece("Et punkt", 1, "-")),
    (" - Et underpunkt", None, Piece("Et underpunkt", 2, "-")),
    ("• Et punkt fra en PDF", None, Piece("Et punkt fra en PDF", 1)),
    ("◦ Et underpunkt fra en PDF", None, Piece("Et underpunkt fra en PDF", 2)),
    ("\uf0b7 Et punkt med Symbol-skrift", None, Piece("Et punkt med Symbol-skrift", 1)),
    ("- a. Mindre anvendelse.**", None, Piece("a. Mindre anvendelse.", 1, "-")),
    ("Tekst med **fed** skrift", None, Piece("Tekst med fed skrift")),
    ("Et punkt i Word", "List Bullet", Piece("Et punkt i Word", 1)),
    ("Et underpunkt i Word", "List Bullet 2", Piece("Et underpunkt i Word", 2)),
    ("-1.500 er et tal", None, Piece("-1.500 er et tal")),
    ("   ", None, None),
])
def test_line_to_piece(text: str, style: str | None, expected: Piece | None) -> None:
    assert line_to_piece(_line(text, style)) == expected


def test_a_pdf_line_of_cells_is_one_piece() -> None:
    assert line_to_piece(_line("•", None, "Et punkt")) == Piece("Et punkt", 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("Side 2", True), ("3 af 12", True), ("4/7", True), ("7", True),
    ("Side 2 af bemærkningerne", False), ("2024", False), ("Staben", False),
])
def test_is_page_furniture(text: str, expected: bool) -> None:
    assert is_page_furniture(text) is expected


P = Piece
WIDTH = 40  # visual lines in these cases wrap at 40 characters


@pytest.mark.parametrize(("pieces", "width", "expected"), [
    # paragraphs: blank lines or none between them
    ([P("Første."), None, P("Anden.")], 0, ["Første.", "Anden."]),
    ([P("Første."), P("Anden.")], 0, ["Første.", "Anden."]),
    # a paragraph the export broke in two: no full stop, then lower case
    ([P("En del forlader"), None, P("landet igen.")], 0, ["En del forlader landet igen."]),
    ([P("Digitalisering og IT"), None, P("understøtter", 1)], 0, ["Digitalisering og IT", "- understøtter"]),
    # bullet levels are relative to the outermost list of the text
    ([P("a. Mindre", 2)], 0, ["- a. Mindre"]),
    ([P("Punkt", 1), P("Underpunkt", 2)], 0, ["- Punkt", "  - Underpunkt"]),
    # PDF lines: a line wraps unless the next word would have fit or a sentence ends short
    ([P("Budgettet er et rammebudget, og det er"), P("udarbejdet på baggrund af overslag.")], WIDTH,
     ["Budgettet er et rammebudget, og det er udarbejdet på baggrund af overslag."]),
    ([P("Kort linje."), P("Ny paragraf her.")], WIDTH, ["Kort linje.", "Ny paragraf her."]),
    ([P("Punktet fortsætter på næste linje med"), P("flere ord.")], WIDTH,
     ["Punktet fortsætter på næste linje med flere ord."]),
    ([P("Et punkt der er langt nok til at ombryde", 1), P("her.")], WIDTH,
     ["- Et punkt der er langt nok til at ombryde her."]),
    # a wrapped line that starts with a dash is no bullet
    ([P("Det må forventes at have en effekt på"), P("og dermed – af samtalerne.", 1, "–")], WIDTH,
     ["Det må forventes at have en effekt på – og dermed – af samtalerne."]),
    # a word broken at its hyphen is joined; a suspended hyphen keeps its space
    ([P("Borgeren skal selv kontakte sin a-"), P("kasse om ydelserne.")], WIDTH,
     ["Borgeren skal selv kontakte sin a-kasse om ydelserne."]),
    ([P("Det specialiserede børne- og ungeområde, børne-"), P("og ungeområdet igen.")], 48,
     ["Det specialiserede børne- og ungeområde, børne- og ungeområdet igen."]),
])
def test_pieces_to_paragraphs(pieces: list[Piece | None], width: int, expected: list[str]) -> None:
    assert pieces_to_paragraphs(pieces, width) == expected


def test_visual_width_only_for_lines_without_blanks_or_styles() -> None:
    pdf = [_line("Et hold af linjer"), _line("der er ombrudt"), _line("Overskrift", None, "2024")]
    assert visual_width(pdf) == len("Et hold af linjer")
    assert visual_width([*pdf, _line("")]) == 0
    assert visual_width([_line("Afsnit", "Normal")]) == 0


def test_lines_to_text_skips_page_numbers() -> None:
    lines = [_line("Første del af teksten"), _line("Side 2"), _line("fortsætter her.")]
    assert lines_to_text(lines) == "Første del af teksten fortsætter her."
