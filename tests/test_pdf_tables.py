"""The PDF reader's table cells are what pdfplumber's `Table.extract()` gives, found faster.

pdfplumber tests every character of the page against every table row; the reader finds a row's
characters by bisection on their vertical middles (importers.readers.pdf.table_texts). Same text
in every cell of every ruled table of every sample PDF, and of a printed list of many pages; the
cell text itself (importers.readers.pdf_text) is pdfplumber's `extract_text` for any characters.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pdfplumber.utils import extract_text

from bench.synthetic import synthetic_pdf
from importers.readers.pdf import _CharsByHeight, table_texts
from importers.readers.pdf_text import cell_text
from importers.readers.pdf_words import join_broken_words
from tests.golden import SAMPLES

PDFS = sorted(SAMPLES.glob("*/*.pdf"))


def tables_both_ways(path: Path) -> tuple[list[object], list[object]]:
    theirs, ours = [], []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = _CharsByHeight(page.chars)
            for table in page.find_tables():
                theirs.append(table.extract())
                ours.append(table_texts(table, chars, join_words=False))
            page.close()
    return theirs, ours


@pytest.mark.parametrize("path", PDFS, ids=[p.name for p in PDFS])
def test_every_cell_of_every_sample(path: Path) -> None:
    theirs, ours = tables_both_ways(path)
    assert ours == theirs


def test_a_long_printed_list(tmp_path: Path) -> None:
    pdf = tmp_path / "liste.pdf"
    synthetic_pdf(pdf, lines=100)
    theirs, ours = tables_both_ways(pdf)
    assert len(theirs) >= 3 and sum(len(t) for t in theirs) > 100  # type: ignore[arg-type]
    assert ours == theirs


# Any characters, as a cell may hold them: the reader's cell text is pdfplumber's `extract_text`.
_char = st.builds(
    lambda text, x0, width, top, height, upright: {
        "text": text, "x0": x0, "x1": x0 + width, "top": top, "bottom": top + height, "doctop": top + 1000.0,
        "upright": upright},
    st.sampled_from(["a", "b", "æ", "ø", "1", ".", "-", " ", "\u00a0", "ﬁ", "ﬀ", "X"]),
    st.floats(0, 120, allow_nan=False), st.floats(0.2, 8, allow_nan=False),
    st.floats(0, 40, allow_nan=False), st.floats(4, 12, allow_nan=False),
    st.sampled_from([True] * 29 + [False]))  # rotated characters now and then (pdfplumber reads those)


@settings(max_examples=400, deadline=None)
@given(st.lists(_char, max_size=40))
def test_cell_text_is_pdfplumbers_extract_text(chars: list[dict]) -> None:
    assert cell_text(chars) == extract_text(chars)


@pytest.mark.parametrize(("sample", "row", "cells"), [
    # Lyngby-Taarbæk's narrow category headers (hold-out trial 2: "implementeri ng", "servicenive au"); a word
    # that fills its cell exactly and the word below it stay two words
    ("initiative_catalogue/lyngby-taarbaek-effektiviseringskatalog-tabel-med-kryds.libreoffice.pdf", 0,
     ["Nr", "Overskrift", "Beskrivelse", "Bevillingsændring", "Effektivisering\ninvestering\nimplementering",
      "Justering af\nserviceniveau", "Påvirker\nandre\nområder"]),
    ("initiative_catalogue/lyngby-taarbaek-kategorier-ord-brudt-i-smal-celle.libreoffice.pdf", 0,
     ["Nr", "Overskrift", "Beskrivelse", "Bevillingsændring", "Effektivisering\ninvestering\nimplementering",
      "Justering\naf\nserviceniveau", "Påvirker\nandre\nområder"]),
    ("budget_remarks/frederiksberg-tekniske-bemaerkninger-tal-brudt-i-celle.libreoffice.pdf", 0,
     ["Undervisningsudvalget (1.000 kr.)", "Regnskab\n2020", "Budget\n2021", "Budget\n2022", "BO\n2023", "BO\n2024"]),
])
def test_words_broken_in_a_narrow_cell_are_joined(sample: str, row: int, cells: list[str]) -> None:
    with pdfplumber.open(SAMPLES / sample) as pdf:
        page = next(p for p in pdf.pages if p.find_tables())
        table = page.find_tables()[0]
        assert table_texts(table, _CharsByHeight(page.chars))[row] == cells


def _cell(lines: list[tuple[str, float]], left: float = 0.0, right: float = 60.0) -> tuple[str, list[dict]]:
    """A cell's text and characters: each line (text, x of its first letter), letters 5 points wide."""
    chars = [{"text": ch, "x0": x + 5 * i, "x1": x + 5 * (i + 1), "top": 10.0 * n}
             for n, (text, x) in enumerate(lines) for i, ch in enumerate(text)]
    return "\n".join(text for text, _ in lines), chars


@pytest.mark.parametrize(("lines", "joined"), [
    ([("Kommunerne", 4.0), ("s", 4.0)], "Kommunernes"),  # fills the cell to its edge (60 - 4)
    ([("Kommune", 4.0), ("nes", 4.0)], "Kommune\nnes"),  # room left for "n": a word of its own
    ([("Kommunerne", 4.0), ("og", 4.0)], "Kommunerne\nog"),  # a short word of its own
    ([("Kommunerne", 4.0), ("Skole", 4.0)], "Kommunerne\nSkole"),  # a capital starts a word
    ([("Kommu nerne", 4.0), ("s", 4.0)], "Kommu nerne\ns"),  # two words on the line: broken between words
    ([("Kommunerne", 4.0), ("investering", 4.0)], "Kommunerne\ninvestering"),  # a long piece: a word
    ([("Personaleko", 0.0), ("nsekvenser", 0.0)], "Personalekonsekvenser"),  # no Danish word begins "ns"
    ([("Personaleko", 0.0), ("skrivelse", 0.0)], "Personaleko\nskrivelse"),  # "skr" may begin one
    ([("1.234.56", 4.0), ("7", 4.0)], "1.234.56\n7"),  # figures are numbers' business (importers.numbers)
])
def test_join_broken_words(lines: list[tuple[str, float]], joined: str) -> None:
    text, chars = _cell(lines)
    assert join_broken_words(text, chars, 0.0, 60.0) == joined
