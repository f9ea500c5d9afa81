"""The tables of a list that are no reductions: expansion wishes ("Forslag til driftsønsker") and
investments ("Anlægsønsker") printed beside or below the reductions.

They are shown on a sheet of their own, one block per list and table, and never counted into the
reductions' totals, the overview or the committee sheets (a list's "I alt" above such a table is the
reductions' total alone). Amounts are brought to 1.000 kr. by the list's unit; their sign is the list's
own (a wish is a cost, whatever sign the list gives a saving). A table that prints its own total is
checked against its rows like the reductions are.
"""

from __future__ import annotations

from collections.abc import Callable

from budgetbook.model import ImportResult
from budgetbook.records.reduction import HOVEDTOTAL, REDUCTIONS, TABLES, ListDocument, ReductionLine, StatedTotals
from budgetbook.units import FACTOR_BY_LABEL
from workbook import formulas as fx
from workbook.layout import Check, SheetLayout, Style, table_over
from workbook.sections import Trace

SHEET = "Ønsker og anlæg"
FIRST_COL_LABELS = ("Nr.", "Center", "Overskrift", "Forklaring")


def other_tables_sheet(results: list[tuple[ImportResult, ListDocument]], years: list[str], sheet_name: str,
                       key_of: Callable[[ReductionLine], str]) -> tuple[SheetLayout | None, list[Check], list[Trace]]:
    """The sheet of every list's other tables, its checks and the source line of each row; None when no
    list has another table. `key_of` gives a row its stable key (as on the center sheets)."""
    blocks = [(result, document, table, [line for line in result.records if line.table == table])  # type: ignore[attr-defined]
              for result, document in results
              for table in dict.fromkeys(line.table for line in result.records)  # type: ignore[attr-defined]
              if table != REDUCTIONS]
    if not blocks:
        return None, [], []
    sheet = SheetLayout(sheet_name, "Center", print_rows=None)
    sheet.put(1, 1, SHEET, Style.TITLE)
    sheet.put(2, 1, "Tabeller i listerne, der ikke er reduktioner (driftsønsker, anlæg): vist for sig og ikke talt "
              "med i reduktionernes totaler. Beløb i 1.000 kr. med listens eget fortegn.", Style.NOTE)
    checks: list[Check] = []
    traces: list[Trace] = []
    top = 4
    for result, document, table, lines in blocks:
        stated = result.stated_totals.tables.get(table) if isinstance(result.stated_totals, StatedTotals) else None
        top = _block(sheet, top, result, document, table, lines, stated, years, key_of, checks, traces) + 3
    return sheet, checks, traces


def _block(sheet: SheetLayout, top: int, result: ImportResult, document: ListDocument, table: str,
           lines: list[ReductionLine], stated: StatedTotals | None, years: list[str], key_of: Callable[[ReductionLine], str],
           checks: list[Check], traces: list[Trace]) -> int:
    factor = FACTOR_BY_LABEL[document.unit]
    year_col = {year: len(FIRST_COL_LABELS) + 1 + index for index, year in enumerate(years)}
    factor_col = len(FIRST_COL_LABELS) + len(years) + 2
    source_col, key_col = factor_col + 1, factor_col + 2
    sheet.put(top, 1, f"{TABLES.get(table, table)}: {result.source.path} ({document.unit})", Style.NOTE)
    header = top + 1
    sheet.put_row(header, [*FIRST_COL_LABELS, *(f"{y} (1.000 kr.)" for y in years), "Enhed i kilden", "Omregning",
                           "Kilde", "Nøgle"], Style.HEADER)
    first = header + 1
    style = Style.DECIMAL if document.decimals or factor < 1 else Style.AMOUNT
    for row, line in enumerate(lines, start=first):
        factor_ref = fx.ref(row, factor_col)
        sheet.put_row(row, [line.nr, line.center, line.overskrift, line.forklaring], Style.WRAP)
        for year, col in year_col.items():
            value = line.amounts.get(year)
            sheet.put(row, col, value if value is None or value == 0 or factor == 1 else fx.scaled(value, factor_ref),
                      style)
        sheet.put(row, factor_col - 1, document.unit, Style.TEXT)
        sheet.put(row, factor_col, factor, Style.TEXT)
        sheet.put(row, source_col, line.provenance.describe(), Style.TEXT)
        key = key_of(line)
        sheet.put(row, key_col, key, Style.TEXT)
        traces.append(Trace(sheet.name, row, key, line.provenance))
    last = first + len(lines) - 1
    sheet.tables.append(table_over(sheet.name, TABLES.get(table, table), header, last, key_col))
    total_row = last + 1
    sheet.put(total_row, 1, "Total", Style.TOTAL_LABEL)
    totals = {year: sheet.put(total_row, col, fx.sum_range(first, last, col), Style.TOTAL_AMOUNT)
              for year, col in year_col.items()}
    if stated is None or not stated.hovedtotal:
        return total_row
    where = stated.provenance.get(HOVEDTOTAL)
    stated_row = total_row + 1
    sheet.put(stated_row, 1, f"Total i kilden ({where.describe() if where else result.source.path})", Style.NOTE)
    for year, value in stated.hovedtotal.items():
        if year not in year_col:
            continue
        sheet.put(stated_row, year_col[year], fx.products([(value, factor)]) if factor != 1 else value, Style.STATED)
        if where is not None:
            checks.append(Check(sheet.name, totals[year], value * factor, "center_total",
                                f"{TABLES.get(table, table)} total {year} i {result.source.path}", where,
                                0.5 * 10 ** -document.decimals * factor))
    return stated_row
