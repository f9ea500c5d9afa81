"""The fast writer gives the same workbook, cell for cell, as openpyxl filling the template cell by cell.

`write_workbook` writes each sheet's cells as XML straight from the layout and computes the cached
values from the layout; the reference is the writer it replaced: openpyxl fills every cell
(`fill_template`), saves, and the values are added to the saved file (`save_with_values`).
Compared on every sample kind together, on each alone, and on a generated 10.000-line list.
LibreOffice's agreement with every stored value is tests/test_cached_values.py.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

import importers
from bench.synthetic import synthetic_list
from tests.golden import SAMPLES
from tests.parsed import parsed
from tests.same_workbook import differences, xml_differences
from templates import template_path
from workbook.build import build_layout
from workbook.cached_values import save_with_values
from workbook.layout import BookLayout, Formula, SheetLayout, Style
from workbook.write_xlsx import fill_template, write_workbook

STAMP = datetime(2024, 5, 1, 12, 0, 0)
ONE_OF_EACH = {
    "reduction_list": SAMPLES / "reduction_list" / "text-that-looks-like-a-formula.pdf",
    "proposal_forms": SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.docx",
    "budget_remarks": SAMPLES / "budget_remarks" / "budget_remarks_kalundborg_oeu_2024.docx",
    "minutes": SAMPLES / "minutes" / "minutes_lejre_bu_2024-08-13.txt",
    "initiative_catalogue": SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt",
}


def reference_write(layout: BookLayout, target: Path, template: Path | None = None) -> Path:
    """The writer before the fast one: openpyxl cell by cell, values added to the saved file."""
    book = fill_template(layout, template or template_path())
    book.properties.created = STAMP
    save_with_values(book, target, STAMP)
    return target


def assert_same(layout: BookLayout, folder: Path, *, through_openpyxl: bool = True,
                template: Path | None = None) -> None:
    """Equal in the XML (every part, every cell), and as openpyxl reads them (slow for large books)."""
    fast = write_workbook(layout, folder / "fast.xlsx", template=template, stamp=STAMP)
    reference = reference_write(layout, folder / "reference.xlsx", template)
    assert xml_differences(fast, reference) == []
    if through_openpyxl:
        assert differences(fast, reference) == []


def test_every_kind_together(tmp_path: Path) -> None:
    assert_same(build_layout([parsed(p) for p in ONE_OF_EACH.values()]), tmp_path)


@pytest.mark.parametrize("kind", sorted(ONE_OF_EACH))
def test_each_kind_alone(kind: str, tmp_path: Path) -> None:
    assert_same(build_layout([parsed(ONE_OF_EACH[kind])]), tmp_path)


def test_a_ten_thousand_line_list(tmp_path: Path) -> None:
    source = tmp_path / "stor-liste.txt"
    source.write_text(synthetic_list(10_000, 50), encoding="utf-8")
    assert_same(build_layout([importers.parse(source)]), tmp_path, through_openpyxl=False)


def test_odd_values_and_text(tmp_path: Path) -> None:
    """Text that needs escaping or keeps its spaces, formula-like text without a style, floats, blanks, links."""
    sheet = SheetLayout("Oversigt", "Oversigt")
    texts = ["a & b <c> \"d\"", "  indrykket", "slut  ", "to\nlinjer", "=SUM(A1:A2)", "-5", "@navn", "+45 1234",
             "_x0041_ er tekst", "æøå ÆØÅ – “citat”"]
    for row, text in enumerate(texts, start=1):
        sheet.put(row, 1, text, Style.TEXT if row % 2 else None)
    sheet.put(1, 2, 0.1 + 0.2, Style.AMOUNT)
    sheet.put(2, 2, -1234567.891, Style.DECIMAL)
    sheet.put(3, 2, 10**15, None)
    sheet.put(4, 2, None, Style.HEADER)
    sheet.put(5, 2, "CJS", Style.LINK, link="#'Kilder'!A1")
    other = SheetLayout("Kilder", "Kilder")
    other.put(1, 1, 1.5)
    assert_same(BookLayout([sheet, other]), tmp_path)


def test_a_template_with_cells_of_its_own(tmp_path: Path) -> None:
    """A user's template may hold text, a formula and styled cells; the layout writes over some of them."""
    from openpyxl import load_workbook
    from openpyxl.styles import Font, PatternFill

    template = tmp_path / "egen.xlsx"
    book = load_workbook(template_path())
    prototype = book["Oversigt"]
    prototype["A1"] = "Lejre Kommune"
    prototype["A1"].font = Font(bold=True, size=20)
    prototype["F1"] = "Budget 2024"
    prototype["F1"].font = Font(italic=True)
    prototype["G1"] = "=1+1"
    prototype["H2"].fill = PatternFill("solid", fgColor="FFEEAA")
    prototype.row_dimensions[1].height = 30
    book.save(template)
    sheet = SheetLayout("Oversigt", "Oversigt")
    sheet.put(1, 1, "Oversigt")  # over the template's text, in the template's style
    sheet.put(1, 2, Formula("G1*2"), Style.AMOUNT)
    sheet.put(2, 8, 5, Style.AMOUNT)
    sheet.put(3, 1, "-minus", None)
    assert_same(BookLayout([sheet]), tmp_path, template=template)


def test_row_heights_over_a_template_that_sizes_rows_itself(tmp_path: Path) -> None:
    """Heights are written beside the cells, except on rows the template describes (openpyxl merges those)."""
    from openpyxl import load_workbook

    template = tmp_path / "egen.xlsx"
    book = load_workbook(template_path())
    prototype = book["Oversigt"]
    prototype.row_dimensions[1].height = 30
    prototype.row_dimensions[3].hidden = True
    prototype["H2"] = "skabelonens tekst"
    book.save(template)
    sheet = SheetLayout("Oversigt", "Oversigt")
    for row in range(1, 5):
        sheet.put(row, 1, f"række {row}", Style.WRAP)
    sheet.row_heights = {1: 45.0, 2: 30.0, 3: 22.5, 4: 409.0, 7: 60.0}  # row 7: a height without cells
    assert_same(BookLayout([sheet]), tmp_path, template=template)
