"""Numbers visible everywhere: the main workbook and every pack carry the value of every formula.

A viewer that does not calculate (mail preview, phone, pandas, openpyxl data_only) shows
what the file stores. These tests read the files back as such viewers do, and hold the
stored values against a second engine: LibreOffice headless.

What LibreOffice does with stored values (found out, and pinned by a test below): on
`soffice --headless --convert-to xlsx` it TRUSTS the values in the file and does not
recalculate (its default for .xlsx is "never recalculate"). So the comparison strips every
`<v>` from the formula cells first: whatever numbers come back were computed by LibreOffice.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from tests import golden
from workbook.api import build_workbook
from workbook.engine import EvaluatedBook
from workbook.packs import build_packs

SEED = golden.seed("reduction_list_lejre_2023.txt")
STATED_HOVEDTOTAL = {"2023": 15036, "2024": 15137, "2025": 15084, "2026": 15085}
FORMULA_TEXT = "=2+2"  # a source text that would be a valid formula if it were written as one
_CACHED = re.compile(rb"(<f>[^<]*</f>|<f/>|<f [^>]*/>|<f [^>]*>[^<]*</f>)<v>[^<]*</v>|(<f>[^<]*</f>)<v/>")


@pytest.fixture(scope="module")
def books(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Budget.xlsx built from the seed with one explanation that reads "=2+2", and its packs."""
    folder = tmp_path_factory.mktemp("cached")
    text = SEED.read_text(encoding="utf-8")
    source = folder / "reduction_list_lejre_2023.txt"
    source.write_text(_with_formula_text(text), encoding="utf-8")
    main = build_workbook([source], folder / "Budget.xlsx").output
    report = build_packs(main, folder / "packs")
    return {"Budget.xlsx": main, **{p.path.name: p.path for p in report.packs}}


def _with_formula_text(text: str) -> str:
    """The explanation of the "Indkøb" row replaced by "=2+2"."""
    lines = text.split("\n")
    for index, line in enumerate(lines):
        cells = line.split("\t")
        if len(cells) > 5 and cells[4] == "Indkøb":
            cells[5] = FORMULA_TEXT
            lines[index] = "\t".join(cells)
            return "\n".join(lines)
    raise AssertionError("the seed has no 'Indkøb' row")


def formula_cells(path: Path) -> list[tuple[str, str]]:
    book = load_workbook(path)
    return [(ws.title, cell.coordinate) for ws in book.worksheets for row in ws.iter_rows() for cell in row
            if cell.data_type == "f"]


def total_row(frame: pd.DataFrame, label: str) -> pd.Series:
    rows = frame[frame[0] == label]
    assert len(rows) == 1, f"one '{label}' row expected"
    return rows.iloc[0]


# --- viewers that do not calculate ------------------------------------------------------------

def test_every_formula_cell_stores_a_value(books: dict[str, Path]) -> None:
    for name, path in books.items():
        with zipfile.ZipFile(path) as package:
            for part in package.namelist():
                if part.startswith("xl/worksheets/sheet"):
                    xml = package.read(part)
                    formulas = len(re.findall(rb"<f[ >/]", xml))
                    stored = len(re.findall(rb"</f><v", xml)) + len(re.findall(rb"<f/><v", xml))
                    assert formulas == stored, f"{name} {part}: {formulas - stored} formulas without a value"


def test_openpyxl_data_only_sees_the_totals(books: dict[str, Path]) -> None:
    main = load_workbook(books["Budget.xlsx"], data_only=True)
    overview = main["Oversigt"]
    row = next(r for r in overview.iter_rows() if r[0].value == "Hovedtotal")
    assert [c.value for c in row[1:5]] == list(STATED_HOVEDTOTAL.values())
    for name, path in books.items():
        formulas = load_workbook(path)
        values = load_workbook(path, data_only=True)
        engine = EvaluatedBook(formulas)
        checked = 0
        for ws in formulas.worksheets:
            for cells in ws.iter_rows():
                if cells[0].value != "Total":
                    continue
                for cell in cells[1:]:
                    if cell.data_type == "f":
                        stored = values[ws.title][cell.coordinate].value
                        assert isinstance(stored, (int, float)) and stored != 0, (name, ws.title, cell.coordinate)
                        assert stored == engine.value(cell.coordinate, ws.title)
                        checked += 1
        assert checked >= 8, f"{name}: too few totals found to prove anything"


