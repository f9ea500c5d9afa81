"""An area's text, split into sections by their headings.

A section heading is a line the vocabulary knows (`remarks.sections`: "Budgetgrundlag",
"Beskrivelse af området", "Udfordringer og indsatser", ...), a short title-like line that heads
sections in several areas (a municipality's own headings, learned from the document), or, in
Word, a heading one level below the area's heading. Other title-like lines ("Staben",
"Forebyggelse") are sub-headings and stay in their section's text. Text before the first
heading is kept under "Uden overskrift"; table rows (the area's budget table) are no prose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from budgetbook.records.remarks import NO_HEADING
from importers.budget_remarks.areas import SECTIONS, Area, heading_level, is_title_like, text_of
from importers.prose import lines_to_text
from importers.readers import Line
from importers.vocabulary import Vocabulary

LEARNED_SECTION_AREAS = 3  # a title-like line heading this many areas is a section heading too


def learned_headings(areas: Sequence[Area]) -> frozenset[str]:
    """Title-like lines that stand in at least three areas: the document's own section headings (casefolded)."""
    seen: Counter[str] = Counter()
    for area in areas:
        seen.update({_key(text_of(line)) for line in area.body if is_title_like(line)})
    return frozenset(title for title, count in seen.items() if count >= LEARNED_SECTION_AREAS)


def is_section_heading(line: Line, area: Area, learned: frozenset[str], vocabulary: Vocabulary) -> bool:
    text = text_of(line)
    if not text or len(line.cells) > 1:
        return False
    level, area_level = heading_level(line), heading_level(area.name)
    section_level = area_level + 1 if area_level is not None else None
    if section_level is not None and level == section_level:
        return True
    known = _key(text) in learned or (len(text) <= 80 and vocabulary.match(SECTIONS, text) is not None)
    return known and (level is None or level == section_level)


def area_to_sections(area: Area, learned: frozenset[str], vocabulary: Vocabulary, width: int,
                     skip: frozenset[int]) -> tuple[dict[str, str], list[Line]]:
    """The sections of an area (heading -> text) and the heading lines; lines in `skip` (its net budget
    statement, table rows) are left out of the text."""
    parts: dict[str, list[Line]] = {}
    headings: list[Line] = []
    current = NO_HEADING
    for line in area.body:
        if id(line) in skip or len(line.cells) > 1:
            continue
        if is_section_heading(line, area, learned, vocabulary):
            current = text_of(line).rstrip(":").strip()
            parts.setdefault(current, [])
            headings.append(line)
        else:
            parts.setdefault(current, []).append(line)
    sections = {title: lines_to_text(body, width) for title, body in parts.items()}
    if not sections.get(NO_HEADING):
        sections.pop(NO_HEADING, None)
    return sections, headings


def _key(text: str) -> str:
    return text.rstrip(":").strip().casefold()
