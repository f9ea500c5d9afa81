"""Sheet and table names from document text: unique without case after cleaning and cutting to 31
characters, never a fixed sheet's name; a workbook of such centers builds, validates and recalculates."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from templates import template_path
from tests.spreadsheets import assert_libreoffice_agrees
from workbook.api import build_workbook, validate_and_record
from workbook.build import build_layout
from workbook.engine import EvaluatedBook
from workbook.layout import BookLayout, SheetLayout, Table, sheet_name
from workbook.packs import build_packs
from workbook.sheet_names import center_sheet_names, committee_sheet_names, is_fixed, unique_table_names
from workbook.write_xlsx import fill_template

LONG = "Center for Job og Social Indsats"  # 32 characters: two centers differ only after the 31st


@pytest.mark.parametrize(("centers", "sheets"), [
    (["CJS", "CBL"], ["CJS", "CBL"]),
    (["CJS/", "CJS?"], ["CJS-", "CJS- (2)"]),
    (["CJS", "cjs"], ["CJS", "cjs (2)"]),
    ([LONG + " Nord", LONG + " Syd"], ["Center for Job og Social Indsat", "Center for Job og Social In (2)"]),
    (["Kontrol", "Oversigt", "kilder", "Validering", "Forslag", "Forside", "Indstillinger"],
     ["Center Kontrol", "Center Oversigt", "Center kilder", "Center Validering", "Center Forslag",
      "Center Forside", "Center Indstillinger"]),
    (["Udvalg ØU", "Referat 2", "Referat - tabeller", "History"],
     ["Center Udvalg ØU", "Center Referat 2", "Center Referat - tabeller", "Center History"]),
    (["Kontrol", "Center Kontrol"], ["Center Kontrol", "Center Kontrol (2)"]),
    (["'CJS'", "C[J]S", "C:J*S", "CJS\x00", "CJS-"], ["CJS", "C-J-S", "C-J-S (2)", "CJS-", "CJS- (2)"]),
    (["😀" * 20], ["😀" * 15]),  # 31 UTF-16 units at most, as Excel counts
])
def test_center_sheet_names(centers: list[str], sheets: list[str]) -> None:
    names = center_sheet_names(centers)
    assert [names[c] for c in centers] == sheets
    assert len({n.casefold() for n in names.values()}) == len(centers)
    assert not any(is_fixed(n) for n in names.values())
    assert all(len(n.encode("utf-16-le")) <= 62 for n in names.values())


def test_committee_sheet_names() -> None:
    assert committee_sheet_names(["ØU", "ØU*", "ØU?", "øu"]) == {
        "ØU": "Udvalg ØU", "ØU*": "Udvalg ØU-", "ØU?": "Udvalg ØU- (2)", "øu": "Udvalg øu (2)"}


def test_table_names_are_numbered_where_two_meet() -> None:
    layout = BookLayout([SheetLayout("CJS-", "Center", tables=[Table("Reduktioner_CJS_", "A1:B2")]),
                         SheetLayout("CJS_", "Center", tables=[Table("Reduktioner_CJS_", "A1:B2"),
                                                               Table("reduktioner_cjs_", "A5:B6")])])
    unique_table_names(layout)
    assert [t.name for s in layout.sheets for t in s.tables] == [
        "Reduktioner_CJS_", "Reduktioner_CJS__2", "reduktioner_cjs__3"]


def test_sheet_name_cleans() -> None:
    assert sheet_name("  'A/B'  ") == "A-B" and sheet_name("''") == "Ark" and sheet_name("a\tb") == "a-b"


# --- a list whose centers and committees meet after cleaning, or are named like budgetbook's sheets ---

ROWS = [("Kontrol", "ØU", 100), ("CJS/", "ØU*", 200), ("CJS?", "ØU", 300), ("cjs", "UBU", 400), ("CJS", "UBU", 50),
        (LONG + " Nord", "ØU?", 10), (LONG + " Syd", "ØU", 20), ("Udvalg ØU", "UBU", 5), ("Oversigt", "UBU", 7)]


def reduction_list_text(rows: list[tuple[str, str, int]]) -> str:
    """A reduction list as the text export writes it, with each center's total and the Hovedtotal."""
    years = ["2023", "2024", "2025", "2026"]
    lines = ["Udmøntning af reduktion", "", "\t".join([
        "Nr.", "Bevillingstekst", "Center", "Udvalg", "Overskrift", "Uddybende forklaring om forslaget og konsekvenser",
        *(f"{y} (1.000 kr.)" for y in years), "Budget 2023 (1.000 kr.)", "Reduktion i forhold til budget 2023 (pct)"])]
    for center in dict.fromkeys(c for c, _, _ in rows):
        total = 0
        for number, (other, udvalg, amount) in enumerate(rows, start=1):
            if other == center:
                total += amount
                lines.append("\t".join([f"1.20.{number}", "Budgetramme", center, udvalg, f"Forslag {number}",
                                        "Forklaring", *[str(amount)] * 4, "10.000",
                                        f"{amount / 100:.1f}%".replace(".", ",")]))
        lines.append("\t".join(["", "", f"{center} Total", "", "", "", *[str(total)] * 4, "", ""]))
    grand = sum(amount for _, _, amount in rows)
    lines.append("\t".join(["", "", "Hovedtotal", "", "", "", *[str(grand)] * 4, "", ""]))
    return "\n".join(lines) + "\n"


