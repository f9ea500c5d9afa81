"""A catalogue printed one initiative per line, its title and its effect: "Administration, jura og
kommunikation: 15,4 mio. kr." (a summary of a forvaltning's proposals, as a newspaper or a committee
printed the list, often with no year).

A line is such an initiative where the text after its last colon is an effect with a unit
(`catalogue.effect_values`: "15,4 mio. kr.", "650.000 kr.") and the text before it is no field's label
("Besparelse: 1,2 mio. kr." is a labelled field of another layout). The catalogue is read this way
when at least `MIN_LINES` lines are, and they are a good part of the document (`MIN_SHARE` of its
lines): a few such lines in a long text are sentences. Gives `PrintedRecord`s like the other layouts.
"""

from __future__ import annotations

from collections.abc import Sequence

from importers.cleanup import one_line
from importers.initiative_catalogue.printed import FIELDS, PrintedRecord
from importers.readers import Line
from importers.vocabulary import Vocabulary

EFFECT_VALUES = "catalogue.effect_values"
MIN_LINES = 3
MIN_SHARE = 0.3


def lines_to_one_liners(lines: Sequence[Line], vocabulary: Vocabulary) -> tuple[list[PrintedRecord], list[Line]]:
    """The initiatives printed one per line, and those lines; none where too few lines are such."""
    found = [(line, split) for line in lines if (split := _title_and_effect(line, vocabulary)) is not None]
    filled = sum(1 for line in lines if line.text.strip())
    if len(found) < MIN_LINES or len(found) < MIN_SHARE * filled:
        return [], []
    printed = []
    for line, (title, effect) in found:
        record = PrintedRecord("", line.provenance, None)
        record.add("title", title)
        record.add("effect", effect)
        record.seen.update({"title", "effect"})
        printed.append(record)
    return printed, [line for line, _ in found]


def _title_and_effect(line: Line, vocabulary: Vocabulary) -> tuple[str, str] | None:
    if len([c for c in line.cells if one_line(c)]) > 1 and not line.words:
        return None  # a table row: the tabular layout's
    text = one_line(line.text)
    title, colon, effect = text.rpartition(":")
    title, effect = title.strip(), effect.strip().rstrip(".").strip()
    if not colon or not title or not effect or len(title) > 300:
        return None
    hit = vocabulary.match(EFFECT_VALUES, effect)
    if hit is None or "units" not in hit.values or vocabulary.match(FIELDS, title) is not None:
        return None
    return title, effect
