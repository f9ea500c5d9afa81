"""The minutes section: the meeting and its agenda on "Referat", its tables with live formulas beside.

"Referat": the meeting (committee, date, time, place, participants) and one row per agenda
item (title, number, case number as text, decision, recommendations, authority, history,
attachments, source line), as an Excel table.

"Referat - tabeller": each table of the minutes in its own block. The stated values stay
as the minutes print them (grey italics); beside each stated deviation stands a computed
one (forventet regnskab - the budget the deviation is against), below each stated sum
a row that computes it (=SUM of its parts), below "Korrigeret budget" the bridge
(oprindeligt budget + every change). A "Kontrol af tabellerne" table at the bottom pairs
every stated value with its computed twin, with the tolerance of the table's rounding and
the source line; `workbook.validators.minutes` reads that table back from the .xlsx.

How a table is read (`table_to_plan`), from its headers and row labels only:
- a column whose header says "afvigelse" is a deviation; "Opr." / "Kor." after it names
  the budget it is against (Oprindeligt / Korrigeret budget), the minuend is the
  "Forventet regnskab" column;
- a row labelled "... i alt" / "Total" sums the rows directly above it, back to the
  previous sum or to a top-level row ("Indtægter", "Udgifter", a line the minutes print
  as its own total);
- a result row ("Likviditet...", "Resultat...") sums the top-level and sum rows above it;
- a table from "Oprindeligt budget" to "Korrigeret budget" is a bridge: the last equals
  the first plus every row between.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from budgetbook.model import ImportResult, Number, Provenance
from budgetbook.records.minutes import AgendaItem, MinutesHeader, MinutesTable, TableRow
from workbook import formulas as fx
from workbook.layout import Check, SheetLayout, Style, sheet_name, table_over
from workbook.sections import Block, SheetsOnlySection, Trace

KIND = "minutes"
REFERAT = "Referat"
TABLES_SUFFIX = " - tabeller"
CHECK_TABLE_PREFIX = "Referatkontrol"  # the validator finds the check tables by this name

RULE_DEVIATION = "minutes_deviation"
RULE_SUM = "minutes_sum"
RULE_BRIDGE = "minutes_bridge"

# Header labels of the check table; the validator finds the columns by these.
ROW = "Række"
COLUMN = "Kolonne"
RULE = "Regel"
STATED = "Oplyst"
COMPUTED = "Beregnet"
DIFFERENCE = "Forskel"
TOLERANCE = "Tolerance"
OK = "I orden"
TABLE = "Tabel"
FILE, PAGE, LINE = "Fil", "Side", "Linje"
CHECK_COLUMNS = (ROW, COLUMN, RULE, STATED, COMPUTED, DIFFERENCE, TOLERANCE, OK, TABLE, FILE, PAGE, LINE)

AGENDA_COLUMNS = ("Titel", "Punkt", "Sagsnr.", "Beslutning", "Indstilling", "Beslutningskompetence",
                  "Sagens forløb", "Bilag", "Kilde")
TABLE_WIDTHS = {1: 50, 2: 16, 3: 16, 4: 16, 5: 16, 6: 16, 7: 16, 8: 16, 9: 40, 10: 36, 11: 8, 12: 8}

_SUM_LABEL = re.compile(r"(^|\s)i\s+alt\b|\btotal\b", re.IGNORECASE)
TOP_LEVEL_LABELS = ("indtægter", "udgifter")  # lines a resultatopgørelse prints as their own total
RESULT_LABELS = ("likviditet", "resultat")


def rounding_tolerance(decimals: int, figures: int) -> float:
    """How far a check may be off from rounding alone: half a unit of the last decimal per rounded figure.

    The minutes print mio. kr. with one decimal: a deviation compares three rounded figures
    (forventet, budget, stated deviation), so up to 0,15 is rounding (2,5 against 2,6 is),
    and 1,0 is not. A sum of n rounded parts against a rounded total: (n + 1) halves.
    """
    return round(figures * 0.5 * 10 ** -decimals, decimals + 2)


# --- interpret: a minutes table -> what can be computed in it -------------------------------------------


@dataclass(frozen=True)
class Deviation:
    column: int  # index into the row values of the stated deviation
    minuend: int  # forventet regnskab
    subtrahend: int  # the budget the deviation is against


@dataclass(frozen=True)
class SumRow:
    row: int  # index of the stated total row
    parts: tuple[int, ...]  # indexes of the rows it adds up (for a bridge: the start, then the changes)
    columns: tuple[int, ...]  # value indexes where the minutes state the total
    rule: str


@dataclass(frozen=True)
class TablePlan:
    table: MinutesTable
    width: int  # number of value columns
    decimals: int
    deviations: tuple[Deviation, ...]
    sums: tuple[SumRow, ...]

    def deviation_at(self, column: int) -> Deviation | None:
        return next((d for d in self.deviations if d.column == column), None)

    def sum_at(self, row: int) -> SumRow | None:
        return next((s for s in self.sums if s.row == row), None)


def _squash(text: str) -> str:
    """Lower case without spaces: "FV. regnskabsa fvigelse" (a PDF line break) reads as one word."""
    return re.sub(r"\s+", "", text).lower()


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def headers_to_deviations(headers: tuple[str, ...]) -> tuple[Deviation, ...]:
    """Deviation columns and what they subtract; `headers` include the label column (index 0)."""
    values = [_squash(h) for h in headers[1:]]
    deviations = []
    minuend = next((i for i, h in enumerate(values) if "afvig" not in h and ("forventet" in h or "regnskab" in h)),
                   None)
    for index, header in enumerate(values):
        if "afvig" not in header or minuend is None:
            continue
        against = header.split("afvig", 1)[1]
        word = "oprindelig" if "opr" in against else "korrigeret" if "kor" in against else None
        subtrahend = next((i for i, h in enumerate(values) if word and word in h and "afvig" not in h), None)
        if subtrahend is not None:
            deviations.append(Deviation(index, minuend, subtrahend))
    return tuple(deviations)


def _is_top_level(row: TableRow) -> bool:
    return _squash(row.label) in TOP_LEVEL_LABELS


def _is_result(row: TableRow) -> bool:
    return _squash(row.label).startswith(RESULT_LABELS)


def _has_numbers(row: TableRow) -> bool:
    return any(_is_number(v) for v in row.values)


def rows_to_sums(rows: tuple[TableRow, ...]) -> tuple[SumRow, ...]:
    """The "i alt" rows and result rows of a table, with the rows each adds up."""
    sums: list[SumRow] = []
    levels: list[int] = []  # rows a result row adds up: top-level rows and sums
    for index, row in enumerate(rows):
        if not _has_numbers(row):
            continue
        if _is_result(row):
            if levels:
                sums.append(SumRow(index, tuple(levels), _stated_columns(row), RULE_SUM))
            levels = [index]
            continue
        if _SUM_LABEL.search(row.label):
            parts = []
            for before in range(index - 1, -1, -1):
                other = rows[before]
                if before in levels or _is_top_level(other) or _is_result(other):
                    break
                if _has_numbers(other):
                    parts.append(before)
            if parts:
                sums.append(SumRow(index, tuple(reversed(parts)), _stated_columns(row), RULE_SUM))
                levels = [i for i in levels if i not in parts] + [index]
            continue
        if _is_top_level(row):
            levels.append(index)
    return tuple(sums)


def rows_to_bridge(rows: tuple[TableRow, ...]) -> SumRow | None:
    """ "Oprindeligt budget", the changes, "Korrigeret budget": the last is the first plus the changes."""
    if len(rows) < 3:
        return None
    first, last = rows[0], rows[-1]
    if not (_squash(first.label).startswith("oprindeligtbudget") and _squash(last.label).startswith("korrigeretbudget")):
        return None
    columns = tuple(i for i, (a, b) in enumerate(zip(first.values, last.values)) if _is_number(a) and _is_number(b))
    if not columns:
        return None
    return SumRow(len(rows) - 1, tuple(range(len(rows) - 1)), columns, RULE_BRIDGE)


def _stated_columns(row: TableRow) -> tuple[int, ...]:
    return tuple(i for i, v in enumerate(row.values) if _is_number(v))


def _decimals(value: Number) -> int:
    exponent = Decimal(repr(value)).as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def table_to_plan(table: MinutesTable) -> TablePlan:
    width = max((len(r.values) for r in table.rows), default=0)
    deviations = headers_to_deviations(table.headers) if table.headers else ()
    bridge = rows_to_bridge(table.rows)
    sums = (bridge,) if bridge else rows_to_sums(table.rows)
    amount_columns = {d.column for d in deviations} | {d.minuend for d in deviations} | {
        d.subtrahend for d in deviations} | {c for s in sums for c in s.columns}
    decimals = max((_decimals(v) for r in table.rows for i, v in enumerate(r.values)
                    if i in amount_columns and _is_number(v)), default=0)
    return TablePlan(table, width, min(decimals, 4), deviations, sums)


# --- layout ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Pair:
    """A stated value and the formula cell that computes it: one row of the check table."""

    row_label: str
    column_label: str
    rule: str
    stated: str
    computed: str
    tolerance: float
    table: str
    source: Provenance


class MinutesSection(SheetsOnlySection):
    title = "Referat"

    def __init__(self, results: list[ImportResult]) -> None:
        self.results = [r for r in results if r.kind == KIND]

    def has_content(self) -> bool:
        return bool(self.results)

    def extra_sheets(self, center_blocks: dict[str, Block]) -> tuple[list[SheetLayout], list[Check], list[Trace]]:
        sheets: list[SheetLayout] = []
        traces: list[Trace] = []
        for number, result in enumerate(self.results, start=1):
            name = REFERAT if number == 1 else sheet_name(f"{REFERAT} {number}")
            items = [r for r in result.records if isinstance(r, AgendaItem)]
            header = result.document if isinstance(result.document, MinutesHeader) else None
            sheets.append(build_agenda_sheet(name, header, items, result.source.path, traces))
            if any(item.tables for item in items):
                sheets.append(build_tables_sheet(sheet_name(f"{name}{TABLES_SUFFIX}"), items, traces))
        return sheets, [], traces


def build_agenda_sheet(name: str, header: MinutesHeader | None, items: list[AgendaItem], file: str,
                       traces: list[Trace]) -> SheetLayout:
    sheet = SheetLayout(name, "Referat")
    sheet.put(1, 1, f"Referat: {header.committee}" if header else "Referat", Style.TITLE)
    sheet.put(2, 1, f"Kilde: {file}", Style.NOTE)
    fields = [("Udvalg", header.committee), ("Mødedato", header.date), ("Tidspunkt", header.time),
              ("Mødested", header.location), ("Deltagere", ", ".join(header.participants))] if header else []
    row = 3
    for row, (label, value) in enumerate(fields, start=4):
        sheet.put(row, 1, label, Style.TOTAL_LABEL)
        sheet.put(row, 2, value or "", Style.TEXT)  # the ISO date stays text, as the minutes print it
    first_header = row + 2
    sheet.put_row(first_header, list(AGENDA_COLUMNS), Style.HEADER)
    row = first_header
    for row, item in enumerate(items, start=first_header + 1):
        history = "\n".join(f"{h.date} {h.committee}: {h.decision}" for h in item.history)
        sheet.put(row, 1, item.title, Style.WRAP)
        sheet.put(row, 2, item.number, Style.TEXT)
        sheet.put(row, 3, str(item.case_number) if item.case_number else "", Style.TEXT)  # "24-004869": text
        for col, text in enumerate([item.decision, "\n".join(item.recommendations), item.decision_authority,
                                    history, "\n".join(item.attachments)], start=4):
            sheet.put(row, col, text, Style.WRAP)
        sheet.put(row, 9, item.provenance.describe(), Style.TEXT)
        traces.append(Trace(name, row, f"Punkt {item.number}", item.provenance))
    sheet.tables.append(table_over(name, "Dagsorden", first_header, row, len(AGENDA_COLUMNS)))
    sheet.freeze = f"A{first_header + 1}"
    sheet.print_rows = f"{first_header}:{first_header}"
    return sheet


def build_tables_sheet(name: str, items: list[AgendaItem], traces: list[Trace]) -> SheetLayout:
    sheet = SheetLayout(name, "Referat", column_widths=dict(TABLE_WIDTHS))
    sheet.put(1, 1, "Tabeller i referatet", Style.TITLE)
    sheet.put(2, 1, "Grå kursiv: som referatet skriver det. Sort: beregnet med formler af referatets egne tal. "
                    "Kontrollen nederst holder dem op mod hinanden.", Style.NOTE)
    pairs: list[_Pair] = []
    top = 4
    for item in items:
        for table in item.tables:
            top = _put_table(sheet, top, item, table_to_plan(table), pairs, traces) + 3
    _put_checks(sheet, top, pairs)
    return sheet


def _value_columns(plan: TablePlan) -> tuple[dict[int, int], dict[int, int], int]:
    """Sheet column of each stated value, of each computed deviation (right of its stated one), and the last."""
    stated, computed = {}, {}
    col = 2
    for index in range(plan.width):
        stated[index] = col
        col += 1
        if plan.deviation_at(index):
            computed[index] = col
            col += 1
    return stated, computed, col


def _header_text(plan: TablePlan, index: int) -> str:
    """The column's header; a table printed without one gets "Beløb" over its amounts, "Kolonne n" elsewhere."""
    headers = plan.table.headers
    if len(headers) > index + 1 and headers[index + 1]:
        return headers[index + 1]
    amounts = [i for i in range(plan.width) if _is_amount_column(plan, i)]
    if index in amounts:
        return "Beløb" if len(amounts) == 1 else f"Beløb {amounts.index(index) + 1}"
    return f"Kolonne {index + 2}"


