"""Progress of the steps that can take more than a second, told to whoever shows it.

A library function with such a step takes `progress: Progress | None` and calls
`progress(step, done, total)` as it goes (`done` counts up to `total`; each call replaces the
last one for that step). The CLI shows rich progress bars (`budgetbook.terminal_progress`);
the ribbon and the task pane pass their own callable. `STEPS` names each step for people.
"""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]

STEPS = {
    "reading": "Reading documents",
    "layout": "Laying out the workbook",
    "evaluating": "Computing every formula",
    "writing": "Writing the workbook",
    "validating": "Checking against the sources",
    "packs": "Writing committee packs",
    "sending": "Sending packs",
}


def silent(step: str, done: int, total: int) -> None:
    """The progress callable of a caller who shows none."""
