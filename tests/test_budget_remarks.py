"""Budget remarks ("Bemærkninger - Økonomiudvalget"): golden files, formats agree, headings, errors."""

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
    assert sum(area.net_budget_kr for area in result.records) == 460_443_800  # the 17 net budget lines of the seed, summed by bc
    assert areas["Jobcenter"].net_budget_kr == 50_190_100
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
    assert result.records[0].net_budget_kr is None
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
