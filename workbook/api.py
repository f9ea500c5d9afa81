"""The library calls behind the CLI and the ribbon: build a workbook, validate it and record the findings."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from budgetbook.committee_identity import CommitteeNames, declared
from budgetbook.errors import WorkbookError
from budgetbook.files import FileLock, ensure_writable
from budgetbook.findings import Finding
from budgetbook.gc_thresholds import with_fewer_collections
from budgetbook.model import ImportResult
from budgetbook.progress import Progress, silent
from budgetbook.sending.committees import read_declared_committees
from importers.profile import profile_beside, read_profile
from importers.batch import read_documents
from workbook.build import build_layout
from workbook.engine import EvaluatedBook
from workbook.kontrol import CHECKS
from workbook.refresh import foreign_sheets, rebuild_layout
from workbook.validate import validate_book
from workbook.validation_file import Recorded, record_validation
from workbook.write_xlsx import write_workbook
from workbook.xlsx_view import read_view

ADDRESS_BOOK = "committees.toml"  # the address book, whose [[committee]] tables build reads beside the documents


@dataclass(frozen=True)
class BuildSummary:
    output: Path
    results: tuple[ImportResult, ...]
    sheets: tuple[str, ...]
    checks: int
    left_out: tuple[str, ...] = ()  # documents that could not be read, built without (--skip-bad)
    kept: str | None = None  # what users had added to the workbook built over, and was kept
    notices: tuple[str, ...] = ()  # what the user should know, such as committees that may be one

    def describe(self) -> str:
        lines = [f"{r.source.path}: {r.kind}, {len(r.records)} records, {len(r.warnings)} warnings"
                 for r in self.results]
        lines.extend(f"left out: {failure}" for failure in self.left_out)
        lines.append(f"{self.output}: {len(self.sheets)} sheets, {self.checks} checks against the sources"
                     + (f", without {len(self.left_out)} documents that could not be read" if self.left_out else ""))
        if self.kept is not None:
            lines.append(f"{self.output.name} existed: kept what users added ({self.kept}); --fresh starts over")
        lines.extend(f"warning: {notice}" for notice in self.notices)
        return "\n".join(lines)


def read_sources(paths: Sequence[Path], profile: Path | None = None, *, jobs: int | None = None,
                 progress: Progress | None = None) -> list[ImportResult]:
    """Every document read before anything is written; a `DocumentsError` names every one that failed.

    `profile`: an import profile for every file; without it each file's folder's budgetbook.toml, if any."""
    return read_documents(paths, profile=profile, jobs=jobs, progress=progress).require_all()


def declared_committees(paths: Sequence[Path], committees: Path | None = None,
                        profile: Path | None = None) -> CommitteeNames:
    """The committees the user declared for these documents: in `committees` (an address book), else
    in a committees.toml beside the documents; and in the profile (`profile`, else budgetbook.toml
    beside the documents). Nothing declared is no error: names are then matched by spelling only."""
    one_per_folder = list({Path(p).resolve().parent: Path(p) for p in paths}.values())
    if committees is not None:
        found = list(read_declared_committees(Path(committees)))
    else:
        books = [p.resolve().parent / ADDRESS_BOOK for p in one_per_folder]
        found = [c for book in books if book.is_file() for c in read_declared_committees(book)]
    profiles = [read_profile(Path(profile))] if profile is not None else [profile_beside(p) for p in one_per_folder]
    found += [c for p in profiles for c in p.committees]
    return declared(found)


@with_fewer_collections
def build_workbook(paths: Sequence[Path], output: Path, profile: Path | None = None, *, jobs: int | None = None,
                   skip_bad: bool = False, fresh: bool = False, progress: Progress | None = None,
                   committees: Path | None = None) -> BuildSummary:
    """Read every document (in `jobs` processes), lay out and write the workbook.

    Committees are named as the user declared them (`declared_committees`: `committees`, else a
    committees.toml beside the documents, and the profile).

    A document that cannot be read stops the build before anything is written, with every such
    document named; with `skip_bad` the workbook is built without them, and its Kilder sheet says so.
    Onto an existing workbook, what users added to it is kept (`workbook.refresh`); `fresh` starts over.
    """
    output = Path(output)
    ensure_writable(output)  # a read-only or folder target is refused before any document is read
    names = declared_committees(paths, committees, profile)  # a bad declaration stops before any reading
    tell = progress or silent
    read = read_documents(paths, profile=profile, jobs=jobs, progress=progress)
    results = list(read.results) if skip_bad else read.require_all()
    left_out = tuple(f.describe() for f in read.failures)
    if not results:
        raise WorkbookError("None of the documents could be read, so there is nothing to build:\n"
                            + "\n".join(left_out))
    with FileLock(output, "budgetbook build") as lock:
        tell("layout", 0, 1)
        if fresh or not output.exists():
            layout, kept, carried = build_layout(results, left_out=left_out, committees=names), None, None
        else:
            grids = existing_grids(output)
            rebuilt = rebuild_layout(results, grids, left_out=left_out, committees=names)
            layout, kept = rebuilt.layout, rebuilt.describe()
            carried = (output, foreign_sheets(grids, layout))
        tell("layout", 1, 1)
        write_workbook(layout, output, lock=lock, progress=progress, carry=carried)
    sheets = tuple(s.name for s in layout.sheets) + tuple(carried[1] if carried else ())
    return BuildSummary(output, tuple(results), sheets, len(layout.checks), left_out, kept, tuple(layout.notices))


def existing_grids(path: Path) -> dict[str, list[list[object]]]:
    """The values of the workbook a build is about to replace; refused when budgetbook did not build it."""
    view = read_view(path)
    if CHECKS not in view.sheetnames:
        raise WorkbookError(f"{path.name} exists and was not built by budgetbook (it has no '{CHECKS}' sheet); "
                            "nothing was changed. Build into another file with -o, or replace it with --fresh")
    return {sheet.title: sheet.grid() for sheet in view.worksheets}


@dataclass(frozen=True)
class ValidationRun:
    findings: tuple[Finding, ...]
    recorded: Recorded | None  # what was written into the file, None with write_sheet=False


@with_fewer_collections
def validate_file(path: Path, *, write_sheet: bool = True, progress: Progress | None = None) -> ValidationRun:
    """Validate a saved workbook from whatever program; record the findings in its Validering sheet.

    The file is read once into a read-only view, every formula evaluated once (for the checks and
    for the cached results), and the Validering sheet written as one new part of the package.
    """
    path = Path(path)
    tell = progress or silent
    if not write_sheet:
        return ValidationRun(tuple(validate_book(read_view(path))), None)
    # locked from reading to writing: a build that finishes meanwhile waits instead of being written over
    with FileLock(path, "budgetbook validate") as lock:
        tell("validating", 0, 3)
        view = read_view(path)
        tell("validating", 1, 3)
        evaluated = EvaluatedBook(view)
        values = evaluated.evaluate_all(progress)
        findings = validate_book(view, evaluated)
        tell("validating", 2, 3)
        recorded = record_validation(path, view, findings, values, lock=lock)
        tell("validating", 3, 3)
    return ValidationRun(tuple(findings), recorded)


def validate_and_record(path: Path, *, write_sheet: bool = True, progress: Progress | None = None) -> list[Finding]:
    """The findings of `validate_file` (which also writes them to the Validering sheet)."""
    return list(validate_file(path, write_sheet=write_sheet, progress=progress).findings)
