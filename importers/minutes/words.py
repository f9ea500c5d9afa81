"""What the minutes importer looks for: the vocabulary's groups for minutes, and the two things
no vocabulary phrase can say (the shapes of case numbers, and whether a captured name is a committee's).
"""

from __future__ import annotations

import re

from importers.vocabulary import Vocabulary
from importers.vocabulary.matching import normalize

TITLE = "minutes.title"
DATE_LINES = "minutes.date_lines"
HEADER_FIELDS = "minutes.header_fields"
ITEM_HEADINGS = "minutes.item_headings"
NUMBERED_HEADINGS = "minutes.numbered_headings"
ITEM_MARKS = "minutes.item_marks"
CASE_LABELS = "minutes.case_labels"
CONTENTS = "minutes.contents"
SECTIONS = "minutes.sections"
DECISIONS = "minutes.decisions"
ROUTE = "minutes.route"
HISTORY_LINES = "minutes.history_lines"
ABSENCES = "minutes.absences"
COMMITTEE_WORDS = "minutes.committee_words"
TREATMENT_COLUMNS = "minutes.treatment_columns"
ATTENDANCE = "minutes.attendance"
UNITS = "common.units"
UNIT_SENTENCES = "common.unit_sentences"

# Case numbers are shapes of digits and letters, which a phrase cannot say. KLE journal numbers:
# "00.01.00-A00-12-24", "27.36.00-Ø00-3-23", Acadre's "00.01.00P35-0104"; local forms: "24-004869",
# "2024-012345", "330-2018-3619", "EMN-2024-01234", "17/69".
_KLE = r"\d{2}\.\d{2}\.\d{2}-?[A-ZÆØÅ]\d{2}(?:-\d{1,6}){1,2}"
_LOCAL = r"\d{3}-\d{4}-\d{1,7}|[A-ZÆØÅ]{2,5}-\d{4}-\d{3,7}|\d{4}-\d{4,7}|\d{2}-\d{4,7}|\d{2}/\d{1,7}"
CASE_NUMBER = re.compile(rf"(?<![\w./-])(?:{_KLE}|{_LOCAL})(?![\w/])")
# The committee's term after its name: "Udvalget for Børn og Ungdom - 2022-2025", "Teknik, Erhverv, Plan og
# Miljøudvalget 2018-2021", "Byrådet (18-21)".
_TERM = re.compile(r"\s+(?:-\s+)?\(?(?:\d{4}\s*-\s*\d{4}|\d{2}\s*-\s*\d{2})\)?$")


def case_number(text: str, vocabulary: Vocabulary) -> str | None:
    """The case number a line states: the whole line ("24-004869", "00.15.00-A00-33-18 -"), or after a
    case label ("Sagsnr.: 330-2018-3619 Dok.nr.: ... Åbent", "Sagsid.: 17/69, Sagsinitialer: bhh")."""
    stripped = text.strip(" -–\t")
    if CASE_NUMBER.fullmatch(stripped):
        return stripped
    found = CASE_NUMBER.search(text)
    if found is None:
        return None
    label = text[:found.start()].strip(" :.\t")
    return found.group(0) if label and vocabulary.role(CASE_LABELS, label) else None


def committee_name(text: str) -> str:
    """"Udvalget for Børn og Ungdom - 2022-2025" -> "Udvalget for Børn og Ungdom" (the term dropped)."""
    return _TERM.sub("", " ".join(text.split())).strip(" ,:;-–")


def is_committee(name: str, vocabulary: Vocabulary) -> bool:
    """Whether a captured name names a committee: its first or last word is one of `committee_words`
    ("Udvalget for ...", "Børne- og Skoleudvalget", "Byrådet"), and it is no sentence."""
    words = normalize(committee_name(name)).split()
    if not words or len(words) > 12:
        return False
    endings = _committee_endings(vocabulary)

    def names_one(word: str) -> bool:
        return any(word == ending or (len(ending) >= 5 and word.endswith(ending)) for ending in endings)

    if names_one(words[-1]):
        return True
    # "Udvalget for Børn og Unge", "Byrådet": the first word names it where the rest goes on from it
    # ("for", "vedr.", "i"); "Byrådet Byrådet Vis medlemmer ..." is a web page's menu, not a name
    original = committee_name(name).split()
    return names_one(words[0]) and (len(words) == 1 or original[1][:1].islower())


def _committee_endings(vocabulary: Vocabulary) -> tuple[str, ...]:
    return tuple(normalize(p) for p in vocabulary.phrases(COMMITTEE_WORDS, "committee"))


def names_in(text: str) -> tuple[str, ...]:
    """"Martin Bech, Bettina Bøcker Kjeldsen og Niels Vestergaard Salling" -> the three names; a party
    after a name stays with it ("Malene K. Nielsen (V)", even where a capture stopped before the ")")."""
    parts = re.split(r",|;|\s+og\s+|\s+samt\s+|\n", text)
    names = (" ".join(p.split()).strip(" .:") for p in parts)
    return tuple(name + ")" if name.count("(") > name.count(")") else name for name in names if name)
