"""Formulas a workbook saved without their results, computed with budgetbook's own engine.

Excel saves each formula's result beside it, and the reader reads that. A workbook written by a
script (openpyxl, XlsxWriter) or some web exports saves none, or a placeholder 0, and asks Excel to
compute everything on opening (`fullCalcOnLoad`); read as saved, a total would be empty. Such
formulas are computed here by `workbook.engine` (the evaluator the validators use, tested against
LibreOffice); one it cannot compute keeps the saved result, if any, and is named in a warning.
"""

from __future__ import annotations

from pathlib import Path

from budgetbook.errors import FormulaError, WorkbookError
from budgetbook.model import Provenance, ReadWarning

Computed = dict[str, dict[tuple[int, int], object]]  # sheet -> (row, column) -> value


def compute_formulas(path: Path, sheets: list[str], *, every_formula: bool) -> tuple[Computed, list[ReadWarning]]:
    """The values of the formulas of `sheets` that have no saved result (`every_formula`: of all of them,
    when the workbook asks Excel to recompute on opening), and a warning for each one not computed."""
    from openpyxl.utils.cell import get_column_letter

    from workbook.engine import EvaluatedBook
    from workbook.xlsx_view import read_view

    try:
        view = read_view(path)
        book = EvaluatedBook(view)
    except (WorkbookError, FormulaError) as exc:
        return {}, [ReadWarning(f"Its formulas have no saved results and cannot be computed ({exc}); open the "
                                "workbook in Excel and save it again", Provenance(path.name))]
    computed: Computed = {}
    warnings: list[ReadWarning] = []
    for index, sheet in enumerate(view.worksheets, start=1):
        if sheet.title not in sheets:
            continue
        values = computed[sheet.title] = {}
        for (row, column), text in sheet.formulas.items():
            saved = sheet.cached.get((row, column))
            if not every_formula and saved not in (None, ""):
                continue
            address = f"{get_column_letter(column)}{row}"
            try:
                value = book.value(address, sheet.title)
                unsupported = book.unsupported.get((sheet.title, row, column))
            except FormulaError as exc:
                value, unsupported = saved, str(exc)
            if unsupported is None:
                values[(row, column)] = value
                continue
            values[(row, column)] = saved
            result = "its saved result is kept" if saved not in (None, "") else "it is read as empty"
            warnings.append(ReadWarning(
                f"Sheet '{sheet.title}' cell {address}: the formula ={text} has no up-to-date saved result and "
                f"budgetbook cannot compute it ({unsupported}), so {result}; open the workbook in Excel and save "
                "it again", Provenance(path.name, index, row, sheet=sheet.title)))
    return computed, warnings
