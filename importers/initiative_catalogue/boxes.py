"""KL's idébank box layout: an initiative per box, its title and description printed without labels.

    Frederikssund Kommune                              <- the municipality starts a box (in a PDF: a
    Fokus på digitale løsninger og ...                    header bar "Municipality | Title")
    Der arbejdes i Center for Økonomi løbende ...      <- the description (after a blank or indented line)
    Berørte fagområder                                 <- labels of catalogue.fields, then their text:
     Daginstitutioner ☐  Kultur & Fritid ☐  ...          the areas with their boxes,
    Økonomi  Typer af tiltag                              a two-column block: labelled fields on the
     Effekt ved fuld indfasning (t.kr.): 450  Digitalisering/Automatisering    left, the types on the right,
    Yderligere information                                and the source.
     Bilag A - Budgetinitiativer 2024 - 2027.pdf

Boxes run on across pages, several to a page, under area sections ("Administration", "Skoler").
Steps: lines_to_fragments (cells, or text split at wide gaps; the catalogue's own title repeated
as a page head dropped) -> fragments_to_printed (one `PrintedRecord` per box, text as printed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from budgetbook.model import Provenance, ReadWarning
from importers.fields import split_label_value
from importers.initiative_catalogue.printed import AREAS, FIELDS, STARTS, PrintedRecord
from importers.readers import Line
from importers.vocabulary import Vocabulary

TITLES = "catalogue.titles"
PAGE_NUMBERS = "common.page_numbers"
MUNICIPALITY_WORDS = 6  # "Ringkøbing-Skjern Kommune": a longer line ending in "Kommune" is a sentence
_WIDE_GAP = re.compile(r"\s{2,}")  # text exports keep a layout's columns apart by runs of spaces


@dataclass(frozen=True)
class Fragmented:
    """A line as the parts a reader sees: cells, or text split where a wide gap stands."""

    parts: tuple[str, ...]
    indented: bool  # the line starts right of the margin (a right-hand column in text exports)
    provenance: Provenance
    follows_blank: bool = False  # a blank line stood before it (text exports; ends a title)

    @property
    def text(self) -> str:
        return " ".join(self.parts)


def municipality_start(text: str, vocabulary: Vocabulary) -> str | None:
    """The municipality's name when a line is only that ("Greve Kommune"), else None."""
    if ":" in text:
        return None  # "Kommune: Faxe Kommune" is a label and its value
    hit = vocabulary.match(STARTS, text)
    if hit is None or hit.role != "municipality":
        return None
    words = text.split()
    return text if text[:1].isupper() and len(words) <= MUNICIPALITY_WORDS else None


def is_box_layout(lines: Sequence[Line], vocabulary: Vocabulary) -> bool:
    """Do initiatives start with a line (or header cell) that is only a municipality's name?"""
    for line in lines:
        cells = [str(c).strip() for c in line.cells if c not in (None, "") and str(c).strip()]
        if not cells:
            continue
        first = _WIDE_GAP.split(cells[0].strip())[0] if len(cells) == 1 else cells[0]
        if municipality_start(" ".join(first.split()), vocabulary):
            return True
    return False


def lines_to_fragments(lines: Iterable[Line], vocabulary: Vocabulary) -> tuple[list[Fragmented], list[Provenance]]:
    """Each non-blank line as parts, and the lines dropped as page heads: where a text export prints the
    catalogue's title in the body, one or two title lines followed by the page number."""
    fragments: list[Fragmented] = []
    blank = False
    for line in lines:
        fragment = line_to_fragmented(line, blank)
        blank = fragment is None
        if fragment is not None:
            fragments.append(fragment)
    heads: set[int] = set()
    for i, fragment in enumerate(fragments):
        if i in heads or vocabulary.match(TITLES, fragment.text) is None:
            continue
        for j in range(i + 1, min(i + 3, len(fragments))):
            if vocabulary.match(PAGE_NUMBERS, fragments[j].text) is not None:
                heads.update(range(i, j + 1))
                break
            if vocabulary.match(TITLES, fragments[j].text) is None:
                break
    kept = [f for i, f in enumerate(fragments) if i not in heads]
    return kept, [fragments[i].provenance for i in sorted(heads)]


def line_to_fragmented(line: Line, follows_blank: bool = False) -> Fragmented | None:
    cells = [str(c) for c in line.cells if c is not None and str(c).strip()]
    if not cells:
        return None
    if len(cells) > 1:
        return Fragmented(tuple(" ".join(c.split()) for c in cells), True, line.provenance, follows_blank)
    raw = cells[0].replace("\u00a0", " ")
    parts = tuple(" ".join(p.split()) for p in _WIDE_GAP.split(raw.strip()) if p.strip())
    return Fragmented(parts, raw[:1].isspace(), line.provenance, follows_blank)


