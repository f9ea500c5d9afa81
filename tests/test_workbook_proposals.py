"""Proposal forms in the workbook: the Forslag sheet, the center blocks, the overview, merging and re-runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter

import importers
from budgetbook.model import ImportResult
from budgetbook.records.proposals import ProposalForm
from templates import template_path
from tests.golden import SAMPLES
from tests.spreadsheets import cached_values, libreoffice_recalc
from workbook.api import build_workbook
from workbook.build import build_layout
from workbook.engine import EvaluatedBook
from workbook.sections.proposals import (
    CENTER,
    FORMS_SHEET,
    GEVINST,
    HEADER_ROW,
    INVESTERING,
    KEY,
    NET,
    OVERSKRIFT,
    STATED,
    TITLE,
    YEAR,
)
from workbook.validate import validate_workbook
from workbook.write_xlsx import fill_template

FORMS = SAMPLES / "proposal_forms"
FORMS_DOCX = FORMS / "proposal_forms_lejre_2024-2027.docx"
FORMS_TXT = FORMS / "proposal_forms_lejre_2024-2027.txt"
QUIRKS_DOCX = FORMS / "checkbox-signs-and-plain-headings.docx"
REMARKS_TXT = SAMPLES / "budget_remarks" / "budget_remarks_kalundborg_oeu_2024.txt"
REDUCTIONS_TXT = SAMPLES / "reduction_list" / "lejre-2023.txt"
YEARS = ["2024", "2025", "2026", "2027"]


def net_by_center(results: list[ImportResult]) -> dict[tuple[str, str], float]:
    """(center, year) -> gevinst + investeringsbehov summed over the forms: what the workbook must show."""
    totals: dict[tuple[str, str], float] = {}
    for result in results:
        for form in result.records:
            assert isinstance(form, ProposalForm)
            for year in form.years:
                net = (form.estimeret_gevinst.get(year) or 0) + (form.investeringsbehov.get(year) or 0)
                totals[(form.center, year)] = totals.get((form.center, year), 0) + net
    return totals


def overview_totals(path: Path, book: EvaluatedBook) -> dict[str, object]:
    """Forslag year -> the Hovedtotal of the overview, evaluated."""
    sheet = load_workbook(path)["Oversigt"]
    header = {sheet.cell(4, c).value: c for c in range(1, sheet.max_column + 1)}
    row = next(r for r in range(5, sheet.max_row + 1) if sheet.cell(r, 1).value == "Hovedtotal")
    return {year: book.value(f"Oversigt!{sheet.cell(row, header[f'{TITLE} {year}']).coordinate}")
            for year in YEARS if f"{TITLE} {year}" in header}


def center_totals(path: Path, book: EvaluatedBook) -> dict[tuple[str, str], object]:
    """(center, year) -> the Forslag sheet's SUMIFS total, evaluated."""
    sheet = load_workbook(path)[FORMS_SHEET]
    top = next(r for r in range(HEADER_ROW + 1, sheet.max_row + 1)
               if str(sheet.cell(r, 1).value).startswith("Nettoændring pr. center"))
    years = {sheet.cell(top + 1, c).value: c for c in range(2, sheet.max_column + 1) if sheet.cell(top + 1, c).value}
    totals = {}
    for row in range(top + 2, sheet.max_row + 1):
        center = sheet.cell(row, 1).value
        if center in (None, "Total"):
            break
        for year, col in years.items():
            totals[(center, str(year))] = book.value(f"{FORMS_SHEET}!{sheet.cell(row, col).coordinate}")
    return totals


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("forslag") / "Budget.xlsx"
    build_workbook([REDUCTIONS_TXT, FORMS_DOCX, REMARKS_TXT], out)
    return out


