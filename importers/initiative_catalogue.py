"""The initiative catalogue ("Kommunale effektiviseringsforslag", "Idébank") from PDF or text.

The catalogue prints one box per initiative: the municipality, the title, a
description, the ticked "Berørte fagområder", an "Økonomi" block beside the "Typer af
tiltag", and "Yderligere information" (the source). Boxes run on across pages, several
to a page, under area sections ("Administration", "Skoler", ...); an initiative that
touches several areas is printed once under each, and is merged back to one here.

Steps: lines_to_fragments (cells, or text split at wide gaps; running page headers
dropped) -> fragments_to_printed (one `PrintedRecord` per box, raw text kept) ->
printed_to_initiative (fields read, hyphenation repaired) -> merge_repeats.
`read_printed` gives the raw boxes (the sample generator lays them out as a PDF).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from budgetbook.errors import NumberError
from budgetbook.model import ImportResult, Provenance, ReadWarning
from budgetbook.records.catalogue import CatalogueDocument, Initiative
from importers.cleanup import one_line
from importers.numbers import parse_number
from importers.readers import Line, read_lines
from importers.reading import Evidence, Reading, Scorecard

KIND = "initiative_catalogue"

AREAS = ("Daginstitutioner", "Kultur & Fritid", "Skoler", "Teknik & Miljø", "Udsatte børn",
         "Beskæftigelse & Erhverv", "Udsatte voksne & borgere med handicap", "Administration",
         "Ældre & Sundhed")
# The boxes of "Berørte fagområder": symbol-font characters in text exports (U+F053 ticked,
# U+F0A3 empty, each followed by U+F020, a symbol-font space), ballot boxes in other PDFs.
TICKED = frozenset("\uf053☒☑■✔")
UNTICKED = frozenset("\uf0a3☐□")
SYMBOL_SPACE = "\uf020"

AREAS_LABEL = "Berørte fagområder"
ECONOMY_LABEL = re.compile(r"^Økonomi\b")
SOURCE_LABEL = "Yderligere information"
FIELDS = {
    "effect": re.compile(r"^Effekt ved fuld indfasning(?: \(t\.kr\.\))?:\s*(?P<v>.*)$"),
    "full_year": re.compile(r"^Fuldt indfaset år:\s*(?P<v>.*)$"),
    "cost": re.compile(r"^Implementeringsomkostninger:\s*(?P<v>.*)$"),
    "adopted": re.compile(r"^Er forslaget vedtaget:\s*(?P<v>.*)$"),
}
_MUNICIPALITY = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ.\- ]{1,40} Kommune$")
_RUNNING_HEADER = re.compile(r"^(Kommunale effektiviseringsforslag i budget \d{4}|Idébank \d{4})$")
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_WIDE_GAP = re.compile(r"\s{2,}")
_BULLET = re.compile(r"^(?:[•\-–*]|\d+\.)\s")
_SOURCE_PAGE_RESIDUE = re.compile(r"\s*(?:Budget \d{4}\s+)?Side \d+ af \d+\b\s*")
_CONJUNCTIONS = {"og", "eller", "samt", "til"}
_KEEP_HYPHEN_PREFIXES = {"it", "ikt", "pc", "sosu", "co2", "ok", "led"}
_WORD_ONE_WORD = re.compile(r"(?P<left>[^\W\d_]+)1(?P<right>[^\W\d_]+)")
_LINE_END_HYPHEN = re.compile(r"(?P<left>[\w]+)-\n(?P<right>[^\W_]+)")


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


@dataclass
class PrintedRecord:
    """One printed box, its text as read (nothing repaired yet)."""

    municipality: str
    provenance: Provenance
    section: str | None
    title_lines: list[str] = field(default_factory=list)
    description_lines: list[str] = field(default_factory=list)
    area_text: list[str] = field(default_factory=list)
    economy: dict[str, str] = field(default_factory=dict)
    measure_types: list[str] = field(default_factory=list)
    source_lines: list[str] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # which labels the box showed
    economy_last: tuple[str, object] | None = None  # what the previous economy line ended with


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    vocabulary = reading.vocabulary
    texts = [line.text for line in reading.head(200)]
    labels = {hit.role for text in texts if (hit := vocabulary.search("catalogue.labels", text))}
    card.sign(f"the label '{AREAS_LABEL}'", 0.3, "areas" in labels)
    card.sign("the label 'Typer af tiltag'", 0.3, "measure_types" in labels)
    card.sign("economy labels (Effekt ved fuld indfasning, Fuldt indfaset år, ...)", 0.2,
              labels & {"effect", "full_year", "cost", "adopted"})
    card.sign("municipalities' names ('... Kommune')", 0.2, any(_MUNICIPALITY.match(t.strip()) for t in texts))
    return card.evidence


def read_printed(path: Path) -> list[PrintedRecord]:
    """The raw printed boxes of a catalogue file, in print order."""
    printed, _ = fragments_to_printed(lines_to_fragments(read_lines(path)))
    return printed


def interpret(reading: Reading) -> ImportResult:
    source = reading.source
    fragments = lines_to_fragments(reading.lines)
    printed, warnings = fragments_to_printed(fragments)
    skipped = {w.provenance for w in warnings}
    reading.mark_used(*(f.provenance for f in fragments if f.provenance not in skipped))
    initiatives = []
    for record in printed:
        initiative, problems = printed_to_initiative(record)
        initiatives.append(initiative)
        warnings.extend(problems)
    merged, merge_warnings = merge_repeats(unify_measure_types(initiatives))
    warnings.extend(merge_warnings)
    repeats = len(initiatives) - len(merged)
    if repeats:
        warnings.append(ReadWarning(
            f"{repeats} initiatives were printed more than once (under each of their areas) and merged",
            Provenance(source.path)))
    sections = tuple(dict.fromkeys(r.section for r in printed if r.section))
    document = CatalogueDocument(printed_records=len(printed), merged_repeats=repeats, sections=sections)
    return ImportResult(KIND, source, tuple(merged), tuple(warnings), document=document)


# -- read: lines to fragments ------------------------------------------------------------

def lines_to_fragments(lines: Iterable[Line]) -> list[Fragmented]:
    """Each non-blank line as parts; the catalogue's running page header is dropped."""
    fragments: list[Fragmented] = []
    after_header = False
    blank = False
    for line in lines:
        fragment = line_to_fragmented(line, blank)
        blank = fragment is None
        if fragment is None:
            continue
        if _RUNNING_HEADER.match(fragment.text):
            after_header = True
            continue
        if after_header and _PAGE_NUMBER.match(fragment.text):
            after_header = False
            continue
        after_header = False
        fragments.append(fragment)
    return fragments


