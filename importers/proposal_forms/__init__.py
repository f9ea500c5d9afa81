"""Proposal forms from DOCX, PDF, XLSX or text; many forms per file, every municipality's template.

Each form is a template filled in: a title that starts it, fields and tick boxes, an amount table
and sections of text. All are found by their words (vocabulary `forms.*`), in any order:

    Reduktionsforslag til Budget 2024-2027   /  Ændringsforslag SSU-R3  /  EFFEKTIVISERINGSFORSLAG
    Overskrift | ...   Center | CJS – Jobcenter   Forslagets titel: ...   Udvalg | ... | Nr. | ...
    Ændringen vedrører: | (Sæt kryds)   then  Effektivisering | x   (or  Forslagstype | ☒ Reduktion ☐ Udvidelse)
    Beløb i hele 1.000 kr. | 2024 | 2025 ...   (or  B2025 | BO2026 ...,  2026 (1.000 kr.) ...)
    Estimeret gevinst | -4.600 | ...          (rows by label: importers.proposal_forms.amounts)
    1) Kort resume af forslaget ...  /  Beskrivelse af forslaget  (importers.proposal_forms.sections)

The amounts stay as printed, with the form's unit (from the table's corner or year cells, a
sentence, else 1.000 kr.) and how it writes a saving (from a sentence such as "Besparelser er
positive", else as a saving is usually written: negative). Steps: lines_to_blocks (split at
titles) -> block_to_form -> form_to_record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from budgetbook.errors import NumberError, SourceError
from budgetbook.model import ImportResult, Provenance, ReadWarning
from budgetbook.records.proposals import KINDS, SAVINGS_NEGATIVE, SAVINGS_POSITIVE, ProposalForm
from budgetbook.units import unit_label
from importers.cleanup import one_line
from importers.conventions import savings_in, stated_savings, unit_in
from importers.fields import cells_to_fields, line_cells
from importers.numbers import parse_number
from importers.prose import lines_to_text, visual_width
from importers.proposal_forms.amounts import AMOUNT_FIELDS, ROWS, AmountTable, amounts_of, first_row_as_change, read_row
from importers.proposal_forms.sections import SECTIONS, SectionHeading, line_to_heading
from importers.readers import Line
from importers.reading import Evidence, Reading, Scorecard
from importers.ticks import has_marks, mark_state, marks_to_items
from importers.vocabulary import Vocabulary
from importers.year_columns import cells_to_year_header

KIND = "proposal_forms"
TITLES = "forms.titles"
FIELDS = "forms.fields"
KIND_HEADERS = "forms.kind_headers"
KIND_WORDS = "forms.kinds"
TITLE_CHARS = 90
FORM_HEAD_LINES = 3  # title-like lines above a form's first field that belong to the form

__all__ = ["AMOUNT_FIELDS", "KIND", "evidence", "interpret", "number_in_title", "parse_bevillinger", "split_center"]

_BEVILLING_NUMBER = re.compile(r"(?<![\d.])\d{1,2}\.\d{2}\.\d{2}(?![\d.])")  # "3.20.35": a number's shape
# A form headed only by its code, number and title: "ØU 1 - Ny åbningstid for Borgerservice", "BUU-3: ...".
_CODE_TITLE = re.compile(r"^(?P<code>[A-ZÆØÅ]{1,6}[ -]?\d{1,3})\s*[-–—:]\s+(?P<title>[A-ZÆØÅ].*)$")
_CENTER_CODE = re.compile(r"^(?P<code>[A-ZÆØÅ]{2,6})(?:\s*[–—-]\s*|\s+|$)(?P<rest>.*)$")  # "CJS – Jobcenter"


@dataclass
class _Form:
    """A form while it is read: its title line and what its lines have filled in so far."""

    title: Line
    fields: dict[str, str] = field(default_factory=dict)
    kind: list[str] = field(default_factory=list)
    table: AmountTable = field(default_factory=AmountTable)
    sections: dict[str, list[Line]] = field(default_factory=dict)
    section: SectionHeading | None = None
    lines: dict[str, Provenance] = field(default_factory=dict)
    unit: str | None = None
    savings: str | None = None
    in_kind_list: bool = False
    subtitle: Line | None = None  # a second title line right below the first ("Spareforslag")
    label_row: tuple[tuple[int, str], ...] = ()  # (column, role) of a row of labels whose values stand below


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    vocabulary = reading.vocabulary
    lines = reading.lines
    titles = [line for line in lines if is_title(line, vocabulary)]
    card.sign(f"{len(titles)} form titles ('Reduktionsforslag til budget', 'Ændringsforslag', ...)", 0.35, titles)
    if not titles:
        card.sign("forms repeated without a title word (their fields and an amount table again and again)", 0.35,
                  len(lines_to_blocks(lines, vocabulary)) >= 2)
    card.sign("an amount table with years and rows such as 'Estimeret gevinst', 'I alt'", 0.35,
              _has_amount_table(lines, vocabulary))
    labels = {f.role for line in lines[:400] if len(line.cells) > 1 or ":" in line.text
              for f in cells_to_fields(line_cells(line), line, vocabulary, FIELDS).fields}
    card.sign("form fields ('Overskrift', 'Center', 'Udvalg', ...)", 0.15, len(labels) >= 2)
    headings = sum(1 for line in lines if line_to_heading(line, vocabulary, (99,)) is not None)
    card.sign("section headings ('Kort resume af forslaget', 'Konsekvenser', ...)", 0.15, headings >= 2)
    return card.evidence


def _has_amount_table(lines: Sequence[Line], vocabulary: Vocabulary) -> bool:
    header = False
    for line in lines:
        if len(line.cells) < 2:
            header = False
        elif cells_to_year_header(line.cells, vocabulary) is not None:
            header = True
        elif header and vocabulary.match(ROWS, one_line(line.cell(0))) is not None:
            return True
    return False


def is_title(line: Line, vocabulary: Vocabulary) -> bool:
    """A line that starts a form: its only text is a form title ("Reduktionsforslag til Budget 2024-2027")."""
    texts = [one_line(c) for c in line.cells if one_line(c)]
    return (len(texts) == 1 and len(texts[0]) <= TITLE_CHARS and texts[0][:1].isupper()
            and not texts[0].endswith(".") and vocabulary.match(TITLES, texts[0]) is not None)


def interpret(reading: Reading) -> ImportResult:
    lines, vocabulary = reading.lines, reading.vocabulary
    warnings: list[ReadWarning] = []
    blocks = lines_to_blocks(lines, vocabulary)
    if not blocks:
        raise SourceError("No proposal form found: no form title ('Reduktionsforslag til Budget ...', "
                          "'Ændringsforslag', 'Budgetforslag', ...) and no form fields", reading.source.path,
                          hint="Is this a proposal form? Name its title in an import profile (forms.titles).")
    width = visual_width(lines)
    document_savings = stated_savings(reading)
    forms = [block_to_form(block, reading, warnings) for block in blocks]
    for form in forms:
        form.unit = form.unit or reading.profile.unit
    records = tuple(form_to_record(form, width, document_savings, warnings) for form in forms)
    for record in records:
        reading.note(f"Form '{record.overskrift or record.title}' ({record.provenance.describe()}): years "
                     f"{', '.join(record.years) or 'none'}, amounts in {unit_label(record.unit)}, "
                     f"{'savings positive' if record.savings == SAVINGS_POSITIVE else 'savings negative'}")
    return ImportResult(KIND, reading.source, records, tuple(warnings))


def lines_to_blocks(lines: Sequence[Line], vocabulary: Vocabulary) -> list[list[Line]]:
    """The lines of each form, its title line first; lines before the first title are no form's; a title
    right below a title ("Generelle forslag (G-1)" / "Fastholdelsesforslag") is the same form's subtitle.
    A document of one form without a title is one block, when it has a form's fields or amount table."""
    blocks: list[list[Line]] = []
    for line in lines:
        if is_title(line, vocabulary) and not (blocks and not any(one_line(b.text) for b in blocks[-1][1:])):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
    if not blocks and lines and _has_amount_table(lines, vocabulary):
        blocks.append([Line(("",), lines[0].provenance), *lines])
    return [part for block in blocks for part in _repeated_forms(block, vocabulary)]


