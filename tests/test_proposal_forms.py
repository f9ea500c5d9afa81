"""Proposal forms ("Reduktionsforslag til Budget 2024-2027"): golden files, formats agree, helpers, errors."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

import importers
from budgetbook.errors import NumberError, SourceError
from importers import proposal_forms
from importers.vocabulary import default as default_vocabulary
from importers.readers import read_lines
from samples.make_proposal_forms import QUIRK_FORM, text_to_forms, write_docx, write_pdf
from tests import golden
from tests.golden import SAMPLES, check_golden, sample_files
from tests.parsed import kind_of, parsed

KIND = "proposal_forms"
STEM = "proposal_forms_lejre_2024-2027"
FOLDER = SAMPLES / KIND
SEED_TEXT = (FOLDER / f"{STEM}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("sample", sample_files(KIND), ids=lambda p: p.name)
def test_golden(sample: Path, update_golden: bool) -> None:
    result = parsed(sample)
    assert result.kind == KIND
    check_golden(result, sample, update_golden)


def _without_provenance(record: object) -> dict[str, object]:
    data = dataclasses.asdict(record)  # type: ignore[call-overload]
    data.pop("provenance")
    data.pop("lines")
    return data


def _words(text: str) -> str:
    return " ".join(text.replace("\n- ", "\n").split())


@pytest.mark.parametrize("other", [f"{STEM}.docx", f"{STEM}.pdf", f"{STEM}.libreoffice.pdf"])
def test_every_format_reads_to_the_same_forms(other: str) -> None:
    expected = [_without_provenance(r) for r in parsed(FOLDER / f"{STEM}.txt").records]
    actual = [_without_provenance(r) for r in parsed(FOLDER / other).records]
    assert len(actual) == len(expected) == 8
    for want, got in zip(expected, actual):
        want_sections, got_sections = want.pop("sections"), got.pop("sections")
        assert got == want
        if other.endswith(".docx"):
            assert got_sections == want_sections
        else:  # a PDF's paragraphs are rebuilt from its lines: the words agree, line breaks may not
            assert {n: _words(t) for n, t in got_sections.items()} == {n: _words(t) for n, t in want_sections.items()}


def test_the_seed_forms_read_as_written() -> None:
    forms = parsed(FOLDER / f"{STEM}.txt").records
    assert [f.overskrift for f in forms][:2] == ["Hjemtagning af akut foranstaltninger", "Nedlægge tilbuddet Isafjord"]
    first, jobcenter, several = forms[0], forms[3], forms[4]
    assert first.kind == ("investering", "besparelse")
    assert first.aendring_aarsvaerk == {"2024": 4, "2025": 4, "2026": 4, "2027": 4}  # "+4"
    assert first.nuvaerende_budget == dict.fromkeys(("2024", "2025", "2026", "2027"))  # blanks are null
    assert first.sections["Tidshorisont"] == ""
    assert list(first.sections) == ["Kort resume af forslaget", "Reduktionsforslag", "Investeringsbehov (evt.)",
                                    "Konsekvenser ved forslaget", "Tidshorisont", "Sammenhæng til andre bidrag (evt.)",
                                    "Relevante dokumenter"]
    assert (jobcenter.center, jobcenter.center_text) == ("CJS", "Jobcenter")
    assert jobcenter.aendring_aarsvaerk["2024"] == 1.3
    assert several.bevillinger == ("3.20.35", "3.20.32")
    assert several.sections["Konsekvenser ved forslaget"] == ("- a. Mindre anvendelse af eksterne leverandører til "
                                                             "konkret opgaveløsning.")
    assert forms[5].kind == ("investering", "besparelse")  # ticked with "X"
    assert forms[7].bevillinger == ()
    assert forms[1].lines["aendringsforslag_i_alt"].line == 97


@pytest.mark.parametrize(("text", "expected"), [
    ("CJS", ("CJS", "")),
    ("CJS – Jobcenter", ("CJS", "Jobcenter")),
    ("CEJ - Ejendomme", ("CEJ", "Ejendomme")),
    ("CBL Skoler og dagtilbud", ("CBL", "Skoler og dagtilbud")),
    ("Center for Job & Social", ("Center for Job & Social", "")),
    ("", ("", "")),
])
def test_split_center(text: str, expected: tuple[str, str]) -> None:
    assert proposal_forms.split_center(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("3.20.35 Familiehuset", ("3.20.35",)),
    ("3.20.35 Familiehuset og 3.20.32 Det specialiserede børne- og ungeområde", ("3.20.35", "3.20.32")),
    ("1.10.12, 1.10.14 og 1.10.16 Ejendomsdrift", ("1.10.12", "1.10.14", "1.10.16")),
    ("Værestedet Horseager – Team Bostøtte", ()),
    ("Budget 19.024.000 kr.", ()),
])
def test_parse_bevillinger(text: str, expected: tuple[str, ...]) -> None:
    assert proposal_forms.parse_bevillinger(text) == expected


@pytest.mark.parametrize(("label", "role"), [
    ("Ændringsforslag i alt", "aendringsforslag_i_alt"),
    ("Investerings behov", "investeringsbehov"),  # a label broken by a narrow PDF column
    ("Berørte antal medarbejder e", "beroerte_medarbejdere"),
    ("Samlet økonomisk påvirkning", "aendringsforslag_i_alt"),
    ("Samlet varig ændring", "estimeret_gevinst"),
    ("Anlæg", "investeringsbehov"),
    ("Budgetændring – drift", "heading"),
    ("Heraf løn", None),
])
def test_amount_rows_by_their_labels(label: str, role: str | None) -> None:
    assert default_vocabulary().role("forms.amount_rows", label) == role


def _form_text(**replace: str) -> str:
    """The quirk form's text with some lines replaced: {old line start: new line}."""
    lines = QUIRK_FORM.splitlines()
    for old, new in replace.items():
        lines = [new if line.startswith(old) else line for line in lines]
    return "\n".join(lines) + "\n"


