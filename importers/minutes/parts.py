"""Interpret step of the minutes: entries to the meeting header, the contents and the items.

An item starts at an item heading: one that says so ("Punkt 12: Titel", "Nr.60 - Titel") anywhere,
or a number and a title ("12. Titel", "1  Titel") when the item's structure follows it (a case
number, a section heading, a decision heading) before the next such line, or it is set as a
heading in Word. The same number again with the same title is the title printed twice. Minutes
without numbered items (an item printed alone) start their item at the line before the first
section heading, and a new one wherever that first section comes again.

Inside an item: a case number before the first section (or just above the heading), the title
wrapped over more lines, marks ("Åbent punkt"), then blocks: a section heading of the vocabulary
or a decision heading naming committee and date starts a block; prose and table rows go to the
block they stand in. A table of the item's treatments (Behandling | Mødedato) is kept apart.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from budgetbook.model import Provenance
from importers.minutes.entries import Entry, join_wrapped
from importers.minutes.words import (
    CONTENTS,
    DECISIONS,
    ITEM_HEADINGS,
    ITEM_MARKS,
    NUMBERED_HEADINGS,
    ROUTE,
    SECTIONS,
    TREATMENT_COLUMNS,
    case_number,
    committee_name,
    is_committee,
)
from importers.vocabulary import Vocabulary

DECISION_ROLES = ("decision", "recommendation", "treatment")  # blocks in which "Udvalget den 6. november 2018:" is a decision
_MAX_TITLE = 160
_ORDINAL = re.compile(r"\d{1,2}\. [a-zæøå]")  # a title that begins with an ordinal: "145. 1. behandling af budget 2020"


@dataclass(frozen=True)
class Treatment:
    """A decision heading or a row of a treatment table: who treated the item, when."""

    committee: str
    date: str | None
    provenance: Provenance


@dataclass
class Block:
    """The entries under one heading of an item: a section (`role` from the vocabulary) or a decision."""

    role: str
    heading: str
    provenance: Provenance | None
    treatment: Treatment | None = None  # for a decision heading naming committee and date
    entries: list[Entry] = field(default_factory=list)

    @property
    def prose(self) -> list[Entry]:
        return [e for e in self.entries if not e.table]


@dataclass
class Item:
    number: int | None
    title: str
    provenance: Provenance
    case_number: str | None = None
    blocks: list[Block] = field(default_factory=list)
    treatments: list[Treatment] = field(default_factory=list)  # from a treatment table
    structure: list[Provenance] = field(default_factory=list)  # headings, marks, case number lines

    @property
    def block(self) -> Block | None:
        return self.blocks[-1] if self.blocks else None


@dataclass
class Parts:
    header: list[Entry] = field(default_factory=list)
    contents: list[Entry] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    structure: list[Provenance] = field(default_factory=list)


@dataclass(frozen=True)
class Heading:
    number: int | None
    title: str


class Reader:
    """Reads the entries of one document with one vocabulary; the steps are its methods."""

    def __init__(self, entries: Sequence[Entry], vocabulary: Vocabulary) -> None:
        self.entries = list(entries)
        self.vocabulary = vocabulary

    # -- what a line is --------------------------------------------------------------------------

    def section(self, entry: Entry) -> str | None:
        if entry.table or len(entry.text) > 80:
            return None
        return self.vocabulary.role(SECTIONS, entry.text.rstrip(":"))

    def inline_section(self, entry: Entry) -> tuple[str, str, str] | None:
        """A section heading and its text on one line: (role, heading, text)."""
        label, sep, value = entry.text.partition(":")
        if not sep or entry.table and len(entry.cells) > 2 or len(label) > 40 or not value.strip():
            return None
        if not label.strip()[:1].isalpha():
            return None  # "(Formål: ...)" is a sentence, not a heading
        role = self.vocabulary.role(SECTIONS, label)
        return (role, label.strip(), value.strip()) if role and role != "absent" else None

    def decision_heading(self, entry: Entry, inside: str | None) -> Treatment | None:
        """A heading naming who decided and when; the bare form ("Byrådet, 18.12.2018") only inside a
        decision or recommendation section, or ending in a colon."""
        text = entry.text
        if len(text) > 160 or entry.table and len(entry.cells) > 2:
            return None
        if self.vocabulary.match(ROUTE, text) or self.absence_heading(entry):
            return None
        hit = self.vocabulary.match(DECISIONS, text)
        if hit is None:
            return None
        committee = committee_name(hit.captures.get("committee", ""))
        if hit.role == "genitive":
            committee = committee[:-1] if committee.endswith("s") else committee
        explicit = text.lstrip().lower().startswith("beslutning") or hit.role == "genitive"
        if not explicit and not (inside in DECISION_ROLES or text.rstrip().endswith(":")):
            return None
        if not (is_committee(committee, self.vocabulary) or explicit and _numbered_treatment(committee, hit.values)):
            return None
        return Treatment(committee, hit.values.get("date"), entry.provenance)  # type: ignore[arg-type]

    def structural(self, entry: Entry) -> bool:
        """A line that belongs to an item's frame: case number, section or decision heading, mark."""
        return bool(case_number(entry.text, self.vocabulary) or self.section(entry)
                    or self.decision_heading(entry, "decision") or self.mark(entry) or self.treatment_header(entry))

    def mark(self, entry: Entry) -> bool:
        """"Åbent punkt", "Til toppen", or the header row a web agenda prints above each item ("Punkt | Titel")."""
        if entry.table and len(entry.cells) > 2:
            return False
        return self.vocabulary.role(ITEM_MARKS, entry.text) is not None

    def absence_heading(self, entry: Entry) -> bool:
        """"Fraværende:", "Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:": the names follow."""
        return not entry.table and self.section(entry) == "absent"

    def treatment_header(self, entry: Entry) -> dict[str, int] | None:
        """The header row of a treatment table: column roles committee and date at least."""
        if not entry.table:
            return None
        roles = {self.vocabulary.role(TREATMENT_COLUMNS, cell): index for index, cell in enumerate(entry.cells)}
        return roles if "committee" in roles and "date" in roles else None

    # -- item headings -----------------------------------------------------------------------------

    def headings(self) -> dict[int, Heading]:
        """Where each item starts (entry index) and its number and title."""
        found: dict[int, Heading] = {}
        candidates = {i: h for i, e in enumerate(self.entries) if (h := self._candidate(e)) is not None}
        candidates = self._without_wrapped(candidates)
        last: Heading | None = None
        for index, (strong, heading) in candidates.items():
            if last is not None and heading.number == last.number and _same_title(heading.title, last.title):
                continue  # the title printed twice
            if not strong:
                if last is not None and last.number is not None and heading.number <= last.number:  # type: ignore
                    continue  # a numbered list inside an item
                if not (self.entries[index].heading_style or self._confirmed(index, candidates)
                        or self._closed(heading) and not _with_page_number(self.entries[index])):
                    continue
            found[index] = heading
            last = heading
        return found or self._unnumbered()

    def _candidate(self, entry: Entry) -> tuple[bool, Heading] | None:
        if entry.table and not (len(entry.cells) <= 2 and entry.cells[0][:1].isdigit()):
            return None
        text = entry.text
        if len(text) > _MAX_TITLE:
            return None
        if hit := self.vocabulary.match(ITEM_HEADINGS, text):
            return True, Heading(hit.values["number"], _rest_from(text, hit.captures["title"]))  # type: ignore
        hit = self.vocabulary.match(NUMBERED_HEADINGS, text)
        if hit is None:
            return None
        title = _rest_from(text, hit.captures["title"])
        number = hit.values["number"]
        if (not (title[:1].isupper() or _ORDINAL.match(title)) or title.split()[0].lower() in ("at", "og")
                or number > 999):  # type: ignore
            return None  # "1. at forslaget godkendes": a recommendation
        if _looks_like_date(text):
            return None
        return False, Heading(number, title)  # type: ignore[arg-type]

    def _without_wrapped(self, candidates: dict[int, tuple[bool, Heading]]) -> dict[int, tuple[bool, Heading]]:
        """A number-and-title line right below another, with a smaller number, is the other's heading
        wrapped where a number stood ("246. ... på Chr." + "8. Vej 7, Silkeborg"), not an item of its own.
        A line repeating an earlier one's number and title is no such remainder: it is the first item's
        heading right below the contents that listed it ("59. Budgetopfølgning" + "57. Godkendelse af dagsorden")."""
        kept: dict[int, tuple[bool, Heading]] = {}
        seen: set[tuple[int | None, str]] = set()
        for index, (strong, heading) in candidates.items():
            above = kept.get(index - 1)
            listed = (heading.number, _without_number(heading.title).casefold()) in seen
            seen.add((heading.number, _without_number(heading.title).casefold()))
            if (not strong and above is not None and above[1].number is not None and heading.number is not None
                    and heading.number < above[1].number and not self.entries[index].heading_style and not listed):
                continue
            kept[index] = (strong, heading)
        return kept

    def _confirmed(self, index: int, candidates: dict) -> bool:
        """A number-and-title line heads an item when the item's frame follows before the next such line."""
        for entry_index in range(index + 1, min(len(self.entries), index + 12)):
            if entry_index in candidates:
                other = candidates[entry_index][1]
                if other.number != candidates[index][1].number:
                    return False
                continue
            if self.structural(self.entries[entry_index]):
                return True
        return False

    def _closed(self, heading: Heading) -> bool:
        """"149. Personalesag (Lukket)", "249. Lukket - Ejendomssag": a closed item, printed with its title only."""
        title = heading.title.rstrip()
        if title.endswith(")") and "(" in title:
            return self.vocabulary.role(ITEM_MARKS, title[title.rindex("(") + 1:-1]) is not None
        for separator in (" - ", " – ", ": "):
            mark, found, rest = title.partition(separator)
            if found and rest.strip() and self.vocabulary.role(ITEM_MARKS, mark) is not None:
                return True
        return False

    def _unnumbered(self) -> dict[int, Heading]:
        """Items printed without numbers: the line before the first section, and before that section again."""
        sections = [(i, self.section(e)) for i, e in enumerate(self.entries)]
        sections = [(i, role) for i, role in sections if role]
        if not sections:
            return {}
        first_role = sections[0][1]
        found = {}
        for index, role in sections:
            if role != first_role or index == 0:
                continue
            title = self.entries[index - 1]
            if title.table or self.section(title) or len(title.text) > _MAX_TITLE:
                continue
            found[index - 1] = Heading(None, title.text)
        return found

    # -- the whole document -------------------------------------------------------------------------

    def parts(self) -> Parts:
        parts = Parts()
        headings = self.headings()
        zone = "header"
        treatment_columns: dict[str, int] | None = None
        above: str | None = None  # a case number printed just above the next item's heading
        for index, entry in enumerate(self.entries):
            if index in headings:
                heading = headings[index]
                parts.items.append(Item(heading.number, heading.title, entry.provenance, above))
                zone, treatment_columns, above = "item", None, None
                continue
            if (index + 1) in headings and (number := case_number(entry.text, self.vocabulary)):
                above = number
                parts.structure.append(entry.provenance)
                continue
            if zone != "item":
                zone = self._before_items(parts, entry, zone)
                continue
            item = parts.items[-1]
            if self._group_heading(parts, entry):
                parts.structure.append(entry.provenance)
                continue
            if treatment_columns is not None and entry.table:
                self._treatment_row(item, entry, treatment_columns)
                continue
            treatment_columns = None
            if self._frame(item, entry):
                continue
            if columns := self.treatment_header(entry):
                treatment_columns = columns
                item.structure.append(entry.provenance)
                continue
            self._into_block(item, entry)
        return parts

    def _before_items(self, parts: Parts, entry: Entry, zone: str) -> str:
        if zone == "header" and not entry.table and self.vocabulary.role(CONTENTS, entry.text.rstrip(":")):
            parts.structure.append(entry.provenance)
            return "contents"
        (parts.contents if zone == "contents" else parts.header).append(entry)
        return zone

    def _group_heading(self, parts: Parts, entry: Entry) -> bool:
        """A line of the contents that is no item ("ØKONOMIUDVALGETS SAGER") printed again between the items:
        the agenda's grouping, part of no item."""
        if entry.table or not parts.contents:
            return False
        text = " ".join(entry.text.split()).casefold()
        return any(" ".join(e.text.split()).casefold() == text for e in parts.contents if not e.table)

    def _frame(self, item: Item, entry: Entry) -> bool:
        """Case number, marks, a title printed twice or wrapped: the lines around an item's heading."""
        text = entry.text
        if self.mark(entry):
            item.structure.append(entry.provenance)
            return True
        number = case_number(text, self.vocabulary)
        if number and item.case_number is None and not item.blocks:
            item.case_number = number
            item.structure.append(entry.provenance)
            return True
        if not item.blocks and _same_title(_without_number(text), item.title):
            item.structure.append(entry.provenance)
            return True
        if (not item.blocks and item.case_number is None and not entry.table and len(item.title) >= 35
                and len(text) < 100 and not self.structural(entry) and not text.endswith(".")):
            item.title = join_wrapped(item.title, text)  # a heading wrapped over two lines (PDF)
            item.structure.append(entry.provenance)
            return True
        return False

    def _into_block(self, item: Item, entry: Entry) -> None:
        inside = item.block.role if item.block else None
        role = self.section(entry)
        if role == "absent" and inside in ("treatment", "decision"):
            role = None  # "Fraværende: ..." under a decision says who was absent from it
        if role:
            item.blocks.append(Block(role, entry.text.rstrip(": "), entry.provenance))
            return
        if inline := self.inline_section(entry):  # "Kompetence: Økonomiudvalget", "Sagsforløb: BY"
            role, label, value = inline
            item.blocks.append(Block(role, label, entry.provenance, entries=[Entry((value,), entry.provenance, False)]))
            return
        if treatment := self.decision_heading(entry, inside):
            item.blocks.append(Block("treatment", entry.text.rstrip(": "), entry.provenance, treatment))
            return
        if item.block is None:
            item.blocks.append(Block("", "", None))
        item.block.entries.append(entry)  # type: ignore[union-attr]

    def _treatment_row(self, item: Item, entry: Entry, columns: dict[str, int]) -> None:
        from importers.vocabulary.matching import parse_date

        cells = entry.cells
        committee = cells[columns["committee"]] if columns["committee"] < len(cells) else ""
        date = parse_date(cells[columns["date"]]) if columns["date"] < len(cells) else None
        if committee:
            item.treatments.append(Treatment(committee_name(committee), date, entry.provenance))
        item.structure.append(entry.provenance)


