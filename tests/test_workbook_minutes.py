"""Minutes in the workbook: the Referat sheet, the tables with live formulas, and LibreOffice agreeing."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from budgetbook.records.minutes import AgendaItem
from templates import template_path
from tests.golden import SAMPLES, sample_files
from tests.parsed import parsed
from tests.spreadsheets import libreoffice_recalc
from workbook.build import OVERVIEW, build_layout
from workbook.engine import EvaluatedBook
from workbook.sections.minutes import (
    AGENDA_COLUMNS,
    CHECK_COLUMNS,
    CHECK_TABLE_PREFIX,
    COMPUTED,
    OK,
    REFERAT,
    TABLES_SUFFIX,
    UNIT,
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


def first_header_row(sheet: object) -> int:
    return next(c.row for c in sheet["A"] if c.value == AGENDA_COLUMNS[0])  # type: ignore[index]


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
    assert fields["Mødedato"] == "13-08-2024" and fields["Mødested"] == "Mødelokale 4, Allerslev"
    items = [r for r in importers.parse(MINUTES_TXT).records if isinstance(r, AgendaItem)]
    rows = {sheet.cell(r, 2).value: r for r in range(1, sheet.max_row + 1) if isinstance(sheet.cell(r, 2).value, int)}
    assert sorted(rows) == [item.number for item in items]
    forecast = rows[9]
    case = sheet.cell(forecast, 3)
    assert case.value == "24-004869" and case.data_type == "s"
    column = {sheet.cell(first_header_row(sheet), c).value: c for c in range(1, len(AGENDA_COLUMNS) + 1)}
    assert sheet.cell(forecast, column["Beslutning"]).value == "Indstillingerne anbefales indenfor udvalgets område."
    assert sheet.cell(forecast, column["Besluttet af"]).value == "Udvalget for Børn og Ungdom"
    assert sheet.cell(forecast, column["Beslutningsdato"]).value == "13-08-2024"
    assert "3. at tillægsbevillinger på netto -1.765,0 t. kr." in sheet.cell(forecast, column["Indstilling"]).value
    assert ("12-08-2024 Udvalget for Kultur, Fritid og Turisme: Indstillingerne anbefales."
            in sheet.cell(forecast, column["Sagens forløb"]).value)


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


# -- the minutes of every committee system the importer reads -------------------------------------------

@pytest.mark.parametrize("sample", [s for s in sample_files("minutes") if not s.name.startswith("minutes_lejre")],
                         ids=lambda p: p.name)
def test_every_sample_builds_and_validates_without_findings(tmp_path: Path, sample: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    write_workbook(build_layout([parsed(sample)]), target)
    assert validate_workbook(target) == []
    assert REFERAT in load_workbook(target).sheetnames


def test_referat_shows_history_with_committee_and_date_and_the_absent(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    write_workbook(build_layout([parsed(MINUTES / "naestved-beslutning-flere-udvalg.pdf")]), target)
    sheet = load_workbook(target)[REFERAT]
    header = first_header_row(sheet)
    column = {sheet.cell(header, c).value: c for c in range(1, len(AGENDA_COLUMNS) + 1)}
    row = header + 1
    assert sheet.cell(row, column["Punkt"]).value == 248
    assert (sheet.cell(row, column["Besluttet af"]).value, sheet.cell(row, column["Beslutningsdato"]).value) == (
        "Byrådet", "18-12-2018")
    assert sheet.cell(row, column["Sagens forløb"]).value == (
        "10-12-2018 Økonomiudvalget: Ad 1, 2, 3 og 4: Anbefales. (Fraværende: Lars Hoppe Søe)")
    fields = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(4, header)}
    assert fields["Mødedato"].startswith("18-12-2018 (beslutningernes dato")


def test_absences_of_each_item_and_of_the_meeting(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    write_workbook(build_layout([parsed(MINUTES / "aabenraa-beslutningsprotokol.docx")]), target)
    sheet = load_workbook(target)[REFERAT]
    header = first_header_row(sheet)
    fields = {sheet.cell(r, 1).value: sheet.cell(r, 2).value for r in range(4, header)}
    assert fields["Fraværende"] == "Dorte Ballhorn Soll"
    column = AGENDA_COLUMNS.index("Fraværende") + 1
    assert [sheet.cell(header + i, column).value for i in (1, 2)] == ["Dorte Ballhorn Soll"] * 2


def test_a_tables_unit_is_shown_and_carried_into_every_check(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    write_workbook(build_layout([parsed(MINUTES / "firstagenda-tabel-over-sideskift.pdf")]), target)
    sheet = load_workbook(target)[TABLES]
    notes = [c.value for c in sheet["A"] if isinstance(c.value, str)]
    assert any("Beløb i mio. kr. (Resultatopgørelse (mio. kr.))" in n for n in notes)
    header, last, col = check_table(sheet)
    assert {sheet.cell(r, col[UNIT]).value for r in range(header + 1, last + 1)} == {"mio. kr."}
    result_row = row_of(sheet, "Resultat af ordinær driftsvirksomhed")
    assert sheet.cell(result_row + 1, 2).value == f"=B{row_of(sheet, 'Driftsresultat før finansiering')}+B{row_of(sheet, 'Renter mv.')}"


def test_a_wrong_figure_is_a_finding_in_the_tables_unit(tmp_path: Path) -> None:
    result = parsed(MINUTES / "firstagenda-tabel-over-sideskift.docx")
    (item,) = result.records
    (table,) = item.tables
    rows = list(table.rows)
    skatter = next(i for i, r in enumerate(rows) if r.label == "Skatter")
    rows[skatter] = dataclasses.replace(rows[skatter], values=(-2093.8, -2093.8, -2091.7, 3.1, "0,1%"))
    wrong = dataclasses.replace(result, records=(dataclasses.replace(
        item, tables=(dataclasses.replace(table, rows=tuple(rows)),)),))
    target = tmp_path / "Budget.xlsx"
    write_workbook(build_layout([wrong]), target)
    findings = {(f.rule, f.message.split("row '")[1].split("'")[0]): f for f in validate_workbook(target)}
    assert set(findings) == {("minutes_deviation", "Skatter"), ("minutes_sum", "Indtægter i alt")}
    deviation = findings["minutes_deviation", "Skatter"].message
    assert "The minutes state 3,1 mio. kr." in deviation and "give 2,1 mio. kr." in deviation


def test_a_total_with_no_rows_above_it_is_no_part_of_the_next_total() -> None:
    """Stevns (third hold-out trial): "Drift i alt" and "Anlæg i alt" are two totals, each of its own area; the
    workbook checked "Anlæg i alt" as the sum of "Drift i alt" (three false errors per table)."""
    from budgetbook.model import Provenance
    from budgetbook.records.minutes import TableRow
    from workbook.sections.minutes_plan import rows_to_sums
    where = Provenance("referat.pdf", 1, 1)
    rows = (TableRow("Drift i alt", (1321.4, 1309.8, -11.6), where), TableRow("Anlæg i alt", (64.0, 51.2, -12.8), where))
    assert rows_to_sums(rows) == ()
    rows = (TableRow("Skoler", (10.0,), where), TableRow("Dagtilbud", (5.0,), where), TableRow("Børn i alt", (15.0,), where),
            TableRow("Anlæg i alt", (3.0,), where))
    assert [(s.row, s.parts) for s in rows_to_sums(rows)] == [(2, (0, 1))]
