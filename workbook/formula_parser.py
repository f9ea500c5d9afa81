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


@dataclass(frozen=True)
class _Slot:
    """Where the n-th reference of a formula goes in the tree of its shape."""

    index: int


@lru_cache(maxsize=4096)
def parse_formula(text: str) -> Node:
    """Parse "=SUM(A1:A3)" (with or without "=") to a tree; `FormulaError` for what it cannot read.

    Formulas of one shape (IF(J6=0,"",F6/J6) down a column) are parsed once: the references are
    taken out by one regular expression, the rest is parsed and kept, and each formula gets the
    kept tree with its own references put in.
    """
    formula = text[1:] if text.startswith("=") else text
    refs: list[str] = []

    def take(match: re.Match[str]) -> str:
        if match.group(1) is None:
            return match.group(0)  # a string literal
        refs.append(match.group(1))
        return f"\x00{len(refs) - 1}\x00"

    shape = _SHAPE_REFS.sub(take, formula)
    tree = _parse_shape(shape) if refs else None
    if tree is None:
        return _parse_text(text)
    return _fill(tree, tuple(parse_ref(ref) for ref in refs))


_SHAPE_REFS = re.compile(r'"(?:[^"]|"")*"|(?<![\w.$\x00])((?:(?:\'(?:[^\']|\'\')+\'|[^\W\d][\w.]*)!)?'
                         r"\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?![\w(:!])")


@lru_cache(maxsize=1024)
def _parse_shape(shape: str) -> Node | None:
    """The tree of a formula whose references are slots; None for what only openpyxl's tokenizer reads."""
    tokens = quick_tokens(shape)
    if tokens is None:
        return None
    try:
        parser = _Parser(tokens, shape)
        node = parser.expression(0)
    except FormulaError:
        return None
    return node if parser.position == len(tokens) else None


def _fill(node: object, refs: tuple[Ref, ...]) -> Node:
    if isinstance(node, _Slot):
        return refs[node.index]
    if isinstance(node, Const):
        return node
    if isinstance(node, Unary):
        return Unary(node.op, _fill(node.operand, refs))
    if isinstance(node, Binary):
        return Binary(node.op, _fill(node.left, refs), _fill(node.right, refs))
    if isinstance(node, Call):
        return Call(node.name, tuple(_fill(arg, refs) for arg in node.args))
    return node  # type: ignore[return-value]


def _parse_text(text: str) -> Node:
    formula = text if text.startswith("=") else f"={text}"
    tokens = quick_tokens(formula[1:])
    if tokens is None:
        try:
            tokens = [t for t in Tokenizer(formula).items if t.type != Token.WSPACE]
        except Exception as exc:  # the tokenizer raises bare TokenizerError/ValueError
            raise FormulaError(f"Cannot read formula {text!r}: {exc}") from exc
    parser = _Parser(tokens, text)
    node = parser.expression(0)
    if parser.position != len(tokens):
        raise FormulaError(f"Unexpected {tokens[parser.position].value!r} in formula {text!r}")
    return node


_ERROR_CODES = r"#NULL!|#DIV/0!|#VALUE!|#REF!|#NAME\?|#NUM!|#N/A"
_SHEET = r"(?:'(?:[^']|'')+'|[^\W\d][\w.]*)!"
_A1 = r"\$?[A-Za-z]{1,3}\$?\d+"
_QUICK = re.compile(
    r"\s*(?:"
    r'(?P<text>"(?:[^"]|"")*")'
    rf"|(?P<ref>(?:{_SHEET})?(?:{_A1}(?::{_A1})?|#REF!)(?![\w(:!])|\x00\d+\x00)"
    rf"|(?P<error>{_ERROR_CODES})"
    r"|(?P<func>[A-Za-z_][\w.]*\()"
    r"|(?P<logical>(?:TRUE|FALSE)(?![\w(]))"
    r"|(?P<number>(?:\d+\.?\d*|\.\d+)(?:[Ee][+-]?\d+)?(?![\w(:]))"
    r"|(?P<op><=|>=|<>|[-+*/^&=<>])"
    r"|(?P<post>%)"
    r"|(?P<open>\()"
    r"|(?P<close>\))"
    r"|(?P<sep>,)"
    r")", re.IGNORECASE)


def quick_tokens(text: str) -> list[Token] | None:
    """The tokens of the formula shapes budgetbook, Excel and LibreOffice write, by one regular expression.

    None for anything else (arrays, unions, names, structured references): openpyxl's
    tokenizer, about ten times slower, reads those.
    """
    tokens: list[Token] = []
    stack: list[str] = []  # "f" for a function's parenthesis, "p" for grouping
    position, end = 0, len(text)
    while position < end:
        match = _QUICK.match(text, position)
        if match is None or match.end() == position:
            if text[position:].strip() == "":
                break
            return None
        position = match.end()
        kind = match.lastgroup
        value = match.group(kind)
        if kind in _OPERAND_STARTS and tokens and _ends_operand(tokens[-1]):
            return None  # two operands side by side: an intersection, which openpyxl's tokenizer reads
        if kind == "text":
            tokens.append(Token(value, Token.OPERAND, Token.TEXT))
        elif kind == "ref":
            tokens.append(Token(value, Token.OPERAND, Token.RANGE))
        elif kind == "error":
            tokens.append(Token(value.upper(), Token.OPERAND, Token.ERROR))
        elif kind == "logical":
            tokens.append(Token(value.upper(), Token.OPERAND, Token.LOGICAL))
        elif kind == "number":
            tokens.append(Token(value, Token.OPERAND, Token.NUMBER))
        elif kind == "func":
            tokens.append(Token(value, Token.FUNC, Token.OPEN))
            stack.append("f")
        elif kind == "open":
            tokens.append(Token(value, Token.PAREN, Token.OPEN))
            stack.append("p")
        elif kind == "close":
            if not stack:
                return None
            tokens.append(Token(value, Token.FUNC if stack.pop() == "f" else Token.PAREN, Token.CLOSE))
        elif kind == "sep":
            if not stack or stack[-1] != "f":
                return None  # a union (A1,B1) outside a function
            tokens.append(Token(value, Token.SEP, Token.ARG))
        elif kind == "post":
            tokens.append(Token(value, Token.OP_POST))
        else:
            tokens.append(Token(value, Token.OP_PRE if _expects_operand(tokens) else Token.OP_IN))
    return tokens if not stack else None


_OPERAND_STARTS = {"text", "ref", "error", "func", "logical", "number", "open"}


def _ends_operand(token: Token) -> bool:
    return token.type == Token.OPERAND or token.subtype == Token.CLOSE or token.type == Token.OP_POST


def _expects_operand(tokens: list[Token]) -> bool:
    """Whether an operator here is a prefix (-A1, =(-1)) rather than infix (A1-1)."""
    if not tokens:
        return True
    last = tokens[-1]
    return last.type in (Token.OP_PRE, Token.OP_IN, Token.SEP) or last.subtype == Token.OPEN


@lru_cache(maxsize=65536)
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
        if token.subtype == Token.ERROR or token.value in _ERRORS or token.value.upper().endswith("#REF!"):
            from workbook.excel_functions import ExcelError
            return Const(ExcelError("#REF!" if token.value.upper().endswith("#REF!") else token.value))
        if token.value.startswith("\x00"):
            return _Slot(int(token.value.strip("\x00")))  # type: ignore[return-value]
        return parse_ref(token.value)