class _Walk:
    """The state of reading boxes: the box being read, which block of it, what an economy line ended with."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.records: list[PrintedRecord] = []
        self.warnings: list[ReadWarning] = []
        self.section: str | None = None
        self.state = "between"
        self.current: PrintedRecord | None = None
        self.target: PrintedRecord | None = None  # the box the source lines belong to (usually current)
        self.economy_last: tuple[str, int] | None = None  # ("field", role) or ("type", index)
        self.used: list[Provenance] = []


def fragments_to_printed(fragments: Sequence[Fragmented],
                         vocabulary: Vocabulary) -> tuple[list[PrintedRecord], list[ReadWarning], list[Provenance]]:
    """Walk the lines box by box: municipality, title, description, areas, economy, source. Returns the
    boxes, the warnings and the lines that became part of a box."""
    walk = _Walk(vocabulary)
    for fragment in fragments:
        _read(walk, fragment)
    return walk.records, walk.warnings, walk.used


def _read(walk: _Walk, fragment: Fragmented) -> None:
    text = fragment.text
    vocabulary = walk.vocabulary
    if walk.state in ("between", "source") and vocabulary.role(AREAS, text) is not None:
        walk.section, walk.state = text, "between"
        walk.used.append(fragment.provenance)
        return
    municipality, title = _record_start(fragment, vocabulary)
    current = walk.current
    if municipality and walk.state in ("between", "source", "economy") and not (
            walk.state == "source" and current is not None and not current.has("source")):
        walk.current = walk.target = PrintedRecord(municipality, fragment.provenance, walk.section)
        walk.records.append(walk.current)
        for line in title:
            walk.current.add("title", line)
        walk.state = "description" if title else "title"
        walk.economy_last = None
        walk.used.append(fragment.provenance)
        return
    if current is None:
        walk.warnings.append(ReadWarning(f"Text before the first initiative skipped: {text[:60]!r}",
                                         fragment.provenance))
        return
    label = vocabulary.role(FIELDS, fragment.parts[0])
    walk.used.append(fragment.provenance)
    if label in ("areas", "economy", "source"):
        current.labels.setdefault(label, fragment.parts[0])
    if label == "areas":
        walk.state = "areas"
        current.seen.add("areas")
        return
    if label == "economy":
        walk.state = "economy"
        current.seen.add("economy")
        return
    if label == "source":
        walk.state = "source"
        walk.target = current
        if current.has("source"):
            walk.target = _orphan_of_source(walk, fragment)
        walk.target.seen.add("source")
        walk.target.texts.setdefault("source", [])
        return
    if walk.state == "title" and current.has("title") and (fragment.follows_blank or fragment.indented):
        walk.state = "description"
    if walk.state == "title":
        current.add("title", text)
    elif walk.state == "description":
        current.add("description", text)
    elif walk.state == "areas":
        current.add("areas", text)
    elif walk.state == "economy":
        _read_economy_line(walk, current, fragment)
    elif walk.state == "source":
        assert walk.target is not None
        walk.target.add("source", text)
    else:
        walk.used.pop()
        walk.warnings.append(ReadWarning(f"Text between initiatives skipped: {text[:60]!r}", fragment.provenance))


def _orphan_of_source(walk: _Walk, fragment: Fragmented) -> PrintedRecord:
    """A second "Yderligere information" in one box: it belongs to an earlier box that had none
    (the layout printed the next box in between)."""
    assert walk.current is not None
    for earlier in reversed(walk.records[:-1]):
        if "source" not in earlier.seen:
            walk.warnings.append(ReadWarning(
                f"'Yderligere information' printed after the next initiative; given to the one of "
                f"{earlier.municipality} ({earlier.provenance.describe()})", fragment.provenance))
            return earlier
    walk.warnings.append(ReadWarning("A second 'Yderligere information' in one initiative; its lines are added",
                                     fragment.provenance))
    return walk.current


def _record_start(fragment: Fragmented, vocabulary: Vocabulary) -> tuple[str | None, tuple[str, ...]]:
    """The municipality (and title, when a PDF header cell holds it) if the line starts a box."""
    if municipality := municipality_start(fragment.text, vocabulary):
        return municipality, ()
    if len(fragment.parts) > 1 and (municipality := municipality_start(fragment.parts[0], vocabulary)):
        return municipality, fragment.parts[1:]
    return None, ()


def _read_economy_line(walk: _Walk, record: PrintedRecord, fragment: Fragmented) -> None:
    """Left column: labelled fields; right column: "Typer af tiltag". Unlabelled text continues
    whatever ended the previous line, unless it starts right of the margin (a new type)."""
    last = walk.economy_last
    for index, part in enumerate(fragment.parts):
        field = split_label_value(part, Line((part,), fragment.provenance), walk.vocabulary, FIELDS)
        role = walk.vocabulary.role(FIELDS, part)
        if field is not None:
            record.texts[field.role] = [field.value] if field.value else []
            record.labels[field.role] = field.label
            if isinstance(field.values.get("units"), str):
                record.units[field.role] = str(field.values["units"])
            last = ("field", field.role)
        elif role == "measure_types":
            record.labels["measure_types"] = part
            continue
        elif index > 0 or fragment.indented or last is None:
            record.add("measure_types", part)
            last = ("type", len(record.text("measure_types")) - 1)
        elif last[0] == "field":
            record.add(str(last[1]), part)
        else:
            types = record.texts["measure_types"]
            types[int(last[1])] = f"{types[int(last[1])]} {part}"
    walk.economy_last = last
