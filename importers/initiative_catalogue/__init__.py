"""Initiative catalogues from PDF, Word or text: KL's idébank and municipalities' idé-, råderums- and
effektiviseringskataloger, one initiative per box, page or table, its fields found by their labels.

Three layouts, told apart by how an initiative starts:
- KL's box layout (`boxes`): a line that is only a municipality's name starts a box; its title
  and description follow without labels, then the labelled blocks (areas, economy, source).
- every other layout (`labelled`): each field has its label, wherever it stands (a grid, a
  two-column box, one line, a label over its text); a numbered heading or a repeated label
  starts the next initiative;
- a table (`tabular`): a header row names the fields, each row below it is an initiative;
- one line per initiative (`one_per_line`): "Title: 15,4 mio. kr.", where no label is printed at all.
All give `PrintedRecord`s (text as printed), which `records` reads into `Initiative`s: the
effect with its unit, Ja/Nej, ticked boxes as glyphs or drawn (the PDF reader gives drawn boxes
to the text as ☒/☐), hyphenation repaired; an initiative printed under several areas is merged.
`read_printed` gives the printed records (the sample generator lays them out again).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import ImportResult, Provenance, ReadWarning
from budgetbook.records.catalogue import CatalogueDocument
from importers.cleanup import one_line
from importers.conventions import head_texts, stated_municipality, stated_savings, stated_unit
from importers.fields import cells_to_fields
from importers.initiative_catalogue.boxes import (
    fragments_to_printed,
    is_box_layout,
    line_to_fragmented,
    lines_to_fragments,
)
from importers.initiative_catalogue.labelled import EFFECT_ROWS, lines_to_printed
from importers.initiative_catalogue.one_per_line import lines_to_one_liners
from importers.initiative_catalogue.printed import FIELDS, PrintedRecord
from importers.initiative_catalogue.records import merge_repeats, printed_to_initiative, unify_measure_types
from importers.initiative_catalogue.tabular import lines_to_rows
from importers.readers import Line
from importers.reading import Evidence, Reading, Scorecard
from importers.ticks import has_marks
from importers.vocabulary import Vocabulary

KIND = "initiative_catalogue"
TITLES = "catalogue.titles"
# A record lacking a label most records show gets a warning naming it ("no Yderligere information found").
USUAL_SHARE = 0.5
USUAL_ROLES = ("areas", "economy", "source", "effect", "description")

__all__ = ["KIND", "evidence", "interpret", "read_printed"]


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    vocabulary = reading.vocabulary
    roles = labels_seen(reading.lines[:3000], vocabulary)
    title = any(_is_catalogue_title(text, vocabulary) for text in head_texts(reading))
    card.sign("a catalogue's title ('Idébank', 'Råderumskatalog', 'Effektiviseringskatalog', ...)", 0.3, title)
    repeated = [role for role, count in roles.items() if count >= 2]
    card.sign("initiatives with their fields labelled again and again ('Kommune', 'Titel', 'Berørte fagområder', "
              "'Udvalg', ...)", 0.4, len(roles) >= 3 and len(repeated) >= 2)
    table = lines_to_rows(reading.lines[:3000], vocabulary)
    card.sign("a table whose header names the initiatives' fields ('Nr', 'Overskrift', 'Beskrivelse', 'Effekt', "
              "...), one initiative per row", 0.4, table is not None and len(table[0]) >= 2)
    card.sign("an effect per initiative ('Effekt ved fuld indfasning', 'Årlig effekt', 'Besparelse')", 0.2,
              roles.get("effect", 0) >= 1 or _effect_rows(reading.lines[:3000], vocabulary))
    card.sign("initiatives one per line, each its title and effect ('Titel: 15,4 mio. kr.')", 0.5,
              bool(lines_to_one_liners(reading.lines[:3000], vocabulary)[0]))
    card.sign("tick boxes of areas or measure types", 0.1,
              bool({"areas", "measure_types"} & roles.keys()) and any(has_marks(line.text) for line in reading.lines))
    return card.evidence


def labels_seen(lines: Sequence[Line], vocabulary: Vocabulary) -> Counter[str]:
    """How often each field role's label stands in the lines (cells, or text split at wide gaps)."""
    seen: Counter[str] = Counter()
    for line in lines:
        fragment = line_to_fragmented(line)
        if fragment is None or len(fragment.text) > 400:
            continue
        found = cells_to_fields(list(fragment.parts), line, vocabulary, FIELDS)
        seen.update(f.role for f in found.fields)
    return seen


