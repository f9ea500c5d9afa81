"""The proposal-form section: a "Forslag" sheet with one row per form and year, and a block per center.

Most forms write a saving as negative ("Estimeret gevinst -4.600"), an investment positive,
and "Ændringsforslag i alt" as their sum; some write savings positive, or in kroner or mio. kr.
Every amount here is in 1.000 kr. with a saving negative: the form's amount times its factor
(its unit, and −1 where it writes savings positive), both shown on the row. The reduction
lists write savings as positive numbers; every column that holds an amount says its sign.

The Forslag sheet is the one place the forms' figures are typed. Per row: the form's
title, center, bevilling, the ticked kinds (an "x" per kind, as on the form), the year,
the amounts of that year, the net change as a live formula (gevinst + investeringsbehov)
beside the total the form states, the difference, the source line and the key (those two
last, where the print leaves them out). Below it, the net change per
center and year as SUMIFS over the rows. Each center sheet gets a block with one row per
form whose year cells refer to the Forslag sheet, and a SUM total per year (the overview
links to it). The validators (`workbook.validators.proposals`) read this sheet back: the
columns are found by their header labels, and the form lines by the keys of the Kontrol
sheet's Sporbarhed table ("F-…/aendring_aarsvaerk").
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass

from budgetbook.model import ImportResult, Number, Provenance
from budgetbook.records.proposals import KINDS, SAVINGS_POSITIVE, ProposalForm
from budgetbook.units import factor_to_tkr, unit_label
from workbook import formulas as fx
from workbook.layout import Check, SheetLayout, Style, table_over
from workbook.sections import Block, Trace

KIND = "proposal_forms"
FORMS_SHEET = "Forslag"
TITLE = "Forslag (− = besparelse)"
HEADER_ROW = 4
AMOUNT_TOLERANCE = 0.5  # the forms state whole 1.000 kr.
TICK = "x"

# Header labels of the Forslag sheet; the validators find the columns by these.
KEY = "Nøgle"
OVERSKRIFT = "Overskrift"
CENTER = "Center"
BEVILLING = "Bevilling"
YEAR = "År"
BUDGET = "Nuværende budget"
GEVINST = "Estimeret gevinst (− = besparelse)"
INVESTERING = "Investeringsbehov"
NET = "Nettoændring = gevinst + investering (− = besparelse)"
STATED = "Ændringsforslag i alt i forslaget"
DIFFERENCE = "Afvigelse (netto − forslaget)"
MEDARBEJDERE = "Berørte medarbejdere"
AARSVAERK = "Ændring i årsværk (+ = flere)"
SOURCE = "Kilde"
UNIT = "Enhed i forslaget"
FACTOR = "Faktor til 1.000 kr. (− = besparelse)"
KIND_LABELS = tuple(KINDS.values())  # "Effektivisering", "Investering", "Besparelse", "Merindtægt", ...
LABELS = (OVERSKRIFT, CENTER, BEVILLING, *KIND_LABELS, YEAR, BUDGET, GEVINST, INVESTERING, NET, STATED,
          DIFFERENCE, MEDARBEJDERE, AARSVAERK, UNIT, FACTOR, SOURCE, KEY)  # source and key last: folded away
COLUMN = {label: index for index, label in enumerate(LABELS, start=1)}

# The fields of a form whose source line the Sporbarhed table keeps, as "<key>/<field>".
TRACED_FIELDS = ("overskrift", "kind", "nuvaerende_budget", "estimeret_gevinst", "investeringsbehov",
                 "aendringsforslag_i_alt", "aendring_aarsvaerk")


def form_key(form: ProposalForm) -> str:
    """A stable key for a form: the same proposal keeps it in a new export of the same document."""
    basis = f"{form.center}|{form.bevilling}|{form.overskrift}".lower()
    return "F-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def field_key(key: str, field: str) -> str:
    """The Sporbarhed key of one line of a form: "F-1a2b3c4d5e/aendring_aarsvaerk"."""
    return f"{key}/{field}"


def line_of(form: ProposalForm, field: str) -> Provenance:
    """The source line of a field; the form's first line when the importer did not note one."""
    return form.lines.get(field, form.provenance)


