"""Model step of the minutes: an item's blocks to its record (`AgendaItem`).

Recommendations are numbered ("1. at ..."; a list restarting at 1 after an item ending in ":" is
nested, "4.1."), the words that introduce them ("Direktionen indstiller:") left out; attachments
are "Bilag" lines (a PDF wraps them) or one a line;
every other section is kept by its role with its text (a history section that only names the
committees a case goes to, "Politisk behandling", as the case's process).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from budgetbook.model import ReadWarning
from budgetbook.records.minutes import AgendaItem, ItemSection, MinutesTable
from importers.minutes.decisions import is_route, item_decisions
from importers.minutes.entries import Entry, paragraphs
from importers.minutes.parts import Item
from importers.minutes.tables import table_to_record, tables_of
from importers.vocabulary import Vocabulary

_NUMBERED = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<t>.+)$")
READ_AS_FIELDS = ("treatment", "decision", "history", "absent", "recommendation", "decision_authority", "attachments")


def item_to_record(item: Item, meeting: tuple[str, str | None], vocabulary: Vocabulary,
                   warnings: list[ReadWarning]) -> AgendaItem:
    decisions = item_decisions(item, meeting, vocabulary, warnings)
    latest = decisions.latest
    return AgendaItem(
        number=item.number,
        title=item.title,
        case_number=item.case_number,
        decision=latest.text if latest else "",
        decided_by=latest.committee if latest else "",
        decided_on=latest.date if latest else None,
        recommendations=recommendations(_prose_of(item, "recommendation")),
        decision_authority=" ".join(e.text for e in _prose_of(item, "decision_authority")),
        history=decisions.history,
        absent=decisions.absent,
        tables=item_tables(item, vocabulary, warnings),
        attachments=attachments(_prose_of(item, "attachments")),
        sections=tuple(ItemSection("process" if b.role == "history" else b.role, b.heading,
                                   "\n".join(paragraphs(b.prose)), b.provenance)
                       for b in item.blocks if b.prose and b.provenance and (
                           b.role not in READ_AS_FIELDS or b.role == "history" and is_route(b, vocabulary))),
        provenance=item.provenance,
    )


def item_tables(item: Item, vocabulary: Vocabulary, warnings: list[ReadWarning]) -> tuple[MinutesTable, ...]:
    entries = [e for block in item.blocks for e in block.entries]
    return tuple(table_to_record(rows, intro, vocabulary, warnings) for rows, intro in tables_of(entries))


def _prose_of(item: Item, role: str) -> list[Entry]:
    return [e for block in item.blocks if block.role == role for e in block.prose]


def attachments(entries: Sequence[Entry]) -> tuple[str, ...]:
    """"Bilag N - ..." lines, a line not starting with "Bilag" continuing the one before (a PDF wrap);
    where no line starts with "Bilag", one attachment a line ("Samlet overblik BO3")."""
    numbered = any(e.text.startswith("Bilag") for e in entries)
    found: list[str] = []
    for entry in entries:
        if found and numbered and not entry.text.startswith("Bilag"):
            found[-1] = f"{found[-1]} {entry.text}"
        else:
            found.append(entry.text)
    return tuple(found)


def recommendations(entries: Sequence[Entry]) -> tuple[str, ...]:
    """Numbered recommendations; the lines before the first number introduce them."""
    result: list[list[str]] = []  # [number, text]
    intro: list[str] = []
    top = nested = 0
    for entry in entries:
        text = entry.text
        match = _NUMBERED.match(text)
        number = int(match.group("n")) if match else None
        if match is None or number is None:
            if result:
                result[-1][1] = f"{result[-1][1]} {text}"
            else:
                intro.append(text)
        elif number == 1 and result and result[-1][1].endswith(":") and not nested:
            nested = 1
            result.append([f"{top}.1", match.group("t")])
        elif nested and number == nested + 1:
            nested = number
            result.append([f"{top}.{number}", match.group("t")])
        elif number == top + 1:
            top, nested = number, 0
            result.append([str(number), match.group("t")])
        elif result:
            result[-1][1] = f"{result[-1][1]} {text}"
        else:
            intro.append(text)
    if not result:
        return (" ".join(intro),) if intro else ()
    kept = [line for line in intro if not line.rstrip().endswith((":", ",", " at"))]
    return (*kept, *(f"{n}. {t}" for n, t in result))