def test_unreadable_amount_in_text_names_line(tmp_path: Path) -> None:
    path = tmp_path / "forslag.txt"
    path.write_text(_form_text(**{"Estimeret gevinst": "Estimeret gevinst\t-250\tl.600\t-600\t-600"}), encoding="utf-8")
    with pytest.raises(NumberError) as caught:
        importers.parse(path)
    assert "'l.600'" in str(caught.value)
    assert "forslag.txt, page 1, line 15" in str(caught.value)


@pytest.mark.parametrize(("writer", "name", "where"), [
    (write_docx, "forslag.docx", "forslag.docx, page 2, line 61"),  # Word: pages counted by page breaks
    (write_pdf, "forslag.pdf", "forslag.pdf, page 3, line 13"),  # the first form fills pages 1-2
])
def test_unreadable_amount_names_page_and_line(tmp_path: Path, writer: object, name: str, where: str) -> None:
    text = SEED_TEXT.replace("Estimeret gevinst\t-450\t-650", "Estimeret gevinst\t-450\t-6S0", 1)
    path = writer(text_to_forms(text)[:2], tmp_path / name)  # type: ignore[operator]
    with pytest.raises(NumberError) as caught:
        importers.parse(path)
    assert str(caught.value).startswith(f"Cannot read '-6S0' as a number ({where}).")
    line = next(line for line in read_lines(path) if line.provenance == caught.value.where)
    assert line.cells[:3] == ("Estimeret gevinst", "-450", "-6S0")


def test_unclear_tick_and_unknown_row_are_warnings(tmp_path: Path) -> None:
    path = tmp_path / "forslag.txt"
    path.write_text(_form_text(Investering="Investering\tja", Personalekonsekvenser="Lønsum\t1\t1\t1\t1"),
                    encoding="utf-8")
    result = importers.parse(path)
    assert result.records[0].kind == ("effektivisering", "investering", "besparelse")
    messages = [w.message for w in result.warnings]
    assert "Unclear mark 'ja' beside 'Investering'; read as ticked" in messages
    assert result.records[0].other_amounts == {"Lønsum": {"2025": 1, "2026": 1, "2027": 1, "2028": 1}}  # kept


def test_amount_row_before_the_years_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "forslag.txt"
    path.write_text(_form_text(**{"Beløb i hele": ""}), encoding="utf-8")
    with pytest.raises(SourceError, match="'Nuværende budget' stands before the row of years"):
        importers.parse(path)


def test_a_numbered_line_inside_a_section_is_no_heading(tmp_path: Path) -> None:
    path = tmp_path / "forslag.txt"
    path.write_text(_form_text(**{"Fra 1. marts": "2) Trin to starter i marts"}), encoding="utf-8")
    sections = importers.parse(path).records[0].sections
    assert sections["Tidshorisont"] == "2) Trin to starter i marts"
    assert sections["Reduktionsforslag"].startswith("- Fælles vagtplan")