def line_to_fragmented(line: Line, follows_blank: bool = False) -> Fragmented | None:
    cells = [str(c) for c in line.cells if c is not None and str(c).strip()]
    if not cells:
        return None
    if len(cells) > 1:
        return Fragmented(tuple(" ".join(c.split()) for c in cells), True, line.provenance, follows_blank)
    raw = cells[0].replace("\u00a0", " ")
    parts = tuple(" ".join(p.split()) for p in _WIDE_GAP.split(raw.strip()) if p.strip())
    return Fragmented(parts, raw[:1].isspace(), line.provenance, follows_blank)


# -- interpret: fragments to printed boxes ---------------------------------------------------

def fragments_to_printed(fragments: Sequence[Fragmented]) -> tuple[list[PrintedRecord], list[ReadWarning]]:
    """Walk the lines box by box: municipality, title, description, areas, economy, source."""
    records: list[PrintedRecord] = []
    warnings: list[ReadWarning] = []
    section: str | None = None
    state = "between"
    current: PrintedRecord | None = None
    target: PrintedRecord | None = None  # the box the source lines belong to (usually current)
    for fragment in fragments:
        text = fragment.text
        if state in ("between", "source") and text in AREAS:
            section, state = text, "between"
            continue
        municipality, title = _record_start(fragment)
        if municipality and state in ("between", "source", "economy") and not (
                state == "source" and current is not None and not current.source_lines):
            current = target = PrintedRecord(municipality, fragment.provenance, section)
            records.append(current)
            current.title_lines.extend(title)
            state = "description" if title else "title"
            continue
        if current is None:
            warnings.append(ReadWarning(f"Text before the first initiative skipped: {text[:60]!r}",
                                        fragment.provenance))
            continue
        if text.startswith(AREAS_LABEL):
            state = "areas"
            current.seen.add("areas")
            continue
        if ECONOMY_LABEL.match(text):
            state = "economy"
            current.seen.add("economy")
            continue
        if text.startswith(SOURCE_LABEL):
            state = "source"
            target = current
            if current.source_lines:
                target = _orphan_of_source(records, current, fragment, warnings)
            target.seen.add("source")
            continue
        if state == "title" and current.title_lines and (fragment.follows_blank or fragment.indented):
            state = "description"
        if state == "title":
            current.title_lines.append(text)
        elif state == "description":
            current.description_lines.append(text)
        elif state == "areas":
            current.area_text.append(text)
        elif state == "economy":
            _read_economy_line(current, fragment)
        elif state == "source":
            target.source_lines.append(text)
        else:
            warnings.append(ReadWarning(f"Text between initiatives skipped: {text[:60]!r}", fragment.provenance))
    return records, warnings


