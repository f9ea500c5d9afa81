"""Excel's values and the worksheet functions the evaluator knows, with Excel's semantics.

Blank cells are None; errors are `ExcelError` values that propagate; a range argument
is a `Grid` (rows of values). Only the functions budgetbook writes, and their close
relatives, are here; an unknown function is a `FormulaError`, never a guess.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from budgetbook.errors import FormulaError


class ExcelError(str):
    """An Excel error value such as #DIV/0!; it propagates through arithmetic."""


DIV0 = ExcelError("#DIV/0!")
VALUE = ExcelError("#VALUE!")
NA = ExcelError("#N/A")


@dataclass(frozen=True)
class Grid:
    """The values of a range, row by row."""

    rows: tuple[tuple[object, ...], ...]

    def values(self) -> Iterator[object]:
        for row in self.rows:
            yield from row

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.rows), len(self.rows[0]) if self.rows else 0


def to_number(value: object) -> float | int | ExcelError:
    """A value as Excel's arithmetic sees it: blank is 0, TRUE is 1, numeric text is its number."""
    if isinstance(value, ExcelError):
        return value
    if value is None:
        return 0
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, Grid):
        first = next(value.values(), None)
        return to_number(first)
    try:
        return float(str(value).strip())
    except ValueError:
        return VALUE


def to_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def compare(op: str, left: object, right: object) -> bool | ExcelError:
    """Excel comparison: blank equals 0 and "", text compares without case, text sorts after numbers."""
    for side in (left, right):
        if isinstance(side, ExcelError):
            return side
    left, right = _comparable(left, right), _comparable(right, left)
    rank_l, rank_r = _rank(left), _rank(right)
    if rank_l != rank_r:
        a, b = rank_l, rank_r
    else:
        a, b = left, right
    return {"=": a == b, "<>": a != b, "<": a < b, ">": a > b, "<=": a <= b, ">=": a >= b}[op]


def _comparable(value: object, other: object) -> object:
    if value is None:
        return "" if isinstance(other, str) else (False if isinstance(other, bool) else 0)
    if isinstance(value, str):
        return value.lower()
    return value


def _rank(value: object) -> int:
    return 2 if isinstance(value, bool) else 1 if isinstance(value, str) else 0


def arithmetic(op: str, left: object, right: object) -> object:
    a, b = to_number(left), to_number(right)
    if isinstance(a, ExcelError):
        return a
    if isinstance(b, ExcelError):
        return b
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return DIV0 if b == 0 else a / b
    if op == "^":
        return a ** b
    raise FormulaError(f"Unsupported operator {op!r}")


def _numbers(args: tuple[object, ...]) -> Iterator[float | int | ExcelError]:
    """The numbers of SUM-like arguments: numbers in ranges count, text and blanks in ranges do not."""
    for arg in args:
        if isinstance(arg, Grid):
            for value in arg.values():
                if isinstance(value, ExcelError):
                    yield value
                elif isinstance(value, (int, float)) and not isinstance(value, bool):
                    yield value
        else:
            yield to_number(arg)


def _aggregate(fn: Callable[[list[float]], object], empty: object = 0) -> Callable[..., object]:
    def apply(*args: object) -> object:
        values = []
        for number in _numbers(args):
            if isinstance(number, ExcelError):
                return number
            values.append(number)
        return fn(values) if values else empty
    return apply


def _round(value: object, digits: object = 0) -> object:
    number, places = to_number(value), to_number(digits)
    if isinstance(number, ExcelError):
        return number
    if isinstance(places, ExcelError):
        return places
    factor = 10 ** int(places)
    rounded = math.floor(abs(number) * factor + 0.5 + 1e-9) / factor  # Excel rounds half away from zero
    return math.copysign(rounded, number) if number else 0


_CRITERION = re.compile(r"^(<=|>=|<>|<|>|=)?(.*)$", re.DOTALL)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def wildcard_pattern(text: str) -> re.Pattern[str] | None:
    """A criterion's text as a whole-cell pattern when it holds a wildcard: * any run, ? one character,
    ~ and a character that character itself (~*, ~?, ~~). None when the text has none of them."""
    if not any(c in text for c in "*?~"):
        return None
    parts, index = [], 0
    while index < len(text):
        char = text[index]
        if char == "~" and index + 1 < len(text):
            parts.append(re.escape(text[index + 1]))
            index += 2
            continue
        parts.append(".*" if char == "*" else "." if char == "?" else re.escape(char))
        index += 1
    return re.compile("".join(parts), re.IGNORECASE | re.DOTALL)


def _matcher(criterion: object) -> Callable[[object], bool]:
    """A SUMIFS/COUNTIFS criterion as Excel reads it.

    - A number (or a reference to one) matches equal numbers. An empty criterion cell counts as 0.
    - Text may start with = <> < > <= >=. After = or <> (or alone) it matches text cells without case,
      the whole cell, with the wildcards * and ? (~ before a character: that character itself), and,
      when it reads as a number ("5", "=5"), numbers equal to it; <> is everything else, blanks
      included. "=" alone or "" matches blank cells, "<>" every other cell. < > <= >= compare numbers
      with a number ("<5"), text with text. TRUE and FALSE match booleans.

    Where LibreOffice differs from Excel, this follows Excel: wildcards and text match text cells only
    (LibreOffice lets "1*" match the number 12), booleans are no numbers, and text orders by character
    code (Excel and LibreOffice sort punctuation by their own collation).
    """
    if criterion is None:
        criterion = 0
    if isinstance(criterion, bool):
        return lambda v: isinstance(v, bool) and v == criterion
    if _is_number(criterion):
        return lambda v: _is_number(v) and v == criterion
    op, operand = _CRITERION.match(str(criterion)).groups()  # type: ignore[union-attr]
    op = op or "="
    if operand.upper() in ("TRUE", "FALSE"):
        truth = operand.upper() == "TRUE"
        return lambda v: isinstance(v, bool) and compare(op, v, truth) is True
    try:
        number: float | None = float(operand)
    except ValueError:
        number = None
    if op in ("=", "<>"):
        same = _equal_to(operand, number)
        return same if op == "=" else (lambda v: not same(v))
    if number is not None:
        return lambda v: _is_number(v) and compare(op, v, number) is True
    return lambda v: isinstance(v, str) and compare(op, v, operand) is True