@pytest.mark.parametrize("seed", ["reduction_list_lejre_2023.txt", "minutes_lejre_bu_2024-08-13.txt",
                                  "initiative_catalogue_part1.txt", "budget_remarks_kalundborg_oeu_2024.txt"])
def test_other_kinds_are_not_taken_for_proposal_forms(seed: str) -> None:

    assert kind_of(golden.seed(seed)) != proposal_forms.KIND


def test_detected_among_all_kinds() -> None:

    assert kind_of(FOLDER / f"{STEM}.pdf") == proposal_forms.KIND
    assert kind_of(golden.seed("reduction_list_lejre_2023.txt")) == "reduction_list"


# -- other municipalities' forms -------------------------------------------------------------------

def _amounts(form: object, *names: str) -> list[dict[str, object]]:
    return [dict(getattr(form, name)) for name in names]


def test_groups_of_rows_add_up_to_their_heading_s_role() -> None:
    """København: "Engangsudgifter" heads rows that add up to the investment; "Samlet varig ændring"
    states the gevinst itself; a Styringsområde column between label and years is no year."""
    first, second = parsed(FOLDER / "koebenhavn-effektiviseringsforslag-styringsomraade.libreoffice.pdf").records
    assert (first.title, first.overskrift, first.center, first.udvalg) == (
        "EFFEKTIVISERINGSFORSLAG", "Automatisering af administrative processer i lønadministrationen",
        "Økonomiforvaltningen", "Økonomiudvalget")
    assert first.years == ("2025", "2026", "2027", "2028")
    gevinst, investering, total, aarsvaerk = _amounts(first, "estimeret_gevinst", "investeringsbehov",
                                                      "aendringsforslag_i_alt", "aendring_aarsvaerk")
    assert gevinst == {"2025": -1200, "2026": -2400, "2027": -2400, "2028": -2400}
    assert investering == {"2025": 800, "2026": 400, "2027": None, "2028": None}  # "Implementering og licenser"
    assert total == {y: gevinst[y] + (investering[y] or 0) for y in first.years}
    assert aarsvaerk["2025"] == -2.5
    assert set(first.other_amounts) == {"Bortfaldne lønomkostninger", "Implementering og licenser"}
    assert list(first.sections) == ["Forslagets samlede økonomiske konsekvenser", "Baggrund og formål",
                                    "Forslagets indhold", "Konsekvenser for brugerne", "Personalemæssige konsekvenser"]
    assert second.investeringsbehov == dict.fromkeys(second.years)


def test_fields_in_any_order_kinds_in_one_cell_and_b_years() -> None:
    reduction, expansion = parsed(FOLDER / "odsherred-aendringsforslag-b-aar.docx").records
    assert (reduction.number, reduction.overskrift, reduction.udvalg, reduction.center) == (
        "SSU-R3", "Nedlæggelse af en aftengruppe i hjemmeplejen", "Social- og Sundhedsudvalget", "Ældre og Sundhed")
    assert reduction.kind == ("besparelse",) and expansion.kind == ("udvidelse",)  # "Reduktion", "Udvidelse"
    assert reduction.years == ("2025", "2026", "2027", "2028")  # B2025 BO2026 BO2027 BO2028
    assert reduction.estimeret_gevinst["2026"] == -1280 and expansion.aendringsforslag_i_alt["2026"] == 3000
    assert list(reduction.sections) == ["Beskrivelse af forslaget", "Konsekvenser", "Personale", "Implementering"]
    assert reduction.sections["Konsekvenser"].count("\n") == 1  # two paragraphs


def test_years_with_their_unit_and_text_across_a_page_break() -> None:
    result = parsed(FOLDER / "egedal-prioriteringsforslag-aar-med-enhed.pdf")
    first = result.records[0]
    assert [f.number for f in result.records] == ["BU-03", "KF-01", "ØK-07"]
    assert (first.unit, first.years) == ("tkr", ("2026", "2027", "2028", "2029"))  # "2026 (1.000 kr.)"
    assert first.aendringsforslag_i_alt["2027"] == -500 and first.aendring_aarsvaerk["2026"] == -0.6
    assert first.other_amounts == {"Heraf løn": {"2026": -230, "2027": -460, "2028": -460, "2029": -460}}
    assert result.records[1].years == first.years and result.records[1].aendring_aarsvaerk["2026"] is None
    text = "\n".join(first.sections.values())
    assert "Side " not in text and "Egedal Kommune ·" not in text  # the running head and footer stay out
    assert len(first.sections["Beskrivelse af forslaget"].split("\n")) == 9  # paragraphs over the page break


