"""The read-only view reads what openpyxl reads, from budgetbook's files, Excel's shape and LibreOffice's."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.formula.translate import Translator

from tests.excel_shape import to_excel_shape
from tests.golden import SAMPLES
from tests.spreadsheets import libreoffice_recalc
from workbook.api import build_workbook
from workbook.formula_parser import _parse_text, parse_formula, quick_tokens
from workbook.formula_moves import shift_formula
from workbook.xlsx_view import BookView, read_view

SOURCES = [SAMPLES / "reduction_list" / "lejre-2023.txt", SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.txt",
           SAMPLES / "minutes" / "minutes_lejre_bu_2024-08-13.txt",
           SAMPLES / "budget_remarks" / "budget_remarks_kalundborg_oeu_2024.txt",
           SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_workbook(SOURCES, tmp_path_factory.mktemp("view") / "Budget.xlsx").output


def contents(view: BookView) -> dict[str, dict[tuple[int, int], object]]:
    """Sheet -> cell -> "=formula" or constant, as the view holds them."""
    return {s.title: {**s.values, **{k: "=" + t for k, t in s.formulas.items()}} for s in view.worksheets}


def test_the_view_reads_what_openpyxl_reads(built: Path) -> None:
    view = read_view(built)
    book = load_workbook(built)
    assert view.sheetnames == book.sheetnames
    for ws in book.worksheets:
        sheet = view[ws.title]
        assert (sheet.max_row, sheet.max_column) == (ws.max_row, ws.max_column), ws.title
        assert sheet.tables == dict(ws.tables.items())
        for row in ws.iter_rows():
            for cell in row:
                mine = sheet.cell(cell.row, cell.column)
                assert mine.value == cell.value, (ws.title, cell.coordinate)
                if cell.value is not None:
                    assert mine.data_type == cell.data_type, (ws.title, cell.coordinate)
                assert mine.style == cell.style, (ws.title, cell.coordinate)
    assert view.properties.created == book.properties.created


def test_excel_shape_reads_the_same(built: Path, tmp_path: Path) -> None:
    """Shared strings (rich text too), shared formulas expanded, an array formula, styles in another order."""
    excel = tmp_path / "excel.xlsx"
    counts = to_excel_shape(built, excel, array_cell=("CJS", "F13"))
    assert counts["shared_strings"] > 300 and counts["shared_formulas"] > 20 and counts["array_formulas"] == 1
    mine, theirs = read_view(built), read_view(excel)
    assert contents(theirs) == contents(mine)
    assert {s.title: s.styles for s in theirs.worksheets} == {s.title: s.styles for s in mine.worksheets}
    assert {s.title: s.cached for s in theirs.worksheets} == {s.title: s.cached for s in mine.worksheets}


def test_a_file_saved_by_libreoffice_reads_the_same(built: Path, tmp_path: Path) -> None:
    """LibreOffice writes shared strings, its own style records (more records than named styles) and its
    own number formats; the values, formulas and named styles read back unchanged."""
    saved = libreoffice_recalc(built, tmp_path / "lo")
    mine, theirs = read_view(built), read_view(saved)
    assert theirs.sheetnames == mine.sheetnames
    for sheet in mine.worksheets:
        other = theirs[sheet.title]
        assert other.formulas.keys() == sheet.formulas.keys(), sheet.title
        for key, text in sheet.formulas.items():  # LibreOffice writes 'CJS'!F5 as CJS!F5: the same formula
            assert parse_formula(other.formulas[key]) == parse_formula(text), (sheet.title, key)
        texts = {k for k, v in sheet.values.items() if v != ""}  # LibreOffice leaves empty texts out
        assert {k for k, v in other.values.items() if v != ""} == texts, sheet.title
        for key in texts:  # LibreOffice writes 15 significant digits
            value = sheet.values[key]
            assert other.values[key] == (pytest.approx(value, rel=1e-14) if isinstance(value, float) else value)
        styled = {k: v for k, v in sheet.styles.items() if v != "Normal" and (k in sheet.values or k in sheet.formulas)}
        assert {k: other.styles.get(k) for k in styled} == styled, sheet.title


SHIFTS = [
    ('IF(J6=0,"",F6/J6)', 3, 0),
    ("SUMIFS('CBD'!$F$6:$F$9,'CBD'!$C$6:$C$9,$B$2)", 2, 1),
    ("SUM(F5:F13)+CJS!A1-'Udvalg ØU'!B$5", 1, 2),
    ('"A1 stays text"&A1', 4, 0),
    ("LOG10(A1)+ROW(Ark1!C3)", 1, 1),
    ("SUM(A:A)+SUM(3:3)", 2, 2),  # whole columns and rows: through openpyxl's Translator
    ("A2-1", -1, 0),
]


@pytest.mark.parametrize(("formula", "rows", "cols"), SHIFTS)
def test_a_shared_formula_moves_as_excel_moves_it(formula: str, rows: int, cols: int) -> None:
    origin = "E5"
    target = f"{chr(ord('E') + cols)}{5 + rows}"
    assert shift_formula(formula, rows, cols) == Translator(f"={formula}", origin=origin).translate_formula(target)[1:]


def test_quick_tokens_read_every_formula_of_a_workbook_as_openpyxl_does(built: Path) -> None:
    formulas = {t for s in read_view(built).worksheets for t in s.formulas.values()}
    formulas |= {'-A1^2', "10%", '2^3^2', "SUM(A1:A3,5)", "IF(A1<>1,TRUE,FALSE)", "ROW('CJS'!#REF!)", "1E5+.5",
                 "'Udvalg ØU'!B5*-1", 'A1&" & "&B1'}
    assert len(formulas) > 500
    for text in formulas:
        assert parse_formula(text) == _parse_text(text), text  # parsed by its shape, or in full: the same tree
        quick = quick_tokens(text)
        assert quick is not None, text
        slow = [t for t in Tokenizer(f"={text}").items if t.type != Token.WSPACE]
        assert [(t.value, t.type, t.subtype) for t in quick] == [(t.value, t.type, t.subtype) for t in slow], text


@pytest.mark.parametrize("text", ["{1,2}", "A1:B2 C3", "Tabel1[Beløb]", "SUM((A1,B1))", "A1:INDEX(B:B,2)"])
def test_other_shapes_go_to_openpyxls_tokenizer(text: str) -> None:
    assert quick_tokens(text) is None
    with pytest.raises(Exception):  # noqa: B017  (the evaluator does not support them: it says so)
        parse_formula(text)


def test_validate_finds_the_same_on_the_view_as_on_openpyxls_load(built: Path) -> None:
    from workbook.validate import validate_book, validate_workbook

    assert validate_workbook(built) == validate_book(load_workbook(built))


def test_validate_finds_the_same_on_a_10k_list_with_10k_findings(tmp_path: Path) -> None:
    """The bench's 10.000-line list with every stated percentage doubled: one finding per line."""
    from bench.synthetic import synthetic_list
    from workbook.validate import validate_book, validate_workbook

    lines = synthetic_list(10_000, 50).split("\n")
    doubled = [_double_pct(line) for line in lines]
    source = tmp_path / "stor-liste.txt"
    source.write_text("\n".join(doubled), encoding="utf-8")
    built = build_workbook([source], tmp_path / "Budget.xlsx").output
    fast = validate_workbook(built)
    assert len([f for f in fast if f.rule == "pct"]) == 10_000
    assert fast == validate_book(load_workbook(built))


