"""Committee packs from the Lejre reduction list: one per udvalg, only its rows, totals that add up,
a manifest the sender accepts, and a front sheet that tells the validation status."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from budgetbook.sending.packs import read_packs
from tests import golden
from workbook.api import build_workbook, validate_and_record
from workbook.engine import EvaluatedBook
from workbook.kontrol import read_traces
from workbook.packs import (
    MANIFEST,
    PacksReport,
    build_packs,
    pack_file_name,
    pack_file_names,
    row_ranges,
)
from workbook.sections.reductions import proposal_key
from workbook.validate import validate_book, validate_workbook

SEED = golden.seed("reduction_list_lejre_2023.txt")
YEARS = ("2023", "2024", "2025", "2026")


def build(folder: Path, text: str) -> tuple[Path, PacksReport]:
    source = folder / SEED.name
    source.write_text(text, encoding="utf-8")
    main = build_workbook([source], folder / "Budget.xlsx").output
    return main, build_packs(main, folder / "packs")


@pytest.fixture(scope="module")
def seed_packs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PacksReport]:
    return build(tmp_path_factory.mktemp("packs"), SEED.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def broken_packs(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PacksReport]:
    """The seed with a wrong stated "CJS Total" for 2023 (2805 instead of 2705)."""
    text = SEED.read_text(encoding="utf-8")
    right = "CJS Total\t\t\t\t2705\t"
    assert text.count(right) == 1
    return build(tmp_path_factory.mktemp("broken"), text.replace(right, "CJS Total\t\t\t\t2805\t"))


def seed_lines() -> list:
    return list(importers.parse(SEED).records)


def committee_totals(path: Path) -> list[float]:
    """The Total row of the pack's "Udvalg X" sheet, computed by the engine from the formulas."""
    book = load_workbook(path)
    [sheet] = [ws for ws in book.worksheets if ws.title.startswith("Udvalg ")]
    engine = EvaluatedBook(book)
    row = next(r for r in sheet.iter_rows() if r[0].value == "Total")
    assert all(c.data_type == "f" for c in row[1:5]), "the committee total must be a live formula"
    return [engine.value(c.coordinate, sheet.title) for c in row[1:5]]  # type: ignore[misc]


def hovedtotal(main: Path) -> list[float]:
    book = load_workbook(main)
    engine = EvaluatedBook(book)
    row = next(r for r in book["Oversigt"].iter_rows() if r[0].value == "Hovedtotal")
    return [engine.value(c.coordinate, "Oversigt") for c in row[1:5]]  # type: ignore[misc]


def center_rows(path: Path) -> list[dict[str, object]]:
    """Every row of every table with an Udvalg column in a pack, as header -> value."""
    book = load_workbook(path)
    rows = []
    for ws in book.worksheets:
        for ref in dict(ws.tables.items()).values():
            cells = list(ws[ref])
            header = [c.value for c in cells[0]]
            if "Udvalg" in header:
                rows.extend(dict(zip(header, (c.value for c in row))) for row in cells[1:])
    return rows


def front_sheet_text(path: Path) -> list[str]:
    sheet = load_workbook(path, data_only=True)["Forside"]
    return [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]


# --- the seed ---------------------------------------------------------------------------------

def test_a_pack_for_every_udvalg(seed_packs: tuple[Path, PacksReport]) -> None:
    _main, report = seed_packs
    committees = {line.udvalg for line in seed_lines()}
    assert committees == {"ØU", "UBU", "UJAI", "UTMB", "USSÆ", "USS/E"}
    assert {p.udvalg for p in report.packs} == committees
    assert {p.path.name for p in report.packs} == {"ØU.xlsx", "UBU.xlsx", "UJAI.xlsx", "UTMB.xlsx",
                                                    "USSÆ.xlsx", "USS-E.xlsx"}
    assert all(p.path.exists() for p in report.packs)


def test_pack_totals_add_up_to_the_hovedtotal(seed_packs: tuple[Path, PacksReport]) -> None:
    main, report = seed_packs
    per_pack = {p.udvalg: committee_totals(p.path) for p in report.packs}
    summed = [sum(totals[i] for totals in per_pack.values()) for i in range(len(YEARS))]
    assert summed == hovedtotal(main) == [15036, 15137, 15084, 15085]
    expected_oeu = [sum(line.amounts.get(y) or 0 for line in seed_lines() if line.udvalg == "ØU") for y in YEARS]
    assert per_pack["ØU"] == expected_oeu