def _repeated_forms(block: list[Line], vocabulary: Vocabulary) -> list[list[Line]]:
    """A block holding several forms whose titles no vocabulary knows ("ØU 1 - Ny åbningstid for
    Borgerservice", a catalogue's name printed above each form): split where a field the block has already
    had starts again, when every form so found has its own amount table. Each form begins at the title-like
    lines right above its first field; in a block with no title, the lines before the first form are no form's."""
    titled = bool(one_line(block[0].text))
    fields = [(index, roles) for index, line in enumerate(block) if index and (roles := _field_roles(line, vocabulary))]
    seen: set[str] = set()
    role = None
    for _, roles in fields:
        role = next((r for r in roles if r in seen), None)
        if role is not None:
            break
        seen.update(roles)
    if role is None:
        return [block]
    starts = [index for index, roles in fields if role in roles]
    ends = [*starts[1:], len(block)]
    if not all(any(cells_to_year_header(line.cells, vocabulary) for line in block[start:end] if len(line.cells) > 1)
               for start, end in zip(starts, ends)):
        return [block]
    floors = [1, *starts[:-1]]
    starts = [_form_start(block, start, floor + (k > 0)) for k, (start, floor) in enumerate(zip(starts, floors))]
    if titled:
        starts[0] = 0
    return [list(block[start:end]) for start, end in zip(starts, [*starts[1:], len(block)])]