@pytest.fixture(scope="module")
def clashing_list(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("clash") / "liste.txt"
    path.write_text(reduction_list_text(ROWS), encoding="utf-8")
    return path


def test_clashing_names_build_validate_and_keep_the_center_names(clashing_list: Path, tmp_path: Path) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([clashing_list], out)
    assert validate_and_record(out) == []  # every center total, the Hovedtotal and the committee sheets agree
    book = load_workbook(out)
    fixed = ["Oversigt", "Kilder", "Kontrol", "Validering"]
    assert sorted(n for n in book.sheetnames if n in fixed) == sorted(fixed)  # budgetbook's own sheets are its own
    assert len({n.casefold() for n in book.sheetnames}) == len(book.sheetnames)
    for name in ("Center Kontrol", "Center Oversigt", "Center Udvalg ØU", "CJS-", "CJS- (2)", "cjs (2)",
                 "Udvalg ØU", "Udvalg ØU-", "Udvalg ØU- (2)"):
        assert name in book.sheetnames, name
    assert book["Center Kontrol"]["A1"].value == "Kontrol"  # the center's own name stays on its sheet
    assert book["CJS- (2)"]["A1"].value == "CJS?"
    overview = book["Oversigt"]
    centers = [overview.cell(r, 1).value for r in range(5, 5 + len(ROWS))]
    assert sorted(centers) == sorted(c for c, _, _ in ROWS)
    tables = [t.casefold() for ws in book.worksheets for t in ws.tables]
    assert len(set(tables)) == len(tables)
    evaluated = EvaluatedBook(book)
    totals = {}
    for name in ("Udvalg ØU", "Udvalg ØU-", "Udvalg ØU- (2)", "Udvalg UBU"):
        row = next(r for r in range(5, 20) if book[name].cell(r, 1).value == "Total")
        totals[name] = evaluated.value(f"B{row}", name)
    # "ØU*" (a footnote star) and "ØU?" sum their own rows only, not ØU's as a wildcard would
    assert totals == {"Udvalg ØU": 420, "Udvalg ØU-": 200, "Udvalg ØU- (2)": 10, "Udvalg UBU": 462}


def test_clashing_names_recalculate_the_same_in_libreoffice(clashing_list: Path, tmp_path: Path) -> None:
    raw = tmp_path / "raw.xlsx"
    fill_template(build_layout([importers.parse(clashing_list)]), template_path()).save(raw)
    assert assert_libreoffice_agrees(raw, tmp_path / "lo") > 50


def test_clashing_names_make_packs(clashing_list: Path, tmp_path: Path) -> None:
    out = tmp_path / "Budget.xlsx"
    build_workbook([clashing_list], out)
    report = build_packs(out, tmp_path / "packs")
    by_udvalg = {p.udvalg: p for p in report.packs}
    assert set(by_udvalg) == {"ØU", "ØU*", "ØU?", "UBU"}
    assert by_udvalg["ØU*"].errors == 0 and by_udvalg["ØU"].errors == 0
    pack = load_workbook(by_udvalg["ØU*"].path)
    assert "Udvalg ØU-" in pack.sheetnames and "CJS-" in pack.sheetnames
    assert validate_and_record(by_udvalg["ØU*"].path) == []
    oeu = load_workbook(by_udvalg["ØU"].path)
    assert oeu["Center Kontrol"]["A1"].value == "Kontrol"  # the center's own name, in the pack too


def test_every_sheet_budgetbook_names_itself_is_reserved() -> None:
    """FIXED_SHEETS must list every fixed sheet name the builder uses, or a center could take one."""
    from tests.golden import SAMPLES
    from tests.parsed import parsed

    sources = ["reduction_list/lejre-2023.txt", "proposal_forms/proposal_forms_lejre_2024-2027.txt",
               "budget_remarks/budget_remarks_kalundborg_oeu_2024.txt", "minutes/minutes_lejre_bu_2024-08-13.txt",
               "initiative_catalogue/initiative_catalogue_part1.txt"]
    results = [parsed(SAMPLES / source) for source in sources]
    layout = build_layout(results)
    centers = set(center_sheet_names(sorted({r.center for r in results[0].records if r.center})).values())
    own = [s.name for s in layout.sheets if s.template != "Center" and not s.name.startswith("Udvalg ")]
    assert {s.name for s in layout.sheets if s.template == "Center"} >= centers
    assert len(own) >= 8 and all(is_fixed(name) for name in own), [n for n in own if not is_fixed(n)]
