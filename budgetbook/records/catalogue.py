"""Records of initiative catalogues: KL's idébank and municipalities' idé-, råderums- and
effektiviseringskataloger, one initiative per box, page or table."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from budgetbook.model import Number, Provenance
from budgetbook.units import to_tkr


@dataclass(frozen=True)
class Initiative:
    """One initiative of one municipality, merged over every area section it was printed under.

    `effect` is the yearly effect as printed, in `effect_unit` (a `common.units` role: "kr",
    "tkr", "mkr"); `effect_tkr` gives it in 1.000 kr. Fields the catalogue prints under a label
    the model has no place for are kept in `other` (label -> value), so nothing printed is lost.
    """

    municipality: str
    title: str
    description: str
    effect: Number | None  # "Effekt ved fuld indfasning (t.kr.)", "Årlig effekt", "Besparelse i 1.000 kr."
    effect_unit: str | None
    full_year: int | None  # "Fuldt indfaset år", "Fuld effekt fra"
    implementation_cost_text: str  # "Implementeringsomkostninger", as printed ("Ikke oplyst", "550 årligt")
    adopted: bool | None  # "Er forslaget vedtaget": Ja/Nej, None when neither
    measure_types: tuple[str, ...]  # "Typer af tiltag", "Type": the ticked or listed ones
    affected_areas: tuple[str, ...]  # the ticked "Berørte fagområder"
    source: str  # "Yderligere information"
    provenance: Provenance  # where it was printed first
    number: str = ""  # "ØK-01", "12"
    udvalg: str = ""
    area: str = ""  # "Område", "Politikområde", "Sektor": the one area it belongs to
    consequences: str = ""  # "Konsekvenser", "Konsekvenser for borgerne"
    effect_by_year: Mapping[str, Number | None] = field(default_factory=dict)  # a small table of the effect
    other: Mapping[str, str] = field(default_factory=dict)
    repeats: tuple[Provenance, ...] = ()  # where it was printed again, under another area

    @property
    def effect_tkr(self) -> Number | None:
        """The effect in 1.000 kr., whatever unit the catalogue printed it in."""
        return to_tkr(self.effect, self.effect_unit)


@dataclass(frozen=True)
class CatalogueDocument:
    """The catalogue as a whole: how many records it printed, how many were repeats merged away,
    its sections, the unit its effects are printed in and how it writes a saving."""

    printed_records: int
    merged_repeats: int
    sections: tuple[str, ...]  # the area sections in print order ("Administration", ...)
    unit: str | None = None  # the catalogue's own unit when it states one ("Alle beløb i hele 1.000 kr.")
    savings: str | None = None  # "savings_negative" or "savings_positive" when the catalogue says so
