"""The meeting header in any form: a title ("REFERAT <udvalg> d. 13-08-2024", "Økonomiudvalget –
Referat – 1. oktober 2018", "Referat til mødet i ... den 5. marts 2024 kl. 16:00 i ..."), a block of
labels and values ("Mødested: ...", a label cell beside its value, "Medlemmer" above a list), a line
that is only the date ("tirsdag den 6. juni 2017 kl. 09:00"), a committee's name on a line of its own
and the place under the date. What the header does not say, the decisions may (`with_decisions`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from budgetbook.model import Provenance, ReadWarning
from budgetbook.records.minutes import MinutesHeader
from importers.cleanup import one_line
from importers.minutes.entries import Entry, join_wrapped
from importers.minutes.words import (
    ABSENCES,
    ATTENDANCE,
    DATE_LINES,
    HEADER_FIELDS,
    TITLE,
    committee_name,
    is_committee,
    names_in,
)
from importers.vocabulary import Vocabulary
from importers.vocabulary.matching import parse_date

_TIME = re.compile(r"(\d{1,2})[:.](\d{2})")


@dataclass
class _Fields:
    title: str = ""
    committee: str = ""
    date: str | None = None
    title_date: str | None = None
    time: str | None = None
    place: str = ""
    participants: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    used: list[Provenance] = field(default_factory=list)
    committee_labelled: bool = False  # read from "Udvalg: ...", which outweighs a name on a line of its own
    names_line: str = ""  # the last line of names read, to see whether the next one goes on with it


SPREAD_TITLE_LINES = 6  # a title printed a few words a line, as Faxe's samlet dokument prints it
SPREAD_TITLE_CHARS = 60


def entries_to_header(entries: Sequence[Entry], vocabulary: Vocabulary) -> tuple[MinutesHeader, list[Provenance]]:
    """The header, and the lines it was read from."""
    fields = _Fields()
    current: str | None = None
    after_date = False
    spread = _title_spread(entries, vocabulary)
    for entry in spread[0] if spread else _title_joined(entries, vocabulary):
        role, value = _label(entry, vocabulary)
        if role is None and not fields.title and (title := vocabulary.match(TITLE, entry.text)):
            fields.title = entry.text
            fields.committee = committee_name(title.captures.get("committee", ""))
            fields.title_date = title.values.get("date")  # type: ignore[assignment]
            fields.time = fields.time or title.values.get("time")  # type: ignore[assignment]
            fields.place = fields.place or one_line(title.captures.get("place", ""))
            if fields.committee and not is_committee(fields.committee, vocabulary):
                fields.committee = ""
        elif role is not None:
            current = role
            _put(fields, role, value, vocabulary)
        elif fields.date is None and (when := vocabulary.match(DATE_LINES, entry.text)):
            fields.date = when.values.get("date")  # type: ignore[assignment]
            fields.time = fields.time or when.values.get("time")  # type: ignore[assignment]
            after_date, current = True, None
        elif current in ("participants", "absent") and not entry.table and not entry.text.rstrip().endswith(":") and (
                len(entry.text) < 80 or _name_list(entry.text)):  # "Følgende sager behandles:" heads something else
            _put(fields, current, entry.text, vocabulary)
        elif current in ("place", "date", "time") and not entry.table and len(entry.text) < 60:
            _put(fields, current, entry.text, vocabulary, more=True)
        elif not fields.committee and (name := committee_in(entry.text, vocabulary)):
            fields.committee = name
        elif after_date and not fields.time and _TIME_ALONE.fullmatch(entry.text.strip()) and (time := _time(entry.text)):
            fields.time = time  # "Tirsdag d. 16 februar 2021, kl." + "15:00": a time the PDF wrapped off its date
        elif after_date and not fields.place and not entry.table and len(entry.text) < 100:
            fields.place = entry.text
            after_date = False
        else:
            continue
        fields.used.append(entry.provenance)
    if spread and fields.title:
        fields.used.extend(spread[1])
    header = MinutesHeader(committee=fields.committee, date=fields.date or fields.title_date, time=fields.time,
                           location=fields.place, participants=tuple(fields.participants), title=fields.title,
                           absent=tuple(dict.fromkeys(fields.absent)))
    return header, fields.used


def _label(entry: Entry, vocabulary: Vocabulary) -> tuple[str | None, str]:
    """("place", "Loungen") for "Mødested: Loungen" or a row "Mødested | Loungen"; "Medlemmer" alone -> ("participants", "")."""
    if entry.table and len(entry.cells) >= 2:
        role = _field(vocabulary, entry.cells[0].rstrip(":"))
        return (role, " ".join(c for c in entry.cells[1:] if c)) if role else (None, "")
    text = entry.text
    label, sep, value = text.partition(":")
    if sep and len(label) <= 40:
        role = _field(vocabulary, label)
        if role:
            return role, value.strip()
    if len(text) <= 40 and (role := _field(vocabulary, text)):
        return role, ""
    for word_count in (1, 2):  # "Mødedato   Tirsdag d. 13. august 2024": a label run into its value
        words = text.split()
        if len(words) > word_count and (role := vocabulary.role(HEADER_FIELDS, " ".join(words[:word_count]))):
            if role == "room":  # "Mødelokale A, Ullasvej 23": the word is part of the room's name
                return "place", text
            if role in ("date", "place", "participants", "time"):
                return role, " ".join(words[word_count:])
    return None, ""


def _field(vocabulary: Vocabulary, label: str) -> str | None:
    """The header field a label names; the room ("Mødelokale:") is the place."""
    role = vocabulary.role(HEADER_FIELDS, label)
    return "place" if role == "room" else role


def _put(fields: _Fields, role: str, value: str, vocabulary: Vocabulary, more: bool = False) -> None:
    value = value.strip()
    if role == "date":
        fields.date = fields.date or parse_date(_date_part(value))
        fields.time = fields.time or _time(value)
    elif role == "time":
        fields.time = fields.time or _time(value)
        if fields.date is None and _date_part(value) != value:  # "Starttidspunkt: 06-03-2018 07:30:00"
            fields.date = parse_date(_date_part(value))
    elif role == "place":
        fields.place = join_wrapped(fields.place, value).strip() if more and fields.place else (fields.place or value)
    elif role == "committee":
        if value and not fields.committee_labelled:
            fields.committee, fields.committee_labelled = committee_name(value), True
    elif role == "participants":
        name, status = attendance(value, vocabulary)
        if status == "partly":
            return  # "Deltog ikke under punkterne 20-21" under a name: no name of its own
        _add_names(fields.absent if status == "absent" else fields.participants, name, fields.names_line)
        fields.names_line = name
    elif role == "absent":
        value = attendance(value, vocabulary)[0]
        if not vocabulary.match(ABSENCES, value) or vocabulary.match(ABSENCES, value).role != "none":  # type: ignore
            _add_names(fields.absent, value, fields.names_line)
            fields.names_line = value
    elif role == "remarks":
        hit = vocabulary.match(ABSENCES, value)
        if hit and hit.role == "absent":
            _add_names(fields.absent, hit.captures.get("names", ""))


_STATUS = re.compile(r"^(?P<name>.+?)\s+[-–]\s+(?P<status>[^-–]+?)\.?$")


def attendance(text: str, vocabulary: Vocabulary) -> tuple[str, str | None]:
    """"Jesper Würtzen (A) - Deltog" -> ("Jesper Würtzen (A)", "present"); "Michael Jensen (O) - Afbud" ->
    (..., "absent"); "Deltog ikke under punkterne 20-21" -> ("", "partly"); a name alone -> (name, None)."""
    if vocabulary.match(ATTENDANCE, text) is not None and vocabulary.match(ATTENDANCE, text).role == "partly":  # type: ignore[union-attr]
        return "", "partly"
    found = _STATUS.match(" ".join(text.split()))
    if found and (hit := vocabulary.match(ATTENDANCE, found.group("status"))) and hit.role != "partly":
        return found.group("name"), hit.role
    return text, None


_ITEM_NUMBERS = re.compile(r"(\d+)\s*[-–]\s*(\d+)|(\d+)")  # "20-21", "3, 5 og 7"


def partial_absences(entries: Sequence[Entry], vocabulary: Vocabulary) -> list[tuple[str, tuple[int, ...]]]:
    """Members absent from some items only, written under their name in the list of participants
    ("Birgitte Dahl (O) - Deltog" / "Deltog ikke under punkterne 20-21"): each name with the item numbers."""
    found: list[tuple[str, tuple[int, ...]]] = []
    for before, entry in zip(entries, entries[1:]):
        hit = vocabulary.match(ATTENDANCE, entry.text)
        if hit is None or hit.role != "partly" or entry.table:
            continue
        name, status = attendance(before.text, vocabulary)
        if status == "partly" or not name.strip():
            continue
        numbers: list[int] = []
        for first, last, single in _ITEM_NUMBERS.findall(str(hit.captures.get("text", ""))):
            numbers.extend(range(int(first), int(last) + 1) if first and int(last) - int(first) < 100 else
                           [int(single or first)])
        if numbers:
            found.append((" ".join(name.split()), tuple(numbers)))
    return found


def _add_names(names: list[str], value: str, line_before: str = "") -> None:
    """Names separated by commas or "og"; a name a PDF wrapped ("Carsten Helles" + "Rasmussen", or a line of
    names broken inside one: "..., Iben" + "Sønderup, Torben Hansen") joined back."""
    parts = names_in(value)
    wrapped = "," in line_before and not line_before.rstrip().endswith((",", ";"))
    if names and parts and not value.lstrip().startswith((",", ";")) and (wrapped or _continues(names[-1], value)):
        names[-1] = f"{names[-1]} {parts[0]}"
        parts = parts[1:]
    names.extend(parts)


def _name_list(text: str) -> bool:
    """"Anders Buhl-Christensen, Bjarne Overmark, ..., Torben Hansen": names and commas, no sentence."""
    names = names_in(text)
    return len(names) >= 3 and all(len(n.split()) <= 5 and n[:1].isupper() for n in names)


def _continues(last: str, value: str) -> bool:
    return len(last.split()) == 2 and value.split(",")[0].strip().count(" ") == 0 and value[:1].isupper()


def _date_part(value: str) -> str:
    """"Tirsdag d. 13. august 2024 kl. 16:30" -> "13. august 2024"."""
    match = re.search(r"\d{1,2}[.\-/ ]+(?:\d{1,2}|[a-zæøå]+)[.,\-/ ]+\d{4}", value, re.IGNORECASE)
    return match.group(0) if match else value


_TIME_ALONE = re.compile(r"(?:kl\.?\s*)?\d{1,2}[:.]\d{2}")


def _time(value: str) -> str | None:
    match = _TIME.search(value.split("kl", 1)[-1] if "kl" in value.lower() else value)
    if match and ("kl" in value.lower() or ":" in value):
        return f"{int(match.group(1)):02d}:{match.group(2)}"
    return None


def _title_joined(entries: Sequence[Entry], vocabulary: Vocabulary) -> list[Entry]:
    """A title a PDF wrapped over lines ("REFERAT Udvalget ... d. 13-08-" + "2024") joined back: the lines
    before the first label, when the first alone is a title and the joined text is too."""
    for index, entry in enumerate(entries):
        if (entry.table or _label(entry, vocabulary)[0] is not None or vocabulary.match(DATE_LINES, entry.text)
                or (index and is_committee(entry.text, vocabulary))):
            if index > 1 and vocabulary.match(TITLE, entries[0].text):
                joined = entries[0].text
                for other in entries[1:index]:
                    joined = join_wrapped(joined, other.text)
                if vocabulary.match(TITLE, joined):
                    return [Entry((joined,), entries[0].provenance, False), *entries[index:]]
            break
    return list(entries)


def _title_spread(entries: Sequence[Entry], vocabulary: Vocabulary) -> tuple[list[Entry], list[Provenance]] | None:
    """A title printed a few words a line ("Referat" / "til" / "mødet i Byrådet" / "den 26. september 2019 kl.
    18:30" / "i Byrådssalen, ..."), joined, when those lines together, and only together, read as a title
    naming a date; and the lines after the first it was joined from."""
    head: list[Entry] = []
    for entry in entries[:SPREAD_TITLE_LINES]:
        if entry.table or len(entry.text) > SPREAD_TITLE_CHARS or _label(entry, vocabulary)[0] is not None:
            break
        head.append(entry)
    if len(head) < 3 or any(vocabulary.match(TITLE, entry.text) for entry in head[1:]):
        return None
    for count in range(len(head), 2, -1):
        joined = " ".join(entry.text for entry in head[:count])
        hit = vocabulary.match(TITLE, joined)
        if hit is not None and hit.values.get("date"):
            return [Entry((joined,), head[0].provenance, False), *entries[count:]], [e.provenance for e in head[1:count]]
    return None


_HEAD_PARTS = re.compile(r"\s+[-–—|·:]\s+|\t")


def committee_in(text: str, vocabulary: Vocabulary) -> str:
    """The committee a line names, alone or among other parts ("Vejen Kommune - Økonomiudvalget")."""
    if is_committee(text, vocabulary) and not _HEAD_PARTS.search(text):
        return committee_name(text)
    return next((committee_name(part) for part in _HEAD_PARTS.split(text) if is_committee(part, vocabulary)), "")


def with_heads(header: MinutesHeader, heads: Sequence[str], vocabulary: Vocabulary) -> MinutesHeader:
    """The committee from the running head where the body does not name it ("Tønder Kommune –
    Kommunalbestyrelsen", "Vejen Kommune" / "Økonomiudvalget" on every page)."""
    if header.committee:
        return header
    for head in heads:
        if name := committee_in(head, vocabulary):
            return replace(header, committee=name)
    return header


def with_decisions(header: MinutesHeader, decided: Sequence[tuple[str, str | None]], where: Provenance,
                   warnings: list[ReadWarning]) -> MinutesHeader:
    """What the header leaves out, from the decisions (committee, date) of the items: the date most of
    them carry, the committee that decided most on that date."""
    dated = [(c, d) for c, d in decided if d]
    if header.date is None and dated:
        date = Counter(d for _, d in dated).most_common(1)[0][0]
        header = replace(header, date=date, date_from="decisions")
        warnings.append(ReadWarning(f"The minutes state no meeting date; {date} is the date of the decisions", where))
    if not header.committee and dated:
        on_date = [c for c, d in dated if d == header.date] or [c for c, _ in dated]
        header = replace(header, committee=Counter(on_date).most_common(1)[0][0])
    for name, value in (("committee", header.committee), ("date", header.date), ("place", header.location)):
        if not value:
            warnings.append(ReadWarning(f"The minutes state no {name}", where))
    return header
