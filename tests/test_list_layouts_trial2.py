"""Lists of two municipalities a second trial on documents nobody on the team had seen found refused
(Hørsholm: the titles under "Bestilling", a year printed twice, whole hundreds of kroner; Odense: areas and one
year, no title column). What each must read as, and that a workbook of them validates (samples and sources:
samples/reduction_list/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from openpyxl import Workbook, load_workbook

import importers
from importers.reduction_list.columns import header_to_columns
from importers.vocabulary import default
from tests.golden import SAMPLES
from workbook.api import build_workbook
from workbook.sections.other_tables import SHEET as OTHER_TABLES
from workbook.validate import validate_workbook

LISTS = SAMPLES / "reduction_list"
HOERSHOLM = LISTS / "hoersholm-bestilling-hele-kroner-aar-gentaget.xlsx"
ODENSE = [LISTS / f"odense-omraader-uden-titelkolonne-mio-kr.{ext}" for ext in ("docx", "pdf")]


def test_hoersholm_bestilling_titles_a_repeated_year_and_whole_kroner() -> None:
    result = importers.parse(HOERSHOLM)
    assert result.kind == "reduction_list" and len(result.records) == 17  # 13 reductions, 4 driftsønsker
    assert [r.table for r in result.records] == ["reductions"] * 13 + ["expansions"] * 4
    assert result.records[13].overskrift == "Klimaforebyggende arbejde i det geografiske område"
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


def test_a_workbook_of_odense_and_hoersholm_validates(tmp_path: Path) -> None:
    # Hørsholm's "I alt" is the total of the reductions above it; the driftsønsker below it are no reductions
    out = build_workbook([ODENSE[0], HOERSHOLM], tmp_path / "Budget.xlsx").output
    assert validate_workbook(out) == []
    book = load_workbook(out)
    wishes = [row for row in book[OTHER_TABLES].iter_rows(values_only=True) if row[0] in ("1", "2", "3", "4")]
    assert [row[2] for row in wishes][-1] == "Badevandsundersøgelse syd for Rungsted Havn"
    assert all(book[name].cell(1, 1).value not in ("1", "2", "3", "4") for name in ("11", "12"))


def _list_with_tables(path: Path, investments_total: int) -> Path:
    """A list whose reductions are followed by a table of investments with its own total."""
    book = Workbook()
    sheet = book.active
    for row in (["Spareforslag og anlægsønsker"], ["Beløb i 1.000 kr."], ["Nr.", "Forslag", "2025", "2026"],
                ["1", "Lukning af svømmehal", 500, 1000], ["2", "Færre vejbump", 200, 200], ["I alt", None, 700, 1200],
                [], ["Anlægsønsker"], ["Nr.", "Forslag", "2025", "2026"], ["A1", "Ny skole", 30000, 10000],
                ["A2", "Cykelsti", 2000, 0], ["I alt", None, investments_total, 10000]):
        sheet.append(row)
    book.save(path)
    return path


def test_a_table_of_investments_below_the_reductions_is_read_as_such(tmp_path: Path) -> None:
    result = importers.parse(_list_with_tables(tmp_path / "liste.xlsx", 32000))
    assert [(r.nr, r.table) for r in result.records] == [("1", "reductions"), ("2", "reductions"),
                                                         ("A1", "investments"), ("A2", "investments")]
    assert result.stated_totals.hovedtotal == {"2025": 700, "2026": 1200}
    assert result.stated_totals.tables["investments"].hovedtotal == {"2025": 32000, "2026": 10000}
    assert not result.warnings or all("second grand total" not in w.message for w in result.warnings)


def test_a_table_of_investments_checks_its_own_total(tmp_path: Path) -> None:
    right = build_workbook([_list_with_tables(tmp_path / "right.xlsx", 32000)], tmp_path / "Right.xlsx").output
    assert validate_workbook(right) == []
    wrong = build_workbook([_list_with_tables(tmp_path / "wrong.xlsx", 32500)], tmp_path / "Wrong.xlsx").output
    findings = validate_workbook(wrong)
    assert [(f.cell.split("!")[0], f.severity.value) for f in findings] == [(f"'{OTHER_TABLES}'", "error")]


@pytest.mark.parametrize(("text", "table"), [
    ("Forslag til driftsønsker", "expansions"), ("Anlægsønsker", "investments"),
    ("Forslag til budgetreduktioner", "reductions"), ("Udvidelsesforslag", "expansions"),
])
def test_table_headings(text: str, table: str) -> None:
    assert default().role("lists.tables", text) == table
