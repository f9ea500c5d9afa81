"""Records of committee minutes ("Referat"): the meeting, its agenda items and the tables inside them."""

from __future__ import annotations

from dataclasses import dataclass

from budgetbook.model import Number, Provenance

TableValue = Number | str | None  # a number read the Danish way, or text such as a date or "Ikke i KB"


@dataclass(frozen=True)
class TableRow:
    """One row of a table in the minutes: its label and the values of the other columns."""

    label: str
    values: tuple[TableValue, ...]
    provenance: Provenance


@dataclass(frozen=True)
class MinutesTable:
    """A table inside an agenda item, e.g. "Tabel 1: Forventet årsresultat"; headers include the label column."""

    title: str
    headers: tuple[str, ...]  # empty when the table prints no header row
    rows: tuple[TableRow, ...]
    provenance: Provenance


@dataclass(frozen=True)
class HistoryEntry:
    """One earlier treatment of the case ("Sagens forløb"): date, committee and what it decided."""

    date: str  # ISO date
    committee: str
    decision: str
    provenance: Provenance


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item ("Punkt") of a meeting."""

    number: int
    title: str
    case_number: str | None  # "24-004869", always text
    decision: str  # "Beslutning"
    recommendations: tuple[str, ...]  # "Indstilling", numbered: "1. at ...", nested ones "4.2. ..."
    decision_authority: str  # "Beslutningskompetence"
    history: tuple[HistoryEntry, ...]  # "Sagens forløb"
    tables: tuple[MinutesTable, ...]
    attachments: tuple[str, ...]  # "Bilag"
    provenance: Provenance


@dataclass(frozen=True)
class MinutesHeader:
    """The meeting: committee, ISO date, place and who took part."""

    committee: str
    date: str | None
    time: str | None
    location: str
    participants: tuple[str, ...]
    title: str
