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
    ranked = importers.evidences(reading_of(sample))
    assert ranked[0].kind == kind and ranked[0].score >= THRESHOLD
    assert ranked[0].found, "the evidence says what it found"


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
