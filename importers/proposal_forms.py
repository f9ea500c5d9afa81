"""Proposal forms ("Reduktionsforslag til Budget 2024-2027") from DOCX, PDF or text; many forms per file.

Each form is the municipal Word template filled in:

    Reduktionsforslag til Budget 2024-2027                  <- title: starts a form
    Overskrift | ...   Center | CJS – Jobcenter   Bevilling | 3.20.35 Familiehuset og 3.20.32 ...
    Ændringen vedrører: | (Sæt kryds)
    Effektivisering | x      (one row per kind; ticked with x, X or a checkbox sign)
    Beløb i hele 1.000 kr. | 2024 | 2025 | ...              <- the years of the amount table
    Estimeret gevinst | -4.600 | ...                         (rows by label; blanks are None)
    1) Kort resume af forslaget ... 7) Relevante dokumenter  <- numbered sections of prose

Table rows are lines of two or more cells (a text export's tabs, a table row of Word or PDF);
prose is a line of one cell. Steps: lines_to_blocks (split at titles) -> block_to_form
(rows by label, sections by number) -> form_to_record.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from budgetbook.errors import SourceError
from budgetbook.model import ImportResult, Number, Provenance, ReadWarning
from budgetbook.records.proposals import KINDS, ProposalForm
from importers.cleanup import one_line
from importers.numbers import parse_number
from importers.prose import lines_to_text, visual_width
from importers.readers import Line
from importers.reading import Evidence, Reading, Scorecard

KIND = "proposal_forms"
SECTION_NUMBERS = tuple(str(n) for n in range(1, 8))

_TITLE = re.compile(r"^Reduktionsforslag til budget\b", re.IGNORECASE)
_NOT_LETTERS = re.compile(r"[\W_\d]+")


def label_key(label: str) -> str:
    """A row label as a key: lower case, letters only, so that "Investerings behov" (a label broken
    by a narrow PDF column) and "Ændringen vedrører:" match their known rows."""
    return _NOT_LETTERS.sub("", label.lower())


_KEYS = {label_key(k): k for k in ("overskrift", "center", "bevilling")}
_KIND_HEADER = label_key("Ændringen vedrører")
_KIND_LABELS = {label_key(label): key for key, label in KINDS.items()}
_AMOUNT_HEADER = label_key("Beløb i hele")
_YEAR = re.compile(r"^(\d{4})$")
_AMOUNT_ROWS = {label_key(label): name for label, name in (
    ("Nuværende budget", "nuvaerende_budget"),
    ("Estimeret gevinst", "estimeret_gevinst"),
    ("Investeringsbehov", "investeringsbehov"),
    ("Ændringsforslag i alt", "aendringsforslag_i_alt"),
    ("Berørte antal medarbejdere", "beroerte_medarbejdere"),
    ("Ændring i antal årsværk", "aendring_aarsvaerk"),
)}
AMOUNT_FIELDS = tuple(_AMOUNT_ROWS.values())
_GROUP_ROWS = {label_key("Budgetændring – drift"), label_key("Personalekonsekvenser")}  # headings in the table
_TICKS = {"x", "☒", "☑", "✓", "✔", "✗", "✘", "■", "⊠"}
_UNTICKED = {"", "☐", "□"}
_SECTION = re.compile(r"^[-•*\s]*(?P<n>[1-7])\)\s*(?P<title>[A-ZÆØÅ].{0,70}?)[\s*_]*$")
_BEVILLING_NUMBER = re.compile(r"(?<![\d.])\d{1,2}\.\d{2}\.\d{2}(?![\d.])")
_CENTER_CODE = re.compile(r"^(?P<code>[A-ZÆØÅ]{2,6})(?:\s*[–—-]\s*|\s+|$)(?P<rest>.*)$")


@dataclass
class _Form:
    """A form while it is read: the title line and what the rows have filled in so far."""

    provenance: Provenance
    fields: dict[str, str] = field(default_factory=dict)
    kind: list[str] = field(default_factory=list)
    years: dict[str, int] = field(default_factory=dict)
    amounts: dict[str, dict[str, Number | None]] = field(default_factory=dict)
    section_lines: dict[str, list[Line]] = field(default_factory=dict)
    lines: dict[str, Provenance] = field(default_factory=dict)
    current_section: str | None = None


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    vocabulary = reading.vocabulary
    head = reading.head()
    card.sign("a form title ('Reduktionsforslag til budget ...')", 0.6,
              any(vocabulary.role("forms.title", line.cell(0)) for line in head if len(line.cells) == 1))
    labels = {vocabulary.role("forms.fields", line.cell(0)) for line in head if len(line.cells) > 1}
    card.sign("an 'Overskrift' row", 0.2, "overskrift" in labels)
    card.sign("an 'Ændringen vedrører' row", 0.2, "kind_header" in labels)
    card.sign("an amount table ('Beløb i hele 1.000 kr.')", 0.2, "amount_header" in labels)
    return card.evidence


def _is_form(lines: Sequence[Line]) -> bool:
    """A form without its title line: its rows say what it is."""
    labels = {label_key(one_line(line.cell(0))) for line in lines[:80] if len(line.cells) > 1}
    return "overskrift" in labels and any(label.startswith(_KIND_HEADER) for label in labels)


def interpret(reading: Reading) -> ImportResult:
    source, lines = reading.source, reading.lines
    warnings: list[ReadWarning] = []
    width = visual_width(lines)
    forms = [block_to_form(block, warnings, reading) for block in lines_to_blocks(lines)]
    if not forms:
        raise SourceError("No proposal form found (no line 'Reduktionsforslag til Budget ...')", source.path,
                          hint="Is this a proposal form? Check that each form starts with its title line.")
    records = tuple(form_to_record(form, width, warnings) for form in forms)
    return ImportResult(KIND, source, records, tuple(warnings))


def lines_to_blocks(lines: Sequence[Line]) -> list[list[Line]]:
    """The lines of each form, its title line first; lines before the first title are no form's."""
    blocks: list[list[Line]] = []
    for line in lines:
        if len(line.cells) == 1 and _TITLE.match(one_line(line.cell(0))):
            blocks.append([line])
        elif blocks:
            blocks[-1].append(line)
    if not blocks and _is_form(lines):  # a single form without its title line
        blocks.append(list(lines))
    return blocks


