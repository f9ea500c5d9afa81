"""The season's documents a workbook's users uploaded to the server, and what its last validation found.

    store = DocumentStore(settings.data_root)
    entry = store.add(workbook, "lejre-2023.pdf", data, user="Anne Hansen")   # stored and imported at once
    store.documents(workbook); store.remove(workbook, "lejre-2023.pdf"); store.paths(workbook)

Each workbook (named by the id its task pane minted, `confinement.workbook_id`) has a folder
under the data root holding its files, and one SQLite database (`budgetbook.sqlite`) records
per document what was uploaded, by whom, when, its SHA-256, and what the importer read: kind,
records, warnings, or the error. A file name from a request is reduced to a plain name; the
path is always built by the server inside the data root.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import importers
from budgetbook.errors import BudgetbookError, ConfigError
from budgetbook.files import save_bytes
from budgetbook.findings import Finding
from budgetbook.model import Provenance
from importers.readers import SUFFIXES
from xlpy.confinement import inside

DATABASE = "budgetbook.sqlite"
DANISH_ZONE = "Europe/Copenhagen"
KIND_LABELS = {
    "reduction_list": "Reduktionsliste (udmøntning af reduktion)",
    "proposal_forms": "Reduktionsforslag",
    "budget_remarks": "Budgetbemærkninger",
    "minutes": "Referat",
    "initiative_catalogue": "Initiativkatalog",
}
RECORD_WORDS = {  # (one, many) of what a kind's records are
    "reduction_list": ("reduktion", "reduktioner"),
    "proposal_forms": ("forslag", "forslag"),
    "budget_remarks": ("område", "områder"),
    "minutes": ("dagsordenspunkt", "dagsordenspunkter"),
    "initiative_catalogue": ("initiativ", "initiativer"),
}
SEVERITY_LABELS = {"error": "Fejl", "warning": "Advarsel", "info": "Bemærkning"}
_SCHEMA = """
create table if not exists documents (
    workbook text not null, name text not null, sha256 text not null, size integer not null,
    uploaded_by text not null, uploaded_at text not null, kind text, records integer not null default 0,
    warnings text not null default '[]', error text, primary key (workbook, name));
create table if not exists findings (
    workbook text not null, position integer not null, severity text not null, cell text not null,
    message text not null, source text not null, validated_at text not null, primary key (workbook, position));