def _equal_to(operand: str, number: float | None) -> Callable[[object], bool]:
    """What "=operand" matches: blank for "", else text by pattern or without case, numbers by value."""
    if operand == "":
        return lambda v: v is None or v == ""
    pattern = wildcard_pattern(operand)
    needle = operand.lower()

    def same(v: object) -> bool:
        if isinstance(v, str):
            return pattern.fullmatch(v) is not None if pattern is not None else v.lower() == needle
        return number is not None and _is_number(v) and v == number
    return same


def _ifs_mask(pairs: tuple[object, ...], shape: tuple[int, int]) -> list[bool] | ExcelError:
    if len(pairs) % 2:
        return VALUE
    mask = [True] * (shape[0] * shape[1])
    for range_, criterion in zip(pairs[::2], pairs[1::2]):
        if not isinstance(range_, Grid) or range_.shape != shape:
            return VALUE
        if isinstance(criterion, ExcelError):
            return criterion
        match = _matcher(criterion)
        mask = [m and match(v) for m, v in zip(mask, range_.values())]
    return mask


def _sumifs(sum_range: object, *pairs: object) -> object:
    if not isinstance(sum_range, Grid):
        return VALUE
    mask = _ifs_mask(pairs, sum_range.shape)
    if isinstance(mask, ExcelError):
        return mask
    total: float = 0
    for keep, value in zip(mask, sum_range.values()):
        if keep and isinstance(value, (int, float)) and not isinstance(value, bool):
            total += value
        elif keep and isinstance(value, ExcelError):
            return value
    return total


def _countifs(*pairs: object) -> object:
    if not pairs or not isinstance(pairs[0], Grid):
        return VALUE
    mask = _ifs_mask(pairs, pairs[0].shape)
    return mask if isinstance(mask, ExcelError) else sum(mask)


def _scalar(value: object) -> object:
    return next(value.values(), None) if isinstance(value, Grid) else value


def _truth(value: object) -> bool | ExcelError:
    value = _scalar(value)
    if isinstance(value, ExcelError):
        return value
    if isinstance(value, str):
        return VALUE if value.upper() not in ("TRUE", "FALSE") else value.upper() == "TRUE"
    return bool(value)


def _and(*args: object) -> object:
    truths = [_truth(a) for a in args]
    return next((t for t in truths if isinstance(t, ExcelError)), all(truths))


def _or(*args: object) -> object:
    truths = [_truth(a) for a in args]
    return next((t for t in truths if isinstance(t, ExcelError)), any(truths))


def _abs(value: object) -> object:
    number = to_number(_scalar(value))
    return number if isinstance(number, ExcelError) else abs(number)


def _address(row: object, col: object, kind: object = 1, a1: object = True, sheet: object = None) -> object:
    """ADDRESS(row, column, [abs 1-4], [A1], [sheet]): "$F$14", "F14" (4), "'Udvalg ØU'!F14"."""
    numbers = [to_number(_scalar(v)) for v in (row, col, 1 if kind is None else kind)]
    for number in numbers:
        if isinstance(number, ExcelError):
            return number
    r, c, k = (int(n) for n in numbers)
    if not (1 <= r <= 1_048_576 and 1 <= c <= 16_384 and 1 <= k <= 4):
        return VALUE
    if _scalar(a1) is False:
        raise FormulaError("ADDRESS in R1C1 style is not supported by the evaluator")
    letters = ""
    n = c
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(65 + rest) + letters
    text = f"{'$' if k in (1, 3) else ''}{letters}{'$' if k in (1, 2) else ''}{r}"
    sheet = _scalar(sheet)
    if sheet in (None, ""):
        return text
    name = str(sheet)
    if not re.match(r"^[^\W\d]\w*$", name):
        name = "'" + name.replace("'", "''") + "'"
    return f"{name}!{text}"


# Functions whose arguments are evaluated before the call. IF and IFERROR are lazy: see engine.
FUNCTIONS: dict[str, Callable[..., object]] = {
    "SUM": _aggregate(sum),
    "MIN": _aggregate(min),
    "MAX": _aggregate(max),
    "AVERAGE": _aggregate(lambda v: sum(v) / len(v), DIV0),
    "COUNT": lambda *args: sum(1 for n in _numbers(args) if not isinstance(n, ExcelError)),
    "ROUND": _round,
    "ABS": _abs,
    "SUMIFS": _sumifs,
    "SUMIF": lambda range_, criterion, sum_range=None: _sumifs(sum_range if sum_range is not None else range_,
                                                              range_, criterion),
    "COUNTIFS": _countifs,
    "COUNTIF": _countifs,
    "AND": _and,
    "OR": _or,
    "NOT": lambda value: (lambda t: t if isinstance(t, ExcelError) else not t)(_truth(value)),
    "ISBLANK": lambda value: _scalar(value) is None,
    "ISNUMBER": lambda value: isinstance(_scalar(value), (int, float)) and not isinstance(_scalar(value), bool),
    "CONCATENATE": lambda *args: "".join(to_text(_scalar(a)) for a in args),
    "ADDRESS": _address,
}
