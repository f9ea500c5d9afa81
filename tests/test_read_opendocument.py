"""OpenDocument files saved by LibreOffice read as their Word and Excel originals: the sample forms
saved as .odt and the sample list saved as .ods give the same records; an .ods's hidden sheets, rows
and columns are left out with a warning, a merged area beside a list is read on every row."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import importers
from budgetbook.errors import SourceError
from importers.readers import detect_format, read_document
from tests.golden import SAMPLES
from tests.spreadsheets import libreoffice_convert

FORMS = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.docx"
REMARKS = SAMPLES / "budget_remarks" / "budget_remarks_kalundborg_oeu_2024.docx"
LIST = SAMPLES / "reduction_list" / "lejre-2023.xlsx"


def records(path: Path) -> object:
    """The records as JSON without where they stand (file name, page: the .odt knows its pages)."""
    return _without_places(importers.parse(path).to_json()["records"])


def _without_places(data: object) -> object:
    if isinstance(data, dict):
        return {k: _without_places(v) for k, v in data.items() if not k.endswith("provenance") and k != "lines"}
    if isinstance(data, list):
        return [_without_places(v) for v in data]
    return data


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("odf")
    return {source.name: libreoffice_convert(source, "odt" if source.suffix == ".docx" else "ods", folder)
            for source in (FORMS, REMARKS, LIST)}


@pytest.mark.parametrize("source", [FORMS, REMARKS, LIST], ids=lambda p: p.name)
def test_saved_by_libreoffice_reads_as_the_original(source: Path, converted: dict[str, Path]) -> None:
    saved = converted[source.name]
    assert detect_format(saved) == saved.suffix[1:]
    assert records(saved) == records(source)
    assert importers.parse(saved).kind == importers.parse(source).kind


def test_an_odt_has_its_headings_tables_and_pages(converted: dict[str, Path]) -> None:
    document = read_document(converted[FORMS.name])
    lines = document.lines
    assert lines[0].cells == ("Reduktionsforslag til Budget 2024-2027",) and lines[0].style == "Heading 1"
    assert ("Overskrift", "Hjemtagning af akut foranstaltninger") in [line.cells for line in lines]
    assert document.pages > 1


def test_an_ods_leaves_out_what_is_hidden_and_fills_merged_areas(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Liste"
    for row in (["Udvalg", "Titel", "Hjælp", "2025"], ["BU", "Skolebus", "x", -100], [None, "Bibliotek", "y", -50],
                [None, "Filtreret", "z", -25], ["ØU", "Husleje", None, 0.5]):
        sheet.append(row)
    sheet.merge_cells("A2:A4")
    sheet.row_dimensions[4].hidden = True
    sheet.column_dimensions["C"].hidden = True
    sheet["D5"].number_format = "0.0%"
    book.create_sheet("Opslag").append(["intern"])
    book["Opslag"].sheet_state = "hidden"
    source = tmp_path / "skjult.xlsx"
    book.save(source)
    saved = libreoffice_convert(source, "ods", tmp_path / "lo")
    document = read_document(saved)
    assert [line.cells for line in document.lines] == [
        ("Udvalg", "Titel", "2025"), ("BU", "Skolebus", -100), ("BU", "Bibliotek", -50), ("ØU", "Husleje", "50,0%")]
    assert [line.provenance.line for line in document.lines] == [1, 2, 3, 5]
    said = [w.message for w in document.warnings]
    assert any("'Opslag' is hidden" in w for w in said)
    assert any("hidden row 4 and column C" in w for w in said)


def test_another_opendocument_is_refused_with_what_to_do(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "slides.odp"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        archive.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(SourceError, match="presentation"):
        detect_format(path)


def test_a_damaged_opendocument_is_one_clear_line(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "skadet.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", "<office:document-content")
    with pytest.raises(SourceError, match=r"cannot be read .*skadet\.ods.*save it as \.docx/\.xlsx"):
        read_document(path)
