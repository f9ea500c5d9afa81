"""`python -m bench [LINES] [CENTERS]`: time and memory of the whole path on a large synthetic list.

Makes a reduction list of LINES rows over CENTERS centers (text form, the seed's
layout), then times: import, layout, write with cached values, validate (evaluating
every formula with workbook.engine), and LibreOffice's recalculation of the same file
for reference when soffice is installed.
"""

from __future__ import annotations

import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

import importers
from templates import template_path
from bench.synthetic import synthetic_list
from workbook.build import build_layout
from workbook.engine import EvaluatedBook
from workbook.validate import validate_workbook
from workbook.write_xlsx import fill_template, write_workbook

def measure(label: str, step: Callable[[], object]) -> object:
    """Time one step; memory is the process's peak resident size so far (tracing it would slow the step)."""
    start = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{label:<38} {seconds:8.2f} s   peak RSS {peak:7.1f} MiB")
    return result


def main(lines: int = 10_000, centers: int = 50) -> None:
    print(f"budgetbook bench: {lines} lines over {centers} centers")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source = folder / "stor-liste.txt"
        source.write_text(synthetic_list(lines, centers), encoding="utf-8")
        out = folder / "Budget.xlsx"
        result = measure("import (text reader + interpret)", lambda: importers.parse(source))
        layout = measure("layout", lambda: build_layout([result]))  # type: ignore[list-item]
        measure("write with cached values", lambda: write_workbook(layout, out))  # type: ignore[arg-type]
        book = measure("validate, step 1: open with openpyxl", lambda: load_workbook(out))
        measure("validate, step 2: evaluate every formula", lambda: EvaluatedBook(book).evaluate_all())  # type: ignore[arg-type]
        findings = measure("validate, all steps with the checks", lambda: validate_workbook(out))
        print(f"{'findings':<38} {len(findings):8d}")  # type: ignore[arg-type]
        soffice = shutil.which("soffice")
        if soffice:
            raw = folder / "raw.xlsx"
            fill_template(layout, template_path()).save(raw)  # type: ignore[arg-type]
            start = time.perf_counter()
            subprocess.run([soffice, f"-env:UserInstallation=file://{folder}/lo", "--headless", "--calc",
                            "--convert-to", "xlsx", "--outdir", str(folder / "lo-out"), str(raw)],
                           check=True, capture_output=True)
            print(f"{'LibreOffice open+recalc+save (reference)':<38} {time.perf_counter() - start:8.2f} s")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
