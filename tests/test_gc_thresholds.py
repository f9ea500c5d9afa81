"""Build and validate raise the cycle collector's thresholds while they run, and give the process its own back."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from budgetbook.gc_thresholds import WORK_THRESHOLDS, fewer_collections, with_fewer_collections
from workbook.api import build_workbook

OWN = (700, 10, 10)


@pytest.fixture(autouse=True)
def own_thresholds() -> Iterator[None]:
    before = gc.get_threshold()
    gc.set_threshold(*OWN)
    yield
    gc.set_threshold(*before)


def test_raised_inside_restored_after_even_on_an_error() -> None:
    with pytest.raises(ValueError):
        with fewer_collections():
            assert gc.get_threshold() == WORK_THRESHOLDS
            raise ValueError("bad document")
    assert gc.get_threshold() == OWN


def test_nested_and_concurrent_uses_restore_once_the_last_is_done() -> None:
    inner_done, outer_may_finish = threading.Event(), threading.Event()

    def other() -> None:
        with fewer_collections():
            inner_done.set()
            outer_may_finish.wait(60)

    with fewer_collections():
        worker = threading.Thread(target=other)
        worker.start()
        inner_done.wait(60)
        with fewer_collections():
            assert gc.get_threshold() == WORK_THRESHOLDS
        assert gc.get_threshold() == WORK_THRESHOLDS  # the inner one did not restore early
    assert gc.get_threshold() == WORK_THRESHOLDS  # the thread still works
    outer_may_finish.set()
    worker.join(60)
    assert gc.get_threshold() == OWN


def test_a_build_runs_with_them_and_leaves_the_process_as_it_was(tmp_path: Path, monkeypatch) -> None:
    import workbook.api

    seen = []
    write = workbook.api.write_workbook

    def watching(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(gc.get_threshold())
        return write(*args, **kwargs)

    monkeypatch.setattr(workbook.api, "write_workbook", watching)
    source = tmp_path / "liste.txt"
    source.write_text("Nr.\tOverskrift\t2025 (1.000 kr.)\n1\tFærre vikarer\t-200\n", encoding="utf-8")
    build_workbook([source], tmp_path / "Budget.xlsx", jobs=1)
    assert seen == [WORK_THRESHOLDS]
    assert gc.get_threshold() == OWN


def test_the_wrapper_keeps_the_name_and_result() -> None:
    @with_fewer_collections
    def answer(x: int) -> tuple[int, tuple[int, int, int]]:
        return x, gc.get_threshold()

    assert answer.__name__ == "answer"
    assert answer(42) == (42, WORK_THRESHOLDS)
