"""Where the seed texts are: ../shared/seeds beside the checkout (override with BUDGETBOOK_SEEDS)."""

from __future__ import annotations

import os
from pathlib import Path

SEEDS = Path(os.environ.get("BUDGETBOOK_SEEDS", Path(__file__).resolve().parents[2] / "shared" / "seeds"))


def seed_text(name: str) -> str:
    return (SEEDS / name).read_text(encoding="utf-8")
