"""CSV files read as cells: Danish Excel's "CSV (semikolonsepareret)" (`;`, quotes around a cell holding
`;` or a line break, Windows-1252, CRLF), comma CSV from LibreOffice and web exports, Excel's `sep=`
line; prose in a .csv file and .txt exports stay lines of text."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import importers
from importers.readers import read_document
from importers.readers import text as plain
from importers.readers import xlsx as excel
from tests.golden import SAMPLES
from tests.spreadsheets import libreoffice_convert

LEJRE = SAMPLES / "reduction_list" / "lejre-2023.xlsx"

DANISH_EXCEL = (
    'Nr.;Titel;Forklaring;2025;2026\r\n'
    '1;Skolebus;"Færre ruter; kortere\r\nkøreplan";-100;-1.250,5\r\n'
    '2;"Bibliotek ""Nord""";;-50;-50\r\n'
    ';;;;\r\n'
    '3;=SUM(A1:A2);Tekst, med komma;-1;-2\r\n').encode("cp1252")


def cells(path: Path) -> list[tuple[object, ...]]:
    return [line.cells for line in plain.read_lines(path)]


def test_danish_excel_csv_is_read_as_cells(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes(DANISH_EXCEL)
    lines = plain.read_lines(path)
    assert [line.cells for line in lines] == [
        ("Nr.", "Titel", "Forklaring", "2025", "2026"),
        ("1", "Skolebus", "Færre ruter; kortere\nkøreplan", "-100", "-1.250,5"),
        ("2", 'Bibliotek "Nord"', "", "-50", "-50"),
        ("",),
        ("3", "=SUM(A1:A2)", "Tekst, med komma", "-1", "-2")]  # text, never a formula
    assert [line.provenance.line for line in lines] == [1, 2, 4, 5, 6]  # the file line each record starts on


def test_excels_sep_line_names_the_separator(tmp_path: Path) -> None:
    path = tmp_path / "eksport.csv"
    path.write_text("sep=,\nTitel,2025\n\"Skole, nord\",-100\n", encoding="utf-8")
    lines = plain.read_lines(path)
    assert [line.cells for line in lines] == [("Titel", "2025"), ("Skole, nord", "-100")]
    assert [line.provenance.line for line in lines] == [2, 3]


def test_comma_csv_saved_by_libreoffice(tmp_path: Path) -> None:
    book_path = tmp_path / "liste.xlsx"
    import openpyxl

    book = openpyxl.Workbook()
    for row in (["Titel", "Center", "2025"], ["Skolebus, nord", "CBL", -100], ["Bibliotek", 'Kultur "og" fritid', -50]):
        book.active.append(row)
    book.save(book_path)
    saved = libreoffice_convert(book_path, "csv", tmp_path / "lo")
    assert cells(saved) == [("Titel", "Center", "2025"), ("Skolebus, nord", "CBL", "-100"),
                            ("Bibliotek", 'Kultur "og" fritid', "-50")]


def test_a_danish_excel_csv_of_a_list_reads_as_the_workbook(tmp_path: Path) -> None:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for line in excel.read_lines(LEJRE):  # what Excel shows, numbers as a Danish Excel writes them
        writer.writerow(["" if c is None else str(c) for c in line.cells])
    path = tmp_path / "lejre-2023.csv"
    path.write_bytes(out.getvalue().encode("cp1252"))

    def records(source: Path) -> object:
        found = importers.parse(source).to_json()["records"]
        for record in found:  # type: ignore[union-attr]
            record.pop("provenance")
        return found

    assert records(path) == records(LEJRE)


def test_prose_in_a_csv_file_and_text_exports_stay_text(tmp_path: Path) -> None:
    prose = tmp_path / "noter.csv"
    prose.write_text("Referat af mødet.\nDeltagere: Anne, Bo og Carl.\nPunkt 1; godkendt.\n", encoding="utf-8")
    assert cells(prose) == [("Referat af mødet.",), ("Deltagere: Anne, Bo og Carl.",), ("Punkt 1; godkendt.",), ("",)]
    export = tmp_path / "liste.txt"
    export.write_bytes(DANISH_EXCEL)
    assert cells(export)[0] == ("Nr.;Titel;Forklaring;2025;2026",)  # only a .csv is read as CSV


def test_read_document_keeps_every_record(tmp_path: Path) -> None:
    path = tmp_path / "liste.csv"
    path.write_bytes(DANISH_EXCEL)
    document = read_document(path)
    assert [line.cells[0] for line in document.lines if line.cells[0]] == ["Nr.", "1", "2", "3"]
    assert document.furniture == ()