def _put_table(sheet: SheetLayout, top: int, item: AgendaItem, plan: TablePlan, pairs: list[_Pair],
               traces: list[Trace]) -> int:
    """One block: title, rounding note, header, the rows (computed sum rows under stated ones); its last row."""
    table = plan.table
    title = f"Punkt {item.number}: {table.title}"
    stated_col, computed_col, source_col = _value_columns(plan)
    sheet.put(top, 1, title, Style.TOTAL_LABEL)
    unit = 10 ** -plan.decimals
    sheet.put(top + 1, 1, f"{table.provenance.describe()}. Tallene er afrundet til {plan.decimals} decimal(er): "
                          f"tolerancen er {_danish(unit / 2)} pr. afrundet tal i en kontrol.", Style.NOTE)
    header = top + 2
    sheet.put(header, 1, table.headers[0] if table.headers and table.headers[0] else "Række", Style.HEADER)
    for index in range(plan.width):
        label = _header_text(plan, index)
        sheet.put(header, stated_col[index], f"{label} (oplyst)" if index in computed_col else label, Style.HEADER)
        if index in computed_col:
            sheet.put(header, computed_col[index], f"{label} (beregnet)", Style.HEADER)
    sheet.put(header, source_col, "Kilde", Style.HEADER)
    row = header
    at: dict[int, int] = {}  # index of a table row -> its sheet row
    for index, table_row in enumerate(table.rows):
        row += 1
        at[index] = row
        _put_stated_row(sheet, row, plan, table_row, stated_col, source_col)
        traces.append(Trace(sheet.name, row, f"{title}/{table_row.label}", table_row.provenance))
        for index_value, deviation in ((d.column, d) for d in plan.deviations):
            _put_deviation(sheet, row, plan, title, table_row, deviation, stated_col, computed_col[index_value],
                           pairs)
        total = plan.sum_at(index)
        if total is not None:
            row += 1
            _put_computed_sum(sheet, row, plan, title, table_row, total, at, stated_col, pairs)
    return row


