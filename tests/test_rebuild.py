"""Building again over a workbook users have worked in keeps what they added: comments, rows typed into a
table, sheets of their own; --fresh starts over. Opdater in the ribbon keeps the same things (test_xlpy_handlers)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from budgetbook.cli import main as cli
from budgetbook.findings import Severity
from tests import golden
from tests.parsed import parsed
from tests.spreadsheets import Edit, libreoffice_edit
from workbook.api import build_workbook, validate_file
from workbook.build import build_layout
from workbook.formula_moves import rows_inserted
from workbook.hand_rows import HAND_MARK, read_hand_rows
from workbook.layout import Formula, SheetLayout
from workbook.refresh import rebuild_layout
from workbook.user_columns import RETIRED_SHEET, SHEET_LABEL

SEED = golden.seed("reduction_list_lejre_2023.txt")
FLEKS, KONSULENTER = "R-f61ab69dcc", "R-261e5b4213"  # CJS rows 8 and 9 as built


def column(path: Path, label: str) -> str:
    """The letter of a column of the CJS table, by its header label (row 5)."""
    header = load_workbook(path)["CJS"][5]
    return next(cell.column_letter for cell in header if cell.value == label)


@pytest.fixture(scope="module")
def worked_in(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Budget.xlsx after a user in LibreOffice typed a row into the CJS table below Flekspuljen, a comment
    on the next row, and made a sheet of notes with a formula of their own; then built again."""
    folder = tmp_path_factory.mktemp("rebuild")
    built = build_workbook([SEED], folder / "Budget.xlsx").output
    comment = column(built, "Kommentar")
    libreoffice_edit(built, built, [
        Edit.insert_row("CJS", 9), Edit.text("CJS", "A9", "9.99.99"), Edit.text("CJS", "C9", "ØU"),
        Edit.text("CJS", "D9", "Tilføjet af økonomi"), Edit.number("CJS", "F9", 50),
        Edit.text("CJS", f"{comment}10", "Drøftet med centerchefen"),
        Edit.add_sheet("Noter"), Edit.text("Noter", "A1", "Husk mødet 3/9"),
        Edit.formula("Noter", "B2", "=CJS.F14*2"), Edit.formula("Noter", "B3", "=ISOWEEKNUM(TODAY())")])
    summary = build_workbook([SEED], built)
    assert "1 rækker tilføjet i hånden er bevaret" in summary.describe()
    return built


def rows_of(path: Path, sheet: str) -> list[tuple[object, ...]]:
    return list(load_workbook(path)[sheet].iter_rows(values_only=True))


def test_a_row_typed_into_a_table_survives_a_build_marked_and_summed(worked_in: Path) -> None:
    cjs = load_workbook(worked_in)["CJS"]
    assert (cjs["A9"].value, cjs["C9"].value, cjs["D9"].value, cjs["F9"].value) == ("9.99.99", "ØU",
                                                                                   "Tilføjet af økonomi", 50)
    source, key, comment = (column(worked_in, label) for label in ("Kilde", "Nøgle", "Kommentar"))
    assert cjs[f"{source}9"].value == HAND_MARK and cjs[f"{key}9"].value is None  # marked, and no key
    assert cjs["K9"].value == '=IF(J9=0,"",F9/J9)'  # the table's calculated column
    assert (cjs[f"{key}8"].value, cjs[f"{key}10"].value) == (FLEKS, KONSULENTER)  # where the user put it
    assert cjs["F14"].value == "=SUM(F6:F13)"  # the total covers it
    assert cjs[f"{comment}10"].value == "Drøftet med centerchefen"
    assert load_workbook(worked_in)["Udvalg ØU"]["B7"].value.startswith("=SUMIFS('CJS'!$F$6:$F$13,")
    assert list(load_workbook(worked_in)["CJS"].tables.values())[0].ref.endswith("13")


def test_sheets_users_made_are_carried_over(worked_in: Path) -> None:
    notes = load_workbook(worked_in)["Noter"]
    assert notes["A1"].value == "Husk mødet 3/9" and notes["B2"].value == "=CJS!F14*2"
    assert load_workbook(worked_in).sheetnames[-1] == "Noter"


