"""Proposal forms ("Reduktionsforslag til Budget 2024-2027"): golden files, formats agree, helpers, errors."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

import importers
from budgetbook.errors import NumberError, SourceError
from importers import proposal_forms
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
    assert first.sections["5"] == ""
    assert (jobcenter.center, jobcenter.center_text) == ("CJS", "Jobcenter")
    assert jobcenter.aendring_aarsvaerk["2024"] == 1.3
    assert several.bevillinger == ("3.20.35", "3.20.32")
    assert several.sections["4"] == "- a. Mindre anvendelse af eksterne leverandører til konkret opgaveløsning."
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


@pytest.mark.parametrize(("label", "expected"), [
    ("Ændringsforslag i alt", "ændringsforslagialt"),
    ("Investerings behov", "investeringsbehov"),
    ("Berørte antal medarbejder e", "berørteantalmedarbejdere"),
    ("Ændringen vedrører:", "ændringenvedrører"),
    ("Beløb i hele 1.000 kr.", "beløbihelekr"),
])
def test_label_key(label: str, expected: str) -> None:
    assert proposal_forms.label_key(label) == expected


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
    assert "Unknown row 'Lønsum' in the form was skipped" in messages


def test_amount_row_before_the_years_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "forslag.txt"
    path.write_text(_form_text(**{"Beløb i hele": ""}), encoding="utf-8")
    with pytest.raises(SourceError, match="stands before the header 'Beløb i hele 1.000 kr.'"):
        importers.parse(path)


def test_a_numbered_line_inside_a_section_is_no_heading(tmp_path: Path) -> None:
    path = tmp_path / "forslag.txt"
    path.write_text(_form_text(**{"Fra 1. marts": "2) Trin to starter i marts"}), encoding="utf-8")
    sections = importers.parse(path).records[0].sections
    assert sections["5"] == "2) Trin to starter i marts"
    assert sections["2"].startswith("- Fælles vagtplan")


@pytest.mark.parametrize("seed", ["reduction_list_lejre_2023.txt", "minutes_lejre_bu_2024-08-13.txt",
                                  "initiative_catalogue_part1.txt", "budget_remarks_kalundborg_oeu_2024.txt"])
def test_other_kinds_are_not_taken_for_proposal_forms(seed: str) -> None:

    assert kind_of(golden.seed(seed)) != proposal_forms.KIND


def test_detected_among_all_kinds() -> None:

    assert kind_of(FOLDER / f"{STEM}.pdf") == proposal_forms.KIND
    assert kind_of(golden.seed("reduction_list_lejre_2023.txt")) == "reduction_list"
