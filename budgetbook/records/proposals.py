"""Records of proposal forms ("Reduktionsforslag til Budget 2024-2027"): one record per filled-in form."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from budgetbook.model import Number, Provenance

# Every year of the form's amount table is a key; a blank cell is None.
YearValues = Mapping[str, Number | None]

# The "Ændringen vedrører: (Sæt kryds)" choices, ASCII keys -> the labels on the form.
KINDS = {
    "effektivisering": "Effektivisering",
    "investering": "Investering",
    "besparelse": "Besparelse",
    "merindtaegt": "Merindtægt",
}


@dataclass(frozen=True)
class ProposalForm:
    """One proposal form as filled in: its heading, where it belongs, what it changes and why.

    `bevilling` and `center` keep the text as written ("CJS – Jobcenter" is `center` "CJS" and
    `center_text` "Jobcenter"); `bevillinger` lists the bevilling numbers found in it. `lines`
    holds the provenance of every row read (keys as the fields: "aendringsforslag_i_alt", ...,
    and "kind", "years"), so that a finding can name the exact line.
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
