"""SUMIFS/COUNTIFS criteria as Excel reads them: wildcards, ~ escapes, comparisons, blanks; held
against LibreOffice on the same file, and the writer's escaping of document text."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from tests.spreadsheets import cached_values, libreoffice_recalc
from workbook import formulas as fx
from workbook.engine import EvaluatedBook

# Column A of the test sheet; column B holds 2**row, so a SUMIFS tells exactly which cells matched.
VALUES = [5, "5", None, "", "ØU", "ØU*", "øu", "ØUX", 12, "12", "a?b", "a~b", "~", "<5", "=x", 0, "ab", 1.5,
          "Udvalg ØU", "ØU?"]
# Criteria where Excel and LibreOffice agree (see the table below for where they do not).
SHARED = [5, "5", "=5", "<>5", ">4", "<=5", ">=12", "<5", "0", 0, "1.5", " 5", "ØU", "ØU*", "ØU~*", "øu?", "Ø?",
          "~", "~~", "a~?b", "a?b", "a~b", "a~~b", "<>ØU*", "=", "<>", None, "=<5", "==x", "~<5", "*U", "ab*",
          "a*b", "a*", "*~*", "=ØU*", "=ØU~?", "*ØU", "Udvalg *", "<>ab"]


def criteria_book(criteria: list[object]) -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "S"
    for row, value in enumerate(VALUES, start=1):
        if value is not None:
            sheet.cell(row, 1, value).data_type = "s" if isinstance(value, str) else sheet.cell(row, 1).data_type
        sheet.cell(row, 2, 2 ** (row - 1))
    last = len(VALUES)
    for row, criterion in enumerate(criteria, start=1):
        if criterion is not None:
            cell = sheet.cell(row, 4, criterion)
            if isinstance(criterion, str):
                cell.data_type = "s"
        sheet.cell(row, 5, f"=SUMIFS($B$1:$B${last},$A$1:$A${last},D{row})")
        sheet.cell(row, 6, f"=COUNTIFS($A$1:$A${last},D{row})")
    return book


def matched(total: object) -> list[object]:
    return [VALUES[k] for k in range(len(VALUES)) if int(total or 0) >> k & 1]


def test_engine_matches_criteria_as_libreoffice_does(tmp_path: Path) -> None:
    raw = tmp_path / "criteria.xlsx"
    criteria_book(SHARED).save(raw)
    ours = EvaluatedBook.open(raw)
    theirs = cached_values(libreoffice_recalc(raw, tmp_path / "lo"))
    for row, criterion in enumerate(SHARED, start=1):
        mine, other = ours.value(f"S!E{row}"), theirs.get(("S", f"E{row}"), 0)
        assert matched(mine) == matched(other), (criterion, matched(mine), matched(other))
        assert ours.value(f"S!F{row}") == theirs.get(("S", f"F{row}"), 0), criterion


@pytest.mark.parametrize(("criterion", "expected"), [
    ("ØU*", ["ØU", "ØU*", "øu", "ØUX", "ØU?"]),     # a footnote star is a wildcard ...
    ("=ØU~*", ["ØU*"]),                             # ... unless escaped
    ("ØU~?", ["ØU?"]),
    ("?", ["5", "~"]),                              # wildcards match text cells only (LibreOffice: numbers too)
    ("*", [v for v in VALUES if isinstance(v, str)]),    # "" too, as Excel counts a formula's ""
    ("1*", ["12"]),
    ("", [None, ""]),                               # an empty text criterion: blank cells
    (None, [0]),                                    # an empty criterion cell counts as 0
    ("<>", [v for v in VALUES if v not in (None, "")]),
    ("<>5", [v for v in VALUES if v not in (5, "5")]),
    (">a", ["ØU", "ØU*", "øu", "ØUX", "a?b", "a~b", "~", "ab", "Udvalg ØU", "ØU?"]),  # character order
])
def test_criteria_table(criterion: object, expected: list[object]) -> None:
    book = criteria_book([criterion])
    if criterion == "":
        book["S"]["E1"] = f'=SUMIFS($B$1:$B${len(VALUES)},$A$1:$A${len(VALUES)},"")'
    assert matched(EvaluatedBook(book).value("S!E1")) == expected


def test_booleans_are_no_numbers() -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append([True, 1])
    sheet.append([1, 2])
    sheet.append(["TRUE", 4])
    sheet["D1"], sheet["D2"], sheet["D3"] = '=SUMIFS(B1:B3,A1:A3,"<=5")', "=SUMIFS(B1:B3,A1:A3,TRUE)", \
        '=SUMIFS(B1:B3,A1:A3,"TRUE")'
    evaluated = EvaluatedBook(book)
    assert [evaluated.value(f"S!D{r}") for r in (1, 2, 3)] == [2, 1, 1]


@pytest.mark.parametrize(("text", "written"), [
    ("ØU", "$B$2"),                    # plain text: the cell that shows it
    ("ØU*", '"=ØU~*"'),                # wildcards and the escape escaped
    ("A?B~C", '"=A~?B~~C"'),
    ("<5", '"=<5"'),                   # a leading comparison is text, not an operator
    ("=x", '"==x"'),
    ('Sagt "nej"*', '"=Sagt ""nej""~*"'),
    ("", '"="'),
    (2024, "$B$2"),
])
def test_writer_escapes_criteria_from_document_text(text: object, written: str) -> None:
    assert fx.criterion(text, "$B$2") == written


def test_escaped_criteria_match_exactly_their_text_in_engine_and_libreoffice(tmp_path: Path) -> None:
    """Every text of column A, as the writer gives it as a criterion, matches that text alone, without case
    as SUMIFS compares (text that reads as a number would also match the number, in Excel as here:
    budgetbook's criteria columns hold text)."""
    rows = {row: text for row, text in enumerate(VALUES, start=1) if isinstance(text, str) and text not in ("5", "12")}
    book = criteria_book([])
    sheet = book["S"]
    last = len(VALUES)
    for row, text in rows.items():
        sheet.cell(row, 5, f"=SUMIFS($B$1:$B${last},$A$1:$A${last},{fx.criterion(text, f'$A${row}')})")
    raw = tmp_path / "escaped.xlsx"
    book.save(raw)
    ours = EvaluatedBook.open(raw)
    theirs = cached_values(libreoffice_recalc(raw, tmp_path / "lo"))
    for row, text in rows.items():
        expected = [v for v in VALUES if isinstance(v, str) and v.lower() == text.lower()] if text else [None, ""]
        assert matched(ours.value(f"S!E{row}")) == expected, text
        assert matched(theirs.get(("S", f"E{row}"), 0)) == expected, text


def test_a_criterion_longer_than_one_literal_is_joined() -> None:
    text = "x*" * 200
    written = fx.criterion(text, "A1")
    assert written.count('"&"') == 2 and all(len(part) <= 257 for part in written.split("&"))
