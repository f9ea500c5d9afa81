"""Records of budget remarks ("Bemærkninger - Økonomiudvalget"): one record per area of the committee."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from budgetbook.model import Number, Provenance

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
    """One area ("Jobcenter") with its stated net budget in whole kroner and its sections of text.

    `sections` maps each heading ("Budgetgrundlag", "Beskrivelse af området", ...) to its text,
    paragraphs separated by line breaks and bullets written "- "; `net_budget_provenance` is the
    line of "Samlet nettobudget for området", which a validator may name.
    """

    name: str
    net_budget_kr: Number | None
    sections: Mapping[str, str]
    provenance: Provenance
    net_budget_provenance: Provenance
