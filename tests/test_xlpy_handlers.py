"""The ribbon handlers through xlwings' real remote engine: a payload as Excel sends it, the actions back."""

from __future__ import annotations

import copy
import shutil
from collections import Counter
from pathlib import Path

import pytest

xw = pytest.importorskip("xlwings")

from workbook.api import build_workbook
from workbook.user_columns import RETIRED_MARK, RETIRED_SHEET

SAMPLE = Path(__file__).parent.parent / "samples" / "reduction_list" / "lejre-2023.txt"


@pytest.fixture(autouse=True)
def licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")  # the remote engine is PolyForm Noncommercial
    from xlpy.payload import ensure_remote_engine

    ensure_remote_engine()


@pytest.fixture
def built(tmp_path: Path) -> tuple[Path, Path]:
    sources = tmp_path / "kilder"
    sources.mkdir()
    shutil.copy(SAMPLE, sources / SAMPLE.name)
    target = tmp_path / "Budget.xlsx"
    build_workbook([sources / SAMPLE.name], target)
    return sources, target


def open_book(path: Path, sources: Path, edit=None):
    from xlpy.payload import book_payload, with_settings

    payload = with_settings(book_payload(path), {"Kildemappe": str(sources)})
    if edit:
        edit(payload)
    return xw.Book(json=copy.deepcopy(payload)), payload  # the engine edits the dict it is given


def grid_of(payload: dict, name: str) -> list[list[object]]:
    return next(s["values"] for s in payload["sheets"] if s["name"] == name)


def keyed_row(grid: list[list[object]], key: str) -> tuple[int, dict[str, int]]:
    header = next(r for r, row in enumerate(grid) if "Nøgle" in row)
    labels = {v: c for c, v in enumerate(grid[header]) if isinstance(v, str)}
    row = next(r for r, line in enumerate(grid) if len(line) > labels["Nøgle"] and line[labels["Nøgle"]] == key)
    return row, labels


def test_refresh_rebuilds_every_generated_sheet_and_alerts(built):
    from xlpy import handlers

    sources, path = built
    book, _ = open_book(path, sources)
    summary = handlers.refresh(book)
    actions = book.json()["actions"]
    funcs = Counter(a["func"] for a in actions)
    assert summary.startswith("Opdateret fra 1 dokumenter")
    assert funcs["setFormula"] >= 19 and funcs["resizeTable"] >= 19
    assert actions[-1]["func"] == "alert" and actions[-1]["args"][0] == summary
    center = next(a for a in actions if a["func"] == "setFormula" and a["values"][0][0] == "CJS")
    formulas = [v for row in center["values"] for v in row if isinstance(v, str) and v.startswith("=SUM(")]
    assert formulas, "the center totals are live formulas"


def test_typed_comments_survive_a_refresh_with_changed_sources(built):
    from xlpy import handlers
    from xlpy.payload import replay

    sources, path = built
    cjs = grid_of(open_book(path, sources)[1], "CJS")
    header = next(r for r, row in enumerate(cjs) if "Nøgle" in row)
    key_col = cjs[header].index("Nøgle")
    kept_key, gone_key = cjs[header + 1][key_col], cjs[header + 2][key_col]

    def type_comments(payload):
        grid = grid_of(payload, "CJS")
        for key, text in ((kept_key, "Drøftet med centerchefen"), (gone_key, "Afventer svar")):
            row, labels = keyed_row(grid, key)
            grid[row][labels["Kommentar"]] = text
            grid[row][labels["Status"]] = "I gang"

    # The sources change: the second CJS proposal disappears, the rest is renumbered around it.
    text = (sources / SAMPLE.name).read_text(encoding="utf-8").splitlines()
    book, payload = open_book(path, sources, type_comments)
    gone_row, _ = keyed_row(grid_of(payload, "CJS"), gone_key)
    overskrift = grid_of(payload, "CJS")[gone_row][3]
    (sources / SAMPLE.name).write_text("\n".join(line for line in text if overskrift not in line) + "\n",
                                       encoding="utf-8")

    summary = handlers.refresh(book)
    after = replay(payload, book.json()["actions"])
    row, labels = keyed_row(after["CJS"], kept_key)
    assert after["CJS"][row][labels["Kommentar"]] == "Drøftet med centerchefen"
    assert after["CJS"][row][labels["Status"]] == "I gang"
    assert all(gone_key not in line for line in after["CJS"])
    row, labels = keyed_row(after[RETIRED_SHEET], gone_key)
    assert after[RETIRED_SHEET][row][labels["Kommentar"]] == "Afventer svar"
    assert RETIRED_MARK in after[RETIRED_SHEET][row]
    assert "står ikke længere i kilderne" in summary


