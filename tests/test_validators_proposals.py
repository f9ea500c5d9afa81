"""One test per proposal-form rule: a form that breaks exactly that rule, built, validated from the .xlsx alone.

The broken variants are the sample text form with one line changed (and once a Word
document written from it), so each finding's cell and source line are known exactly.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from budgetbook.findings import Finding, Severity
from budgetbook.records.proposals import ProposalForm
from samples.make_proposal_forms import text_to_forms, write_docx
from tests.golden import SAMPLES
from workbook.api import build_workbook
from workbook.sections.proposals import (
    AARSVAERK,
    FORMS_SHEET,
    GEVINST,
    HEADER_ROW,
    NET,
    OVERSKRIFT,
    YEAR,
)
from workbook.validate import validate_workbook

FORMS_TXT = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.txt"
SEED = FORMS_TXT.read_text(encoding="utf-8")
ISAFJORD = "Nedlægge tilbuddet Isafjord"
TABT = "Reducering af tabt arbejdsfortjeneste"
JOBCENTER = "Administrationsbesparelse i Jobcentret"
HJEMTAGNING = "Hjemtagning af akut foranstaltninger"


def edited(old: str, new: str) -> str:
    """The sample text with one line replaced; the line must be there exactly once."""
    assert SEED.count(old) == 1, f"{old!r} is not one line of the sample"
    return SEED.replace(old, new)


def line_number(text: str, line: str) -> int:
    return text.split("\n").index(line) + 1


def build_and_validate(tmp_path: Path, text: str, name: str = "forslag.txt") -> tuple[Path, list[Finding]]:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "Budget.xlsx"
    build_workbook([source], out)
    return out, validate_workbook(out)


def cell_of(path: Path, overskrift: str, year: int, label: str) -> str:
    """The address of a form's value in a year on the Forslag sheet, found by the header labels."""
    sheet = load_workbook(path)[FORMS_SHEET]
    header = {sheet.cell(HEADER_ROW, c).value: c for c in range(1, sheet.max_column + 1)}
    row = next(r for r in range(HEADER_ROW + 1, sheet.max_row + 1)
               if sheet.cell(r, header[OVERSKRIFT]).value == overskrift and sheet.cell(r, header[YEAR]).value == year)
    return f"{FORMS_SHEET}!{sheet.cell(row, header[label]).coordinate}"


