"""The budget-remarks section: a "Bemærkninger" sheet with every area's net budget and its texts.

One row per area ("Jobcenter"): the committee, the area, its net budget in whole kroner
as a formula over the amount as the remarks state it and its unit ("Samlet nettobudget for
området: 50.190.100 kr.", "udgør netto 474,6 mio. kr."), the source line, and one wrapped
column per section heading (Budgetgrundlag, Beskrivelse af
området, ...), in the order the headings first appear. Below: the total as a SUM and, as
several committees' remarks may be merged into one workbook, the total per committee as
SUMIFS. Areas belong to committees, not to centers, so this section has no center block.
"""

from __future__ import annotations

import hashlib

from budgetbook.committee_identity import NO_COMMITTEES, Identity
from budgetbook.model import ImportResult
from budgetbook.records.remarks import BudgetArea, RemarksDocument
from budgetbook.units import factor_to_tkr, unit_label
from workbook import formulas as fx
from workbook.layout import Check, SheetLayout, Style, table_over
from workbook.sections import Block, SheetsOnlySection, Trace

KIND = "budget_remarks"
REMARKS_SHEET = "Bemærkninger"
HEADER_ROW = 4
FIXED_LABELS = ("Udvalg", "Område", "Nettobudget (kr.)", "Kilde", "Nøgle", "Nettobudget som anført", "Enhed", "År",
                "Faktor til kr.")
NET_COL = 3
PRINTED_COL, UNIT_COL, YEAR_COL, FACTOR_COL = 6, 7, 8, 9
KR_PER_TKR = 1000


def area_key(committee: str, area: BudgetArea) -> str:
    basis = f"{committee}|{area.name}".lower()
    return "B-" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]


def committee_of(result: ImportResult) -> str:
    document = result.document
    return document.committee if isinstance(document, RemarksDocument) and document.committee else result.source.path


def results_to_areas(results: list[ImportResult]) -> list[tuple[str, BudgetArea]]:
    """(committee, area) in reading order, each area once: the same area read twice keeps its first reading."""
    seen: set[str] = set()
    areas = []
    for result in results:
        committee = committee_of(result)
        for area in result.records:
            assert isinstance(area, BudgetArea)
            key = area_key(committee, area)
            if key not in seen:
                seen.add(key)
                areas.append((committee, area))
    return areas


def section_titles(areas: list[tuple[str, BudgetArea]]) -> list[str]:
    """Every section heading, in the order it first appears."""
    titles: dict[str, None] = {}
    for _, area in areas:
        titles.update(dict.fromkeys(area.sections))
    return list(titles)


class RemarksSection(SheetsOnlySection):
    title = REMARKS_SHEET

    def __init__(self, results: list[ImportResult], identity: Identity | None = None) -> None:
        self.results = [r for r in results if r.kind == KIND]
        self.areas = results_to_areas(self.results)
        self.identity = identity or NO_COMMITTEES.identify(committee for committee, _ in self.areas)
        self.titles = section_titles(self.areas)

    def has_content(self) -> bool:
        return bool(self.areas)

    def extra_sheets(self, center_blocks: dict[str, Block]) -> tuple[list[SheetLayout], list[Check], list[Trace]]:
        if not self.areas:
            return [], [], []
        sheet = SheetLayout(REMARKS_SHEET, "Bemærkninger", freeze=f"C{HEADER_ROW + 1}",
                            print_rows=f"{HEADER_ROW}:{HEADER_ROW}")
        sheet.put(1, 1, "Bemærkninger", Style.TITLE)
        sheet.put(2, 1, "Områdernes nettobudget i hele kr. (ikke 1.000 kr.): beløbet som bemærkningerne anfører det, "
                        "gange faktoren fra dets enhed (kr., 1.000 kr., mio. kr.) til kr.; og deres tekster.", Style.NOTE)
        labels = [*FIXED_LABELS, *self.titles]
        sheet.put_row(HEADER_ROW, labels, Style.HEADER)
        traces = []
        first = HEADER_ROW + 1
        for row, (committee, area) in enumerate(self.areas, start=first):
            key = area_key(committee, area)
            sheet.put_row(row, [self.identity.of(committee, area.name), area.name], Style.TEXT)
            sheet.put(row, PRINTED_COL, area.net_budget,
                      Style.DECIMAL if isinstance(area.net_budget, float) else Style.AMOUNT)
            sheet.put_row(row, [unit_label(area.unit), area.year], Style.TEXT, first_col=UNIT_COL)
            sheet.put(row, FACTOR_COL, factor_to_tkr(area.unit) * KR_PER_TKR, Style.AMOUNT)
            sheet.put(row, NET_COL, fx.converted(fx.ref(row, PRINTED_COL), fx.ref(row, FACTOR_COL)), Style.AMOUNT)
            note = self.identity.note(committee, area.name)
            sheet.put_row(row, [area.net_budget_provenance.describe() + (f"; {note}" if note else ""), key],
                          Style.TEXT, first_col=4)
            for col, title in enumerate(self.titles, start=len(FIXED_LABELS) + 1):
                sheet.put(row, col, area.sections.get(title), Style.WRAP)
            traces.append(Trace(REMARKS_SHEET, row, key, area.net_budget_provenance))
        last = first + len(self.areas) - 1
        sheet.tables.append(table_over(REMARKS_SHEET, "Omraader", HEADER_ROW, last, len(labels)))
        total_row = last + 1
        sheet.put(total_row, 2, "I alt", Style.TOTAL_LABEL)
        sheet.put(total_row, NET_COL, fx.sum_range(first, last, NET_COL), Style.TOTAL_AMOUNT)
        self._put_committee_totals(sheet, first, last, total_row + 2)
        return [sheet], [], traces

    def _put_committee_totals(self, sheet: SheetLayout, first: int, last: int, top: int) -> None:
        sheet.put_row(top, ["Udvalg", "Områder", "Nettobudget (kr.)"], Style.HEADER)
        committee_area = fx.area(first, last, 1, absolute=True)
        net_area = fx.area(first, last, NET_COL, absolute=True)
        committees = list(dict.fromkeys(self.identity.of(committee, area.name) for committee, area in self.areas))
        for row, committee in enumerate(committees, start=top + 1):
            criterion = fx.criterion(committee, fx.ref(row, 1, absolute=True))
            sheet.put(row, 1, committee, Style.TEXT)
            sheet.put(row, 2, fx.countifs((committee_area, criterion)), Style.AMOUNT)
            sheet.put(row, NET_COL, fx.sumifs(net_area, (committee_area, criterion)), Style.AMOUNT)
