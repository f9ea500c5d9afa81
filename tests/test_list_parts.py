"""The parts of the list importer, table by table: header roles, figures split from text, percent scale."""

from __future__ import annotations

import pytest

from budgetbook.model import Provenance
from importers.readers import Line
from importers.reduction_list.columns import header_to_columns
from importers.reduction_list.percent import PercentRow, as_percent, percent_scale
from importers.reduction_list.text_rows import split_number_tails
from importers.vocabulary import default

WHERE = Provenance("liste.txt", 1, 1)


@pytest.mark.parametrize(("label", "year"), [
    ("2025", "2025"), ("B2025", "2025"), ("2025 (1.000 kr.)", "2025"), ("2025 i t.kr.", "2025"),
    ("Overslagsår 2026", "2026"), ("Besparelse 2023", "2023"), ("BO2027", "2027"), ("Merudgift 2024", "2024"),
])
def test_year_columns_as_lists_write_them(label: str, year: str) -> None:
    columns = header_to_columns(["Overskrift", label], default())
    assert columns is not None and columns.years == {year: 1}


@pytest.mark.parametrize(("label", "role"), [
    ("Nr.", "number"), ("Bevilling", "number"), ("Konto", "number"), ("Løbenr.", "number"),
    ("Center", "center"), ("Område", "center"), ("Enhed", "center"), ("Sektor", "center"),
    ("Magistratsafdeling", "center"), ("Udvalg", "udvalg"), ("Uddybende forklaring om forslaget", "explanation"),
    ("Andel af budget", "pct"), ("Reduktion i forhold til budget 2023 (pct)", "pct"), ("I alt 2021-2024", "period_total"),
])
def test_column_roles(label: str, role: str) -> None:
    columns = header_to_columns([label, "Titel", "2025"], default())
    assert columns is not None and columns.index[role] == 0


@pytest.mark.parametrize("title", ["Overskrift", "Titel", "Forslag", "Tiltag", "Forslagets titel", "Reduktionsforslag"])
def test_title_columns(title: str) -> None:
    columns = header_to_columns(["Nr.", title, "2025"], default())
    assert columns is not None and columns.index["title"] == 1 and not columns.title_inferred


def test_budget_columns_are_the_base_beside_years_and_the_years_alone() -> None:
    beside = header_to_columns(["Titel", "2025", "2026", "Budget 2025"], default())
    assert beside is not None and beside.years == {"2025": 1, "2026": 2} and beside.index["budget"] == 3
    assert beside.base_year == "2025"
    alone = header_to_columns(["Titel", "Budget 2025", "Budget 2026"], default())
    assert alone is not None and alone.years == {"2025": 1, "2026": 2} and "budget" not in alone.index


def test_years_alone_head_an_area_column() -> None:
    columns = header_to_columns(["Børneområdet", "2018", "2019", "2020"], default())
    assert columns is not None and columns.title_inferred and columns.area == "Børneområdet"
    assert columns.index["title"] == 0


@pytest.mark.parametrize("cells", [
    ["Seniorjob", "450", "2020"],  # a row of figures with an amount that looks like a year
    ["Seniorjob", "2019", "2019"],
    ["Titel"],
    ["Titel", "Center", "Udvalg"],  # no year
])
def test_rows_that_are_no_header(cells: list[str]) -> None:
    assert header_to_columns(cells, default()) is None


def test_figures_are_split_from_the_text_they_follow() -> None:
    lines = [Line((text,), WHERE) for text in [
        "Børneområdet 2018 2019", "1. Skatkammeret 300.000 0", "2.614.018 4.020.019", "Sparekrav ved 0,3% 1.295.000",
        "Budget 2018 0,3% besparelser", "Ældre", ""]]
    assert [line.cells for line in split_number_tails(lines)] == [
        ("Børneområdet", "2018", "2019"), ("1. Skatkammeret", "300.000", "0"), ("", "2.614.018", "4.020.019"),
        ("Sparekrav ved 0,3%", "1.295.000"), ("Budget 2018 0,3% besparelser",), ("Ældre",), ("",)]