def test_amounts_in_mio_kr_with_savings_written_positive() -> None:
    form = parsed(FOLDER / "herning-forslag-mio-kr-besparelse-positiv.docx").records[0]
    assert (form.unit, form.savings) == ("mkr", "savings_positive")
    assert form.estimeret_gevinst["2025"] == 0.4 and form.investeringsbehov["2025"] == -0.1
    assert form.kind == ("effektivisering",) and form.center == "10 Dagtilbud"


def test_a_form_as_a_workbook_with_a_period_total() -> None:
    solar, school = parsed(FOLDER / "toender-skema-til-budgetforslag.xlsx").records
    assert solar.years == ("2026", "2027", "2028", "2029")  # "I alt 2026-2029" is no year
    assert solar.kind == ("investering",) and school.kind == ("effektivisering",)
    assert solar.investeringsbehov["2026"] == 1800 and solar.aendringsforslag_i_alt["2026"] == 1680
    assert solar.lines["overskrift"].sheet == "TMU-2" and school.lines["overskrift"].sheet == "BSU-5"
    assert solar.sections == {"Beskrivelse": "Solceller på rådhusets tag dækker omkring en tredjedel af elforbruget."}


@pytest.mark.parametrize("sample", [s for s in sample_files(KIND) if s.suffix == ".pdf"], ids=lambda p: p.name)
def test_page_furniture_never_reaches_a_section(sample: Path) -> None:
    result = parsed(sample)
    for form in result.records:
        text = "\n".join(form.sections.values())
        assert not re.search(r"^Side \d+( af \d+)?$", text, re.MULTILINE), form.overskrift
        for head in result.running_heads:
            assert head not in text


@pytest.mark.parametrize("sample", sample_files(KIND), ids=lambda p: p.name)
def test_every_form_is_detected_as_one(sample: Path) -> None:
    assert kind_of(sample) == KIND


@pytest.mark.parametrize("title", [
    "Forslag til budgetreduktion", "Budgetforbedringsforslag", "Reduktionsforslag nr. 7",
    "Reduktions- og effektiviseringsforslag", "Forslag til effektivisering til budget 2020-2023",
    "Råderumsforslag ØU-01", "Råderumsforslag KFU-02", "Generelle forslag (G-1)", "Fastholdelsesforslag",
])
def test_form_titles_seen_in_hold_out_trials(title: str) -> None:
    assert default_vocabulary().role("forms.titles", title) == "form"


def test_a_list_s_title_with_a_year_is_no_form_title() -> None:
    assert default_vocabulary().role("forms.titles", "Effektiviseringsforslag Budget 2023") is None


def test_two_forms_titled_forslag_til_budgetreduktion_are_two_records() -> None:
    result = importers.parse(SAMPLES / "proposal_forms" / "hoersholm-forslag-til-budgetreduktion.libreoffice.pdf")
    assert [(r.number, r.overskrift) for r in result.records] == [
        ("ØU 1", "Reduktion af centrale lønpuljer"), ("ØU 2", "Reduktion af kontingenter og abonnementer")]
    assert result.records[1].estimeret_gevinst == {"2020": -150000, "2021": -200000, "2022": -200000, "2023": -200000}


def test_raaderumsforslag_with_a_code_starts_a_form_and_is_no_list() -> None:
    result = importers.parse(SAMPLES / "proposal_forms" / "holbaek-raaderumsforslag-kode-og-nummer.docx")
    assert result.kind == "proposal_forms"
    assert [(r.number, r.overskrift, r.udvalg) for r in result.records] == [
        ("ØU-01", "Færre licenser til kontorsoftware", "Økonomiudvalget"),
        ("KFU-02", "Reduceret tilskud til lokale festivaler", "Kultur-, Fritids- og Bevægelsesudvalget")]
    assert result.records[0].estimeret_gevinst == {"2025": 400, "2026": 600, "2027": 600, "2028": 600}


