"""Lists of three municipalities a third trial on documents nobody on the team had seen read wrong or refused
(Rudersdal: a "heraf" row under the proposal it is part of; Sønderborg: expansions and reductions in one table
under their own headings, the titles under "Ændring"; Aalborg: a table per udvalg under its heading, "Forslag i
alt" named after the column). What each must read as, and that a workbook of them has no error
(samples and sources: samples/reduction_list/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import importers
from budgetbook.findings import Severity
from importers.vocabulary import default
from tests.golden import SAMPLES
from workbook.api import build_workbook
from workbook.validate import validate_workbook

LISTS = SAMPLES / "reduction_list"
RUDERSDAL = LISTS / "rudersdal-heraf-raekke-mio-kr.xlsx"
SOENDERBORG = [LISTS / f"soenderborg-udvidelser-og-reduktioner-i-en-tabel.{ext}" for ext in ("docx", "pdf")]
AALBORG = LISTS / "aalborg-reduktionskrav-i-procent-pr-udvalg.docx"


def test_a_heraf_row_is_part_of_the_proposal_above() -> None:
    result = importers.parse(RUDERSDAL)
    assert [r.overskrift for r in result.records][3:5] == ["Indefrysning af midler", "Budgetreduktioner på de "
                                                           "administrative budgetter (ca. 25 fuldtidsstillinger)"]
    assert result.records[3].forklaring == "heraf skolernes renoveringspulje: 2023: 5,5"
    assert sum(r.amounts["2023"] for r in result.records) == pytest.approx(result.stated_totals.hovedtotal["2023"])


@pytest.mark.parametrize("path", SOENDERBORG, ids=lambda p: p.suffix)
def test_expansions_and_reductions_under_their_headings_in_one_table(path: Path) -> None:
    result = importers.parse(path)
    assert result.kind == "reduction_list"
    assert [(r.nr, r.table) for r in result.records] == [("U1", "expansions"), ("U2", "expansions"),
                                                         ("U3", "expansions"), ("R1", "reductions"),
                                                         ("R2", "reductions"), ("R3", "reductions"),
                                                         ("R4", "reductions")]
    assert result.stated_totals.hovedtotal["2027"] == -10700
    assert result.stated_totals.tables["expansions"].hovedtotal["2027"] == 11500
    assert (result.document.unit, result.document.savings_sign) == ("1.000 kr.", -1)


def test_a_table_per_udvalg_under_its_heading() -> None:
    result = importers.parse(AALBORG)
    assert {r.udvalg for r in result.records[:3]} == {"Skoleudvalget"}
    assert list(result.stated_totals.centers) == ["Skoleudvalget", "Familie- og Beskæftigelsesudvalget"]
    assert result.stated_totals.targets["Skoleudvalget"]["2026"] == 37
    assert "Hovedtotal" not in result.stated_totals.targets and not result.warnings


def test_a_workbook_of_the_three_has_no_error(tmp_path: Path) -> None:
    out = build_workbook([RUDERSDAL, SOENDERBORG[1], AALBORG], tmp_path / "Budget.xlsx").output
    findings = validate_workbook(out)
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    # Skoleudvalget's proposals fall short of its Reduktionskrav: true, a warning
    assert {f.rule for f in findings} <= {"target"}


@pytest.mark.parametrize(("text", "role"), [("Heraf skolernes renoveringspulje", "part"), ("heraf", "part"),
                                            ("Herunder vejbelysning", "part"), ("Heraldik", None)])
def test_parts(text: str, role: str | None) -> None:
    assert default().role("lists.parts", text) == role
