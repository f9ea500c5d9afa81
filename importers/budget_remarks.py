"""Budget remarks ("Bemærkninger - Økonomiudvalget") from DOCX, PDF or text: one record per area.

    Bemærkninger - Økonomiudvalget                      <- title: the committee
    Jobcenter                                           <- area name: the line above ...
    Samlet nettobudget for området: 50.190.100 kr.      <- ... the stated net budget
    Budgetgrundlag                                      <- section headings, then their text
    ...

An area is found by its net budget line, so an area name needs no style. A section heading
is a line that is one of the known titles ("Budgetgrundlag", "Beskrivelse af området",
"Udvikling og udfordringer"), a short title-like line that heads sections in at least
three areas, or, in Word, a heading one level below the area's heading. Other title-like
lines ("Staben", "Forebyggelse") are sub-headings and stay in their section's text. Text
before an area's first heading is kept under "Uden overskrift".

Steps: lines_to_header -> lines_to_areas (split at net budget lines) -> area_to_sections
-> BudgetArea records.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from budgetbook.errors import SourceError
from budgetbook.model import ImportResult, Provenance, ReadWarning, SourceFile
from budgetbook.records.remarks import NO_HEADING, BudgetArea, RemarksDocument
from importers.cleanup import one_line
from importers.numbers import parse_number
from importers.prose import is_page_furniture, lines_to_text, visual_width
from importers.readers import Line
from importers.reading import Evidence, Reading, Scorecard

KIND = "budget_remarks"
KNOWN_SECTIONS = ("Budgetgrundlag", "Beskrivelse af området", "Udvikling og udfordringer")
LEARNED_SECTION_AREAS = 3  # a title-like line heading this many areas is a section heading too

_TITLE = re.compile(r"^Bemærkninger\s*[-–—:]\s*(?P<committee>\S.*)$", re.IGNORECASE)
_TITLE_WRAPPED = re.compile(r"^Bemærkninger\s*[-–—:]$", re.IGNORECASE)
_NET_BUDGET = re.compile(r"^Samlet nettobudget for området\s*:?\s*(?P<amount>.*)$", re.IGNORECASE)
_HEADING_STYLE = re.compile(r"^Heading (\d)$", re.IGNORECASE)
_TITLE_LIKE_WORDS = 7
_TITLE_LIKE_CHARS = 60


@dataclass(frozen=True)
class _Area:
    """An area's lines: its name line, its net budget line and the lines after it."""

    name: Line
    net_budget: Line
    body: tuple[Line, ...]


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    texts = [_text(line) for line in reading.head()] + list(reading.document.heads)
    card.sign("a title 'Bemærkninger - <udvalg>'", 0.5, any(_TITLE.match(t) or _TITLE_WRAPPED.match(t) for t in texts))
    net_budgets = sum(1 for line in reading.lines if _NET_BUDGET.match(_text(line)))
    card.sign(f"{net_budgets} net budget lines ('Samlet nettobudget for området')", 0.5, net_budgets)
    return card.evidence


def interpret(reading: Reading) -> ImportResult:
    source, lines = reading.source, reading.lines
    warnings: list[ReadWarning] = []
    document = lines_to_header(lines, source, warnings)
    areas = lines_to_areas(lines)
    if not areas:
        raise SourceError("No area found (no line 'Samlet nettobudget for området: ... kr.')", source.path,
                          hint="Is this a document of budget remarks? Check the net budget lines.")
    width = visual_width(lines)
    headings = section_headings(areas)
    records = tuple(area_to_record(area, headings, width, warnings) for area in areas)
    reading.mark_used(document.provenance if document.title else None)
    for area in areas:  # every line of an area is its name, its net budget, a heading or a section's text
        reading.mark_used(area.name, area.net_budget, *area.body)
    return ImportResult(KIND, source, records, tuple(warnings), document=document)