def _field_roles(line: Line, vocabulary: Vocabulary) -> list[str]:
    """The field roles a line labels; none for a table's header row of years (a list's header, repeated on each
    page, names "Nr." and "Center" too)."""
    if (len(line.cells) < 2 and ":" not in line.text) or cells_to_year_header(line.cells, vocabulary) is not None:
        return []
    return [f.role for f in cells_to_fields(line_cells(line), line, vocabulary, FIELDS).fields]


def _form_start(block: Sequence[Line], at: int, floor: int) -> int:
    """Where the form whose first field stands at `at` begins: the title-like lines right above it
    (at most three), never above `floor`."""
    start, taken = at, 0
    while start - 1 >= floor and taken < FORM_HEAD_LINES:
        text = one_line(block[start - 1].text)
        if text and not _title_like(block[start - 1]):
            break
        start -= 1
        taken += bool(text)
    while start < at and not one_line(block[start].text):
        start += 1
    return start


def _title_like(line: Line) -> bool:
    texts = [one_line(c) for c in line.cells if one_line(c)]
    return (len(texts) == 1 and len(texts[0]) <= TITLE_CHARS and not texts[0].endswith((".", ",", ":", ";"))
            and len(texts[0].split()) <= 12)


def block_to_form(block: Sequence[Line], reading: Reading, warnings: list[ReadWarning]) -> _Form:
    vocabulary = reading.vocabulary
    form = _Form(block[0])
    reading.mark_used(block[0])
    body = list(block[1:])
    subtitle = next((line for line in body if one_line(line.text)), None)
    if subtitle is not None and is_title(subtitle, vocabulary):
        # "Generelle forslag (G-2)" / "Spareforslag": the second title names what the proposal is
        form.subtitle = subtitle
        kind = vocabulary.role(KIND_WORDS, one_line(subtitle.text))
        if kind is not None:
            form.kind.append(kind)
        reading.mark_used(subtitle)
        body.remove(subtitle)
    caption = ""  # the text line above a table: "Økonomi (1.000 kr.)" names the unit of the table below it
    for line in body:
        if not one_line(line.text):
            continue
        if len(line.cells) > 1 and not form.unit and cells_to_year_header(line.cells, vocabulary) is not None:
            named = vocabulary.search("common.units", caption) if caption else None
            form.unit = named.role if named is not None else None
        caption = one_line(line.text) if len(line.cells) == 1 else ""
        if len(line.cells) > 1 and _read_line(form, line, reading, warnings):
            reading.mark_used(line)
            continue
        heading = line_to_heading(line, vocabulary, form.section.number if form.section else ())
        if heading is not None and not _is_kind_line(line, vocabulary):
            form.table.close()
            if form.section is None and "overskrift" not in form.fields and _names_the_proposal(heading, vocabulary):
                form.fields["overskrift"] = heading.title
                form.lines["overskrift"] = line.provenance
            form.section = heading
            form.sections.setdefault(heading.title, [])
            form.lines.setdefault(f"section:{heading.title}", line.provenance)
            reading.mark_used(line)
        elif len(line.cells) == 1 and _read_line(form, line, reading, warnings):
            reading.mark_used(line)
        elif form.section is not None:
            form.sections[form.section.title].append(line)
            reading.mark_used(line)
        else:
            warnings.append(ReadWarning(f"Text outside the form's tables was skipped: '{one_line(line.text)[:60]}'",
                                        line.provenance))
    form.table.close()
    if (label := first_row_as_change(form.table)) is not None:
        reading.note(f"Form '{form.fields.get('overskrift') or one_line(block[0].text)}': no row is labelled as the "
                     f"change ('Estimeret gevinst', 'I alt', ...); its first row '{label}' is read as the change")
    if "number" not in form.fields and (number := number_in_title(one_line(block[0].text), vocabulary)):
        form.fields["number"] = number
    if (coded := _CODE_TITLE.match(one_line(block[0].text))) is not None:  # "ØU 1 - Ny åbningstid for Borgerservice"
        form.fields.setdefault("number", coded.group("code"))
        form.fields.setdefault("overskrift", coded.group("title"))
    return form


