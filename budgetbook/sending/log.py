"""The send log: `send-log.jsonl` in the packs folder, append-only, one JSON object a line.

Per mail two lines: an `attempt` written and fsync'ed BEFORE the DATA command (which pack, its
sha256, the accepted and refused recipients, the Message-ID), and a `result` after it
(`delivered`, `failed` or `uncertain`, with the server's reply). An attempt without result means
the program died while sending: the mail may have gone out, so it is never re-sent on its own.

Each line is written with one `write` on a file opened for appending and fsync'ed, so a crash can at
worst leave a torn LAST line; earlier lines are never rewritten. A torn line is skipped on reading
(a torn attempt was never followed by DATA; a torn result leaves its attempt uncertain); the next
append closes it and writes a `torn-line-above` marker, so it stays recognisable as torn.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.files import fsync_folder

LOG_NAME = "send-log.jsonl"

DELIVERED, FAILED, UNCERTAIN = "delivered", "failed", "uncertain"
TORN = "torn-line-above"  # written after a line a crash cut off, so readers know to skip that one


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


@dataclass(frozen=True)
class Attempt:
    """Written before DATA: this mail, to these accepted recipients, is about to be sent."""

    id: str
    udvalg: str
    file: str
    sha256: str
    recipients: tuple[str, ...]
    refused: dict[str, str]
    message_id: str
    forced: bool
    at: str

    def to_json(self) -> dict[str, object]:
        return {"event": "attempt", "id": self.id, "udvalg": self.udvalg, "file": self.file,
                "sha256": self.sha256, "recipients": list(self.recipients), "refused": self.refused,
                "message_id": self.message_id, "forced": self.forced, "at": self.at}


@dataclass(frozen=True)
class Result:
    """Written after DATA (or instead of it, when every recipient was refused)."""

    id: str
    status: str
    reply: str
    at: str

    def to_json(self) -> dict[str, object]:
        return {"event": "result", "id": self.id, "status": self.status, "reply": self.reply, "at": self.at}


@dataclass(frozen=True)
class PackHistory:
    """What the log says about one pack version (committee + checksum)."""

    delivered: frozenset[str] = frozenset()
    uncertain: frozenset[str] = frozenset()
    refused: dict[str, str] = field(default_factory=dict)


def new_attempt_id() -> str:
    return uuid.uuid4().hex


def read_log(path: Path) -> tuple[tuple[Attempt | Result, ...], str | None]:
    """All entries, and a note if a line torn by a crash was skipped.

    A torn line is skipped only where a crash can leave one: at the very end, or just before the
    `torn` marker that the next run writes after it. Any other unreadable line is an error.
    """
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return (), None
    lines = raw.split(b"\n")
    note = None
    entries: list[Attempt | Result] = []
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            if data.get("event") == TORN:
                continue
            entries.append(_json_to_entry(data))
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            at_end = index == len(lines) - 1
            before_marker = index + 1 < len(lines) and _is_torn_marker(lines[index + 1])
            if at_end or before_marker:
                note = f"{path.name}, line {index + 1}: cut off by a crash while writing; ignored"
                continue
            raise SourceError(f"Unreadable send log entry ({error})", f"{path}, line {index + 1}",
                              "The log is append-only and should never be edited; restore it from backup "
                              "or move it away to start a new log (everything will then be sent again).") from None
    return tuple(entries), note


def _is_torn_marker(line: bytes) -> bool:
    try:
        return json.loads(line).get("event") == TORN
    except (ValueError, AttributeError):
        return False


def history_of(entries: Iterable[Attempt | Result], udvalg: str, sha256: str) -> PackHistory:
    results = {e.id: e for e in entries if isinstance(e, Result)}
    delivered: set[str] = set()
    uncertain: set[str] = set()
    refused: dict[str, str] = {}
    for entry in entries:
        if not isinstance(entry, Attempt) or entry.udvalg != udvalg or entry.sha256 != sha256:
            continue
        result = results.get(entry.id)
        if result is None or result.status == UNCERTAIN:
            uncertain.update(entry.recipients)
        elif result.status == DELIVERED:
            delivered.update(entry.recipients)
        refused.update(entry.refused)
    for address in delivered:
        refused.pop(address, None)
    return PackHistory(frozenset(delivered), frozenset(uncertain - delivered), refused)


class SendLog:
    """Appends entries durably; open it once per run."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def append(self, entry: Attempt | Result) -> None:
        line = json.dumps(entry.to_json(), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"
        created = not self.path.exists()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
        try:
            if not created and _ends_torn(self.path):  # close the torn line and mark it as such
                marker = json.dumps({"event": TORN, "at": now_iso()}).encode("utf-8")
                line = b"\n" + marker + b"\n" + line
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
        if created:
            fsync_folder(self.path.parent)


def _ends_torn(path: Path) -> bool:
    with path.open("rb") as handle:
        handle.seek(0, os.SEEK_END)
        if handle.tell() == 0:
            return False
        handle.seek(-1, os.SEEK_END)
        return handle.read(1) != b"\n"


def _json_to_entry(data: dict[str, object]) -> Attempt | Result:
    if data["event"] == "attempt":
        return Attempt(str(data["id"]), str(data["udvalg"]), str(data["file"]), str(data["sha256"]),
                       tuple(data["recipients"]), dict(data.get("refused") or {}), str(data["message_id"]),
                       bool(data.get("forced", False)), str(data["at"]))
    if data["event"] == "result":
        return Result(str(data["id"]), str(data["status"]), str(data.get("reply", "")), str(data["at"]))
    raise ValueError(f"unknown event {data['event']!r}")
