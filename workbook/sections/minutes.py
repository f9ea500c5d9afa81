"""The minutes section: the meeting and its agenda on "Referat", its tables with live formulas beside.

"Referat": the meeting (committee, date and where it was read, time, place, participants, who
was absent) and one row per agenda item (title, number, case number as text, decision with the
committee and date that made it, recommendations, authority, the earlier treatments with their
committee and date, who was absent, attachments, source line), as an Excel table.

"Referat - tabeller": each table of the minutes in its own block, headed by its unit ("Beløb i
mio. kr."). The stated values stay as the minutes print them (grey italics); beside each stated
deviation stands a computed one (forventet regnskab - the budget the deviation is against),
below each stated sum a row that computes it (=SUM of its parts), below "Korrigeret budget" the
bridge (oprindeligt budget + every change); what is computed is decided by
`workbook.sections.minutes_plan`. A "Kontrol af tabellerne" table at the bottom pairs every
stated value with its computed twin, with the table's unit, the tolerance of its rounding and
the source line; `workbook.validators.minutes` reads that table back from the .xlsx. A check
never mixes tables, so never units.
"""

from __future__ import annotations

from dataclasses import dataclass

from budgetbook import units
from budgetbook.model import ImportResult, Provenance
from budgetbook.records.minutes import AgendaItem, HistoryEntry, MinutesHeader, TableRow
from workbook import formulas as fx
from workbook.display import date_text
from workbook.layout import Check, SheetLayout, Style, sheet_name, table_over
from workbook.sections import Block, SheetsOnlySection, Trace
from workbook.sections.minutes_plan import (
    RULE_BRIDGE,
    RULE_DEVIATION,
    RULE_SUM,
    Deviation,
    SumRow,
    TablePlan,
    headers_to_deviations,
    is_number,
    rounding_tolerance,
    table_to_plan,
)

__all__ = ["RULE_BRIDGE", "RULE_DEVIATION", "RULE_SUM", "headers_to_deviations", "rounding_tolerance"]

KIND = "minutes"
REFERAT = "Referat"
TABLES_SUFFIX = " - tabeller"
CHECK_TABLE_PREFIX = "Referatkontrol"  # the validator finds the check tables by this name

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
UNIT = "Enhed"
FILE, PAGE, LINE = "Fil", "Side", "Linje"
CHECK_COLUMNS = (ROW, COLUMN, RULE, STATED, COMPUTED, DIFFERENCE, TOLERANCE, OK, UNIT, TABLE, FILE, PAGE, LINE)

AGENDA_COLUMNS = ("Titel", "Punkt", "Sagsnr.", "Beslutning", "Besluttet af", "Beslutningsdato", "Indstilling",
                  "Beslutningskompetence", "Sagens forløb", "Fraværende", "Bilag", "Kilde")
TABLE_WIDTHS = {1: 50, 2: 16, 3: 16, 4: 16, 5: 16, 6: 16, 7: 16, 8: 16, 9: 12, 10: 40, 11: 36, 12: 8, 13: 8}

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
    unit: str  # the table's unit as a user reads it ("mio. kr."), "" when the table states none


def unit_label(table: object) -> str:
    """The unit a minutes table states, as a user reads it: "mio. kr.", "1.000 kr.", "kr."; "" for none."""
    return units.unit_label(getattr(table, "unit", None))


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
    sheet.put(1, 1, f"Referat: {header.committee}" if header and header.committee else "Referat", Style.TITLE)
    sheet.put(2, 1, f"Kilde: {file}", Style.NOTE)
    row = 3
    for row, (label, value) in enumerate(meeting_fields(header), start=4):
        sheet.put(row, 1, label, Style.TOTAL_LABEL)
        sheet.put(row, 2, value or "", Style.TEXT)  # the date stays text: dd-mm-åååå, as everywhere in the book
    first_header = row + 2
    sheet.put_row(first_header, list(AGENDA_COLUMNS), Style.HEADER)
    row = first_header
    for row, item in enumerate(items, start=first_header + 1):
        sheet.put(row, 1, item.title, Style.WRAP)
        sheet.put(row, 2, item.number if item.number is not None else "", Style.TEXT)
        sheet.put(row, 3, str(item.case_number) if item.case_number else "", Style.TEXT)  # "24-004869": text
        texts = [item.decision, item.decided_by, date_text(item.decided_on), "\n".join(item.recommendations),
                 item.decision_authority, "\n".join(history_line(h) for h in item.history), ", ".join(item.absent),
                 "\n".join(item.attachments)]
        for col, text in enumerate(texts, start=4):
            sheet.put(row, col, text, Style.WRAP)
        sheet.put(row, len(AGENDA_COLUMNS), item.provenance.describe(), Style.TEXT)
        traces.append(Trace(name, row, f"Punkt {item.number}" if item.number is not None else item.title,
                            item.provenance))
    sheet.tables.append(table_over(name, "Dagsorden", first_header, row, len(AGENDA_COLUMNS)))
    sheet.freeze = f"A{first_header + 1}"
    sheet.print_rows = f"{first_header}:{first_header}"
    return sheet


