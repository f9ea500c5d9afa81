"""Initiative catalogues: golden files of every publisher's layout, record counts checked against the
seed and the generators, fields by label wherever they stand, tick boxes as glyphs or drawn, effects
with their units, hyphenation repair, wrapped titles and types, repeats merged, broken boxes reported."""

from __future__ import annotations

from pathlib import Path

import pytest

import importers
from budgetbook.model import SourceFile
from importers.initiative_catalogue import interpret, read_printed
from importers.initiative_catalogue.records import repair_hyphenation, ticked_names
from importers.vocabulary import default as default_vocabulary
from importers.readers.furniture import split_furniture
from importers.readers.text import text_to_lines
from samples.catalogue_layouts import KL_GRID_SUBJECT
from samples.make_initiative_catalogue import SUBJECT_PREFIX
from tests.golden import SAMPLES, check_golden, sample_files
from tests.parsed import kind_of
from tests.parsed import parsed as parse  # each sample read once per test run

KIND = "initiative_catalogue"
FOLDER = SAMPLES / KIND


@pytest.mark.parametrize("sample", sample_files(KIND), ids=lambda p: p.name)
def test_golden(sample: Path, update_golden: bool) -> None:
    check_golden(parse(sample), sample, update_golden)


@pytest.fixture(scope="module")
def text_result():
    return parse(FOLDER / "initiative_catalogue_part1.txt")


@pytest.fixture(scope="module")
def pdf_result():
    return parse(FOLDER / "initiative_catalogue_part1.pdf")


def test_every_printed_box_of_the_seed_is_read(text_result) -> None:
    seed = (FOLDER / "initiative_catalogue_part1.txt").read_text(encoding="utf-8")
    boxes = seed.count("Berørte fagområder")  # counted without the importer
    assert text_result.document.printed_records == boxes == 203
    assert len(text_result.records) + text_result.document.merged_repeats == boxes


def test_pdf_record_count_matches_what_the_generator_drew(pdf_result) -> None:
    import pdfplumber

    with pdfplumber.open(FOLDER / "initiative_catalogue_part1.pdf") as pdf:
        drawn = int(pdf.metadata["Subject"].removeprefix(SUBJECT_PREFIX))
        pages = len(pdf.pages)
    assert pdf_result.document.printed_records == drawn
    assert len(pdf_result.records) + pdf_result.document.merged_repeats == drawn
    assert drawn / pages > 1.5  # several boxes to a page


def test_a_box_runs_on_across_a_page_break() -> None:
    import pdfplumber

    with pdfplumber.open(FOLDER / "initiative_catalogue_part1.pdf") as pdf:
        # the first line under the running header (3 lines): a box's start, a section, or a box running on
        firsts = [page.extract_text().split("\n")[3] for page in pdf.pages[1:9]]
    running_on = [f for f in firsts if "Kommune" not in f and f not in ("Administration", "Daginstitutioner",
                                                                        "Skoler")]
    assert running_on, firsts


def test_pdf_reads_like_the_text(text_result, pdf_result) -> None:
    by_key = {(i.municipality, i.title): i for i in text_result.records}
    assert len(pdf_result.records) >= 50
    for item in pdf_result.records:
        same = by_key[(item.municipality, item.title)]
        for name in ("description", "effect_tkr", "full_year", "implementation_cost_text", "adopted",
                     "measure_types", "source"):
            assert getattr(item, name) == getattr(same, name), (item.title, name)
        assert set(item.affected_areas) <= set(same.affected_areas)


@pytest.mark.parametrize(("raw", "repaired"), [
    ("effekti1viseringer", "effektiviseringer"),
    ("effekti-\nviseringer", "effektiviseringer"),
    ("Administratio1nen foreslår", "Administrationen foreslår"),
    ("IT1systemerne", "IT-systemerne"),
    ("LED1konvertering", "LED-konvertering"),
    ("it1kommunikationslinjer", "it-kommunikationslinjer"),
    ("kontor1og mødelokaler", "kontor- og mødelokaler"),
    ("telefon-\nog dataabonnementer", "telefon- og dataabonnementer"),
    ("IT-\nunderstøttelse", "IT-understøttelse"),
    ("budget 2024-\n2027", "budget 2024-2027"),
    ("CO2-udledning", "CO2-udledning"),
])
def test_hyphenation_repair(raw: str, repaired: str) -> None:
    assert repair_hyphenation(raw) == repaired