def test_end_to_end_totals_equal_the_sums_of_the_records(built: Path) -> None:
    results = [importers.parse(FORMS_DOCX)]
    expected = net_by_center(results)
    book = EvaluatedBook.open(built)
    assert center_totals(built, book) == expected
    assert overview_totals(built, book) == {y: sum(v for (_, year), v in expected.items() if year == y)
                                            for y in YEARS}
    # the CJS sheet: the reduction list's block, then the forms' block with a SUM total per year
    cjs = load_workbook(built)["CJS"]
    total_row = next(r for r in range(1, cjs.max_row + 1) if str(cjs.cell(r, 1).value).startswith("Total, netto"))
    for index, year in enumerate(YEARS):
        cell = cjs.cell(total_row, 6 + index)
        assert str(cell.value).startswith("=SUM(")
        assert book.value(f"CJS!{cell.coordinate}") == expected[("CJS", year)]
    assert list(cjs.tables) == ["Reduktioner_CJS", "Forslag_CJS"]
    # the reduction list is untouched by the forms: its main total still reconciles with its source
    assert not [f for f in validate_workbook(built) if f.severity.value == "error"]


def test_every_net_change_is_a_live_formula_beside_the_stated_total(built: Path) -> None:
    sheet = load_workbook(built)[FORMS_SHEET]
    header = {sheet.cell(HEADER_ROW, c).value: c for c in range(1, sheet.max_column + 1)}
    book = EvaluatedBook.open(built)
    rows = [r for r in range(HEADER_ROW + 1, sheet.max_row + 1)
            if str(sheet.cell(r, header[KEY]).value).startswith("F-")]
    assert len(rows) == 8 * 4, "one row per form and year"
    first = rows[0]
    assert sheet.cell(first, header[OVERSKRIFT]).value == "Hjemtagning af akut foranstaltninger"
    assert sheet.cell(first, header[YEAR]).value == 2024
    gevinst, investering = (get_column_letter(header[label]) for label in (GEVINST, INVESTERING))
    assert sheet.cell(first, header[NET]).value == f"={gevinst}5+{investering}5"
    assert book.value(f"Forslag!{sheet.cell(first, header[NET]).coordinate}") == -1500
    assert sheet.cell(first, header["Investering"]).value == "x"
    assert sheet.cell(first, header["Besparelse"]).value == "x"
    assert sheet.cell(first, header["Effektivisering"]).value is None
    # every column that holds a signed amount says which sign a saving has
    assert "− = besparelse" in sheet.cell(HEADER_ROW, header[NET]).value
    assert "− = besparelse" in load_workbook(built)["Oversigt"].cell(4, 6).value
    centers = {sheet.cell(r, header[CENTER]).value for r in rows}
    assert centers == {"CJS"}


def test_the_same_form_file_twice_gives_the_same_totals(tmp_path: Path) -> None:
    once, twice = tmp_path / "once.xlsx", tmp_path / "twice.xlsx"
    build_workbook([FORMS_TXT], once)
    copy = tmp_path / "kopi af forslag.txt"
    shutil.copy(FORMS_TXT, copy)
    build_workbook([FORMS_TXT, copy, FORMS_TXT], twice)
    first, second = EvaluatedBook.open(once), EvaluatedBook.open(twice)
    assert center_totals(twice, second) == center_totals(once, first)
    assert overview_totals(twice, second) == overview_totals(once, first)
    assert "read once" in str(load_workbook(twice)["Kilder"].cell(8, 1).value)


def test_the_same_forms_in_another_format_are_counted_once_and_named(tmp_path: Path) -> None:
    """The DOCX and the text form are different files (other checksums) holding the same proposals."""
    out = tmp_path / "Budget.xlsx"
    build_workbook([FORMS_TXT, FORMS_DOCX], out)
    book = EvaluatedBook.open(out)
    assert center_totals(out, book) == net_by_center([importers.parse(FORMS_TXT)])
    notes = [str(c.value) for row in load_workbook(out)[FORMS_SHEET].iter_rows() for c in row
             if "samme forslag som" in str(c.value)]
    assert len(notes) == 8 and "proposal_forms_lejre_2024-2027.docx" in notes[0]