def by_rule(findings: list[Finding], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_the_sample_forms_break_no_rule_but_the_unsigned_aarsvaerk(tmp_path: Path) -> None:
    """The seed: totals add up, savings save, no gevinst beyond its budget; two pure savings write
    their årsværk without a minus ("1,3"), which reads as more staff and is flagged."""
    path, findings = build_and_validate(tmp_path, SEED)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    assert {(f.rule, f.cell) for f in findings} == {
        ("aarsvaerk_against_kind", cell_of(path, JOBCENTER, 2024, AARSVAERK)),
        ("aarsvaerk_against_kind", cell_of(path, "Lukning af Værestedet Horseager", 2024, AARSVAERK)),
    }


def test_stated_total_that_is_not_gevinst_plus_investering_is_an_error(tmp_path: Path) -> None:
    text = edited("Ændringsforslag i alt\t-450\t-650\t-650\t-650", "Ændringsforslag i alt\t-450\t-600\t-650\t-650")
    path, findings = build_and_validate(tmp_path, text)
    [finding] = by_rule(findings, "aendringsforslag_i_alt")
    assert finding.severity is Severity.ERROR
    assert finding.cell == cell_of(path, ISAFJORD, 2025, NET)
    assert finding.source.line == line_number(text, "Ændringsforslag i alt\t-450\t-600\t-650\t-650")
    assert (finding.expected, finding.found) == (-600, -650)
    assert ISAFJORD in finding.message and "2025" in finding.message


def test_besparelse_that_costs_money_in_a_year_is_a_warning(tmp_path: Path) -> None:
    """Isafjord is a Besparelse only: a positive net change in 2026 contradicts it."""
    text = edited("Estimeret gevinst\t-450\t-650\t-650\t-650", "Estimeret gevinst\t-450\t-650\t650\t-650")
    text = text.replace("Ændringsforslag i alt\t-450\t-650\t-650\t-650", "Ændringsforslag i alt\t-450\t-650\t650\t-650")
    path, findings = build_and_validate(tmp_path, text)
    assert not by_rule(findings, "aendringsforslag_i_alt"), "the stated total was kept consistent"
    [finding] = by_rule(findings, "besparelse_not_saving")
    assert finding.severity is Severity.WARNING
    assert finding.cell == cell_of(path, ISAFJORD, 2026, NET)
    assert finding.found == 650 and ISAFJORD in finding.message
    kind_line = importers.parse(tmp_path / "forslag.txt").records[1].lines["kind"]  # "Ændringen vedrører"
    assert finding.source == kind_line and finding.source.line == line_number(text, f"Overskrift\t{ISAFJORD}") + 3


def test_besparelse_with_investering_that_saves_nothing_over_its_years_is_a_warning(tmp_path: Path) -> None:
    """An investment year may cost; the whole period may not."""
    old = "Investeringsbehov\t300\t300\t300\t300"
    text = edited(old, "Investeringsbehov\t2.000\t2.000\t2.000\t2.000")
    text = text.replace("Ændringsforslag i alt\t-700\t-1.700\t-1.700\t-1.700", "Ændringsforslag i alt\t1.000\t0\t0\t0")
    path, findings = build_and_validate(tmp_path, text)
    assert not by_rule(findings, "aendringsforslag_i_alt")
    [finding] = by_rule(findings, "besparelse_not_saving")
    first, last = cell_of(path, TABT, 2024, NET), cell_of(path, TABT, 2027, NET)
    assert finding.cell == f"{first}:{last.split('!')[1]}"
    assert finding.found == 1000 and TABT in finding.message
    kind_line = importers.parse(tmp_path / "forslag.txt").records[2].lines["kind"]
    assert finding.source == kind_line


def test_more_aarsvaerk_in_a_pure_besparelse_is_a_warning(tmp_path: Path) -> None:
    text = edited("Ændring i antal årsværk\t-1\t-1\t-1\t-1", "Ændring i antal årsværk\t+1\t+1\t+1\t+1")
    path, findings = build_and_validate(tmp_path, text)
    isafjord = [f for f in by_rule(findings, "aarsvaerk_against_kind") if ISAFJORD in f.message]
    [finding] = isafjord
    assert finding.severity is Severity.WARNING
    assert finding.cell == cell_of(path, ISAFJORD, 2024, AARSVAERK)
    assert finding.source.line == line_number(text, "Ændring i antal årsværk\t+1\t+1\t+1\t+1")
    # +4 årsværk in a form that is also an Investering (insourcing hires staff) is no contradiction
    assert not [f for f in findings if HJEMTAGNING in f.message]


def test_gevinst_larger_than_the_current_budget_is_an_error(tmp_path: Path) -> None:
    text = edited("Nuværende budget\t19.024\t19.024\t19.024\t19.024", "Nuværende budget\t19.024\t500\t19.024\t19.024")
    path, findings = build_and_validate(tmp_path, text)
    [finding] = by_rule(findings, "gevinst_exceeds_budget")
    assert finding.severity is Severity.ERROR
    assert finding.cell == cell_of(path, JOBCENTER, 2025, GEVINST)
    assert finding.source.line == line_number(text, "Estimeret gevinst\t-700\t-700\t-700\t-700")
    assert (finding.expected, finding.found) == (500, -700)
    assert cell_of(path, JOBCENTER, 2025, "Nuværende budget") in finding.message


def test_gevinst_larger_than_the_budget_in_a_word_document(tmp_path: Path) -> None:
    """The same rule on a DOCX written from the broken text: the finding names the Word document's line."""
    text = edited("Nuværende budget\t1.213\t1.213\t1.213\t1.213", "Nuværende budget\t1.213\t1.213\t1.000\t1.213")
    docx = write_docx(text_to_forms(text), tmp_path / "forslag.docx")
    out = tmp_path / "Budget.xlsx"
    build_workbook([docx], out)
    findings = validate_workbook(out)
    [finding] = by_rule(findings, "gevinst_exceeds_budget")
    form = next(f for f in importers.parse(docx).records
                if isinstance(f, ProposalForm) and f.overskrift == "Lukning af Værestedet Horseager")
    assert finding.cell == cell_of(out, form.overskrift, 2026, GEVINST)
    assert finding.source == form.lines["estimeret_gevinst"]
    assert finding.source.file == "forslag.docx"


@pytest.mark.parametrize("rule", ["besparelse_not_saving", "aarsvaerk_against_kind", "gevinst_exceeds_budget"])
def test_a_workbook_without_forms_has_nothing_to_say(tmp_path: Path, rule: str) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([SAMPLES / "reduction_list" / "lejre-2023.txt"], out)
    assert not by_rule(validate_workbook(out), rule)
