"""Lists of four municipalities a trial on documents nobody on the team had seen found read wrongly
(Frederiksberg, Vejen: refused; Esbjerg: its total filed as an area's; Holbæk: its targets read as
proposals). What each must read as, and
that a workbook of them validates (samples and sources: samples/reduction_list/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import importers
from tests.golden import SAMPLES
from workbook.api import build_workbook
from workbook.validate import validate_workbook

LISTS = SAMPLES / "reduction_list"
FREDERIKSBERG = [LISTS / f"frederiksberg-budgetforbedringsforslag-udvalg-som-raekker.{ext}" for ext in ("docx", "pdf")]
VEJEN = LISTS / "vejen-hele-kroner-titler-under-reduktion.xlsx"
ESBJERG = LISTS / "esbjerg-hele-kroner-besparelse-i-alt.pdf"
HOLBAEK = LISTS / "holbaek-maaltal-i-titelkolonnen.xlsx"


@pytest.mark.parametrize("path", FREDERIKSBERG, ids=lambda p: p.suffix)
def test_frederiksberg_titles_under_budgetforbedringsforslag_and_udvalg_as_rows(path: Path) -> None:
    result = importers.parse(path)
    assert result.kind == "reduction_list" and len(result.records) == 19
    first = result.records[0]
    assert (first.nr, first.overskrift, first.center) == ("SOU-1", "Visiteret tid til personlig pleje",
                                                          "Sundheds- og Omsorgsudvalget")
    assert first.amounts == {"2024": 6900, "2025": 6900, "2026": 6900, "2027": 6900}
    totals = result.stated_totals
    assert totals.centers["Undervisningsudvalget"]["2024"] == 11500
    assert totals.hovedtotal["2024"] == 65035
    assert (result.document.unit, result.document.savings_sign) == ("1.000 kr.", 1)


def test_vejen_titles_under_reduktion_in_whole_kroner_savings_negative() -> None:
    result = importers.parse(VEJEN)
    assert [r.center for r in result.records[:4]] == ["Ældreområdet", "Specialiseret socialområde", "Administration",
                                                      "Skoler"]
    assert result.records[0].amounts["2022"] == -25000000
    assert (result.document.unit, result.document.savings_sign) == ("kr.", -1)
    assert result.stated_totals.hovedtotal == {"2019": -41182000, "2020": -51380000, "2021": -60617000,
                                               "2022": -81617000}


def test_esbjerg_besparelse_i_alt_is_the_lists_total_not_an_area() -> None:
    result = importers.parse(ESBJERG)
    assert result.stated_totals.centers == {}
    assert result.stated_totals.hovedtotal == {"2019": 210000, "2020": 343000, "2021": 273000, "2022": 287000}
    assert result.document.unit == "kr." and len(result.records) == 6


def test_holbaek_maaltal_in_the_title_column_is_the_udvalgs_target_not_a_proposal() -> None:
    result = importers.parse(HOLBAEK)
    assert [r.nr for r in result.records] == ["BUE-1", "BUE-2", "BUE-3", "ØU-1", "ØU-2", "ØU-3"]
    targets = result.stated_totals.targets
    assert targets["Udvalget for Beskæftigelse, Uddannelse og Erhverv"]["2023"] == 2500
    assert targets["Økonomiudvalget"]["2026"] == 4200
    assert result.stated_totals.hovedtotal == {"2023": 7450, "2024": 9400, "2025": 9400, "2026": 9400}


def test_a_workbook_of_the_four_validates(tmp_path: Path) -> None:
    out = build_workbook([FREDERIKSBERG[0], VEJEN, ESBJERG, HOLBAEK], tmp_path / "Budget.xlsx").output
    assert validate_workbook(out) == []
