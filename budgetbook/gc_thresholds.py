"""Fewer runs of Python's cycle collector while a build or a validation makes millions of objects.

The collector runs after every 700 new container objects, and from time to time walks every object
alive. A 10.000-line build makes about two million (records, layout cells and their keys, values),
none of them garbage until the end; the collector took an eighth of the build's processor time, and
more as the book grows: at 50.000 lines the layout took twice as long with it (`make bench`).
`fewer_collections` raises the thresholds while the work runs, so the collector still frees cycles,
a hundred times less often, and then restores the process's own. Nested and concurrent uses (the
server's threads) share one raise; the last to finish restores.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

WORK_THRESHOLDS = (100_000, 50, 100)  # new objects before a young collection; young ones per older one

_lock = threading.Lock()
_users = 0
_saved: tuple[int, int, int] | None = None

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def fewer_collections() -> Iterator[None]:
    global _users, _saved
    with _lock:
        if _users == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(*WORK_THRESHOLDS)
        _users += 1
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None


def with_fewer_collections(work: Callable[P, R]) -> Callable[P, R]:
    """`work` run inside `fewer_collections()`."""

    @functools.wraps(work)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with fewer_collections():
            return work(*args, **kwargs)

    return run