def test_text_that_looks_like_a_formula_stays_text():
    from workbook.layout import Formula
    from xlpy.apply import excel_input

    assert excel_input("=Q1 mangler") == "'=Q1 mangler"
    assert excel_input("-1.500") == "'-1.500"
    assert excel_input("2024") == "'2024"
    assert excel_input("Center for Jobs") == "Center for Jobs"
    assert excel_input(Formula("SUM(F6:F9)")) == "=SUM(F6:F9)"
    assert excel_input(None) == "" and excel_input(12.5) == 12.5


def test_validate_writes_the_sheet_colours_disagreeing_cells_and_alerts(built):
    from xlpy import handlers

    sources, path = built
    book, payload = open_book(path, sources)
    clean = handlers.validate(book)
    assert clean == "Alle totaler og procenter stemmer med kilderne."

    def break_a_total(payload):
        grid = grid_of(payload, "CJS")
        total = next(r for r, row in enumerate(grid) if row[0] == "Total")
        grid[total][5] = grid[total][5] + 7  # what Excel would show after someone typed over a formula

    book, payload = open_book(path, sources, break_a_total)
    summary = handlers.validate(book)
    actions = book.json()["actions"]
    assert summary.startswith("1 fejl") or "fejl" in summary.splitlines()[0]
    cjs = [s["name"] for s in payload["sheets"]].index("CJS")
    coloured = [a for a in actions if a["func"] == "setRangeColor" and a["sheet_position"] == cjs]
    assert coloured and coloured[0]["args"] == ["#FFC7CE"]
    written = [a for a in actions if a["func"] == "setFormula"]
    assert any("CJS total" in str(v) for a in written for row in a["values"] for v in row)
    assert actions[-1]["func"] == "alert"


def test_missing_source_folder_is_one_alert_saying_what_to_do(built, tmp_path):
    from xlpy import handlers

    _, path = built
    book, _ = open_book(path, tmp_path / "findes-ikke")
    summary = handlers.refresh(book)
    assert "findes ikke" in summary and "Kildemappe" in summary
    assert [a["func"] for a in book.json()["actions"]] == ["alert"]


def test_build_packs_needs_a_saved_workbook_on_the_server(built):
    from xlpy import handlers

    sources, path = built
    book, _ = open_book(path, sources)
    assert "gem den" in handlers.build_packs(book)


def test_build_packs_from_a_saved_workbook(built, tmp_path, monkeypatch):
    pytest.importorskip("workbook.packs")
    from xlpy import handlers

    sources, path = built
    book, _ = open_book(path, sources)
    monkeypatch.setattr(handlers, "saved_path", lambda _book: path)
    summary = handlers.build_packs(book)
    assert (path.parent / "Pakker" / "packs.json").exists(), summary