@dataclass(frozen=True)
class FormRow:
    """One row of the Forslag sheet: a form in one year."""

    row: int
    key: str
    form: ProposalForm
    year: str


def forms_to_rows(forms: list[ProposalForm], first_row: int) -> list[FormRow]:
    """Forms grouped by center (in reading order within a center), one row per year of each form."""
    ordered = sorted(forms, key=lambda f: f.center)  # sorted() is stable: reading order stays
    rows: list[FormRow] = []
    for form in ordered:
        for year in form.years:
            rows.append(FormRow(first_row + len(rows), form_key(form), form, year))
    return rows


def unique_forms(results: list[ImportResult]) -> tuple[list[ProposalForm], list[str]]:
    """Forms by key, the first one read wins; the same form in another file is named, not counted twice."""
    seen: dict[str, ProposalForm] = {}
    dropped = []
    for result in results:
        for form in result.records:
            assert isinstance(form, ProposalForm)
            key = form_key(form)
            if key in seen:
                dropped.append(f"'{form.overskrift}' ({form.provenance.describe()}) er samme forslag som "
                               f"{seen[key].provenance.describe()}; talt med én gang")
                continue
            seen[key] = form
    return list(seen.values()), dropped


def money_factor(form: ProposalForm) -> Number:
    """What a form's amounts are multiplied by to be in 1.000 kr.: its unit."""
    return factor_to_tkr(form.unit)


def saving_factor(form: ProposalForm) -> Number:
    """What a form's gevinst, investering and total are multiplied by: its unit, and −1 where the form
    writes a saving as a positive number, so that every saving here is negative."""
    return money_factor(form) * (-1 if form.savings == SAVINGS_POSITIVE else 1)


def scaled(value: Number | None, factor: Number) -> Number | None:
    if value is None:
        return None
    result = round(value * factor, 6)
    return int(result) if float(result).is_integer() else result


def has_parts(form: ProposalForm) -> bool:
    """Does the form state a gevinst or an investering in some year (not only its total)?"""
    return any(v is not None for values in (form.estimeret_gevinst, form.investeringsbehov) for v in values.values())


def kinds_text(form: ProposalForm) -> str:
    return ", ".join(KINDS[k] for k in form.kind if k in KINDS)