def test_a_pack_holds_only_its_own_rows(seed_packs: tuple[Path, PacksReport]) -> None:
    _main, report = seed_packs
    lines = seed_lines()
    for pack in report.packs:
        rows = center_rows(pack.path)
        assert {r["Udvalg"] for r in rows} == {pack.udvalg}, pack.path.name
        expected = sorted(proposal_key(line) for line in lines if line.udvalg == pack.udvalg)
        assert sorted(r["Nøgle"] for r in rows) == expected, pack.path.name
        assert pack.rows == len(expected)
        sheets = load_workbook(pack.path).sheetnames
        other = {f"Udvalg {p.udvalg}".replace("/", "-") for p in report.packs if p is not pack}
        assert not other & set(sheets), f"{pack.path.name} holds another committee's sheet"


def test_a_pack_keeps_live_formulas_and_provenance(seed_packs: tuple[Path, PacksReport]) -> None:
    _main, report = seed_packs
    [oeu] = [p for p in report.packs if p.udvalg == "ØU"]
    book = load_workbook(oeu.path)
    cjs = book["CJS"]
    total = next(r for r in cjs.iter_rows() if r[0].value == "Total")
    assert total[5].value == "=SUM(F6:F10)"
    assert cjs["K6"].value == '=IF(J6=0,"",F6/J6)'  # the percentage moved with its row
    committee = book["Udvalg ØU"]
    assert committee["B7"].value.startswith("=SUMIFS('CJS'!$F$6:$F$10,'CJS'!$C$6:$C$10,$B$2")
    assert validate_book(book) == []  # the carried pct checks and the pack_total checks all hold
    traces = read_traces(book)  # each row's source line, anchored to the row by =ROW('CJS'!A6)
    assert len(traces) == oeu.rows
    assert ("CJS", 6, SEED.name, 1, 16) in {(t.sheet, t.row, t.source.file, t.source.page, t.source.line)
                                             for t in traces}


def test_a_pack_prints_on_a4_landscape_with_titles_and_page_numbers(seed_packs: tuple[Path, PacksReport]) -> None:
    _main, report = seed_packs
    for pack in report.packs:
        book = load_workbook(pack.path)
        assert book.sheetnames[0] == "Forside"
        for ws in book.worksheets:
            assert ws.page_setup.orientation == "landscape", (pack.path.name, ws.title)
            assert str(ws.page_setup.paperSize) == "9", (pack.path.name, ws.title)  # A4
            assert "&P" in (ws.oddFooter.center.text or ""), (pack.path.name, ws.title)
            if ws.title not in ("Forside",):
                assert ws.print_title_rows, (pack.path.name, ws.title)


def test_the_front_sheet_names_committee_year_date_and_sources(seed_packs: tuple[Path, PacksReport]) -> None:
    _main, report = seed_packs
    [usse] = [p for p in report.packs if p.udvalg == "USS/E"]
    text = front_sheet_text(usse.path)
    assert "USS/E" in text and "2023" in text and "Budget.xlsx" in text
    assert SEED.name in text
    assert "Alle totaler og procenter stemmer med kilderne" in text
    assert report.created[:10].split("-")[::-1] == text[text.index("Dato") + 1].split("-")  # dd-mm-åååå


def test_the_manifest_is_what_the_sender_reads(seed_packs: tuple[Path, PacksReport]) -> None:
    _main, report = seed_packs
    data = json.loads(report.manifest.read_text(encoding="utf-8"))
    assert set(data) == {"budget_year", "created", "packs"}
    assert data["budget_year"] == "2023"
    for entry in data["packs"]:
        assert set(entry) == {"udvalg", "file", "sha256", "errors", "warnings"}
        assert hashlib.sha256((report.out_dir / entry["file"]).read_bytes()).hexdigest() == entry["sha256"]
        assert entry["errors"] == 0
    folder = read_packs(report.out_dir)
    assert {p.udvalg for p in folder.packs} == {p.udvalg for p in report.packs}
    assert not [p.name for p in report.out_dir.iterdir() if p.name.startswith(".")], "temporary files left"


def test_rebuilding_leaves_the_send_log_alone(seed_packs: tuple[Path, PacksReport]) -> None:
    main, report = seed_packs
    log = report.out_dir / "send-log.jsonl"
    log.write_text('{"pack": "ØU.xlsx"}\n', encoding="utf-8")
    again = build_packs(main, report.out_dir)
    assert log.read_text(encoding="utf-8") == '{"pack": "ØU.xlsx"}\n'
    assert json.loads((report.out_dir / MANIFEST).read_text(encoding="utf-8"))["created"] == again.created