def meeting_fields(header: MinutesHeader | None) -> list[tuple[str, str | None]]:
    """The meeting as label and value; a date read from the decisions says so."""
    if header is None:
        return []
    date = date_text(header.date) if header.date else None
    if date and header.date_from == "decisions":
        date = f"{date} (beslutningernes dato; referatet angiver ingen mødedato)"
    return [("Udvalg", header.committee), ("Mødedato", date), ("Tidspunkt", header.time),
            ("Mødested", header.location), ("Deltagere", ", ".join(header.participants)),
            ("Fraværende", ", ".join(header.absent))]


def history_line(entry: HistoryEntry) -> str:
    """"12-08-2024 Udvalget for Social, Sundhed og Ældre: Indstillingen anbefales. (Fraværende: X)"."""
    decision = entry.decision or "(ingen beslutning anført)"
    text = f"{date_text(entry.date) or 'udateret'} {entry.committee}: {decision}"
    return f"{text} (Fraværende: {', '.join(entry.absent)})" if entry.absent else text


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
    title = f"Punkt {item.number}: {table.title}" if item.number is not None else f"{item.title}: {table.title}"
    stated_col, computed_col, source_col = _value_columns(plan)
    sheet.put(top, 1, title, Style.TOTAL_LABEL)
    step = 10 ** -plan.decimals
    unit = unit_label(table)
    stated_unit = f"Beløb i {unit} ({table.unit_text})" if unit else "Tabellen angiver ingen enhed"
    sheet.put(top + 1, 1, f"{table.provenance.describe()}. {stated_unit}. Tallene er afrundet til {plan.decimals} "
                          f"decimal(er): tolerancen er {_danish(step / 2)}{' ' + unit if unit else ''} pr. "
                          f"afrundet tal i en kontrol.", Style.NOTE)
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
        if is_number(value) and _is_amount_column(plan, index):
            sheet.put(row, stated_col[index], value, Style.STATED_DECIMAL)
        elif value is not None:  # a date as the whole cell is written dd-mm-åååå, like every date in the book
            sheet.put(row, stated_col[index], date_text(value) if isinstance(value, str) else str(value), Style.TEXT)
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
    if not (is_number(minuend) and is_number(subtrahend)):
        return
    computed = sheet.put(row, col, fx.difference(fx.ref(row, stated_col[deviation.minuend]),
                                                 fx.ref(row, stated_col[deviation.subtrahend])), Style.DECIMAL)
    stated = values[deviation.column] if deviation.column < len(values) else None
    if is_number(stated):
        pairs.append(_Pair(table_row.label, _header_text(plan, deviation.column), RULE_DEVIATION,
                           fx.ref(row, stated_col[deviation.column]), computed,
                           rounding_tolerance(plan.decimals, 3), title, table_row.provenance, unit_label(plan.table)))


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
        figures = 1 + sum(1 for p in total.parts if is_number(_value(rows[p], index)))
        pairs.append(_Pair(table_row.label, _header_text(plan, index), total.rule, fx.ref(at[total.row], col),
                           computed, rounding_tolerance(plan.decimals, figures), title, table_row.provenance,
                           unit_label(plan.table)))


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
                          "tabellens sidste decimal pr. afrundet tal, der indgår, i tabellens egen enhed.", Style.NOTE)
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
        sheet.put_row(row, [pair.unit, pair.table, pair.source.file, pair.source.page, pair.source.line], Style.TEXT,
                      first_col=columns[UNIT])
    sheet.tables.append(table_over(sheet.name, CHECK_TABLE_PREFIX, header, row, len(CHECK_COLUMNS)))


def _danish(value: float) -> str:
    return f"{value:g}".replace(".", ",")
