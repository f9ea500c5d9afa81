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


def _matcher(criterion: object) -> Callable[[object], bool]:
    """A COUNTIF/SUMIFS criterion: a value (equality, no case) or text like ">5" or "<>x"."""
    if isinstance(criterion, str):
        op, operand = _CRITERION.match(criterion).groups()  # type: ignore[union-attr]
        op = op or "="
        try:
            target: object = float(operand.replace(",", ".")) if operand.strip() else operand
        except ValueError:
            target = operand
        if isinstance(target, str):
            needle = target.lower()
            if op == "=":
                return lambda v: (v is None and needle == "") or (isinstance(v, str) and v.lower() == needle)
            if op == "<>":
                return lambda v: not ((v is None and needle == "") or (isinstance(v, str) and v.lower() == needle))
            return lambda v: isinstance(v, str) and compare(op, v, target) is True
        return lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and compare(op, v, target) is True
    if criterion is None:
        return lambda v: v is None or v == ""
    return lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and v == criterion


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
}
