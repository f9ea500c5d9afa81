"""Dry run: the exact message bytes written as `.eml` files instead of being sent.

The files are named like the packs (`budgetbook.file_names`): "ØU" -> `ØU.eml`, "USS/E" -> `USS-E.eml`,
and a short name such as "../../x" stays inside the outbox.
"""

from __future__ import annotations

import os
from pathlib import Path

from budgetbook.sending.messages import OutgoingMail

DEFAULT_OUTBOX = Path("out") / "outbox"


def write_to_outbox(mail: OutgoingMail, outbox: Path, name: str) -> Path:
    """Write one mail as `outbox/name`; replaces an older file of that name whole (temp file + rename)."""
    if Path(name).name != name or name in ("", ".", ".."):
        raise ValueError(f"not a plain file name: {name!r}")
    outbox.mkdir(parents=True, exist_ok=True)
    target = outbox / name
    temporary = target.with_name(f".{name}.tmp")
    try:
        temporary.write_bytes(mail.data)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return target
