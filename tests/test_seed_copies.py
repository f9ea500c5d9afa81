"""The seed texts committed among the samples are the seeds themselves (when ../shared is beside us)."""

from __future__ import annotations

import pytest

from samples.seeds import SEEDS
from tests.golden import SEED_COPIES


@pytest.mark.parametrize("name", sorted(SEED_COPIES))
def test_committed_copy_equals_the_seed(name: str) -> None:
    if not (SEEDS / name).exists():
        pytest.skip(f"{SEEDS} is not beside this checkout")
    assert SEED_COPIES[name].read_bytes() == (SEEDS / name).read_bytes()
