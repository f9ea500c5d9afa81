"""Proposal-form rules that are not "this cell equals that source value".

("Ændringsforslag i alt" = gevinst + investeringsbehov is such a rule: it is a stored
check per form and year, written by `workbook.sections.proposals`.) These read the
Forslag sheet back from the workbook alone (columns found by their header labels, the
net change computed by the formula engine) and the form lines from the Sporbarhed table:

- `besparelse_not_saving` (warning): a form ticked Besparelse must save money. Over its
  years the net change must add up to less than zero; a form not also ticked Investering
  must in addition never cost money in a year (a positive net change). A form ticked
  Investering may cost in its first years, as long as the whole period saves.
- `aarsvaerk_against_kind` (warning): "Ændring i antal årsværk" is a change, + more and
  − fewer årsværk. A form ticked Besparelse and not Investering that adds årsværk
  contradicts itself; with Investering it does not (insourcing hires: "Hjemtagning …
  +4"). A form that means fewer årsværk but writes the number without a sign ("1,3") is
  flagged too, on purpose: the reader cannot tell, the author should write "-1,3".
- `gevinst_exceeds_budget` (error): a year's estimated gevinst cannot be larger, in
  absolute value, than the current budget of that year, where the form states one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from budgetbook.errors import WorkbookError
from budgetbook.findings import Finding, Severity
from budgetbook.model import Number, Provenance
from budgetbook.records.proposals import KINDS
from importers.numbers import format_number
from workbook.engine import EvaluatedBook
from workbook.kontrol import read_traces
from workbook.layout import address
from workbook.sections.proposals import (
    AARSVAERK,
    BUDGET,
    FORMS_SHEET,
    GEVINST,
    HEADER_ROW,
    KEY,
    NET,
    OVERSKRIFT,
    TICK,
    YEAR,
    field_key,
)
from workbook.validate import VALIDATORS


@dataclass(frozen=True)
class Amount:
    """A value of the Forslag sheet and the cell it is in."""

    cell: str
    value: Number | None


@dataclass(frozen=True)
class SheetRow:
    """One row of the Forslag sheet as the workbook holds it now."""

    key: str
    overskrift: str
    kinds: frozenset[str]
    year: str
    budget: Amount
    gevinst: Amount
    net: Amount
    aarsvaerk: Amount


class FormLines:
    """The source lines of the forms, from the Sporbarhed table ("F-…/aendring_aarsvaerk" -> line)."""

    def __init__(self, lines: dict[str, Provenance]) -> None:
        self.lines = lines

    def of(self, key: str, field: str) -> Provenance | None:
        return self.lines.get(field_key(key, field)) or self.lines.get(field_key(key, "overskrift"))


Rule = Callable[[list[SheetRow], FormLines], list[Finding]]


def validate_proposals(book: object, evaluated: EvaluatedBook) -> list[Finding]:
    if FORMS_SHEET not in book.sheetnames:
        return []
    rows = read_rows(book, evaluated)
    lines = read_form_lines(book)
    return [finding for rule in RULES for finding in rule(rows, lines)]


def read_rows(book: object, evaluated: EvaluatedBook) -> list[SheetRow]:
    """The Forslag table from the header row down to the first row without a key."""
    sheet = book[FORMS_SHEET]
    header = {cell.value: cell.column for cell in sheet[HEADER_ROW] if cell.value}
    missing = [label for label in (KEY, OVERSKRIFT, YEAR, BUDGET, GEVINST, NET, AARSVAERK, *KINDS.values())
               if label not in header]
    if missing:
        raise WorkbookError(f"The {FORMS_SHEET} sheet has no column {', '.join(repr(m) for m in missing)} in row "
                            f"{HEADER_ROW}; rebuild the workbook with `budgetbook build`")

    def amount(row: int, label: str) -> Amount:
        ref = f"{sheet.cell(row, header[label]).column_letter}{row}"
        value = evaluated.value(ref, FORMS_SHEET)
        number = value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
        return Amount(address(FORMS_SHEET, ref), number)

    rows = []
    for row in range(HEADER_ROW + 1, sheet.max_row + 1):
        key = sheet.cell(row, header[KEY]).value
        if not key:
            break
        kinds = frozenset(name for name, label in KINDS.items()
                          if str(sheet.cell(row, header[label]).value or "").strip().lower() == TICK)
        rows.append(SheetRow(str(key), str(sheet.cell(row, header[OVERSKRIFT]).value or ""), kinds,
                             str(sheet.cell(row, header[YEAR]).value), amount(row, BUDGET), amount(row, GEVINST),
                             amount(row, NET), amount(row, AARSVAERK)))
    return rows


def read_form_lines(book: object) -> FormLines:
    return FormLines({t.key: t.source for t in read_traces(book) if t.key and t.source.file})


def _plain(value: Number) -> str:
    """A number as the forms write it: 1,35 and -4.600."""
    if isinstance(value, float) and not value.is_integer():
        return format_number(value, 2).rstrip("0").rstrip(",")
    return format_number(value)


def _show(value: Number) -> str:
    """A signed change: +650, -4.600."""
    return f"+{_plain(value)}" if value > 0 else _plain(value)


def _by_form(rows: list[SheetRow]) -> dict[str, list[SheetRow]]:
    forms: dict[str, list[SheetRow]] = defaultdict(list)
    for row in rows:
        forms[row.key].append(row)
    return forms


def besparelse_not_saving(rows: list[SheetRow], lines: FormLines) -> list[Finding]:
    findings = []
    for key, years in _by_form(rows).items():
        first = years[0]
        if "besparelse" not in first.kinds:
            continue
        kind_line = lines.of(key, "kind")
        nets = [r for r in years if r.net.value is not None]
        if "investering" not in first.kinds:
            for r in nets:
                if r.net.value > 0:  # type: ignore[operator]
                    findings.append(Finding(
                        Severity.WARNING, "besparelse_not_saving", r.net.cell,
                        f"'{r.overskrift}' is ticked Besparelse, but its net change {r.year} is "
                        f"{_show(r.net.value)} (1.000 kr.): a cost, not a saving", "< 0", r.net.value, kind_line))
        total = sum(r.net.value for r in nets)  # type: ignore[misc]
        if nets and total >= 0:
            cells = f"{nets[0].net.cell}:{nets[-1].net.cell.split('!')[-1]}"
            findings.append(Finding(
                Severity.WARNING, "besparelse_not_saving", cells,
                f"'{first.overskrift}' is ticked Besparelse, but its net change over "
                f"{nets[0].year}-{nets[-1].year} adds up to {_show(total)} (1.000 kr.): it saves nothing",
                "< 0", total, kind_line))
    return findings


def aarsvaerk_against_kind(rows: list[SheetRow], lines: FormLines) -> list[Finding]:
    findings = []
    for key, years in _by_form(rows).items():
        first = years[0]
        if "besparelse" not in first.kinds or "investering" in first.kinds:
            continue
        more = [r for r in years if r.aarsvaerk.value is not None and r.aarsvaerk.value > 0]
        if not more:
            continue
        line = lines.of(key, "aendring_aarsvaerk")
        r = more[0]
        findings.append(Finding(
            Severity.WARNING, "aarsvaerk_against_kind", r.aarsvaerk.cell,
            f"'{r.overskrift}' is a Besparelse without Investering, but 'Ændring i antal årsværk' is "
            f"{_plain(r.aarsvaerk.value)} in {r.year}, which reads as more årsværk. If the form means fewer, "
            "write the number with a minus", "<= 0", r.aarsvaerk.value, line))
    return findings


def gevinst_exceeds_budget(rows: list[SheetRow], lines: FormLines) -> list[Finding]:
    findings = []
    for r in rows:
        budget, gevinst = r.budget.value, r.gevinst.value
        if budget is None or gevinst is None or abs(gevinst) <= abs(budget):
            continue
        line = lines.of(r.key, "estimeret_gevinst")
        findings.append(Finding(
            Severity.ERROR, "gevinst_exceeds_budget", r.gevinst.cell,
            f"'{r.overskrift}' expects a gevinst of {_show(gevinst)} in {r.year}, more than the "
            f"current budget {_show(budget)} ({r.budget.cell}): a saving cannot exceed what is spent",
            budget, gevinst, line))
    return findings


RULES: tuple[Rule, ...] = (besparelse_not_saving, aarsvaerk_against_kind, gevinst_exceeds_budget)
VALIDATORS.append(validate_proposals)