@pytest.mark.parametrize(("title", "number"), [
    ("Råderumsforslag ØU-01", "ØU-01"), ("Reduktionsforslag nr. 7", "7"), ("Råderumsforslag 3", "3"),
    ("Forslag til budgetreduktion", ""), ("Reduktionsforslag til budget 2024-2027", ""),
    ("Generelle forslag (G-1)", "G-1"), ("Generelle forslag (G-12)", "G-12"),
])
def test_the_number_a_form_title_carries(title: str, number: str) -> None:
    assert proposal_forms.number_in_title(title, default_vocabulary()) == number


def test_a_document_of_many_g_coded_forms_is_read_as_forms_not_as_a_list_of_their_tables() -> None:
    result = importers.parse(SAMPLES / "proposal_forms" / "kommune-ukendt-generelle-forslag-g-koder-uden-enhed.libreoffice.pdf")
    assert result.kind == "proposal_forms"
    assert [(r.number, r.title, r.overskrift, r.kind) for r in result.records] == [
        ("G-1", "Generelle forslag (G-1) - Fastholdelsesforslag", "Forventet demografi regulering", ()),
        ("G-2", "Generelle forslag (G-2) - Spareforslag", "Huslejebesparelser vedr. eksterne lejemål", ("besparelse",))]
    g1, g2 = result.records
    # no row is labelled as the change: the first row is it, the areas' rows below it stay as printed
    assert g1.estimeret_gevinst == {"2015": 3826.4, "2016": 4112, "2017": 4530.2, "2018": 4944.7}
    assert g1.other_amounts["Familie, sundhedsplejen"] == {"2015": -138.3, "2016": -688.1, "2017": -645.9, "2018": -668.7}
    assert "Forventet demografiregulering, drift" not in g1.other_amounts
    assert g1.nuvaerende_budget["2015"] == 412310
    assert g2.estimeret_gevinst == {"2015": -500, "2016": -1000, "2017": -1000, "2018": -1000}
    assert g1.unit == g2.unit == "tkr"
    assert len([w for w in result.warnings if "does not say its unit" in w.message]) == 2
    assert result.coverage.used == result.coverage.lines


def test_a_form_s_unit_comes_from_the_import_profile_when_the_form_names_none() -> None:
    sample = SAMPLES / "proposal_forms" / "kommune-ukendt-generelle-forslag-g-koder-uden-enhed.libreoffice.pdf"
    result = importers.parse(sample, profile={"unit": "kr."})
    assert {r.unit for r in result.records} == {"kr"}
    assert not [w for w in result.warnings if "unit" in w.message]


def test_a_form_whose_rows_name_their_change_keeps_its_first_row_as_printed() -> None:
    result = importers.parse(SAMPLES / "proposal_forms" / "egedal-prioriteringsforslag-aar-med-enhed.pdf")
    first = result.records[0]  # "Budgetændring" is the change; "Heraf løn" below it stays a row of its own
    assert first.other_amounts["Heraf løn"] == {"2026": -230, "2027": -460, "2028": -460, "2029": -460}
    assert first.aendringsforslag_i_alt["2026"] is not None and first.estimeret_gevinst["2026"] is None


def test_forms_headed_only_by_their_code_and_title_are_one_record_each() -> None:
    """Ringsted (third hold-out trial): "ØU 1 - Ny åbningstid for Borgerservice", no title word, after a contents and an
    overview table of every form's amounts; the three forms were read as one."""
    for name in ("ringsted-forslag-med-udvalgskode-uden-formtitel.docx",
                 "ringsted-forslag-med-udvalgskode-uden-formtitel.libreoffice.pdf"):
        result = importers.parse(SAMPLES / "proposal_forms" / name)
        assert result.kind == "proposal_forms"
        assert [(r.number, r.overskrift, r.udvalg, r.center) for r in result.records] == [
            ("ØU 1", "Ny åbningstid for Borgerservice", "Økonomiudvalget", "Administration"),
            ("ØU 2", "Nedsætte budget til venskabsby-arbejdet", "Økonomiudvalget", "Administration"),
            ("BUU 1", "Afskaffelse af tilskud til Bækken Lejrskole", "Børne- og Undervisningsudvalget", "Skoler")]
        assert result.records[0].estimeret_gevinst == {"2017": -350, "2018": -700, "2019": -700, "2020": -700}
        assert result.records[0].aendring_aarsvaerk == {"2017": -0.8, "2018": -1.6, "2019": -1.6, "2020": -1.6}
        assert not result.warnings  # no "a second 'Udvalg'": the overview table is no form's


