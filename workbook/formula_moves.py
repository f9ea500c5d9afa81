"""Moving a formula as Excel moves it: to another cell (a shared formula), past inserted rows.

Excel saves a column of alike formulas as one shared formula: the first cell holds the
text, the others only point at it, and each cell's own formula is that text moved by
the cell's offset. `shift_formula` does the move with one regular expression over the
text (string literals and quoted sheet names are left alone); text it does not fully
understand (whole rows or columns, structured or external references) goes through
openpyxl's Translator, which is exact but about twenty times slower.
"""

from __future__ import annotations

import re

from openpyxl.formula.translate import Translator
from openpyxl.utils.cell import column_index_from_string, get_column_letter

_PIECES = re.compile(
    r'"(?:[^"]|"")*"'                    # a string literal
    r"|'(?:[^']|'')*'!"                  # a quoted sheet name
    r"|(?<![A-Za-z0-9_.\\])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(!\\])"  # a cell reference
)
_HARD = re.compile(r"\[|(?<![A-Za-z0-9_$])\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}(?![A-Za-z0-9_(])|(?<![A-Za-z0-9_.$])\$?\d+:\$?\d+")
MAX_ROW, MAX_COL = 1_048_576, 16_384


def shift_formula(text: str, rows: int, cols: int) -> str:
    """`text` (without "=") as it reads `rows` rows down and `cols` columns right of where it was written."""
    if rows == 0 and cols == 0:
        return text
    if _HARD.search(_without_literals(text)):
        return _translate(text, rows, cols)

    def move(match: re.Match[str]) -> str:
        if match.group(2) is None:
            return match.group(0)
        col_abs, letters, row_abs, digits = match.groups()
        try:
            col = column_index_from_string(letters.upper())
        except ValueError:
            return match.group(0)
        row = int(digits)
        if col > MAX_COL or row > MAX_ROW:
            return match.group(0)  # a name such as LOG10, not a reference
        new_col = col if col_abs else col + cols
        new_row = row if row_abs else row + rows
        if not (1 <= new_col <= MAX_COL and 1 <= new_row <= MAX_ROW):
            return "#REF!"
        return f"{col_abs}{get_column_letter(new_col)}{row_abs}{new_row}"

    return _PIECES.sub(move, text)


def _without_literals(text: str) -> str:
    return re.sub(r'"(?:[^"]|"")*"', '""', text)


def _translate(text: str, rows: int, cols: int) -> str:
    origin = "A1" if rows >= 0 and cols >= 0 else f"{get_column_letter(max(1, 1 - cols))}{max(1, 1 - rows)}"
    row, col = int(origin[len(origin.rstrip("0123456789")):]), column_index_from_string(origin.rstrip("0123456789"))
    target = f"{get_column_letter(col + cols)}{row + rows}"
    return Translator(f"={text}", origin=origin).translate_formula(target)[1:]


_REFERENCES = re.compile(
    r'"(?:[^"]|"")*"'                                                     # a string literal
    r"|(?<![\w.$])((?:'(?:[^']|'')+'|[^\W\d][\w.]*)!)?"                    # an optional sheet
    r"(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\w(!])")


def rows_inserted(text: str, home: str, sheet: str, at: int, count: int) -> str:
    """`text` (a formula on sheet `home`) after `count` rows were inserted into `sheet` at row `at`.

    References to rows from `at` down move down; a range that reaches the row above `at` grows
    over the new rows, as a SUM over a table grows when rows are added at its end. Absolute
    references move too, as in Excel.
    """
    def move(match: re.Match[str]) -> str:
        if match.group(3) is None:
            return match.group(0)  # a string literal
        prefix = match.group(1)
        target = home if prefix is None else _unquote(prefix[:-1])
        if target != sheet:
            return match.group(0)
        c1_abs, c1, r1_abs, r1 = match.group(2), match.group(3), match.group(4), int(match.group(5))
        if match.group(9) is None:
            row = r1 + count if r1 >= at else r1
            return f"{prefix or ''}{c1_abs}{c1}{r1_abs}{row}"
        c2_abs, c2, r2_abs, r2 = match.group(6), match.group(7), match.group(8), int(match.group(9))
        low, high = min(r1, r2), max(r1, r2)
        if low >= at:
            low, high = low + count, high + count
        elif high >= at - 1:
            high += count
        return f"{prefix or ''}{c1_abs}{c1}{r1_abs}{low}:{c2_abs}{c2}{r2_abs}{high}"

    return _REFERENCES.sub(move, text)


def _unquote(name: str) -> str:
    return name[1:-1].replace("''", "'") if name.startswith("'") else name
