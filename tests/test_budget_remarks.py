"""Budget remarks: golden files of every municipality's layout, formats agree, net budgets in their
variants and units, headings, running heads kept out, errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import importers
from budgetbook.errors import NumberError, SourceError
from budgetbook.records.remarks import NO_HEADING
from importers import budget_remarks
from samples.make_budget_remarks import text_to_blocks, write_docx
from tests import golden
from tests.golden import SAMPLES, check_golden, sample_files
from tests.parsed import kind_of, parsed

KIND = "budget_remarks"
STEM = "budget_remarks_kalundborg_oeu_2024"
FOLDER = SAMPLES / KIND
SECTIONS = ("Budgetgrundlag", "Beskrivelse af området", "Udvikling og udfordringer")


@pytest.mark.parametrize("sample", sample_files(KIND), ids=lambda p: p.name)
def test_golden(sample: Path, update_golden: bool) -> None:
    result = parsed(sample)
    assert result.kind == KIND
    check_golden(result, sample, update_golden)


def _without_provenance(record: object) -> dict[str, object]:
    data = dataclasses.asdict(record)  # type: ignore[call-overload]
    data.pop("provenance")
    data.pop("net_budget_provenance")
    return data


def _words(text: str) -> str:
    return " ".join(text.replace("\n- ", "\n").replace("\n  - ", "\n").split())


@pytest.mark.parametrize("other", [f"{STEM}.docx", f"{STEM}.pdf", f"{STEM}.libreoffice.pdf"])
def test_every_format_reads_to_the_same_areas(other: str) -> None:
    text = parsed(FOLDER / f"{STEM}.txt")
    result = parsed(FOLDER / other)
    assert result.to_json()["committee"] == "Økonomiudvalget"
    expected = [_without_provenance(r) for r in text.records]
    actual = [_without_provenance(r) for r in result.records]
    assert len(actual) == len(expected) == 17
    for want, got in zip(expected, actual):
        want_sections, got_sections = want.pop("sections"), got.pop("sections")
        assert got == want
        assert list(got_sections) == list(want_sections)
        if other.endswith(".docx"):
            assert got_sections == want_sections
        else:  # a PDF's paragraphs are rebuilt from its lines: the words agree, line breaks may not
            assert {t: _words(s) for t, s in got_sections.items()} == {t: _words(s) for t, s in want_sections.items()}


def test_the_seed_areas_read_as_written() -> None:
    result = parsed(FOLDER / f"{STEM}.txt")
    areas = {area.name: area for area in result.records}
    assert result.document.committee == "Økonomiudvalget"
    assert sum(area.net_budget for area in result.records) == 460_443_800  # the 17 net budget lines of the seed, summed by bc
    assert {area.unit for area in result.records} == {"kr"}
    assert areas["Jobcenter"].net_budget == 50_190_100 and areas["Jobcenter"].net_budget_tkr == 50_190.1
    assert list(areas["Jobcenter"].sections) == list(SECTIONS)
    assert list(areas["Demografipulje - Ældreområdet"].sections) == [NO_HEADING]
    assert list(areas["Demografipulje – Børn- og Familieområdet"].sections) == ["Budgetgrundlag"]
    assert list(areas["Kultur og Fritid"].sections) == list(SECTIONS[:2])
    # a sub-heading stays in its section's text
    assert areas["Ledelse, Jura og Kommunikation"].sections["Beskrivelse af området"].startswith("Staben\n")
    # a paragraph the export broke in two is one again
    assert "En del forlader landet igen" in areas["Borgerservice"].sections["Udvikling og udfordringer"]
    assert areas["HR og Personale"].sections["Beskrivelse af området"].endswith("\n  - Sundhedspulje\n  - Seniorordning")
    assert areas["Økonomi"].provenance.line == 393
    assert areas["Økonomi"].net_budget_provenance.line == 395


def _remarks(*areas: str) -> str:
    return "Bemærkninger - Teknik- og Miljøudvalget\n\n" + "\n\n".join(areas) + "\n"


def test_title_like_lines_heading_three_areas_become_sections(tmp_path: Path) -> None:
    area = "{0}\n\nSamlet nettobudget for området: 1.000 kr.\n\nMål og indsatser\n\nTekst om {0}.{1}"
    staben = "\n\nStaben\n\nMere."  # in one area only: a sub-heading
    path = tmp_path / "bemaerkninger.txt"
    path.write_text(_remarks(area.format("Veje", staben), area.format("Parker", ""), area.format("Havne", "")),
                    encoding="utf-8")
    result = importers.parse(path)
    assert result.document.committee == "Teknik- og Miljøudvalget"
    assert dict(result.records[0].sections) == {"Mål og indsatser": "Tekst om Veje.\nStaben\nMere."}


def test_word_heading_levels_decide_sections(tmp_path: Path) -> None:
    text = _remarks("Veje\n\nSamlet nettobudget for området: 2.500 kr.\n\nBudgetgrundlag\n\nRammebudget.\n\n"
                    "Staben\n\nTo medarbejdere.")
    blocks = [dataclasses.replace(b, kind="section") if b.text == "Staben" else b for b in text_to_blocks(text)]
    record = importers.parse(write_docx(blocks, tmp_path / "bemaerkninger.docx")).records[0]
    assert record.sections == {"Budgetgrundlag": "Rammebudget.", "Staben": "To medarbejdere."}


def test_unreadable_net_budget_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bemaerkninger.txt"
    path.write_text(_remarks("Veje\n\nSamlet nettobudget for området: 1.2OO kr."), encoding="utf-8")
    with pytest.raises(NumberError, match=r"'1.2OO kr.' as a number \(bemaerkninger.txt, page 1, line 5\)"):
        importers.parse(path)


def test_missing_net_budget_and_title_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "bemaerkninger.txt"
    path.write_text("Veje\n\nSamlet nettobudget for området:\n\nBudgetgrundlag\n\nTekst.\n", encoding="utf-8")
    result = importers.parse(path)
    assert result.records[0].net_budget is None
    assert [w.message for w in result.warnings] == [
        "No title 'Bemærkninger - <udvalg>'; the committee is unknown",
        "The area 'Veje' states no net budget"]


def test_a_net_budget_without_area_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "bemaerkninger.txt"
    path.write_text("\n\nSamlet nettobudget for området: 1.000 kr.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="no area name above it"):
        importers.parse(path)


@pytest.mark.parametrize("seed", ["reduction_list_lejre_2023.txt", "minutes_lejre_bu_2024-08-13.txt",
                                  "initiative_catalogue_part1.txt", "proposal_forms_lejre_2024-2027.txt"])
def test_other_kinds_are_not_taken_for_budget_remarks(seed: str) -> None:
    assert kind_of(golden.seed(seed)) != budget_remarks.KIND


def test_detected_among_all_kinds() -> None:
    for name in (f"{STEM}.txt", f"{STEM}.docx", f"{STEM}.libreoffice.pdf"):
        assert kind_of(FOLDER / name) == budget_remarks.KIND


# -- other municipalities' layouts ------------------------------------------------------------------

@pytest.mark.parametrize(("sample", "committee", "areas"), [
    ("helsingoer-budgetomraade-netto-i-saetning.pdf", "",
     [("Budgetområde 826 Administration", 474.6, "mkr", 2016), ("Budgetområde 722 Beskæftigelse", 212.3, "mkr", 2016),
      ("Budgetområde 618 Psykiatri og Handicap", 318.9, "mkr", 2016),
      ("Budgetområde 825 Ejendomme og Bygningsforbedring", 96.2, "mkr", 2016)]),
    ("halsnaes-politikomraade-tabel.docx", "",
     [("Kapitel 14: Politikområde Sundhed", 173_363, "tkr", 2025), ("Kapitel 15: Politikområde Ældre", 270_960, "tkr", 2025)]),
    ("frederikssund-nettobudget-linje.libreoffice.pdf", "Økonomiudvalget",
     [("Politisk organisation", 12_345_678, "kr", None), ("Administrativ organisation", 198_765_400, "kr", None),
      ("Erhverv og turisme", 4_512_300, "kr", None)]),
    ("skive-budget-netto-tkr.pdf", "Sundhedsudvalget",
     [("Sundhedsfremme og forebyggelse", 14_820, "tkr", 2025),
      ("Genoptræning og vedligeholdende træning", 31_075, "tkr", 2025),
      ("Aktivitetsbestemt medfinansiering", 266_555, "tkr", 2025)]),
    ("herning-serviceomraade-kolonner.docx", "Børne- og Familieudvalget",
     [("Serviceområde 10 Dagtilbud", 312.8, "mkr", 2025), ("Serviceområde 12 Skoler", 721.9, "mkr", 2025)]),
    ("frederiksberg-tekniske-bemaerkninger-tal-brudt-i-celle.libreoffice.pdf", "",
     [("Undervisningsudvalget", 797_770, "tkr", 2022), ("Kultur- og fritidsudvalget", 186_660, "tkr", 2022)]),
    ("odense-udvalgets-budgettal-og-bemaerkninger.docx", "By- og Kulturudvalget",
     [("Kultur", 327_000, "tkr", 2020), ("Park og Vej", 194_620, "tkr", 2020)]),
    ("ishoej-politikomraadets-nettobudget-mio-kr.libreoffice.pdf", "Økonomi- og Planudvalget",
     [("Politikområde 1: Administration", 148.6, "mkr", 2015),
      ("Politikområde 2: Erhverv og beskæftigelse", 62.3, "mkr", 2015)]),
    ("esbjerg-bevillingsgruppe-total-kr.docx", "Miljø- og teknikudvalget",
     [("Vej og park", 64_005_400, "kr", 2014), ("Redningsberedskab", 22_418_900, "kr", 2014)]),
    ("ishoej-udvalg-paa-linjen-under-titlen.docx", "Økonomi- og Planudvalget",
     [("Politikområde 1: Administration", 148.6, "mkr", 2015),
      ("Politikområde 2: Erhverv og beskæftigelse", 62.3, "mkr", 2015)]),
])
def test_every_layout_gives_its_areas_net_budgets_units_and_years(sample: str, committee: str, areas: list) -> None:
    result = parsed(FOLDER / sample)
    assert result.document.committee == committee
    assert [(a.name, a.net_budget, a.unit, a.year) for a in result.records] == areas
    assert not [w for w in result.warnings if "unit" in w.message]


def test_the_net_budget_in_a_table_is_the_budget_year_s_column() -> None:
    herning = parsed(FOLDER / "herning-serviceomraade-kolonner.docx")  # R-2023 B-2024 BF-2025 BO-2026 ...
    assert herning.records[0].net_budget == 312.8  # BF-2025, not R-2023 (301,5) or B-2024 (309,2)
    halsnaes = parsed(FOLDER / "halsnaes-politikomraade-tabel.docx")
    sundhed = halsnaes.records[0]
    assert list(sundhed.sections) == ["Uden overskrift", "Økonomi", "Aktiviteter", "Mål for 2025"]
    assert "173.363" not in "".join(sundhed.sections.values())  # the table's rows are no prose


def test_sections_are_learned_from_the_document() -> None:
    helsingoer = parsed(FOLDER / "helsingoer-budgetomraade-netto-i-saetning.pdf")
    for area in helsingoer.records:
        assert list(area.sections) == ["Uden overskrift", "Budgetområdets opgaver", "Udfordringer og indsatser",
                                       "Økonomi"]
        # the sentence that states the net budget stays in the area's text, whole
        assert area.sections["Uden overskrift"].startswith("Det samlede budget på området udgør netto")
        assert area.sections["Uden overskrift"].endswith("lønudgifter.")


@pytest.mark.parametrize("sample", [s for s in sample_files(KIND) if s.suffix == ".pdf"], ids=lambda p: p.name)
def test_running_heads_and_page_numbers_never_reach_a_section(sample: Path) -> None:
    result = parsed(sample)
    text = "\n".join(t for area in result.records for t in area.sections.values())
    assert "Side " not in text.replace("Side om side", "")
    for head in result.running_heads:
        assert head not in text


def test_the_committee_on_a_line_of_its_own_under_the_title_is_read() -> None:
    result = parsed(FOLDER / "ishoej-udvalg-paa-linjen-under-titlen.docx")
    assert result.document.title == "Bemærkninger til budget 2015 - Økonomi- og Planudvalget"
    assert not result.warnings
    assert result.coverage.used == result.coverage.lines


@pytest.mark.parametrize("second", ["Politikområde 1: Administration", "Økonomiudvalgets område omfatter rådhuset.",
                                    "Budgetgrundlag"])
def test_a_line_below_the_title_that_is_no_committee_s_name_is_no_committee(second: str, tmp_path: Path) -> None:
    path = tmp_path / "bemaerkninger.txt"
    path.write_text(f"Bemærkninger til budget 2015\n\n{second}\n\nVeje\n\nNettobudget: 1.000 kr.\n\n"
                    "Budgetgrundlag\n\nTekst.\n", encoding="utf-8")
    assert importers.parse(path).document.committee == ""


def test_a_title_wrapped_after_its_dash_names_the_committee() -> None:
    result = parsed(FOLDER / "frederikssund-nettobudget-linje.libreoffice.pdf")
    assert result.document.title == "Budgetbemærkninger 2021 - Økonomiudvalget"
    assert result.running_heads == ("Frederikssund Kommune – Budgetbemærkninger 2021",)


@pytest.mark.parametrize(("line", "amount", "unit", "year"), [
    ("Samlet nettobudget for området: 50.190.100 kr.", 50_190_100, "kr", None),
    ("Nettobudget: 12.345.678 kr.", 12_345_678, "kr", None),
    ("Nettobudget 2021 (1.000 kr.): 45.210", 45_210, "tkr", 2021),
    ("Budget 2025 (netto): 312.450 t.kr.", 312_450, "tkr", 2025),
    ("Det samlede budget på området udgør netto 474,6 mio. kr. i 2016. Af disse er ca. 69 % lønudgifter.", 474.6,
     "mkr", 2016),
    ("Områdets nettobudget udgør 3,2 mio. kr.", 3.2, "mkr", None),
    ("Politikområdets nettobudget udgør 148,6 mio.kr i 2015.", 148.6, "mkr", 2015),
    ("Nettobudgettet for 2024 udgør 46,8 mio. kr.", 46.8, "mkr", 2024),
])
def test_net_budget_lines_in_their_variants(line: str, amount: float, unit: str, year: int | None,
                                            tmp_path: Path) -> None:
    path = tmp_path / "bemaerkninger.txt"
    path.write_text(_remarks(f"Veje\n\n{line}\n\nBudgetgrundlag\n\nTekst."), encoding="utf-8")
    area = importers.parse(path).records[0]
    assert (area.name, area.net_budget, area.unit, area.year) == ("Veje", amount, unit, year)


def test_a_table_with_one_amount_column_and_no_year_is_read_by_its_area_s_total_row() -> None:
    """Esbjerg (both hold-out trials refused it): "Udvalg/Bevillingsgruppe/Funktion | TOTAL KR", the net in "<area> i
    alt" below the area's heading, the year the document's budget year ("Budgetforslag 2014"), the committee from
    the only committee heading, and "Bemærkninger" a section."""
    result = parsed(FOLDER / "esbjerg-bevillingsgruppe-total-kr.docx")
    assert kind_of(FOLDER / "esbjerg-bevillingsgruppe-total-kr.docx") == KIND
    assert [list(area.sections) for area in result.records] == [["Bemærkninger"], ["Bemærkninger"]]
    assert not result.warnings


def _remarks_docx(tmp_path: Path, blocks: list) -> Path:
    from samples.document_layout import Document, write_docx
    return write_docx(Document("Bemærkninger", "Kommune", blocks=blocks, header=None, footer=None),
                      tmp_path / "bemaerkninger.docx")


def test_a_total_row_that_names_no_heading_above_its_table_is_no_sign_of_remarks(tmp_path: Path) -> None:
    from samples.document_layout import Heading, Para, grid
    path = _remarks_docx(tmp_path, [Heading("Forslag til reduktioner", 1), Para("Reduktionerne fordelt på udvalg."),
                                    grid([("Udvalg", "TOTAL KR"), ("Økonomiudvalget", ""), ("Kantine", "120.000"),
                                          ("Økonomiudvalget i alt", "120.000")], (8, 4), header=1)])
    reading, _ = importers.read(path, kind=KIND)
    assert budget_remarks.evidence(reading).score < 0.5


def test_the_budget_column_is_the_year_the_document_names(tmp_path: Path) -> None:
    """Stevns' "Budget 2015" (third hold-out trial): its tables print Budget 2014 and Budget 2015; the net is 2015's."""
    from samples.document_layout import Heading, Para, grid
    rows = [("1.000 kr.", "Regnskab 2013", "Budget 2014", "Budget 2015", "Overslag 2016"),
            ("Drift", "24.310", "25.102", "25.480", "25.480"), ("Nettoudgifter i alt", "24.310", "25.102", "25.480", "25.480")]
    path = _remarks_docx(tmp_path, [Heading("Budget 2015", 1), Heading("Veje og trafik", 2), grid(rows, (4, 2, 2, 2, 2), header=1),
                                    Para("Bemærkninger"), Para("Budgettet er fremskrevet.")])
    area = importers.parse(path, kind=KIND).records[0]
    assert (area.name, area.net_budget, area.year) == ("Veje og trafik", 25_480, 2015)


@pytest.mark.parametrize(("line", "committee"), [("Udvalget for Teknik og Miljø", "Udvalget for Teknik og Miljø"),
                                                 ("Økonomiudvalget", "Økonomiudvalget")])
def test_the_one_committee_heading_names_the_committee(line: str, committee: str, tmp_path: Path) -> None:
    from samples.document_layout import Heading, Para
    path = _remarks_docx(tmp_path, [Heading("Budget 2024", 1), Heading(line, 1), Heading("Veje", 2),
                                    Para("Nettobudget: 1.200.000 kr."), Para("Bemærkninger"), Para("Tekst.")])
    assert importers.parse(path, kind=KIND).document.committee == committee


def test_several_committee_headings_name_no_committee(tmp_path: Path) -> None:
    from samples.document_layout import Heading, Para
    blocks = []
    for name in ("Økonomiudvalget", "Teknik- og Miljøudvalget"):
        blocks += [Heading(name, 1), Heading(f"Område under {name}", 2), Para("Nettobudget: 1.200.000 kr.")]
    assert importers.parse(_remarks_docx(tmp_path, blocks), kind=KIND).document.committee == ""


def test_an_area_s_name_is_no_section_heading_above_its_net_budget_sentence(tmp_path: Path) -> None:
    """Morsø (third hold-out trial): "Nettobudgettet for 2024 udgør 46,8 mio. kr." under "Økonomi" in its area; in the
    PDF every area was named "Økonomi"."""
    path = tmp_path / "bemaerkninger.txt"
    path.write_text(_remarks("Veje og grønne områder\n\nBeskrivelse\n\nVeje og stier.\n\nØkonomi\n\n"
                             "Nettobudgettet for 2024 udgør 46,8 mio. kr.\n\nKollektiv trafik\n\nBeskrivelse\n\nBusser.\n\n"
                             "Økonomi\n\nNettobudgettet for 2024 udgør 18,3 mio. kr."), encoding="utf-8")
    assert [a.name for a in importers.parse(path).records] == ["Veje og grønne områder", "Kollektiv trafik"]


def test_the_committee_heading_above_every_area_names_the_committee_after_a_list_of_committees(tmp_path: Path) -> None:
    """Stevns' "Budget 2015" (third hold-out trial) lists every committee in its front matter, then one chapter
    "Plan- og Teknikudvalget" with the areas: that chapter's committee is the document's."""
    from samples.document_layout import Heading, PageBreak, Para
    blocks = [Heading("Budget 2015", 1), Para("DE POLITISKE UDVALG:"), Para("Økonomiudvalget"), Para("Flemming Petersen (fmd.)"),
              Para("Plan- og Teknikudvalget"), Para("Bjarne Nielsen"), PageBreak(), Heading("Plan- og Teknikudvalget", 1)]
    for name in ("Veje og trafik", "Kollektiv trafik"):
        blocks += [Heading(name, 2), Para("Nettobudget: 1.200.000 kr."), Para("Bemærkninger"), Para("Tekst.")]
    result = importers.parse(_remarks_docx(tmp_path, blocks), kind=KIND)
    assert result.document.committee == "Plan- og Teknikudvalget"
    assert not result.warnings