def _orphan_of_source(records: list[PrintedRecord], current: PrintedRecord, fragment: Fragmented,
                      warnings: list[ReadWarning]) -> PrintedRecord:
    """A second "Yderligere information" in one box: it belongs to an earlier box that had none
    (the layout printed the next box in between)."""
    for earlier in reversed(records[:-1]):
        if "source" not in earlier.seen:
            warnings.append(ReadWarning(
                f"'{SOURCE_LABEL}' printed after the next initiative; given to the one of "
                f"{earlier.municipality} ({earlier.provenance.describe()})", fragment.provenance))
            return earlier
    warnings.append(ReadWarning(f"A second '{SOURCE_LABEL}' in one initiative; its lines are added",
                                fragment.provenance))
    return current


def _record_start(fragment: Fragmented) -> tuple[str | None, tuple[str, ...]]:
    """The municipality (and title, when a PDF header cell holds it) if the line starts a box."""
    if _MUNICIPALITY.match(fragment.text):
        return fragment.text, ()
    if len(fragment.parts) > 1 and _MUNICIPALITY.match(fragment.parts[0]):
        return fragment.parts[0], fragment.parts[1:]
    return None, ()


def _read_economy_line(record: PrintedRecord, fragment: Fragmented) -> None:
    """Left column: labelled fields; right column: "Typer af tiltag". Unlabelled text continues
    whatever ended the previous line, unless it starts right of the margin (a new type)."""
    last = record.economy_last
    for index, part in enumerate(fragment.parts):
        name = next((n for n, pattern in FIELDS.items() if pattern.match(part)), None)
        if name is not None:
            record.economy[name] = FIELDS[name].match(part).group("v")  # type: ignore[union-attr]
            last = ("field", name)
        elif part.startswith("Typer af tiltag"):
            continue
        elif index > 0 or fragment.indented or last is None:
            record.measure_types.append(part)
            last = ("type", len(record.measure_types) - 1)
        elif last[0] == "field":
            key = str(last[1])
            record.economy[key] = f"{record.economy[key]} {part}".strip()
        else:
            index_of = int(last[1])  # type: ignore[call-overload]
            record.measure_types[index_of] = f"{record.measure_types[index_of]} {part}"
    record.economy_last = last


# -- model: printed box to initiative ----------------------------------------------------------

def printed_to_initiative(record: PrintedRecord) -> tuple[Initiative, list[ReadWarning]]:
    warnings: list[ReadWarning] = []
    where = record.provenance
    title = repair_hyphenation(" ".join(record.title_lines))
    missing = [label for key, label in (("areas", AREAS_LABEL), ("economy", "Økonomi"),
                                        ("source", SOURCE_LABEL)) if key not in record.seen]
    if not title:
        missing.insert(0, "title")
    if missing:
        warnings.append(ReadWarning(
            f"Initiative of {record.municipality} {title[:50]!r}: no {', '.join(missing)} found", where))
    areas, unknown = parse_areas(" ".join(record.area_text))
    if "areas" in record.seen and not any(c in TICKED | UNTICKED for c in "".join(record.area_text)):
        warnings.append(ReadWarning(
            f"Initiative {title[:50]!r}: the boxes of {AREAS_LABEL} are not in the text; no areas read", where))
    for name in unknown:
        warnings.append(ReadWarning(f"Unknown area {name!r} among Berørte fagområder of {title[:50]!r}", where))
    initiative = Initiative(
        municipality=one_line(record.municipality),
        title=title,
        description=description_text(record.description_lines),
        effect_tkr=_effect(record.economy.get("effect"), where, warnings),
        full_year=_year(record.economy.get("full_year"), where, warnings),
        implementation_cost_text=one_line(record.economy.get("cost", "")),
        adopted=_adopted(record.economy.get("adopted"), where, warnings),
        measure_types=tuple(_measure_type(t) for t in record.measure_types),
        affected_areas=areas,
        source=source_text(record.source_lines),
        provenance=where,
    )
    return initiative, warnings


def parse_areas(text: str) -> tuple[tuple[str, ...], list[str]]:
    """The ticked areas of a "Berørte fagområder" block, and names that are no known area."""
    ticked: list[str] = []
    unknown: list[str] = []
    name: list[str] = []
    for char in text.replace(SYMBOL_SPACE, " "):
        if char in TICKED or char in UNTICKED:
            label = " ".join("".join(name).split())
            name = []
            if label not in AREAS:
                unknown.append(label)
            if char in TICKED:
                ticked.append(label)
        else:
            name.append(char)
    return tuple(ticked), unknown


def description_text(lines: Sequence[str]) -> str:
    """Lines joined into running text; a bullet starts a new line; hyphenation and page residue removed."""
    text = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if not text:
            text = line
        elif _BULLET.match(line):
            text = f"{text}\n{line}"
        elif text.endswith("-") and not text.endswith(" -"):
            text = f"{text}\n{line}"  # repaired below
        else:
            text = f"{text} {line}"
    text = repair_hyphenation(text)
    return _SOURCE_PAGE_RESIDUE.sub(" ", text).strip()


