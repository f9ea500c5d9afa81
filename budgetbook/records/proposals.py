"""Records of proposal forms ("Reduktionsforslag", "Ændringsforslag", "Budgetforslag", ...): one record
per filled-in form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from budgetbook.model import Number, Provenance

# Every year of the form's amount table is a key; a blank cell is None.
YearValues = Mapping[str, Number | None]

# The kinds a form can be ticked as, ASCII keys -> the label budgetbook shows (forms.kinds).
KINDS = {
    "effektivisering": "Effektivisering",
    "investering": "Investering",
    "besparelse": "Besparelse",
    "merindtaegt": "Merindtægt",
    "udvidelse": "Udvidelse",
    "omprioritering": "Omprioritering",
}

SAVINGS_NEGATIVE, SAVINGS_POSITIVE = "savings_negative", "savings_positive"  # roles of common.signs


@dataclass(frozen=True)
class ProposalForm:
    """One proposal form as filled in: its heading, where it belongs, what it changes and why.

    `bevilling` and `center` keep the text as written ("CJS – Jobcenter" is `center` "CJS" and
    `center_text` "Jobcenter"); `bevillinger` lists the bevilling numbers found in it. The amounts
    are as printed, in `unit` (a `common.units` role) and with savings written as `savings` says
    ("savings_negative": -4.600 saves, "savings_positive": 0,4 saves). Rows of the amount table with no role are
    kept in `other_amounts` by their label. `sections` maps each section heading as printed
    (without its number) to its text. `lines` holds the provenance of every row read (keys as the
    fields: "aendringsforslag_i_alt", ..., and "kind", "years"), so that a finding can name the line.
    """

    overskrift: str
    center: str
    center_text: str
    bevilling: str
    bevillinger: tuple[str, ...]
    kind: tuple[str, ...]
    years: tuple[str, ...]
    nuvaerende_budget: YearValues
    estimeret_gevinst: YearValues
    investeringsbehov: YearValues
    aendringsforslag_i_alt: YearValues
    beroerte_medarbejdere: YearValues
    aendring_aarsvaerk: YearValues
    sections: Mapping[str, str]
    provenance: Provenance
    lines: Mapping[str, Provenance]
    title: str = ""  # the form's title line as printed ("Ændringsforslag SSU-R3")
    number: str = ""
    udvalg: str = ""
    unit: str = "tkr"
    savings: str = SAVINGS_NEGATIVE
    other_amounts: Mapping[str, YearValues] = field(default_factory=dict)
