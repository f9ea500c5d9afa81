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
from tests.golden import SAMPLES

PDFS = sorted(SAMPLES.glob("*/*.pdf"))


def tables_both_ways(path: Path) -> tuple[list[object], list[object]]:
    theirs, ours = [], []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            chars = _CharsByHeight(page.chars)
            for table in page.find_tables():
                theirs.append(table.extract())
                ours.append(table_texts(table, chars))
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
