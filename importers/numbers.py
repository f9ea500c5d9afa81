"""Danish number text to numbers: "15.036" = 15036, "0,4%" = 0.4, "(300)" = -300.

One parser for every importer. It never guesses: text that is not a number in the
Danish convention (dot groups thousands, comma marks decimals) raises `NumberError`
naming where it was read.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation

from budgetbook.errors import NumberError
from budgetbook.model import Number, Provenance

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " "})
_MINUS_SIGNS = ("-", "\u2212", "\u2013", "\u2014", "\u00f7")  # ÷ is how some lists write minus
_BLANKS = {"", "-", "\u2013", "\u2212"}
# 15.036 | 1.234.567,5 | 1 500 | 0,4 | 700
_BODY = re.compile(r"\d{1,3}(?:([.  ])\d{3})?(?:\1\d{3})*(?:,\d+)?|\d+(?:,\d+)?")
_UNIT = re.compile(r"^(?:kr\.?\s*)?(?P<n>.*?)(?:\s*(?:kr\.?|t\.kr\.?|mio\.? kr\.?))?$", re.IGNORECASE | re.DOTALL)


def parse_number(value: object, where: Provenance | str | None = None, *, percent: bool = False) -> Number | None:
    """Read a Danish number; None for a blank cell.

    `percent=True` accepts (and requires nothing more than) a trailing "%": "0,4%" -> 0.4.
    Numbers already typed by a spreadsheet (int/float) pass through unchanged.
    """
    if value is None:
        return None
    if isinstance(value, bool):
        raise NumberError(f"Cannot read {value!r} as a number", where, hint="Expected an amount, not TRUE/FALSE.")
    if isinstance(value, (int, float)):
        return _tidy(Decimal(str(value)))
    raw = str(value)
    number = _parse_text(raw, percent)
    if number is _UNREADABLE:
        expected = "a percentage like 0,4%" if percent else "a number like 1.234 or 1,5"
        raise NumberError(f"Cannot read {raw.strip()!r} as a number", where,
                          hint=f"Expected {expected} (dot for thousands, comma for decimals).")
    return number  # type: ignore[return-value]


_UNREADABLE = object()
# A number a narrow PDF cell wrapped inside a group of thousands ("771.24" + "0"): the break is no space.
_WRAPPED = re.compile(r"(\.\d{1,2})[ \t]*\n[ \t]*(?=\d)")


@functools.lru_cache(maxsize=65536)
def _parse_text(raw: str, percent: bool) -> Number | None | object:
    """The number a text holds, None for a blank, or _UNREADABLE; cached, as a list repeats its amounts."""
    if _WRAPPED.search(raw):
        unwrapped = _parse_text(_WRAPPED.sub(r"\1", raw), percent)
        if unwrapped is not _UNREADABLE:
            return unwrapped
    text = raw.translate(_SPACES).strip()
    if text in _BLANKS:
        return None
    if percent and text.endswith("%"):
        text = text[:-1].rstrip()
    text = _UNIT.match(text).group("n")  # type: ignore[union-attr]
    negative = False
    if text.startswith("(") and text.endswith(")"):
        negative, text = True, text[1:-1].strip()
    if text.startswith(_MINUS_SIGNS):
        negative, text = not negative, text[1:].lstrip()
    elif text.startswith("+"):
        text = text[1:].lstrip()
    if not _BODY.fullmatch(text):
        return _UNREADABLE
    digits = text.replace(".", "").replace(" ", "").replace(",", ".")
    try:
        number = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the pattern admits only digits
        return _UNREADABLE
    return _tidy(-number if negative else number)


def is_number(value: object) -> bool:
    """Whether a cell reads as a Danish number (a blank does not)."""
    if isinstance(value, str):
        return _parse_text(value, False) not in (None, _UNREADABLE)
    try:
        return parse_number(value) is not None
    except NumberError:
        return False


def parse_percent(value: object, where: Provenance | str | None = None) -> Number | None:
    """Read a percentage as its number of percent: "0,4%" -> 0.4; a spreadsheet's 0.004 stays 0.004."""
    return parse_number(value, where, percent=True)


def _tidy(number: Decimal) -> Number:
    if number == number.to_integral_value():
        return int(number)
    return float(number)


def format_number(value: Number, decimals: int = 0) -> str:
    """Write a number the Danish way: 15036 -> "15.036", -1.5 -> "-1,5" (used by samples and messages)."""
    text = f"{abs(value):,.{decimals}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"-{text}" if value < 0 and float(text.replace(".", "").replace(",", ".")) != 0 else text
