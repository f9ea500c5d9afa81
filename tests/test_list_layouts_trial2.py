"""Lists of two municipalities a second trial on documents nobody on the team had seen found refused
(Hørsholm: the titles under "Bestilling", a year printed twice, whole hundreds of kroner; Odense: areas and one
year, no title column). What each must read as, and that a workbook of them validates (samples and sources:
samples/reduction_list/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

import importers
from importers.reduction_list.columns import header_to_columns
from importers.vocabulary import default
from tests.golden import SAMPLES
from workbook.api import build_workbook
from workbook.validate import validate_workbook

LISTS = SAMPLES / "reduction_list"
HOERSHOLM = LISTS / "hoersholm-bestilling-hele-kroner-aar-gentaget.xlsx"
ODENSE = [LISTS / f"odense-omraader-uden-titelkolonne-mio-kr.{ext}" for ext in ("docx", "pdf")]


def test_hoersholm_bestilling_titles_a_repeated_year_and_whole_kroner() -> None:
    result = importers.parse(HOERSHOLM)
    assert result.kind == "reduction_list" and len(result.records) == 17  # 13 reductions, 4 driftsønsker
    first = result.records[0]
    assert (first.nr, first.center, first.overskrift) == ("MPU 1", "11",
                                                          "Reduktion af ukrudsbekæmpelse på kommunale fortove")
    assert list(first.amounts) == ["2020", "2021", "2022", "2023"]
    assert result.records[12].amounts == {"2020": -261100, "2021": -261100, "2022": -261100, "2023": -261100}
    assert result.stated_totals.hovedtotal == {"2020": -1913100, "2021": -3583100, "2022": -3583100,
                                               "2023": -3583100}
    assert (result.document.unit, result.document.savings_sign) == ("kr.", -1)
    assert any("prints 2020 twice" in w.message for w in result.warnings)


@pytest.mark.parametrize(("header", "years"), [
    (["Nr.", "Bestilling", "2020", "2021", "2020", "2023"], ["2020", "2021", "2022", "2023"]),
    (["Nr.", "Bestilling", "2020", "2020", "2021", "2022"], None),  # no gap the repeat could fill
    (["Nr.", "Bestilling", "2020", "2021", "2020", "2021"], None),  # two repeats: a row of figures
    (["", "2020", "2021", "2020", "2023"], None),  # no title column named: no header
])
def test_a_year_printed_twice_is_read_only_where_it_fills_a_gap(header: list[str], years: list[str] | None) -> None:
    columns = header_to_columns(header, default())
    assert (list(columns.years) if columns else None) == years


@pytest.mark.parametrize("path", ODENSE, ids=lambda p: p.suffix)
def test_odense_areas_are_the_titles_of_a_list_without_a_title_column(path: Path) -> None:
    result = importers.parse(path)
    assert result.kind == "reduction_list" and len(result.records) == 11
    assert (result.records[0].overskrift, result.records[0].amounts) == ("Vækst og udvikling", {"2020": 27})
    assert result.stated_totals.hovedtotal == {"2020": 140}
    assert (result.document.unit, result.document.savings_sign) == ("mio. kr.", 1)


def test_a_workbook_of_odense_validates(tmp_path: Path) -> None:
    # Hørsholm's is left out: its "I alt" is the total of the reductions above it, and the workbook adds the
    # driftsønsker of the second table to them (not mended yet: the rows of a second table below a list's
    # total are read as more rows of the same list).
    out = build_workbook([ODENSE[0]], tmp_path / "Budget.xlsx").output
    assert validate_workbook(out) == []
