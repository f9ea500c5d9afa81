"""Budget remarks in the workbook: the Bemærkninger sheet, its total, wrapped texts, merging and re-runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from budgetbook.records.remarks import BudgetArea
from tests.golden import SAMPLES
from workbook.api import build_workbook
from workbook.engine import EvaluatedBook
from workbook.sections.remarks import HEADER_ROW, REMARKS_SHEET
from workbook.validate import validate_workbook

REMARKS = SAMPLES / "budget_remarks"
REMARKS_TXT = REMARKS / "budget_remarks_kalundborg_oeu_2024.txt"
REMARKS_DOCX = REMARKS / "budget_remarks_kalundborg_oeu_2024.docx"
OTHER_COMMITTEE = """Bemærkninger - Teknik- og Miljøudvalget

Vejvedligeholdelse

Samlet nettobudget for området: 12.500.000 kr.

Budgetgrundlag

Budgettet er et rammebudget.

Kollektiv trafik

Samlet nettobudget for området: 7.250.500 kr.

Beskrivelse af området

Busdrift og flextrafik.
"""


def areas(path: Path) -> list[BudgetArea]:
    return [a for a in importers.parse(path).records if isinstance(a, BudgetArea)]


def rows_by_label(path: Path) -> tuple[dict[str, int], list[int]]:
    sheet = load_workbook(path)[REMARKS_SHEET]
    header = {sheet.cell(HEADER_ROW, c).value: c for c in range(1, sheet.max_column + 1)}
    rows = [r for r in range(HEADER_ROW + 1, sheet.max_row + 1) if str(sheet.cell(r, 5).value).startswith("B-")]
    return header, rows


def total_cell(path: Path) -> str:
    sheet = load_workbook(path)[REMARKS_SHEET]
    row = next(r for r in range(HEADER_ROW + 1, sheet.max_row + 1) if sheet.cell(r, 2).value == "I alt")
    return f"{REMARKS_SHEET}!C{row}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bemaerkninger") / "Budget.xlsx"
    build_workbook([REMARKS_TXT], out)
    return out


def test_every_area_with_its_net_budget_source_and_a_formula_total(built: Path) -> None:
    expected = areas(REMARKS_TXT)
    header, rows = rows_by_label(built)
    sheet = load_workbook(built)[REMARKS_SHEET]
    assert [sheet.cell(r, header["Område"]).value for r in rows] == [a.name for a in expected]
    book = EvaluatedBook.open(built)
    assert [book.value(f"{REMARKS_SHEET}!{sheet.cell(r, header['Nettobudget (kr.)']).coordinate}") for r in rows] == [
        a.net_budget for a in expected]
    assert [sheet.cell(r, header["Nettobudget som anført"]).value for r in rows] == [a.net_budget for a in expected]
    assert {sheet.cell(r, header["Enhed"]).value for r in rows} == {"kr."}
    assert {sheet.cell(r, header["Udvalg"]).value for r in rows} == {"Økonomiudvalget"}
    assert sheet.cell(rows[0], header["Kilde"]).value == "budget_remarks_kalundborg_oeu_2024.txt, page 1, line 7"
    total = total_cell(built)
    assert book.formula(total) == f"=SUM(C{rows[0]}:C{rows[-1]})"
    assert book.value(total) == sum(a.net_budget for a in expected) == 460_443_800
    assert validate_workbook(built) == []


def test_section_texts_are_readable_in_wrapped_cells(built: Path) -> None:
    expected = areas(REMARKS_TXT)
    header, rows = rows_by_label(built)
    sheet = load_workbook(built)[REMARKS_SHEET]
    assert ["Budgetgrundlag", "Beskrivelse af området", "Udvikling og udfordringer"] == [
        t for t in header if t in ("Budgetgrundlag", "Beskrivelse af området", "Udvikling og udfordringer")]
    cell = sheet.cell(rows[0], header["Beskrivelse af området"])
    assert cell.value == expected[0].sections["Beskrivelse af området"]
    assert cell.style == "bb_wrap" and cell.alignment.wrap_text
    bullets = sheet.cell(rows[1], header["Beskrivelse af området"])  # Borgerservice: a list of bullets
    assert "\n- " in bullets.value and bullets.data_type == "s"
    demografi = next(r for r in rows if sheet.cell(r, header["Område"]).value == "Demografipulje - Ældreområdet")
    assert sheet.cell(demografi, header["Uden overskrift"]).value
    assert sheet.cell(demografi, header["Budgetgrundlag"]).value is None


def test_the_same_remarks_twice_are_counted_once(tmp_path: Path, built: Path) -> None:
    copy = tmp_path / "kopi.txt"
    shutil.copy(REMARKS_TXT, copy)
    twice = tmp_path / "twice.xlsx"
    build_workbook([REMARKS_TXT, copy, REMARKS_DOCX], twice)  # the DOCX holds the same areas again
    assert EvaluatedBook.open(twice).value(total_cell(twice)) == EvaluatedBook.open(built).value(total_cell(built))
    assert len(rows_by_label(twice)[1]) == 17


def test_remarks_of_several_committees_merge_with_a_total_per_committee(tmp_path: Path) -> None:
    other = tmp_path / "bemaerkninger_tmu.txt"
    other.write_text(OTHER_COMMITTEE, encoding="utf-8")
    out = tmp_path / "Budget.xlsx"
    build_workbook([REMARKS_TXT, other], out)
    _header, rows = rows_by_label(out)
    assert len(rows) == 17 + 2
    book = EvaluatedBook.open(out)
    assert book.value(total_cell(out)) == 460_443_800 + 12_500_000 + 7_250_500
    sheet = load_workbook(out)[REMARKS_SHEET]
    per_committee = {sheet.cell(r, 1).value: (book.value(f"{REMARKS_SHEET}!B{r}"), book.value(f"{REMARKS_SHEET}!C{r}"))
                     for r in range(rows[-1] + 3, sheet.max_row + 1) if sheet.cell(r, 3).data_type == "f"}
    assert per_committee == {"Økonomiudvalget": (17, 460_443_800), "Teknik- og Miljøudvalget": (2, 19_750_500)}


def test_remarks_alone_make_a_workbook_without_center_sheets(built: Path) -> None:
    assert load_workbook(built).sheetnames == ["Oversigt", REMARKS_SHEET, "Kilder", "Kontrol"]


OTHER_REMARKS = sorted(p for p in REMARKS.iterdir() if p.suffix in {".pdf", ".docx"} and not p.name.startswith("budget_"))


def test_remarks_in_kr_1000_kr_and_mio_kr_are_added_only_after_conversion(tmp_path: Path) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([REMARKS_TXT, *OTHER_REMARKS], out)
    assert [f for f in validate_workbook(out) if f.severity.name == "ERROR"] == []
    header, rows = rows_by_label(out)
    sheet = load_workbook(out)[REMARKS_SHEET]
    book = EvaluatedBook.open(out)
    shown = {sheet.cell(r, header["Område"]).value: (
        sheet.cell(r, header["Nettobudget som anført"]).value, sheet.cell(r, header["Enhed"]).value,
        sheet.cell(r, header["Faktor til kr."]).value,
        book.value(f"{REMARKS_SHEET}!{sheet.cell(r, header['Nettobudget (kr.)']).coordinate}")) for r in rows}
    assert shown["Budgetområde 826 Administration"] == (474.6, "mio. kr.", 1_000_000, 474_600_000)
    assert shown["Kapitel 14: Politikområde Sundhed"] == (173_363, "1.000 kr.", 1000, 173_363_000)
    assert shown["Politisk organisation"] == (12_345_678, "kr.", 1, 12_345_678)
    once = {}  # the same committee's area read from two files (Ishøj as PDF and Word) is one row
    for path in (REMARKS_TXT, *OTHER_REMARKS):
        result = importers.parse(path)
        for area in areas(path):
            once.setdefault((result.document.committee or path.name, area.name), area.net_budget_tkr * 1000)
    assert book.value(total_cell(out)) == pytest.approx(sum(once.values()))
