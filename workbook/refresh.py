"""Rebuilding a workbook users have worked in: the generated sheets again, what users added kept.

Opdater in the ribbon (`xlpy.handlers.refresh`, from the open book's values) and
`budgetbook build ... -o Budget.xlsx` onto an existing workbook (from the file) make the
same call, `rebuild_layout(results, grids)`: the layout from the sources, with

- Status, Kommentar and Beslutning put back on the row with the same key, and rows whose
  key no source brings any more kept on "Udgåede forslag" (`workbook.user_columns`);
- rows users typed into a generated table inserted again where they were, marked
  "Tilføjet i hånden" (`workbook.hand_rows`);
- a note on each formerly generated sheet the sources no longer give.

Sheets users made themselves (settings, notes) are not the layout's: the ribbon never
touches them, and a build onto a file carries them over (`foreign_sheets`,
`workbook.carried_sheets`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from budgetbook.committee_identity import NO_COMMITTEES, CommitteeNames
from budgetbook.model import ImportResult
from workbook.build import OVERVIEW, SOURCES, build_layout
from workbook.findings_sheet import SHEET as VALIDATION_SHEET
from workbook.hand_rows import Placed, place_hand_rows, read_hand_rows
from workbook.kontrol import CHECKS, TRACE_COLUMNS
from workbook.layout import BookLayout
from workbook.user_columns import (
    RETIRED_NOTE,
    RETIRED_SHEET,
    Grid,
    MergeReport,
    merge_user_entries,
    read_user_entries,
    retired_sheet_layouts,
)

COMMITTEE_LABEL = "Udvalg"  # A2 of a committee sheet


@dataclass(frozen=True)
class Rebuilt:
    layout: BookLayout
    merged: MergeReport
    placed: Placed

    def describe(self) -> str:
        return f"{self.merged.describe()}; {self.placed.describe()}"


def rebuild_layout(results: list[ImportResult], grids: Mapping[str, Grid], left_out: tuple[str, ...] = (),
                   committees: CommitteeNames = NO_COMMITTEES) -> Rebuilt:
    """The layout of `results`, with what users added to the book whose values `grids` are.

    `left_out`: documents that could not be read and are built without (`build --skip-bad`);
    `committees`: the committees the user declared."""
    entries = read_user_entries(grids)
    hand_rows = read_hand_rows(grids)
    former = traced_sheets(grids.get(CHECKS, []))
    layout = build_layout(results, left_out=left_out, committees=committees)
    merged = merge_user_entries(layout, entries)
    placed = place_hand_rows(layout, hand_rows)
    layout.sheets.extend(retired_sheet_layouts(former, layout))
    return Rebuilt(layout, merged, placed)


def traced_sheets(kontrol: Sequence[Sequence[object]]) -> set[str]:
    """The sheets the previous build generated rows on (the "Ark" column of the Sporbarhed table)."""
    for r, row in enumerate(kontrol):
        labels = [str(v) if v is not None else "" for v in row]
        for c in range(len(labels) - len(TRACE_COLUMNS) + 1):
            if labels[c:c + len(TRACE_COLUMNS)] == TRACE_COLUMNS:
                return {str(line[c]) for line in kontrol[r + 1:] if c < len(line) and line[c]}
    return set()


FIXED_SHEETS = {OVERVIEW, SOURCES, CHECKS, VALIDATION_SHEET, RETIRED_SHEET}


def foreign_sheets(grids: Mapping[str, Grid], layout: BookLayout) -> list[str]:
    """The sheets of the old book that budgetbook did not generate: made by users, to be kept.

    Generated are the new layout's sheets, the ones the old Kontrol sheet traced rows on, the
    fixed ones (Oversigt, Kilder, ...), committee sheets and the notes left on retired sheets.
    When in doubt a sheet is kept: a stale copy is visible, a lost sheet is not.
    """
    generated = {s.name for s in layout.sheets} | traced_sheets(grids.get(CHECKS, [])) | FIXED_SHEETS
    return [name for name, grid in grids.items() if name not in generated and not _looks_generated(grid)]


def _looks_generated(grid: Grid) -> bool:
    """A committee sheet ("Udvalg" in A2, its name in B2, "Udvalg: X" in A1) or a retired sheet's note."""
    a1, a2, b2 = _at(grid, 0, 0), _at(grid, 1, 0), _at(grid, 1, 1)
    committee = a2 == COMMITTEE_LABEL and b2 and isinstance(a1, str) and a1 == f"{COMMITTEE_LABEL}: {b2}"
    retired = isinstance(a2, str) and a2.startswith(RETIRED_NOTE)
    return bool(committee or retired)


def _at(grid: Grid, row: int, col: int) -> object:
    return grid[row][col] if row < len(grid) and col < len(grid[row]) else None