def block_to_form(block: Sequence[Line], warnings: list[ReadWarning], reading: Reading) -> _Form:
    form = _Form(block[0].provenance)
    reading.mark_used(block[0])
    for line in block[1:]:
        if len(line.cells) > 1 and form.current_section is None:
            if _read_row(form, line, warnings):
                reading.mark_used(line)
        elif section := _section_number(form, line):
            form.current_section = section
            form.section_lines[section] = []
            form.lines[f"section_{section}"] = line.provenance
            reading.mark_used(line)
        elif form.current_section is not None:
            form.section_lines[form.current_section].append(line)
            reading.mark_used(line)
        elif one_line(line.text):
            warnings.append(ReadWarning(f"Text outside the form's tables was skipped: '{one_line(line.text)[:60]}'",
                                        line.provenance))
    return form


def _section_number(form: _Form, line: Line) -> str | None:
    """The number of a section heading ("3) Investeringsbehov (evt.)"); numbers only go up, so that
    a numbered line in a section's text ("2) Der iværksættes ...") is no heading once "2)" is past."""
    texts = [str(c) for c in line.cells if c not in (None, "")]
    match = _SECTION.match(texts[0].strip()) if len(texts) == 1 else None
    if match is None or (form.current_section is not None and match.group("n") <= form.current_section):
        return None
    return match.group("n")


def _read_row(form: _Form, line: Line, warnings: list[ReadWarning]) -> bool:
    """Read one row of the form's tables; whether it was one the form has."""
    label = one_line(line.cell(0))
    key = label_key(label)
    values = [one_line(c) if isinstance(c, str) else c for c in line.cells[1:]]
    where = line.provenance
    if not label and not any(v not in (None, "") for v in values):
        return False
    if key in _KEYS:
        form.fields[_KEYS[key]] = " ".join(str(v) for v in values if v not in (None, ""))
        form.lines[_KEYS[key]] = where
    elif key.startswith(_KIND_HEADER):
        form.lines["kind"] = where
    elif key in _KIND_LABELS:
        _read_tick(form, _KIND_LABELS[key], values, where, warnings)
    elif key.startswith(_AMOUNT_HEADER):
        form.years = {m.group(1): i for i, v in enumerate(values, start=1) if (m := _YEAR.match(str(v or "")))}
        form.lines["years"] = where
    elif key in _AMOUNT_ROWS:
        _read_amounts(form, _AMOUNT_ROWS[key], line, warnings)
    elif key in _GROUP_ROWS:
        if any(v not in (None, "") for v in values):
            warnings.append(ReadWarning(f"The heading row '{label}' holds amounts; they were not read", where))
    else:
        warnings.append(ReadWarning(f"Unknown row '{label}' in the form was skipped", where))
        return False
    return True


def _read_tick(form: _Form, kind: str, values: list[object], where: Provenance,
               warnings: list[ReadWarning]) -> None:
    mark = " ".join(str(v) for v in values if v not in (None, "")).strip()
    if mark.lower() in _TICKS:
        form.kind.append(kind)
    elif mark not in _UNTICKED:
        warnings.append(ReadWarning(f"Unclear mark '{mark}' beside '{KINDS[kind]}'; read as ticked", where))
        form.kind.append(kind)


def _read_amounts(form: _Form, name: str, line: Line, warnings: list[ReadWarning]) -> None:
    if not form.years:
        raise SourceError(f"The row '{one_line(line.cell(0))}' stands before the header 'Beløb i hele 1.000 kr.'",
                          line.provenance, hint="Check that the amount table has its header row with the years.")
    if name in form.amounts:
        warnings.append(ReadWarning(f"A second row '{one_line(line.cell(0))}'; the last one is kept",
                                    line.provenance))
    form.amounts[name] = {year: parse_number(line.cell(i), line.provenance) for year, i in form.years.items()}
    form.lines[name] = line.provenance


def form_to_record(form: _Form, width: int, warnings: list[ReadWarning]) -> ProposalForm:
    for key in ("overskrift", "center", "bevilling"):
        if key not in form.fields:
            warnings.append(ReadWarning(f"The form has no row '{key.capitalize()}'", form.provenance))
    if not form.years:
        warnings.append(ReadWarning("The form has no amount table ('Beløb i hele 1.000 kr.')", form.provenance))
    center, center_text = split_center(form.fields.get("center", ""))
    blank = dict.fromkeys(form.years)
    kinds = tuple(k for k in KINDS if k in form.kind)
    return ProposalForm(
        overskrift=form.fields.get("overskrift", ""),
        center=center,
        center_text=center_text,
        bevilling=form.fields.get("bevilling", ""),
        bevillinger=parse_bevillinger(form.fields.get("bevilling", "")),
        kind=kinds,
        years=tuple(form.years),
        **{name: form.amounts.get(name, blank) for name in AMOUNT_FIELDS},  # type: ignore[arg-type]
        sections={n: lines_to_text(form.section_lines.get(n, ()), width) for n in SECTION_NUMBERS},
        provenance=form.provenance,
        lines=form.lines,
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
