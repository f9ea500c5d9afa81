"""The minutes' table validators: one broken variant of the seed minutes per rule, and the seed itself clean."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from budgetbook.findings import Finding
from tests.golden import SAMPLES
from workbook.build import build_layout
from workbook.layout import address
from workbook.sections.minutes import (
    RULE_BRIDGE,
    RULE_DEVIATION,
    RULE_SUM,
    TABLES_SUFFIX,
    headers_to_deviations,
    rounding_tolerance,
)
from workbook.validate import validate_workbook
from workbook.write_xlsx import write_workbook

MINUTES = SAMPLES / "minutes" / "minutes_lejre_bu_2024-08-13.txt"
TABLES = f"Referat{TABLES_SUFFIX}"
MINUTES_RULES = {RULE_DEVIATION, RULE_SUM, RULE_BRIDGE}


def build_variant(tmp_path: Path, replace: tuple[str, str] | None = None) -> Path:
    """The seed minutes, with one line changed, built into a workbook under the seed's own file name."""
    text = MINUTES.read_text(encoding="utf-8")
    if replace is not None:
        old, new = replace
        assert text.count(old) == 1, f"the seed has no single line {old!r}"
        text = text.replace(old, new)
    source = tmp_path / MINUTES.name
    source.write_text(text, encoding="utf-8")
    target = tmp_path / "Budget.xlsx"
    write_workbook(build_layout([importers.parse(source)]), target)
    return target


def minutes_findings(workbook: Path) -> list[Finding]:
    return [f for f in validate_workbook(workbook) if f.rule in MINUTES_RULES]


def cell_of(workbook: Path, row_label: str, header_start: str, header_end: str, nth: int = 1) -> str:
    """The address of a stated value: the nth row labelled `row_label`, the column whose header matches."""
    sheet = load_workbook(workbook)[TABLES]
    rows = [c.row for c in sheet["A"] if c.value == row_label]
    row = rows[nth - 1]
    header = max(r for r in range(1, row) if sheet.cell(r, 1).style == "bb_header")
    for cell in sheet[header]:
        if isinstance(cell.value, str) and cell.value.startswith(header_start) and cell.value.endswith(header_end):
            return address(TABLES, f"{cell.column_letter}{row}")
    raise AssertionError(f"no column {header_start}...{header_end} above row {row}")


def test_the_seed_minutes_validate_without_findings(tmp_path: Path) -> None:
    workbook = build_variant(tmp_path)
    assert validate_workbook(workbook) == []


def test_a_wrong_deviation_is_reported_with_its_cell_and_line(tmp_path: Path) -> None:
    workbook = build_variant(tmp_path, ("Anlægsprojekter\t88,8\t212,4\t134,9\t46,1\t-77,5",
                                        "Anlægsprojekter\t88,8\t212,4\t134,9\t47,1\t-77,5"))
    findings = [f for f in minutes_findings(workbook) if f.rule == RULE_DEVIATION]
    assert len(findings) == 1
    finding = findings[0]
    assert finding.cell == cell_of(workbook, "Anlægsprojekter", "FV.", "Opr. (oplyst)")
    assert finding.source is not None and finding.source.line == 715
    assert finding.found == 47.1 and finding.expected == pytest.approx(46.1)
    assert "Anlægsprojekter" in finding.message and "Tabel 1" in finding.message


def test_a_deviation_one_decimal_off_is_rounding(tmp_path: Path) -> None:
    workbook = build_variant(tmp_path, ("Anlægsprojekter\t88,8\t212,4\t134,9\t46,1\t-77,5",
                                        "Anlægsprojekter\t88,8\t212,4\t134,9\t46,2\t-77,5"))
    assert [f for f in minutes_findings(workbook) if f.rule == RULE_DEVIATION] == []


