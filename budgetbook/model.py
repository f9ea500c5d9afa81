"""The typed model every importer produces and the workbook consumes.

One result type (`ImportResult`) for every document kind; the records inside are
frozen dataclasses of the kind, one module per kind in `budgetbook.records`
(`ReductionLine`, ...). Every record carries the
`Provenance` of the text it was read from, stamped by the reader and never recomputed.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

Number = int | float
YearAmounts = Mapping[str, Number]


@dataclass(frozen=True)
class Provenance:
    """Where a value came from: file name, 1-based page and line (or sheet and row for XLSX)."""

    file: str
    page: int | None = None
    line: int | None = None
    sheet: str | None = None

    def describe(self) -> str:
        parts = [self.file]
        if self.sheet is not None:
            parts.append(f"sheet {self.sheet}")
        elif self.page is not None:
            parts.append(f"page {self.page}")
        if self.line is not None:
            parts.append(f"{'row' if self.sheet is not None else 'line'} {self.line}")
        return ", ".join(parts)

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"file": self.file, "page": self.page, "line": self.line}
        if self.sheet is not None:
            data["sheet"] = self.sheet
        return data


@dataclass(frozen=True)
class SourceFile:
    """A document as a whole: its name, checksum and when it was read."""

    path: str
    sha256: str
    imported_at: str

    @classmethod
    def of(cls, path: Path) -> SourceFile:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        now = datetime.now(timezone.utc).replace(microsecond=0).isoformat()
        return cls(path=path.name, sha256=digest, imported_at=now)


@dataclass(frozen=True)
class ReadWarning:
    """Something an importer noticed but could work around; shown, never silent."""

    message: str
    provenance: Provenance

    def to_json(self) -> dict[str, object]:
        return {"message": self.message, "provenance": self.provenance.to_json()}


@dataclass(frozen=True)
class Coverage:
    """How much of a document became part of the result: its text lines, those used, and where the rest stand."""

    lines: int
    used: int
    unused: tuple[Provenance, ...] = ()

    @property
    def share(self) -> float:
        """The share of the lines used, 0 to 1 (1 for a document without text lines)."""
        return self.used / self.lines if self.lines else 1.0

    def to_json(self) -> dict[str, object]:
        return {"lines": self.lines, "used": self.used}


@dataclass(frozen=True)
class ImportResult:
    """What one importer read from one file.

    `running_heads` are the texts printed on every page (a municipality, a title), taken out of
    the body before the importer read it; `coverage` says how many of the body's lines became
    part of the result; `notes` what the importer decided on the way (shown by `extract --explain`).
    """

    kind: str
    source: SourceFile
    records: tuple[object, ...]
    warnings: tuple[ReadWarning, ...] = ()
    stated_totals: object | None = None
    document: object | None = None
    running_heads: tuple[str, ...] = ()
    coverage: Coverage | None = None
    notes: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {
            "kind": self.kind,
            "source": dataclasses.asdict(self.source),
        }
        if self.running_heads:
            data["running_heads"] = list(self.running_heads)
        if self.document is not None:
            data.update(to_jsonable(self.document))
        data["records"] = [to_jsonable(r) for r in self.records]
        if self.stated_totals is not None:
            data["stated_totals"] = self.stated_totals.to_json()
        if self.coverage is not None:
            data["coverage"] = self.coverage.to_json()
        data["warnings"] = [w.to_json() for w in self.warnings]
        return data


def to_jsonable(value: object) -> object:
    """Turn model objects into plain JSON data; dataclasses by field, mappings as dicts."""
    if hasattr(value, "to_json"):
        return value.to_json()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    return value