def test_ticked_boxes_are_the_symbol_font_s() -> None:
    vocabulary = default_vocabulary()
    text = ("Daginstitutioner \uf0a3\uf020 Kultur & Fritid \uf053\uf020 Udsatte voksne & borgere med handicap "
            "\uf053\uf020 Administration \uf0a3\uf020")
    assert ticked_names([text], vocabulary) == (("Kultur & Fritid", "Udsatte voksne & borgere med handicap"), [])
    assert ticked_names(["Skoler ☒ Teknik & Miljø ☐"], vocabulary) == (("Skoler",), [])
    assert ticked_names(["☒ Skoler ☐ Teknik & Miljø"], vocabulary) == (("Skoler",), [])  # boxes before labels


def test_a_label_a_narrow_column_wrapped_is_put_back_together() -> None:
    lines = ["☐ Udsatte voksne & borgere med ☒ Administration", "handicap", "☒ Ældre & Sundhed"]
    assert ticked_names(lines, default_vocabulary()) == (("Administration", "Ældre & Sundhed"), [])


def test_tick_count_matches_the_seed(text_result) -> None:
    seed = (FOLDER / "initiative_catalogue_part1.txt").read_text(encoding="utf-8")
    assert seed.count("\uf053") + seed.count("\uf0a3") == seed.count("\uf020") == 9 * 203
    vocabulary = default_vocabulary()
    printed_ticks = sum(len(ticked_names(r.text("areas"), vocabulary)[0])
                        for r in read_printed(FOLDER / "initiative_catalogue_part1.txt"))
    assert printed_ticks == seed.count("\uf053")


def test_wrapped_titles_types_and_costs_come_out_whole(text_result) -> None:
    titles = {i.title: i for i in text_result.records}
    robot = titles["Effektiviseringer gennem øget brug af automatisering (robotløsninger)"]
    assert robot.implementation_cost_text == "1230 i 2024, herefter 1191 årligt"
    assert robot.effect_tkr == 2000 and robot.full_year == 2024 and robot.adopted is True
    assert "Fritids- og idrætsområdet (afbureaukratisering, justering af struktur og ledelse)" in titles
    assert any(i.measure_types == ("Tværkommunale samarbejder",) for i in text_result.records)
    handleplan = titles["Handleplan for det specialiserede børneområde"]
    assert handleplan.measure_types == ("Borgerrettede indsatser", "Organisering")
    assert handleplan.description.count("\n- ") == 3  # bullets start lines


def test_repeats_are_merged_with_all_their_areas(text_result) -> None:
    greve = [i for i in text_result.records if i.title.startswith("Fritids- og idrætsområdet")]
    assert len(greve) == 1
    assert len(greve[0].repeats) == 2
    assert set(greve[0].affected_areas) == {"Daginstitutioner", "Skoler", "Administration"}
    assert text_result.document.merged_repeats == 20
    assert any("20 initiatives were printed more than once" in w.message for w in text_result.warnings)


BOX = """\
        {municipality}

        {title}

 Beskrivelse af forslaget.

        Berørte fagområder
 Daginstitutioner \uf0a3\uf020  Skoler {tick}\uf020
 Økonomi  Typer af tiltag
 Effekt ved fuld indfasning (t.kr.): 100  Udbud
 Fuldt indfaset år: 2024
 Implementeringsomkostninger: 0
 Er forslaget vedtaget: Nej
 Yderligere information
 kilde.pdf
"""


def _read(text: str):
    document = split_furniture(text_to_lines(text, "made.txt"), "text")
    return interpret(importers.reading_of(document, SourceFile("made.txt", "0", "now")))


def test_the_same_box_under_two_sections_is_one_initiative() -> None:
    text = (" Daginstitutioner\n" + BOX.format(municipality="Ærø Kommune", title="Fælles indkøb", tick="\uf053")
            + " Skoler\n" + BOX.format(municipality="Ærø Kommune", title="Fælles indkøb", tick="\uf053"))
    result = _read(text)
    assert len(result.records) == 1 and result.document.merged_repeats == 1
    assert result.records[0].adopted is False and result.records[0].affected_areas == ("Skoler",)
    assert result.records[0].repeats[0].line == 18


def test_a_box_without_its_fields_is_reported_not_dropped() -> None:
    broken = "        Faxe Kommune\n\n        Et forslag uden felter\n\n Kun tekst.\n"
    text = BOX.format(municipality="Ærø Kommune", title="Fælles indkøb", tick="\uf0a3") + broken
    result = _read(text)
    assert [r.title for r in result.records] == ["Fælles indkøb", "Et forslag uden felter"]
    warning = next(w for w in result.warnings if "Et forslag uden felter" in w.message)
    assert warning.provenance.line == 16
    assert "Berørte fagområder" in warning.message and "Yderligere information" in warning.message