def _double_pct(line: str) -> str:
    cells = line.split("\t")
    if cells and cells[-1].endswith("%"):
        value = float(cells[-1][:-1].replace(",", ".")) * 2 + 0.5
        cells[-1] = f"{value:.1f}%".replace(".", ",")
    return "\t".join(cells)


def test_the_cell_scanner_reads_what_lxml_reads(built: Path, tmp_path: Path) -> None:
    """Regular expressions for the common shapes, lxml for the rest: the same cells from either, on our own
    files, Excel's shape and LibreOffice's, and an odd hand-written sheet."""
    import io
    import zipfile

    from workbook.sheet_scan import parse_cells, scan_cells
    from workbook.xlsx_view import sheet_parts

    excel = tmp_path / "excel.xlsx"
    to_excel_shape(built, excel, array_cell=("CJS", "F13"))
    files = [built, excel, libreoffice_recalc(built, tmp_path / "lo")]
    for path in files:
        with zipfile.ZipFile(path) as package:
            for part in sheet_parts(package):
                data = package.read(part.path)
                assert scan_cells(data) == list(parse_cells(io.BytesIO(data))), (path.name, part.name)
    odd = (b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
           b"<sheetData><row r='2'><c r='B2' t='s' s='3' cm=\"1\"><v>0</v></c><c r=\"C2\" t=\"inlineStr\"><is><r>"
           b"<t>a &amp; </t></r><r><t xml:space=\"preserve\">b</t></r><rPh><t>x</t></rPh></is></c>"
           b'<c r="D2"><f t="shared" ref="D2:D3" si="0">C2&amp;"&lt;"</f><v>a</v></c><c r="E2" s="1"/></row>'
           b"</sheetData></worksheet>")
    assert scan_cells(odd) == list(parse_cells(io.BytesIO(odd)))
    assert [cell[6] for cell in scan_cells(odd)] == [None, "a & b", None, None]  # type: ignore[union-attr]
    prefixed = odd.replace(b"<worksheet xmlns=", b"<x:worksheet xmlns:x=").replace(b"</worksheet>", b"</x:worksheet>")
    assert scan_cells(prefixed) is None
