"""Committee minutes ("Referat") from PDF, DOCX or text.

A meeting header (REFERAT <udvalg> d. <dato>, Mødedato, Mødested, Mødedeltagere), a
table of contents, then agenda items "Punkt N: <titel>", each with a case number and
sections under fixed headings (Beslutning, Indstilling, Beslutningskompetence, Sagens
forløb, Bilag, ...). Tables inside an item keep their header rows and their numbers.
Text exports carry markdown and "<b>" residue; it is removed before anything is read.

Steps: lines_to_entries (markup removed, table rows told from prose) -> entries_to_parts
(header, contents, items with their sections) -> parts_to_header / item_to_record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from budgetbook.errors import NumberError, SourceError
from budgetbook.model import ImportResult, Provenance, ReadWarning, SourceFile
from budgetbook.records.minutes import (
    AgendaItem,
    HistoryEntry,
    MinutesHeader,
    MinutesTable,
    TableRow,
    TableValue,
)
from importers.cleanup import one_line, strip_markup
from importers.numbers import parse_number
from importers.readers import Line
from importers.reading import Evidence, Reading, Scorecard

KIND = "minutes"

SECTIONS = ("Beslutning", "Resumé", "Indstilling", "Beslutningskompetence", "Sagsfremstilling", "Udtalelser",
            "Administrationens vurdering", "Økonomi og finansiering", "Sagens forløb", "Bilag", "Høring",
            "Lovgrundlag", "Kommunikation", "Tidsplan")
HEADER_FIELDS = ("Mødedato", "Mødested", "Mødedeltagere")
MONTHS = {m: i for i, m in enumerate(("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
                                      "september", "oktober", "november", "december"), start=1)}

_TITLE = re.compile(r"^REFERAT\s+(?P<committee>.+?)(?:\s+d\.\s*(?P<date>\d{1,2}-\d{1,2}-\d{4}))?$")
_ITEM = re.compile(r"^Punkt\s+(?P<number>\d+)\s*:\s*(?P<title>.+)$")
_CASE_NUMBER = re.compile(r"^\d{2}-\d{5,6}$")
_HEADING_MARKS = re.compile(r"^#{1,6}\s*")
_EMPHASIS = re.compile(r"^\*{1,3}(?P<t>.*?)\*{1,3}$")
_ESCAPE = re.compile(r"\\([_*#\\\-\[\]()])")
_CONTENTS_ENTRY = re.compile(r"^(?P<title>.+?)\s*(?:\.{3,}|\s)\s*(?P<page>\d+)$")
_DANISH_DATE = re.compile(r"(?P<d>\d{1,2})\.\s*(?P<m>[a-zæøå]+)\s+(?P<y>\d{4})(?:\s+kl\.\s*(?P<t>\d{1,2}[:.]\d{2}))?")
_NUMBERED = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?P<t>.+)$")
_HISTORY = re.compile(r"^(?P<d>\d{2})/(?P<m>\d{2})/(?P<y>\d{4})\s+(?P<committee>.+)$")
_COMMITTEE_TERM = re.compile(r"\s+-\s+\d{4}\s*-\s*\d{4}$")
_NUMBER_LIKE = re.compile(r"^[-+−–(]?\s*\d[\d.,  ]*\)?$")
_DATE_LIKE = re.compile(r"^\d{1,2}\.\d{1,2}\.\d{2,4}$")


@dataclass(frozen=True)
class Entry:
    """A line with markup removed: prose (one text) or a table row (cells)."""

    cells: tuple[str, ...]
    provenance: Provenance
    table: bool

    @property
    def text(self) -> str:
        return " ".join(c for c in self.cells if c)


@dataclass
class _Item:
    number: int
    title: str
    provenance: Provenance
    case_number: str | None = None
    sections: dict[str, list[Entry]] = field(default_factory=dict)
    tables: list[list[Entry]] = field(default_factory=list)
    table_intros: list[Entry | None] = field(default_factory=list)


@dataclass
class _Parts:
    header: list[Entry] = field(default_factory=list)
    contents: list[Entry] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    structure: list[Provenance] = field(default_factory=list)  # item and section headings, case numbers


# The sections whose text becomes a field of the item (the others are not read yet).
READ_SECTIONS = ("Beslutning", "Indstilling", "Beslutningskompetence", "Sagens forløb", "Bilag")


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    texts = [clean_text(line.text) for line in reading.head()]
    card.sign("a title 'Referat ...'", 0.3, any(_TITLE.match(t) for t in texts) or reading.title_of_kind(KIND))
    card.sign("meeting fields (Mødedato, Mødested, Mødedeltagere)", 0.2,
              any(t.startswith(HEADER_FIELDS) for t in texts))
    items = sum(1 for line in reading.lines if _ITEM.match(clean_text(line.text)))
    card.sign(f"{items} agenda items ('Punkt 1: ...')", 0.3, items)
    decisions = sum(1 for line in reading.lines if clean_text(line.text) == "Beslutning")
    card.sign(f"{decisions} decisions ('Beslutning')", 0.2, decisions)
    return card.evidence


def interpret(reading: Reading) -> ImportResult:
    source = reading.source
    parts = entries_to_parts(lines_to_entries(reading.lines))
    warnings: list[ReadWarning] = []
    if not parts.items:
        raise SourceError("No agenda item (\"Punkt 1: ...\") found", source.path,
                          hint="Is this a committee's minutes (Referat)? Check that the item headings are intact.")
    header = parts_to_header(parts, source, warnings)
    records = tuple(item_to_record(item, warnings) for item in parts.items)
    for item in records:
        if not item.decision:
            warnings.append(ReadWarning(f"Punkt {item.number} ({item.title}) has no Beslutning", item.provenance))
    _check_contents(parts, records, warnings)
    reading.mark_used(*(e.provenance for e in [*parts.header, *parts.contents]), *parts.structure)
    for item in parts.items:
        reading.mark_used(item.provenance, *(e.provenance for rows in item.tables for e in rows))
        reading.mark_used(*(e.provenance for name in READ_SECTIONS for e in item.sections.get(name, ())))
    return ImportResult(KIND, source, records, tuple(warnings), document=header)


# -- read: lines to entries ---------------------------------------------------------------

def clean_text(text: object) -> str:
    """Markdown and HTML residue removed: "## **Punkt 1: ...**" -> "Punkt 1: ..."."""
    value = str(text or "").replace("\u00a0", " ")
    value = _HEADING_MARKS.sub("", value.strip())
    value = strip_markup(value)
    while match := _EMPHASIS.match(value.strip()):
        value = match.group("t")
    return _ESCAPE.sub(r"\1", value).strip()


def lines_to_entries(lines: Sequence[Line]) -> list[Entry]:
    entries = []
    for line in lines:
        cells = [str(c) if c is not None else "" for c in line.cells]
        if len(cells) == 1 and "\t" in cells[0]:
            cells = cells[0].split("\t")
        cleaned = tuple(one_line(clean_text(c)) for c in cells)
        if not any(cleaned):
            continue
        table = len(cells) > 1
        entries.append(Entry(cleaned if table else (one_line(cleaned[0]) if "\n" not in cells[0] else
                                                    clean_text(cells[0]),), line.provenance, table))
    return entries


# -- interpret: entries to header, contents and items --------------------------------------------

def entries_to_parts(entries: Sequence[Entry]) -> _Parts:
    parts = _Parts()
    zone = "header"
    section = ""
    previous_prose: Entry | None = None
    in_table = False
    for entry in entries:
        text = entry.text
        if match := _ITEM.match(text):
            item = _Item(int(match.group("number")), one_line(match.group("title")), entry.provenance)
            parts.items.append(item)
            zone, section, previous_prose, in_table = "item", "", None, False
            continue
        if zone == "header":
            if text == "Indholdsfortegnelse":
                zone = "contents"
                parts.structure.append(entry.provenance)
            else:
                parts.header.append(entry)
            continue
        if zone == "contents":
            parts.contents.append(entry)
            continue
        item = parts.items[-1]
        if text in SECTIONS and not entry.table:
            section, previous_prose, in_table = text, None, False
            parts.structure.append(entry.provenance)
            continue
        if not section and item.case_number is None and _CASE_NUMBER.match(text):
            item.case_number = text
            parts.structure.append(entry.provenance)
            continue
        if not section and item.case_number is None and not item.sections and not entry.table:
            item.title = join_wrapped(item.title, text)  # a heading wrapped over two lines (PDF)
            parts.structure.append(entry.provenance)
            continue
        if entry.table:
            if not in_table:
                item.tables.append([])
                item.table_intros.append(previous_prose)
                in_table = True
            item.tables[-1].append(entry)
            continue
        in_table = False
        previous_prose = entry
        item.sections.setdefault(section, []).append(entry)
    return parts


def parts_to_header(parts: _Parts, source: SourceFile, warnings: list[ReadWarning]) -> MinutesHeader:
    title = committee = ""
    title_date = date = time = None
    fields: dict[str, str] = {}
    current = None
    for entry in _title_lines_joined(parts.header):
        text = entry.text
        if match := _TITLE.match(text):
            title, committee = text, committee_name(match.group("committee"))
            if match.group("date"):
                d, m, y = match.group("date").split("-")
                title_date = f"{y}-{int(m):02d}-{int(d):02d}"
            continue
        label = next((f for f in HEADER_FIELDS if text.startswith(f)), None)
        if label:
            current = label
            fields[label] = text[len(label):].strip(" :")
        elif current:
            fields[current] = f"{fields[current]} {text}".strip()
    where = parts.header[0].provenance if parts.header else Provenance(source.path)
    if when := _DANISH_DATE.search(fields.get("Mødedato", "")):
        month = MONTHS.get(when.group("m").lower())
        if month:
            date = f"{when.group('y')}-{month:02d}-{int(when.group('d')):02d}"
        time = when.group("t").replace(".", ":") if when.group("t") else None
    if date and title_date and date != title_date:
        warnings.append(ReadWarning(f"Mødedato {date} differs from the date in the title {title_date}", where))
    date = date or title_date
    for name, value in (("committee", committee), ("date", date), ("Mødested", fields.get("Mødested"))):
        if not value:
            warnings.append(ReadWarning(f"The minutes state no {name}", where))
    participants = tuple(p for p in (one_line(x) for x in fields.get("Mødedeltagere", "").split(",")) if p)
    return MinutesHeader(committee=committee, date=date, time=time, location=one_line(fields.get("Mødested", "")),
                         participants=participants, title=title)


def _title_lines_joined(entries: Sequence[Entry]) -> list[Entry]:
    """The REFERAT title wrapped over lines (PDF) joined back: every line before the first field."""
    for index, entry in enumerate(entries):
        if entry.text.startswith(HEADER_FIELDS) or entry.table:
            if index > 1 and entries[0].text.startswith("REFERAT"):
                joined = entries[0].text
                for entry in entries[1:index]:
                    joined = join_wrapped(joined, entry.text)
                return [Entry((joined,), entries[0].provenance, False), *entries[index:]]
            break
    return list(entries)


def join_wrapped(text: str, more: str) -> str:
    """A line and its wrapped continuation: "13-08-" + "2024" -> "13-08-2024", else with a space."""
    if text.endswith("-") and more[:1].isdigit():
        return f"{text}{more}"
    return f"{text} {more}"


def committee_name(text: str) -> str:
    """"Udvalget for Børn og Ungdom - 2022-2025" -> "Udvalget for Børn og Ungdom" (the term dropped)."""
    return _COMMITTEE_TERM.sub("", one_line(text))


# -- model: item to record -------------------------------------------------------------------------

def item_to_record(item: _Item, warnings: list[ReadWarning]) -> AgendaItem:
    sections = item.sections
    tables = tuple(table_to_record(rows, intro, warnings) for rows, intro in zip(item.tables, item.table_intros))
    return AgendaItem(
        number=item.number,
        title=item.title,
        case_number=item.case_number,
        decision=_prose(sections.get("Beslutning", [])),
        recommendations=recommendations(sections.get("Indstilling", [])),
        decision_authority=_prose(sections.get("Beslutningskompetence", [])),
        history=history(sections.get("Sagens forløb", []), warnings),
        tables=tables,
        attachments=attachments(sections.get("Bilag", [])),
        provenance=item.provenance,
    )


def _prose(entries: Sequence[Entry]) -> str:
    return " ".join(e.text for e in entries)


def attachments(entries: Sequence[Entry]) -> tuple[str, ...]:
    """"Bilag N - ..." lines; a line not starting with "Bilag" continues the one before (a PDF wrap)."""
    found: list[str] = []
    for entry in entries:
        if found and not entry.text.startswith("Bilag"):
            found[-1] = f"{found[-1]} {entry.text}"
        else:
            found.append(entry.text)
    return tuple(found)


def recommendations(entries: Sequence[Entry]) -> tuple[str, ...]:
    """Numbered recommendations; a list restarting at 1 after an item ending in ":" is nested ("4.1.")."""
    result: list[list[str]] = []  # [number, text]
    top = nested = 0
    for entry in entries:
        text = entry.text
        match = _NUMBERED.match(text)
        number = int(match.group("n")) if match else None
        if number is not None and number == 1 and result and result[-1][1].endswith(":") and not nested:
            nested = 1
            result.append([f"{top}.1", match.group("t")])  # type: ignore[union-attr]
        elif number is not None and nested and number == nested + 1:
            nested = number
            result.append([f"{top}.{number}", match.group("t")])  # type: ignore[union-attr]
        elif number is not None and number == top + 1:
            top, nested = number, 0
            result.append([str(number), match.group("t")])  # type: ignore[union-attr]
        elif result:
            result[-1][1] = f"{result[-1][1]} {text}"
        elif not text.rstrip().endswith(":"):  # "Direktionen indstiller:" introduces the list
            result.append(["", text])
    return tuple(f"{n}. {t}" if n else t for n, t in result)


def history(entries: Sequence[Entry], warnings: list[ReadWarning]) -> tuple[HistoryEntry, ...]:
    """"12/08/2024 Udvalget for ..." followed by what that committee decided."""
    found: list[HistoryEntry] = []
    for entry in entries:
        if match := _HISTORY.match(entry.text):
            date = f"{match.group('y')}-{match.group('m')}-{match.group('d')}"
            found.append(HistoryEntry(date, committee_name(match.group("committee")), "", entry.provenance))
        elif found:
            last = found[-1]
            decision = f"{last.decision} {entry.text}".strip()
            found[-1] = HistoryEntry(last.date, last.committee, decision, last.provenance)
        else:
            warnings.append(ReadWarning(f"Sagens forløb: {entry.text[:60]!r} has no date and committee before it",
                                        entry.provenance))
    return tuple(found)


def table_to_record(rows: Sequence[Entry], intro: Entry | None, warnings: list[ReadWarning]) -> MinutesTable:
    """Header rows (no numbers beyond the label) merged into column names; the rest read as values."""
    header_rows: list[tuple[str, ...]] = []
    index = 0
    while index < len(rows) and not any(_is_number_like(c) for c in rows[index].cells[1:]) and (
            len(rows) - index > 1):
        if header_rows and rows[index].cells[0]:
            break
        header_rows.append(rows[index].cells)
        index += 1
    body = rows[index:]
    width = max(len(r.cells) for r in rows)
    headers = merge_header_rows(header_rows, width)
    records = tuple(TableRow(r.cells[0], tuple(_value(c, r.provenance, warnings) for c in _pad(r.cells, width)[1:]),
                             r.provenance) for r in body)
    while headers and not headers[-1] and all(len(r.values) and r.values[-1] is None for r in records):
        headers = headers[:-1]
        records = tuple(TableRow(r.label, r.values[:-1], r.provenance) for r in records)
    return MinutesTable(_table_title(intro, records), headers, records, rows[0].provenance)


def merge_header_rows(rows: Sequence[tuple[str, ...]], width: int) -> tuple[str, ...]:
    """Two header rows into one: a cell spanning the columns beneath it is carried over them
    ("FV. regnskabsafvigelse i forhold til:" over "Opr." and "Kor.")."""
    if not rows:
        return ()
    padded = [_pad(row, width) for row in rows]  # rows of a merged header may be shorter than the table
    merged = [""] * width
    for index, row in enumerate(padded):
        carried = ""
        for i, cell in enumerate(row):
            below = any(r[i] for r in padded[index + 1:])
            if cell:
                carried = cell
                merged[i] = f"{merged[i]} {cell}".strip()
            elif carried and below:
                merged[i] = f"{merged[i]} {carried}".strip()
    return tuple(merged)


def _pad(cells: Sequence[str], width: int) -> tuple[str, ...]:
    return tuple(cells) + ("",) * (width - len(cells))


def _is_number_like(cell: str) -> bool:
    return bool(_NUMBER_LIKE.match(cell.strip())) and not _DATE_LIKE.match(cell.strip())


def _value(cell: str, where: Provenance, warnings: list[ReadWarning]) -> TableValue:
    text = cell.strip()
    if not text:
        return None
    if not _is_number_like(text):
        return text
    try:
        return parse_number(text, where)
    except NumberError as exc:
        warnings.append(ReadWarning(f"{exc.message}; kept as text", where))
        return text


def _table_title(intro: Entry | None, rows: Sequence[TableRow]) -> str:
    text = intro.text.strip() if intro else ""
    if re.match(r"^Tabel\s+\d+", text) or (text.endswith(":") and len(text) <= 120):
        return text.rstrip(":").strip()
    if rows:
        return f"{rows[0].label} – {rows[-1].label}" if len(rows) > 1 else rows[0].label
    return "Tabel"


def _check_contents(parts: _Parts, items: Sequence[AgendaItem], warnings: list[ReadWarning]) -> None:
    """Every entry of the table of contents must have come out as an item."""
    titles = {one_line(i.title).casefold() for i in items}
    for entry in parts.contents:
        if match := _CONTENTS_ENTRY.match(entry.text):
            title = one_line(match.group("title").rstrip(". "))
            if title.casefold() not in titles:
                warnings.append(ReadWarning(f"'{title}' is in the contents but no item of that title was read",
                                            entry.provenance))
