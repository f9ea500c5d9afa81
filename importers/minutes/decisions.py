"""An item's decisions: every treatment with its committee, date, text and absences; the latest is
the item's decision, the earlier ones its history.

Treatments come from decision headings ("Beslutning i Økonomiudvalget den 4. juni 2024",
"Byrådet, 18.12.2018"), from a plain "Beslutning" (the meeting's committee on the meeting's date),
from the lines of "Sagens forløb" ("12/08/2024 Udvalget for ...", the text below each) and from a
treatment table (committee and date only). Absences said in a decision ("Fraværende: ...", "Afbud:
...", "... var fraværende.") or in a "Fraværende" section are taken out of the text and kept apart.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from budgetbook.model import Provenance, ReadWarning
from budgetbook.records.minutes import HistoryEntry
from importers.minutes.entries import Entry
from importers.minutes.parts import Block, Item
from importers.minutes.words import ABSENCES, HISTORY_LINES, ROUTE, SECTIONS, committee_name, is_committee, names_in
from importers.vocabulary import Vocabulary


@dataclass
class Decided:
    committee: str
    date: str | None
    provenance: Provenance
    lines: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class Decisions:
    latest: Decided | None
    history: tuple[HistoryEntry, ...]
    absent: tuple[str, ...]  # who was absent when the item was decided, and from the item's "Fraværende"


def item_decisions(item: Item, meeting: tuple[str, str | None], vocabulary: Vocabulary,
                   warnings: list[ReadWarning]) -> Decisions:
    """`meeting` is the meeting's committee and date, for a plain "Beslutning"."""
    decided: list[Decided] = []
    absent_sections: list[str] = []
    for block in item.blocks:
        if block.role == "treatment" and block.treatment is not None:
            decided.append(_with_text(Decided(block.treatment.committee, block.treatment.date, block.provenance),
                                      block.prose, vocabulary))
        elif block.role == "decision" and block.prose:
            decided.append(_with_text(Decided(*meeting, block.provenance), block.prose, vocabulary))  # type: ignore
        elif block.role == "history" and not is_route(block, vocabulary):
            decided.extend(history_lines(block.prose, vocabulary, warnings))
        elif block.role == "absent":
            for entry in block.prose:
                _absence(entry.text, absent_sections, vocabulary) or absent_sections.extend(names_in(entry.text))
    decided.extend(Decided(t.committee, t.date, t.provenance) for t in item.treatments
                   if not any(_same(t.committee, t.date, d) for d in decided))
    ordered = _in_order(decided)
    latest = next((d for d in reversed(ordered) if d.lines), ordered[-1] if ordered else None)
    history = tuple(HistoryEntry(d.date, d.committee, d.text, d.provenance, tuple(d.absent))
                    for d in ordered if d is not latest and (d.lines or not _same(d.committee, d.date, latest)))
    absent = tuple(dict.fromkeys([*(latest.absent if latest else ()), *absent_sections]))
    return Decisions(latest, history, absent)


def is_route(block: Block, vocabulary: Vocabulary) -> bool:
    """A history section that only names where the case goes ("Sagsforløb: BY", "Økonomiudvalget
    (anbefaler), 10.12.2018") and no earlier treatment: kept as a section, not as history."""
    return not any(_history_line(e.text, vocabulary) for e in block.prose)


def _history_line(text: str, vocabulary: Vocabulary) -> tuple[str, str | None] | None:
    if vocabulary.match(ROUTE, text):
        return None  # "Økonomiudvalget (anbefaler), 10.12.2018": where the case goes, not where it went
    hit = vocabulary.match(HISTORY_LINES, text)
    committee = committee_name(hit.captures.get("committee", "")) if hit else ""
    return (committee, hit.values.get("date")) if hit and is_committee(committee, vocabulary) else None  # type: ignore


# Where a decision's line holds more than one sentence ("Godkendt. Jørgen Popp Petersen deltog ikke i
# behandlingen af punktet."): after a word of two letters or more and its full stop, before a capital.
# An initial ("Malene K. Nielsen") does not end a sentence.
_SENTENCE_END = re.compile(r"(?<=[^\W\d_][^\W\d_][.!?])\s+(?=[A-ZÆØÅ])|(?<=\)[.!?])\s+(?=[A-ZÆØÅ])")


def _with_text(decided: Decided, entries: Sequence[Entry], vocabulary: Vocabulary) -> Decided:
    """The decision's text; its absences apart, whether a sentence of a line says them or a heading
    ("Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:") has the names on the lines below it."""
    names_below = False
    for entry in entries:
        if names_below and _names_only(entry.text):
            decided.absent.extend(n for n in names_in(entry.text) if n not in decided.absent)
            continue
        names_below = False
        kept = []
        for sentence in _SENTENCE_END.split(entry.text):
            before = len(decided.absent)
            if _absence(sentence, decided.absent, vocabulary):
                names_below = len(decided.absent) == before and sentence.rstrip().endswith(":")
            else:
                kept.append(sentence)
        if kept:
            decided.lines.append(" ".join(kept))
    return decided


def _names_only(text: str) -> bool:
    """A line that is only people's names ("Claus Nybo", "Martin Bech og Ole Andersen (V)")."""
    names = names_in(text)
    return bool(names) and len(text) <= 200 and all(
        len(name.split()) <= 5 and name[:1].isupper() and not name.endswith(".") for name in names) and not text.rstrip().endswith(".")


def _absence(text: str, names: list[str], vocabulary: Vocabulary) -> bool:
    """Whether the line says who was absent (its names added to `names`); "Fraværende: " alone says no one."""
    if len(text) > 300:
        return False
    if vocabulary.role(SECTIONS, text.strip().rstrip(":")) == "absent":
        return True  # "Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:": the names are below it
    hit = vocabulary.match(ABSENCES, text.strip())
    if hit is None:
        label = text.strip().rstrip(":").strip()
        return bool(label) and vocabulary.role(ABSENCES, f"{label}: x") == "absent" and ":" in text
    if hit.role == "none":
        return False  # "Ingen." alone is a decision; "Fraværende: Ingen" is read below
    found = names_in(hit.captures.get("names", ""))
    if len(found) == 1 and vocabulary.role(ABSENCES, found[0]) == "none":
        return True
    names.extend(n for n in found if n not in names)
    return True


def history_lines(entries: Sequence[Entry], vocabulary: Vocabulary, warnings: list[ReadWarning]) -> list[Decided]:
    """"12/08/2024 Udvalget for ..." followed by what that committee decided."""
    found: list[Decided] = []
    for entry in entries:
        if line := _history_line(entry.text, vocabulary):
            found.append(Decided(*line, entry.provenance))
        elif found:
            if not _absence(entry.text, found[-1].absent, vocabulary):
                found[-1].lines.append(entry.text)
        else:
            warnings.append(ReadWarning(f"Sagens forløb: {entry.text[:60]!r} has no date and committee before it",
                                        entry.provenance))
    return found


def _same(committee: str, date: str | None, other: Decided | None) -> bool:
    return other is not None and other.date == date and committee.casefold() == other.committee.casefold()


def _in_order(decided: list[Decided]) -> list[Decided]:
    """Oldest first, in the order printed on the same date; an undated one counts as the latest."""
    order = {id(d): i for i, d in enumerate(decided)}
    return sorted(decided, key=lambda d: (d.date or "9999-12-31", order[id(d)]))


def decision_blocks(blocks: Sequence[Block]) -> list[Block]:
    return [b for b in blocks if b.role in ("treatment", "decision", "history", "absent")]
