"""Dry run: the exact message bytes written as `.eml` files instead of being sent.

The files are named like the packs (`budgetbook.file_names`): "ØU" -> `ØU.eml`, "USS/E" -> `USS-E.eml`,
and a short name such as "../../x" stays inside the outbox.
"""

from __future__ import annotations

from pathlib import Path

from budgetbook.files import save_bytes
from budgetbook.sending.messages import OutgoingMail

DEFAULT_OUTBOX = Path("out") / "outbox"


def write_to_outbox(mail: OutgoingMail, outbox: Path, name: str) -> Path:
    """Write one mail as `outbox/name`; replaces an older file of that name whole (`save_bytes`)."""
    if Path(name).name != name or name in ("", ".", ".."):
        raise ValueError(f"not a plain file name: {name!r}")
    return save_bytes(outbox / name, mail.data)
