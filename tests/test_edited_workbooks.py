"""Workbooks as finance staff leave them: rows inserted, amounts changed, rows deleted, saved by
LibreOffice or in Excel's shape. The checks follow the cells, validate names the cells as they are
now, and neither validate nor packs changes or loses what users wrote."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from budgetbook.cli import main as cli
from budgetbook.findings import Severity
from tests import golden
from tests.excel_shape import to_excel_shape
from tests.spreadsheets import Edit, libreoffice_edit, libreoffice_recalc
from workbook.api import build_workbook, validate_file
from workbook.kontrol import read_checks, read_traces
from workbook.packs import build_packs
from workbook.validate import validate_book, validate_workbook
from workbook.xlsx_view import read_view

SEED = golden.seed("reduction_list_lejre_2023.txt")
# CJS as built: header in row 5, seven rows 6-12 ("Boligsocial medarbejder" in row 11, source line 23),
# the Total in row 13 and the total the list states (2.705 in 2023) in row 14.
BOLIGSOCIAL_ROW, BOLIGSOCIAL_LINE = 11, 23


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_workbook([SEED], tmp_path_factory.mktemp("edits") / "Budget.xlsx").output


def cells_of(path: Path, but: str = "Validering") -> dict[tuple[str, int, int], object]:
    """Every formula (as its text) and value of every sheet but one: what users wrote."""
    view = read_view(path)
    found: dict[tuple[str, int, int], object] = {}
    for sheet in view.worksheets:
        if sheet.title == but:
            continue
        found.update({(sheet.title, *k): v for k, v in sheet.values.items()})
        found.update({(sheet.title, *k): "=" + t for k, t in sheet.formulas.items()})
    return found


def by_rule(findings: list) -> dict[str, list]:
    grouped: dict[str, list] = {}
    for finding in findings:
        grouped.setdefault(finding.rule, []).append(finding)
    return grouped


def test_kontrol_anchors_each_check_and_row_with_a_live_reference(built: Path) -> None:
    kontrol = load_workbook(built)["Kontrol"]
    assert kontrol["A5"].value == '="CBD!"&ADDRESS(ROW(\'CBD\'!K6),COLUMN(\'CBD\'!K6),4)'
    assert kontrol["K5"].value == "=ROW('CBD'!A6)"
    shown = load_workbook(built, data_only=True)["Kontrol"]
    assert (shown["A5"].value, shown["K5"].value) == ("CBD!K6", 6)  # what a viewer shows: the cell now
    checks = read_checks(read_view(built))
    assert {c.cell for c in checks} >= {"CJS!F13", "CJS!K11", "Oversigt!B15"}
    assert ("CJS", BOLIGSOCIAL_ROW) in {(t.sheet, t.row) for t in read_traces(read_view(built))}


@pytest.fixture(scope="module")
def inserted(built: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """In LibreOffice: a row with 50 in 2023 inserted inside the CJS table (row 9), and 2024 of row 7
    (Seniorjob, 450) changed to 999. Saved as .xlsx."""
    folder = tmp_path_factory.mktemp("inserted")
    return libreoffice_edit(built, folder / "Budget.xlsx", [
        Edit.insert_row("CJS", 9), Edit.text("CJS", "A9", "9.99.99"), Edit.text("CJS", "C9", "ØU"),
        Edit.text("CJS", "D9", "Tilføjet af økonomi"), Edit.number("CJS", "F9", 50),
        Edit.number("CJS", "G7", 999)])


def test_after_an_inserted_row_every_finding_names_the_cell_as_it_is_now(inserted: Path) -> None:
    findings = validate_workbook(inserted)
    rules = by_rule(findings)
    # 2024 of CJS: one amount changed from 450 to 999, +549; the total moved from G13 to G14
    [total_2024] = [f for f in rules["center_total"] if f.severity is Severity.ERROR]
    assert total_2024.cell == "CJS!G14" and total_2024.found == 3355 and total_2024.expected == 2806
    # 2023 of CJS: the inserted 50 is the whole difference: said, as a warning, on the moved total F14
    [total_2023] = [f for f in rules["center_total"] if f.severity is Severity.WARNING]
    assert total_2023.cell == "CJS!F14" and "CJS!A9" in total_2023.message
    [added] = rules["row_added"]
    assert (added.severity, added.cell) == (Severity.INFO, "CJS!A9") and "F9 = 50" in added.message
    # the percentages moved with their rows and still agree; nothing names a cell where it used to be
    assert "pct" not in rules and "formula_error" not in rules
    assert not {f.cell for f in findings} & {"CJS!F13", "CJS!K12", "CJS!G13"}
    assert {f.cell for f in rules["hovedtotal"]} == {"Oversigt!B15", "Oversigt!C15"}


def test_a_deleted_row_is_missing_against_its_source_line(built: Path, tmp_path: Path) -> None:
    edited = libreoffice_edit(built, tmp_path / "Budget.xlsx", [Edit.delete_row("CJS", BOLIGSOCIAL_ROW)])
    findings = validate_workbook(edited)
    rules = by_rule(findings)
    [deleted] = rules["row_deleted"]
    assert deleted.severity is Severity.WARNING and deleted.source.line == BOLIGSOCIAL_LINE
    assert "CJS" in deleted.message and deleted.cell.startswith("Kontrol!")
    # the totals lost 350 a year; they are found on row 12 now, where the Total moved
    totals = {f.cell: f for f in rules["center_total"]}
    assert set(totals) == {"CJS!F12", "CJS!G12", "CJS!H12", "CJS!I12"}
    assert all(f.found - f.expected == -350 and deleted.cell in f.message for f in totals.values())
    # its percentage check went with the row: reported once, as the deleted row, not as #REF!
    assert "check_cell_deleted" not in rules and "formula_error" not in rules and "pct" not in rules


def test_validate_writes_only_its_sheet_and_says_so(inserted: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "Budget.xlsx"
    shutil.copy(inserted, target)
    before = cells_of(target)
    assert cli(["validate", str(target)]) == 1
    out = capsys.readouterr().out
    assert re.search(r"Budget\.xlsx: wrote the 'Validering' sheet \(7 findings\) into the file; formulas and values "
                     r"are unchanged", out)
    assert cells_of(target) == before
    book = load_workbook(target)
    assert book.sheetnames[1] == "Validering" and book["Validering"]["B6"].value == "CJS!G14"
    assert book["Validering"]["B6"].hyperlink.location == "'CJS'!G14"
    # validating again replaces the sheet, and the file stays a workbook LibreOffice opens and agrees with
    assert cli(["validate", str(target)]) == 1
    assert load_workbook(target).sheetnames.count("Validering") == 1
    assert libreoffice_recalc(target, tmp_path / "lo").exists()


def test_packs_from_a_file_saved_by_libreoffice_carry_the_row_users_added(inserted: Path, tmp_path: Path) -> None:
    """packs crashed on such a file (named styles looked up by position); now it reads the edited rows."""
    report = build_packs(inserted, tmp_path / "packs")
    [oeu] = [p for p in report.packs if p.udvalg == "ØU"]
    cjs = load_workbook(oeu.path)["CJS"]
    rows = [r for r in cjs.iter_rows(values_only=True) if r[0] == "9.99.99"]
    assert len(rows) == 1 and rows[0][5] == 50
    assert "Tilføjet af økonomi" in {r[3] for r in cjs.iter_rows(values_only=True)}


def test_excel_shape_validates_as_budgetbooks_own_and_refreshes_stale_results(built: Path, tmp_path: Path) -> None:
    """Shared strings and formulas, an array formula, styles in Excel's order; then one amount changed
    in the XML without recalculating (as a program that stores no results would leave it)."""
    excel = tmp_path / "Budget.xlsx"
    to_excel_shape(built, excel, array_cell=("CJS", "F13"))
    assert validate_workbook(excel) == []
    assert build_packs(excel, tmp_path / "packs").packs
    changed = tmp_path / "changed.xlsx"
    _set_number(excel, changed, "CJS", "F6", 800)  # 700 -> 800, every result that depends on it stale
    before = cells_of(changed)
    run = validate_file(changed)
    errors = {f.cell for f in run.findings if f.severity is Severity.ERROR}
    assert errors == {"CJS!F13", "CJS!K6", "Oversigt!B15", "Oversigt!B20"}  # B20: committees and unassigned
    assert run.recorded is not None and {"CJS", "Oversigt"} <= set(run.recorded.refreshed)
    assert cells_of(changed) == before  # formulas (still shared) and values untouched
    shown = load_workbook(changed, data_only=True)
    assert shown["CJS"]["F13"].value == 2805 and shown["Oversigt"]["B15"].value == 15136
    with zipfile.ZipFile(changed) as package:
        assert b't="shared"' in package.read(_sheet_path(package, "CJS"))


def test_the_fast_path_finds_what_openpyxl_finds(inserted: Path, built: Path) -> None:
    """Line for line: the read-only view and openpyxl's full load give the same findings."""
    for path in (built, inserted):
        assert validate_workbook(path) == validate_book(load_workbook(path))


