"""Sections: each turns one kind of source into its part of the workbook layout.

A section contributes a block to each center sheet it has rows for (stacked below
each other by `workbook.build`), the cells of its center totals (which the overview
sums), the checks the validators run, the provenance of its rows, and sheets of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from budgetbook.model import Provenance
from workbook.layout import Check, SheetLayout


@dataclass
class Block:
    """What a section placed on a center sheet, from row `top` to `bottom`."""

    top: int
    bottom: int
    header_row: int
    totals: dict[str, str] = field(default_factory=dict)  # year -> A1 of the block's total for that year
    checks: list[Check] = field(default_factory=list)
    rows: list[tuple[int, str, Provenance]] = field(default_factory=list)  # (row, key, provenance)
    sheet: str = ""  # the center sheet it stands on (set by workbook.build: see workbook.sheet_names)


@dataclass
class Trace:
    """A row of the workbook and the source line it came from (the Kontrol sheet lists them)."""

    sheet: str
    row: int
    key: str
    provenance: Provenance


class Section(Protocol):
    title: str
    # +1 where the section writes a saving as a positive amount (reduction lists), -1 where as a
    # negative one (proposal forms), 0 where its amounts are no savings: the overview's
    # "Besparelse i alt" columns add the sections up with these signs.
    saving_sign: int

    def has_content(self) -> bool:
        """Whether the sources hold anything for this section (if not, it adds nothing)."""
        ...

    def years(self) -> list[str]: ...

    def centers(self) -> list[str]: ...

    def center_block(self, sheet: SheetLayout, center: str, top: int) -> Block: ...

    def extra_sheets(self, center_blocks: dict[str, Block]) -> tuple[list[SheetLayout], list[Check], list[Trace]]: ...


class SheetsOnlySection:
    """Base of the sections that have sheets of their own and no center blocks (remarks, minutes, catalogue)."""

    title = ""
    saving_sign = 0

    def years(self) -> list[str]:
        return []

    def centers(self) -> list[str]:
        return []

    def center_block(self, sheet: SheetLayout, center: str, top: int) -> Block:
        raise ValueError(f"{self.title} has no center blocks (asked for {center})")
