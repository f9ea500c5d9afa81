"""Records of a list of proposals (reduktionsliste, besparelses-, spare-, råderums-, effektiviserings-
katalog): its rows, the totals and targets it prints, and how it writes its amounts (unit, sign)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from budgetbook.model import Number, Provenance, YearAmounts
from budgetbook.units import FACTOR_BY_LABEL, LABELS

DEFAULT_UNIT = LABELS["tkr"]
HOVEDTOTAL = "Hovedtotal"  # the key of a list's own (grand) total and target among its stated totals
REDUCTIONS = "reductions"
# The tables a list may print (vocabulary group `lists.tables`) and the workbook's Danish name for each.
TABLES = {REDUCTIONS: "Reduktioner", "expansions": "Driftsønsker", "investments": "Anlæg"}


@dataclass(frozen=True)
class ReductionLine:
    """One proposal of a list, its amounts as printed (in the list's unit and sign)."""

    nr: str | None  # Nr., Bevilling, Konto, Funktion, Løbenr. or the number written before the title
    bevillingstekst: str
    center: str  # the Center/Område/Enhed column, or the area written as a row of its own above the rows
    udvalg: str
    overskrift: str
    forklaring: str
    amounts: YearAmounts
    budget_base: Number | None
    pct_stated: Number | None  # in percent (0,4 % is 0.4), however the source typed it
    provenance: Provenance
    period_total: Number | None = None  # "I alt 2021-2024" as printed on the row
    table: str = REDUCTIONS  # the list's table the row stands in: reductions, expansions or investments (`TABLES`)


@dataclass(frozen=True)
class StatedTotals:
    """Totals and targets printed in a list: kept apart from the rows, used only to check them.

    `centers` holds each group's printed total (labelled "CJS Total", "Socialforvaltningen i alt", or an
    unlabelled row under the group), `hovedtotal` the list's grand total; `targets` what a group or
    the whole list must save ("Sparekrav", "Måltal", "Reduktionskrav"; the list's own under
    `HOVEDTOTAL`) with `target_labels` the words it was printed with. These are the reductions'; a
    table of another meaning below them (expansion wishes, investments) has its own in `tables`.
    """

    centers: Mapping[str, YearAmounts]
    hovedtotal: YearAmounts
    provenance: Mapping[str, Provenance] = field(default_factory=dict)
    targets: Mapping[str, YearAmounts] = field(default_factory=dict)
    target_labels: Mapping[str, str] = field(default_factory=dict)
    target_provenance: Mapping[str, Provenance] = field(default_factory=dict)
    tables: Mapping[str, StatedTotals] = field(default_factory=dict)  # what the list's other tables state

    def to_json(self) -> dict[str, object]:
        data: dict[str, object] = {"centers": {c: dict(v) for c, v in self.centers.items()},
                                   "hovedtotal": dict(self.hovedtotal)}
        if self.targets:
            data["targets"] = {g: {"label": self.target_labels.get(g, ""), **dict(v)} for g, v in self.targets.items()}
        if self.tables:
            data["tables"] = {table: stated.to_json() for table, stated in self.tables.items()}
        return data


@dataclass(frozen=True)
class ListDocument:
    """How a list writes its amounts, read from the list itself and said where.

    `unit` is a unit's label (`budgetbook.units.LABELS`: "kr.", "1.000 kr.", "mio. kr."); `savings_sign` is +1 when a saving is printed as a positive
    number, -1 when as a negative one; the `*_source` fields say what they were read from.
    """

    title: str
    unit: str
    unit_source: str
    savings_sign: int
    sign_source: str
    decimals: int  # the most decimals an amount is printed with (1 for "6,5" mio. kr.)
    base_year: str | None = None  # the year a percentage is of: the budget column's ("Budget 2023"), else the first

    @property
    def factor(self) -> float:
        """What an amount as printed is multiplied by to be a saving in 1.000 kr., counted positive."""
        return FACTOR_BY_LABEL[self.unit] * self.savings_sign

    @property
    def tolerance(self) -> float:
        """Half a unit of the last printed decimal, in 1.000 kr.: the rounding a printed total may carry."""
        return 0.5 * 10 ** -self.decimals * FACTOR_BY_LABEL[self.unit]

    def to_json(self) -> dict[str, object]:
        return {"document": {"title": self.title, "unit": self.unit, "unit_source": self.unit_source,
                             "savings": "positive" if self.savings_sign > 0 else "negative",
                             "sign_source": self.sign_source, "decimals": self.decimals,
                             "base_year": self.base_year}}


DEFAULT_DOCUMENT = ListDocument("", DEFAULT_UNIT, "not stated", 1, "not stated", 0)
