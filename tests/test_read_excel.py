"""Excel workbooks read as Excel shows them: hidden sheets, rows and columns left out with a warning;
formulas saved without results (scripts, web exports) computed by budgetbook's engine, or named in a
warning; a merged area beside a list's rows read on every row. Files from openpyxl, XlsxWriter and
LibreOffice."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import importers
from importers.readers import read_document
from importers.readers import xlsx as excel
from importers.readers.sheet_layout import read_layout
from tests.golden import SAMPLES
from tests.spreadsheets import libreoffice_recalc

LEJRE = SAMPLES / "reduction_list" / "lejre-2023.xlsx"


def rows(path: Path) -> list[tuple[object, ...]]:
    return [line.cells for line in excel.read_lines(path)]


def warnings(path: Path) -> list[str]:
    return [w.message for w in excel.read(path).warnings]


def _book(*sheets: str) -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    book.active.title = sheets[0]
    for name in sheets[1:]:
        book.create_sheet(name)
    return book


def test_hidden_and_very_hidden_sheets_are_left_out_and_said(tmp_path: Path) -> None:
    book = _book("Forslag", "Lister", "Makro")
    book["Forslag"].append(["Titel", "2025"])
    book["Lister"].append(["Dropdown", "BU"])
    book["Lister"].sheet_state = "hidden"
    book["Makro"].append(["intern"])
    book["Makro"].sheet_state = "veryHidden"
    path = tmp_path / "skjulte-ark.xlsx"
    book.save(path)
    assert rows(path) == [("Titel", "2025")]
    said = warnings(path)
    assert any("'Lister' is hidden" in w for w in said) and any("'Makro' is very hidden" in w for w in said)


def test_hidden_rows_and_columns_are_left_out_and_said(tmp_path: Path) -> None:
    book = _book("Liste")
    sheet = book.active
    for row in (["Nr.", "Titel", "Hjælp", "2025"], [1, "Skolebus", "x", -100], [2, "Filtreret", "y", -50],
                [3, "Bibliotek", None, -25]):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True  # filtered away
    sheet.column_dimensions["C"].hidden = True
    sheet.column_dimensions["F"].hidden = True  # hidden and empty: nothing to say
    path = tmp_path / "skjulte-raekker.xlsx"
    book.save(path)
    assert rows(path) == [("Nr.", "Titel", "2025"), (1, "Skolebus", -100), (3, "Bibliotek", -25)]
    assert [line.provenance.line for line in excel.read_lines(path)] == [1, 2, 4]
    assert warnings(path) == ["Sheet 'Liste': hidden row 3 and column C hold text and were not read, as the "
                              "spreadsheet does not show them; unhide them to read them"]


def test_hidden_column_ranges_from_libreoffice(tmp_path: Path) -> None:
    book = _book("Liste")
    book.active.append(["a", "b", "c", "d", "e"])
    book.active.column_dimensions.group("B", "D", hidden=True)
    path = tmp_path / "gruppe.xlsx"
    book.save(path)
    saved = libreoffice_recalc(path, tmp_path / "lo")
    assert read_layout(_part(saved)).hidden_columns == {2, 3, 4}
    assert rows(saved) == [("a", "e")]


def _part(path: Path) -> bytes:
    import zipfile

    with zipfile.ZipFile(path) as package:
        return package.read("xl/worksheets/sheet1.xml")


def _list_with_totals(path: Path) -> Path:
    book = _book("Reduktioner")
    sheet = book.active
    sheet.append(["Nr.", "Titel", "2025", "2026", "Andel"])
    sheet.append([1, "Skolebus", -100, -120, 0.25])
    sheet.append([2, "Bibliotek", -300, -360, 0.75])
    sheet.append([None, "I alt", "=SUM(C2:C3)", "=SUM(D2:D3)", "=SUM(E2:E3)"])
    sheet.append([None, "Gennemsnit", "=AVERAGE(C2:C3)", '=IF(D4<0,"besparelse","")'])
    for cell in ("E2", "E3", "E4"):
        sheet[cell].number_format = "0.0%"
    book.save(path)
    return path


def test_formulas_saved_without_results_are_computed(tmp_path: Path) -> None:
    path = _list_with_totals(tmp_path / "script.xlsx")  # openpyxl saves no results
    assert rows(path)[3:] == [(None, "I alt", -400, -480, "100,0%"), (None, "Gennemsnit", -200, "besparelse")]
    assert warnings(path) == []


def test_placeholder_zeros_of_xlsxwriter_are_computed(tmp_path: Path) -> None:
    import xlsxwriter

    path = tmp_path / "xlsxwriter.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet("Liste")
    sheet.write_row(0, 0, ["Titel", "2025"])
    sheet.write_row(1, 0, ["Skolebus", -100])
    sheet.write_row(2, 0, ["Bibliotek", -300])
    sheet.write_row(3, 0, ["I alt"])
    sheet.write_formula(3, 1, "=SUM(B2:B3)")  # saved with the result 0, for Excel to recompute
    book.close()
    assert rows(path)[-1] == ("I alt", -400)


def test_the_engine_agrees_with_the_results_libreoffice_saves(tmp_path: Path) -> None:
    path = _list_with_totals(tmp_path / "script.xlsx")
    saved = libreoffice_recalc(path, tmp_path / "lo")  # LibreOffice computes and saves every result
    assert rows(saved) == rows(path)


def test_a_formula_the_engine_cannot_compute_is_named(tmp_path: Path) -> None:
    book = _book("Data")
    book.active.append(["Kurs", '=WEBSERVICE("https://example.org/kurs")'])
    path = tmp_path / "web.xlsx"
    book.save(path)
    assert rows(path) == [("Kurs",)]
    (said,) = warnings(path)
    assert said.startswith("Sheet 'Data' cell B1: the formula =WEBSERVICE(") and "read as empty" in said


def test_a_merged_area_beside_a_list_is_read_on_every_row(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(LEJRE)
    sheet = book.worksheets[0]
    assert [sheet.cell(r, 4).value for r in (7, 8, 9)] == ["UBU", "UBU", "UBU"]
    sheet.cell(8, 4).value = sheet.cell(9, 4).value = None
    sheet.merge_cells("D7:D9")  # udvalg written once beside its three rows
    sheet.merge_cells("A1:F2")  # the title over two rows: read once
    path = tmp_path / "flettet.xlsx"
    book.save(path)
    assert [line.cells for line in excel.read_lines(path) if line.provenance.line in (7, 8, 9)] == [
        line.cells for line in excel.read_lines(LEJRE) if line.provenance.line in (7, 8, 9)]
    assert sum("Udmøntning af reduktion" in line.text for line in excel.read_lines(path)) == 1
    ours, theirs = importers.parse(path).to_json()["records"], importers.parse(LEJRE).to_json()["records"]
    for record in (*ours, *theirs):  # type: ignore[misc]
        record.pop("provenance")
    assert ours == theirs


def test_warnings_reach_the_import_result(tmp_path: Path) -> None:
    book = openpyxl.load_workbook(LEJRE)
    book.create_sheet("Opslag").append(["CBD", "Center for Borgere og Digitalisering"])
    book["Opslag"].sheet_state = "hidden"
    path = tmp_path / "med-opslag.xlsx"
    book.save(path)
    result = importers.parse(path)
    assert any("'Opslag' is hidden" in w.message for w in result.warnings)
    assert len(result.records) == len(importers.parse(LEJRE).records)


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*/*.xlsx")), ids=lambda p: p.name)
def test_every_sample_still_reads_with_text(sample: Path) -> None:
    assert any(line.text.strip() for line in read_document(sample).lines)
