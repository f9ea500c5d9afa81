"""Records of a reduction list ("Udmøntning af reduktion"): its rows and its stated totals."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from budgetbook.model import Number, Provenance, YearAmounts


@dataclass(frozen=True)
class ReductionLine:
    """One row of a reduction list ("Udmøntning af reduktion")."""

    bevilling: str | None
    bevillingstekst: str
    center: str
    udvalg: str
    overskrift: str
    forklaring: str
    amounts: YearAmounts
    budget_base: Number | None
    pct_stated: Number | None
    provenance: Provenance


@dataclass(frozen=True)
class StatedTotals:
    """Totals printed in a reduction list: kept apart from the rows, used only to check them."""

    centers: Mapping[str, YearAmounts]
    hovedtotal: YearAmounts
    provenance: Mapping[str, Provenance] = field(default_factory=dict)

    def to_json(self) -> dict[str, object]:
        return {"centers": {c: dict(v) for c, v in self.centers.items()}, "hovedtotal": dict(self.hovedtotal)}
