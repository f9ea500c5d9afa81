"""BB_* worksheet functions: whole arrays in and out, as plain Python (over HTTP: test_xlpy_server.py)."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

xw = pytest.importorskip("xlwings")

SAMPLES = Path(__file__).parent.parent / "samples"
OVERVIEW = [["Center", "Reduktioner 2023", "Reduktioner 2024"], ["CJS", 100, 250], ["CBD", 30, 40]]
TRACES = [["Ark", "Række", "Nøgle", "Fil", "Side", "Linje"], ["CJS", 6, "R-1", "lejre-2023.pdf", 2, 31],
          ["CBD", 6, "R-2", "lejre-2023.pdf", 1, 7]]


@pytest.fixture(autouse=True)
def licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    from xlpy.payload import ensure_remote_engine

    ensure_remote_engine()


@pytest.fixture
def fx():
    return importlib.import_module("xlpy.functions")


def test_bb_tal_turns_a_column_of_danish_texts_into_a_column_of_numbers(fx):
    assert fx.bb_tal([["15.036"], ["-1.500"], ["1,3"], ["(300)"], [None], [7]]) == [[15036], [-1500], [1.3], [-300],
                                                                                     [""], [7]]


def test_bb_tal_says_why_a_text_is_not_a_number(fx):
    [[answer]] = fx.bb_tal([["l.234,00"]])
    assert "l.234,00" in answer and "Expected a number" in answer


def test_bb_total_broadcasts_centers_against_one_year(fx):
    assert fx.bb_total([["CJS"], ["CBD"]], [[2024]], OVERVIEW) == [[250.0], [40.0]]
    assert fx.bb_total([["CJS"]], [[2023, 2024]], OVERVIEW) == [[100.0, 250.0]]
    assert "Intet center 'XYZ'" in fx.bb_total([["XYZ"]], [[2024]], OVERVIEW)[0][0]


def test_bb_kilde_names_file_page_and_line(fx):
    assert fx.bb_kilde([["R-1"], ["R-2"]], TRACES) == [["lejre-2023.pdf, page 2, line 31"],
                                                       ["lejre-2023.pdf, page 1, line 7"]]


def test_bb_similar_reads_the_catalogue_in_the_folder(fx, tmp_path):
    pytest.importorskip("rapidfuzz")
    catalogue = SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt"
    (tmp_path / catalogue.name).write_bytes(catalogue.read_bytes())
    answer = fx.bb_similar([["Færre biler i kommunens bilflåde"], ["Digital post"]], 2, str(tmp_path))
    assert len(answer) == 2 and all(len(row) == 2 for row in answer)
    assert all(cell and "(" in cell for row in answer for cell in row)


def test_bb_similar_takes_n_from_1_to_its_limit(fx, tmp_path):
    for n in (0, -1, "tre", fx.MAX_SIMILAR + 1):
        [[answer]] = fx.bb_similar([["Digital post"]], n, str(tmp_path))
        assert f"fra 1 til {fx.MAX_SIMILAR}" in answer, n
    [[missing]] = fx.bb_similar([["Digital post"]], 2, str(tmp_path / "findes-ikke"))
    assert "findes ikke" in missing
