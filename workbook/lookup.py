"""Answers read from a built workbook's own tables: a center's total, the source line of a keyed row.

The worksheet functions (`xlpy.functions`: BB_TOTAL, BB_KILDE) hand these the table as
a grid (its header row first), so they work on whatever Excel passes, on every engine.
"""

from __future__ import annotations

from collections.abc import Sequence

from budgetbook.errors import BudgetbookError
from budgetbook.model import Provenance
from workbook.kontrol import TRACE_COLUMNS

Grid = Sequence[Sequence[object]]


class NotInTable(BudgetbookError, LookupError):
    """Not in the table; the message says what was looked for."""


def center_total(overview: Grid, center: str, year: object) -> float:
    """The Oversigt row of `center`, summed over every column headed "<section> <year>"."""
    header = [str(v or "") for v in overview[0]]
    year_text = str(int(year)) if isinstance(year, float) and year.is_integer() else str(year).strip()
    columns = [c for c, label in enumerate(header) if c > 0 and label.split(" ")[-1] == year_text]
    if not columns:
        raise NotInTable(f"Intet år {year_text} i oversigten")
    for row in overview[1:]:
        if row and str(row[0] or "").strip().casefold() == center.strip().casefold():
            return float(sum(row[c] for c in columns if isinstance(row[c], (int, float))))
    raise NotInTable(f"Intet center '{center}' i oversigten")


def source_of(traces: Grid, key: str) -> Provenance:
    """File, page and line of the row with this key (the Sporbarhed table: Ark, Række, Nøgle, Fil, Side, Linje)."""
    header = [str(v or "") for v in traces[0]]
    if header[:len(TRACE_COLUMNS)] != TRACE_COLUMNS:
        raise NotInTable(f"Tabellen er ikke Sporbarhed (kolonner {', '.join(TRACE_COLUMNS)})")
    for _sheet, _row, found, file, page, line, *_ in traces[1:]:
        if isinstance(found, str) and found.strip() == key.strip():
            return Provenance(str(file), _int(page), _int(line))
    raise NotInTable(f"Ingen række med nøglen '{key}'")


def _int(value: object) -> int | None:
    return None if value in (None, "") else int(value)  # type: ignore[arg-type]