def lines_to_header(lines: Sequence[Line], source: SourceFile, warnings: list[ReadWarning]) -> RemarksDocument:
    """The title line "Bemærkninger - <committee>" among the first lines; a warning when it is missing."""
    head = [line for line in lines[:40] if _text(line)]
    for i, line in enumerate(head):
        if match := _TITLE.match(_text(line)):
            return RemarksDocument(_text(line), one_line(match.group("committee")), line.provenance)
        if _TITLE_WRAPPED.match(_text(line)) and i + 1 < len(head):  # a wide title wrapped after the dash
            title = f"{_text(line)} {_text(head[i + 1])}"
            return RemarksDocument(title, _text(head[i + 1]), line.provenance)
    where = next((line.provenance for line in lines if _text(line)), Provenance(source.path))
    warnings.append(ReadWarning("No title 'Bemærkninger - <udvalg>'; the committee is unknown", where))
    return RemarksDocument("", "", where)


def lines_to_areas(lines: Sequence[Line]) -> list[_Area]:
    """Split at the net budget lines; an area's name is the last text line above its net budget line."""
    starts: list[tuple[int, int]] = []  # (index of name line, index of net budget line)
    for i, line in enumerate(lines):
        if _NET_BUDGET.match(_text(line)):
            name = next((j for j in range(i - 1, -1, -1) if _text(lines[j]) and not is_page_furniture(_text(lines[j]))),
                        None)
            if name is None:
                raise SourceError("A net budget line has no area name above it", line.provenance,
                                  hint="Put the area's name on the line above 'Samlet nettobudget for området'.")
            starts.append((name, i))
    areas = []
    for k, (name, budget) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        areas.append(_Area(lines[name], lines[budget], tuple(lines[budget + 1:end])))
    return areas


def section_headings(areas: Sequence[_Area]) -> frozenset[str]:
    """The known section titles and the title-like lines that head sections in several areas (casefolded)."""
    seen: Counter[str] = Counter()
    for area in areas:
        seen.update({_key(_text(line)) for line in area.body if is_title_like(line)})
    learned = {title for title, count in seen.items() if count >= LEARNED_SECTION_AREAS}
    return frozenset({_key(t) for t in KNOWN_SECTIONS} | learned)


def is_title_like(line: Line) -> bool:
    """A short line that reads as a heading: few words, starts upper case, no full stop or comma at the end."""
    text = _text(line)
    return (0 < len(text) <= _TITLE_LIKE_CHARS and len(text.split()) <= _TITLE_LIKE_WORDS
            and text[0].isupper() and not text.endswith((".", ",", ";")) and not is_page_furniture(text))


def area_to_record(area: _Area, headings: frozenset[str], width: int,
                   warnings: list[ReadWarning]) -> BudgetArea:
    amount = _NET_BUDGET.match(_text(area.net_budget)).group("amount")  # type: ignore[union-attr]
    net_budget = parse_number(amount, area.net_budget.provenance)
    if net_budget is None:
        warnings.append(ReadWarning(f"The area '{_text(area.name)}' states no net budget", area.net_budget.provenance))
    return BudgetArea(
        name=_text(area.name),
        net_budget_kr=net_budget,
        sections=area_to_sections(area, headings, width),
        provenance=area.name.provenance,
        net_budget_provenance=area.net_budget.provenance,
    )


def area_to_sections(area: _Area, headings: frozenset[str], width: int) -> dict[str, str]:
    section_level = _heading_level(area.name) + 1 if _heading_level(area.name) else None
    parts: dict[str, list[Line]] = {}
    current = NO_HEADING
    for line in area.body:
        text = _text(line)
        level = _heading_level(line)
        if (section_level is not None and level == section_level) or (
                _key(text) in headings and (level is None or level == section_level)):
            current = text.rstrip(":").strip()
            parts.setdefault(current, [])
        else:
            parts.setdefault(current, []).append(line)
    sections = {title: lines_to_text(body, width) for title, body in parts.items()}
    if not sections.get(NO_HEADING):
        sections.pop(NO_HEADING, None)
    return sections


def _heading_level(line: Line) -> int | None:
    match = _HEADING_STYLE.match(line.style or "")
    return int(match.group(1)) if match else None


def _text(line: Line) -> str:
    return one_line(" ".join(str(c) for c in line.cells if c not in (None, "")))


def _key(text: str) -> str:
    return text.rstrip(":").strip().casefold()