def _names_the_proposal(heading: SectionHeading, vocabulary: Vocabulary) -> bool:
    """The first section of a form with no title field, numbered 1 and named by no section heading the
    vocabulary knows ("1. Forventet demografi regulering"), is headed by the proposal's title."""
    return heading.number[:1] == (1,) and vocabulary.match(SECTIONS, heading.title) is None


def number_in_title(title: str, vocabulary: Vocabulary) -> str:
    """The proposal's number its title carries: "Råderumsforslag ØU-01" -> "ØU-01", "Reduktionsforslag nr. 7"
    -> "7" (the title template's `code` and `num`, as printed between them)."""
    hit = vocabulary.match(TITLES, title)
    if hit is None or "num" not in hit.captures:
        return ""
    num, code = str(hit.captures["num"]), str(hit.captures.get("code", ""))
    end = title.rfind(num) + len(num)
    start = title.rfind(code, 0, end - len(num)) if code else end - len(num)
    return title[start:end] if start >= 0 else num


def _read_line(form: _Form, line: Line, reading: Reading, warnings: list[ReadWarning]) -> bool:
    """A line of the form's fields, ticks or amount table; False for text."""
    vocabulary = reading.vocabulary
    cells = line_cells(line)
    texts = [c for c in cells if c]
    if len(texts) > 1 or (len(cells) > 1 and texts):
        if (header := cells_to_year_header(line.cells, vocabulary)) is not None:
            form.table.start(header, line)
            form.unit = form.unit or header.unit
            form.in_kind_list = False
            return True
        if form.table.header is not None and _is_amount_row(line, form, vocabulary):
            return read_row(form.table, line, vocabulary, warnings)
        if _read_fields(form, cells, line, vocabulary, warnings):
            return True
        if not form.table.years and _is_role_row(line, vocabulary):
            raise SourceError(f"The row '{one_line(line.cell(0))}' stands before the row of years of its table",
                              line.provenance, hint="Check that the amount table has its header row with the years "
                                                    "('Beløb i hele 1.000 kr. | 2024 | 2025 ...').")
        return False
    text = texts[0] if texts else ""
    if _read_fields(form, cells, line, vocabulary, warnings):
        return True
    if form.section is None and _read_sentence(form, text, vocabulary):
        return True
    return False


