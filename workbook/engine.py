"""The formula evaluator: computes every formula of a workbook from its cells alone.

Its cells come from anywhere: an openpyxl workbook (`EvaluatedBook(book)`, formulas as
text, not cached values), a saved file's read-only view (`EvaluatedBook(view)`, which
validate uses) or plain mappings (`EvaluatedBook.from_cells`, which the writer fills from
the layout). It parses each formula once (`formula_parser`) and evaluates on
demand with memoisation, so a total over 10.000 lines costs one pass, and reads each range
once per evaluation (a cache keyed by sheet and range), so SUMIFS over many committees
and years stays linear in the rows. It knows the functions in `excel_functions` and says
which cell holds anything else. LibreOffice headless is the reference it is tested
against (tests/test_engine_vs_libreoffice.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.utils.cell import get_column_letter

from budgetbook.errors import FormulaError, WorkbookError
from budgetbook.progress import Progress, silent
from workbook.excel_functions import FUNCTIONS, VALUE, ExcelError, Grid, arithmetic, compare, to_number, to_text
from workbook.formula_parser import Binary, Call, Const, Node, Ref, Unary, parse_formula, parse_ref
from workbook.xlsx_view import BookView

_PENDING = object()
PROGRESS_EVERY = 2000  # formulas between two progress reports
Cells = Mapping[tuple[int, int], object]
RangeKey = tuple[str, int, int, int, int]


class EvaluatedBook:
    """Cell values of a workbook with every formula computed; `value("CJS!H14")`.

    From a saved file's `BookView` (`workbook.xlsx_view`), a formula the evaluator cannot compute
    (a function it does not know, in a sheet users made) takes the result the file stores and is
    listed in `unsupported` instead of stopping the evaluation; the validators report it.
    """

    def __init__(self, book: Workbook | BookView) -> None:
        if isinstance(book, BookView):
            self._load({s.title: s.values for s in book.worksheets}, {s.title: s.formulas for s in book.worksheets})
            self._stored = {s.title: s.cached for s in book.worksheets}
            return
        values: dict[str, dict[tuple[int, int], object]] = {}
        formulas: dict[str, dict[tuple[int, int], str]] = {}
        for sheet in book.worksheets:
            cells = values[sheet.title] = {}
            texts = formulas[sheet.title] = {}
            for row in sheet.iter_rows():
                for cell in row:
                    value = cell.value
                    if value is None:
                        continue
                    key = (cell.row, cell.column)
                    if cell.data_type == "f":
                        texts[key] = str(value)
                    else:
                        cells[key] = value
        self._load(values, formulas)

    @classmethod
    def from_cells(cls, values: Mapping[str, Cells], formulas: Mapping[str, Mapping[tuple[int, int], str]]
                   ) -> EvaluatedBook:
        """A book of plain cells: per sheet (in sheet order) {(row, col): value} and {(row, col): "=formula"}."""
        book = cls.__new__(cls)
        book._load(values, formulas)
        return book

    def _load(self, values: Mapping[str, Cells], formulas: Mapping[str, Mapping[tuple[int, int], str]]) -> None:
        self._cells = values
        self._formulas = {name: formulas.get(name, {}) for name in values}
        self._sheet_names = {name.lower(): name for name in values}
        self._computed: dict[tuple[str, int, int], object] = {}
        self._ranges: dict[RangeKey, Grid] = {}
        self._blank: frozenset[tuple[str, int, int]] = frozenset()
        self._stored: Mapping[str, Cells] = {}  # the file's results, used for what cannot be computed
        self.unsupported: dict[tuple[str, int, int], str] = {}  # cell -> why the evaluator could not compute it

    def without(self, cells: set[tuple[str, int, int]]) -> EvaluatedBook:
        """The same book evaluated as if `cells` ((sheet, row, col)) were blank: what they add to a total."""
        other = EvaluatedBook.from_cells(self._cells, self._formulas)
        other._stored = self._stored
        other._blank = frozenset(cells)
        return other

    @classmethod
    def open(cls, path: Path) -> EvaluatedBook:
        try:
            book = load_workbook(path, data_only=False)
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise WorkbookError(f"Cannot open {path.name} as a workbook: {exc}") from exc
        return cls(book)

    def formula_cells(self) -> Iterator[tuple[str, str, str]]:
        """(sheet, "A1", formula text) of every formula cell."""
        for sheet, formulas in self._formulas.items():
            for (row, col), text in formulas.items():
                yield sheet, f"{get_column_letter(col)}{row}", text

    def value(self, address: str, sheet: str | None = None) -> object:
        """The value of "Sheet!A1" (or "A1" with `sheet`), computing its formula if it has one."""
        ref = parse_ref(address)
        name = self._sheet(ref.sheet or sheet)
        return self._cell(name, ref.min_row, ref.min_col)

    def formula(self, address: str, sheet: str | None = None) -> str | None:
        ref = parse_ref(address)
        return self._formulas[self._sheet(ref.sheet or sheet)].get((ref.min_row, ref.min_col))

    def evaluate_all(self, progress: Progress | None = None) -> dict[tuple[str, int, int], object]:
        """Compute every formula; returns {(sheet, row, col): value} of the formula cells."""
        tell = progress or silent
        total = sum(len(formulas) for formulas in self._formulas.values())
        done = 0
        for sheet, formulas in self._formulas.items():
            for row, col in formulas:
                self._cell(sheet, row, col)
                done += 1
                if done % PROGRESS_EVERY == 0:
                    tell("evaluating", done, total)
        tell("evaluating", total, total)
        return {key: value for key, value in self._computed.items()}

    def _sheet(self, name: str | None) -> str:
        if name is None:
            raise FormulaError("A reference without a sheet needs the sheet it stands on")
        try:
            return self._sheet_names[name.lower()]
        except KeyError:
            raise FormulaError(f"No sheet named {name!r}") from None

    def _cell(self, sheet: str, row: int, col: int) -> object:
        key = (sheet, row, col)
        if key in self._blank:
            return None
        if key in self._computed:
            value = self._computed[key]
            if value is _PENDING:
                raise FormulaError(f"Circular reference at {sheet}!{get_column_letter(col)}{row}")
            return value
        text = self._formulas[sheet].get((row, col))
        if text is None:
            return self._cells[sheet].get((row, col))
        self._computed[key] = _PENDING
        try:
            value = self._eval(parse_formula(text), sheet)
        except FormulaError as exc:
            self._computed.pop(key, None)
            stored = self._stored.get(sheet, {})
            if (row, col) not in stored:
                raise FormulaError(f"{sheet}!{get_column_letter(col)}{row}: {exc}") from exc
            self.unsupported[key] = str(exc)
            self._computed[key] = stored[(row, col)]
            return stored[(row, col)]
        if isinstance(value, Grid):
            value = next(value.values(), None)
        if value is None:
            value = 0  # a formula that lands on an empty cell shows 0 in Excel (='CJS'!F9 of a blank F9)
        self._computed[key] = value
        return value

    def _range(self, ref: Ref, sheet: str) -> Grid:
        """The values of a range, read once: the cells of a finished evaluation never change."""
        name = self._sheet(ref.sheet or sheet)
        key = (name, ref.min_row, ref.min_col, ref.max_row, ref.max_col)
        grid = self._ranges.get(key)
        if grid is None:
            cell = self._cell
            columns = range(ref.min_col, ref.max_col + 1)
            grid = Grid(tuple(tuple(cell(name, r, c) for c in columns) for r in range(ref.min_row, ref.max_row + 1)))
            self._ranges[key] = grid
        return grid

    def _eval(self, node: Node, sheet: str) -> object:
        if isinstance(node, Const):
            return node.value
        if isinstance(node, Ref):
            if node.is_cell:
                return self._cell(self._sheet(node.sheet or sheet), node.min_row, node.min_col)
            return self._range(node, sheet)
        if isinstance(node, Unary):
            value = to_number(self._scalar(node.operand, sheet))
            if isinstance(value, ExcelError) or node.op == "+":
                return value
            return -value
        if isinstance(node, Binary):
            left, right = self._scalar(node.left, sheet), self._scalar(node.right, sheet)
            if node.op == "&":
                return next((v for v in (left, right) if isinstance(v, ExcelError)), to_text(left) + to_text(right))
            if node.op in ("=", "<>", "<", ">", "<=", ">="):
                return compare(node.op, left, right)
            return arithmetic(node.op, left, right)
        return self._call(node, sheet)

    def _scalar(self, node: Node, sheet: str) -> object:
        value = self._eval(node, sheet)
        if isinstance(value, Grid):
            return next(value.values(), None)
        return value

    def _position(self, node: Call) -> object:
        """ROW(ref) and COLUMN(ref): where the reference points now, not what it holds."""
        if len(node.args) != 1:
            raise FormulaError(f"{node.name} needs exactly one reference (the evaluator has no current cell)")
        target = node.args[0]
        if isinstance(target, Const) and isinstance(target.value, ExcelError):
            return target.value
        if not isinstance(target, Ref):
            return VALUE
        return target.min_row if node.name == "ROW" else target.min_col

    def _call(self, node: Call, sheet: str) -> object:
        if node.name == "IF":
            condition = self._scalar(node.args[0], sheet)
            if isinstance(condition, ExcelError):
                return condition
            truth = condition if isinstance(condition, bool) else to_number(condition)
            if isinstance(truth, ExcelError):
                return truth
            branch = node.args[1] if truth else (node.args[2] if len(node.args) > 2 else Const(False))
            value = self._eval(branch, sheet)
            return 0 if value is None and isinstance(branch, Ref) else value  # IF(x,A1) of a blank A1 is 0
        if node.name in ("ROW", "COLUMN"):
            return self._position(node)
        if node.name == "IFERROR":
            value = self._scalar(node.args[0], sheet)
            return self._scalar(node.args[1], sheet) if isinstance(value, ExcelError) else value
        function = FUNCTIONS.get(node.name)
        if function is None:
            raise FormulaError(f"The function {node.name} is not supported by the evaluator")
        return function(*(self._eval(arg, sheet) for arg in node.args))

