"""Committee minutes: golden files of every sample, the three forms agree, and the fields that matter."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetbook.model import Provenance
from importers.minutes import Entry, merge_header_rows, recommendations
from tests.golden import SAMPLES, check_golden, sample_files
from tests.parsed import kind_of, lines_of
from tests.parsed import parsed as parse  # each sample read once per test run

KIND = "minutes"
STEM = "minutes_lejre_bu_2024-08-13"
FAST_FORMATS = {".txt", ".docx", ".xlsx"}  # detection looks at lines; the PDFs of other kinds are slow to read



@pytest.mark.parametrize("sample", sample_files(KIND), ids=lambda p: p.name)
def test_golden(sample: Path, update_golden: bool) -> None:
    check_golden(parse(sample), sample, update_golden)


def _without_places(data: object) -> object:
    if isinstance(data, dict):
        return {k: _without_places(v) for k, v in data.items()
                if k not in ("provenance", "source", "coverage", "running_heads")}
    if isinstance(data, list):
        return [_without_places(v) for v in data]
    return data


@pytest.fixture(scope="module")
def text_result():
    return parse(SAMPLES / KIND / f"{STEM}.txt")


@pytest.mark.parametrize("name", [f"{STEM}.docx", f"{STEM}.pdf", "lejre-libreoffice-word.docx"])
def test_every_form_reads_the_same(text_result, name: str) -> None:
    other = parse(SAMPLES / KIND / name)
    assert _without_places(other.to_json()) == _without_places(text_result.to_json())


def test_libreoffice_word_keeps_merged_header_cells_on_the_grid() -> None:
    """LibreOffice writes a header cell merged over two columns once (gridSpan) and the cells merged
    down as continuations (vMerge): the rows still line up with the table's columns."""
    rows = [line.cells for line in lines_of(SAMPLES / KIND / "lejre-libreoffice-word.docx")
            if line.cells and str(line.cells[0]).startswith("Resultatopgørelse")]
    assert rows[0][4:] == ("FV. regnskabsafvigelse i forhold til:", "")
    table = parse(SAMPLES / KIND / "lejre-libreoffice-word.docx").records[8].tables[0]
    assert table.headers[4:] == ("FV. regnskabsafvigelse i forhold til: Opr.",
                                 "FV. regnskabsafvigelse i forhold til: Kor.")


def test_header(text_result) -> None:
    data = text_result.to_json()
    assert data["kind"] == "minutes"
    assert (data["committee"], data["date"], data["location"]) == (
        "Udvalget for Børn og Ungdom", "2024-08-13", "Mødelokale 4, Allerslev")
    assert "Carsten Helles Rasmussen" in data["participants"]
    assert len(data["participants"]) == 6


def test_items_numbers_titles_and_case_numbers(text_result) -> None:
    items = text_result.records
    assert [i.number for i in items] == list(range(1, 12))
    forventet = items[8]
    assert forventet.case_number == "24-004869" and isinstance(forventet.case_number, str)
    assert forventet.title == "EKL/KFT/SSÆ/TMB/BU/JAI/ØU - Forventet regnskab 2-2024"
    assert items[0].case_number is None and items[0].decision == "Godkendt."
    assert [h.committee for h in forventet.history] == [
        "Udvalget for Erhverv, Klima og Lokal udvikling", "Udvalget for Kultur, Fritid og Turisme",
        "Udvalget for Social, Sundhed og Ældre"]
    assert {h.date for h in forventet.history} == {"2024-08-12"}


def test_nested_recommendations(text_result) -> None:
    numbers = [r.split(" ", 1)[0] for r in text_result.records[8].recommendations]
    assert numbers == ["1.", "2.", "3.", "4.", "4.1.", "4.2.", "4.3.", "4.4.", "4.5."]


def test_wrapped_recommendation_continues_its_item() -> None:
    where = Provenance("x.pdf", 1, 1)
    entries = [Entry((t,), where, False) for t in
               ("Direktionen indstiller:", "1. at budgettet for", "2024 godkendes", "2. at sagen sendes videre")]
    assert recommendations(entries) == ("1. at budgettet for 2024 godkendes", "2. at sagen sendes videre")


def test_table_headers_numbers_and_provenance(text_result) -> None:
    table = text_result.records[8].tables[0]
    assert table.title == "Tabel 1: Forventet årsresultat for Lejre Kommune 2024"
    assert table.headers[1:4] == ("Oprindeligt budget (a)", "Korrigeret budget (b)", "Forventet regnskab 2024")
    assert table.headers[4:] == ("FV. regnskabsafvigelse i forhold til: Opr.",
                                 "FV. regnskabsafvigelse i forhold til: Kor.")
    indtaegter = table.rows[0]
    assert indtaegter.label == "Indtægter"
    assert indtaegter.values == (-2079.6, -2080.7, -2077.1, 2.6, 3.7)
    assert indtaegter.provenance.line == 712
    bridge = text_result.records[8].tables[2]
    assert (bridge.rows[0].label, bridge.rows[0].values[-1]) == ("Oprindeligt budget", 1940.22)
    assert (bridge.rows[-1].label, bridge.rows[-1].values[-1]) == ("Korrigeret budget", 1961.06)
    assert bridge.rows[6].values[:2] == ("Ikke i KB", "Ikke i KB")


def test_no_markup_residue(text_result) -> None:
    dump = json.dumps(text_result.to_json(), ensure_ascii=False)
    assert "<b>" not in dump and "**" not in dump and "\\\\_" not in dump


def test_spanning_header_cell_is_carried_over_the_columns_below() -> None:
    rows = [("Post", "Budget", "Afvigelse i forhold til:", ""), ("", "", "Opr.", "Kor.")]
    assert merge_header_rows(rows, 4) == ("Post", "Budget", "Afvigelse i forhold til: Opr.",
                                          "Afvigelse i forhold til: Kor.")


def test_header_rows_shorter_than_the_table_are_padded() -> None:
    """A merged header row may come with fewer cells than the table is wide (it crashed with ValueError)."""
    rows = [("Post", "Budget", "Afvigelse i forhold til:"), ("", "", "Opr.", "Kor.")]
    assert merge_header_rows(rows, 4) == ("Post", "Budget", "Afvigelse i forhold til: Opr.",
                                          "Afvigelse i forhold til: Kor.")


def test_detection_keeps_to_its_own_kind() -> None:
    for sample in sample_files(KIND):
        assert parse(sample).kind == KIND
    for folder in sorted(p for p in SAMPLES.iterdir() if p.is_dir() and p.name != KIND):
        for sample in (s for s in sample_files(folder.name) if s.suffix in FAST_FORMATS):
            assert kind_of(sample) != KIND, sample.name
