"""Many documents at once: each distinct file read once, in a process pool on all cores, every failure kept.

    report = read_documents(paths, jobs=None)   # None: every core
    results = report.require_all()              # DocumentsError listing every file that failed

Files are compared by checksum before anything is read: a document given twice (under
another name too) is read once, and its copy is returned as a result naming its own file,
so the workbook can say it was the same document. A file that cannot be read does not stop
the others; its failure is kept, with the one-line message of the error, and the caller
decides: `build` refuses to write a workbook without it (unless told to skip it), `extract`
writes what it could and lists the rest.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path

from budgetbook.errors import BudgetbookError, DocumentsError
from budgetbook.files import FileError, ensure_readable
from budgetbook.model import ImportResult
from budgetbook.progress import Progress, silent

READ_CHUNK = 1 << 20
# Loaded once in the pool's server process, so each worker starts with the readers imported.
PRELOAD = ["importers", "importers.readers.pdf", "importers.readers.docx", "importers.readers.xlsx", "pdfplumber",
           "docx", "openpyxl"]


@dataclass(frozen=True)
class Failure:
    """A document that could not be read, and why (the error's one line, naming file, page and line)."""

    path: Path
    message: str

    def describe(self) -> str:
        return self.message if self.path.name in self.message else f"{self.path.name}: {self.message}"


@dataclass(frozen=True)
class ReadReport:
    results: tuple[ImportResult, ...]  # in the order the paths were given, without the failed ones
    failures: tuple[Failure, ...]

    def require_all(self) -> list[ImportResult]:
        """Every result, or a `DocumentsError` naming every document that failed."""
        if self.failures:
            raise DocumentsError([f.describe() for f in self.failures], len(self.results) + len(self.failures))
        return list(self.results)


def read_documents(paths: Sequence[Path], *, kind: str | None = None, profile: Path | None = None,
                   jobs: int | None = None, progress: Progress | None = None) -> ReadReport:
    """Read every document; `jobs` processes at most (None: one per core; 1: in this process).

    `kind` and `profile` as `importers.parse` takes them, for every document."""
    tell = progress or silent
    paths = [Path(p) for p in paths]
    first_of: dict[str, Path] = {}  # checksum -> the first path with it
    checksums: dict[Path, str] = {}
    failures: dict[Path, str] = {}
    for path in paths:
        try:
            ensure_readable(path)  # a folder, a file not ours to read: said as for one document
            checksums[path] = checksum(path)
        except FileError as exc:
            failures[path] = str(exc)
            continue
        except FileNotFoundError:
            checksums[path] = f"missing {path}"  # the reader says what it expected
        except OSError as exc:
            failures[path] = f"Cannot read {path.name} ({exc.strerror or exc}). Check the path."
            continue
        first_of.setdefault(checksums[path], path)
    distinct = list(dict.fromkeys(first_of.values()))
    read: dict[Path, ImportResult] = {}
    tell("reading", 0, len(distinct))
    for done, (path, result, error) in enumerate(_read_all(distinct, kind, profile, jobs), start=1):
        if error is None:
            read[path] = result  # type: ignore[assignment]
        else:
            failures[path] = error
        tell("reading", done, len(distinct))
    results = []
    for path in paths:
        if path in failures or path not in checksums:
            continue
        original = first_of[checksums[path]]
        if original in failures:
            failures[path] = failures[original]
            continue
        result = read[original]
        if path != original:  # the same document again: its own name, the first one's reading
            result = dataclasses.replace(result, source=dataclasses.replace(result.source, path=path.name))
        results.append(result)
    return ReadReport(tuple(results), tuple(Failure(p, failures[p]) for p in paths if p in failures))


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(READ_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _read_all(paths: list[Path], kind: str | None, profile: Path | None,  # noqa: ANN202  (a generator of triples)
              jobs: int | None):
    workers = min(jobs or default_jobs(), len(paths))
    # The pool's processes come from a fork server started clean, never forked from this process (whose
    # threads, a progress display's for one, could hold a lock at the moment of the fork). Where there is
    # no fork server (Windows, the desktop add-in), the documents are read here, one after the other.
    if workers <= 1 or "forkserver" not in multiprocessing.get_all_start_methods():
        for path in paths:
            yield read_one(path, kind, profile)
        return
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = [pool.submit(read_one, path, kind, profile) for path in paths]
        for future in as_completed(futures):
            yield future.result()


def read_one(path: Path, kind: str | None, profile: Path | None = None) -> tuple[Path, ImportResult | None, str | None]:
    """(path, result, None) or (path, None, the error's message): an error never leaves the worker."""
    import importers

    try:
        return path, importers.parse(path, kind=kind, profile=profile), None
    except BudgetbookError as exc:
        return path, None, str(exc)
    except Exception as exc:  # noqa: BLE001  (a bug must not hide the other documents' failures)
        return path, None, (f"budgetbook could not read it ({type(exc).__name__}: {exc}). This is a bug: "
                            "please report it with the file")
