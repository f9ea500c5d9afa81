"""Detection by evidence: every sample is taken for its own kind; anything else gets one line saying why not."""

from __future__ import annotations

from pathlib import Path

import pytest

import importers
from budgetbook.cli import main as cli
from budgetbook.errors import UnknownDocumentError
from importers.reading import THRESHOLD
from tests.golden import SAMPLES, sample_files
from tests.parsed import kind_of, reading_of

SAMPLE_KINDS = [(kind.name, sample) for kind in sorted(SAMPLES.iterdir()) if kind.is_dir()
                for sample in sample_files(kind.name)]


@pytest.mark.parametrize(("kind", "sample"), SAMPLE_KINDS, ids=lambda v: v.name if isinstance(v, Path) else v)
def test_every_sample_is_taken_for_its_own_kind(kind: str, sample: Path) -> None:
    assert kind_of(sample) == kind
    own = next(e for e in importers.evidences(reading_of(sample)) if e.kind == kind)
    assert own.score >= THRESHOLD and own.found, "the evidence says what it found"


def test_a_document_of_no_kind_is_refused_with_what_it_looks_most_like(tmp_path: Path) -> None:
    path = tmp_path / "vejret.txt"
    path.write_text("Referat\n\nI dag skinner solen over Tønder.\nI morgen regner det.\n", encoding="utf-8")
    with pytest.raises(UnknownDocumentError) as caught:
        importers.parse(path)
    message = str(caught.value)
    assert "\n" not in message and "vejret.txt" in message
    assert "looks most like Referat (minutes" in message and "missing" in message and "--kind" in message


def test_kind_forces_an_importer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "vejret.txt"
    path.write_text("I dag skinner solen.\n", encoding="utf-8")
    assert cli(["extract", str(path), "--kind", "minutes"]) == 2
    assert "No agenda item" in capsys.readouterr().err
    assert cli(["extract", str(path), "--kind", "menu"]) == 2
    assert "No kind of document is called 'menu'" in capsys.readouterr().err


def test_a_catalogue_that_opens_with_an_overview_table_is_read_as_a_catalogue(tmp_path: Path) -> None:
    """Its overview table looks like a list of proposals as much as its pages look like a catalogue;
    reading both ways, the catalogue reads more of the document, so it wins."""
    import docx

    sample = SAMPLES / "initiative_catalogue" / "kerteminde-raaderumskatalog-side-pr-forslag.docx"
    proposals = importers.parse(sample).records
    document = docx.Document(str(sample))
    first = document.element.body[0]
    heading = document.add_paragraph("Oversigt over forslagene (1.000 kr.)")
    table = document.add_table(rows=1 + len(proposals), cols=4)
    for row, values in enumerate([["Nr.", "Forslag", "2025", "2026"]]
                                 + [[p.number or "", p.title, "-100", "-200"] for p in proposals]):
        for col, value in enumerate(values):
            table.cell(row, col).text = value
    for element in (heading._p, table._tbl):
        first.addprevious(element)
    path = tmp_path / "katalog-med-oversigt.docx"
    document.save(str(path))
    scores = {e.kind: e.score for e in importers.evidences(reading_of(path))}
    assert scores["reduction_list"] >= scores["initiative_catalogue"]  # the first table alone would mislead
    result = importers.parse(path)
    assert result.kind == "initiative_catalogue"
    assert [p.title for p in result.records] == [p.title for p in proposals]
    assert any("Read as Idékatalog" in note for note in result.notes)
