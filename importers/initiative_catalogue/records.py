"""Printed initiatives to `Initiative` records: values read, hyphenation repaired, repeats merged.

Values are read as the vocabulary knows them: an effect and its unit ("450", "1,2 mio. kr.",
"300 t.kr. årligt fra 2019", the unit also from the label "Effekt (t.kr.)"), a year, Ja/Nej
(`catalogue.answers`, also as ticked boxes), and the ticked names of areas and measure types
(☒/☐ in any of their forms, `importers.ticks`). An initiative printed once per area it touches
is merged back to one (`merge_repeats`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from budgetbook.errors import NumberError
from budgetbook.model import Number, Provenance, ReadWarning
from budgetbook.records.catalogue import Initiative
from importers.cleanup import one_line
from importers.initiative_catalogue.printed import AREAS, PrintedRecord
from importers.numbers import parse_number
from importers.ticks import has_marks, marks_to_items
from importers.vocabulary import Vocabulary

ANSWERS = "catalogue.answers"
EFFECT_VALUES = "catalogue.effect_values"
UNITS = "common.units"
OTHER_ROLES = ("hearing",)  # labelled fields kept as printed in `Initiative.other`

_BULLET = re.compile(r"^(?:[•\-–*]|\d+\.)\s")
_SOURCE_PAGE_RESIDUE = re.compile(r"\s*(?:Budget \d{4}\s+)?Side \d+ af \d+\b\s*")  # a page number a PDF export
# printed into a description's text: the shape of a page number, not a word
_CONJUNCTIONS = {"og", "eller", "samt", "til"}
_KEEP_HYPHEN_PREFIXES = {"it", "ikt", "pc", "sosu", "co2", "ok", "led"}
_WORD_ONE_WORD = re.compile(r"(?P<left>[^\W\d_]+)1(?P<right>[^\W\d_]+)")
_LINE_END_HYPHEN = re.compile(r"(?P<left>[\w]+)-\n(?P<right>[^\W_]+)")


def printed_to_initiative(record: PrintedRecord, vocabulary: Vocabulary, municipality: str,
                          unit: str | None) -> tuple[Initiative, list[ReadWarning]]:
    """The initiative a printed record states; `municipality` and `unit` are the document's, used when
    the record names none."""
    warnings: list[ReadWarning] = []
    where = record.provenance
    title = repair_hyphenation(" ".join(record.text("title")))
    areas, unknown = ticked_names(record.text("areas"), vocabulary)
    if record.has("areas") and not any(has_marks(t) for t in record.text("areas")):
        warnings.append(ReadWarning(f"Initiative {title[:50]!r}: the boxes of Berørte fagområder are not in the "
                                    "text; no areas read", where))
    for name in unknown:
        warnings.append(ReadWarning(f"Unknown area {name!r} among Berørte fagområder of {title[:50]!r}", where))
    effect, effect_unit, year_in_effect = _effect(record, vocabulary, unit, where, warnings)
    initiative = Initiative(
        municipality=one_line(record.municipality) or municipality,
        title=title,
        description=description_text(record.text("description")),
        effect=effect,
        effect_unit=effect_unit,
        full_year=_year(record.text("full_year"), where, warnings) or year_in_effect,
        implementation_cost_text=one_line(" ".join(record.text("cost"))),
        adopted=_adopted(record.text("adopted"), vocabulary, where, warnings),
        measure_types=measure_types(record.text("measure_types")),
        affected_areas=areas,
        source=source_text(record.text("source")),
        provenance=where,
        number=one_line(record.number or " ".join(record.text("number"))),
        udvalg=one_line(" ".join(record.text("udvalg"))),
        area=one_line(" ".join(record.text("area"))),
        consequences=description_text(record.text("consequences")),
        effect_by_year=dict(record.effect_by_year),
        other={record.labels.get(role, role): one_line(" ".join(record.text(role)))
               for role in OTHER_ROLES if record.has(role)},
    )
    return initiative, warnings


def ticked_names(lines: Sequence[str], vocabulary: Vocabulary) -> tuple[tuple[str, ...], list[str]]:
    """The ticked names of a run of tick boxes, and the names no role of `catalogue.areas` knows."""
    ticked: list[str] = []
    unknown: list[str] = []
    known = lambda name: vocabulary.role(AREAS, name) is not None  # noqa: E731
    for label, state in unwrap_labels(marks_to_items(" ".join(lines)), known):
        if not label:
            continue
        if vocabulary.role(AREAS, label) is None:
            unknown.append(label)
        if state:
            ticked.append(label)
    return tuple(ticked), unknown


def unwrap_labels(items: list[tuple[str, bool]], known: Callable[[str], bool]) -> list[tuple[str, bool]]:
    """Put back the words a narrow column wrapped: boxes in two columns read row by row give
    "☐ Udsatte voksne & borgere med ☒ Administration" and then "handicap", which belongs to the
    left label. A word at the end of a known label that completes an unknown label before it moves."""
    items = list(items)
    for i, (label, state) in enumerate(items):
        if known(label):
            continue
        for j in range(i + 1, len(items)):
            words = items[j][0].split()
            for cut in range(len(words) - 1, 0, -1):
                head, tail = " ".join(words[:cut]), " ".join(words[cut:])
                if known(head) and known(f"{label} {tail}"):
                    items[i] = (f"{label} {tail}", state)
                    items[j] = (head, items[j][1])
                    break
            if known(items[i][0]):
                break
    return items


def measure_types(lines: Sequence[str]) -> tuple[str, ...]:
    """The measure types: the ticked ones where boxes stand, else every line as listed."""
    text = " ".join(lines)
    if has_marks(text):
        return tuple(_measure_type(label) for label, state in marks_to_items(text) if state and label)
    return tuple(_measure_type(line) for line in lines if one_line(line))


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


def _effect(record: PrintedRecord, vocabulary: Vocabulary, unit: str | None, where: Provenance,
            warnings: list[ReadWarning]) -> tuple[Number | None, str | None, int | None]:
    """The effect as printed, its unit (the label's, the value's, the document's, else 1.000 kr.) and
    a year the value names ("300 t.kr. årligt fra 2019"); where only a table gives the effect by year, its
    last year's figure (the full effect) in the unit of the table or of its "Økonomi (1.000 kr.)" label."""
    value = one_line(" ".join(record.text("effect")))
    if not value and record.effect_by_year:  # only a table of the effect by year: its last year is the full effect
        figures = [v for v in record.effect_by_year.values() if v is not None]
        if figures:
            return figures[-1], record.units.get("effect") or record.units.get("economy") or unit or "tkr", None
    if not value or value.lower() == "ikke oplyst":
        return None, None, None
    hit = vocabulary.match(EFFECT_VALUES, value)
    amount_text = hit.captures.get("amount") if hit is not None else value
    try:
        amount = parse_number(amount_text, where)
    except NumberError:
        warnings.append(ReadWarning(f"Effekt {value!r} is no number; left empty", where))
        return None, None, None
    if amount is not None and amount > 0 and value.lstrip().startswith(("-", "\u2212", "\u2013")):
        amount = -amount  # the vocabulary matches words; the minus before the number is the value's own
    value_unit = hit.values.get("units") if hit is not None else None
    year = hit.values.get("year") if hit is not None else None
    effect_unit = record.units.get("effect") or (value_unit if isinstance(value_unit, str) else None) or unit or "tkr"
    return amount, effect_unit, year if isinstance(year, int) else None


def _year(lines: Sequence[str], where: Provenance, warnings: list[ReadWarning]) -> int | None:
    value = one_line(" ".join(lines))
    years = re.findall(r"\b(?:19|20)\d{2}\b", value)
    if len(years) == 1 and not re.search(r"\d", value.replace(years[0], "")):
        return int(years[0])  # "2024", "fra år 2024"
    if value and value.lower() != "ikke oplyst":
        warnings.append(ReadWarning(f"Fuldt indfaset år {value!r} is no year; left empty", where))
    return None


def _adopted(lines: Sequence[str], vocabulary: Vocabulary, where: Provenance,
             warnings: list[ReadWarning]) -> bool | None:
    value = one_line(" ".join(lines))
    if has_marks(value):
        ticked = [label for label, state in marks_to_items(value) if state]
        value = ticked[0] if len(ticked) == 1 else ""
    if not value:
        return None
    role = vocabulary.role(ANSWERS, value)
    if role in ("yes", "no"):
        return role == "yes"
    if role is None:
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
    return [dataclasses.replace(i, measure_types=tuple(spelling[n.casefold()] for n in i.measure_types))
            for i in initiatives]


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
        differs = [name for name in ("effect", "effect_unit", "full_year", "implementation_cost_text", "adopted",
                                     "measure_types", "source") if getattr(first, name) != getattr(item, name)]
        if differs:
            warnings.append(ReadWarning(
                f"Repeat of {item.title[:50]!r} ({item.municipality}) differs in {', '.join(differs)}; "
                f"the first print ({first.provenance.describe()}) is kept", item.provenance))
        areas = tuple(dict.fromkeys(first.affected_areas + item.affected_areas))
        merged[key] = dataclasses.replace(first, affected_areas=areas, repeats=first.repeats + (item.provenance,))
    return list(merged.values()), warnings