"""


@dataclass(frozen=True)
class DocumentEntry:
    name: str
    sha256: str
    size: int
    uploaded_by: str
    uploaded_at: str
    kind: str | None
    records: int
    warnings: tuple[str, ...]
    error: str | None

    @property
    def kind_label(self) -> str:
        if self.kind is None:
            return "Ikke læst"
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def uploaded_when(self) -> str:
        return danish_time(self.uploaded_at)

    @property
    def records_label(self) -> str:
        one, many = RECORD_WORDS.get(self.kind or "", ("post", "poster"))
        return f"{self.records} {one if self.records == 1 else many}"


@dataclass(frozen=True)
class StoredFinding:
    severity: str
    cell: str
    message: str
    source: str
    validated_at: str

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS.get(self.severity, self.severity)

    @property
    def validated_when(self) -> str:
        return danish_time(self.validated_at)


class DocumentStore:
    def __init__(self, data_root: Path) -> None:
        self.root = data_root.resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.database = self.root / DATABASE
        with self._connect() as connection:
            connection.executescript(_SCHEMA)

    def folder(self, workbook: str) -> Path:
        return inside(self.root, workbook)

    def add(self, workbook: str, file_name: str, data: bytes, user: str, replaces: str | None = None) -> DocumentEntry:
        """Store the file under its plain name and import it; `replaces` names a document it takes the place of."""
        name = plain_name(file_name)
        folder = self.folder(workbook)
        folder.mkdir(parents=True, exist_ok=True)
        target = inside(folder, name)
        save_bytes(target, data)  # budgetbook.files: locked, fsynced, whole or not at all
        kind, records, warnings, error = import_summary(target)
        entry = DocumentEntry(name, hashlib.sha256(data).hexdigest(), len(data), user, _now(), kind, records,
                              warnings, error)
        with self._connect() as connection:
            connection.execute(
                "insert or replace into documents values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (workbook, name, entry.sha256, entry.size, user, entry.uploaded_at, kind, records,
                 json.dumps(list(warnings), ensure_ascii=False), error))
        if replaces and plain_name(replaces) != name:
            self.remove(workbook, replaces)
        return entry

    def remove(self, workbook: str, file_name: str) -> bool:
        name = plain_name(file_name)
        with self._connect() as connection:
            gone = connection.execute("delete from documents where workbook = ? and name = ?",
                                      (workbook, name)).rowcount
        inside(self.folder(workbook), name).unlink(missing_ok=True)
        return bool(gone)

    def documents(self, workbook: str) -> list[DocumentEntry]:
        with self._connect() as connection:
            rows = connection.execute(
                "select name, sha256, size, uploaded_by, uploaded_at, kind, records, warnings, error "
                "from documents where workbook = ? order by name", (workbook,)).fetchall()
        return [DocumentEntry(*row[:7], tuple(json.loads(row[7])), row[8]) for row in rows]

    def paths(self, workbook: str) -> tuple[list[Path], list[DocumentEntry]]:
        """The stored files that imported, in name order, and the documents left out because they did not."""
        entries = self.documents(workbook)
        good = [inside(self.folder(workbook), e.name) for e in entries if e.error is None]
        return good, [e for e in entries if e.error is not None]

    def record_findings(self, workbook: str, findings: list[Finding]) -> None:
        when = _now()
        with self._connect() as connection:
            connection.execute("delete from findings where workbook = ?", (workbook,))
            connection.executemany(
                "insert into findings values (?, ?, ?, ?, ?, ?, ?)",
                [(workbook, i, f.severity.value, f.cell, f.message, where_da(f.source), when)
                 for i, f in enumerate(findings)])

    def findings(self, workbook: str) -> list[StoredFinding]:
        with self._connect() as connection:
            rows = connection.execute("select severity, cell, message, source, validated_at from findings "
                                      "where workbook = ? order by position", (workbook,)).fetchall()
        return [StoredFinding(*row) for row in rows]

    def _connect(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.database, timeout=30)
        connection.execute("pragma journal_mode=wal")
        return connection


def plain_name(file_name: str) -> str:
    """The last part of an uploaded file's name, without control characters; refused unless a document's."""
    name = unicodedata.normalize("NFC", re.split(r"[\\/]", str(file_name))[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    if not name or len(name) > 200 or not name.lower().endswith(SUFFIXES):
        raise ConfigError(f"'{file_name}' er ikke et dokument budgetbook læser: upload PDF, Word (.docx), "
                          "Excel (.xlsx, .xlsm), OpenDocument (.odt, .ods), CSV eller tekst (.txt)")
    return name


def import_summary(path: Path) -> tuple[str | None, int, tuple[str, ...], str | None]:
    """(kind, records, warnings, error) of what `importers.parse` reads from the file."""
    try:
        result = importers.parse(path)
    except BudgetbookError as exc:
        return None, 0, (), str(exc)
    except (OSError, ValueError, MemoryError) as exc:  # a file the readers choke on is the file's fault
        return None, 0, (), f"Filen kunne ikke læses ({type(exc).__name__}): kontrollér at den åbner i Office"
    warnings = tuple(f"{w.message} ({where_da(w.provenance)})" for w in result.warnings)
    return result.kind, len(result.records), warnings, None


def where_da(source: Provenance | None) -> str:
    """'lejre-2023.pdf, side 2, linje 31': a source line in the pane's words."""
    if source is None:
        return ""
    in_sheet = source.sheet is not None
    places = (("ark", source.sheet) if in_sheet else ("side", source.page),
              ("række" if in_sheet else "linje", source.line))
    return ", ".join([source.file] + [f"{word} {value}" for word, value in places if value is not None])


def danish_time(iso: str) -> str:
    """'29.11.2026 kl. 20.02': a stored moment as Danish users read it, in Danish time."""
    try:
        moment = datetime.fromisoformat(iso).astimezone(ZoneInfo(DANISH_ZONE))
    except (ValueError, ZoneInfoNotFoundError):
        return iso
    return moment.strftime("%d.%m.%Y kl. %H.%M")


def _now() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
