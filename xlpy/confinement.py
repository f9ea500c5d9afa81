"""Paths the server may use: every one resolved (`..`, `~`, symlinks) and kept inside a configured root."""

from __future__ import annotations

import re
from pathlib import Path

from budgetbook.errors import ConfigError

# A workbook's document set is named by an id the task pane mints (a UUID), never by a path.
_WORKBOOK_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9-]{7,63}$")


class OutsideRootError(ConfigError, PermissionError):
    """A path that resolves outside the root the server was configured with."""


def inside(root: Path, relative: str | Path) -> Path:
    """`root / relative` resolved; refused unless it stays inside `root` (whether or not it exists)."""
    base = root.resolve()
    text = str(relative)
    if text.startswith("~") or Path(text).is_absolute():
        raise OutsideRootError(f"'{text}' is not a folder under the server's configured folder: "
                               "give a name inside it, not a full path")
    target = (base / text).resolve()
    if target != base and base not in target.parents:
        raise OutsideRootError(f"'{text}' leads outside the server's configured folder: give a name inside it")
    return target


def workbook_id(value: object) -> str:
    """The document-set id of a workbook, checked to be an id and nothing that could name a path."""
    text = str(value or "").strip()
    if not _WORKBOOK_ID.fullmatch(text):
        raise ConfigError("Projektmappen har intet gyldigt dokumentsæt-id: åbn opgavepanelet Dokumenter, "
                          "så får den et (cellen Dokumentsæt på arket Indstillinger)")
    return text.lower()