def _sheet_path(package: zipfile.ZipFile, name: str) -> str:
    from workbook.xlsx_view import sheet_parts

    return next(p.path for p in sheet_parts(package) if p.name == name)


def _set_number(source: Path, target: Path, sheet: str, cell: str, value: float) -> None:
    with zipfile.ZipFile(source) as package, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        path = _sheet_path(package, sheet)
        for item in package.infolist():
            data = package.read(item.filename)
            if item.filename == path:
                data, count = re.subn(rf'(<c r="{cell}"[^>]*>)<v>[^<]*</v>'.encode(), rb"\g<1><v>%d</v>" % value, data)
                assert count == 1
            out.writestr(item, data)


@pytest.mark.parametrize("table", [
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="2">'
    b"<si><t>a</t></si><si><r><t>b</t></r><r><rPr><b/></rPr><t>c</t></r></si></sst>",
    b'<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3" uniqueCount="2">'
    b"<x:si><x:t>a</x:t></x:si><x:si><x:r><x:t>b</x:t></x:r><x:r><x:t>c</x:t></x:r></x:si></x:sst>",
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
])
def test_texts_are_added_after_the_workbooks_own_shared_strings(table: bytes, tmp_path: Path) -> None:
    """Whatever shape the table has (rich text, a namespace prefix, empty), its items stay and ours follow."""
    from workbook.package_copy import appended_strings
    from workbook.xlsx_view import _shared_strings

    path = tmp_path / "strings.zip"
    rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("xl/_rels/workbook.xml.rels", rels)
        package.writestr("xl/sharedStrings.xml", table)
    with zipfile.ZipFile(path) as package:
        before = _shared_strings(package)
        changed: dict[str, bytes] = {}
        appended_strings(package, changed, b"<si><t>ny &amp; mere</t></si>", 1, 2)
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("xl/_rels/workbook.xml.rels", rels)
        package.writestr("xl/sharedStrings.xml", changed["xl/sharedStrings.xml"])
    with zipfile.ZipFile(path) as package:
        assert _shared_strings(package) == [*before, "ny & mere"]
        assert re.search(rb'uniqueCount="%d"' % (len(before) + 1), changed["xl/sharedStrings.xml"])
