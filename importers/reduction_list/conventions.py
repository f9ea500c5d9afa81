"""How a list writes its amounts: the unit (kr., 1.000 kr., mio. kr.) and the sign of a saving.

Read from the list itself, in this order, and recorded with where it was read:
- unit: a column header ("2023 (1.000 kr.)", "2025 i t.kr."), a sentence or title around the table
  ("Beløb i 1.000 kr.", "Alle tal er i hele tusinde kroner", "... bruttobesparelser i mio. kr."; a
  unit after a figure, "35,2 mio. kr.", states an amount, not the unit), the import profile; a list
  that says nothing is read by its figures: whole hundreds in the hundreds of thousands are kroner
  (Esbjerg's 210.000, Hørsholm's 261.100),
  anything else 1.000 kr., and a warning says so.
- sign: a sentence ("Negative beløb er besparelser"), the import profile, a column that names its
  amounts ("Besparelse 2023": savings positive; "Merudgift 2023": savings negative), and otherwise
  the figures: when most amounts are negative, savings are written negative.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import median

from budgetbook.model import Number, Provenance, ReadWarning
from budgetbook.records.reduction import DEFAULT_UNIT, ListDocument
from budgetbook.units import unit_label
from importers.cleanup import one_line
from importers.profile import Profile
from importers.readers import Line
from importers.reduction_list.columns import Columns
from importers.vocabulary import Hit, Vocabulary

SIGN_NAMES = {"savings_positive": 1, "savings_negative": -1}
WHOLE_KRONER_MEDIAN = 10_000  # a list in 1.000 kr. whose typical proposal saves 10 mio. kr. is not a list


@dataclass(frozen=True)
class Conventions:
    document: ListDocument
    warnings: tuple[ReadWarning, ...]
    notes: tuple[str, ...]
    used: tuple[Provenance, ...]  # the sentences the unit or the sign was read from


def read_conventions(title: str, columns: Sequence[Columns], sentences: Sequence[Line], amounts: Sequence[Number],
                     decimals: int, vocabulary: Vocabulary, profile: Profile, where: Provenance) -> Conventions:
    """The list's unit and sign; `sentences` are its lines of prose, `amounts` its proposals' figures."""
    warnings: list[ReadWarning] = []
    unit, unit_source, unit_line = _stated_unit(columns, sentences, vocabulary)
    if unit is None and profile.unit:
        unit, unit_source = unit_label(profile.unit), f"the import profile ({profile.describe()})"
    if unit is None:
        unit, unit_source = _unit_by_figures(amounts)
        warnings.append(ReadWarning(f"The list does not say its unit; {unit_source}. If that is wrong, name the unit "
                                    "in an import profile (unit = \"kr.\")", where))
    sign, sign_source, sign_line = _stated_sign(columns, sentences, vocabulary)
    if sign is None and profile.sign:
        sign, sign_source = SIGN_NAMES[profile.sign], f"the import profile ({profile.describe()})"
    if sign is None:
        sign, sign_source = _sign_by_figures(amounts)
    years = [y for header in columns for y in header.years]
    base_year = next((h.base_year for h in columns if h.base_year), None) or (min(years) if years else None)
    document = ListDocument(title, unit, unit_source, sign, sign_source, decimals, base_year)
    notes = (f"Unit: {unit}, read from {unit_source}",
             f"Savings are written as {'positive' if sign > 0 else 'negative'} numbers, read from {sign_source}")
    used = tuple(line.provenance for line in (unit_line, sign_line) if line is not None)
    return Conventions(document, tuple(warnings), notes, used)


def _stated_unit(columns: Sequence[Columns], sentences: Sequence[Line],
                 vocabulary: Vocabulary) -> tuple[str | None, str, Line | None]:
    for header in columns:
        if header.unit:
            return unit_label(header.unit), f"the column header {header.unit_label!r}", None
    for line in sentences:
        text = one_line(line.text)
        for hit in vocabulary.find_all("common.unit_sentences", text):
            if _states_unit(text, hit) and hit.values.get("units"):
                return unit_label(str(hit.values["units"])), f"{text!r} ({line.provenance.describe()})", line
    return None, "", None


def _states_unit(text: str, hit: Hit) -> bool:
    """A unit after a figure ("35,2 mio. kr.") is an amount, not the unit the list is written in."""
    before = text[:hit.start].rstrip()
    return not (before and before[-1].isdigit())


def _unit_by_figures(amounts: Sequence[Number]) -> tuple[str, str]:
    sizes = [abs(a) for a in amounts if a]
    if sizes and all(float(s).is_integer() and s % 100 == 0 for s in sizes) and median(sizes) >= WHOLE_KRONER_MEDIAN:
        return "kr.", (f"its amounts are whole hundreds around {int(median(sizes)):,} "
                       "and are read as whole kroner").replace(",", ".")
    return DEFAULT_UNIT, f"its amounts are read as {DEFAULT_UNIT}, the usual unit of such lists"


def _stated_sign(columns: Sequence[Columns], sentences: Sequence[Line],
                 vocabulary: Vocabulary) -> tuple[int | None, str, Line | None]:
    for line in sentences:
        text = one_line(line.text)
        for hit in vocabulary.find_all("common.signs", text):
            if hit.role in SIGN_NAMES:
                return SIGN_NAMES[hit.role], f"{text!r} ({line.provenance.describe()})", line
    for header in columns:
        if header.saving_label:
            return 1, f"the column header {header.saving_label!r}", None
        if header.cost_label:
            return -1, f"the column header {header.cost_label!r}", None
    return None, "", None


def _sign_by_figures(amounts: Sequence[Number]) -> tuple[int, str]:
    negative = sum(1 for a in amounts if a < 0)
    positive = sum(1 for a in amounts if a > 0)
    if negative > positive:
        return -1, f"the figures: {negative} of {negative + positive} amounts are negative"
    return 1, f"the figures: {positive} of {negative + positive} amounts are positive"
