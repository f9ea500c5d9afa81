"""Sheet and table names made from document text: valid, unique in the workbook, never a fixed sheet's name.

Excel compares sheet and table names without case, allows 31 characters in a sheet name and
forbids []:*?/\\ in it. Two centers whose cleaned names meet ("CJS/" and "CJS?", "cjs" and
"CJS", equal first 31 characters) would make openpyxl rename one sheet ("CJS-1") behind the
formulas' back, and a center named like a sheet budgetbook makes ("Kontrol", "Udvalg ØU") would
take that sheet's place. So every name from document text is chosen here, for the whole book:

- `center_sheet_names(centers)`: a center whose name is a fixed sheet's gets "Center " in front
  ("Center Kontrol"); the later of two that still meet gets " (2)", " (3)" ... The center's own
  name stays in the sheet's title cell and on the overview.
- `committee_sheet_names(udvalg)`: "Udvalg ØU", numbered the same way when two meet.
- `unique_table_names(layout)`: the tables of a layout, numbered "_2", "_3" where two meet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from workbook.layout import SHEET_NAME_LIMIT, BookLayout, cut, sheet_name

# Every sheet budgetbook makes under a fixed name (the workbook, the packs, the ribbon's settings).
FIXED_SHEETS = ("Oversigt", "Kilder", "Kontrol", "Validering", "Forslag", "Bemærkninger", "Referat",
                "Referat - tabeller", "Katalog", "Katalog - opsummering", "Katalog - typer",
                "Lignende initiativer", "Udgåede forslag", "Forside", "Indstillinger", "History", "Ønsker og anlæg")
# ... and the families of names it makes: committee sheets, further minutes, the template's prototypes.
FIXED_PATTERNS = (re.compile(r"^udvalg\s", re.IGNORECASE),
                  re.compile(r"^referat \d+( - tabeller)?$", re.IGNORECASE),
                  re.compile(r"^_prototype_\d+$", re.IGNORECASE))
CENTER_PREFIX = "Center "
COMMITTEE_PREFIX = "Udvalg "
_FIXED = {name.casefold() for name in FIXED_SHEETS}


def is_fixed(name: str) -> bool:
    """Whether `name` is, or could be, the name of a sheet budgetbook makes itself."""
    return name.casefold() in _FIXED or any(p.match(name) for p in FIXED_PATTERNS)


def center_sheet_names(centers: Iterable[str]) -> dict[str, str]:
    """center -> its sheet's name: valid, unique without case, never a fixed sheet's (in the given order)."""
    taken: set[str] = set()
    names = {}
    for center in centers:
        name = sheet_name(center)
        if is_fixed(name):
            name = sheet_name(CENTER_PREFIX + center)
        names[center] = numbered(name, taken)
    return names


def committee_sheet_names(committees: Iterable[str]) -> dict[str, str]:
    """udvalg -> its committee sheet's name ("Udvalg ØU"), unique without case (in the given order)."""
    taken: set[str] = set()
    return {udvalg: numbered(sheet_name(COMMITTEE_PREFIX + udvalg), taken) for udvalg in committees}


def numbered(name: str, taken: set[str], limit: int = SHEET_NAME_LIMIT, joiner: str = " ({})") -> str:
    """`name`, or the first of "name (2)", "name (3)" ... (cut to fit `limit`) that is not in `taken`
    (casefolded); the chosen name is added to `taken`."""
    candidate, number = name, 2
    while candidate.casefold() in taken:
        suffix = joiner.format(number)
        candidate = cut(name, limit - len(suffix)).rstrip(" '") + suffix
        number += 1
    taken.add(candidate.casefold())
    return candidate


def unique_table_names(layout: BookLayout, limit: int = 255) -> None:
    """Give every table of the layout a name no other table has (Excel compares them without case)."""
    taken: set[str] = set()
    for sheet in layout.sheets:
        sheet.tables = [replace(table, name=numbered(table.name, taken, limit, "_{}")) for table in sheet.tables]
