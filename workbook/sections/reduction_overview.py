"""The overview's rows for the lists of proposals: what they state about themselves, held against the book.

Below the overview's Hovedtotal row:
- "Hovedtotal i kilden", converted to 1.000 kr. and added over the lists, with the difference, when
  every list prints a grand total (else the lists' totals cannot be added up to the book's and each
  list is checked on its own, below);
- the committee sheets' sum, the rows of no committee ("Ikke fordelt på udvalg": a row with no udvalg
  whose area no committee was declared for) and the two together, which equal the Hovedtotal and are
  checked against the grand total the lists print;
- per list, where the book holds more than one: "Forslagene i <file>" (the sum of that list's rows
  across the center sheets) beside the grand total it prints;
- per list that prints a target for itself ("Måltal for reduktionskataloget", "Reduktionskrav i alt"):
  the target, converted, held against the list's proposals: a difference is a warning.
"""

from __future__ import annotations

from budgetbook.model import ImportResult, Provenance
from workbook import formulas as fx
from workbook.layout import BookLayout, Check, SheetLayout, Style
from workbook.sections.reductions import HOVEDTOTAL, ReductionSection, document_of

UNASSIGNED = "Ikke fordelt på udvalg"  # the rows of no committee: in no committee sheet and no pack


def reduction_overview_rows(sheet: SheetLayout, section: ReductionSection, year_cols: dict[str, int],
                            total_cells: dict[str, str], total_row: int, book: BookLayout) -> None:
    """`year_cols`: the overview column of each year of the section; `total_cells`: its Hovedtotal cells."""
    row = _combined_rows(sheet, section, year_cols, total_cells, total_row, book)
    single = len(section.results) == 1
    for index, result in enumerate(section.results):
        stated = result.stated_totals
        has_total = bool(stated.hovedtotal) and not single  # type: ignore[attr-defined]
        has_target = HOVEDTOTAL in stated.targets  # type: ignore[attr-defined]
        if not (has_total or has_target):
            continue
        proposals = total_cells
        if not single:
            row += 2
            sheet.put(row, 1, f"Forslagene i {result.source.path}", Style.NOTE)
            proposals = {year: sheet.put(row, col, fx.sum_areas(section.document_rows[index].get(year, [])),
                                         Style.STATED) for year, col in year_cols.items()}
        if has_total:
            row += 1
            _stated_row(sheet, row, result, stated.hovedtotal, "Hovedtotal",  # type: ignore[attr-defined]
                        stated.provenance.get(HOVEDTOTAL), "hovedtotal", year_cols, proposals, book)  # type: ignore[attr-defined]
        if has_target:
            row += 1
            label = stated.target_labels.get(HOVEDTOTAL, "Mål")  # type: ignore[attr-defined]
            _stated_row(sheet, row, result, stated.targets[HOVEDTOTAL], label,  # type: ignore[attr-defined]
                        stated.target_provenance.get(HOVEDTOTAL), "target", year_cols, proposals, book)  # type: ignore[attr-defined]


def _combined_rows(sheet: SheetLayout, section: ReductionSection, year_cols: dict[str, int],
                   total_cells: dict[str, str], total_row: int, book: BookLayout) -> int:
    stated, where, tolerance, shown = section.stated_hovedtotal()
    every_list = all(r.stated_totals.hovedtotal for r in section.results)  # type: ignore[attr-defined]
    stated_row, diff_row, udvalg_row = total_row + 1, total_row + 2, total_row + 3
    unassigned_row, together_row = udvalg_row + 1, udvalg_row + 2
    if every_list:
        sheet.put(stated_row, 1, f"Hovedtotal i kilden ({where.describe()})" if where else "Hovedtotal i kilden",
                  Style.NOTE)
    else:
        sheet.put(stated_row, 1, "Hovedtotal i kilden: ikke alle lister angiver en; se hver liste nedenfor",
                  Style.NOTE)
    sheet.put(diff_row, 1, "Afvigelse", Style.NOTE)
    sheet.put(udvalg_row, 1, "Sum af udvalgsark", Style.NOTE)
    sheet.put(unassigned_row, 1, UNASSIGNED, Style.NOTE)
    sheet.put(together_row, 1, "Udvalgsark og ikke fordelt i alt", Style.NOTE)
    for year, col in year_cols.items():
        total = total_cells[year]
        sheet.put(udvalg_row, col, fx.sum_of([t[year] for t in section.udvalg_totals.values()]), Style.STATED)
        sheet.put(unassigned_row, col, section.unassigned_sum(year), Style.STATED)
        together = sheet.put(together_row, col, fx.sum_of([fx.ref(udvalg_row, col), fx.ref(unassigned_row, col)]),
                             Style.STATED)
        if not every_list:
            continue
        sheet.put(stated_row, col, shown.get(year), Style.STATED)
        sheet.put(diff_row, col, fx.difference(total, fx.ref(stated_row, col)), Style.STATED)
        if year in stated and where is not None:
            book.checks.append(Check(sheet.name, total, stated[year], "hovedtotal", f"Hovedtotal {year}", where,
                                     tolerance))
            book.checks.append(Check(sheet.name, together, stated[year], "udvalg_sum",
                                     f"Udvalgsarkene og det ikke fordelte tilsammen {year}", where, tolerance))
    return together_row


def _stated_row(sheet: SheetLayout, row: int, result: ImportResult, amounts: dict, label: str,
                where: Provenance | None, rule: str, year_cols: dict[str, int], proposals: dict[str, str],
                book: BookLayout) -> None:
    """What one list states (its grand total or target), converted, and its check on the list's proposals."""
    document = document_of(result)
    sheet.put(row, 1, f"{label} i kilden ({where.describe() if where else result.source.path})", Style.NOTE)
    for year, col in year_cols.items():
        value = amounts.get(year)
        if value is None:
            continue
        sheet.put(row, col, fx.products([(value, document.factor)]) if document.factor != 1 else value, Style.STATED)
        if where is not None:
            book.checks.append(Check(sheet.name, proposals[year], value * document.factor, rule,
                                     f"{label} {year} i {result.source.path}", where, document.tolerance))
