"""A print a committee member can read: the workbook and a pack printed by LibreOffice, measured in the PDF.

LibreOffice headless prints Budget.xlsx (built from every kind of sample) and the ØU pack to
PDF with each sheet's own page setup; pdfplumber gives every character's size and position.
The printed size is the character's size scaled from the PDF page to the A4 paper. Checked:
text of at least 8 pt, header and footer whole and inside the page and off the cells, no
technical column (Nøgle, Kilde, SHA-256, Sporbarhed) on paper, wide sheets on several pages
with their titles repeated, every header word and file name whole, no "###", every font
Carlito (Calibri's metric twin), the Forside as a form, Danish kinds and one date style.
The pure helpers (text widths, column widths, groups, title columns) are tested without it.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pytest
from openpyxl import load_workbook

import importers
from templates import template_path
from templates.make_template import named_styles
from tests.golden import SAMPLES
from tests.spreadsheets import libreoffice_pdf
from workbook.api import build_workbook, validate_and_record
from workbook.display import date_text, moment_text
from workbook.layout import BookLayout, Formula, SheetLayout, Style
from workbook.packs import build_packs
from workbook.print_layout import PAGE_WIDTH, fit_sheet, technical_groups, title_columns
from workbook.shown_values import FormulaEstimates, number_text
from workbook.text_width import text_units, width_for, width_for_lines, wrapped_lines

SOURCES = [SAMPLES / "reduction_list" / "lejre-2023.txt",
           SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.txt",
           SAMPLES / "budget_remarks" / "budget_remarks_kalundborg_oeu_2024.txt",
           SAMPLES / "minutes" / "minutes_lejre_bu_2024-08-13.txt",
           SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt"]
A4 = (595.28, 841.89)  # points, portrait
INCH = 72.0
PRINTER_EDGE = 0.2 * INCH  # what printers leave unprinted at the paper's edge
MIN_SIZE = 8.0
KEY = re.compile(r"\b[RFB]-[0-9a-f]{10}\b")
SHA256 = re.compile(r"\b[0-9a-f]{64}\b")


@dataclass(frozen=True)
class Printed:
    """One printed page: its sheet (from the footer), its characters, words and lines, and the paper scale."""

    sheet: str
    number: int
    width: float
    height: float
    scale: float
    chars: list[dict]
    words: list[dict]
    lines: list[str]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def read_pdf(path: Path) -> list[Printed]:
    pages = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            portrait = sorted((float(page.width), float(page.height)))
            scale = A4[0] / portrait[0]  # the PDF page is the paper, maybe at another size
            lines = page.extract_text().split("\n")
            footer = re.match(r"(.*) Side (\d+) af (\d+)$", lines[-1])
            assert footer, f"{path.name} page {page.page_number}: no footer 'Side n af N' ({lines[-1]!r})"
            pages.append(Printed(footer.group(1), page.page_number, float(page.width), float(page.height), scale,
                                 list(page.chars), page.extract_words(keep_blank_chars=False), lines))
    return pages


@pytest.fixture(scope="module")
def printed(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("print")
    main = build_workbook(SOURCES, folder / "Budget.xlsx").output
    validate_and_record(main)
    report = build_packs(main, folder / "packs")
    pack = shutil.copy(next(p.path for p in report.packs if p.udvalg == "ØU"), folder / "OU.xlsx")
    book_pdf, pack_pdf = libreoffice_pdf([main, Path(pack)], folder / "pdf")
    return {"main": main, "pack": Path(pack), "Budget": read_pdf(book_pdf), "OU": read_pdf(pack_pdf)}


def all_pages(printed: dict[str, object]) -> list[Printed]:
    return [*printed["Budget"], *printed["OU"]]  # type: ignore[misc]


# --- on paper ----------------------------------------------------------------------------------

def test_every_character_prints_at_8_pt_or_more(printed: dict[str, object]) -> None:
    small = defaultdict(set)
    for page in all_pages(printed):
        for char in page.chars:
            if char["text"].strip() and char["size"] * page.scale < MIN_SIZE - 0.05:
                small[page.sheet].add(round(char["size"] * page.scale, 1))
    assert not small, f"text smaller than {MIN_SIZE} pt on paper: {dict(small)}"


def test_header_and_footer_are_whole_inside_the_page_and_off_the_cells(printed: dict[str, object]) -> None:
    for name in ("Budget", "OU"):
        pages: list[Printed] = printed[name]  # type: ignore[assignment]
        for page in pages:
            where = f"{name}.pdf page {page.number} ({page.sheet})"
            for char in page.chars:
                assert PRINTER_EDGE <= char["x0"] and char["x1"] <= page.width - PRINTER_EDGE, where
                assert PRINTER_EDGE <= char["top"] and char["bottom"] <= page.height - PRINTER_EDGE, where
            header, footer = page.lines[0], page.lines[-1]
            assert header.startswith(f"{name}.xlsx") and re.search(r"budgetbook, dannet \d\d-\d\d-\d{4}$", header), \
                (where, header)
            assert footer == f"{page.sheet} Side {page.number} af {len(pages)}", (where, footer)
            rows = sorted({round(c["top"], 1): c for c in page.chars}.items())
            header_bottom = max(c["bottom"] for c in page.chars if c["top"] <= rows[0][0] + 1)
            footer_top = min(c["top"] for c in page.chars if c["top"] >= rows[-1][0] - 1)
            cells = [c for c in page.chars if rows[0][0] + 1 < c["top"] < rows[-1][0] - 1]
            if cells:
                assert header_bottom < min(c["top"] for c in cells), f"{where}: the header runs into the cells"
                assert footer_top > max(c["bottom"] for c in cells), f"{where}: the footer runs into the cells"


def test_wide_sheets_print_across_pages_with_their_titles_repeated(printed: dict[str, object]) -> None:
    pages: list[Printed] = printed["Budget"]  # type: ignore[assignment]
    cjs = [p for p in pages if p.sheet == "CJS"]
    assert len(cjs) >= 2, "the CJS sheet is wider than a page and is not shrunk to one"
    for page in cjs:
        assert "Overskrift" in page.text, f"page {page.number}: the proposals' titles do not repeat"
    overview = [p for p in pages if p.sheet == "Oversigt"]
    for page in overview:
        assert "Center" in page.text and "Hovedtotal" in page.text, f"page {page.number}: no title column"
    books = [p for p in pages if p.sheet == "Bemærkninger"]
    for page in books:
        assert "Område" in page.text, f"page {page.number}: the areas do not repeat"


def test_technical_columns_stay_off_the_paper_and_in_the_workbook(printed: dict[str, object]) -> None:
    for page in all_pages(printed):
        assert not KEY.search(page.text), f"{page.sheet} page {page.number} prints a key: {KEY.search(page.text)}"
        assert not SHA256.search(page.text), f"{page.sheet} page {page.number} prints a checksum"
        assert "Sporbarhed" not in page.text and "Nøgle" not in page.text, f"{page.sheet} page {page.number}"
    book = load_workbook(printed["main"])  # type: ignore[arg-type]
    folded = {"CJS": ["Kilde", "Nøgle"], "Forslag": ["Kilde", "Nøgle"], "Bemærkninger": ["Kilde", "Nøgle"],
              "Kilder": ["SHA-256"], "Kontrol": ["Ark", "Række", "Nøgle"], "Katalog": ["Kilde"]}
    for title, labels in folded.items():
        sheet = book[title]
        header_row = next(r for r in range(1, 30) if any(c.value in labels for c in sheet[r]))
        letters = {c.value: c.column_letter for c in sheet[header_row] if c.value in labels}
        assert set(letters) == set(labels), (title, letters)
        for label, letter in letters.items():
            column = sheet.column_dimensions[letter]
            assert column.hidden and column.outlineLevel == 1, f"{title}!{letter} ({label}) is not folded away"
    pack = load_workbook(printed["pack"])  # type: ignore[arg-type]
    assert pack["CJS"].column_dimensions[next(c.column_letter for c in pack["CJS"][5] if c.value == "Nøgle")].hidden


def test_every_header_word_file_name_and_number_prints_whole(printed: dict[str, object]) -> None:
    """A word is printed whole, or broken after a hyphen as Excel and LibreOffice may; never cut elsewhere."""
    words = {w["text"] for page in all_pages(printed) for w in page.words}
    book = load_workbook(printed["main"])  # type: ignore[arg-type]
    expected = set()
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                hidden = sheet.column_dimensions[cell.column_letter].hidden
                if cell.style == "bb_header" and isinstance(cell.value, str) and not hidden:
                    expected.update(cell.value.split())
    expected.update(path.name for path in SOURCES)
    assert "Besparelse" in expected and "lejre-2023.txt" in expected
    broken = [w for w in expected if w not in words and not set(re.findall(r"[^-]+-?", w)) <= words]
    assert not broken, f"printed broken or cut: {sorted(broken)[:20]}"
    assert not [w for w in words if "###" in w], "a number too wide for its column"


def test_every_font_is_calibri_printed_as_carlito(printed: dict[str, object]) -> None:
    fonts = {c["fontname"].split("+")[-1] for page in all_pages(printed) for c in page.chars}
    assert fonts and all(font.startswith("Carlito") for font in fonts), (
        f"fonts {fonts}: a style without a font name prints in a fallback; without Carlito installed "
        "(fonts-crosextra-carlito, which `make test` installs) LibreOffice substitutes another font")


def test_the_front_sheet_is_a_form(printed: dict[str, object]) -> None:
    front = printed["OU"][0]  # type: ignore[index]
    assert front.sheet == "Forside"
    for label, value in (("Udvalg", "ØU"), ("Budgetår", "2023"), ("Projektmappe", "Budget.xlsx"),
                         ("Valideringsstatus", "Alle")):
        [top] = [w["top"] for w in front.words if w["text"] == label]
        assert any(abs(w["top"] - top) < 1 for w in front.words if w["text"] == value), \
            f"{label} and its value {value} are not on one line"
    labels = [w for w in front.words if w["text"] in ("Udvalg", "Budgetår", "Dato", "Projektmappe")]
    values = [w for w in front.words if w not in labels and any(abs(w["top"] - label["top"]) < 1 for label in labels)]
    assert len({round(w["x0"]) for w in labels}) == 1 and len({round(w["x0"]) for w in values}) == 1, \
        "labels and values each in one column"
    for kind in importers.kinds():
        assert importers.kind_label(kind) in front.text
    assert not {w["text"] for w in front.words} & set(importers.kinds()), "a code name instead of the Danish one"


def test_one_date_style_throughout(printed: dict[str, object]) -> None:
    for page in all_pages(printed):
        for word in page.words:
            text = word["text"].strip(",.;:()")
            assert not re.fullmatch(r"\d{4}-\d\d-\d\d(T.*)?|\d\d?[./]\d\d?[./]\d{4}", text), \
                f"{page.sheet} page {page.number}: date {word['text']!r} is not dd-mm-åååå"
    dates = [w["text"] for page in all_pages(printed) for w in page.words
             if re.fullmatch(r"\d\d-\d\d-\d{4}", w["text"])]
    assert len(dates) > len(all_pages(printed)), "the header's date and the dates in the cells"


# --- the workbook's print setup ----------------------------------------------------------------

def test_every_sheet_prints_at_100_percent_with_room_for_header_and_footer(printed: dict[str, object]) -> None:
    for path in (printed["main"], printed["pack"]):
        for sheet in load_workbook(path).worksheets:  # type: ignore[arg-type]
            where = f"{Path(path).name}!{sheet.title}"  # type: ignore[arg-type]
            assert not sheet.sheet_properties.pageSetUpPr.fitToPage, where
            assert sheet.page_setup.scale in (None, 100), where
            margins = sheet.page_margins
            assert margins.header + 0.3 <= margins.top and margins.footer + 0.3 <= margins.bottom, where
            assert margins.header >= 0.25 and margins.footer >= 0.25, where


def test_every_named_style_names_its_font() -> None:
    for style in named_styles():
        assert style.font.name == "Calibri", style.name
    book = load_workbook(template_path())
    assert all(book._named_styles[name].font.name == "Calibri"  # type: ignore[attr-defined]
               for name in book.named_styles if name.startswith("bb_"))


# --- the pure helpers --------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "bold", "units"), [
    ("0", False, 1.0), ("0000000000", False, 10.0), ("", False, 0.0), ("iiii", False, 4 * 229 / 507),
    ("W", True, 906 / 507), ("Æbler", False, (763 + 525 + 229 + 498 + 349) / 507),
])
def test_text_units_are_digits_of_calibri(text: str, bold: bool, units: float) -> None:
    assert text_units(text, bold) == pytest.approx(units)


@pytest.mark.parametrize(("text", "lines"), [
    ("Besparelse i alt 2027", 3), ("Forslag (− = besparelse) 2024", 3), ("Nettobudget (kr.)", 2),
    ("Nettoændring = gevinst + investering (− = besparelse)", 3), ("Overskrift", 1),
])
def test_a_header_wraps_within_its_lines_without_breaking_a_word(text: str, lines: int) -> None:
    width = width_for_lines(text, lines, bold=True)
    assert wrapped_lines(text, width, bold=True) <= lines
    assert width >= max(width_for(word, bold=True) for word in text.split())
    assert wrapped_lines(text, width - 1, bold=True) > lines or width - 1 < max(
        width_for(word, bold=True) for word in text.split()), "the narrowest such width"


def test_wrapped_lines_count_words_paragraphs_and_words_longer_than_the_line() -> None:
    assert wrapped_lines("kort", 20) == 1
    assert wrapped_lines("en\nto\ntre", 20) == 3
    assert wrapped_lines("ord " * 40, 20) >= 40 * text_units("ord ") / 20
    assert wrapped_lines("x" * 100, 10) >= 100 * text_units("x") / 10


@pytest.mark.parametrize(("value", "style", "shown"), [
    (15036, Style.AMOUNT, "15.036"), (-1500, Style.TOTAL_AMOUNT, "-1.500"), (0.004, Style.PCT, "0,4%"),
    (2.45, Style.DECIMAL, "2,45"), (2.5, Style.STATED_DECIMAL, "2,5"), (2024, Style.TEXT, "2024"),
])
def test_numbers_are_measured_as_their_format_shows_them(value: float, style: Style, shown: str) -> None:
    assert number_text(value, style) == shown


def sheet_with(cells: dict[tuple[int, int], tuple[object, Style]], **kwargs: object) -> SheetLayout:
    sheet = SheetLayout("Ark", "Center", **kwargs)  # type: ignore[arg-type]
    for (row, col), (value, style) in cells.items():
        sheet.put(row, col, value, style)  # type: ignore[arg-type]
    return sheet


def test_columns_fit_their_header_and_values_and_text_runs_into_empty_cells() -> None:
    sheet = sheet_with({
        (1, 1): ("Centrenes tal", Style.TITLE),
        (4, 1): ("Center", Style.HEADER), (4, 2): ("Besparelse i alt 2027", Style.HEADER),
        (4, 3): ("Fil", Style.HEADER),
        (5, 1): ("CJS", Style.TEXT), (5, 2): (-1_234_567, Style.AMOUNT), (5, 3): ("lejre-2023.pdf", Style.TEXT),
    })
    fit_sheet(sheet)
    widths = sheet.column_widths
    assert widths[2] >= width_for("Besparelse", bold=True) and widths[2] >= width_for("-1.234.567")
    assert widths[3] >= width_for("lejre-2023.pdf")
    assert widths[1] < width_for("Centrenes tal", bold=True), "the title runs into B and C"


def test_a_long_text_with_a_neighbour_wraps_and_its_row_grows() -> None:
    text = "Det foreslås at nedlægge en stilling i teamet, fordi opgaverne kan løses digitalt. " * 8
    sheet = sheet_with({(4, 1): ("Forklaring", Style.HEADER), (4, 2): ("2024", Style.HEADER),
                        (5, 1): (text, Style.TEXT), (5, 2): (100, Style.AMOUNT)})
    fit_sheet(sheet)
    assert sheet.cells[(5, 1)].style is Style.WRAP
    assert 40 <= sheet.column_widths[1] <= PAGE_WIDTH
    assert sheet.row_heights[5] >= 15 * wrapped_lines(text, sheet.column_widths[1]) - 0.1


def test_formulas_are_measured_by_what_they_link_to_or_add_up() -> None:
    source = sheet_with({(5, 3): (9_000_000, Style.AMOUNT), (6, 3): (8_000_000, Style.AMOUNT)})
    source.name = "CJS"
    source.put(7, 3, Formula("SUM(C5:C6)"), Style.TOTAL_AMOUNT)
    overview = SheetLayout("Oversigt", "Oversigt")
    overview.put(5, 2, Formula("'CJS'!C7"), Style.AMOUNT)
    values = FormulaEstimates(BookLayout([source, overview]))
    assert values.shown("Oversigt", overview.cells[(5, 2)]) == "-17.000.000"  # the widest the sum can be
    overview.put(6, 2, Formula("SUMIFS('CJS'!C5:C6,'CJS'!B5:B6,\"ØU\")"), Style.AMOUNT)
    assert values.shown("Oversigt", overview.cells[(6, 2)]) == "-999.999", "unknown: as wide as the format allows"


def test_technical_columns_are_grouped_unless_a_column_holds_something_else() -> None:
    sheet = sheet_with({(4, 1): ("Kilde", Style.HEADER), (4, 2): ("Beløb", Style.HEADER),
                        (4, 3): ("Kilde", Style.HEADER), (4, 4): ("Nøgle", Style.HEADER),
                        (4, 5): ("Status", Style.HEADER), (10, 5): ("Kilde", Style.HEADER),
                        (10, 6): ("SHA-256", Style.HEADER), (12, 6): ("Nøgle", Style.HEADER)})
    groups = technical_groups(sheet)
    assert [(g.first, g.last, g.collapsed) for g in groups] == [(3, 4, True), (6, 6, True)]


def test_title_columns_are_the_frozen_ones_or_those_up_to_the_overskrift() -> None:
    frozen = sheet_with({(4, 1): ("Overskrift", Style.HEADER), (4, 2): ("Center", Style.HEADER)}, freeze="C5")
    frozen.column_widths.update({1: 30, 2: 8})
    assert title_columns(frozen) == "A:B"
    too_wide = sheet_with({}, freeze="D5")
    too_wide.column_widths.update({1: 30, 2: 30, 3: 40})
    assert title_columns(too_wide) == "C:C", "as many frozen columns as fit in 45 % of the page"
    too_wide.column_widths[3] = 70
    assert title_columns(too_wide) is None
    rows_only = sheet_with({(5, 1): ("Nr.", Style.HEADER), (5, 4): ("Overskrift", Style.HEADER)}, freeze="A6")
    assert title_columns(rows_only) == "A:D", "up to the column that names the row"
    rows_only.column_widths.update({1: 10, 2: 40, 3: 10, 4: 25})
    assert title_columns(rows_only) == "C:D"
    assert title_columns(sheet_with({(5, 1): ("Nr.", Style.HEADER)})) is None


# --- dates --------------------------------------------------------------------

@pytest.mark.parametrize(("value", "text"), [
    ("2026-11-29", "29-11-2026"), ("2026-11-29T18:20:03+00:00", "29-11-2026"), ("13. august 2024", "13. august 2024"),
    (None, ""), ("29-11-2026", "29-11-2026"), ("27.11.2023", "27-11-2023"), ("1/2/2024", "01-02-2024"),
    ("20240101", "20240101"), ("31.02.2024", "31.02.2024"), ("2.500", "2.500"),
])
def test_dates_are_written_dd_mm_yyyy(value: str | None, text: str) -> None:
    assert date_text(value) == text


def test_moments_are_written_with_their_time_in_utc() -> None:
    assert moment_text("2026-11-29T18:20:03+00:00") == "29-11-2026 18:20 UTC"
    assert moment_text("2026-11-29T19:20:03+01:00") == "29-11-2026 18:20 UTC"
    assert moment_text("2026-11-29") == "29-11-2026"