def test_detection_keeps_to_its_own_kind() -> None:
    assert parse(FOLDER / "initiative_catalogue_part1.txt").kind == KIND
    for folder in sorted(p for p in SAMPLES.iterdir() if p.is_dir() and p.name != KIND):
        for sample in (s for s in sample_files(folder.name) if s.suffix in {".txt", ".docx", ".xlsx"}):
            assert kind_of(sample) != KIND, sample.name


# -- other publishers' layouts -----------------------------------------------------------------------

def test_the_label_grid_with_drawn_boxes_reads_like_the_seed(text_result) -> None:
    """The layout of issue 9 (labels in a grid, vector-drawn tick boxes): every field of every box as
    the seed has it, none swallowed by the title."""
    import pdfplumber

    grid = parse(FOLDER / "kl-idebank-label-grid-vector-boxes.pdf")
    with pdfplumber.open(FOLDER / "kl-idebank-label-grid-vector-boxes.pdf") as pdf:
        drawn = int(pdf.metadata["Subject"].removeprefix(KL_GRID_SUBJECT))
        assert not any("☒" in page.extract_text() for page in pdf.pages)  # the boxes are graphics only
    assert grid.document.printed_records == drawn == 27
    assert len(grid.records) == 26 and grid.document.merged_repeats == 1
    by_key = {(i.municipality, i.title): i for i in text_result.records}
    for item in grid.records:
        same = by_key[(item.municipality, item.title)]
        for name in ("description", "effect", "effect_unit", "full_year", "implementation_cost_text", "adopted",
                     "source"):
            assert getattr(item, name) == getattr(same, name), (item.title, name)
        assert set(item.measure_types) == set(same.measure_types), item.title  # ticked in the grid's order
        assert set(item.affected_areas) <= set(same.affected_areas), item.title
    assert sum(len(i.affected_areas) for i in grid.records) > len(grid.records)
    assert not [w for w in grid.warnings if "boxes" in w.message or "Unknown area" in w.message]


def test_a_page_per_proposal_with_a_two_column_box() -> None:
    result = parse(FOLDER / "kerteminde-raaderumskatalog-side-pr-forslag.docx")
    first = result.records[0]
    assert [i.number for i in result.records] == ["ØK-01", "ØK-02", "BU-04", "SU-07", "TM-02"]
    assert first.municipality == "Kerteminde Kommune"  # from the running head
    assert (first.title, first.udvalg, first.area) == ("Færre kørselsgodtgørelser gennem fælles bilpulje",
                                                      "Økonomiudvalget", "Administration")
    assert (first.effect, first.effect_unit, first.full_year) == (300, "tkr", 2019)  # "300 t.kr. årligt fra 2019"
    assert first.effect_by_year == {"2018": -150, "2019": -300, "2020": -300, "2021": -300}
    assert first.measure_types == ("Effektivisering",)
    assert first.consequences.startswith("Ingen konsekvenser for borgerne")
    assert first.description.startswith("Medarbejdere, der i dag kører i egen bil")
    assert [i.measure_types for i in result.records][2:] == [("Strukturændring",), ("Serviceforringelse",),
                                                             ("Serviceforringelse",)]


def test_one_line_fields_and_savings_written_negative() -> None:
    result = parse(FOLDER / "helsingoer-raaderumskatalog-en-linje.libreoffice.pdf")
    assert result.document.savings == "savings_negative" and result.document.unit == "tkr"
    assert [(i.number, i.effect, i.full_year) for i in result.records] == [
        ("ØU-1", -750, 2027), ("ØU-2", -400, 2026), ("BU-5", -2100, 2028), ("KIU-3", -260, 2026), ("SSU-2", -1350, 2027)]
    first = result.records[0]
    assert first.title == "Reduktion af konsulentbistand i Center for Økonomi og Ejendomme"  # wrapped heading
    assert first.description.endswith("løses af egne medarbejdere.")  # a wrapped line goes on
    assert first.other == {"Kræver høring": "Nej"}
    assert {i.municipality for i in result.records} == {"Helsingør Kommune"}


def test_labels_over_their_values_and_effects_in_mio_kr() -> None:
    result = parse(FOLDER / "viborg-effektiviseringskatalog-label-over-vaerdi.pdf")
    assert [(i.number, i.effect, i.effect_unit, i.effect_tkr) for i in result.records] == [
        ("1", 1.2, "mkr", 1200), ("2", 0.8, "mkr", 800), ("3", 1.5, "mkr", 1500), ("4", 2.3, "mkr", 2300)]
    assert [i.measure_types for i in result.records] == [("Indkøb",), ("Digitalisering",),
                                                         ("Digitalisering", "Energi"), ("Bygninger",)]
    assert result.records[0].area == "Børn og Unge"


