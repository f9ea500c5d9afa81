"""Committee minutes ("Referat", "Beslutningsprotokol") of any committee system, from PDF, DOCX or text.

What every system prints, in its own words and order (the words are in the vocabulary's
`minutes.toml`): a meeting header (a title, labels and values, or a date line), perhaps a table
of contents, then agenda items: a heading ("Punkt 12: Titel", "12. Titel", or a title alone), a
case number (KLE "00.01.00-A00-12-24" or a local form) before or after it, sections under
headings (Resumé, Indstilling, Sagsfremstilling, Økonomi, Bilag, ...) and decisions: a plain
"Beslutning", or headings naming committee and date ("Beslutning i Økonomiudvalget den 4. juni
2024"), the latest being the item's decision and the earlier its history. Tables inside an item
keep their header rows, numbers and unit.

Steps: lines_to_entries (markup and bullets removed, table rows told from prose) ->
entries_to_parts (header, contents, items with their blocks) -> entries_to_header and
item_to_record (the model), each in its own module.
"""

from __future__ import annotations

import dataclasses

import re
from collections.abc import Sequence

from budgetbook.errors import SourceError
from budgetbook.model import ImportResult, Provenance, ReadWarning
from budgetbook.records.minutes import AgendaItem
from importers.cleanup import one_line
from importers.minutes.entries import Entry, lines_to_entries
from importers.minutes.header import entries_to_header, partial_absences, with_decisions, with_heads
from importers.minutes.items import item_to_record, recommendations
from importers.minutes.parts import Item, Parts, Reader, entries_to_parts
from importers.minutes.tables import merge_header_rows
from importers.minutes.words import SECTIONS, TITLE
from importers.reading import Evidence, Reading, Scorecard
from importers.vocabulary import Vocabulary

KIND = "minutes"

__all__ = ["KIND", "Entry", "evidence", "interpret", "merge_header_rows", "recommendations"]

_CONTENTS_ENTRY = re.compile(r"^(?P<title>.+?)\s*(?:\.{3,}|\s)\s*(?P<page>\d+)$")
_CONTENTS_NUMBER = re.compile(r"^(?:Punkt\s+)?\d{1,4}[.:)]?\s+")


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    vocabulary = reading.vocabulary
    entries = lines_to_entries(reading.lines)
    reader = Reader(entries, vocabulary)
    card.sign("a title of minutes ('Referat', 'Beslutningsprotokol')", 0.2, reading.title_of_kind(KIND) or any(
        vocabulary.match(TITLE, e.text) for e in entries[:40] if not e.table))
    headings = reader.headings()
    numbered = sum(1 for h in headings.values() if h.number is not None)
    if not card.sign(f"{_count(numbered)}numbered agenda items ('Punkt 1: ...', '1. ...')", 0.25, numbered):
        card.sign("an agenda item without a number", 0.15, headings)
    decisions = sum(1 for e in entries if reader.section(e) == "decision" or reader.decision_heading(e, "decision"))
    card.sign(f"{_count(decisions)}decisions ('Beslutning', 'Beslutning i <udvalg> den <dato>')", 0.35, decisions)
    roles = {role for e in entries if (role := reader.section(e))}
    card.sign(f"{_count(len(roles))}kinds of item sections (Resumé, Sagsfremstilling, Økonomi, ...)", 0.2,
              len(roles) >= 3)
    card.sign("sections only agenda items have (Beslutningstema, Indstilling, Beslutningskompetence)", 0.15,
              roles & {"decision_theme", "recommendation", "decision_authority"})
    return card.evidence


def interpret(reading: Reading) -> ImportResult:
    source = reading.source
    vocabulary = reading.vocabulary
    parts = entries_to_parts(lines_to_entries(reading.lines), vocabulary)
    if not parts.items:
        raise SourceError("No agenda item found (a heading like \"Punkt 1: ...\" or \"1. ...\" followed by "
                          "Beslutning, Indstilling or a case number)", source.path,
                          hint="Is this a committee's minutes (Referat)? If the headings are intact, name the "
                               "municipality's own words for them in an import profile.")
    warnings: list[ReadWarning] = []
    header, header_lines = entries_to_header(parts.header, vocabulary)
    header = with_heads(header, reading.document.heads, vocabulary)
    where = parts.header[0].provenance if parts.header else parts.items[0].provenance
    header = with_decisions(header, [latest for item in parts.items if (latest := _latest_named(item))], where,
                            warnings)
    if header.date_from == "decisions":
        reading.note(f"Meeting date {header.date}: taken from the decisions (the minutes print no meeting date)")
    records = [item_to_record(item, (header.committee, header.date), vocabulary, warnings) for item in parts.items]
    records = _with_partial_absences(records, partial_absences(parts.header, vocabulary))
    for item in records:
        if not item.decision:
            warnings.append(ReadWarning(f"{_name(item)} ({item.title}) has no decision", item.provenance))
    _check_contents(parts, records, vocabulary, warnings)
    _mark_used(reading, parts, header_lines)
    for table in (t for item in records for t in item.tables if t.unit):
        reading.note(f"Table '{table.title}' ({table.provenance.describe()}): amounts in {table.unit_text}")
    return ImportResult(KIND, source, tuple(records), tuple(_unique(warnings)), document=header)


def _with_partial_absences(records: list[AgendaItem], partial: Sequence[tuple[str, tuple[int, ...]]]
                           ) -> list[AgendaItem]:
    """A member the participants list says was absent from some items is absent on those items."""
    if not partial:
        return records
    return [dataclasses.replace(item, absent=tuple(dict.fromkeys(
        (*item.absent, *(name for name, numbers in partial if item.number in numbers))))) for item in records]


def _count(number: int) -> str:
    return f"{number} " if number else ""


def _latest_named(item: Item) -> tuple[str, str | None] | None:
    """The committee and date of an item's latest decision heading: in minutes without a header, the
    meeting is the one that decided last (the earlier headings are its history)."""
    named = [b.treatment for b in item.blocks if b.treatment is not None]
    if not named:
        return None
    latest = max(named, key=lambda t: t.date or "")
    return latest.committee, latest.date


def _name(item: AgendaItem) -> str:
    return f"Punkt {item.number}" if item.number is not None else "The item"


def _mark_used(reading: Reading, parts: Parts, header_lines: Sequence[Provenance]) -> None:
    reading.mark_used(*header_lines, *(e.provenance for e in parts.contents), *parts.structure)
    for item in parts.items:
        reading.mark_used(item.provenance, *item.structure)
        for block in item.blocks:
            reading.mark_used(block.provenance, *(e.provenance for e in block.entries))


def _unique(warnings: list[ReadWarning]) -> list[ReadWarning]:
    return list(dict.fromkeys(warnings))


def _check_contents(parts: Parts, items: Sequence[AgendaItem], vocabulary: Vocabulary,
                    warnings: list[ReadWarning]) -> None:
    """Every entry of the table of contents must have come out as an item. An entry may carry the
    item's number ("1 Høring ...", "246. Godkendelse ...") and be cut where the contents wrapped it;
    a section in the contents ("Underskrifter") is no item."""
    titles = [one_line(i.title).casefold() for i in items]
    for entry in parts.contents:
        if match := _CONTENTS_ENTRY.match(entry.text):
            title = one_line(match.group("title").rstrip(". "))
            if vocabulary.role(SECTIONS, title):
                continue
            bare = _CONTENTS_NUMBER.sub("", title).casefold()
            if not any(t == bare or len(bare) >= 20 and t.startswith(bare) for t in titles):
                warnings.append(ReadWarning(f"'{title}' is in the contents but no item of that title was read",
                                            entry.provenance))
