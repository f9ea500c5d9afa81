"""A form's amount table: its years, its unit and its rows, each row by the role of its label.

    | Beløb i hele 1.000 kr. | 2024 | 2025 | 2026 | 2027 |      the header: years in any range and form
    | Budgetændring – drift  |      |      |      |      |      a heading row (forms.amount_rows.heading)
    | Estimeret gevinst      | -4.600 | ...                     a row with a role
    | Varige ændringer       |      |      |      |      |      a heading row of a role: the rows below
    | Bortfaldne lønomk.     | Service | -1.200 | ...            add up to it unless a row of the role
    | Samlet varig ændring   | Service | -1.200 | ...            states it ("Samlet varig ændring")
    | Heraf løn              | -230 | ...                         a row with no role: kept by its label

Rows are read by label (vocabulary `forms.amount_rows`), in any order; a role stated twice keeps
the last and warns; text columns between the label and the years ("Styringsområde") are no year.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from budgetbook.model import Number, Provenance, ReadWarning
from importers.cleanup import one_line
from importers.numbers import parse_number
from importers.readers import Line
from importers.vocabulary import Vocabulary
from importers.year_columns import YearHeader

ROWS = "forms.amount_rows"
AMOUNT_FIELDS = ("nuvaerende_budget", "estimeret_gevinst", "investeringsbehov", "aendringsforslag_i_alt",
                 "beroerte_medarbejdere", "aendring_aarsvaerk")
GROUP_ROLES = ("estimeret_gevinst", "investeringsbehov")  # a heading row of these heads rows that add up to it
CHANGE_ROLES = ("estimeret_gevinst", "investeringsbehov", "aendringsforslag_i_alt")
Values = dict[str, Number | None]


@dataclass
class AmountTable:
    """What the amount tables of one form have given so far."""

    header: YearHeader | None = None
    header_line: Line | None = None
    amounts: dict[str, Values] = field(default_factory=dict)
    other: dict[str, Values] = field(default_factory=dict)
    lines: dict[str, Provenance] = field(default_factory=dict)
    group: str | None = None  # the role whose heading row heads the rows being read
    parts: dict[str, list[Values]] = field(default_factory=dict)

    seen_years: tuple[str, ...] = ()  # the years of the form's (first) amount table

    @property
    def years(self) -> tuple[str, ...]:
        return self.seen_years

    def start(self, header: YearHeader, line: Line) -> None:
        self.close()
        self.header, self.header_line = header, line
        self.seen_years = self.seen_years or tuple(header.years)
        self.lines.setdefault("years", line.provenance)

    def close(self) -> None:
        """The end of a table: a role headed by a heading row and stated by no row gets the sum of its rows."""
        for role, parts in self.parts.items():
            if role not in self.amounts and parts:
                self.amounts[role] = {year: _sum(p[year] for p in parts) for year in self.years}
        self.parts.clear()
        self.group = None
        self.header = None


def read_row(table: AmountTable, line: Line, vocabulary: Vocabulary, warnings: list[ReadWarning]) -> bool:
    """Read one row of the table; False when the line is no row of it (no label and no amount)."""
    header = table.header
    assert header is not None
    first_year = min(header.years.values())
    label = next((one_line(c) for c in line.cells[:first_year] if one_line(c)), "")
    values = {year: parse_number(line.cell(index), line.provenance) for year, index in header.years.items()
              if year in table.years}
    empty = all(v is None for v in values.values())
    if not label and empty:
        return True  # a spacer row
    hit = vocabulary.match(ROWS, label) if label else None
    role = hit.role if hit else None
    if role == "heading":
        table.group = None
    elif role in GROUP_ROLES and empty:
        table.group = role
        table.parts.setdefault(role, [])
    elif role is not None:
        if role in table.amounts:
            warnings.append(ReadWarning(f"A second row '{label}'; the last one is kept", line.provenance))
        table.amounts[role] = values
        table.lines[role] = line.provenance
        table.group = None
    elif not empty:
        table.other[label or "(uden tekst)"] = values
        table.lines.setdefault(f"other:{label}", line.provenance)
        if table.group is not None:
            table.parts[table.group].append(values)
    return True


def first_row_as_change(table: AmountTable) -> str | None:
    """A table none of whose rows is labelled as a change ("Estimeret gevinst", "Drift", "I alt"), only by
    what changes ("Huslejebesparelser", "Forventet demografiregulering, drift" above its areas' rows): its
    first row is the proposal's change (read as the gain's row). Returns that row's label."""
    if any(role in table.amounts for role in CHANGE_ROLES) or not table.other:
        return None
    label, values = next(iter(table.other.items()))
    del table.other[label]
    table.amounts[GROUP_ROLES[0]] = values
    table.lines[GROUP_ROLES[0]] = table.lines.pop(f"other:{label}")
    return label


def amounts_of(table: AmountTable) -> Mapping[str, Values]:
    """Every amount field, blank years as None, in the table's years."""
    blank: Values = dict.fromkeys(table.years)
    return {name: dict(table.amounts.get(name, blank)) for name in AMOUNT_FIELDS}


def _sum(values: Sequence[Number | None] | object) -> Number | None:
    present = [v for v in values if v is not None]  # type: ignore[union-attr]
    if not present:
        return None
    total = sum(present)
    return round(total, 6) if isinstance(total, float) else total