def test_the_rebuilt_workbook_validates_with_the_added_row_said(worked_in: Path, tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    shutil.copy(worked_in, target)
    findings = validate_file(target).findings
    assert [f for f in findings if f.severity is Severity.ERROR] == []
    assert {(f.rule, f.cell) for f in findings if f.severity is Severity.INFO} == {("row_added", "CJS!A9")}
    [unchecked] = [f for f in findings if f.rule == "formula_not_checked"]
    assert unchecked.cell == "Noter!B3" and "ISOWEEKNUM" in unchecked.message
    assert load_workbook(target, data_only=True)["Noter"]["B2"].value == 2 * 2755  # its result is stored now


def test_building_again_changes_nothing_more(worked_in: Path, tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    shutil.copy(worked_in, target)
    build_workbook([SEED], target)
    assert rows_of(target, "CJS") == rows_of(worked_in, "CJS")
    assert rows_of(target, "Noter") == rows_of(worked_in, "Noter")


def test_fresh_starts_over(worked_in: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "Budget.xlsx"
    shutil.copy(worked_in, target)
    assert cli(["build", str(SEED), "-o", str(target), "--fresh"]) == 0
    assert "existed" not in capsys.readouterr().out
    book = load_workbook(target)
    assert "Noter" not in book.sheetnames and book["CJS"]["A9"].value != "9.99.99"


def test_a_workbook_budgetbook_did_not_build_is_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "Budget.xlsx"
    other = Workbook()
    other.active["A1"] = "Mit eget regneark"
    other.save(target)
    before = target.read_bytes()
    assert cli(["build", str(SEED), "-o", str(target)]) == 2
    assert "was not built by budgetbook" in capsys.readouterr().err and target.read_bytes() == before


def grid(sheet: SheetLayout) -> list[list[object]]:
    """A layout sheet as the values a spreadsheet shows (formulas as their text: no evaluation needed here)."""
    rows = [[None] * max(c for _, c in sheet.cells) for _ in range(sheet.max_row)]
    for (r, c), cell in sheet.cells.items():
        rows[r - 1][c - 1] = str(cell.value) if isinstance(cell.value, Formula) else cell.value
    return rows


def test_a_row_whose_table_is_gone_waits_on_the_retired_sheet_and_comes_back() -> None:
    results = [parsed(SEED)]
    grids = {s.name: grid(s) for s in build_layout(results).sheets}
    cjs = grids.pop("CJS")
    header = next(r for r, line in enumerate(cjs) if line[0] == "Nr.")
    cjs.insert(header + 2, ["8.88.88", None, "ØU", "Ny idé", None, 75])
    grids["CXX"] = cjs  # the old book had the table on a sheet the sources no longer give
    kept = rebuild_layout(results, grids)
    assert (kept.placed.restored, kept.placed.aside) == (0, 1)
    retired = grid(kept.layout.sheet(RETIRED_SHEET))
    header_row = next(line for line in retired if line and line[0] == SHEET_LABEL)
    [row] = [line for line in retired if line and line[0] == "CXX"]
    assert dict(zip(header_row, row))["Overskrift"] == "Ny idé"
    assert [(r.sheet, r.value("Overskrift")) for r in read_hand_rows({RETIRED_SHEET: retired})] == [("CXX", "Ny idé")]
    # when the sources give its sheet again (here: the row names CJS), the next build puts it back in its table
    row[0] = "CJS"
    back = rebuild_layout(results, {RETIRED_SHEET: retired})
    assert (back.placed.restored, back.placed.aside) == (1, 0)
    cells = back.layout.sheet("CJS").cells
    assert any(cell.value == "Ny idé" for cell in cells.values())


ROWS_INSERTED = [  # formula, home sheet, rows inserted into CJS at row 13 (2 rows) -> formula after
    ("SUM(F6:F12)", "CJS", "SUM(F6:F14)"),                         # a range reaching the row above grows
    ("SUM(F6:F11)", "CJS", "SUM(F6:F11)"),                         # one that ends higher does not
    ("F13-F14", "CJS", "F15-F16"),                                 # cells from row 13 down move
    ("'CJS'!$F$6:$F$12", "Udvalg ØU", "'CJS'!$F$6:$F$14"),         # from another sheet, absolute too
    ("CJS!F13+F13", "Oversigt", "CJS!F15+F13"),                    # only references to CJS
    ('"CJS!F13"&F13', "CJS", '"CJS!F13"&F15'),                     # text stays text
    ("ROW('CJS'!A20)", "Kontrol", "ROW('CJS'!A22)"),
]


@pytest.mark.parametrize(("formula", "home", "expected"), ROWS_INSERTED)
def test_formulas_move_as_excel_moves_them_when_rows_are_inserted(formula: str, home: str, expected: str) -> None:
    assert rows_inserted(formula, home, "CJS", 13, 2) == expected


def test_a_workbook_in_excels_shape_is_rebuilt_keeping_the_same(worked_in: Path, tmp_path: Path) -> None:
    """Shared strings and formulas and Excel's style order do not hide what users added."""
    from tests.excel_shape import to_excel_shape

    target = tmp_path / "Budget.xlsx"
    to_excel_shape(worked_in, target)
    summary = build_workbook([SEED], target)
    assert "1 rækker fik deres Status/Kommentar/Beslutning igen" in (summary.kept or "")
    assert rows_of(target, "CJS") == rows_of(worked_in, "CJS")
    assert load_workbook(target)["Noter"]["A1"].value == "Husk mødet 3/9"


def test_the_remarks_total_row_is_no_row_typed_by_hand(tmp_path: Path) -> None:
    """The Bemærkninger table ends at its "I alt" row (in its second column): building twice onto the
    same workbook kept that row as "typed by hand" and so gave the remarks a row of no committee."""
    samples = Path(__file__).resolve().parent.parent / "samples"
    remarks = samples / "budget_remarks" / "budget_remarks_kalundborg_oeu_2024.txt"
    out = tmp_path / "Budget.xlsx"
    build_workbook([remarks], out)
    assert build_workbook([remarks], out).kept.endswith("0 rækker tilføjet i hånden er bevaret")
    sheet = load_workbook(out)["Bemærkninger"]
    assert [v for (v,) in sheet.iter_rows(min_col=2, max_col=2, values_only=True)].count("I alt") == 1
