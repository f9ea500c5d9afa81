"""Many documents in one build: read in a process pool, each distinct file once, every failure listed at the end.

A bad file does not stop the others; `build` refuses to write a workbook that silently lacks a
document (exit 2, every failure on its own line, nothing written) unless `--skip-bad`, and then
the Kilder sheet says what was left out. `extract` takes several files too. Every long step
reports progress to a callback (the ribbon's) and, in the CLI, as rich progress bars.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers.batch
from importers.batch import read_documents
from tests.golden import SAMPLES
from workbook.api import build_workbook

LIST = SAMPLES / "reduction_list" / "lejre-2023.txt"
FORMS = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.txt"
MINUTES = SAMPLES / "minutes" / "minutes_lejre_bu_2024-08-13.txt"
CATALOGUE = SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Four good documents, one of them twice under another name, and two bad ones."""
    for source in (LIST, FORMS, MINUTES, CATALOGUE):
        shutil.copyfile(source, tmp_path / source.name)
    shutil.copyfile(LIST, tmp_path / "kopi af listen.txt")
    (tmp_path / "tom.pdf").write_bytes(b"")
    (tmp_path / "forkert.pdf").write_text("Dette er ikke en PDF", encoding="utf-8")
    return tmp_path


def documents(folder: Path) -> list[Path]:
    names = [LIST.name, "tom.pdf", FORMS.name, "kopi af listen.txt", MINUTES.name, "forkert.pdf", CATALOGUE.name]
    return [folder / name for name in names]


def stable(result: object) -> dict[str, object]:
    data = result.to_json()  # type: ignore[attr-defined]
    data["source"].pop("imported_at")
    return data


def test_every_good_document_is_read_and_every_bad_one_listed(folder: Path) -> None:
    report = read_documents(documents(folder), jobs=2)
    assert [r.source.path for r in report.results] == [LIST.name, FORMS.name, "kopi af listen.txt", MINUTES.name,
                                                        CATALOGUE.name]
    assert [f.path.name for f in report.failures] == ["tom.pdf", "forkert.pdf"]
    assert "empty" in report.failures[0].describe() and "tom.pdf" in report.failures[0].describe()
    assert "forkert.pdf" in report.failures[1].describe()


def test_the_pool_reads_what_one_process_reads(folder: Path) -> None:
    pooled = read_documents(documents(folder), jobs=2)
    alone = read_documents(documents(folder), jobs=1)
    assert [stable(r) for r in pooled.results] == [stable(r) for r in alone.results]
    assert pooled.failures == alone.failures


def test_identical_files_are_read_once(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = importers.batch.read_one

    def counting(path: Path, kind: str | None, profile: Path | None = None) -> object:
        calls.append(path.name)
        return real(path, kind, profile)

    monkeypatch.setattr(importers.batch, "read_one", counting)
    report = read_documents(documents(folder), jobs=1)
    assert sorted(calls) == sorted([LIST.name, "tom.pdf", FORMS.name, MINUTES.name, "forkert.pdf", CATALOGUE.name])
    first, copy = report.results[0], report.results[2]
    assert copy.source.path == "kopi af listen.txt" and copy.source.sha256 == first.source.sha256
    assert copy.records == first.records


def test_progress_is_told_for_every_step(folder: Path) -> None:
    seen: dict[str, list[tuple[int, int]]] = {}

    def record(step: str, done: int, total: int) -> None:
        assert 0 <= done <= total, (step, done, total)
        seen.setdefault(step, []).append((done, total))

    good = [folder / LIST.name, folder / FORMS.name, folder / MINUTES.name]
    build_workbook(good, folder / "Budget.xlsx", jobs=2, progress=record)
    assert {"reading", "layout", "evaluating", "writing"} <= seen.keys()
    assert seen["reading"][-1] == (3, 3)
    for step, calls in seen.items():
        assert calls[-1][0] == calls[-1][1], f"{step} did not finish: {calls}"


def budgetbook(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run([sys.executable, "-m", "budgetbook.cli", *args], capture_output=True, text=True,
                          timeout=300, env={**os.environ, **(env or {})})


def test_build_refuses_to_leave_out_a_document(folder: Path) -> None:
    target = folder / "Budget.xlsx"
    target.write_bytes(b"the workbook from before")
    run = budgetbook("build", *map(str, documents(folder)), "-o", str(target))
    assert run.returncode == 2, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 3 and all(line.startswith("budgetbook: ") for line in lines), lines
    assert "tom.pdf" in lines[0] and "forkert.pdf" in lines[1]
    assert "2 of 7 documents could not be read" in lines[2] and "--skip-bad" in lines[2]
    assert "Traceback" not in run.stderr
    assert target.read_bytes() == b"the workbook from before"


def test_build_without_the_bad_documents_says_so(folder: Path) -> None:
    target = folder / "Budget.xlsx"
    run = budgetbook("build", *map(str, documents(folder)), "-o", str(target), "--skip-bad", "--jobs", "2")
    assert run.returncode == 0, run.stderr
    assert "left out: " in run.stdout and "tom.pdf" in run.stdout and "forkert.pdf" in run.stdout
    notes = [row[0] for row in load_workbook(target)["Kilder"].iter_rows(values_only=True) if row[0]]
    assert any("Ikke indlæst" in str(note) and "forkert.pdf" in str(note) for note in notes)
    assert any("same document" in str(note) and "kopi af listen.txt" in str(note) for note in notes)


def test_extract_reads_several_files(folder: Path) -> None:
    run = budgetbook("extract", str(folder / LIST.name), str(folder / "forkert.pdf"), str(folder / MINUTES.name))
    assert run.returncode == 2
    data = json.loads(run.stdout)
    assert [d["kind"] for d in data] == ["reduction_list", "minutes"]
    assert "forkert.pdf" in run.stderr and "1 of 3 documents could not be read" in run.stderr
    out = folder / "json"
    run = budgetbook("extract", str(folder / LIST.name), str(folder / MINUTES.name), "-o", str(out), "-j", "2")
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted([f"{LIST.name}.json", f"{MINUTES.name}.json"])
    single = budgetbook("extract", str(folder / LIST.name))
    assert json.loads(single.stdout)["kind"] == "reduction_list"


def test_jobs_must_be_a_positive_number(folder: Path) -> None:
    run = budgetbook("build", str(folder / LIST.name), "--jobs", "0")
    assert run.returncode == 2 and "1 or more" in run.stderr


def test_the_cli_shows_progress_bars(folder: Path) -> None:
    run = budgetbook("build", str(folder / LIST.name), str(folder / FORMS.name), "-o", str(folder / "B.xlsx"),
                     env={"BUDGETBOOK_PROGRESS": "1"})
    assert run.returncode == 0, run.stderr
    for label in ("Reading documents", "Laying out the workbook", "Computing every formula", "Writing the workbook"):
        assert label in run.stderr
    quiet = budgetbook("build", str(folder / LIST.name), "-o", str(folder / "C.xlsx"))
    assert quiet.stderr == ""  # not a terminal: no bars in logs and pipes
