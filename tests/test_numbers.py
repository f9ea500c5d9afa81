"""Danish number parsing: table-driven cases, errors that say where, and round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetbook.errors import NumberError
from budgetbook.model import Provenance
from importers.numbers import format_number, parse_number, parse_percent


@pytest.mark.parametrize(("text", "expected"), [
    ("15.036", 15036),
    ("-1.500", -1500),
    ("+4", 4),
    ("-1", -1),
    ("1,3", 1.3),
    ("5.000", 5000),
    ("1.234.567,5", 1234567.5),
    ("(300)", -300),
    ("\u22121.500", -1500),
    ("\u2013 250", -250),
    ("1\u00a0500", 1500),
    ("\u00a0700\u00a0", 700),
    ("50.190.100 kr.", 50190100),
    ("kr. 2.000", 2000),
    ("0", 0),
    ("", None),
    ("   ", None),
    ("-", None),
    (None, None),
    (700, 700),
    (0.5, 0.5),
    ("771.24\n0", 771240),  # a narrow PDF cell wrapped the number inside a group of thousands
    ("-41.9\n50", -41950),
])
def test_parse_number(text: object, expected: object) -> None:
    assert parse_number(text) == expected


@pytest.mark.parametrize(("text", "expected"), [("0,4%", 0.4), ("41,3 %", 41.3), ("-2,5%", -2.5), ("12", 12), ("", None)])
def test_parse_percent(text: str, expected: object) -> None:
    assert parse_percent(text) == expected


@pytest.mark.parametrize("text", ["l.234,00", "1.5", "12.34", "abc", "800, 000", "1,2,3", "0,4%", "1..000", "--5", True,
                                  "1,5\n2", "12\n13"])
def test_unreadable_numbers_name_the_place(text: object) -> None:
    where = Provenance("forslag.pdf", 3, 14)
    with pytest.raises(NumberError) as error:
        parse_number(text, where)
    assert "forslag.pdf, page 3, line 14" in str(error.value)
    assert "Expected" in str(error.value)


@given(st.integers(min_value=-10**12, max_value=10**12))
def test_whole_numbers_round_trip(value: int) -> None:
    assert parse_number(format_number(value)) == value


@given(st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False, allow_infinity=False))
def test_decimals_round_trip(value: Decimal) -> None:
    text = format_number(float(value), 2)
    assert parse_number(text) == pytest.approx(float(value), abs=1e-9)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["\u00a0", "\u202f", " ", ""]))
def test_padding_and_signs(value: int, pad: str) -> None:
    text = format_number(value)
    assert parse_number(f"{pad}{text}{pad}") == value
    assert parse_number(f"-{text}") == -value
    assert parse_number(f"\u2212{text}") == -value
    assert parse_number(f"({text})") == -value
    assert parse_number(f"+{text}") == value


@given(st.integers(min_value=0, max_value=1000), st.integers(min_value=0, max_value=9))
def test_percentages(whole: int, tenth: int) -> None:
    assert parse_percent(f"{whole},{tenth}%") == pytest.approx(whole + tenth / 10)


@given(st.text(alphabet="abcxyzæøå!?#", min_size=1, max_size=6))
def test_letters_are_never_numbers(text: str) -> None:
    with pytest.raises(NumberError):
        parse_number(text)
