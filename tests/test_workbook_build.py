"""End to end: sources in, workbook out, reopened and evaluated; the same totals as the sources."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

import importers
from budgetbook.cli import main as cli
from budgetbook.errors import SourceError
from templates import template_path
from tests.golden import SAMPLES
from tests.spreadsheets import assert_libreoffice_agrees
from workbook.api import build_workbook, validate_and_record
from workbook.build import build_layout
from workbook.engine import EvaluatedBook
from workbook.validate import validate_workbook
from workbook.write_xlsx import fill_template

REDUCTIONS = SAMPLES / "reduction_list"
YEARS = ["2023", "2024", "2025", "2026"]
HOVEDTOTAL = {"2023": 15036, "2024": 15137, "2025": 15084, "2026": 15085}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build") / "Budget.xlsx"
    build_workbook([REDUCTIONS / "lejre-2023.pdf"], out)
    return out


def _hovedtotal_cells(path: Path) -> dict[str, str]:
    sheet = load_workbook(path)["Oversigt"]
    header = {sheet.cell(4, c).value: c for c in range(2, sheet.max_column + 1)}
    row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 1).value == "Hovedtotal")
    return {y: sheet.cell(row, header[f"Reduktioner {y}"]).coordinate for y in YEARS}


@pytest.mark.parametrize("source", ["lejre-2023.txt", "lejre-2023.xlsx", "lejre-2023.pdf"])
def test_built_workbook_evaluates_to_the_stated_totals(tmp_path: Path, source: str) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([REDUCTIONS / source], out)
    book = EvaluatedBook.open(out)
    for year, cell in _hovedtotal_cells(out).items():
        assert book.formula(f"Oversigt!{cell}") is not None, "the main total must be a live formula"
        assert book.value(f"Oversigt!{cell}") == HOVEDTOTAL[year]
    result = importers.parse(REDUCTIONS / source)
    assert validate_workbook(out) == [], "every stated total of the Lejre list must reconcile"
    # each center total is a live SUM and equals the source's own total
    for center, totals in result.stated_totals.centers.items():
        sheet = load_workbook(out)[center]
        total_row = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Total")
        for year, stated in totals.items():
            col = 6 + YEARS.index(year)
            assert str(sheet.cell(total_row, col).value).startswith("=SUM(")
            assert book.value(f"'{center}'!{sheet.cell(total_row, col).coordinate}") == stated


def test_structure_sheets_tables_formats_print_setup(built: Path) -> None:
    book = load_workbook(built)
    names = book.sheetnames
    assert names[0] == "Oversigt" and names[-2:] == ["Kilder", "Kontrol"]
    assert {"CJS", "CØH", "Tværgående", "Udvalg ØU", "Udvalg UBU"} <= set(names)
    cjs = book["CJS"]
    assert cjs.freeze_panes == "A6"
    assert cjs.print_title_rows == "$5:$5"
    assert cjs.page_setup.orientation == "landscape"
    assert list(cjs.tables) == ["Reduktioner_CJS"]
    assert cjs["F6"].number_format == "#,##0;-#,##0;0"
    assert cjs["K6"].number_format == "0.0%"
    assert cjs["K6"].value == '=IF(J6=0,"",F6/J6)'
    udvalg = book["Udvalg ØU"]
    assert udvalg["B5"].value.startswith("=SUMIFS('CBD'!$F$6:$F$6,'CBD'!$C$6:$C$6,$B$2")
    sources = book["Kilder"]
    assert sources["A5"].value == "lejre-2023.pdf" and len(sources["C5"].value) == 64


def test_every_number_traces_to_file_page_and_line(built: Path) -> None:
    book = load_workbook(built)
    trace = pd.read_excel(built, sheet_name="Kontrol", header=3, usecols="J:O").dropna(how="all")
    trace.columns = ["sheet", "row", "key", "file", "page", "line"]
    assert len(trace) == 32
    for item in trace.itertuples():
        sheet = book[item.sheet]
        source_col = next(c.column for c in sheet[5] if c.value == "Kilde")
        cell_text = sheet.cell(int(item.row), source_col).value
        assert cell_text == f"lejre-2023.pdf, page {int(item.page)}, line {int(item.line)}"


def test_numbers_are_visible_without_a_spreadsheet_engine(built: Path) -> None:
    """Mail previews and pandas read cached values: they must be there and right."""
    frame = pd.read_excel(built, sheet_name="Oversigt", header=3)
    row = frame[frame["Center"] == "Hovedtotal"].iloc[0]
    assert [row[f"Reduktioner {y}"] for y in YEARS] == [HOVEDTOTAL[y] for y in YEARS]
    values = load_workbook(built, data_only=True)
    assert values["CJS"]["K6"].value == pytest.approx(700 / 60851)


def test_libreoffice_recalculates_to_the_same_values(tmp_path: Path) -> None:
    layout = build_layout([importers.parse(REDUCTIONS / "lejre-2023.xlsx")])
    raw = tmp_path / "raw.xlsx"
    fill_template(layout, template_path()).save(raw)  # no cached values: LibreOffice must compute
    assert assert_libreoffice_agrees(raw, tmp_path / "lo") > 100


def test_text_from_documents_never_becomes_a_formula(tmp_path: Path) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([REDUCTIONS / "text-that-looks-like-a-formula.pdf"], out)
    sheet = load_workbook(out)["CBD"]
    cell = sheet["D6"]
    assert cell.value == "=SUM(A1:A9) som overskrift"
    assert cell.data_type == "s" and cell.quotePrefix
    assert load_workbook(out, data_only=True)["CBD"]["D6"].value == "=SUM(A1:A9) som overskrift"


def test_same_document_twice_is_counted_once(tmp_path: Path) -> None:
    copy = tmp_path / "kopi.txt"
    copy.write_bytes((REDUCTIONS / "lejre-2023.txt").read_bytes())
    out = tmp_path / "Budget.xlsx"
    build_workbook([REDUCTIONS / "lejre-2023.txt", copy], out)
    book = EvaluatedBook.open(out)
    assert book.value(f"Oversigt!{_hovedtotal_cells(out)['2023']}") == 15036
    assert validate_workbook(out) == []


def test_failed_build_leaves_the_old_workbook_untouched(tmp_path: Path) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([REDUCTIONS / "lejre-2023.txt"], out)
    before = out.read_bytes()
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    with pytest.raises(SourceError):
        build_workbook([REDUCTIONS / "lejre-2023.txt", bad], out)
    assert out.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


# --- validation: a wrong total, a wrong percentage and a missing amount -------------------------


def _broken_list(tmp_path: Path) -> Path:
    text = (REDUCTIONS / "lejre-2023.txt").read_text(encoding="utf-8")
    text = text.replace("CJS Total\t\t\t\t2705\t2806", "CJS Total\t\t\t\t2705\t2860")  # wrong stated total, line 25
    text = text.replace("25.058\t0,4%", "25.058\t0,9%")  # wrong percentage, line 6
    text = text.replace("omstilling i centeret\t100\t100", "omstilling i centeret\t100\t")  # missing amount, line 26
    path = tmp_path / "broken.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_validation_names_cell_and_source_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([_broken_list(tmp_path)], out)
    findings = {(f.rule, f.cell): f for f in validate_and_record(out)}
    total = findings[("center_total", "CJS!G13")]
    assert (total.expected, total.found, total.source.line, total.severity.value) == (2860, 2806, 25, "error")
    pct = findings[("pct", "CBD!K6")]
    assert pct.expected == pytest.approx(0.009) and pct.source.line == 6 and pct.found == pytest.approx(100 / 25058)
    missing = findings[("missing_amount", "CKF!G6")]
    assert missing.source.line == 26
    assert findings[("center_total", "CKF!G7")].source.line == 27
    # the findings are in the workbook too, linked to their cells, and in the exit code
    sheet = load_workbook(out)["Validering"]
    cells = {sheet.cell(r, 2).value: sheet.cell(r, 2) for r in range(5, sheet.max_row + 1)}
    assert cells["CJS!G13"].hyperlink.location == "'CJS'!G13"
    assert cli(["validate", str(out)]) == 1
    assert "CJS!G13" in capsys.readouterr().out


def test_clean_workbook_validates_with_exit_code_0(built: Path) -> None:
    assert cli(["validate", str(built)]) == 0


def test_overview_adds_reductions_and_proposals_with_savings_positive(tmp_path: Path) -> None:
    out = tmp_path / "Budget.xlsx"
    forms = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.txt"
    build_workbook([REDUCTIONS / "lejre-2023.txt", forms], out)
    frame = pd.read_excel(out, sheet_name="Oversigt", header=3).set_index("Center")
    book = EvaluatedBook.open(out)
    header = {load_workbook(out)["Oversigt"].cell(4, c).value: c for c in range(1, 20)}
    for year in ["2024", "2025", "2026"]:
        reductions = frame[f"Reduktioner {year}"].fillna(0)
        forms_net = frame[next(h for h in frame.columns if h.startswith("Forslag") and h.endswith(year))].fillna(0)
        combined = frame[f"Besparelse i alt {year}"].dropna()  # the centers and the Hovedtotal
        assert len(combined) == 11
        assert (combined == (reductions - forms_net)[combined.index]).all(), year
        col = header[f"Besparelse i alt {year}"]
        total = book.value(f"Oversigt!{load_workbook(out)['Oversigt'].cell(15, col).coordinate}")
        assert total == HOVEDTOTAL[year] - frame.loc["Hovedtotal", forms_net.name]