@pytest.mark.parametrize(("old", "new", "label", "header", "line"), [
    ("<b>I alt</b>\t<b>8,76</b>", "<b>I alt</b>\t<b>9,76</b>", "I alt", "Beløb", 741),
    ("<b>Udgifter i alt</b>\t<b>2.079,6</b>", "<b>Udgifter i alt</b>\t<b>2.089,6</b>", "Udgifter i alt",
     "Oprindeligt budget", 721),
])
def test_a_wrong_sum_is_reported_with_its_cell_and_line(tmp_path: Path, old: str, new: str, label: str,
                                                       header: str, line: int) -> None:
    workbook = build_variant(tmp_path, (old, new))
    cell = cell_of(workbook, label, header, "")
    findings = [f for f in minutes_findings(workbook) if f.rule == RULE_SUM and f.cell == cell]
    assert len(findings) == 1
    assert findings[0].source is not None and findings[0].source.line == line


def test_the_result_row_is_the_sum_of_income_and_expenses(tmp_path: Path) -> None:
    workbook = build_variant(tmp_path, ("<b>LIKVIDITETOVERSKUD (-)</b>\t<b>0,0</b>",
                                        "<b>LIKVIDITETOVERSKUD (-)</b>\t<b>1,0</b>"))
    cell = cell_of(workbook, "LIKVIDITETOVERSKUD (-)", "Oprindeligt budget", "")
    sums = [f for f in minutes_findings(workbook) if f.rule == RULE_SUM]
    assert [(f.cell, f.source.line if f.source else None) for f in sums] == [(cell, 723)]


def test_a_broken_korrigeret_budget_bridge_is_reported(tmp_path: Path) -> None:
    workbook = build_variant(tmp_path, ("<b>Korrigeret budget</b>\t\t\t<b>1.961,06</b>",
                                        "<b>Korrigeret budget</b>\t\t\t<b>1.962,06</b>"))
    findings = minutes_findings(workbook)
    assert [(f.rule, f.cell) for f in findings] == [(RULE_BRIDGE, cell_of(workbook, "Korrigeret budget", "Beløb", ""))]
    assert findings[0].source is not None and findings[0].source.line == 761


def test_a_missing_change_breaks_the_bridge(tmp_path: Path) -> None:
    workbook = build_variant(tmp_path, ("Driftsoverførsel 2023-2024\t7\t18.03.2024\t16,72\n", ""))
    assert [f.rule for f in minutes_findings(workbook)] == [RULE_BRIDGE]


def test_the_validator_needs_only_the_xlsx(tmp_path: Path) -> None:
    """A stated value changed in the workbook afterwards is found: the rules read the cells, not the source."""
    workbook = build_variant(tmp_path)
    cell = cell_of(workbook, "Renter", "FV.", "Kor. (oplyst)")
    book = load_workbook(workbook)
    book[TABLES][cell.split("!")[1]] = 1.0
    edited = tmp_path / "edited.xlsx"
    book.save(edited)
    findings = {f.rule: f for f in minutes_findings(edited)}
    assert set(findings) == {RULE_DEVIATION, RULE_SUM}  # the stated deviations no longer add up either
    assert findings[RULE_DEVIATION].cell == cell
    assert findings[RULE_DEVIATION].source is not None and findings[RULE_DEVIATION].source.line == 718
    assert findings[RULE_SUM].cell == cell_of(workbook, "Udgifter i alt", "FV.", "Kor. (oplyst)")


def test_the_tolerance_is_half_a_unit_of_the_last_decimal_per_rounded_figure() -> None:
    deviation = rounding_tolerance(1, 3)  # forventet, budget, stated deviation: mio. kr. with one decimal
    assert deviation == pytest.approx(0.15)
    assert abs(2.6 - 2.5) <= deviation  # rounding
    assert not abs(2.6 - 1.6) <= deviation  # 1,0 is not
    assert rounding_tolerance(2, 15) == pytest.approx(0.075)  # a bridge of 13 changes in 0,01 mio. kr.
    assert rounding_tolerance(0, 2) == pytest.approx(1.0)


def test_deviation_columns_are_read_from_the_headers() -> None:
    headers = ("Resultatopgørelse (mio. kr.)", "Oprindeligt budget (a)", "Korrigeret budget (b)",
               "Forventet regnskab 2024", "FV. regnskabsa fvigelse i forhold til: Opr.",
               "FV. regnskabsafvigelse i forhold til: Kor.")
    assert [(d.column, d.minuend, d.subtrahend) for d in headers_to_deviations(headers)] == [(3, 2, 0), (4, 2, 1)]