def test_numbered_initiatives_of_many_municipalities() -> None:
    result = parse(FOLDER / "krevi-inspiration-nummererede-forslag.docx")
    assert [(i.number, i.municipality, i.effect, i.effect_unit) for i in result.records] == [
        ("1", "Faxe Kommune", 2.4, "mkr"), ("2", "Holbæk Kommune", 650_000, "kr"), ("3", "Skive Kommune", 400_000, "kr"),
        ("4", "Vejle Kommune", 1.1, "mkr"), ("5", "Tønder Kommune", 850_000, "kr")]
    assert result.document.sections == ("Administration", "Ældre")
    assert [i.effect_tkr for i in result.records] == [2400, 650, 400, 1100, 850]


@pytest.mark.parametrize("sample", sample_files(KIND), ids=lambda p: p.name)
def test_every_catalogue_is_detected_as_one(sample: Path) -> None:
    assert kind_of(sample) == KIND


def test_a_label_column_without_ruling() -> None:
    result = parse(FOLDER / "lejre-besparelseskatalog-label-kolonne-uden-streger.pdf")
    assert [(i.number, i.effect, i.effect_unit, i.full_year) for i in result.records] == [
        ("CBU-3", 600, "tkr", 2025), ("CKT-1", 320, "tkr", 2025), ("CSE-2", 250, "tkr", 2024)]
    first = result.records[0]
    assert (first.municipality, first.udvalg, first.area) == ("Lejre Kommune", "Børn og Ungdom",
                                                              "Center for Børn og Unge")
    assert first.description.endswith("Forældrene orienteres via skolebestyrelserne.")  # wrapped value goes on
    assert first.consequences == "Færre voksne om eftermiddagen i SFO."
    assert result.records[2].udvalg == "Social, Ældre og Sundhed"


def test_a_workbook_with_a_sheet_per_proposal() -> None:
    result = parse(FOLDER / "greve-forslag-et-ark-pr-forslag.xlsx")
    assert [(i.number, i.effect, i.effect_unit, i.effect_tkr, i.full_year, i.adopted) for i in result.records] == [
        ("G-12", 450_000, "kr", 450, 2025, True), ("G-15", 275_000, "kr", 275, 2024, True),
        ("G-21", 180_000, "kr", 180, 2026, False)]
    assert {i.municipality for i in result.records} == {"Greve Kommune"}
    assert [i.provenance.sheet for i in result.records] == ["G-12", "G-15", "G-21"]


def test_a_catalogue_printed_as_one_table_reads_a_row_per_initiative() -> None:
    result = importers.parse(FOLDER / "lyngby-taarbaek-effektiviseringskatalog-tabel-med-kryds.libreoffice.pdf")
    assert result.kind == "initiative_catalogue"
    assert [(r.number, r.effect, r.effect_unit) for r in result.records] == [
        ("1", -350, "tkr"), ("2", -420, "tkr"), ("3", -120, "tkr"), ("4", -900, "tkr")]
    assert result.records[1].measure_types == ("Justering af serviceniveau", "Påvirker andre områder")


def test_a_catalogue_of_one_line_per_proposal() -> None:
    # second hold-out trial: Odense's list "Title: 15,4 mio. kr." (no label, no year) was refused
    result = parse(SAMPLES / "initiative_catalogue" / "odense-sparekatalog-en-linje-pr-forslag.docx")
    assert result.kind == "initiative_catalogue" and len(result.records) == 8
    first, fourth = result.records[0], result.records[3]
    assert (first.title, first.effect, first.effect_unit) == ("Administration, jura og kommunikation", 15.4, "mkr")
    assert (fourth.title, fourth.effect) == ("Vækst-stillinger nedlægges", 0.75)


@pytest.mark.parametrize(("text", "records"), [
    ("Spareliste\nLukning af svømmehal: 1,2 mio. kr.\nFærre vejbump: 300.000 kr.\nMindre græsslåning: 0,4 mio. kr.\n", 3),
    # labelled fields are no titles: "Besparelse: 1,2 mio. kr." is another layout's line
    ("Spareliste\nBesparelse: 1,2 mio. kr.\nEffekt: 300.000 kr.\nØkonomi: 0,4 mio. kr.\n", 0),
    # no unit: no effect
    ("Spareliste\nLukning af svømmehal: 1,2\nFærre vejbump: 300\nMindre græsslåning: 0,4\n", 0),
])
def test_one_line_per_proposal_needs_titles_and_effects_with_units(text: str, records: int) -> None:
    from importers.initiative_catalogue.one_per_line import lines_to_one_liners

    lines = text_to_lines(text, "liste.txt")
    printed, used = lines_to_one_liners(lines, default_vocabulary())
    assert len(printed) == records == len(used)


