"""Lists of proposals as other municipalities publish them: what each layout must read as, and the
workbook and findings it must give (the samples and their sources: samples/reduction_list/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from budgetbook.records.reduction import ListDocument
from tests.golden import SAMPLES
from workbook.api import build_workbook
from workbook.build import unique_sources
from workbook.engine import EvaluatedBook
from workbook.validate import validate_workbook

LISTS = SAMPLES / "reduction_list"
KOLDING = [LISTS / f"kolding-hele-kroner-omraader-som-raekker.{ext}" for ext in ("txt", "docx", "pdf")]
KOEBENHAVN = [LISTS / f"koebenhavn-negative-besparelser-enhed-i-saetning.{ext}" for ext in ("docx", "pdf")]
LEJRE_2024 = LISTS / "lejre-2024-kun-nr-center-overskrift.xlsx"
FREDERIKSSUND = LISTS / "frederikssund-nummer-i-tiltag.pdf"
VIBORG = LISTS / "viborg-procent-som-broek.xlsx"
AARHUS = LISTS / "aarhus-mio-kr-besparelse-kolonne.docx"


def _rows(path: Path) -> list[dict]:
    data = importers.parse(path).to_json()
    return [{k: v for k, v in r.items() if k != "provenance"} for r in data["records"]]  # type: ignore[union-attr]


def _document(path: Path) -> ListDocument:
    document = importers.parse(path).document
    assert isinstance(document, ListDocument)
    return document


# --- Kolding: whole kroner, areas as rows, unlabelled subtotals, targets ----------------------------

def test_kolding_reads_the_same_in_every_format() -> None:
    text, docx, pdf = (_rows(p) for p in KOLDING)
    assert len(text) == 15
    assert docx == text and pdf == text


def test_kolding_numbers_areas_and_whole_kroner() -> None:
    result = importers.parse(KOLDING[0])
    first = result.records[0]
    assert (first.nr, first.overskrift, first.center) == ("1", "Skatkammeret", "Børneområdet")
    assert first.amounts == {"2018": 300000, "2019": 300000, "2020": 300000, "2021": 300000}
    assert {r.center for r in result.records} == {"Børneområdet", "Uddannelsesområdet"}
    naturskolen = next(r for r in result.records if r.overskrift == "Reduktion af Naturskolen")
    assert (naturskolen.nr, naturskolen.center) == ("3", "Uddannelsesområdet")
    document = result.document
    assert document.unit == "kr." and document.savings_sign == 1
    assert any("does not say its unit" in w.message for w in result.warnings)


def test_kolding_subtotals_and_targets_are_kept_apart() -> None:
    stated = importers.parse(KOLDING[1]).stated_totals
    assert stated.centers["Børneområdet"] == {"2018": 2614018, "2019": 4020019, "2020": 5140020, "2021": 5140021}
    assert stated.centers["Uddannelsesområdet"]["2019"] == 4195000
    assert stated.targets["Børneområdet"] == {"2018": 1295000, "2019": 2588000, "2020": 3871000, "2021": 3871000}
    assert stated.target_labels["Uddannelsesområdet"] == "Sparekrav ved 0,3%"
    assert stated.hovedtotal == {}


def test_kolding_workbook_converts_to_thousands_and_reports_the_wrong_subtotals(tmp_path: Path) -> None:
    out = build_workbook([KOLDING[1]], tmp_path / "Budget.xlsx").output
    book = EvaluatedBook.open(out)
    assert book.value("'Børneområdet'!F6") == pytest.approx(300)  # 300.000 kr. shown as 300 (1.000 kr.)
    findings = validate_workbook(out)
    wrong = [f for f in findings if f.rule == "center_total"]
    assert sorted(f.message.split(":")[0] for f in wrong) == [f"Børneområdet total {y}" for y in
                                                               ("2018", "2019", "2020", "2021")]
    assert all(f.found == pytest.approx(f.expected - int(f.message.split(" total ")[1][:4]) / 1000) for f in wrong)
    targets = [f for f in findings if f.rule == "target"]
    assert targets and all(f.severity.value == "warning" for f in targets)


def test_the_same_list_in_three_formats_is_counted_once(tmp_path: Path) -> None:
    # hold-out trial 2 found Kolding's totals off by about 4 in a workbook of every sample: its printed
    # subtotals are each too high by their year (2,018 t.kr.), and the .docx and the .pdf of the same list
    # were both added, so the difference was doubled
    out = build_workbook(KOLDING[1:] + KOLDING[:1], tmp_path / "Budget.xlsx").output
    wrong = [f for f in validate_workbook(out) if f.rule == "center_total"]
    assert [round(f.expected - f.found, 3) for f in wrong] == [2.018, 2.019, 2.02, 2.021]
    notes = [str(c.value) for row in load_workbook(out)["Kilder"].iter_rows() for c in row if c.value]
    assert sum("is the same document as kolding-hele-kroner-omraader-som-raekker.docx in another format" in n
               for n in notes) == 2


def test_lists_alike_but_not_the_same_are_both_counted(tmp_path: Path) -> None:
    text = KOLDING[0].read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_text(text.replace("300.000", "301.000", 1), encoding="utf-8")
    assert text.count("300.000")
    kept, dropped = unique_sources([importers.parse(tmp_path / n) for n in ("a.txt", "b.txt")])
    assert len(kept) == 2 and dropped == []


# --- København: negative savings, the unit only in a sentence ---------------------------------------

def test_koebenhavn_sign_from_the_figures_and_unit_from_the_sentence() -> None:
    for path in KOEBENHAVN:
        document = _document(path)
        assert document.savings_sign == -1 and "negative" in document.sign_source
        assert document.unit == "1.000 kr." and "Alle beløb er i 1.000 kr." in document.unit_source
    docx, pdf = (_rows(p) for p in KOEBENHAVN)
    assert docx == pdf and len(docx) == 10
    assert {r["center"] for r in docx} == {"Børne- og Ungdomsforvaltningen", "Socialforvaltningen",
                                            "Økonomiforvaltningen"}
    assert next(r for r in docx if r["nr"] == "ØKF4")["amounts"] == {"2025": 1800, "2026": -600, "2027": -1200,
                                                                     "2028": -1200}


def test_koebenhavn_workbook_counts_savings_positive_and_validates(tmp_path: Path) -> None:
    out = build_workbook([KOEBENHAVN[0]], tmp_path / "Budget.xlsx").output
    book = EvaluatedBook.open(out)
    frame = {book.value(f"Oversigt!A{r}"): r for r in range(5, 12)}
    assert book.value(f"Oversigt!B{frame['Hovedtotal']}") == 4600  # -4.600 printed: a saving of 4.600
    assert [f for f in validate_workbook(out) if f.severity.value == "error"] == []


# --- Lejre 2024: only Nr., Center, Overskrift and years -------------------------------------------

def test_lejre_2024_reads_with_only_nr_center_title_and_years() -> None:
    result = importers.parse(LEJRE_2024)
    assert len(result.records) == 13
    assert result.records[0].nr == "1" and result.records[0].center == "CBL"
    assert result.document.unit == "1.000 kr." and "hele tusinde kroner" in result.document.unit_source
    assert result.stated_totals.hovedtotal == {"2024": 20700, "2025": 28250, "2026": 29250, "2027": 29250}
    assert result.stated_totals.targets["Hovedtotal"]["2025"] == 35000


def test_lejre_2024_target_missed_is_a_warning(tmp_path: Path) -> None:
    out = build_workbook([LEJRE_2024], tmp_path / "Budget.xlsx").output
    findings = validate_workbook(out)
    assert [f for f in findings if f.severity.value == "error"] == []
    missed = [f.message for f in findings if f.rule == "target"]
    assert any(m.startswith("Måltal for reduktionskataloget 2025") for m in missed)


# --- Frederikssund: numbers in titles, mio. kr., a period total -----------------------------------

def test_frederikssund_numbers_in_titles_and_millions() -> None:
    result = importers.parse(FREDERIKSSUND)
    vikarer = next(r for r in result.records if r.nr == "12")
    assert vikarer.overskrift == "Fælles indkøb af vikarer" and vikarer.center == "Administration"
    assert vikarer.amounts == {"2021": 1.5, "2022": 2, "2023": 2, "2024": 2} and vikarer.period_total == 7.5
    assert result.document.unit == "mio. kr." and result.document.decimals == 1
    assert result.stated_totals.hovedtotal == {"2021": 43, "2022": 70, "2023": 81, "2024": 87}


def test_frederikssund_workbook_in_thousands_validates(tmp_path: Path) -> None:
    out = build_workbook([FREDERIKSSUND], tmp_path / "Budget.xlsx").output
    book = EvaluatedBook.open(out)
    total_row = next(r for r in range(5, 20) if book.value(f"Oversigt!A{r}") == "Hovedtotal")
    assert book.value(f"Oversigt!B{total_row}") == pytest.approx(43000)
    assert validate_workbook(out) == []


# --- Viborg: a percentage typed as a fraction (issue 13 item 5), targets per udvalg ----------------

def test_viborg_fractions_are_read_as_percent() -> None:
    result = importers.parse(VIBORG)
    pedel = result.records[0]
    assert pedel.budget_base == 18500 and pedel.pct_stated == pytest.approx(5.95)
    assert pedel.center == "Økonomi- og Erhvervsudvalget" == pedel.udvalg
    assert result.stated_totals.targets["Hovedtotal"]["2020"] == 35200
    assert result.stated_totals.targets["Børne- og Ungdomsudvalget"]["2021"] == 12600


def test_viborg_workbook_has_no_percentage_errors(tmp_path: Path) -> None:
    out = build_workbook([VIBORG], tmp_path / "Budget.xlsx").output
    findings = validate_workbook(out)
    assert [f for f in findings if f.rule == "pct"] == []
    short = {f.message.split(":")[0] for f in findings if f.rule == "target"}
    assert "Reduktionskrav" in " ".join(short)


# --- Aarhus: mio. kr., "Besparelse 2023" columns, costs negative ----------------------------------

def test_aarhus_sign_from_the_column_words() -> None:
    result = importers.parse(AARHUS)
    assert result.document.savings_sign == 1 and "Besparelse 2023" in result.document.sign_source
    flex = next(r for r in result.records if r.overskrift == "Ekstra udgifter til FlexTrafik")
    assert flex.amounts["2023"] == -1 and flex.center == "Teknik og Miljø"
    assert result.stated_totals.centers["Sundhed og Omsorg"] == {"2023": 6.5, "2024": 13, "2025": 13.5, "2026": 13.5}


def test_lists_in_different_units_are_converted_before_they_are_added(tmp_path: Path) -> None:
    """Kolding in kr., Frederikssund in mio. kr., Lejre in 1.000 kr.: one overview in 1.000 kr."""
    out = build_workbook([KOLDING[1], FREDERIKSSUND, LISTS / "lejre-2023.xlsx"], tmp_path / "Budget.xlsx").output
    book = EvaluatedBook.open(out)
    by_center = {book.value(f"Oversigt!A{r}"): r for r in range(5, 40) if book.value(f"Oversigt!A{r}")}
    header = {book.value(f"Oversigt!{c}4"): c for c in "BCDEFGHIJKLMNOP" if book.value(f"Oversigt!{c}4")}
    assert book.value(f"Oversigt!{header['Reduktioner 2021']}{by_center['Børneområdet']}") == pytest.approx(5138)
    assert book.value(f"Oversigt!{header['Reduktioner 2021']}{by_center['Administration']}") == pytest.approx(3500)
    assert book.value(f"Oversigt!{header['Reduktioner 2023']}{by_center['CJS']}") == 2705


def test_a_synthetic_list_with_fractions_for_percent_validates_without_percent_errors(tmp_path: Path) -> None:
    """Issue 13 item 5: the bench's list saved as a worksheet whose percentage column holds fractions in
    General format (0.0123 for 1,2 %): read against amount / budget, no row is off by 100."""
    from openpyxl import Workbook

    from bench.__main__ import synthetic_list

    book = Workbook()
    for line in synthetic_list(300, 6).splitlines():
        cells: list[object] = line.split("\t")
        if cells[-1].endswith("%"):
            amount, base = int(cells[6]), int(str(cells[10]).replace(".", ""))
            cells = [*cells[:6], *(int(c) for c in cells[6:10]), base, round(amount / base, 4)]
        book.active.append(cells)
    path = tmp_path / "syntetisk.xlsx"
    book.save(path)
    records = importers.parse(path).records
    assert all(abs(r.pct_stated - r.amounts["2023"] / r.budget_base * 100) < 0.01 for r in records)
    out = build_workbook([path], tmp_path / "Budget.xlsx").output
    assert [f for f in validate_workbook(out) if f.rule == "pct"] == []


ONE_PER_MUNICIPALITY = [LISTS / "lejre-2023.xlsx", LEJRE_2024, KOLDING[1], KOEBENHAVN[1], FREDERIKSSUND, VIBORG, AARHUS]


def test_a_workbook_of_every_municipality_reports_only_what_the_lists_get_wrong(tmp_path: Path) -> None:
    """Seven lists in three units and two signs in one book: the only errors are Kolding's four printed
    subtotals; targets missed are warnings; everything else adds up after conversion."""
    out = build_workbook(ONE_PER_MUNICIPALITY, tmp_path / "Budget.xlsx").output
    findings = validate_workbook(out)
    errors = [f for f in findings if f.severity.value == "error"]
    assert sorted(f.message.split(":")[0] for f in errors) == [f"Børneområdet total {y}" for y in
                                                               ("2018", "2019", "2020", "2021")], \
        [f.describe() for f in errors]
    assert {f.rule for f in findings if f.severity.value == "warning"} <= {"target", "missing_amount"}


def test_libreoffice_agrees_with_every_converted_value(tmp_path: Path) -> None:
    from templates import template_path
    from tests.spreadsheets import assert_libreoffice_agrees
    from workbook.build import build_layout
    from workbook.write_xlsx import fill_template

    layout = build_layout([importers.parse(p) for p in (KOLDING[0], KOEBENHAVN[0], FREDERIKSSUND, LEJRE_2024)])
    raw = tmp_path / "raw.xlsx"
    fill_template(layout, template_path()).save(raw)  # no cached values: LibreOffice must compute
    assert assert_libreoffice_agrees(raw, tmp_path / "lo") > 100


def test_two_lists_for_one_center_are_each_held_against_their_own_total(tmp_path: Path) -> None:
    """Lejre 2023 states CBL's total, Lejre 2024 does not: the 2023 rows are checked on their own."""
    out = build_workbook([LISTS / "lejre-2023.xlsx", LEJRE_2024], tmp_path / "Budget.xlsx").output
    book = EvaluatedBook.open(out)
    labels = {book.value(f"CBL!A{r}"): r for r in range(1, 30) if book.value(f"CBL!A{r}")}
    own = labels["Heraf lejre-2023.xlsx"]
    assert book.value(f"CBL!F{own}") == 1200  # 2023: the five 2023 proposals, not the 2024 ones
    assert [f for f in validate_workbook(out) if f.severity.value == "error"] == []


