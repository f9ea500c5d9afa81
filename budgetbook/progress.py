"""Progress of the steps that can take more than a second, told to whoever shows it.

A library function with such a step takes `progress: Progress | None` and calls
`progress(step, done, total)` as it goes (`done` counts up to `total`; each call replaces the
last one for that step). The CLI shows rich progress bars (`budgetbook.terminal_progress`);
the ribbon and the task pane pass their own callable. `STEPS` names each step for people on
the command line, `STEPS_DA` in Excel (the status bar, the task pane), where the words are Danish.
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

STEPS_DA = {
    "reading": "Læser dokumenter",
    "layout": "Opbygger arkene",
    "evaluating": "Beregner formler",
    "writing": "Skriver projektmappe",
    "validating": "Validerer",
    "packs": "Bygger pakker",
    "sending": "Sender pakker",
}


def danish_name(step: str) -> str:
    """The step as the ribbon and the task pane say it (the step itself when it has no name yet)."""
    return STEPS_DA.get(step, step)


def danish_text(step: str, done: int, total: int) -> str:
    """How far a step has got, as the status bar and the task pane say it: "Læser dokumenter 3 af 10"."""
    name = danish_name(step)
    if total > 100:
        return f"{name} {100 * done // total} %"
    if total > 1:
        return f"{name} {done} af {total}"
    return f"{name} …"


def fan_out(*shows: Progress | None) -> Progress:
    """One progress callable that tells each of `shows` (None ones left out), in order."""
    told = [show for show in shows if show is not None]

    def tell(step: str, done: int, total: int) -> None:
        for show in told:
            show(step, done, total)

    return tell


def silent(step: str, done: int, total: int) -> None:
    """The progress callable of a caller who shows none."""