def test_pandas_sees_the_totals(books: dict[str, Path]) -> None:
    overview = pd.read_excel(books["Budget.xlsx"], sheet_name="Oversigt", header=None)
    assert total_row(overview, "Hovedtotal")[1:5].tolist() == list(STATED_HOVEDTOTAL.values())
    pack_sum = [0, 0, 0, 0]
    for name, path in books.items():
        if name == "Budget.xlsx":
            continue
        sheets = pd.read_excel(path, sheet_name=None, header=None)
        committee = next(frame for title, frame in sheets.items() if title.startswith("Udvalg "))
        totals = total_row(committee, "Total")[1:5].tolist()
        assert all(pd.notna(v) and v != 0 for v in totals), f"{name}: {totals}"
        pack_sum = [a + b for a, b in zip(pack_sum, totals)]
        front = sheets["Forside"]
        assert total_row(front, "Total")[1:5].tolist() == totals, f"{name}: the front sheet shows other totals"
    assert pack_sum == list(STATED_HOVEDTOTAL.values())


def test_text_that_looks_like_a_formula_stays_text(books: dict[str, Path]) -> None:
    for name in ("Budget.xlsx", "ØU.xlsx"):
        book = load_workbook(books[name])
        hits = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == FORMULA_TEXT]
        assert hits, f"{name}: the text {FORMULA_TEXT!r} is missing"
        assert all(c.data_type == "s" for c in hits), f"{name}: {FORMULA_TEXT!r} became a formula"
        values = load_workbook(books[name], data_only=True)
        assert all(values[c.parent.title][c.coordinate].value == FORMULA_TEXT for c in hits)


# --- LibreOffice as the second engine ---------------------------------------------------------

def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.fail("LibreOffice is missing: scripts/install-system-deps installs it")
    return path


def libreoffice_convert(files: list[Path], out_dir: Path, profile: Path) -> list[Path]:
    """LibreOffice headless opens each file and saves it as .xlsx into out_dir (own profile: no lock clash)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    subprocess.run([soffice(), f"-env:UserInstallation={profile.as_uri()}", "--headless", "--calc",
                    "--convert-to", "xlsx", "--outdir", str(out_dir), *map(str, files)],
                   check=True, capture_output=True, timeout=300)
    converted = [out_dir / f.name for f in files]
    missing = [c.name for c in converted if not c.exists()]
    assert not missing, f"LibreOffice wrote nothing for {missing}"
    return converted


def rewrite_values(source: Path, target: Path, replacement: bytes | None) -> int:
    """Copy the package with every formula's stored value removed (None) or replaced; returns how many."""
    count = 0

    def change(match: re.Match[bytes]) -> bytes:
        nonlocal count
        count += 1
        formula = match.group(1) or match.group(2)
        return formula if replacement is None else formula + b"<v>" + replacement + b"</v>"

    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet"):
                data = _CACHED.sub(change, data)
                if replacement is None:
                    data = data.replace(b' t="str"', b"").replace(b' t="e"', b"").replace(b' t="b"', b"")
            out.writestr(item, data)
    return count


def test_libreoffice_trusts_stored_values_so_they_must_be_stripped(books: dict[str, Path], tmp_path: Path) -> None:
    poisoned = tmp_path / "in" / "Budget.xlsx"
    poisoned.parent.mkdir()
    assert rewrite_values(books["Budget.xlsx"], poisoned, b"-77777") > 100
    [converted] = libreoffice_convert([poisoned], tmp_path / "out", tmp_path / "profile")
    row = next(r for r in load_workbook(converted, data_only=True)["Oversigt"].iter_rows()
               if r[0].value == "Hovedtotal")
    assert row[1].value == -77777, "LibreOffice recalculated on load; the strip step below is then belt and braces"


def test_stored_values_equal_libreoffice_computation(books: dict[str, Path], tmp_path: Path) -> None:
    stripped_dir = tmp_path / "stripped"
    stripped_dir.mkdir()
    stripped = []
    for name, path in books.items():
        target = stripped_dir / name
        assert rewrite_values(path, target, None) == len(formula_cells(path)), f"{name}: a value was not stripped"
        with zipfile.ZipFile(target) as package:
            assert not any(re.search(rb"</f><v|<f/><v", package.read(p)) for p in package.namelist()
                           if p.startswith("xl/worksheets/sheet")), f"{name}: values left in the stripped copy"
        stripped.append(target)
    converted = libreoffice_convert(stripped, tmp_path / "libreoffice", tmp_path / "profile")
    for (name, ours), theirs in zip(books.items(), converted):
        mine = load_workbook(ours, data_only=True)
        office = load_workbook(theirs, data_only=True)
        cells = formula_cells(ours)
        assert cells, name
        for sheet, ref in cells:
            expected, found = mine[sheet][ref].value, office[sheet][ref].value
            if isinstance(expected, (int, float)):
                assert found == pytest.approx(expected, rel=1e-12, abs=1e-9), f"{name} {sheet}!{ref}"
            else:
                assert (found or None) == (expected or None), f"{name} {sheet}!{ref}: {expected!r} vs {found!r}"
        for sheet in office.sheetnames:
            for row in office[sheet].iter_rows():
                for cell in row:
                    if cell.value == FORMULA_TEXT:
                        assert (sheet, cell.coordinate) not in cells