def _is_amount_row(line: Line, form: _Form, vocabulary: Vocabulary) -> bool:
    """Does a row belong to the amount table above it: a role's label, or a row across the year columns?"""
    label = one_line(line.cell(0))
    columns = form.table.header.years.values()  # type: ignore[union-attr]
    spans = len(line.cells) > max(columns)
    if label and vocabulary.match(KIND_WORDS, label) and not spans:
        return False  # "Investering | x": a tick beside a kind, though the word also names an amount row
    if label and vocabulary.match(ROWS, label) is not None:
        return True
    if label and (vocabulary.match(FIELDS, label) or vocabulary.match(KIND_HEADERS, label)
                  or vocabulary.match(KIND_WORDS, label)):
        return False
    return spans or any(one_line(line.cell(i)) for i in columns)


def _is_role_row(line: Line, vocabulary: Vocabulary) -> bool:
    """A row whose label is an amount row's and which holds an amount."""
    role = vocabulary.role(ROWS, one_line(line.cell(0)))
    return role not in (None, "heading") and any(_is_amount(c) for c in line.cells[1:])


def _is_amount(cell: object) -> bool:
    try:
        return parse_number(cell) is not None
    except NumberError:
        return False


def _is_kind_line(line: Line, vocabulary: Vocabulary) -> bool:
    return vocabulary.match(KIND_HEADERS, one_line(line.cell(0))) is not None


def _read_fields(form: _Form, cells: list[str], line: Line, vocabulary: Vocabulary,
                 warnings: list[ReadWarning]) -> bool:
    """Fields, the kind header and kind rows: "Overskrift | ...", "Udvalg: ...", "Effektivisering | x"."""
    first = next((c for c in cells if c), "")
    if vocabulary.match(KIND_HEADERS, first) is not None or _kind_field(first, line, vocabulary):
        form.lines["kind"] = line.provenance
        rest = " ".join(c for c in cells[1:] if c) or first.partition(":")[2]
        form.in_kind_list = not has_marks(rest)
        _read_ticks(form, rest, line, vocabulary, warnings)
        return True
    kind = vocabulary.role(KIND_WORDS, first)
    if kind is not None and (form.in_kind_list or len(cells) > 1):
        mark = " ".join(c for c in cells[1:] if c)
        state = mark_state(mark)
        if state is None:
            warnings.append(ReadWarning(f"Unclear mark '{mark}' beside '{first}'; read as ticked", line.provenance))
        if state is not False and kind not in form.kind:
            form.kind.append(kind)
        return True
    found = cells_to_fields(cells, line, vocabulary, FIELDS)
    labels, form.label_row = form.label_row, ()
    if not found.fields:
        return _read_values_below(form, labels, cells, line)
    if len(found.fields) >= 2 and not found.rest and not any(item.value for item in found.fields):
        form.label_row = tuple((index, role) for index, cell in enumerate(cells)
                               if cell and (role := vocabulary.role(FIELDS, cell)) is not None)
    for item in found.fields:
        if item.role in form.fields and form.fields[item.role]:
            warnings.append(ReadWarning(f"A second '{item.label}' in the form; the first is kept", line.provenance))
            continue
        form.fields[item.role] = one_line(item.value)
        form.lines[item.role] = line.provenance
    form.in_kind_list = False
    return True


def _read_values_below(form: _Form, labels: tuple[tuple[int, str], ...], cells: list[str], line: Line) -> bool:
    """The values of a row of labels in the row below it, column by column ("Nr. | Titel | Udvalg" over
    "SSS-2 | Frivillige ... | Udvalget for ..."); False when no label row stands above."""
    values = {role: one_line(cells[index]) for index, role in labels if index < len(cells) and one_line(cells[index])}
    for role, value in values.items():
        if not form.fields.get(role):
            form.fields[role] = value
            form.lines[role] = line.provenance
    return bool(values)


