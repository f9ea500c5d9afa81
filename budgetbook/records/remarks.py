"""Records of budget remarks ("Bemærkninger til budget", budgetbeskrivelser): one record per area of the
committee."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from budgetbook.model import Number, Provenance
from budgetbook.units import to_tkr

# The key of text that stands before an area's first section heading.
NO_HEADING = "Uden overskrift"


@dataclass(frozen=True)
class RemarksDocument:
    """The document's header: which committee's remarks these are."""

    title: str
    committee: str
    provenance: Provenance


@dataclass(frozen=True)
class BudgetArea:
    """One area ("Jobcenter") with its stated net budget and its sections of text.

    `net_budget` is as printed, in `unit` (a `common.units` role: "Samlet nettobudget for området:
    50.190.100 kr." is 50190100 in "kr"; "udgør netto 474,6 mio. kr." is 474.6 in "mkr"), for
    `year` when the document says which; `sections` maps each heading ("Budgetgrundlag", ...) to
    its text, paragraphs separated by line breaks and bullets written "- "; `net_budget_provenance`
    is the line that states the net budget, which a validator may name.
    """

    name: str
    net_budget: Number | None
    unit: str
    year: int | None
    sections: Mapping[str, str]
    provenance: Provenance
    net_budget_provenance: Provenance

    @property
    def net_budget_tkr(self) -> Number | None:
        return to_tkr(self.net_budget, self.unit)