def _effect_rows(lines: Sequence[Line], vocabulary: Vocabulary) -> bool:
    """An economy table's row of the effect by year ("Mindreudgift | -600 | -1.400 | ..."), twice or more."""
    rows = [line for line in lines if len(line.cells) > 2 and vocabulary.role(EFFECT_ROWS, one_line(line.cell(0)))]
    return len(rows) >= 2


def _is_catalogue_title(text: str, vocabulary: Vocabulary) -> bool:
    if len(text) > 160:
        return False
    if vocabulary.search(TITLES, text) is not None:
        return True
    hit = vocabulary.search("common.kinds", text)
    return hit is not None and hit.role == KIND


def read_printed(path: Path) -> list[PrintedRecord]:
    """The raw printed records of a catalogue file, in print order."""
    import importers

    reading = importers.reading_of(importers.read_document(path), importers.SourceFile.of(path))
    return _printed(reading)[0]


def _printed(reading: Reading) -> tuple[list[PrintedRecord], list[ReadWarning]]:
    vocabulary = reading.vocabulary
    table = lines_to_rows(reading.lines, vocabulary)
    if table is not None and len(table[0]) >= 2:
        printed, warnings, used = table
        reading.mark_used(*used)
        reading.note("Layout: a table, one initiative per row (its header names the fields)")
        return printed, warnings
    if is_box_layout(reading.lines, vocabulary):
        fragments, heads = lines_to_fragments(reading.lines, vocabulary)
        printed, warnings, used = fragments_to_printed(fragments, vocabulary)
        reading.mark_used(*heads, *used)
        reading.note("Layout: KL's boxes (a municipality's name starts each initiative)")
    else:
        printed, warnings, used = lines_to_printed(reading.lines, vocabulary)
        if not printed:
            printed, used = lines_to_one_liners(reading.lines, vocabulary)
            reading.mark_used(*used)
            reading.note("Layout: one initiative per line, its title and its effect ('Titel: 15,4 mio. kr.')")
            return printed, warnings
        reading.mark_used(*used)
        reading.note("Layout: labelled fields (each initiative's fields found by their labels)")
    return printed, warnings


def interpret(reading: Reading) -> ImportResult:
    source, vocabulary = reading.source, reading.vocabulary
    printed, warnings = _printed(reading)
    if not printed:
        raise SourceError("No initiative found: no municipality's name starting a box and no labelled fields "
                          "('Kommune', 'Titel', 'Beskrivelse', 'Effekt', ...)", source.path,
                          hint="Is this a catalogue of initiatives? Name its labels in an import profile "
                               "(catalogue.fields).")
    municipality = stated_municipality(reading)
    unit = stated_unit(reading)
    savings = stated_savings(reading)
    if unit:
        reading.note(f"Unit of the effects where a field names none: {unit}")
    initiatives = []
    usual = _usual_roles(printed)
    for record in printed:
        warnings.extend(_missing(record, usual, municipality))
        initiative, problems = printed_to_initiative(record, vocabulary, municipality, unit)
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
    document = CatalogueDocument(printed_records=len(printed), merged_repeats=repeats, sections=sections,
                                 unit=unit, savings=savings)
    return ImportResult(KIND, source, tuple(merged), tuple(warnings), document=document)


def _usual_roles(printed: Sequence[PrintedRecord]) -> dict[str, str]:
    """The roles most records show a label for, with the label as printed ("Yderligere information")."""
    counts = Counter(role for record in printed for role in record.seen if role in USUAL_ROLES)
    labels: dict[str, str] = {}
    for record in printed:
        for role, label in record.labels.items():
            labels.setdefault(role, one_line(label).rstrip(":"))
    return {role: labels.get(role, role) for role in USUAL_ROLES if counts[role] >= USUAL_SHARE * len(printed)}


def _missing(record: PrintedRecord, usual: dict[str, str], municipality: str) -> list[ReadWarning]:
    title = one_line(" ".join(record.text("title")))
    missing = [label for role, label in usual.items() if role not in record.seen]
    if not title:
        missing.insert(0, "title")
    if not missing:
        return []
    return [ReadWarning(f"Initiative of {record.municipality or municipality} {title[:50]!r}: no "
                        f"{', '.join(missing)} found", record.provenance)]