# --- a broken seed ----------------------------------------------------------------------------

def test_a_wrong_center_total_shows_in_the_packs_of_that_center(broken_packs: tuple[Path, PacksReport]) -> None:
    _main, report = broken_packs
    errors = {p.udvalg: p.errors for p in report.packs}
    assert errors == {"UBU": 1, "UJAI": 1, "ØU": 1, "UTMB": 0, "USSÆ": 0, "USS/E": 0}  # CJS has UBU, UJAI, ØU rows
    manifest = json.loads(report.manifest.read_text(encoding="utf-8"))
    assert {e["udvalg"]: e["errors"] for e in manifest["packs"]} == errors
    [ujai] = [p for p in report.packs if p.udvalg == "UJAI"]
    text = front_sheet_text(ujai.path)
    assert "1 fejl, 0 advarsler" in text
    assert "CJS!F13" in text
    assert "total for et center, udvalget har rækker i" in text
    assert any("2.805" in t and "2.705" in t for t in text), "the message names found and expected"
    [utmb] = [p for p in report.packs if p.udvalg == "UTMB"]
    assert "CJS!F13" not in front_sheet_text(utmb.path)


# --- file names -------------------------------------------------------------------------------

@pytest.mark.parametrize(("udvalg", "file"), [
    ("ØU", "ØU.xlsx"),
    ("USS/E", "USS-E.xlsx"),
    ("USSÆ", "USSÆ.xlsx"),
    ("Børn: Unge?", "Børn- Unge-.xlsx"),
    ("CON", "CON_.xlsx"),
    (" .. ", "Udvalg.xlsx"),
    ("U\u0308U", "ÜU.xlsx"),  # decomposed (NFD) letters are composed
])
def test_pack_file_name(udvalg: str, file: str) -> None:
    assert pack_file_name(udvalg) == file


def test_two_committees_never_share_a_file() -> None:
    assert pack_file_names(["USS-E", "USS/E", "uss-e"]) == {
        "USS-E": "USS-E.xlsx", "USS/E": "USS-E (2).xlsx", "uss-e": "uss-e (3).xlsx"}


def test_packs_change_only_where_the_committee_changed(tmp_path: Path) -> None:
    """`send` compares checksums: a pack must get new bytes only when its committee's part changes."""
    text = SEED.read_text(encoding="utf-8")
    main, first = build(tmp_path, text)
    before = {p.udvalg: p.sha256 for p in first.packs}
    validate_and_record(main)  # re-saves Budget.xlsx with its Validering sheet
    assert {p.udvalg: p.sha256 for p in build_packs(main, tmp_path / "again").packs} == before
    # one UTMB amount changes (Ejendomsvedligeholdelse, CSE) and its stated totals with it
    changed = (text.replace("kontrakt.\t100\t100\t100\t100", "kontrakt.\t100\t120\t100\t100")
               .replace("CSE Total\t\t\t\t\t\t350\t350", "CSE Total\t\t\t\t\t\t350\t370")
               .replace("15.036\t15.137", "15.036\t15.157"))
    (tmp_path / "second").mkdir()
    _, after = build(tmp_path / "second", changed)
    moved = {p.udvalg for p in after.packs if p.sha256 != before[p.udvalg]}
    assert moved == {"UTMB"}


def test_findings_on_sheets_no_pack_carries_are_not_counted(tmp_path: Path) -> None:
    """The sample forms give two årsværk warnings on the Forslag sheet; no committee pack holds that sheet."""
    forms = SEED.parent.parent / "proposal_forms" / "proposal_forms_lejre_2024-2027.txt"
    main = build_workbook([SEED, forms], tmp_path / "Budget.xlsx").output
    assert any(f.cell.startswith("Forslag!") for f in validate_workbook(main))
    report = build_packs(main, tmp_path / "packs")
    assert all((p.errors, p.warnings) == (0, 0) for p in report.packs)


def test_rows_without_udvalg_are_named_as_ranges_a_reader_can_scan() -> None:
    rows = [("Katalog", r) for r in range(5, 63)] + [("CJS", 9), ("CJS", 7), ("CJS", 8), ("CJS", 12), ("Katalog", 70)]
    assert row_ranges(rows) == "Katalog!A5:A62, Katalog!A70, CJS!A7:A9, CJS!A12"
