"""Second real spreadsheet engines for the tests: LibreOffice headless recalculates a workbook and edits it."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
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


def libreoffice_convert(document: Path, to: str, out_dir: Path) -> Path:
    """Open `document` in LibreOffice headless and save it as `to` ("odt", "ods", "pdf", ...), as a user of
    LibreOffice would; returns the saved file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", to,
                        "--outdir", str(out_dir), str(document)], check=True, capture_output=True, timeout=180)
    result = out_dir / f"{document.stem}.{to}"
    if not result.exists():
        raise RuntimeError(f"LibreOffice wrote nothing for {document.name}")
    return result


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


# --- editing a workbook in LibreOffice, as a user would ----------------------------------------

@dataclass(frozen=True)
class Edit:
    """One change a user makes in LibreOffice Calc: rows are 1-based as on screen."""

    action: str  # "insert_row" (a blank row at `row`, the rows below move down), "delete_row", "number", "text",
    # "formula" (English function names, as Excel writes them), "add_sheet" (at the end)
    sheet: str
    row: int = 0
    cell: str = ""
    value: object = None

    @classmethod
    def insert_row(cls, sheet: str, row: int) -> Edit:
        return cls("insert_row", sheet, row=row)

    @classmethod
    def delete_row(cls, sheet: str, row: int) -> Edit:
        return cls("delete_row", sheet, row=row)

    @classmethod
    def number(cls, sheet: str, cell: str, value: float) -> Edit:
        return cls("number", sheet, cell=cell, value=value)

    @classmethod
    def text(cls, sheet: str, cell: str, value: str) -> Edit:
        return cls("text", sheet, cell=cell, value=value)

    @classmethod
    def formula(cls, sheet: str, cell: str, value: str) -> Edit:
        return cls("formula", sheet, cell=cell, value=value)

    @classmethod
    def add_sheet(cls, sheet: str) -> Edit:
        return cls("add_sheet", sheet)

    def basic(self) -> str:
        if self.action == "add_sheet":
            return f"doc.Sheets.insertNewByName({_basic_string(self.sheet)}, doc.Sheets.getCount())"
        sheet = f"doc.Sheets.getByName({_basic_string(self.sheet)})"
        if self.action == "insert_row":
            return f"{sheet}.Rows.insertByIndex({self.row - 1}, 1)"
        if self.action == "delete_row":
            return f"{sheet}.Rows.removeByIndex({self.row - 1}, 1)"
        target = f"{sheet}.getCellRangeByName({_basic_string(self.cell)})"
        if self.action == "number":
            return f"{target}.setValue({float(self.value)!r})"  # type: ignore[arg-type]
        if self.action == "formula":
            return f"{target}.setFormula({_basic_string(str(self.value))})"
        return f"{target}.setString({_basic_string(str(self.value))})"


def _basic_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


_MODULE = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Edit
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL({source}), "_blank", 0, args())
{edits}
  Dim save(0) As New com.sun.star.beans.PropertyValue
  save(0).Name = "FilterName"
  save(0).Value = "Calc MS Excel 2007 XML"
  doc.storeToURL(ConvertToURL({target}), save())
  doc.close(True)
End Sub
</script:module>
"""


def libreoffice_edit(workbook: Path, out: Path, edits: list[Edit]) -> Path:
    """Open `workbook` in LibreOffice Calc, make the edits (a Basic macro) and save it as .xlsx to `out`."""
    from xml.sax.saxutils import escape

    with tempfile.TemporaryDirectory(prefix="lo-edit-") as profile:
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--terminate_after_init"],
                       check=True, capture_output=True, timeout=180)
        module = Path(profile) / "user" / "basic" / "Standard" / "Module1.xba"
        if not module.exists():
            raise RuntimeError("LibreOffice made no Basic library in its profile; cannot run the edit macro")
        lines = "\n".join(f"  {edit.basic()}" for edit in edits)
        module.write_text(_MODULE.format(source=escape(_basic_string(str(workbook))),
                                         target=escape(_basic_string(str(out))), edits=escape(lines)),
                          encoding="utf-8")
        subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
                        "macro:///Standard.Module1.Edit"], check=True, capture_output=True, timeout=180)
    if not out.exists():
        raise RuntimeError(f"LibreOffice wrote nothing for {workbook.name}: the edit macro failed")
    return out