class ProposalSection:
    title = TITLE
    saving_sign = -1  # the forms write a saving as a negative gevinst

    def __init__(self, results: list[ImportResult]) -> None:
        self.results = [r for r in results if r.kind == KIND]
        self.forms, self.duplicates = unique_forms(self.results)
        self.rows = forms_to_rows(self.forms, HEADER_ROW + 1)
        self._years = sorted({row.year for row in self.rows})
        self.by_center: dict[str, list[ProposalForm]] = defaultdict(list)
        for form in self.forms:
            self.by_center[form.center].append(form)
        self.net_cell = {(r.key, r.year): fx.ref(r.row, COLUMN[NET]) for r in self.rows}

    def years(self) -> list[str]:
        return list(self._years)

    def has_content(self) -> bool:
        return bool(self.centers())

    def centers(self) -> list[str]:
        return list(self.by_center)

    # -- the block on a center sheet -------------------------------------------------------------

    def center_block(self, sheet: SheetLayout, center: str, top: int) -> Block:
        """One row per form of the center; each year refers to the form's net change on the Forslag sheet.

        The form's key and source line are on the Forslag sheet (and in the Sporbarhed table): here
        they would share a column with the reductions' figures and could not be folded out of the print.
        """
        sheet.put(top, 1, "Ændringsforslag (forslagenes fortegn: − = besparelse, + = udgift)", Style.NOTE)
        header = top + 1
        labels = (["Bevilling nr.", "Bevilling", "Enhed", "Overskrift", "Ændringen vedrører"]
                  + [f"Netto {y} (1.000 kr., − = besparelse)" for y in self._years])
        sheet.put_row(header, labels, Style.HEADER)
        block = Block(top, top, header)
        first = header + 1
        forms = self.by_center[center]
        for row, form in enumerate(forms, start=first):
            key = form_key(form)
            sheet.put_row(row, [", ".join(form.bevillinger), form.bevilling, form.center_text, form.overskrift,
                                kinds_text(form)], Style.WRAP)
            for index, year in enumerate(self._years):
                cell = self.net_cell.get((key, year))
                value = None if cell is None else fx.link(fx.ref_in(cell, FORMS_SHEET))
                sheet.put(row, 6 + index, value, Style.AMOUNT)
            block.rows.append((row, key, form.provenance))
        last = first + len(forms) - 1
        sheet.tables.append(table_over(sheet.name, "Forslag", header, last, len(labels)))
        total_row = last + 1
        sheet.put(total_row, 1, "Total, netto (− = besparelse)", Style.TOTAL_LABEL)
        for index, year in enumerate(self._years):
            block.totals[year] = sheet.put(total_row, 6 + index, fx.sum_range(first, last, 6 + index),
                                           Style.TOTAL_AMOUNT)
        block.bottom = total_row
        return block

    # -- the Forslag sheet -----------------------------------------------------------------------

    def extra_sheets(self, center_blocks: dict[str, Block]) -> tuple[list[SheetLayout], list[Check], list[Trace]]:
        sheet = SheetLayout(FORMS_SHEET, "Forslag", freeze=f"C{HEADER_ROW + 1}", print_rows=f"{HEADER_ROW}:{HEADER_ROW}")
        sheet.put(1, 1, "Ændringsforslag", Style.TITLE)
        sheet.put(2, 1, "Beløb i hele 1.000 kr., en besparelse negativ, en udgift positiv (reduktionslisterne skriver "
                        "besparelser som positive tal): forslagets beløb gange faktoren fra dets enhed og fortegn "
                        "(kolonnerne til højre). Én række pr. forslag og år.", Style.NOTE)
        sheet.put_row(HEADER_ROW, list(LABELS), Style.HEADER)
        checks: list[Check] = []
        traces: list[Trace] = []
        for form_row in self.rows:
            checks.extend(self._put_row(sheet, form_row))
        traces.extend(self._field_traces())
        traces.extend(Trace(FORMS_SHEET, r.row, r.key, line_of(r.form, "aendringsforslag_i_alt")) for r in self.rows)
        last = self.rows[-1].row if self.rows else HEADER_ROW
        sheet.tables.append(table_over(FORMS_SHEET, "Forslag", HEADER_ROW, last, len(LABELS)))
        bottom = self._put_center_totals(sheet, HEADER_ROW + 1, last, last + 3, center_blocks)
        self._put_duplicates(sheet, bottom + 2)
        return [sheet], checks, traces

    def _put_row(self, sheet: SheetLayout, form_row: FormRow) -> list[Check]:
        row, form, year = form_row.row, form_row.form, form_row.year
        sheet.put(row, COLUMN[OVERSKRIFT], form.overskrift, Style.WRAP)
        sheet.put_row(row, [form.center, form.bevilling], Style.TEXT, first_col=COLUMN[CENTER])
        sheet.put(row, COLUMN[KEY], form_row.key, Style.TEXT)
        for key, label in KINDS.items():
            sheet.put(row, COLUMN[label], TICK if key in form.kind else None, Style.TEXT)
        sheet.put(row, COLUMN[YEAR], int(year), Style.TEXT)
        money, saving = money_factor(form), saving_factor(form)
        for label, values, factor in ((BUDGET, form.nuvaerende_budget, money),
                                      (GEVINST, form.estimeret_gevinst, saving),
                                      (INVESTERING, form.investeringsbehov, saving),
                                      (STATED, form.aendringsforslag_i_alt, saving),
                                      (MEDARBEJDERE, form.beroerte_medarbejdere, 1),
                                      (AARSVAERK, form.aendring_aarsvaerk, 1)):
            sheet.put(row, COLUMN[label], scaled(values.get(year), factor),
                      Style.AMOUNT if label != AARSVAERK else Style.TEXT)
        sheet.put(row, COLUMN[SOURCE], form.provenance.describe(), Style.TEXT)
        sheet.put(row, COLUMN[UNIT], unit_label(form.unit), Style.TEXT)
        sheet.put(row, COLUMN[FACTOR], saving, Style.DECIMAL)
        stated: Number | None = scaled(form.aendringsforslag_i_alt.get(year), saving)
        if not has_parts(form):  # the form states only its total ("Budgetændring"): the net change is that
            sheet.put(row, COLUMN[NET], fx.blank_or(fx.ref(row, COLUMN[STATED])), Style.AMOUNT)
            return []
        net = sheet.put(row, COLUMN[NET], fx.sum_of([fx.ref(row, COLUMN[GEVINST]), fx.ref(row, COLUMN[INVESTERING])]),
                        Style.AMOUNT)
        if stated is None:
            return []
        sheet.put(row, COLUMN[DIFFERENCE], fx.difference(net, fx.ref(row, COLUMN[STATED])), Style.STATED)
        return [Check(FORMS_SHEET, net, stated, "aendringsforslag_i_alt",
                      f"Ændringsforslag i alt {year} i '{form.overskrift}'",
                      line_of(form, "aendringsforslag_i_alt"), AMOUNT_TOLERANCE)]

    def _field_traces(self) -> list[Trace]:
        """The source line of each traced field of each form, on the form's first row."""
        first_rows: dict[str, FormRow] = {}
        for form_row in self.rows:
            first_rows.setdefault(form_row.key, form_row)
        return [Trace(FORMS_SHEET, r.row, field_key(key, name), line_of(r.form, name))
                for key, r in first_rows.items() for name in TRACED_FIELDS]

    def _put_center_totals(self, sheet: SheetLayout, first: int, last: int, top: int,
                           center_blocks: dict[str, Block]) -> int:
        """Net change per center and year: SUMIFS over the rows above. Returns the last row used."""
        sheet.put(top, 1, "Nettoændring pr. center og år (1.000 kr., − = besparelse)", Style.NOTE)
        header = top + 1
        sheet.put_row(header, ["Center", *self._years], Style.HEADER)
        net_area = fx.area(first, last, COLUMN[NET], absolute=True)
        center_area = fx.area(first, last, COLUMN[CENTER], absolute=True)
        year_area = fx.area(first, last, COLUMN[YEAR], absolute=True)
        row = header
        for row, center in enumerate(sorted(self.by_center), start=header + 1):
            sheet.put(row, 1, center, Style.TEXT, link=f"#{fx.ref(1, 1, center_blocks[center].sheet)}")
            is_center = (center_area, fx.criterion(center, fx.ref(row, 1, absolute=True)))
            for col, year in enumerate(self._years, start=2):
                sheet.put(row, col, fx.sumifs(net_area, is_center, (year_area, year)), Style.AMOUNT)
        total_row = row + 1
        sheet.put(total_row, 1, "Total", Style.TOTAL_LABEL)
        for col in range(2, 2 + len(self._years)):
            sheet.put(total_row, col, fx.sum_range(header + 1, row, col), Style.TOTAL_AMOUNT)
        return total_row

    def _put_duplicates(self, sheet: SheetLayout, top: int) -> None:
        if not self.duplicates:
            return
        sheet.put(top, 1, "Samme forslag i flere dokumenter", Style.HEADER)
        for row, text in enumerate(self.duplicates, start=top + 1):
            sheet.put(row, 1, text, Style.NOTE)