def entries_to_parts(entries: Sequence[Entry], vocabulary: Vocabulary) -> Parts:
    return Reader(entries, vocabulary).parts()


def _rest_from(text: str, title: str) -> str:
    """The title as printed to the end of the line (a capture stops at the last letter: "nr. 2 -" keeps its dash)."""
    start = text.find(title)
    return " ".join((text[start:] if start >= 0 else title).split())


def _without_number(text: str) -> str:
    head, _, rest = text.partition(" ")
    return rest if head.rstrip(".)").isdigit() else text


def _same_title(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def _with_page_number(entry: Entry) -> bool:
    """A row of the table of contents: its last cell the page number."""
    return entry.table and entry.cells[-1].strip().isdigit()


def _numbered_treatment(committee: str, values: object) -> bool:
    """"Beslutning fra Plan, Miljø og Teknik, 9. februar 2021, pkt. 421:": a body named without a committee word
    (Stevns names its committees by their area) is a committee where the heading gives its date and item."""
    words = committee.split()
    return (isinstance(values, Mapping) and bool(values.get("date")) and values.get("item") is not None
            and 0 < len(words) <= 6 and committee[:1].isupper() and not any(c.isdigit() for c in committee))


def _looks_like_date(text: str) -> bool:
    from importers.vocabulary.matching import parse_date

    return parse_date(" ".join(text.split()[:3])) is not None
