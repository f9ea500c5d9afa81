"""Read step of the minutes: lines to entries, markup and bullets removed, table rows told from prose.

Text exports carry markdown and "<b>" residue; a line with tabs is a table row, except where the
first cell is only a list number ("1.<tab>at dagsordenen godkendes") or the row is a label and its
value: those are prose with the tab read as a space.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from budgetbook.model import Provenance
from importers.cleanup import one_line, strip_markup
from importers.readers import Line

_HEADING_MARKS = re.compile(r"^#{1,6}\s*")
_EMPHASIS = re.compile(r"^\*{1,3}(?P<t>.*?)\*{1,3}$")
_ESCAPE = re.compile(r"\\([_*#\\\-\[\]()])")
_BULLET = re.compile(r"^[•·\uf0b7\uf0a7▪◦–-]\s+")
_LIST_NUMBER = re.compile(r"^\d{1,2}[.)]$")
_NUMBERED_LINE = re.compile(r"^(?:\d{1,2}[.)]|[a-zæøå][.)])\s")
_SPACE = 6.0  # points: a space and some slack between two words
_SENTENCE_ROOM = 30.0  # points left after a sentence's full stop: the paragraph ended there


@dataclass(frozen=True)
class Entry:
    """A line with markup removed: prose (one text) or a table row (cells)."""

    cells: tuple[str, ...]
    provenance: Provenance
    table: bool
    style: str | None = None
    room: float | None = None  # PDF: points left between the line's last word and the right edge of the text
    first_word: float | None = None  # PDF: the width of the line's first word

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)

    @property
    def heading_style(self) -> bool:
        """A Word paragraph in a heading style ("Heading 1", "Overskrift 2", "Title")."""
        return bool(self.style) and self.style.lower().startswith(("heading", "overskrift", "title", "titel"))


def clean_text(text: object) -> str:
    """Markdown and HTML residue removed: "## **Punkt 1: ...**" -> "Punkt 1: ..."."""
    value = str(text or "").replace("\u00a0", " ")
    value = _HEADING_MARKS.sub("", value.strip())
    value = strip_markup(value)
    while match := _EMPHASIS.match(value.strip()):
        value = match.group("t")
    return _ESCAPE.sub(r"\1", value).strip()


def lines_to_entries(lines: Sequence[Line]) -> list[Entry]:
    entries = []
    right_edge = _right_edges(lines)
    for line in lines:
        cells = [str(c) if c is not None else "" for c in line.cells]
        if len(cells) == 1 and "\t" in cells[0]:
            cells = cells[0].split("\t")
        cleaned = tuple(one_line(clean_text(c)) for c in cells)
        if not any(cleaned):
            continue
        table = len(cells) > 1 and not _is_prose_row(cleaned, line.style)
        if table:
            entries.append(Entry(cleaned, line.provenance, True, line.style))
        else:
            text = " ".join(c for c in cleaned if c) if len(cells) > 1 else (
                cleaned[0] if "\n" not in cells[0] else clean_text(cells[0]))
            room = first = None
            if line.words:
                room = right_edge.get(line.provenance.page, 0.0) - line.words[-1].x1
                run = line.words[0]  # a run of words; its first word's share of its width, by characters
                first = (run.x1 - run.x0) * len(run.text.split()[0]) / max(len(run.text), 1) if run.text else 0.0
            entries.append(Entry((_BULLET.sub("", text),), line.provenance, False, line.style, room, first))
    return entries


def _right_edges(lines: Sequence[Line]) -> dict[int | None, float]:
    """Per PDF page, where its text lines end at the right (the right margin, as the text fills it)."""
    edges: dict[int | None, float] = {}
    for line in lines:
        if line.words:
            page = line.provenance.page
            edges[page] = max(edges.get(page, 0.0), line.words[-1].x1)
    return edges


def _is_prose_row(cells: tuple[str, ...], style: str | None) -> bool:
    """A tabbed line that is prose: a list number and its text, or a paragraph (not a Word table row)
    whose cells hold labels and words rather than figures."""
    filled = [c for c in cells if c]
    if filled and _LIST_NUMBER.match(filled[0]) and len(filled) == 2:
        return True
    return style not in (None, "Table") and len(filled) <= 3 and not any(any(ch.isdigit() for ch in c[:1])
                                                                          for c in filled[1:])


def paragraphs(entries: Sequence[Entry]) -> list[str]:
    """PDF lines put back into the paragraphs they were wrapped from (a Word or text line is one already).

    A line goes on with the one before when its first word would not have fitted at the end of the
    line before, so the line was wrapped there; unless the line before ends a sentence with room to
    spare, or the line starts a numbered point. A PDF does not show every paragraph break: a
    paragraph that ends on a full line runs into the next one.
    """
    found: list[str] = []
    before: Entry | None = None
    for entry in entries:
        if found and before is not None and _wrapped(before, entry):
            found[-1] = join_wrapped(found[-1], entry.text)
        else:
            found.append(entry.text)
        before = entry
    return found


def _wrapped(before: Entry, entry: Entry) -> bool:
    if before.room is None or entry.first_word is None or _NUMBERED_LINE.match(entry.text):
        return False
    if before.text.rstrip().endswith((".", ":", "!", "?")) and before.room >= _SENTENCE_ROOM:
        return False
    return before.room < entry.first_word + _SPACE


def join_wrapped(text: str, more: str) -> str:
    """A line and its wrapped continuation: "13-08-" + "2024" -> "13-08-2024", else with a space."""
    if text.endswith("-") and more[:1].isdigit():
        return f"{text}{more}"
    return f"{text} {more}"