def _put_stated_row(sheet: SheetLayout, row: int, plan: TablePlan, table_row: TableRow,
                    stated_col: dict[int, int], source_col: int) -> None:
    sheet.put(row, 1, table_row.label, Style.TEXT)
    for index, value in enumerate(table_row.values):
        if _is_number(value) and _is_amount_column(plan, index):
            sheet.put(row, stated_col[index], value, Style.STATED_DECIMAL)
        elif value is not None:
            sheet.put(row, stated_col[index], value if isinstance(value, str) else str(value), Style.TEXT)
    sheet.put(row, source_col, table_row.provenance.describe(), Style.TEXT)


def _is_amount_column(plan: TablePlan, index: int) -> bool:
    """A column of amounts; the meeting numbers and dates of a bridge table are not."""
    if any(s.rule == RULE_BRIDGE for s in plan.sums):
        return any(index in s.columns for s in plan.sums)
    return True


def _put_deviation(sheet: SheetLayout, row: int, plan: TablePlan, title: str, table_row: TableRow,
                   deviation: Deviation, stated_col: dict[int, int], col: int, pairs: list[_Pair]) -> None:
    values = table_row.values
    minuend, subtrahend = (values[i] if i < len(values) else None for i in (deviation.minuend, deviation.subtrahend))
    if not (_is_number(minuend) and _is_number(subtrahend)):
        return
    computed = sheet.put(row, col, fx.difference(fx.ref(row, stated_col[deviation.minuend]),
                                                 fx.ref(row, stated_col[deviation.subtrahend])), Style.DECIMAL)
    stated = values[deviation.column] if deviation.column < len(values) else None
    if _is_number(stated):
        pairs.append(_Pair(table_row.label, _header_text(plan, deviation.column), RULE_DEVIATION,
                           fx.ref(row, stated_col[deviation.column]), computed,
                           rounding_tolerance(plan.decimals, 3), title, table_row.provenance))


