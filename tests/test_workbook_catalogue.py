"""The catalogue in the workbook: a filterable table, COUNTIFS/SUMIFS summaries, similar initiatives per proposal."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.cell import get_column_letter

import importers
from budgetbook.findings import Severity
from budgetbook.model import ImportResult
from budgetbook.records.catalogue import Initiative
from templates import template_path
from tests.golden import SAMPLES
from tests.spreadsheets import libreoffice_recalc
from workbook.build import build_layout, unique_sources
from workbook.engine import EvaluatedBook
from workbook.sections.catalogue import (
    CATALOGUE,
    CATALOGUE_COLUMNS,
    HEADER_ROW,
    SIMILAR,
    SIMILAR_COUNT,
    SUMMARY,
    TYPES,
    results_to_proposals,
)
from workbook.similar import SimilarityIndex
from workbook.validate import validate_workbook
from workbook.write_xlsx import fill_template, write_workbook

CATALOGUE_TXT = SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt"
REDUCTIONS_TXT = SAMPLES / "reduction_list" / "lejre-2023.txt"
FORMS_TXT = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.txt"


@pytest.fixture(scope="module")
def results() -> list[ImportResult]:
    return [importers.parse(path) for path in (CATALOGUE_TXT, REDUCTIONS_TXT, FORMS_TXT)]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, results: list[ImportResult]) -> Path:
    target = tmp_path_factory.mktemp("catalogue") / "Budget.xlsx"
    write_workbook(build_layout(results), target)
    return target


def initiatives(results: list[ImportResult]) -> list[Initiative]:
    return [i for r in results for i in r.records if isinstance(i, Initiative)]


def summary_rows(sheet: object, header: int) -> dict[str, int]:
    rows = {}
    for row in range(header + 1, sheet.max_row + 1):  # type: ignore[attr-defined]
        key = sheet.cell(row, 1).value  # type: ignore[attr-defined]
        if key in (None, "I alt"):
            break
        rows[key] = row
    return rows


def test_katalog_is_an_excel_table_with_filters_over_every_initiative(built: Path, results: list[ImportResult]) -> None:
    book = load_workbook(built)
    sheet = book[CATALOGUE]
    table = sheet.tables["Katalog_initiativer"]
    last_col = get_column_letter(len(CATALOGUE_COLUMNS))
    assert table.ref == f"A{HEADER_ROW}:{last_col}{HEADER_ROW + len(initiatives(results))}"
    assert table.autoFilter is not None and table.autoFilter.ref == table.ref
    assert [c.value for c in sheet[HEADER_ROW]] == list(CATALOGUE_COLUMNS)
    first = initiatives(results)[0]
    values = EvaluatedBook(book)
    assert [values.value(f"'{CATALOGUE}'!{sheet.cell(HEADER_ROW + 1, c).coordinate}") for c in (2, 3, 5, 8)] == [
        first.municipality, first.title, first.effect_tkr, "Ja"]


def test_the_summary_by_municipality_counts_and_sums_the_records(built: Path, results: list[ImportResult]) -> None:
    book = load_workbook(built)
    values = EvaluatedBook(book)
    rows = summary_rows(book[SUMMARY], HEADER_ROW)
    items = initiatives(results)
    assert sorted(rows) == sorted({i.municipality for i in items})
    assert book[SUMMARY].cell(rows["Holbæk Kommune"], 2).value.startswith("=COUNTIFS(")

    def cell(row: int, col: int) -> object:
        return values.value(f"'{SUMMARY}'!{book[SUMMARY].cell(row, col).coordinate}")

    for municipality, row in rows.items():
        mine = [i for i in items if i.municipality == municipality]
        assert cell(row, 2) == len(mine)
        assert cell(row, 3) == sum(1 for i in mine if i.adopted)
        assert cell(row, 4) == sum(i.effect_tkr or 0 for i in mine)
        assert cell(row, 5) == sum(i.effect_tkr or 0 for i in mine if i.adopted)
    total = max(rows.values()) + 1
    assert cell(total, 2) == len(items)


def test_the_summary_by_measure_type_counts_every_type_of_an_initiative(built: Path,
                                                                      results: list[ImportResult]) -> None:
    book = load_workbook(built)
    values = EvaluatedBook(book)
    sheet = book[SUMMARY]
    header = next(r for r in range(HEADER_ROW + 1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Type af tiltag")
    rows = summary_rows(sheet, header)
    items = initiatives(results)
    expected = Counter(m for i in items for m in i.measure_types)
    assert {key: values.value(f"'{SUMMARY}'!B{row}") for key, row in rows.items()} == expected
    adopted = Counter(m for i in items if i.adopted for m in i.measure_types)
    assert {key: values.value(f"'{SUMMARY}'!C{row}") for key, row in rows.items()} == {k: adopted[k] for k in expected}
    assert book[TYPES].tables["Katalog_tiltag"].autoFilter is not None


def test_each_proposal_gets_the_three_most_similar_initiatives(built: Path, results: list[ImportResult]) -> None:
    book = load_workbook(built)
    sheet = book[SIMILAR]
    values = EvaluatedBook(book)
    proposals = results_to_proposals(results)
    assert {p.kind for p in proposals} == {"Reduktionsliste", "Forslagsskema"}
    assert sheet.max_row == HEADER_ROW + SIMILAR_COUNT * len(proposals)
    index = SimilarityIndex(initiatives(results))
    first = proposals[0]
    best = index.most_similar(" ".join(first.text.split()[:120]), SIMILAR_COUNT)
    for rank, match in enumerate(best, start=1):
        row = HEADER_ROW + rank
        assert sheet.cell(row, 2).value == first.key and sheet.cell(row, 5).value == rank
        assert sheet.cell(row, 6).value == match.score
        shown = [values.value(f"'{SIMILAR}'!{sheet.cell(row, col).coordinate}") for col in (7, 8, 9, 10)]
        effect = "" if match.initiative.effect_tkr is None else match.initiative.effect_tkr
        adopted = {True: "Ja", False: "Nej", None: ""}[match.initiative.adopted]
        assert shown == [match.initiative.municipality, match.initiative.title, effect, adopted]
    forms = {sheet.cell(r, 2).value for r in range(HEADER_ROW + 1, sheet.max_row + 1)
             if sheet.cell(r, 4).value == "Forslagsskema"}
    forslag = book["Forslag"]
    key_col = next(c.column for c in forslag[4] if c.value == "Nøgle")
    assert forms <= {forslag.cell(r, key_col).value for r in range(5, forslag.max_row + 1)}  # the Forslag sheet's keys


def test_the_catalogue_validates_and_its_count_is_a_stored_check(built: Path) -> None:
    assert [f for f in validate_workbook(built) if f.severity is Severity.ERROR] == []
    kontrol = load_workbook(built)["Kontrol"]
    assert "catalogue_count" in {c.value for c in kontrol["B"]}


def test_no_similar_sheet_without_proposals_and_no_catalogue_sheets_without_a_catalogue(tmp_path: Path) -> None:
    only_catalogue = build_layout([importers.parse(CATALOGUE_TXT)])
    names = [s.name for s in only_catalogue.sheets]
    assert {CATALOGUE, SUMMARY, TYPES} <= set(names) and SIMILAR not in names
    only_reductions = build_layout([importers.parse(REDUCTIONS_TXT)])
    assert not {CATALOGUE, SUMMARY, TYPES, SIMILAR} & {s.name for s in only_reductions.sheets}


def test_libreoffice_computes_the_same_summary(tmp_path: Path) -> None:
    layout = build_layout([importers.parse(CATALOGUE_TXT)])
    plain = tmp_path / "plain.xlsx"
    fill_template(layout, template_path()).save(plain)  # no cached values: LibreOffice must compute
    theirs = load_workbook(libreoffice_recalc(plain, tmp_path / "lo"), data_only=True)[SUMMARY]
    book = load_workbook(plain)
    ours = EvaluatedBook(book)
    formulas = [c for row in book[SUMMARY].iter_rows() for c in row if c.data_type == "f"]
    assert len(formulas) > 100
    for cell in formulas:
        assert theirs[cell.coordinate].value == ours.value(f"'{SUMMARY}'!{cell.coordinate}"), cell.coordinate


OTHER_CATALOGUES = sorted(p for p in (SAMPLES / "initiative_catalogue").iterdir()
                          if p.suffix in {".pdf", ".docx", ".xlsx"} and not p.name.startswith("initiative_catalogue_part1"))


def test_every_catalogue_s_effects_reach_the_workbook_in_one_unit_and_sign(tmp_path: Path) -> None:
    """Effects printed in kr., 1.000 kr. and mio. kr., savings printed negative or positive: the Katalog
    sheet shows each as printed with its unit and factor, and in t.kr. with a saving positive."""
    results = [importers.parse(path) for path in OTHER_CATALOGUES]
    target = tmp_path / "Budget.xlsx"
    write_workbook(build_layout(results), target)
    assert [f for f in validate_workbook(target) if f.severity is Severity.ERROR] == []
    book = load_workbook(target)
    sheet = book[CATALOGUE]
    values = EvaluatedBook(book)
    col = {label: i for i, label in enumerate(CATALOGUE_COLUMNS, start=1)}
    shown = {}
    for row in range(HEADER_ROW + 1, HEADER_ROW + 1 + len(initiatives(results))):
        title = sheet.cell(row, col["Titel"]).value
        shown[title] = tuple(values.value(f"'{CATALOGUE}'!{sheet.cell(row, col[label]).coordinate}")
                             for label in ("Effekt som anført", "Enhed", "Effekt (t.kr.)"))
    assert shown["Fælles indkøb af vikarer på dagtilbudsområdet"] == (1.2, "mio. kr.", 1200)  # Viborg
    assert shown["Reduktion af konsulentbistand i Center for Økonomi og Ejendomme"] == (-750, "1.000 kr.", 750)
    assert shown["Fælles indkøb af vikarer"] == (650_000, "kr.", 650)  # KREVI
    assert shown["Færre kørselsgodtgørelser gennem fælles bilpulje"] == (300, "1.000 kr.", 300)  # Kerteminde
    assert shown["Samling af tandplejens klinikker"] == (450_000, "kr.", 450)  # Greve, a sheet per proposal
    assert shown["Færre pædagogtimer i SFO om eftermiddagen"] == (600, "1.000 kr.", 600)  # Lejre
    summary = book[SUMMARY]
    rows = summary_rows(summary, HEADER_ROW)
    total = max(rows.values()) + 1
    read_once = unique_sources(results)[0]  # the Lyngby-Taarbæk catalogue in two layouts is one document
    expected = sum(i.effect_tkr * (-1 if r.document.savings == "savings_negative" else 1)
                   for r in read_once for i in r.records if i.effect_tkr is not None)
    assert values.value(f"'{SUMMARY}'!D{total}") == pytest.approx(expected)
