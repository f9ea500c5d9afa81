"""The PDF reader's table cells are what pdfplumber's `Table.extract()` gives, found faster.

pdfplumber tests every character of the page against every table row; the reader finds a row's
characters by bisection on their vertical middles (importers.readers.pdf.table_texts). Same text
in every cell of every ruled table of every sample PDF, and of a printed list of many pages.
"""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from bench.synthetic import synthetic_pdf
from importers.readers.pdf import _CharsByHeight, table_texts
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
