"""No crash, ever: every sample, damaged the ways documents get damaged, gives a result or budgetbook's own error.

Lines are dropped, duplicated, shuffled and cells emptied (hypothesis); the importer of the
sample's kind, and detection among all kinds, must return an `ImportResult` or raise a
`BudgetbookError` whose message names the file. Anything else (IndexError, KeyError, ...) is a bug.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import importers
from budgetbook.errors import BudgetbookError
from budgetbook.model import ImportResult, SourceFile
from importers.readers import Document, Line
from tests.golden import SAMPLES, sample_files
from tests.parsed import document_of

KINDS = sorted(p.name for p in SAMPLES.iterdir() if p.is_dir() and not p.name.startswith("_"))
ALL_SAMPLES = [sample for kind in KINDS for sample in sample_files(kind)]
EXAMPLES = 25


@st.composite
def damaged(draw: st.DrawFn, lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """The lines with some dropped, some repeated, a stretch shuffled, cells emptied, garbled or shifted."""
    out = list(lines)
    for _ in range(draw(st.integers(0, 6))):
        if not out:
            break
        action = draw(st.sampled_from(["drop", "duplicate", "shuffle", "empty", "truncate", "shift", "garble"]))
        start = draw(st.integers(0, len(out) - 1))
        stop = min(len(out), start + draw(st.integers(1, 40)))
        if action == "drop":
            del out[start:stop]
        elif action == "duplicate":
            out[start:start] = out[start:stop]
        elif action == "shuffle":
            out[start:stop] = draw(st.permutations(out[start:stop]))
        elif action == "truncate":
            out = out[:start] if draw(st.booleans()) else out[start:]
        elif action == "shift":  # a cell lost: the rest of the row moves one column left
            line = out[start]
            out[start] = dataclasses.replace(line, cells=line.cells[1:] or ("",))
        elif action == "garble":
            line = out[start]
            cells = list(line.cells)
            cells[draw(st.integers(0, len(cells) - 1))] = draw(st.text(max_size=30))
            out[start] = dataclasses.replace(line, cells=tuple(cells))
        else:
            line = out[start]
            cells = list(line.cells)
            cells[draw(st.integers(0, len(cells) - 1))] = draw(st.sampled_from(["", None, "x", "-", "1.000", "Total"]))
            out[start] = dataclasses.replace(line, cells=tuple(cells))
    return tuple(out)


def _read(sample: Path, lines: tuple[Line, ...], kind: str | None) -> None:
    document = dataclasses.replace(document_of(sample), lines=lines)
    reading = importers.reading_of(document, SourceFile(sample.name, "0" * 64, "now"))
    try:
        importer = importers.importer_for(reading, kind)
        result = importers.interpret(reading, importer)
    except BudgetbookError as exc:
        assert str(exc).strip(), "an error must say something"
        assert "\n" not in str(exc), f"one line, not: {exc}"
        return
    assert isinstance(result, ImportResult)


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_a_damaged_sample_gives_a_result_or_a_clear_error(sample: Path) -> None:
    lines = document_of(sample).lines

    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(damaged(lines), st.booleans())
    def check(mutated: tuple[Line, ...], forced: bool) -> None:
        _read(sample, mutated, sample.parent.name if forced else None)

    check()


@pytest.mark.parametrize("sample", ALL_SAMPLES, ids=lambda p: f"{p.parent.name}/{p.name}")
@pytest.mark.parametrize("kind", KINDS)
def test_any_kind_forced_on_any_sample_gives_a_result_or_a_clear_error(sample: Path, kind: str) -> None:
    _read(sample, document_of(sample).lines, kind)


def test_an_empty_document_is_a_clear_error() -> None:
    sample = ALL_SAMPLES[0]
    document = Document((), (), "text", 1)
    reading = importers.reading_of(document, SourceFile("leer.txt", "0" * 64, "now"))
    with pytest.raises(BudgetbookError, match="leer.txt"):
        importers.importer_for(reading)
    for kind in KINDS:
        try:
            importers.interpret(reading, importers.importer_for(reading, kind))
        except BudgetbookError:
            pass
    assert sample.exists()