def test_a_retired_proposal_returns_with_its_comment_when_a_source_brings_it_back():
    from workbook.layout import BookLayout, SheetLayout
    from workbook.user_columns import (
        RETIRED_COLUMNS,
        merge_user_entries,
        read_user_entries,
    )

    retired = [["Udgåede forslag"], [], [], list(RETIRED_COLUMNS),
               ["R-1", "CJS", "ØU", "Færre biler", "Jobcenter", "Afvist", "Se referat", "", RETIRED_MARK]]
    live = [["CJS"], [], [], ["Nr.", "Nøgle", "Status", "Kommentar", "Beslutning"], ["", "R-2", "", "Ny", ""]]
    entries = read_user_entries({RETIRED_SHEET: retired, "CJS": live})
    layout = BookLayout([SheetLayout("CJS", "Center")])
    layout.sheets[0].put_row(4, ["Nr.", "Nøgle", "Status", "Kommentar", "Beslutning"])
    layout.sheets[0].put_row(5, ["1", "R-1"])
    report = merge_user_entries(layout, entries)
    assert layout.sheets[0].cells[(5, 3)].value == "Afvist" and layout.sheets[0].cells[(5, 4)].value == "Se referat"
    assert report.retired == ("R-2",)
    kept = layout.sheet(RETIRED_SHEET)
    assert kept.cells[(5, 1)].value == "R-2" and kept.cells[(5, 7)].value == "Ny"


def test_a_row_typed_into_a_table_survives_opdater(built):
    """A row users inserted into the CJS table (no key) comes back from Opdater below the same row, marked."""
    from workbook.hand_rows import HAND_MARK
    from xlpy import handlers
    from xlpy.payload import replay

    sources, path = built

    def insert_a_row(payload):
        grid = grid_of(payload, "CJS")
        header = next(r for r, row in enumerate(grid) if "Nøgle" in row)
        labels = {v: c for c, v in enumerate(grid[header]) if isinstance(v, str)}
        typed = [None] * len(grid[header])
        typed[labels["Nr."]], typed[labels["Udvalg"]], typed[labels["Overskrift"]] = "9.99.99", "ØU", "Ny idé"
        typed[labels["2023 (1.000 kr.)"]] = 50
        grid.insert(header + 2, typed)  # below the table's first row, as Excel's Insert row does

    book, payload = open_book(path, sources, insert_a_row)
    first_key = grid_of(payload, "CJS")[next(r for r, row in enumerate(grid_of(payload, "CJS")) if "Nøgle" in row)
                                        + 1]
    summary = handlers.refresh(book)
    after = replay(payload, book.json()["actions"])["CJS"]
    header = next(r for r, row in enumerate(after) if "Nøgle" in row)
    labels = {v.lstrip("'"): c for c, v in enumerate(after[header]) if isinstance(v, str)}  # ' = text
    typed = after[header + 2]
    assert (typed[labels["Nr."]], typed[labels["Overskrift"]], typed[labels["Kilde"]]) == ("'9.99.99", "Ny idé",
                                                                                           HAND_MARK)  # ' = text
    assert after[header + 1][labels["Nøgle"]] == first_key[labels["Nøgle"]]
    total = next(row for row in after if row[0] == "Total")
    assert total[labels["2023 (1.000 kr.)"]].startswith("=SUM(") and "1 rækker tilføjet i hånden" in summary


def test_refresh_names_the_committees_as_the_address_book_declares_them(built, tmp_path):
    """Opdater reads the address book of the settings (Adressebog): "USS/E" is an alias of USSÆ there."""
    from xlpy import handlers
    from xlpy.payload import book_payload, with_settings

    sources, path = built
    address_book = tmp_path / "committees.toml"
    address_book.write_text('[[committee]]\nname = "Udvalget for Social, Sundhed og Ældre"\nshort = "USSÆ"\n'
                            'aliases = ["USS/E"]\n', encoding="utf-8")
    cells = []
    for settings in ({"Kildemappe": str(sources)}, {"Kildemappe": str(sources), "Adressebog": str(address_book)}):
        book = xw.Book(json=copy.deepcopy(with_settings(book_payload(path), settings)))
        handlers.refresh(book)
        cells.append([v for a in book.json()["actions"] if a["func"] == "setFormula"
                      for row in a["values"] for v in row if isinstance(v, str)])
    before, after = cells
    assert "USS/E" in before and "Udvalg: USS/E" in before  # its own committee sheet without the address book
    assert "USS/E" not in after and "Udvalg: USS/E" not in after
    assert any(v.endswith("; udvalg i kilden: USS/E") for v in after)  # the name as printed stays in view