def test_a_few_such_lines_in_a_long_text_are_sentences() -> None:
    from importers.initiative_catalogue.one_per_line import lines_to_one_liners

    body = "\n".join(f"Afsnit {i} om budgettet og dets forudsætninger." for i in range(20))
    text = body + "\nLukning af svømmehal: 1,2 mio. kr.\nFærre vejbump: 300.000 kr.\nMindre græsslåning: 0,4 mio. kr.\n"
    assert lines_to_one_liners(text_to_lines(text, "notat.txt"), default_vocabulary()) == ([], [])


@pytest.mark.parametrize("name", ["gentofte-effektiviseringskatalog-oekonomi-tabel.libreoffice.pdf",
                                  "rudersdal-omprioriteringskatalog-afkrydset-type.docx",
                                  "rudersdal-omprioriteringskatalog-afkrydset-type.libreoffice.pdf"])
def test_an_effect_only_in_an_economy_table_is_its_last_year(name: str) -> None:
    # third hold-out trial: "Økonomi (1.000 kr.)" over "| 2021 | ... |" and "Effektivisering | -1.500 | ...", or
    # "Mindreudgift | ...": no effect was read; the Rudersdal Word file was read as a proposal form
    result = parse(SAMPLES / "initiative_catalogue" / name)
    assert result.kind == "initiative_catalogue" and len(result.records) == 3
    last = result.records[-1]
    assert (last.effect, last.effect_unit, result.document.savings) in {(-5000, "tkr", "savings_negative"),
                                                                        (-3000, "tkr", "savings_negative")}
    assert list(last.effect_by_year.values())[-1] == last.effect


def test_a_ticked_option_is_no_label() -> None:
    # "☒ Besparelse" in a box of its own ticks the type; "Besparelse" alone is an effect's label
    result = parse(SAMPLES / "initiative_catalogue" / "rudersdal-omprioriteringskatalog-afkrydset-type.docx")
    assert [r.measure_types for r in result.records] == [("Administrativ ændring",), ("Besparelse",), ("Besparelse",)]


def test_a_case_title_is_the_heading_above_its_box() -> None:
    # first hold-out trial: KL's casekatalog read "Implementering Indført i 2021." as titles
    result = parse(SAMPLES / "initiative_catalogue" / "kl-casekatalog-titel-over-boks.docx")
    assert [(r.municipality, r.title, r.full_year) for r in result.records] == [
        ("Holbæk Kommune", "Digitalt ledelsestilsyn", 2021), ("Favrskov Kommune", "Robot til bankafstemning", 2020),
        ("Hjørring Kommune", "Digital onboarding", 2022)]
    assert result.records[0].description.startswith("Et tilføjelsessystem")


def test_numbered_categories_and_sectors_are_headings_not_initiatives() -> None:
    # first hold-out trial: KORA's "Inspiration til effektiviseringer 2015" was refused
    result = parse(SAMPLES / "initiative_catalogue" / "kora-inspiration-kategori-og-sektor-overskrifter.libreoffice.pdf")
    assert result.kind == "initiative_catalogue"
    assert [(r.number, r.title, r.effect) for r in result.records] == [
        ("1", "Vasketoiletter i hjemmeplejen", 0.6), ("2", "Loftlifte på botilbud", 1.2),
        ("3", "LED-belysning i kommunale bygninger", 0.4)]
    assert result.document.sections == ("Ældre", "Handicap", "Tværgående")


@pytest.mark.parametrize(("text", "savings"), [
    ("Beløb i 1.000 kr. (- = besparelse)", "savings_negative"),  # Lyngby-Taarbæk (hold-out trial 2)
    ("Beløb i kr. (+ = mindreudgift)", "savings_positive"),
    ("Kataloget indeholder både ændringer og besparelser. Beløb i 1.000 kr., mindreudgifter med minus.",
     "savings_negative"),  # Rudersdal (hold-out trial 3): the second sentence of a paragraph
    ("Besparelse (-) i alt", None),
])
def test_how_savings_are_signed(text: str, savings: str | None) -> None:
    from importers.conventions import savings_in

    assert savings_in(text, default_vocabulary()) == savings
