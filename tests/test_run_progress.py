"""The server's store of script runs' progress: per user and run, while running and after, forgotten in time."""

from __future__ import annotations

import pytest

from budgetbook.errors import ConfigError
from xlpy import run_progress
from xlpy.run_progress import RunProgress, owner

RUN = "5b0e1f2a-0000-4000-8000-000000000001"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_run_shows_its_steps_while_running_and_is_finished_after():
    runs = RunProgress()
    with runs.tracking("anne", RUN, "Opdater") as tell:
        assert runs.state("anne", RUN) == {"run": RUN, "script": "Opdater", "finished": False, "current": None,
                                           "steps": []}
        tell("reading", 1, 4)
        tell("reading", 2, 4)
        tell("layout", 0, 1)
        during = runs.state("anne", RUN)
    assert during["current"] == "layout" and not during["finished"]
    assert during["steps"] == [
        {"step": "reading", "name": "Læser dokumenter", "done": 2, "total": 4, "text": "Læser dokumenter 2 af 4"},
        {"step": "layout", "name": "Opbygger arkene", "done": 0, "total": 1, "text": "Opbygger arkene …"}]
    assert runs.state("anne", RUN)["finished"] is True
    assert runs.state("bo", RUN) is None  # another user's run is not there for him


def test_a_failing_run_is_finished_too():
    runs = RunProgress()
    with pytest.raises(ValueError), runs.tracking("anne", RUN, "Valider") as tell:
        tell("validating", 1, 3)
        raise ValueError("boom")
    assert runs.state("anne", RUN)["finished"] is True


def test_without_a_run_id_nothing_is_kept_and_a_bad_one_is_refused():
    runs = RunProgress()
    with runs.tracking("anne", "", "Opdater") as tell:
        tell("reading", 1, 1)
    assert runs._runs == {}
    for bad in ("kort", "../../etc/passwd", "x" * 65, "a b c d e f"):
        with pytest.raises(ConfigError), runs.tracking("anne", bad, "Opdater"):
            pass


def test_old_runs_are_forgotten_and_the_store_has_a_ceiling(monkeypatch: pytest.MonkeyPatch):
    clock = Clock()
    runs = RunProgress(clock)
    with runs.tracking("anne", RUN, "Opdater"):
        pass
    clock.now = run_progress.KEEP_SECONDS - 1
    assert runs.state("anne", RUN) is not None
    clock.now = run_progress.KEEP_SECONDS + 1
    assert runs.state("anne", RUN) is None
    monkeypatch.setattr(run_progress, "MAX_RUNS", 3)
    for n in range(5):
        with runs.tracking("anne", f"run-{n:04d}", "Valider"):
            pass
    assert [runs.state("anne", f"run-{n:04d}") is not None for n in range(5)] == [False, False, True, True, True]


def test_owner_is_the_users_id_else_name():
    class User:
        id, name = "anne-id", "Anne"

    assert owner(User()) == "anne-id"
    User.id = ""
    assert owner(User()) == "Anne"
