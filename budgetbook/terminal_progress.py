"""The CLI's progress bars (rich), one per step, on stderr while a command runs.

Shown when stderr is a terminal (or BUDGETBOOK_PROGRESS=1 says to), so pipes, logs and
scripts get only the command's own lines; the bars stay on screen when the command ends.

    with terminal_progress() as progress:
        build_workbook(paths, output, progress=progress)
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from budgetbook.progress import STEPS, Progress, silent


def wanted() -> bool:
    forced = os.environ.get("BUDGETBOOK_PROGRESS")
    return forced == "1" if forced in ("0", "1") else sys.stderr.isatty()


@contextmanager
def terminal_progress() -> Iterator[Progress]:
    if not wanted():
        yield silent
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress as Bars, TextColumn, TimeElapsedColumn

    bars = Bars(TextColumn("{task.description:<32}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=Console(stderr=True, force_terminal=True if os.environ.get("BUDGETBOOK_PROGRESS") else None))
    tasks: dict[str, object] = {}

    def update(step: str, done: int, total: int) -> None:
        task = tasks.get(step)
        if task is None:
            task = tasks[step] = bars.add_task(STEPS.get(step, step), total=total)
        bars.update(task, completed=done, total=total)  # type: ignore[arg-type]

    with bars:
        yield update