def _forms_docx(tmp_path: Path, blocks: list) -> Path:
    from samples.document_layout import Document, write_docx
    return write_docx(Document("Spareforslag", "Kommune", blocks=blocks, header=None, footer=None), tmp_path / "forslag.docx")


def test_a_catalogue_s_name_above_each_form_and_its_field_table_start_a_form(tmp_path: Path) -> None:
    """A sparekatalog printing its name above each form (Guldborgsund-like): each form's field table starts it."""
    from samples.document_layout import Heading, PageBreak, Para, grid
    blocks = []
    for number, (nr, title, amount) in enumerate((("BS-04", "Færre timer", "4.200"), ("ÆS-11", "Kølemad", "800"))):
        blocks += [PageBreak()] if number else []
        blocks += [Heading("Sparekatalog budget 2019-2022", 1), grid([("Forslagets titel", title), ("Nr.", nr)], (3, 9)),
                   grid([("1.000 kr.", "2019", "2020"), ("Besparelse", amount, amount)], (4, 2, 2), header=1),
                   Para("Beskrivelse", bold=True), Para("Tekst.")]
    result = importers.parse(_forms_docx(tmp_path, blocks), kind=KIND)
    assert [(r.number, r.overskrift, r.estimeret_gevinst["2019"]) for r in result.records] == [
        ("BS-04", "Færre timer", 4200), ("ÆS-11", "Kølemad", 800)]


def test_a_row_of_labels_takes_its_values_from_the_row_below(tmp_path: Path) -> None:
    """Furesø (third hold-out trial): "Nr. | Titel | Udvalg" over the form's values."""
    from samples.document_layout import Heading, grid
    blocks = [Heading("Spareforslag budget 2021-2022", 1),
              grid([("Nr.", "Titel", "Udvalg"), ("SSS-2", "Frivillige på plejecentrene", "Udvalget for sociale forhold")],
                   (2, 6, 6), header=1),
              grid([("Økonomi (1.000 kr.)", "2021", "2022"), ("Drift", "-900", "-1.800")], (4, 2, 2), header=1)]
    form = importers.parse(_forms_docx(tmp_path, blocks), kind=KIND).records[0]
    assert (form.number, form.overskrift, form.udvalg) == ("SSS-2", "Frivillige på plejecentrene",
                                                          "Udvalget for sociale forhold")


def test_a_list_whose_header_repeats_on_every_page_is_no_series_of_forms(tmp_path: Path) -> None:
    from samples.document_layout import PageBreak, grid
    header = ("Nr.", "Center", "Overskrift", "2024", "2025")
    blocks = [grid([header, ("1", "CBD", "Færre licenser", "100", "100")], (1, 2, 6, 2, 2), header=1), PageBreak(),
              grid([header, ("2", "CJS", "Kortere åbningstid", "200", "200")], (1, 2, 6, 2, 2), header=1)]
    assert kind_of(_forms_docx(tmp_path, blocks)) != KIND


@pytest.mark.parametrize(("note", "savings"), [
    ("Økonomi i 1.000 kr. (+ = besparelse)", "savings_positive"), ("Beløb i 1.000 kr. (- = besparelse)", "savings_negative"),
    ("(+ = merudgift / - = mindreudgift)", "savings_negative"), ("(- = merudgift)", "savings_positive"),
    ("Beløb i 1.000 kr.", None)])
def test_a_key_of_signs_says_how_a_saving_is_written(note: str, savings: str | None) -> None:
    """Guldborgsund's sparekatalog (third hold-out trial) writes "(+ = besparelse)": its savings were read as costs."""
    from importers.conventions import savings_in
    assert savings_in(note, default_vocabulary()) == savings


def test_the_line_above_the_amount_table_that_names_a_unit_gives_the_form_its_unit(tmp_path: Path) -> None:
    """Lyngby-Taarbæk's forms (second hold-out trial) put "Økonomi (1.000 kr.)" above their table: no warning that the
    form names no unit."""
    from samples.document_layout import Heading, Para, grid
    blocks = [Heading("Reduktionsforslag", 1), Para("Overskrift: Kortere åbningstid"), Heading("Økonomi (1.000 kr.)", 2),
              grid([("", "2020", "2021"), ("Serviceudgifter", "-650", "-650")], (4, 2, 2), header=1)]
    result = importers.parse(_forms_docx(tmp_path, blocks), kind=KIND)
    assert result.records[0].unit == "tkr"
    assert not [w for w in result.warnings if "unit" in w.message]
