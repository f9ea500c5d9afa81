"""One measured step in a process of its own: `python -m bench.run STEP INPUT OUTPUT`, one JSON line out.

A fresh process per step gives each step its own peak memory (the process's peak resident
size) and no warm caches from the step before. What a step needs but is not measured (the
modules it imports, the layout and cached values a reference writer is given, a workbook
without values for LibreOffice) is prepared before the clock starts. Prints
`{"seconds": ..., "cpu": ..., "peak_mib": ..., "count": ..., "phases": {...}}`: wall-clock
seconds, and the processor seconds of this process and the programs it ran (LibreOffice),
which a busy machine disturbs less.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path


def peak_mib() -> float:
    """This process's peak resident memory. Linux's `ru_maxrss` carries over the parent's resident size
    at the moment it started this process (the bench's own, which grows with the PDFs it generates),
    so the kernel's high-water mark of this process image (VmHWM) is read where there is one."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Clock:
    """Wall-clock and processor time from `start()` to `stop()`."""

    def start(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), cpu_seconds()
        return self

    def stop(self) -> dict[str, float]:
        return {"seconds": time.perf_counter() - self.wall, "cpu": cpu_seconds() - self.cpu}


# The build's progress steps in order, and what runs up to the end of each (the writer sizes the
# columns and rows for print and makes the template's shell before it computes the formulas).
BUILD_PHASES = {"reading": "reading", "layout": "layout",
                "evaluating": "print sizing, template shell and formulas", "writing": "writing"}


def build(source: Path, out: Path) -> dict[str, object]:
    """`budgetbook build SOURCE -o OUT`, with the time of each phase from its progress reports."""
    import importers.readers.text  # noqa: F401  (imports are not part of the work)
    from workbook.api import build_workbook

    cells = sum(len(s) for s in _layout_cells(source))
    marks: dict[str, float] = {}

    def mark(step: str, done: int, total: int) -> None:
        if done == total:
            marks[step] = time.perf_counter()

    out.unlink(missing_ok=True)  # a fresh build each run: onto an existing workbook, build keeps what users added
    clock = Clock().start()
    summary = build_workbook([source], out, jobs=1, progress=mark)
    result = clock.stop()
    phases, previous = {}, clock.wall
    for step, what in BUILD_PHASES.items():
        phases[what] = round(marks[step] - previous, 3)
        previous = marks[step]
    return {**result, "count": cells, "phases": phases, "sheets": len(summary.sheets)}


def _layout_cells(source: Path) -> list[dict[tuple[int, int], object]]:
    import importers
    from workbook.build import build_layout

    return [s.cells for s in build_layout([importers.parse(source)]).sheets]


def _prepared(source: Path) -> tuple[object, dict[str, dict[tuple[int, int], object]]]:
    import importers
    from templates import template_path
    from workbook.build import build_layout
    from workbook.write_xlsx import evaluate_layout, fill_shell

    layout = build_layout([importers.parse(source)])
    return layout, evaluate_layout(layout, fill_shell(layout, template_path()))


def xlsxwriter(source: Path, out: Path) -> dict[str, object]:
    from bench.references import write_with_xlsxwriter

    layout, values = _prepared(source)
    return _timed(lambda: write_with_xlsxwriter(layout, values, out))  # type: ignore[arg-type]


def openpyxl_write_only(source: Path, out: Path) -> dict[str, object]:
    from bench.references import write_with_openpyxl_write_only

    layout, _ = _prepared(source)
    return _timed(lambda: write_with_openpyxl_write_only(layout, out))  # type: ignore[arg-type]


def validate(built: Path, out: Path) -> dict[str, object]:
    import workbook.validators  # noqa: F401  (imports are not part of the work)
    from workbook.api import validate_and_record

    shutil.copyfile(built, out)
    return _timed(lambda: len(validate_and_record(out)))


def libreoffice(source: Path, out: Path) -> dict[str, object]:
    """LibreOffice's recalculation of the workbook `build` writes, from a copy without cached values."""
    import importers
    from bench.references import libreoffice_recalc
    from templates import template_path
    from workbook.build import build_layout
    from workbook.write_xlsx import fill_template

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return {"missing": "LibreOffice (soffice) is not installed"}
    fill_template(build_layout([importers.parse(source)]), template_path()).save(out)
    clock = Clock().start()
    saved = libreoffice_recalc(out, soffice)
    result = clock.stop()
    shutil.rmtree(saved.parent.parent, ignore_errors=True)
    return {**result, "count": 0, "peak_child_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}


def calamine(workbook: Path, out: Path) -> dict[str, object]:
    from bench.references import read_with_calamine

    return _timed(lambda: read_with_calamine(workbook))


def extract_pdf(pdf: Path, out: Path) -> dict[str, object]:
    import pdfplumber  # noqa: F401  (imports are not part of the work)

    import importers
    import importers.readers.pdf  # noqa: F401

    return _timed(lambda: len(importers.parse(pdf).records))


def pdfplumber(pdf: Path, out: Path) -> dict[str, object]:
    import pdfplumber  # noqa: F401  (imports are not part of the work)

    from bench.references import pdfplumber_words_and_text

    return _timed(lambda: pdfplumber_words_and_text(pdf))


def _timed(step: Callable[[], object]) -> dict[str, object]:
    clock = Clock().start()
    count = step()
    return {**clock.stop(), "count": count}


STEPS: dict[str, Callable[[Path, Path], dict[str, object]]] = {
    "build": build, "xlsxwriter": xlsxwriter, "openpyxl-write-only": openpyxl_write_only, "validate": validate,
    "libreoffice": libreoffice, "calamine": calamine, "extract-pdf": extract_pdf, "pdfplumber": pdfplumber,
}


def main(argv: list[str]) -> None:
    step, given, out = argv
    result = STEPS[step](Path(given), Path(out))
    result["peak_mib"] = max(peak_mib(), float(result.pop("peak_child_mib", 0)))  # type: ignore[arg-type]
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
