"""Reduction lists ("Udmøntning af reduktion på 15 mio. kr.") from XLSX, PDF or text.

The list is a table repeated under a header on every page: one row per reduction,
a "<center> Total" row after each center's rows (in the center column, or shifted
into the first column as "CSE Total"), and a "Hovedtotal" at the end. Rows without
a center (the "Råderum og gæld" rows) belong to the center their total row names
("Tværgående Total"). Stated totals are kept apart from the rows: they check the
workbook, they are never data.

Steps: lines_to_rows (header -> column roles, totals told apart) -> rows_to_records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from budgetbook.errors import NumberError, SourceError
from budgetbook.model import ImportResult, Number, Provenance, ReadWarning, SourceFile
from budgetbook.records.reduction import ReductionLine, StatedTotals
from importers.cleanup import one_line
from importers.numbers import parse_number, parse_percent
from importers.readers import Cell, Line
from importers.unruled import TableShape, unruled_lines_to_rows

KIND = "reduction_list"
HOVEDTOTAL = "Hovedtotal"
NO_CENTER = "Uden center"

_TITLE = re.compile(r"^Udmøntning af reduktion", re.IGNORECASE)
# "2023 (1.000 kr.)" as in Lejre's export, and the other ways lists write an amount column by year:
# "2023", "2023 (1.000 kr)", "2023 i 1.000 kr.", "2023 (t.kr.)".
_YEAR_COLUMN = re.compile(r"^((?:19|20)\d{2})(?:\s*\(?(?:i\s+)?(?:1\.000\s*kr|t\.\s*kr)\.?\)?)?$", re.IGNORECASE)
_BASE_COLUMN = re.compile(r"^Budget\s+(\d{4})")
_TOTAL = re.compile(r"^(?P<center>.+?)\s+Total$")
_PAGE_NUMBER = re.compile(r"^(Side|Page)\s+\d+(\s+(af|of)\s+\d+)?$", re.IGNORECASE)
_ROLES = {"nr.": "bevilling", "nr": "bevilling", "bevillingstekst": "bevillingstekst", "center": "center",
          "udvalg": "udvalg", "overskrift": "overskrift"}


@dataclass
class Columns:
    """Which cell index holds which field, read from a header line."""

    index: dict[str, int]
    years: dict[str, int]
    base_year: str | None

    def get(self, cells: Sequence[Cell], role: str) -> Cell:
        i = self.index.get(role)
        return cells[i] if i is not None and i < len(cells) else None


@dataclass
class _Draft:
    fields: dict[str, object]
    provenance: Provenance
    center: str


@dataclass
class _State:
    columns: Columns | None = None
    title: str | None = None
    pending: list[_Draft] = field(default_factory=list)
    drafts: list[_Draft] = field(default_factory=list)
    centers: dict[str, dict[str, Number]] = field(default_factory=dict)
    hovedtotal: dict[str, Number] = field(default_factory=dict)
    total_provenance: dict[str, Provenance] = field(default_factory=dict)
    warnings: list[ReadWarning] = field(default_factory=list)


def detect(lines: Sequence[Line]) -> bool:
    for line in lines[:80]:
        if _TITLE.match(line.text.strip()) or header_to_columns(line.cells) is not None:
            return True
    return False


def header_to_columns(cells: Sequence[Cell]) -> Columns | None:
    """The column roles of a header line, or None when the line is no header."""
    if not any(isinstance(c, str) and c.strip().lower() == "center" for c in cells):
        return None  # cheap test first: every header has a Center column
    index: dict[str, int] = {}
    years: dict[str, int] = {}
    base_year = None
    for i, cell in enumerate(cells):
        text = one_line(cell)
        key = text.lower()
        if key in _ROLES:
            index[_ROLES[key]] = i
        elif key.startswith("uddybende forklaring"):
            index["forklaring"] = i
        elif match := _YEAR_COLUMN.match(text):
            years[match.group(1)] = i
        elif match := _BASE_COLUMN.match(text):
            index["budget_base"], base_year = i, match.group(1)
        elif "pct" in key or key.endswith("(%)"):
            index["pct"] = i
    if {"center", "overskrift"} <= index.keys() and years:
        return Columns(index, years, base_year)
    return None


def _is_unruled_header(words: list[str]) -> bool:
    lowered = {w.lower() for w in words}
    return "center" in lowered and "overskrift" in lowered


def _year_columns(header: list[str]) -> set[int]:
    return {i for i, label in enumerate(header) if re.match(r"^(19|20)\d{2}\b", label)}


def _starts_row(header: list[str], cells: list[str]) -> bool:
    """A row of the list always has an amount for some year; a line without one continues the row above
    (a wrapped text, or "Total" wrapped below "CSE" in a narrow column)."""
    for i in _year_columns(header):
        try:
            if cells[i] and parse_number(cells[i]) is not None:
                return True
        except NumberError:
            continue
    return False


def _wrap_columns(header: list[str]) -> set[int]:
    """Every column but the budget and the percentage (where a page number at the right margin lands)."""
    numbers = {i for i, label in enumerate(header)
               if label.lower().startswith(("budget", "reduktion")) or "pct" in label.lower()}
    return set(range(len(header))) - numbers


UNRULED_TABLE = TableShape(is_header=_is_unruled_header, starts_row=_starts_row, text_columns=_wrap_columns)


def interpret(lines: Sequence[Line], source: SourceFile) -> ImportResult:
    if any(line.words for line in lines) and not any(header_to_columns(line.cells) for line in lines):
        lines = unruled_lines_to_rows(lines, UNRULED_TABLE)  # a PDF printed without gridlines
    state = _State()
    for line in lines:
        _read_line(state, line)
    if state.columns is None:
        hint = "Is this a reduction list? Check that the header row is intact."
        if source.path.lower().endswith(".pdf"):
            hint += (" In a PDF the header is found by its words Center and Overskrift; if the list was "
                     "printed differently, give budgetbook the Excel file it was printed from.")
        raise SourceError("No header row (Nr., Bevillingstekst, Center, ... 2023 (1.000 kr.)) found",
                          source.path, hint=hint)
    for draft in state.pending:
        state.warnings.append(ReadWarning(
            f"Row '{draft.fields['overskrift']}' has no center and no total row below it; filed under '{NO_CENTER}'",
            draft.provenance))
        draft.center = draft.center or NO_CENTER
    state.drafts.extend(state.pending)
    records = tuple(_draft_to_record(d) for d in state.drafts)
    state.warnings.extend(rare_spellings_to_warnings(records))
    stated = StatedTotals(state.centers, state.hovedtotal, state.total_provenance)
    return ImportResult(KIND, source, records, tuple(state.warnings), stated_totals=stated)


def _read_line(state: _State, line: Line) -> None:
    cells = line.cells
    if not any(c not in (None, "") for c in cells):
        return
    if columns := header_to_columns(cells):
        state.columns = columns
        return
    if _TITLE.match(one_line(cells[0])) and len([c for c in cells if c not in (None, "")]) == 1:
        state.title = state.title or one_line(cells[0])
        return
    if state.columns is None or _PAGE_NUMBER.match(one_line(cells[0])):
        return
    label = _total_label(cells)
    if label is not None:
        _read_total(state, label, cells, line.provenance)
    else:
        _read_row(state, cells, line.provenance)


def _total_label(cells: Sequence[Cell]) -> str | None:
    """The center a total row names ("CJS Total" -> "CJS"), HOVEDTOTAL, or None for an ordinary row."""
    for cell in cells:
        if not isinstance(cell, str) or "total" not in cell.lower():
            continue
        text = one_line(cell)
        if text.lower() == HOVEDTOTAL.lower():
            return HOVEDTOTAL
        if match := _TOTAL.match(text):
            return match.group("center")
    return None


def _amounts(columns: Columns, cells: Sequence[Cell], where: Provenance) -> dict[str, Number | None]:
    return {year: parse_number(cells[i] if i < len(cells) else None, where) for year, i in columns.years.items()}


def _read_total(state: _State, label: str, cells: Sequence[Cell], where: Provenance) -> None:
    assert state.columns is not None
    amounts = {y: v for y, v in _amounts(state.columns, cells, where).items() if v is not None}
    if label == HOVEDTOTAL:
        state.hovedtotal = amounts
        state.total_provenance[HOVEDTOTAL] = where
        return
    if label in state.centers:
        state.warnings.append(ReadWarning(f"A second '{label} Total' row; the last one is kept", where))
    state.centers[label] = amounts
    state.total_provenance[label] = where
    for draft in state.pending:
        if not draft.center:
            draft.center = label
        elif draft.center != label:
            state.warnings.append(ReadWarning(
                f"Row of center '{draft.center}' stands above the total of '{label}'", draft.provenance))
    state.drafts.extend(state.pending)
    state.pending = []


def _read_row(state: _State, cells: Sequence[Cell], where: Provenance) -> None:
    columns = state.columns
    assert columns is not None
    text = {role: one_line(columns.get(cells, role)) for role in
            ("bevilling", "bevillingstekst", "center", "udvalg", "overskrift", "forklaring")}
    amounts = _amounts(columns, cells, where)
    if not text["overskrift"] and all(v is None for v in amounts.values()):
        state.warnings.append(ReadWarning("A row with neither heading nor amounts was skipped", where))
        return
    fields: dict[str, object] = {
        **text,
        "bevilling": text["bevilling"] or None,
        "amounts": amounts,
        "budget_base": parse_number(columns.get(cells, "budget_base"), where),
        "pct_stated": parse_percent(columns.get(cells, "pct"), where),
    }
    state.pending.append(_Draft(fields, where, text["center"]))


def rare_spellings_to_warnings(records: Sequence[ReductionLine]) -> list[ReadWarning]:
    """An udvalg written once or twice that resembles a common one ("USS/E" beside "USSÆ") is
    kept as written, but said: a committee sheet of its own is then a typo in the source."""
    counts = Counter(r.udvalg for r in records if r.udvalg)
    warnings = []
    for rare, n in counts.items():
        for common, m in counts.items():
            if m > n and n <= 2 and SequenceMatcher(None, _letters(rare), _letters(common)).ratio() >= 0.75:
                first = next(r for r in records if r.udvalg == rare)
                warnings.append(ReadWarning(
                    f"Udvalg '{rare}' ({n} rows) looks like '{common}' ({m} rows); kept as written: "
                    "correct the source if it is a typo", first.provenance))
                break
    return warnings


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())


def _draft_to_record(draft: _Draft) -> ReductionLine:
    fields = dict(draft.fields)
    fields["center"] = draft.center
    return ReductionLine(provenance=draft.provenance, **fields)  # type: ignore[arg-type]
