"""What a cell shows, as text, so its column can be sized before any formula is computed.

A number is shown as its named style's number format shows it, the Danish way; a formula's
value is estimated from the layout where it links to another cell or adds cells up, and is
otherwise taken as wide as its number format is likely to show.
"""

from __future__ import annotations

from collections.abc import Iterable

from budgetbook.errors import FormulaError
from workbook.formula_parser import Binary, Call, Const, Node, Ref, Unary, parse_formula
from workbook.layout import BookLayout, Cell, Formula, Style

# Tuples, not sets: a style is an Enum, whose hash is computed in Python, and this runs per cell.
INTEGER_STYLES = (Style.AMOUNT, Style.TOTAL_AMOUNT, Style.STATED)
PERCENT_STYLES = (Style.PCT, Style.TOTAL_PCT)
DECIMAL_STYLES = (Style.DECIMAL, Style.STATED_DECIMAL)
# What a formula of unknown result may show: up to a billion kroner in 1.000 kr., a percentage.
MAX_CELLS = 1000  # a sum over more cells is not added up to estimate its width
UNKNOWN_RESULT = {**dict.fromkeys(INTEGER_STYLES, -999_999), **dict.fromkeys(PERCENT_STYLES, -1.0),
                  **dict.fromkeys(DECIMAL_STYLES, -9_999.99)}


def number_text(value: float, style: Style | None) -> str:
    """A number as the style's number format shows it, the Danish way ("-1.234", "0,4%", "2,45")."""
    if style in INTEGER_STYLES:
        text = f"{round(value):,}"
    elif style in PERCENT_STYLES:
        text = f"{value * 100:,.1f}%"
    elif style in DECIMAL_STYLES:
        text = f"{value:,.2f}"
        text = text[:-1] if text.endswith("0") else text
    else:
        text = f"{value:.10g}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


class FormulaEstimates:
    """What a cell shows, as text, to size its column: a formula's value is estimated from the
    layout where it is a link to another cell or a sum of cells; otherwise it is taken as large
    as its number format is likely to show (a billion kroner in 1.000 kr., -100,0 %)."""

    MAX_DEPTH = 6

    def __init__(self, book: BookLayout) -> None:
        self.sheets = {sheet.name: sheet for sheet in book.sheets}
        self._memo: dict[tuple[str, int, int], object] = {}

    def shown(self, sheet: str, cell: Cell) -> str | None:
        value = cell.value
        if isinstance(value, Formula):
            value = self._formula(sheet, value, 0)
            if value is None:
                value = UNKNOWN_RESULT.get(cell.style)  # type: ignore[arg-type]
        if value is None or isinstance(value, bool):
            return None
        if isinstance(value, (int, float)):
            return number_text(value, cell.style)
        return str(value)

    def _formula(self, sheet: str, formula: Formula, depth: int) -> object:
        if "(" in formula.expr and not formula.expr.startswith("SUM("):
            return None  # IF, SUMIFS, ...: not worth parsing, their result is taken as wide as it may be
        try:
            node = parse_formula(str(formula))
        except (FormulaError, ValueError):
            return None
        return self._node(sheet, node, depth)

    def _node(self, sheet: str, node: Node, depth: int) -> object:
        if depth > self.MAX_DEPTH:
            return None
        if isinstance(node, Const):
            return node.value
        if isinstance(node, Ref) and node.is_cell:
            return self._cell(node.sheet or sheet, node.min_row, node.min_col, depth + 1)
        if isinstance(node, Unary) and node.op == "-":
            inner = self._node(sheet, node.operand, depth + 1)
            return -inner if isinstance(inner, (int, float)) else None
        if isinstance(node, Binary) and node.op in "+-":
            return _magnitude([self._node(sheet, side, depth + 1) for side in (node.left, node.right)])
        if isinstance(node, Call) and node.name.upper() == "SUM":
            return _magnitude(self._refs(sheet, node.args, depth + 1))
        return None

    def _refs(self, sheet: str, args: Iterable[Node], depth: int) -> list[object]:
        found: list[object] = []
        for arg in args:
            if isinstance(arg, Ref):
                if (arg.max_row - arg.min_row + 1) * (arg.max_col - arg.min_col + 1) > MAX_CELLS:
                    return [None]  # too many to add up for a width: taken as wide as it may be
                home = arg.sheet or sheet
                found.extend(self._cell(home, row, col, depth) for row in range(arg.min_row, arg.max_row + 1)
                             for col in range(arg.min_col, arg.max_col + 1))
            else:
                found.append(self._node(sheet, arg, depth))
        return found

    def _cell(self, sheet: str, row: int, col: int, depth: int) -> object:
        key = (sheet, row, col)
        if key not in self._memo:
            layout = self.sheets.get(sheet)
            cell = layout.cells.get((row, col)) if layout else None
            self._memo[key] = None  # a cycle estimates to nothing
            value = cell.value if cell else None
            self._memo[key] = self._formula(sheet, value, depth) if isinstance(value, Formula) else value
        return self._memo[key]


def _magnitude(values: list[object]) -> float | None:
    """An upper bound of a sum or difference: the sum of the terms' sizes (None when one is unknown)."""
    numbers = [v for v in values if v not in (None, "")]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in numbers):
        return None
    return -sum(abs(v) for v in numbers)  # type: ignore[arg-type] # negative: the widest it can show