def _put_computed_sum(sheet: SheetLayout, row: int, plan: TablePlan, title: str, table_row: TableRow,
                      total: SumRow, at: dict[int, int], stated_col: dict[int, int], pairs: list[_Pair]) -> None:
    """The row under a stated total that computes it from its parts, and a check pair per stated value."""
    rows = plan.table.rows
    sheet.put(row, 1, f"{table_row.label}, beregnet ({_sum_text(plan, total)})", Style.NOTE)
    parts = [at[p] for p in total.parts]
    for index in total.columns:
        col = stated_col[index]
        if total.rule == RULE_BRIDGE:
            formula = fx.plus_sum(fx.ref(parts[0], col), parts[1], parts[-1], col)
        elif parts == list(range(parts[0], parts[-1] + 1)):
            formula = fx.sum_range(parts[0], parts[-1], col)
        else:
            formula = fx.sum_of([fx.ref(p, col) for p in parts])
        computed = sheet.put(row, col, formula, Style.DECIMAL)
        figures = 1 + sum(1 for p in total.parts if _is_number(_value(rows[p], index)))
        pairs.append(_Pair(table_row.label, _header_text(plan, index), total.rule, fx.ref(at[total.row], col),
                           computed, rounding_tolerance(plan.decimals, figures), title, table_row.provenance))


