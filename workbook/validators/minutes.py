"""The tables of the minutes hold together: deviations, sums and the korrigeret-budget bridge.

Rules (one finding per stated value that its own table does not reproduce):
- `minutes_deviation`: a stated deviation ("FV. regnskabsafvigelse i forhold til: Opr.")
  equals forventet regnskab minus the budget it is against, on the same row;
- `minutes_sum`: a stated "i alt" (or result: "Likviditet...") equals the sum of its parts;
- `minutes_bridge`: "Korrigeret budget" equals "Oprindeligt budget" plus every
  tillægsbevilling / omplacering listed between them.

Every figure of a check comes from one table, so from one unit; the finding names it ("2,6 mio.
kr."). The tolerance is the table's rounding, written beside each check: half a unit of the
table's last decimal per rounded figure that takes part (`sections.minutes.rounding_tolerance`).
The minutes print mio. kr. with one decimal, so a deviation may be 0,15 off (2,5 against
2,6 is rounding; 1,0 is not).

Everything comes from the .xlsx: the check tables `Referatkontrol_*` that
`workbook.sections.minutes` writes pair every stated cell with the formula cell that
computes it; both are evaluated by `workbook.engine`, and the finding names the stated
cell, the table, the row label and the source line.
"""

from __future__ import annotations

from openpyxl.utils.cell import get_column_letter, range_boundaries

from budgetbook.findings import Finding, Severity
from budgetbook.model import Provenance
from importers.numbers import format_number
from workbook.engine import EvaluatedBook
from workbook.excel_functions import ExcelError
from workbook.formula_parser import Ref, parse_formula
from workbook.layout import address
from workbook.sections.minutes import (
    CHECK_COLUMNS,
    CHECK_TABLE_PREFIX,
    COLUMN,
    COMPUTED,
    FILE,
    LINE,
    PAGE,
    ROW,
    RULE,
    STATED,
    TABLE,
    TOLERANCE,
    UNIT,
)
from workbook.validate import VALIDATORS

RULE_TEXT = {
    "minutes_deviation": "the deviation the minutes state is not forventet regnskab minus the budget",
    "minutes_sum": "the total the minutes state is not the sum of its rows",
    "minutes_bridge": "korrigeret budget is not oprindeligt budget plus the changes listed",
}


def validate_minutes_tables(book: object, evaluated: EvaluatedBook) -> list[Finding]:
    findings = []
    for sheet in book.worksheets:  # type: ignore[attr-defined]
        for name, ref in sheet.tables.items():
            if name.startswith(CHECK_TABLE_PREFIX):
                findings.extend(_check_table(sheet, ref, evaluated))
    return findings


def _check_table(sheet: object, ref: str, evaluated: EvaluatedBook) -> list[Finding]:
    first_col, header, last_col, last = range_boundaries(ref)
    labels = [sheet.cell(header, col).value for col in range(first_col, last_col + 1)]  # type: ignore[attr-defined]
    missing = [label for label in CHECK_COLUMNS if label not in labels]
    if missing:
        return [Finding(Severity.ERROR, "minutes_check_table", address(sheet.title, f"A{header}"),  # type: ignore
                        f"The check table {ref} lacks the columns {', '.join(missing)}; rebuild the workbook")]
    col = {label: first_col + labels.index(label) for label in CHECK_COLUMNS}
    findings = []
    for row in range(header + 1, last + 1):
        finding = _check_row(sheet, row, col, evaluated)
        if finding is not None:
            findings.append(finding)
    return findings


def _check_row(sheet: object, row: int, col: dict[str, int], evaluated: EvaluatedBook) -> Finding | None:
    def text(label: str) -> object:
        return sheet.cell(row, col[label]).value  # type: ignore[attr-defined]

    if text(RULE) is None:
        return None
    home = sheet.title  # type: ignore[attr-defined]
    stated_at = address(home, f"{get_column_letter(col[STATED])}{row}")
    computed_at = address(home, f"{get_column_letter(col[COMPUTED])}{row}")
    stated_cell = _target(evaluated, stated_at, home)
    computed_cell = _target(evaluated, computed_at, home)
    stated, computed = evaluated.value(stated_at), evaluated.value(computed_at)
    tolerance = evaluated.value(address(home, f"{get_column_letter(col[TOLERANCE])}{row}"))
    rule = str(text(RULE))
    where = Provenance(str(text(FILE) or ""), _int(text(PAGE)), _int(text(LINE)))
    context = f"{text(TABLE)}, row '{text(ROW)}', {text(COLUMN)}"
    if not (_is_number(stated) and _is_number(computed) and _is_number(tolerance)):
        return Finding(Severity.ERROR, rule, stated_cell,
                       f"{context}: cannot compare the stated {stated!r} with {computed!r} computed in {computed_cell}",
                       _plain(computed), _plain(stated), where)
    difference = computed - stated  # type: ignore[operator]
    if abs(difference) <= tolerance + 1e-9:  # type: ignore[operator]
        return None
    explanation = RULE_TEXT.get(rule, "the stated value does not follow from the table")
    unit = f" {text(UNIT)}" if text(UNIT) else ""  # the table's own unit: every figure of a check is in it
    return Finding(Severity.ERROR, rule, stated_cell,
                   f"{context}: {explanation}. The minutes state {_show(stated)}{unit}, the table's own figures "
                   f"give {_show(computed)}{unit} ({computed_cell}); difference {_show(difference)}{unit}, more than "
                   f"the rounding tolerance {_show(tolerance)}{unit}", computed, stated, where)  # type: ignore


def _target(evaluated: EvaluatedBook, cell: str, home: str) -> str:
    """The cell a link formula (=E7) points at, as "Sheet!E7"; the cell itself when it is no plain link."""
    formula = evaluated.formula(cell)
    if formula is None:
        return cell
    node = parse_formula(formula)
    if isinstance(node, Ref) and node.is_cell:
        return address(node.sheet or home, f"{get_column_letter(node.min_col)}{node.min_row}")
    return cell


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and not isinstance(value, ExcelError)


def _plain(value: object) -> float | str | None:
    if value is None or _is_number(value):
        return value  # type: ignore[return-value]
    return str(value)


def _int(value: object) -> int | None:
    return None if value in (None, "") else int(value)  # type: ignore[call-overload]


def _show(value: object) -> str:
    number = round(float(value), 4)  # type: ignore[arg-type]
    return format_number(number, 4).rstrip("0").rstrip(",") if not number.is_integer() else format_number(number)


VALIDATORS.append(validate_minutes_tables)