def test_more_documents_merge(tmp_path: Path) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([FORMS_DOCX, QUIRKS_DOCX], out)
    results = [importers.parse(FORMS_DOCX), importers.parse(QUIRKS_DOCX)]
    book = EvaluatedBook.open(out)
    totals, expected = center_totals(out, book), net_by_center(results)
    assert set(expected) <= set(totals)
    assert totals == {key: expected.get(key, 0) for key in totals}, "a center without forms in a year sums to 0"
    assert ("CEJ", "2028") in totals and ("CJS", "2028") in totals  # the quirk form's other years and center
    forms = sum(len(r.records) for r in results)
    sheet = load_workbook(out)[FORMS_SHEET]
    key_col = next(c.column for c in sheet[HEADER_ROW] if c.value == KEY)
    keys = {sheet.cell(r, key_col).value for r in range(HEADER_ROW + 1, sheet.max_row + 1)} - {None}
    assert len(keys) == forms


def test_libreoffice_recalculates_the_forms_to_the_same_values(tmp_path: Path) -> None:
    layout = build_layout([importers.parse(p) for p in (REDUCTIONS_TXT, FORMS_DOCX, REMARKS_TXT)])
    raw = tmp_path / "raw.xlsx"
    fill_template(layout, template_path()).save(raw)  # no cached values: LibreOffice must compute
    ours = EvaluatedBook.open(raw)
    theirs = cached_values(libreoffice_recalc(raw, tmp_path / "lo"))
    compared = 0
    for sheet, ref, _text in ours.formula_cells():
        if sheet not in (FORMS_SHEET, "Oversigt", "CJS", "Bemærkninger"):
            continue
        mine = ours.value(ref, sheet)
        if mine == "":
            continue
        assert theirs.get((sheet, ref)) == pytest.approx(mine, abs=1e-9), (sheet, ref, mine)
        compared += 1
    assert compared > 60


OTHER_FORMS = sorted(p for p in (SAMPLES / "proposal_forms").iterdir()
                     if p.suffix in {".pdf", ".docx", ".xlsx"} and not p.name.startswith(("proposal_forms_", "checkbox")))


def test_forms_in_other_units_and_signs_are_brought_to_one(tmp_path: Path) -> None:
    """Every form's amounts in 1.000 kr. with a saving negative: Herning's mio. kr. with savings positive
    times −1.000, a form stating only its total (Egedal) has that total as its net change, and the
    workbook validates."""
    out = tmp_path / "Budget.xlsx"
    build_workbook(OTHER_FORMS, out)
    assert [f for f in validate_workbook(out) if f.severity.value == "error"] == []
    sheet = load_workbook(out)[FORMS_SHEET]
    header = {sheet.cell(HEADER_ROW, c).value: c for c in range(1, sheet.max_column + 1)}
    book = EvaluatedBook.open(out)
    rows = {(sheet.cell(r, header[OVERSKRIFT]).value, sheet.cell(r, header[YEAR]).value): r
            for r in range(HEADER_ROW + 1, sheet.max_row + 1) if str(sheet.cell(r, header[KEY]).value).startswith("F-")}

    def shown(title: str, year: int, label: str) -> object:
        return book.value(f"Forslag!{sheet.cell(rows[(title, year)], header[label]).coordinate}")

    herning = "Fælles ledelse af de tre dagtilbud i Sunds"
    assert (shown(herning, 2025, GEVINST), shown(herning, 2025, INVESTERING), shown(herning, 2025, NET)) == (-400, 100,
                                                                                                             -300)
    assert shown(herning, 2025, "Enhed i forslaget") == "mio. kr."
    assert shown(herning, 2025, "Faktor til 1.000 kr. (− = besparelse)") == -1000
    egedal = "Ændret åbningstid i dagplejen om fredagen"
    assert shown(egedal, 2027, NET) == -500  # "Budgetændring" only: the net change is the stated total
    kobenhavn = "Automatisering af administrative processer i lønadministrationen"
    assert shown(kobenhavn, 2025, NET) == -400 == shown(kobenhavn, 2025, STATED)
    assert sheet.cell(HEADER_ROW, header["Udvidelse"]).value == "Udvidelse"