def _row(value: float | None, budget: float | None, amount: float | None, typed: bool = False) -> PercentRow:
    return PercentRow(value, typed, budget, {"2025": amount, "2026": None})


@pytest.mark.parametrize(("rows", "factor"), [
    ([_row(0.0595, 18500, 1100), _row(0.01, 310000, 3100)], 100.0),  # fractions: 5,95 % and 1 %
    ([_row(5.9, 18500, 1100), _row(1.0, 310000, 3100)], 1.0),  # percent, one decimal
    ([_row(0.4, 25058, 100), _row(4.0, 22713, 900)], 1.0),  # 0,4 % typed 0.4 is percent, not 40 %
    ([_row(-0.045, 20000, -900)], 100.0),  # signs do not matter
])
def test_percent_scale_is_read_from_amount_and_budget(rows: list[PercentRow], factor: float) -> None:
    scale = percent_scale(rows, ["2025", "2026"])
    assert scale.verified and scale.factor == factor and scale.year == "2025"


def test_percent_without_budget_is_taken_as_percent_unverified() -> None:
    scale = percent_scale([_row(0.045, None, 900)], ["2025"])
    assert not scale.verified and scale.factor == 1.0
    assert as_percent(_row(0.4, None, None, typed=True), scale) == 0.4


def test_a_row_equal_to_the_sum_of_its_group_is_a_subtotal_and_minus_may_be_written_as_division_sign(
        tmp_path) -> None:  # noqa: ANN001 - pytest's tmp_path
    import importers

    path = tmp_path / "liste.txt"
    path.write_text("Spareforslag (beløb i 1.000 kr.)\n"
                    "Forslag\t2025\t2026\n"
                    "Ældreområdet\n"
                    "Færre vikarer\t÷300\t÷300\n"
                    "Ny madordning\t÷200\t÷250\n"
                    "Ældreområdet samlet\t÷500\t÷550\n"
                    "Skoleområdet\n"
                    "Færre timer\t÷100\t÷100\n", encoding="utf-8")
    result = importers.parse(path)
    assert [(r.center, r.overskrift, dict(r.amounts)) for r in result.records] == [
        ("Ældreområdet", "Færre vikarer", {"2025": -300, "2026": -300}),
        ("Ældreområdet", "Ny madordning", {"2025": -200, "2026": -250}),
        ("Skoleområdet", "Færre timer", {"2025": -100, "2026": -100})]
    assert result.stated_totals.centers == {"Ældreområdet": {"2025": -500, "2026": -550}}
    assert any("read as a subtotal" in w.message for w in result.warnings)
    assert result.document.savings_sign == -1


@pytest.mark.parametrize(("header", "rows", "note", "sign", "source"), [
    ("Forslag\t2025", ["Færre vikarer\t(300)", "Ny madordning\t(200)"], "", -1, "the figures"),
    ("Forslag\t2025", ["Færre vikarer\t300", "Ny madordning\t-20"], "", 1, "the figures"),
    ("Forslag\tMerudgift 2025", ["Færre vikarer\t-300", "Udvidelse\t50"], "", -1, "Merudgift 2025"),
    ("Forslag\tBesparelse 2025", ["Færre vikarer\t300", "Udvidelse\t-50"], "", 1, "Besparelse 2025"),
    ("Forslag\t2025", ["Færre vikarer\t300", "Udvidelse\t-50", "Andet\t-10"], "Negative beløb er besparelser",
     -1, "Negative beløb"),
])
def test_the_sign_of_a_saving_and_where_it_was_read(tmp_path, header: str, rows: list[str], note: str,  # noqa: ANN001
                                                    sign: int, source: str) -> None:
    import importers

    path = tmp_path / "liste.txt"
    path.write_text("\n".join(["Besparelseskatalog", note, header, *rows]) + "\n", encoding="utf-8")
    document = importers.parse(path).document
    assert document.savings_sign == sign and source in document.sign_source
