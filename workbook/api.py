"""The library calls behind the CLI and the ribbon: build a workbook, validate it and record the findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import importers
from budgetbook.files import FileLock, ensure_writable
from budgetbook.findings import Finding
from budgetbook.model import ImportResult
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

    def describe(self) -> str:
        lines = [f"{r.source.path}: {r.kind}, {len(r.records)} records, {len(r.warnings)} warnings"
                 for r in self.results]
        lines.append(f"{self.output}: {len(self.sheets)} sheets, {self.checks} checks against the sources")
        return "\n".join(lines)


def read_sources(paths: Sequence[Path], profile: Path | None = None) -> list[ImportResult]:
    """Every document read before anything is written: one bad file stops the build with its name.

    `profile`: an import profile for every file; without it each file's folder's budgetbook.toml, if any."""
    return [importers.parse(path, profile=profile) for path in paths]


def build_workbook(paths: Sequence[Path], output: Path, profile: Path | None = None) -> BuildSummary:
    ensure_writable(output)  # a read-only or folder target is refused before any document is read
    results = read_sources(paths, profile)
    layout = build_layout(results)
    with FileLock(output, "budgetbook build") as lock:
        write_workbook(layout, output, lock=lock)
    return BuildSummary(output, tuple(results), tuple(s.name for s in layout.sheets), len(layout.checks))


def validate_and_record(path: Path, *, write_sheet: bool = True) -> list[Finding]:
    """Validate the workbook; write the findings to its Validering sheet (saved safely).

    The workbook stays locked from reading to saving, so a build that finishes meanwhile waits
    instead of being saved over with the old book.
    """
    if not write_sheet:
        return validate_workbook(path)
    with FileLock(path, "budgetbook validate") as lock:
        book = open_workbook(path)
        evaluated = EvaluatedBook(book)
        findings = validate_book(book, evaluated)
        put_findings_sheet(book, findings)  # text only: the formulas' values stay as evaluated
        save_with_values(book, path, values=evaluated.evaluate_all(), lock=lock)
    return findings