def _kind_field(text: str, line: Line, vocabulary: Vocabulary) -> bool:
    label = text.partition(":")[0]
    return ":" in text and vocabulary.match(KIND_HEADERS, label) is not None and has_marks(text)


def _read_ticks(form: _Form, text: str, line: Line, vocabulary: Vocabulary, warnings: list[ReadWarning]) -> None:
    for label, ticked in marks_to_items(text):
        kind = vocabulary.role(KIND_WORDS, label)
        if kind is None:
            warnings.append(ReadWarning(f"Unknown kind '{label}' among the tick boxes", line.provenance))
        elif ticked and kind not in form.kind:
            form.kind.append(kind)


def _read_sentence(form: _Form, text: str, vocabulary: Vocabulary) -> bool:
    """A note above the table that states the unit or how a saving is written: "Beløb i mio. kr.
    Besparelser er positive, merudgifter negative." """
    savings, unit = savings_in(text, vocabulary), unit_in(text, vocabulary)
    if savings is None and unit is None:
        return False
    form.savings = form.savings or savings
    form.unit = form.unit or unit
    return True


def form_to_record(form: _Form, width: int, document_savings: str | None, warnings: list[ReadWarning]) -> ProposalForm:
    where = form.title.provenance
    for key, label in (("overskrift", "Overskrift"), ("center", "Center")):
        if key not in form.fields and not (key == "center" and "udvalg" in form.fields):
            warnings.append(ReadWarning(f"The form has no field '{label}'", where))
    if not form.table.years:
        warnings.append(ReadWarning("The form has no amount table (a row of years such as 'Beløb i hele 1.000 kr. "
                                    "| 2024 | 2025 ...')", where))
    elif form.unit is None:
        warnings.append(ReadWarning("The form does not say its unit; its amounts are read as 1.000 kr., the usual unit "
                                    "of such forms. If that is wrong, name the unit in an import profile "
                                    "(unit = \"kr.\")", form.table.lines.get("years", where)))
    center, center_text = split_center(form.fields.get("center") or form.fields.get("udvalg", ""))
    amounts = amounts_of(form.table)
    return ProposalForm(
        overskrift=form.fields.get("overskrift", ""),
        center=center,
        center_text=center_text,
        bevilling=form.fields.get("bevilling", ""),
        bevillinger=parse_bevillinger(form.fields.get("bevilling", "")),
        kind=tuple(k for k in KINDS if k in form.kind),
        years=form.table.years,
        **amounts,  # type: ignore[arg-type]
        sections={title: lines_to_text(body, width) for title, body in form.sections.items()},
        provenance=where,
        lines={**form.lines, **form.table.lines},
        title=" - ".join(one_line(line.text) for line in (form.title, form.subtitle) if line is not None),
        number=form.fields.get("number", ""),
        udvalg=form.fields.get("udvalg", ""),
        unit=form.unit or "tkr",
        savings=form.savings or document_savings or SAVINGS_NEGATIVE,
        other_amounts={label: dict(values) for label, values in form.table.other.items()},
    )


def split_center(text: str) -> tuple[str, str]:
    """The center's short code and the rest: "CJS – Jobcenter" -> ("CJS", "Jobcenter"); "CJS" -> ("CJS", "")."""
    text = one_line(text)
    if match := _CENTER_CODE.match(text):
        return match.group("code"), match.group("rest").strip()
    return text, ""


def parse_bevillinger(text: str) -> tuple[str, ...]:
    """The bevilling numbers in a bevilling field: "3.20.35 Familiehuset og 3.20.32 ..." -> ("3.20.35", "3.20.32")."""
    return tuple(_BEVILLING_NUMBER.findall(text))


