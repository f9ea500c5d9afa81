"""Catalogues whose initiatives carry a label on every field, wherever the label stands.

    | Kommune | Greve Kommune |  | Titel | ... |          a label/value grid per initiative (KL, PDF)
    ØK-01 Færre kørselsgodtgørelser                       a heading with number and title, then
    | Udvalg: Økonomiudvalget | Område: Administration |  a two-column box of "Label: value" cells,
    Beskrivelse af forslaget / <its text>                 labels over their text,
    Effekt: 300 t.kr. årligt fra 2019                     one-line fields,
    | 1.000 kr. | 2018 | 2019 | ... |  | Besparelse | -150 | ...   and the effect by year in a table.

An initiative starts at a heading that numbers it ("Forslag 3: ...", "12. ...", "ØU-1: ..."), or
where a label it already has comes again (the next box of a grid starts with "Kommune"). Text
with no label continues the field whose label stood alone above it, or a wrapped line ("...
løses af" / "egne medarbejdere."), else it is the title (when there is none yet) or the description.
Steps: lines_to_printed (one `PrintedRecord` per initiative, text as printed).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from budgetbook.model import Provenance, ReadWarning
from importers.cleanup import one_line
from importers.fields import Field, cells_to_fields, line_cells
from importers.initiative_catalogue.printed import AREAS, FIELDS, STARTS, TEXT_ROLES, PrintedRecord
from importers.numbers import parse_number
from importers.readers import Line
from importers.ticks import has_marks
from importers.vocabulary import Vocabulary
from importers.year_columns import YearHeader, cells_to_year_header

EFFECT_ROWS = "catalogue.effect_rows"

START_CHARS = 110
# A proposal's code in front of its title ("ØK-01", "BU-5:", "KIU-3"): a shape of letters and digits
# that vocabulary templates (whole words) cannot say.
_CODE = re.compile(r"^(?P<code>[A-ZÆØÅ]{1,5}-?\d{1,3}[a-z]?)[:.]?\s+(?P<title>\S.*)$")
STARTING_ROLES = ("municipality", "title", "number")  # a second one of these starts the next initiative
TICK_ROLES = ("areas", "measure_types", "adopted")
TITLES = "catalogue.titles"


@dataclass
class _Walk:
    vocabulary: Vocabulary
    styled: bool
    records: list[PrintedRecord] = field(default_factory=list)
    warnings: list[ReadWarning] = field(default_factory=list)
    used: list[Provenance] = field(default_factory=list)
    section: str | None = None
    open_role: str | None = None  # a label stood alone: its text follows
    last_role: str | None = None  # the field the previous line ended with (a wrapped value continues it)
    table: YearHeader | None = None

    @property
    def current(self) -> PrintedRecord | None:
        return self.records[-1] if self.records else None

    def start(self, line: Line, number: str = "", title: str = "") -> PrintedRecord:
        previous = self.current
        if previous is not None and set(previous.texts) <= {"title"} and previous.seen <= {"title"}:
            self.records.pop()  # a numbered heading no field followed: a chapter ("5 Velfærdsteknologi")
        record = PrintedRecord("", line.provenance, self.section, number=number)
        if title:
            record.add("title", title)
            record.seen.add("title")
        self.records.append(record)
        self.open_role = None
        self.last_role = "title" if title else None  # a heading wrapped onto the next line goes on
        self.table = None
        return record


def lines_to_printed(lines: Sequence[Line], vocabulary: Vocabulary) -> tuple[list[PrintedRecord], list[ReadWarning],
                                                                             list[Provenance]]:
    walk = _Walk(vocabulary, styled=any(line.style for line in lines))
    filled = [line for line in lines if one_line(line.text)]
    for index, line in enumerate(filled):
        below = filled[index + 1] if index + 1 < len(filled) else None
        if record_start(line, vocabulary, walk.styled) is None and _titles_the_box_below(line, below, vocabulary):
            walk.start(line, "", one_line(line.text))
            walk.used.append(line.provenance)
            continue
        _read(walk, line)
    return walk.records, walk.warnings, walk.used


def _titles_the_box_below(line: Line, below: Line | None, vocabulary: Vocabulary) -> bool:
    """A Word heading below the first level, no label and no area, right above a box whose first row names
    the municipality or the number ("Digitalt ledelsestilsyn" over "| Kommune | Holbæk Kommune |"): the title
    of the initiative that box holds (KL's casekatalog)."""
    style = (line.style or "").lower()
    if below is None or not style.startswith("heading") or style == "heading 1" or len(line.cells) != 1:
        return False
    text = one_line(line.text)
    if vocabulary.match(FIELDS, text) is not None or vocabulary.role(AREAS, text) is not None:
        return False
    found = cells_to_fields(line_cells(below), below, vocabulary, FIELDS)
    return bool(found.fields) and found.fields[0].role in ("municipality", "number")


def record_start(line: Line, vocabulary: Vocabulary, styled: bool) -> tuple[str, str] | None:
    """(number, title) when a line is a heading that starts an initiative, else None."""
    texts = [one_line(c) for c in line.cells if one_line(c)]
    if len(texts) != 1 or len(texts[0]) > START_CHARS or texts[0].endswith("."):
        return None
    style = (line.style or "").lower()
    if styled and not style.startswith("heading"):
        return None
    text = texts[0]
    if match := _CODE.match(text):
        return match.group("code"), match.group("title").strip()
    hit = vocabulary.match(STARTS, text)
    if hit is None or hit.role != "numbered":
        return None
    number = next((str(v) for k, v in hit.values.items() if isinstance(v, int)), "")
    return number, hit.captures.get("title", "").strip()


def _read(walk: _Walk, line: Line) -> None:
    vocabulary = walk.vocabulary
    text = one_line(line.text)
    if (start := record_start(line, vocabulary, walk.styled)) is not None:
        walk.start(line, *start)
        walk.used.append(line.provenance)
        return
    if _is_section(line, text, walk):
        walk.section = text
        walk.used.append(line.provenance)
        return
    if (len(line.cells) > 2 and (header := cells_to_year_header(line.cells, vocabulary)) is not None
            and len(header.columns) >= 2):  # a table of years, not "Fuldt indfaset år | 2024"
        walk.table = header
        walk.used.append(line.provenance)
        return
    cells = line_cells(line)
    found = cells_to_fields(cells, line, vocabulary, FIELDS)
    if walk.table is not None and len(line.cells) > 1 and _read_year_row(walk, line):
        return
    walk.table = None
    record = walk.current
    if found.fields and (record is None or any(f.role in STARTING_ROLES and f.role in record.labels
                                               for f in found.fields)):
        record = walk.start(line)
    if record is None:
        if vocabulary.match(TITLES, text) is not None:
            walk.used.append(line.provenance)  # the catalogue's title
        return  # text before the first initiative: left unused, for `extract --explain` to show
    walk.used.append(line.provenance)
    last = None
    for item in found.fields:
        _store(record, item)
        last = item.role
    rest = [c for c in found.rest if c]
    if rest:
        if has_marks(" ".join(rest)) and last not in TICK_ROLES:
            target = "measure_types"  # tick boxes with no label of their own: what kind of measure it is
        elif last in TEXT_ROLES or last in TICK_ROLES:
            target = last  # more of the value the label on this line took
        else:
            target = _continued_role(walk, record, rest[0])
        for part in rest:
            record.add(target, part)
        last = last or target
    if found.fields:
        walk.open_role = found.fields[-1].role if found.fields[-1].open else None
    walk.last_role = last


def _store(record: PrintedRecord, item: Field) -> None:
    record.seen.add(item.role)
    record.labels[item.role] = item.label
    if isinstance(item.values.get("units"), str):
        record.units[item.role] = str(item.values["units"])
    if item.role == "municipality" and item.value:
        record.municipality = one_line(item.value)
    if item.role == "number" and item.value and not record.number:
        record.number = one_line(item.value)
    record.add(item.role, item.value)


def _continued_role(walk: _Walk, record: PrintedRecord, text: str) -> str:
    """Where text with no label belongs: under a label that stood alone above it, the field a wrapped
    line continues, else the title (when there is none yet) or the description."""
    if walk.open_role is not None:
        return walk.open_role
    if walk.last_role in TEXT_ROLES and text[:1].islower():
        return walk.last_role
    if not record.has("title"):
        return "title"
    return "description"


def _is_section(line: Line, text: str, walk: _Walk) -> bool:
    """An area section between initiatives: a known area's name standing alone ("Administration"), or a
    first-level Word heading that no initiative's number follows (also one named like a label)."""
    if len(line.cells) != 1:
        return False
    if (line.style or "").lower() == "heading 1" and walk.open_role is None:
        return True  # a chapter, also where its name is a label's ("Økonomi", one of KL's five areas)
    if walk.vocabulary.match(FIELDS, text) is not None:
        return False
    if walk.vocabulary.role(AREAS, text) is not None and walk.open_role is None:
        return True
    return (line.style or "").lower() == "heading 1"


def _read_year_row(walk: _Walk, line: Line) -> bool:
    """A row under a year header: the effect by year ("Besparelse | -150 | -300 | ...", "Mindreudgift | ...":
    an effect's label, or a row label of `catalogue.effect_rows`)."""
    record = walk.current
    header = walk.table
    assert header is not None
    label = one_line(line.cell(0))
    effect = walk.vocabulary.role(FIELDS, label) == "effect" or walk.vocabulary.role(EFFECT_ROWS, label) is not None
    if record is None or not effect:
        return False
    record.effect_by_year = {year: parse_number(line.cell(index), line.provenance)
                             for year, index in header.years.items()}
    if header.unit:
        record.units.setdefault("effect", header.unit)
    record.seen.add("effect_by_year")
    walk.used.append(line.provenance)
    return True