def test_a_row_that_starts_with_an_empty_cell_keeps_its_row_number() -> None:
    stated = importers.parse(VIBORG).stated_totals
    assert stated.target_provenance["Økonomi- og Erhvervsudvalget"].line == 8
    assert stated.target_provenance["Hovedtotal"].line == 25


def test_a_profile_gives_the_unit_a_list_does_not_state(tmp_path: Path) -> None:
    text = KOLDING[0].read_text(encoding="utf-8")
    (tmp_path / "kolding.txt").write_text(text, encoding="utf-8")
    (tmp_path / "budgetbook.toml").write_text('unit = "kr."\nsign = "besparelser positive"\n', encoding="utf-8")
    result = importers.parse(tmp_path / "kolding.txt")
    assert result.document.unit == "kr." and "import profile" in result.document.unit_source
    assert "import profile" in result.document.sign_source
    assert not any("does not say its unit" in w.message for w in result.warnings)


def test_committee_packs_of_converted_lists_validate(tmp_path: Path) -> None:
    from workbook.packs import build_packs

    kroner = tmp_path / "kroner.txt"  # in kr., savings negative, with an udvalg column: converted by formulas
    kroner.write_text("Besparelser. Beløb i kr. Negative tal er besparelser.\n"
                      "Nr.\tUdvalg\tCenter\tOverskrift\t2025\t2026\n"
                      "1\tBørne- og Ungdomsudvalget\tSkoler\tFærre vikarer\t-250.000\t-500.000\n"
                      "2\tTeknisk Udvalg\tVej\tFærre klip\t-100.000\t-100.000\n", encoding="utf-8")
    out = build_workbook([VIBORG, KOEBENHAVN[0], kroner], tmp_path / "Budget.xlsx").output
    report = build_packs(out, tmp_path / "packs")
    assert len(report.packs) == 4 and len(report.unassigned) == 10  # København's rows name no udvalg
    for pack in report.packs:
        assert pack.errors == 0, pack.path.name
        assert [f for f in validate_workbook(pack.path) if f.severity.value == "error"] == [], pack.path.name
    teknik = next(p.path for p in report.packs if p.udvalg == "Teknisk Udvalg")
    from openpyxl import load_workbook
    from openpyxl.utils.cell import get_column_letter

    header = next(r for r in load_workbook(teknik)["Vej"].iter_rows(max_row=10) if r[0].value == "Nr.")
    col = {c.value: get_column_letter(c.column) for c in header}
    book = EvaluatedBook.open(teknik)
    row = header[0].row + 1
    assert [book.value(f"Vej!{col[f'{y} (1.000 kr.)']}{row}") for y in ("2025", "2026")] == [100, 100]


def test_a_catalogue_describing_its_proposals_below_the_table_gives_each_its_explanation() -> None:
    result = importers.parse(FREDERIKSSUND)
    vikarer = next(r for r in result.records if r.nr == "12")
    assert vikarer.forklaring == "Vikarer købes gennem én fælles aftale for skoler og dagtilbud."
    assert result.coverage.used == result.coverage.lines - 3  # the intro and "Beskrivelse af tiltagene" unread
