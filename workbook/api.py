"""The library calls behind the CLI and the ribbon: build a workbook, validate it and record the findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from budgetbook.errors import WorkbookError
from budgetbook.files import FileLock, ensure_writable
from budgetbook.findings import Finding
from budgetbook.gc_thresholds import with_fewer_collections
from budgetbook.model import ImportResult
from budgetbook.progress import Progress, silent
from importers.batch import read_documents
from workbook.build import build_layout
from workbook.cached_values import save_with_values
from workbook.engine import EvaluatedBook
from workbook.findings_sheet import put_findings_sheet
from workbook.opening import open_workbook
from workbook.validate import validate_book, validate_workbook
from workbook.write_xlsx import write_workbook


@dataclass(frozen=True)
class BuildSummary:
    output: Path
    results: tuple[ImportResult, ...]
    sheets: tuple[str, ...]
    checks: int
    left_out: tuple[str, ...] = ()  # documents that could not be read, built without (--skip-bad)

    def describe(self) -> str:
        lines = [f"{r.source.path}: {r.kind}, {len(r.records)} records, {len(r.warnings)} warnings"
                 for r in self.results]
        lines.extend(f"left out: {failure}" for failure in self.left_out)
        lines.append(f"{self.output}: {len(self.sheets)} sheets, {self.checks} checks against the sources"
                     + (f", without {len(self.left_out)} documents that could not be read" if self.left_out else ""))
        return "\n".join(lines)


def read_sources(paths: Sequence[Path], profile: Path | None = None, *, jobs: int | None = None,
                 progress: Progress | None = None) -> list[ImportResult]:
    """Every document read before anything is written; a `DocumentsError` names every one that failed.

    `profile`: an import profile for every file; without it each file's folder's budgetbook.toml, if any."""
    return read_documents(paths, profile=profile, jobs=jobs, progress=progress).require_all()


@with_fewer_collections
def build_workbook(paths: Sequence[Path], output: Path, profile: Path | None = None, *, jobs: int | None = None,
                   skip_bad: bool = False, progress: Progress | None = None) -> BuildSummary:
    """Read every document (in `jobs` processes), lay out and write the workbook.

    A document that cannot be read stops the build before anything is written, with every such
    document named; with `skip_bad` the workbook is built without them, and its Kilder sheet says so.
    """
    ensure_writable(output)  # a read-only or folder target is refused before any document is read
    tell = progress or silent
    read = read_documents(paths, profile=profile, jobs=jobs, progress=progress)
    results = list(read.results) if skip_bad else read.require_all()
    left_out = tuple(f.describe() for f in read.failures)
    if not results:
        raise WorkbookError("None of the documents could be read, so there is nothing to build:\n"
                            + "\n".join(left_out))
    tell("layout", 0, 1)
    layout = build_layout(results, left_out=left_out)
    tell("layout", 1, 1)
    with FileLock(output, "budgetbook build") as lock:
        write_workbook(layout, output, lock=lock, progress=progress)
    return BuildSummary(output, tuple(results), tuple(s.name for s in layout.sheets), len(layout.checks), left_out)


@with_fewer_collections
def validate_and_record(path: Path, *, write_sheet: bool = True, progress: Progress | None = None) -> list[Finding]:
    """Validate the workbook; write the findings to its Validering sheet (saved safely).

    The workbook stays locked from reading to saving, so a build that finishes meanwhile waits
    instead of being saved over with the old book.
    """
    if not write_sheet:
        return validate_workbook(path)
    tell = progress or silent
    with FileLock(path, "budgetbook validate") as lock:
        tell("validating", 0, 3)
        book = open_workbook(path)
        tell("validating", 1, 3)
        evaluated = EvaluatedBook(book)
        values = evaluated.evaluate_all(progress)
        findings = validate_book(book, evaluated)
        tell("validating", 2, 3)
        put_findings_sheet(book, findings)  # text only: the formulas' values stay as evaluated
        save_with_values(book, path, values=values, lock=lock)
        tell("validating", 3, 3)
    return findings
