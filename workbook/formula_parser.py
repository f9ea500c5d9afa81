"""Excel formula text to a small syntax tree, on openpyxl's formula tokenizer.

The tree has five node types: `Const`, `Ref` (a cell or a range, maybe on another
sheet), `Unary`, `Binary` and `Call`. Parsing is cached by formula text; budgetbook
writes formulas of few shapes, and references are resolved at evaluation time.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from openpyxl.formula.tokenizer import Token, Tokenizer
from openpyxl.utils.cell import column_index_from_string

from budgetbook.errors import FormulaError


@dataclass(frozen=True)
class Const:
    value: object


@dataclass(frozen=True)
class Ref:
    sheet: str | None
    min_row: int
    min_col: int
    max_row: int
    max_col: int
    span: bool = False  # written as a range ("F6:F6"), so it stays a range even of one cell

    @property
    def is_cell(self) -> bool:
        return not self.span and self.min_row == self.max_row and self.min_col == self.max_col


@dataclass(frozen=True)
class Unary:
    op: str
    operand: Node


@dataclass(frozen=True)
class Binary:
    op: str
    left: Node
    right: Node


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Node, ...]


Node = Const | Ref | Unary | Binary | Call

_PRECEDENCE = {"=": 1, "<>": 1, "<": 1, ">": 1, "<=": 1, ">=": 1, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4, "^": 5}
_CELL = re.compile(r"^\$?([A-Z]{1,3})\$?(\d+)$")
_ERRORS = {"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"}


@lru_cache(maxsize=4096)
def parse_formula(text: str) -> Node:
    """Parse "=SUM(A1:A3)" (with or without "=") to a tree; `FormulaError` for what it cannot read."""
    formula = text if text.startswith("=") else f"={text}"
    try:
        tokens = [t for t in Tokenizer(formula).items if t.type != Token.WSPACE]
    except Exception as exc:  # the tokenizer raises bare TokenizerError/ValueError
        raise FormulaError(f"Cannot read formula {text!r}: {exc}") from exc
    parser = _Parser(tokens, text)
    node = parser.expression(0)
    if parser.position != len(tokens):
        raise FormulaError(f"Unexpected {tokens[parser.position].value!r} in formula {text!r}")
    return node


def parse_ref(text: str) -> Ref:
    """'CJS'!F5:F9, F5, $B$2 -> Ref; whole columns and rows are not written by budgetbook."""
    sheet = None
    if "!" in text:
        sheet_part, text = text.rsplit("!", 1)
        sheet = sheet_part[1:-1].replace("''", "'") if sheet_part.startswith("'") else sheet_part
    first, _, last = text.partition(":")
    r1, c1 = _cell(first)
    r2, c2 = _cell(last) if last else (r1, c1)
    return Ref(sheet, min(r1, r2), min(c1, c2), max(r1, r2), max(c1, c2), bool(last))


def _cell(text: str) -> tuple[int, int]:
    match = _CELL.match(text.upper())
    if not match:
        raise FormulaError(f"Unsupported reference {text!r} (only cells and ranges like A1:B9)")
    return int(match.group(2)), column_index_from_string(match.group(1))


class _Parser:
    """Precedence climbing over the token list."""

    def __init__(self, tokens: list[Token], text: str) -> None:
        self.tokens = tokens
        self.text = text
        self.position = 0

    def peek(self) -> Token | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def take(self) -> Token:
        token = self.peek()
        if token is None:
            raise FormulaError(f"Formula {self.text!r} ends too early")
        self.position += 1
        return token

    def expression(self, min_precedence: int) -> Node:
        left = self.unary()
        while (token := self.peek()) is not None and token.type == Token.OP_IN:
            precedence = _PRECEDENCE.get(token.value)
            if precedence is None:
                raise FormulaError(f"Unsupported operator {token.value!r} in {self.text!r}")
            if precedence < min_precedence:
                break
            self.take()
            right = self.expression(precedence + 1)  # every Excel operator is left-associative, ^ too
            left = Binary(token.value, left, right)
        return left

    def unary(self) -> Node:
        token = self.peek()
        if token is not None and token.type == Token.OP_PRE:
            self.take()
            return Unary(token.value, self.unary())
        node = self.primary()
        while (token := self.peek()) is not None and token.type == Token.OP_POST:
            self.take()
            node = Binary("/", node, Const(100))
        return node

    def primary(self) -> Node:
        token = self.take()
        if token.type == Token.OPERAND:
            return self.operand(token)
        if token.type == Token.PAREN and token.subtype == Token.OPEN:
            node = self.expression(0)
            self.expect_close()
            return node
        if token.type == Token.FUNC and token.subtype == Token.OPEN:
            name = token.value[:-1].upper().removeprefix("_XLFN.")
            args: list[Node] = []
            if (nxt := self.peek()) is not None and nxt.type == Token.FUNC and nxt.subtype == Token.CLOSE:
                self.take()
                return Call(name, ())
            while True:
                nxt = self.peek()
                if nxt is not None and nxt.type == Token.SEP:
                    args.append(Const(None))  # an empty argument
                else:
                    args.append(self.expression(0))
                closing = self.take()
                if closing.type == Token.FUNC and closing.subtype == Token.CLOSE:
                    return Call(name, tuple(args))
                if closing.type != Token.SEP:
                    raise FormulaError(f"Unexpected {closing.value!r} in {self.text!r}")
        raise FormulaError(f"Unexpected {token.value!r} in {self.text!r}")

    def expect_close(self) -> None:
        token = self.take()
        if token.subtype != Token.CLOSE:
            raise FormulaError(f"Missing ')' in {self.text!r}")

    def operand(self, token: Token) -> Node:
        if token.subtype == Token.NUMBER:
            number = float(token.value)
            return Const(int(number) if number.is_integer() and "." not in token.value and "E" not in token.value.upper() else number)
        if token.subtype == Token.TEXT:
            return Const(token.value[1:-1].replace('""', '"'))
        if token.subtype == Token.LOGICAL:
            return Const(token.value.upper() == "TRUE")
        if token.subtype == Token.ERROR or token.value in _ERRORS:
            from workbook.excel_functions import ExcelError
            return Const(ExcelError(token.value))
        return parse_ref(token.value)
