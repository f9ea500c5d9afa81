"""Dry run: the exact message bytes written as `<udvalg>.eml` files instead of being sent."""

from __future__ import annotations

import os
from pathlib import Path

from budgetbook.sending.messages import OutgoingMail

DEFAULT_OUTBOX = Path("out") / "outbox"


def write_to_outbox(mail: OutgoingMail, outbox: Path) -> Path:
    """Write one mail; replaces an older .eml of the same committee whole (temp file + rename)."""
    outbox.mkdir(parents=True, exist_ok=True)
    target = outbox / f"{mail.udvalg}.eml"
    temporary = target.with_name(target.name + ".tmp")
    temporary.write_bytes(mail.data)
    os.replace(temporary, target)
    return target
