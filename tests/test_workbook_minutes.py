"""Minutes in the workbook: the Referat sheet, the tables with live formulas, and LibreOffice agreeing."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from budgetbook.records.minutes import AgendaItem
from templates import template_path
from tests.golden import SAMPLES
from tests.spreadsheets import libreoffice_recalc
from workbook.build import OVERVIEW, build_layout
from workbook.engine import EvaluatedBook
from workbook.sections.minutes import (
    CHECK_COLUMNS,
    CHECK_TABLE_PREFIX,
    COMPUTED,
    OK,
    REFERAT,
    TABLES_SUFFIX,
)
from workbook.validate import validate_workbook
from workbook.write_xlsx import fill_template, write_workbook

MINUTES = SAMPLES / "minutes"
MINUTES_TXT = MINUTES / "minutes_lejre_bu_2024-08-13.txt"
REDUCTIONS_TXT = SAMPLES / "reduction_list" / "lejre-2023.txt"
TABLES = f"{REFERAT}{TABLES_SUFFIX}"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("minutes") / "Budget.xlsx"
    write_workbook(build_layout([importers.parse(MINUTES_TXT)]), target)
    return target


def row_of(sheet: object, label: str) -> int:
    return next(c.row for c in sheet["A"] if c.value == label)  # type: ignore[index]


def check_table(sheet: object) -> tuple[int, int, dict[str, int]]:
    """(header row, last row, column by label) of the sheet's check table."""
    from openpyxl.utils.cell import range_boundaries

    ref = next(r for n, r in sheet.tables.items() if n.startswith(CHECK_TABLE_PREFIX))  # type: ignore
    first_col, header, _, last = range_boundaries(ref)
    return header, last, {label: first_col + i for i, label in enumerate(CHECK_COLUMNS)}


def test_referat_has_the_meeting_and_every_item_with_its_case_number_as_text(built: Path) -> None:
    sheet = load_workbook(built)[REFERAT]
    assert sheet["A1"].value == "Referat: Udvalget for Børn og Ungdom"
    fields = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(4, 9)}
    assert fields["Mødedato"] == "2024-08-13" and fields["Mødested"] == "Mødelokale 4, Allerslev"
    items = [r for r in importers.parse(MINUTES_TXT).records if isinstance(r, AgendaItem)]
    rows = {sheet.cell(r, 2).value: r for r in range(1, sheet.max_row + 1) if isinstance(sheet.cell(r, 2).value, int)}
    assert sorted(rows) == [item.number for item in items]
    forecast = rows[9]
    case = sheet.cell(forecast, 3)
    assert case.value == "24-004869" and case.data_type == "s"
    assert sheet.cell(forecast, 4).value == "Indstillingerne anbefales indenfor udvalgets område."
    assert "3. at tillægsbevillinger på netto -1.765,0 t. kr." in sheet.cell(forecast, 5).value
    assert "Udvalget for Kultur, Fritid og Turisme" in sheet.cell(forecast, 7).value


def test_deviations_and_sums_are_live_formulas_beside_the_stated_values(built: Path) -> None:
    book = load_workbook(built)
    sheet = book[TABLES]
    values = EvaluatedBook(book)
    row = row_of(sheet, "Anlægsprojekter")
    assert sheet.cell(row, 5).value == 46.1  # stated: FV. regnskabsafvigelse i forhold til: Opr.
    assert sheet.cell(row, 6).value == f"=D{row}-B{row}"  # forventet regnskab - oprindeligt budget
    assert values.value(f"'{TABLES}'!F{row}") == pytest.approx(46.1)
    assert sheet.cell(row, 8).value == f"=D{row}-C{row}"  # forventet regnskab - korrigeret budget
    total = row_of(sheet, "Udgifter i alt")
    computed = sheet.cell(total + 1, 2).value
    assert computed.startswith("=SUM(B") and values.value(f"'{TABLES}'!B{total + 1}") == pytest.approx(2079.6)
    bridge = row_of(sheet, "Korrigeret budget")
    assert values.value(f"'{TABLES}'!D{bridge + 1}") == pytest.approx(1961.04)  # the minutes round to 1.961,06


def test_every_check_of_the_seed_is_in_order(built: Path) -> None:
    book = load_workbook(built)
    sheet = book[TABLES]
    header, last, col = check_table(sheet)
    values = EvaluatedBook(book)
    assert last - header == 34  # 24 deviations, 10 sums of table 1, the midtvejsregulering, the bridge
    assert all(values.value(f"'{TABLES}'!{sheet.cell(r, col[OK]).coordinate}") is True
               for r in range(header + 1, last + 1))


@pytest.mark.parametrize("name", ["minutes_lejre_bu_2024-08-13.txt", "minutes_lejre_bu_2024-08-13.pdf",
                                  "minutes_lejre_bu_2024-08-13.docx"])
def test_the_minutes_validate_without_errors_from_every_format(tmp_path: Path, name: str) -> None:
    target = tmp_path / "Budget.xlsx"
    write_workbook(build_layout([importers.parse(MINUTES / name)]), target)
    assert validate_workbook(target) == []


def test_minutes_beside_a_reduction_list_leave_the_overview_as_it_was(tmp_path: Path) -> None:
    alone, both = tmp_path / "alone.xlsx", tmp_path / "both.xlsx"
    write_workbook(build_layout([importers.parse(REDUCTIONS_TXT)]), alone)
    write_workbook(build_layout([importers.parse(REDUCTIONS_TXT), importers.parse(MINUTES_TXT)]), both)
    overview = [[c.value for c in row] for row in load_workbook(alone)[OVERVIEW].iter_rows()]
    assert [[c.value for c in row] for row in load_workbook(both)[OVERVIEW].iter_rows()] == overview
    assert validate_workbook(both) == []
    assert {REFERAT, TABLES} <= set(load_workbook(both).sheetnames)


def test_libreoffice_computes_the_same_deviations_and_checks(tmp_path: Path) -> None:
    layout = build_layout([importers.parse(MINUTES_TXT)])
    plain = tmp_path / "plain.xlsx"
    fill_template(layout, template_path()).save(plain)  # no cached values: LibreOffice must compute
    recalculated = load_workbook(libreoffice_recalc(plain, tmp_path / "lo"), data_only=True)[TABLES]
    ours_book = load_workbook(plain)
    ours = EvaluatedBook(ours_book)
    header, last, col = check_table(ours_book[TABLES])
    for row in range(header + 1, last + 1):
        assert recalculated.cell(row, col[OK]).value is True
        cell = ours_book[TABLES].cell(row, col[COMPUTED]).coordinate
        assert recalculated[cell].value == pytest.approx(ours.value(f"'{TABLES}'!{cell}"))