def _sum_text(plan: TablePlan, total: SumRow) -> str:
    if total.rule == RULE_BRIDGE:
        return "første række + alle ændringer"
    labels = [plan.table.rows[p].label for p in total.parts]
    return " + ".join(labels) if len(labels) <= 3 else f"summen af de {len(labels)} rækker over"


def _value(row: TableRow, index: int) -> object:
    return row.values[index] if index < len(row.values) else None


def _put_checks(sheet: SheetLayout, top: int, pairs: list[_Pair]) -> None:
    """The check table: every stated value against its computed twin, live, with tolerance and source line."""
    sheet.put(top, 1, "Kontrol af tabellerne", Style.TOTAL_LABEL)
    sheet.put(top + 1, 1, "I orden = |Beregnet - Oplyst| ≤ Tolerance. Tolerancen er afrundingen: ½ enhed af "
                          "tabellens sidste decimal pr. afrundet tal, der indgår.", Style.NOTE)
    header = top + 2
    sheet.put_row(header, list(CHECK_COLUMNS), Style.HEADER)
    columns = {label: index for index, label in enumerate(CHECK_COLUMNS, start=1)}
    row = header
    for row, pair in enumerate(pairs, start=header + 1):
        sheet.put_row(row, [pair.row_label, pair.column_label, pair.rule], Style.TEXT)
        sheet.put(row, columns[STATED], fx.link(pair.stated), Style.STATED_DECIMAL,
                  link=f"#{fx.ref_in(pair.stated, sheet.name)}")
        sheet.put(row, columns[COMPUTED], fx.link(pair.computed), Style.DECIMAL,
                  link=f"#{fx.ref_in(pair.computed, sheet.name)}")
        difference = sheet.put(row, columns[DIFFERENCE], fx.difference(fx.ref(row, columns[COMPUTED]),
                                                                       fx.ref(row, columns[STATED])), Style.DECIMAL)
        tolerance = sheet.put(row, columns[TOLERANCE], pair.tolerance, Style.DECIMAL)
        sheet.put(row, columns[OK], fx.within_tolerance(difference, tolerance), Style.TEXT)
        sheet.put_row(row, [pair.table, pair.source.file, pair.source.page, pair.source.line], Style.TEXT,
                      first_col=columns[TABLE])
    sheet.tables.append(table_over(sheet.name, CHECK_TABLE_PREFIX, header, row, len(CHECK_COLUMNS)))


def _danish(value: float) -> str:
    return f"{value:g}".replace(".", ",")
