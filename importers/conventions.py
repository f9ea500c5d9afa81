"""What a whole document says once: the unit of its amounts, how it writes a saving, its municipality.

    Alle beløb i hele 1.000 kr. Besparelser er angivet med minus.     -> unit "tkr", savings negative
    Beløb i mio. kr. Besparelser er positive, merudgifter negative.  -> unit "mkr", savings positive
    Helsingør Kommune – Råderumskatalog 2026-2029  (a running head)  -> municipality "Helsingør Kommune"

Read from the sentences near the document's start and its running heads, through the vocabulary
(`common.unit_sentences`, `common.signs`, `catalogue.record_starts`); where the document says
nothing, the import profile's `unit`, `sign` and `kommune` stand in.
"""

from __future__ import annotations

import re

from importers.cleanup import one_line
from importers.reading import Reading
from importers.vocabulary import Vocabulary

HEAD_LINES = 60
SENTENCE_CHARS = 240
UNIT_SENTENCES = "common.unit_sentences"
SIGNS = "common.signs"
MUNICIPALITY = "catalogue.record_starts"
SAVINGS_ROLES = ("savings_negative", "savings_positive")
_SIGN_KEY = re.compile(r"([+\-−–])\s*=\s*([^\W\d_]+)")  # "(+ = besparelse)": a sign, "=", a word of common.signs
_SENTENCE_END = re.compile(r"(?<=[a-zæøå)][.!?]) +(?=[A-ZÆØÅ])")  # "... besparelser. Beløb i ..."


def head_texts(reading: Reading, count: int = HEAD_LINES) -> list[str]:
    """The one-cell lines near the start of the body, then the running heads."""
    texts = [one_line(line.text) for line in reading.head(count) if len(line.cells) == 1]
    return [t for t in texts if t] + list(reading.document.heads)


def unit_in(text: str, vocabulary: Vocabulary) -> str | None:
    """The unit a sentence states for amounts ("Beløb i hele 1.000 kr.", "Alle tal er i mio. kr."): a
    sentence with words besides the unit itself."""
    if len(text) > SENTENCE_CHARS:
        return None
    hit = vocabulary.search(UNIT_SENTENCES, text)
    unit = hit.values.get("units") if hit is not None else None
    if not isinstance(unit, str) or hit is None:
        return None
    found = vocabulary.search("common.units", hit.text)
    return unit if found is not None and len(hit.text.strip()) > len(found.text.strip()) + 1 else None


def savings_in(text: str, vocabulary: Vocabulary) -> str | None:
    """ "savings_negative" or "savings_positive" when a sentence says how savings are written, in words
    ("Besparelser er positive"; a paragraph's sentences each: "Kataloget indeholder ... Beløb i 1.000 kr.,
    mindreudgifter med minus.") or as a key of signs ("(+ = besparelse)", "+ = merudgift / - = mindreudgift"),
    whose signs the vocabulary's matching leaves out."""
    for sentence in _SENTENCE_END.split(text):
        if len(sentence) > SENTENCE_CHARS:
            continue
        hit = vocabulary.search(SIGNS, sentence)
        if hit is not None and hit.role in SAVINGS_ROLES:
            return hit.role
    for sign, word in _SIGN_KEY.findall(text):
        role = vocabulary.role(SIGNS, word)
        if role in ("saving", "cost"):
            return "savings_positive" if (sign == "+") == (role == "saving") else "savings_negative"
    return None


def stated_unit(reading: Reading) -> str | None:
    return next((u for t in head_texts(reading) if (u := unit_in(t, reading.vocabulary))), None) or reading.profile.unit


def stated_savings(reading: Reading) -> str | None:
    return (next((s for t in head_texts(reading) if (s := savings_in(t, reading.vocabulary))), None)
            or reading.profile.sign)


def stated_municipality(reading: Reading) -> str:
    """The municipality a running head or the title names ("Helsingør Kommune – Råderumskatalog"), else
    the profile's."""
    for text in [*reading.document.heads, *(one_line(line.text) for line in reading.head(10))]:
        hit = reading.vocabulary.search(MUNICIPALITY, text) if text and len(text) < 160 else None
        if hit is not None and hit.role == "municipality" and len(hit.text.split()) <= 4:
            return hit.text.strip()
    return reading.profile.municipality
