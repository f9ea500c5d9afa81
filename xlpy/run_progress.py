"""The progress of the scripts running on xlwings Server, per run, for the task pane to poll.

The add-in names each run with an id of its own (a UUID) and sends it as the script's last
argument; the script records its library progress under (user, run id) while it runs in the
thread pool, and `GET /budget/progress?run=ID` answers what this user's run has got to:

    {"run": "...", "script": "Opdater", "finished": false, "current": "reading",
     "steps": [{"step": "reading", "name": "Læser dokumenter", "done": 3, "total": 10,
                "text": "Læser dokumenter 3 af 10"}]}

Another user's run is not found (404), as is a run never started or long forgotten: the
server keeps the last `MAX_RUNS` runs, none longer than `KEEP_SECONDS` after it was last told.
xlwings Server itself has no progress for scripts (its Socket.IO channel serves streaming
functions only, and budgetbook's server turns it off), hence this small store.
"""

from __future__ import annotations

import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from budgetbook.errors import ConfigError
from budgetbook.progress import Progress, danish_name, danish_text, silent

RUN_ID = re.compile(r"[A-Za-z0-9-]{8,64}")
MAX_RUNS = 500
KEEP_SECONDS = 3600.0


@dataclass
class StepState:
    step: str
    name: str
    done: int
    total: int
    text: str  # as the status bar says it (budgetbook.progress.danish_text)


@dataclass
class RunState:
    script: str
    steps: dict[str, StepState] = field(default_factory=dict)
    current: str | None = None
    finished: bool = False
    touched: float = 0.0

    def as_json(self, run: str) -> dict[str, object]:
        return {"run": run, "script": self.script, "finished": self.finished, "current": self.current,
                "steps": [vars(state).copy() for state in self.steps.values()]}


def owner(user: object) -> str:
    """Whose runs: the authenticated user's id (xlwings Server's `User`), else the name."""
    return str(getattr(user, "id", "") or getattr(user, "name", "") or "")


def check_run_id(run: str) -> str:
    if not RUN_ID.fullmatch(run):
        raise ConfigError("Kørslens id skal være 8-64 bogstaver, tal og bindestreger (en UUID)")
    return run


class RunProgress:
    """What each user's runs have got to; safe to tell from worker threads and read from the event loop."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._runs: OrderedDict[tuple[str, str], RunState] = OrderedDict()
        self._lock = threading.Lock()

    @contextmanager
    def tracking(self, user: str, run: str, script: str) -> Iterator[Progress]:
        """The progress callable of one run (silent without a run id); the run is finished when the block ends."""
        if not run:
            yield silent
            return
        key = (user, check_run_id(run))
        with self._lock:
            self._forget_old()
            while len(self._runs) >= MAX_RUNS:  # the oldest run started goes first
                self._runs.popitem(last=False)
            self._runs[key] = RunState(script, touched=self._clock())
            self._runs.move_to_end(key)

        def tell(step: str, done: int, total: int) -> None:
            with self._lock:
                state = self._runs.get(key)
                if state is None:
                    return
                state.steps[step] = StepState(step, danish_name(step), done, total, danish_text(step, done, total))
                state.current = step
                state.touched = self._clock()

        try:
            yield tell
        finally:
            with self._lock:
                state = self._runs.get(key)
                if state is not None:
                    state.finished = True
                    state.touched = self._clock()

    def state(self, user: str, run: str) -> dict[str, object] | None:
        with self._lock:
            self._forget_old()
            state = self._runs.get((user, run))
            return None if state is None else state.as_json(run)

    def _forget_old(self) -> None:
        now = self._clock()
        for key in [k for k, s in self._runs.items() if now - s.touched > KEEP_SECONDS]:
            del self._runs[key]
