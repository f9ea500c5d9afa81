"""The formula evaluator against Excel's semantics, one rule per case (LibreOffice agrees: see test_workbook_build)."""

from __future__ import annotations

import pytest
from openpyxl import Workbook

from budgetbook.errors import FormulaError
from workbook.engine import EvaluatedBook


def book_with(cells: dict[str, object]) -> EvaluatedBook:
    book = Workbook()
    sheet = book.active
    sheet.title = "CJS"
    other = book.create_sheet("Udvalg ØU")
    for address, value in cells.items():
        target = other if address.startswith("U!") else sheet
        target[address.removeprefix("U!")] = value
    return EvaluatedBook(book)


BASE = {"A1": 10, "A2": 20, "A3": 30, "C1": "ØU", "C2": "UBU", "C3": "ØU",
        "U!A1": 7, "U!A2": 9, "U!B1": "ØU", "U!B2": "UBU"}
CASES = [
    ("=SUM(A1:A3)", 60),
    ("=SUM(A1:A3,5)", 65),
    ("=A1+B9", 10),                      # a blank cell counts as 0
    ("=B9", 0),                          # a formula on a blank cell shows 0
    ('=IF(B9=0,"",A1/B9)', ""),          # blank equals 0
    ("=A1/B9", "#DIV/0!"),
    ("=IFERROR(A1/B9,-1)", -1),
    ("=-A1^2", 100),                     # unary minus binds before ^ in Excel
    ("=2^3^2", 64),                      # and ^ is left-associative
    ("=10%", 0.1),
    ('="a"&A1', "a10"),
    ("=ROUND(2.45,1)", 2.5),             # half away from zero
    ("=ROUND(-2.45,1)", -2.5),
    ('=SUMIFS(A1:A3,C1:C3,"øu")', 40),   # criteria ignore case
    ('=SUMIFS(A1:A3,A1:A3,">15")', 50),
    ('=COUNTIFS(C1:C3,"<>ØU")', 1),
    ("=SUMIFS('Udvalg ØU'!A1:A2,'Udvalg ØU'!B1:B2,C1)", 7),
    ("=ABS(-3)+MIN(A1:A3)+MAX(A1:A3)", 43),
    ("=AND(A1>5,OR(A2<5,A3=30))", True),
    ('=IF(C4="",1,2)', 1),
    ("=SUM(A1:A3)/COUNT(A1:A3)", 20),
]


@pytest.mark.parametrize(("formula", "expected"), CASES)
def test_formulas(formula: str, expected: object) -> None:
    book = book_with({**BASE, "D1": formula})
    value = book.value("CJS!D1")
    assert value == (pytest.approx(expected) if isinstance(expected, float) else expected)


def test_text_that_looks_like_a_formula_is_text() -> None:
    book = Workbook()
    book.active.title = "CJS"
    book.active["A1"] = "=SUM(B1:B2)"
    book.active["A1"].data_type = "s"
    assert EvaluatedBook(book).value("CJS!A1") == "=SUM(B1:B2)"


@pytest.mark.parametrize(("formula", "message"), [
    ("=VLOOKUP(1,A1:A3,1)", "VLOOKUP is not supported"),
    ("=D2", "Circular reference"),
    ("=Nowhere!A1", "No sheet named"),
    ("=A:A", "Unsupported reference"),
])
def test_what_it_cannot_do_it_says_with_the_cell(formula: str, message: str) -> None:
    book = book_with({"D1": formula, "D2": "=D1"} if formula == "=D2" else {"D1": formula})
    with pytest.raises(FormulaError, match=message) as error:
        book.value("CJS!D1")
    assert "CJS!D" in str(error.value)


def test_libreoffice_computes_the_same_for_every_case(tmp_path) -> None:  # noqa: ANN001
    """The same formulas in one file, recalculated by LibreOffice: the reference engine must agree."""
    from openpyxl import load_workbook

    from tests.spreadsheets import libreoffice_recalc

    cases = [f for f, _ in CASES]
    book = Workbook()
    sheet = book.active
    sheet.title = "CJS"
    other = book.create_sheet("Udvalg ØU")
    for address, value in BASE.items():
        (other if address.startswith("U!") else sheet)[address.removeprefix("U!")] = value
    for row, formula in enumerate(cases, start=1):
        sheet.cell(row, 6, formula)
    raw = tmp_path / "cases.xlsx"
    book.save(raw)
    ours = EvaluatedBook(load_workbook(raw))
    theirs = load_workbook(libreoffice_recalc(raw, tmp_path / "lo"), data_only=True)["CJS"]
    for row, formula in enumerate(cases, start=1):
        mine, other_value = ours.value(f"CJS!F{row}"), theirs.cell(row, 6).value
        if isinstance(mine, (int, float)) and not isinstance(mine, bool):
            assert other_value == pytest.approx(mine), formula
        else:
            assert str(other_value if other_value is not None else "") == str(mine), formula


class CountingCells(dict):  # type: ignore[type-arg]
    """Cells that count how often the engine reads them."""

    reads = 0

    def get(self, key, default=None):  # noqa: ANN001, ANN201
        CountingCells.reads += 1
        return super().get(key, default)


def test_a_range_is_read_once_however_many_formulas_use_it() -> None:
    """SUMIFS per committee and year over the same rows: reads grow with the rows, not with rows x formulas."""
    def reads_for(rows: int, committees: int, years: int) -> int:
        values = CountingCells()
        for row in range(1, rows + 1):
            values[(row, 1)] = ["ØU", "UBU", "KFU"][row % 3]
            for col in range(2, 2 + years):
                values[(row, col)] = row * col
        formulas = {(r, c): f'=SUMIFS(CJS!{chr(65 + c)}1:{chr(65 + c)}{rows},CJS!A1:A{rows},"U{r}")'
                    for r in range(1, committees + 1) for c in range(1, years + 1)}
        CountingCells.reads = 0
        book = EvaluatedBook.from_cells({"CJS": values, "Udvalg": {}}, {"Udvalg": formulas})
        book.evaluate_all()
        return CountingCells.reads

    assert reads_for(200, 6, 4) == 200 * (4 + 1)  # each column of the rows read once
    assert reads_for(400, 12, 4) == 2 * reads_for(200, 12, 4)


def test_from_cells_evaluates_like_a_workbook() -> None:
    values = {"CJS": {(1, 1): 10, (2, 1): 20, (1, 3): "ØU", (2, 3): "UBU"}, "Udvalg ØU": {}}
    formulas = {"Udvalg ØU": {(1, 1): '=SUMIFS(CJS!A1:A2,CJS!C1:C2,"øu")', (2, 1): "=A1*2"}}
    book = EvaluatedBook.from_cells(values, formulas)
    assert book.evaluate_all() == {("Udvalg ØU", 1, 1): 10, ("Udvalg ØU", 2, 1): 20}
    assert book.formula("'Udvalg ØU'!A2") == "=A1*2"
