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
    """A table inside an agenda item, e.g. "Tabel 1: Forventet årsresultat"; headers include the label column.

    `unit` is the unit the table states its amounts in ("mkr", "tkr", "kr": the roles of the
    vocabulary's `common.units`), `unit_text` where it says so as printed ("I mio. kr.").
    """

    title: str
    headers: tuple[str, ...]  # empty when the table prints no header row
    rows: tuple[TableRow, ...]
    provenance: Provenance
    unit: str | None = None
    unit_text: str = ""


@dataclass(frozen=True)
class HistoryEntry:
    """One treatment of the case by a committee: date, committee and what it decided (empty when not stated)."""

    date: str | None  # ISO date
    committee: str
    decision: str
    provenance: Provenance
    absent: tuple[str, ...] = ()  # who was absent from that treatment


@dataclass(frozen=True)
class ItemSection:
    """A section of an item under a heading of the vocabulary: its role ("economy"), heading as printed, text."""

    role: str
    heading: str
    text: str
    provenance: Provenance


@dataclass(frozen=True)
class AgendaItem:
    """One agenda item ("Punkt") of a meeting.

    `decision` is the latest decision on the item, by `decided_by` on `decided_on`; `history` the
    earlier treatments, oldest first, each with its committee and date. `absent` names who was
    absent when the item was decided (as the minutes say it for this item).
    """

    number: int | None  # None for an item printed without a number
    title: str
    case_number: str | None  # "24-004869", "00.01.00-A00-12-24": always text
    decision: str  # "Beslutning"
    decided_by: str
    decided_on: str | None
    recommendations: tuple[str, ...]  # "Indstilling", numbered: "1. at ...", nested ones "4.2. ..."
    decision_authority: str  # "Beslutningskompetence", "Kompetence", "Hvem beslutter", ...
    history: tuple[HistoryEntry, ...]  # "Sagens forløb" and earlier decisions
    absent: tuple[str, ...]
    tables: tuple[MinutesTable, ...]
    attachments: tuple[str, ...]  # "Bilag"
    sections: tuple[ItemSection, ...]  # the other sections: resumé, sagsfremstilling, økonomi, ...
    provenance: Provenance


@dataclass(frozen=True)
class MinutesHeader:
    """The meeting: committee, ISO date, place, who took part and who was absent.

    `date_from` says where the date was read: "header" (the meeting header or title) or
    "decisions" (minutes without a header: the date most decisions carry).
    """

    committee: str
    date: str | None
    time: str | None
    location: str
    participants: tuple[str, ...]
    title: str
    absent: tuple[str, ...] = ()
    date_from: str = "header"
