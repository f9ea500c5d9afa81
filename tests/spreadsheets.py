"""Second real spreadsheet engines for the tests: LibreOffice headless recalculates a workbook."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from openpyxl import load_workbook


def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        raise RuntimeError("LibreOffice is missing: run `make test` (scripts/install-system-deps installs it)")
    return path


def libreoffice_recalc(workbook: Path, out_dir: Path) -> Path:
    """Let LibreOffice open, recalculate and save a copy of `workbook`; returns the copy's path.

    Give it a file without cached values (openpyxl's own save): LibreOffice must then compute
    every formula itself, so the values in the copy are LibreOffice's, not ours.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--calc",
             "--convert-to", "xlsx", "--outdir", str(out_dir), str(workbook)],
            check=True, capture_output=True, timeout=180)
    result = out_dir / workbook.name
    if not result.exists():
        raise RuntimeError(f"LibreOffice wrote nothing for {workbook.name}")
    return result


def cached_values(workbook: Path) -> dict[tuple[str, str], object]:
    """(sheet, "A1") -> the value stored in the file, as a viewer or pandas sees it."""
    book = load_workbook(workbook, data_only=True)
    return {(sheet.title, cell.coordinate): cell.value
            for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None}


def assert_libreoffice_agrees(raw: Path, out_dir: Path) -> int:
    """Recalculate `raw` (saved without cached values) in LibreOffice and assert every formula has the
    value budgetbook's engine gives it; returns how many numbers were compared."""
    import pytest

    from workbook.engine import EvaluatedBook
    from workbook.excel_functions import ExcelError

    ours = EvaluatedBook.open(raw)
    theirs = cached_values(libreoffice_recalc(raw, out_dir))
    compared = 0
    for sheet, ref, _text in ours.formula_cells():
        mine, other = ours.value(ref, sheet), theirs.get((sheet, ref))
        if mine == "" or isinstance(mine, ExcelError):
            assert other in (None, "") or str(other) == str(mine), (sheet, ref)
            continue
        assert other == pytest.approx(mine, abs=1e-9), (sheet, ref, mine, other)
        compared += 1
    return compared


def libreoffice_pdf(workbooks: list[Path], out_dir: Path) -> list[Path]:
    """Print workbooks to PDF with LibreOffice headless, as its print dialog would (page setup of each sheet)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--calc",
             "--convert-to", "pdf", "--outdir", str(out_dir), *map(str, workbooks)],
            check=True, capture_output=True, timeout=300)
    printed = [out_dir / f"{workbook.stem}.pdf" for workbook in workbooks]
    missing = [p.name for p in printed if not p.exists()]
    if missing:
        raise RuntimeError(f"LibreOffice printed nothing for {', '.join(missing)}")
    return printed
