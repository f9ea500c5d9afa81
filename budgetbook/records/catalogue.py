"""Records of the initiative catalogue ("Idébank"): budget initiatives of other municipalities."""

from __future__ import annotations

from dataclasses import dataclass

from budgetbook.model import Number, Provenance


@dataclass(frozen=True)
class Initiative:
    """One initiative of one municipality, merged over every area section it was printed under."""

    municipality: str
    title: str
    description: str
    effect_tkr: Number | None  # "Effekt ved fuld indfasning (t.kr.)"
    full_year: int | None  # "Fuldt indfaset år"
    implementation_cost_text: str  # "Implementeringsomkostninger", as printed ("Ikke oplyst", "550 årligt")
    adopted: bool | None  # "Er forslaget vedtaget": Ja/Nej, None when neither
    measure_types: tuple[str, ...]  # "Typer af tiltag"
    affected_areas: tuple[str, ...]  # the ticked "Berørte fagområder"
    source: str  # "Yderligere information"
    provenance: Provenance  # where it was printed first
    repeats: tuple[Provenance, ...] = ()  # where it was printed again, under another area


@dataclass(frozen=True)
class CatalogueDocument:
    """The catalogue as a whole: how many records it printed and how many were repeats merged away."""

    printed_records: int
    merged_repeats: int
    sections: tuple[str, ...]  # the area sections in print order ("Administration", ...)
