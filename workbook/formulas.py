"""Formula builders: every formula budgetbook writes comes from one of these small pure functions."""

from __future__ import annotations

from openpyxl.utils.cell import get_column_letter

from workbook.layout import Formula


def quote_sheet(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def ref(row: int, col: int, sheet: str | None = None, *, absolute: bool = False) -> str:
    """A1 reference, with its sheet when it is on another one."""
    dollar = "$" if absolute else ""
    cell = f"{dollar}{get_column_letter(col)}{dollar}{row}"
    return f"{quote_sheet(sheet)}!{cell}" if sheet else cell


def area(first_row: int, last_row: int, col: int, sheet: str | None = None, *, absolute: bool = False) -> str:
    """A column range F5:F9 (optionally on a sheet)."""
    dollar = "$" if absolute else ""
    letter = get_column_letter(col)
    text = f"{dollar}{letter}{dollar}{first_row}:{dollar}{letter}{dollar}{last_row}"
    return f"{quote_sheet(sheet)}!{text}" if sheet else text


def sum_range(first_row: int, last_row: int, col: int) -> Formula:
    """SUM over a column; an empty block (last < first) sums to 0 without a broken range."""
    if last_row < first_row:
        return Formula("0")
    return Formula(f"SUM({area(first_row, last_row, col)})")


def sum_of(refs: list[str]) -> Formula:
    return Formula("+".join(refs) if refs else "0")


def link(target: str) -> Formula:
    return Formula(target)


def ratio(numerator: str, denominator: str) -> Formula:
    """numerator/denominator, blank when the denominator is blank or zero."""
    return Formula(f'IF({denominator}=0,"",{numerator}/{denominator})')


def difference(left: str, right: str) -> Formula:
    return Formula(f"{left}-{right}")


def text_literal(text: str) -> str:
    """An Excel string literal: "text" with quotes doubled; joined with & in pieces of 255 characters,
    the most one literal may hold."""
    pieces = [text[i:i + 255] for i in range(0, len(text), 255)] or [""]
    return "&".join('"' + piece.replace('"', '""') + '"' for piece in pieces)


_CRITERION_SIGNS = ("<", ">", "=")


def criterion(text: object, cell: str) -> str:
    """The SUMIFS/COUNTIFS criterion that matches exactly the document text `text`, shown in `cell`.

    SUMIFS reads * and ? as wildcards, ~ as an escape and a leading < > = as a comparison, so an
    udvalg written "ØU*" (a footnote star) would also sum the rows of "ØU". Such text is given as an
    escaped literal ("=ØU~*"); any other text by its cell, so the formula reads as the sheet does.
    """
    if not isinstance(text, str) or not (any(c in text for c in "*?~") or text.startswith(_CRITERION_SIGNS)
                                         or not text.strip()):
        return cell
    escaped = text.replace("~", "~~").replace("*", "~*").replace("?", "~?")
    return text_literal("=" + escaped)


def sumifs(sum_area: str, *criteria: tuple[str, str]) -> Formula:
    pairs = ",".join(f"{range_},{criterion}" for range_, criterion in criteria)
    return Formula(f"SUMIFS({sum_area},{pairs})")


def countifs(*criteria: tuple[str, str]) -> Formula:
    pairs = ",".join(f"{range_},{criterion}" for range_, criterion in criteria)
    return Formula(f"COUNTIFS({pairs})")


def ref_in(address: str, sheet: str) -> str:
    """"F12" on sheet "CJS" -> "'CJS'!F12"."""
    return f"{quote_sheet(sheet)}!{address}"


def moved(formula: Formula, origin: str, target: str) -> Formula:
    """The formula of cell `origin` copied to cell `target`: relative references shift, as Excel's copy does."""
    from openpyxl.formula.translate import Translator

    return Formula(Translator(str(formula), origin=origin).translate_formula(target)[1:])


def plus_sum(start: str, first_row: int, last_row: int, col: int) -> Formula:
    """start + SUM(column range): a bridge such as oprindeligt budget + every change = korrigeret budget."""
    if last_row < first_row:
        return Formula(start)
    return Formula(f"{start}+SUM({area(first_row, last_row, col)})")


def within_tolerance(difference: str, tolerance: str) -> Formula:
    """TRUE when a difference is no larger than its tolerance: ABS(G12)<=H12."""
    return Formula(f"ABS({difference})<={tolerance}")


def blank_or(target: str) -> Formula:
    """A link that stays blank when its target is blank (a plain =Katalog!E7 would show 0)."""
    return Formula(f'IF({target}="","",{target})')


def signed_sum(terms: list[tuple[int, str]]) -> Formula:
    """+1/-1 weighted references: [(1, "B5"), (-1, "F5")] -> B5-F5 (blank cells count as 0)."""
    text = "".join(f"{'-' if sign < 0 else '+'}{ref}" for sign, ref in terms if sign)
    return Formula(text.lstrip("+") or "0")


def products(pairs: list[tuple[float, float]]) -> Formula:
    """Printed figures times their conversion factors, added: [(2614018, 0.001)] -> 2614018*0.001."""
    return Formula("+".join(f"{number(value)}*{number(factor)}" for value, factor in pairs).replace("+-", "-") or "0")


def scaled(value: float, factor_ref: str) -> Formula:
    """A figure as printed times the cell holding its conversion: -1200*O7 (the formula shows both)."""
    return Formula(f"{number(value)}*{factor_ref}")


def sum_areas(areas: list[str]) -> Formula:
    """SUM over ranges on several sheets, nested where Excel's 255 arguments would not hold them."""
    if not areas:
        return Formula("0")
    chunks = [areas[i:i + 200] for i in range(0, len(areas), 200)]
    parts = [f"SUM({','.join(chunk)})" for chunk in chunks]
    return Formula(parts[0] if len(parts) == 1 else f"SUM({','.join(parts)})")


def number(value: float) -> str:
    """A number as a formula literal: 6.5, -1200, 0.001 (never 1e-05)."""
    if isinstance(value, int) or float(value).is_integer():
        return str(int(value))
    text = repr(float(value))
    return text if "e" not in text else f"{value:.15f}".rstrip("0")


def converted(amount: str, factor: str) -> Formula:
    """An amount as printed times the factor that brings it to the workbook's unit and sign; blank stays blank."""
    return Formula(f'IF({amount}="","",{amount}*{factor})')


def live_address(sheet: str, cell: str) -> Formula:
    """The address `cell` of `sheet` has now, as text ("CJS!F14"), following inserted and deleted rows.

    ADDRESS(...,4) gives "F14" in Excel and LibreOffice alike; the sheet part is text, so a
    renamed sheet keeps its old name here while the reference inside follows it.
    """
    from workbook.layout import address

    target = ref_in(cell, sheet)
    prefix = address(sheet, "A1")[:-2].replace('"', '""')
    return Formula(f'"{prefix}"&ADDRESS(ROW({target}),COLUMN({target}),4)')


def row_of(sheet: str, row: int) -> Formula:
    """The row number a row of `sheet` has now: ROW('CJS'!A14)."""
    return Formula(f"ROW({ref(row, 1, sheet)})")
