"""Progress in Excel's status bar while a ribbon button runs on the desktop: a thin adapter.

    with status_bar_progress(book.app) as progress:
        build_packs(source, out, progress=progress)

The status bar reads "Budget: Læser dokumenter 3 af 10" (a percentage for steps of more than
a hundred parts), written only when the text changes, and is handed back to Excel (`False`)
when the block ends, also on an error. xlwings' remote engine (xlwings Server) has no status
bar; there the block gets a silent callable, and the task pane shows the run's progress
(`xlpy.run_progress`). A status bar that cannot be written (Excel busy with a cell being
edited) stops showing progress; it never stops the work.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import xlwings as xw

from budgetbook.progress import Progress, danish_text, silent

PREFIX = "Budget: "


def status_text(step: str, done: int, total: int) -> str:
    return PREFIX + danish_text(step, done, total)


class StatusBar:
    """The `Progress` callable that writes to an app's status bar."""

    def __init__(self, app: xw.App) -> None:
        self.app = app
        self.shown: str | None = None
        self.broken = False

    def __call__(self, step: str, done: int, total: int) -> None:
        text = status_text(step, done, total)
        if text != self.shown and not self.broken:
            self._set(text)
            self.shown = text

    def reset(self) -> None:
        if self.shown is not None and not self.broken:
            self._set(False)
        self.shown = None

    def _set(self, value: str | bool) -> None:
        try:
            self.app.status_bar = value
        except Exception:  # noqa: BLE001 - COM or AppleScript refusing: progress is not worth failing the work
            self.broken = True


def has_status_bar(app: xw.App) -> bool:
    try:
        app.status_bar  # noqa: B018 - the probe: the remote engine raises NotImplementedError
    except Exception:  # noqa: BLE001 - that, or a desktop Excel too busy to answer: no status bar now
        return False
    return True


@contextmanager
def status_bar_progress(app: xw.App) -> Iterator[Progress]:
    if not has_status_bar(app):
        yield silent
        return
    bar = StatusBar(app)
    try:
        yield bar
    finally:
        bar.reset()
