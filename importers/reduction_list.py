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
from budgetbook.model import ImportResult, Number, Provenance, ReadWarning
from budgetbook.records.reduction import ReductionLine, StatedTotals
from importers.cleanup import one_line
from importers.numbers import parse_number, parse_percent
from importers.readers import Cell, Line
from importers.reading import Evidence, Reading, Scorecard
from importers.unruled import TableShape, unruled_lines_to_rows
from importers.vocabulary import Vocabulary
from importers.vocabulary import default as default_vocabulary

KIND = "reduction_list"
HOVEDTOTAL = "Hovedtotal"
NO_CENTER = "Uden center"

_TITLE = re.compile(r"^Udmøntning af reduktion", re.IGNORECASE)
_TOTAL = re.compile(r"^(?P<center>.+?)\s+Total$")
COLUMNS = "lists.columns"
# The vocabulary's column roles -> the fields of a `ReductionLine`.
_FIELDS = {"number": "bevilling", "bevillingstekst": "bevillingstekst", "center": "center", "udvalg": "udvalg",
           "title": "overskrift", "explanation": "forklaring"}


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


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    vocabulary = reading.vocabulary
    head = reading.head()
    header = next((c for line in head if (c := header_to_columns(line.cells, vocabulary))), None)
    if header is None and any(line.words for line in head):  # a PDF printed without gridlines
        rows = unruled_lines_to_rows(head, UNRULED_TABLE)
        header = next((c for line in rows if (c := header_to_columns(line.cells, vocabulary))), None)
    card.sign("a header row with a title column and year columns", 0.6, header)
    card.sign("a center or area column", 0.1, header and "center" in header.index)
    card.sign("a title of a list of reductions", 0.3, reading.title_of_kind(KIND))
    return card.evidence


def header_to_columns(cells: Sequence[Cell], vocabulary: Vocabulary | None = None) -> Columns | None:
    """The column roles of a header line, or None when the line is no header."""
    if len(cells) < 3:
        return None  # cheap test first: a header names at least a title, a center and a year
    vocabulary = vocabulary or default_vocabulary()
    index: dict[str, int] = {}
    years: dict[str, int] = {}
    base_year = None
    for i, cell in enumerate(cells):
        if not isinstance(cell, str) or not cell.strip():
            continue
        hit = vocabulary.match(COLUMNS, cell)
        if hit is None:
            continue
        if hit.role in _FIELDS:
            index.setdefault(_FIELDS[hit.role], i)
        elif hit.role == "year":
            years[str(hit.values["year"])] = i
        elif hit.role == "budget":
            index["budget_base"] = i
            base_year = str(hit.values["year"]) if "year" in hit.values else None
        elif hit.role == "pct":
            index["pct"] = i
    if {"center", "overskrift"} <= index.keys() and years:
        return Columns(index, years, base_year)
    return None


def describe_columns(columns: Columns, line: Line) -> str:
    """"Columns (page 1, line 3): Nr.=bevilling, Overskrift=overskrift, 2023 (1.000 kr.)=year 2023, ..."""
    roles = {i: field for field, i in columns.index.items()} | {i: f"year {y}" for y, i in columns.years.items()}
    named = ", ".join(f"{one_line(line.cell(i))}={role}" for i, role in sorted(roles.items()))
    return f"Columns ({line.provenance.describe().split(', ', 1)[-1]}): {named}"


def _is_unruled_header(words: list[str]) -> bool:
    """A header line of an unruled table: among its words a title and a center column's label."""
    roles = {default_vocabulary().role(COLUMNS, word) for word in words}
    return {"title", "center"} <= roles


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


def interpret(reading: Reading) -> ImportResult:
    source = reading.source
    lines: Sequence[Line] = reading.lines
    vocabulary = reading.vocabulary
    joined: dict[Provenance, list[Provenance]] = {}
    if any(line.words for line in lines) and not any(header_to_columns(line.cells, vocabulary) for line in lines):
        lines = unruled_lines_to_rows(lines, UNRULED_TABLE, joined)  # a PDF printed without gridlines
    state = _State()
    for line in lines:
        columns = state.columns
        if _read_line(state, line, vocabulary):
            reading.mark_used(line, *joined.get(line.provenance, ()))
        if state.columns is not None and state.columns != columns:  # a new header, not the same repeated
            reading.note(describe_columns(state.columns, line))
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


def _read_line(state: _State, line: Line, vocabulary: Vocabulary) -> bool:
    """Read one line into the state; whether it was used (a header, title, row or total)."""
    cells = line.cells
    if not any(c not in (None, "") for c in cells):
        return False
    if columns := header_to_columns(cells, vocabulary):
        state.columns = columns
        return True
    if _TITLE.match(one_line(cells[0])) and len([c for c in cells if c not in (None, "")]) == 1:
        state.title = state.title or one_line(cells[0])
        return True
    if state.columns is None:
        return False
    label = _total_label(cells)
    if label is not None:
        _read_total(state, label, cells, line.provenance)
        return True
    return _read_row(state, cells, line.provenance)


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


def _read_row(state: _State, cells: Sequence[Cell], where: Provenance) -> bool:
    columns = state.columns
    assert columns is not None
    text = {role: one_line(columns.get(cells, role)) for role in
            ("bevilling", "bevillingstekst", "center", "udvalg", "overskrift", "forklaring")}
    amounts = _amounts(columns, cells, where)
    if not text["overskrift"] and all(v is None for v in amounts.values()):
        state.warnings.append(ReadWarning("A row with neither heading nor amounts was skipped", where))
        return False
    fields: dict[str, object] = {
        **text,
        "bevilling": text["bevilling"] or None,
        "amounts": amounts,
        "budget_base": parse_number(columns.get(cells, "budget_base"), where),
        "pct_stated": parse_percent(columns.get(cells, "pct"), where),
    }
    state.pending.append(_Draft(fields, where, text["center"]))
    return True


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
