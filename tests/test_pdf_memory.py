"""A long PDF is read page by page: memory stays flat in the page count (no timing asserts)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from budgetbook.errors import SourceError

ROOT = Path(__file__).resolve().parent.parent
MiB = 1024 * 1024


def list_pages_pdf(path: Path, pages: int, rows: int = 12) -> Path:
    """A PDF of `pages` pages, each a table-like list of `rows` lines (as a long reduction list prints)."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.pdfgen import canvas

    sheet = canvas.Canvas(str(path), pagesize=landscape(A4), invariant=1)
    for page in range(1, pages + 1):
        sheet.setFont("Helvetica", 7)
        for row in range(rows):
            y = 560 - row * 40
            text = f"1.20.{row:02d}  Budgetramme Center for Job & Social  CJS  ØU  Forslag {page}.{row}"
            sheet.drawString(30, y, text)
            for col in range(5):
                sheet.drawRightString(430 + col * 60, y, f"{(page * 31 + row * 7 + col) % 9000}")
        sheet.drawString(400, 20, f"Side {page}")
        sheet.showPage()
    sheet.save()
    return path


MEASURE = """
import json, resource, sys
from pathlib import Path
from importers.readers.pdf import read_lines
peaks = []
for name in sys.argv[1:]:
    lines = read_lines(Path(name))
    peaks.append((len(lines), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024))
print(json.dumps(peaks))
"""


def test_a_300_page_pdf_is_read_in_flat_memory(tmp_path: Path) -> None:
    short = list_pages_pdf(tmp_path / "short.pdf", 30)
    long = list_pages_pdf(tmp_path / "long.pdf", 300)
    run = subprocess.run([sys.executable, "-c", MEASURE, str(short), str(long)], cwd=ROOT, capture_output=True,
                         text=True, timeout=1800)
    assert run.returncode == 0, run.stderr
    (short_lines, short_peak), (long_lines, long_peak) = json.loads(run.stdout)
    assert (short_lines, long_lines) == (30 * 13, 300 * 13)
    assert long_peak < 1024 * MiB
    # 270 more pages add what their lines take, not the megabytes pdfplumber keeps of an unclosed page
    assert long_peak - short_peak < 100 * MiB, (short_peak // MiB, long_peak // MiB)


def test_a_pdf_over_the_page_cap_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from importers.readers import pdf

    monkeypatch.setattr(pdf, "MAX_PAGES", 20)
    path = list_pages_pdf(tmp_path / "lang.pdf", 21, rows=1)
    with pytest.raises(SourceError, match=r"The PDF has 21 pages; budgetbook reads at most 20 .*\(lang.pdf\)\. Split"):
        pdf.read_lines(path)