def repair_hyphenation(text: str) -> str:
    """Undo word breaks: "effekti1viseringer" and "effekti-<newline>viseringer" become "effektiviseringer".

    The hyphen stays where Danish writes one: after acronyms and digits ("IT-systemer",
    "4-2"), after "it" and the like, and before og/eller ("kontor- og mødefaciliteter").
    """
    text = _WORD_ONE_WORD.sub(lambda m: _join(m.group("left"), m.group("right")), text)
    return _LINE_END_HYPHEN.sub(lambda m: _join(m.group("left"), m.group("right")), text)


def _join(left: str, right: str) -> str:
    if right.lower() in _CONJUNCTIONS:
        return f"{left}- {right}"
    if left.isupper() or left[-1].isdigit() or left.lower() in _KEEP_HYPHEN_PREFIXES:
        return f"{left}-{right}"
    return f"{left}{right}"


def source_text(lines: Sequence[str]) -> str:
    """The "Yderligere information" lines; a link broken over lines is joined without a space."""
    text = ""
    for line in (one_line(x) for x in lines):
        if not line:
            continue
        glue = "" if text.endswith(("-", "/", "_")) or line.startswith(("%", "_", "/")) else " "
        text = f"{text}{glue}{line}" if text else line
    return text


def _measure_type(text: str) -> str:
    return re.sub(r"\s*/\s*", "/", one_line(text))


def _effect(text: str | None, where: Provenance, warnings: list[ReadWarning]) -> int | float | None:
    value = one_line(text)
    if not value or value.lower() == "ikke oplyst":
        return None
    try:
        return parse_number(value, where)
    except NumberError:
        warnings.append(ReadWarning(f"Effekt ved fuld indfasning {value!r} is no number; left empty", where))
        return None


def _year(text: str | None, where: Provenance, warnings: list[ReadWarning]) -> int | None:
    value = one_line(text)
    years = re.findall(r"\b(?:19|20)\d{2}\b", value)
    if len(years) == 1 and not re.search(r"\d", value.replace(years[0], "")):
        return int(years[0])  # "2024", "fra år 2024"
    if value and value.lower() != "ikke oplyst":
        warnings.append(ReadWarning(f"Fuldt indfaset år {value!r} is no year; left empty", where))
    return None


def _adopted(text: str | None, where: Provenance, warnings: list[ReadWarning]) -> bool | None:
    value = one_line(text).lower()
    if value in ("ja", "nej"):
        return value == "ja"
    if value:
        warnings.append(ReadWarning(f"Er forslaget vedtaget {value!r} is neither Ja nor Nej; left empty", where))
    return None


# -- merge: one initiative per (municipality, title, description) -----------------------------------

def unify_measure_types(initiatives: Sequence[Initiative]) -> list[Initiative]:
    """One spelling per measure type: "Digitalisering/automatisering" becomes the first-seen
    "Digitalisering/Automatisering", so that counts by type do not split on capitals."""
    spelling: dict[str, str] = {}
    for item in initiatives:
        for name in item.measure_types:
            spelling.setdefault(name.casefold(), name)
    return [_replace(i, measure_types=tuple(spelling[n.casefold()] for n in i.measure_types)) for i in initiatives]


def merge_repeats(initiatives: Sequence[Initiative]) -> tuple[list[Initiative], list[ReadWarning]]:
    """Keep the first print of each initiative; later prints add their areas and provenance."""
    merged: dict[tuple[str, str, str], Initiative] = {}
    warnings: list[ReadWarning] = []
    for item in initiatives:
        key = (item.municipality, item.title.casefold(), " ".join(item.description.casefold().split()))
        first = merged.get(key)
        if first is None:
            merged[key] = item
            continue
        differs = [name for name in ("effect_tkr", "full_year", "implementation_cost_text", "adopted",
                                     "measure_types", "source") if getattr(first, name) != getattr(item, name)]
        if differs:
            warnings.append(ReadWarning(
                f"Repeat of {item.title[:50]!r} ({item.municipality}) differs in {', '.join(differs)}; "
                f"the first print ({first.provenance.describe()}) is kept", item.provenance))
        areas = tuple(dict.fromkeys(first.affected_areas + item.affected_areas))
        merged[key] = _replace(first, affected_areas=areas, repeats=first.repeats + (item.provenance,))
    return list(merged.values()), warnings


def _replace(initiative: Initiative, **changes: object) -> Initiative:
    import dataclasses

    return dataclasses.replace(initiative, **changes)  # type: ignore[arg-type]
