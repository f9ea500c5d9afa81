"""The JSON an Excel client sends xlwings Server, built from an .xlsx file, and its answer replayed.

`book_payload(path)` is what the Office.js add-in posts for a workbook (book, defined
names, every sheet's values and tables; the shape `xlwings.pro._xlremote` reads), so a
handler can run through xlwings' real remote engine on any machine:
`xw.Book(json=book_payload(path))`. `replay(payload, actions)` applies the value and
sheet actions of the answer to the payload's grids, as Excel would, so a test can read
what the book holds afterwards. Formats, tables and alerts are not replayed.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import xlwings as xw
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries

CLIENT = "Office.js"


def book_payload(path: Path, names: dict[str, tuple[str, str]] | None = None) -> dict:
    """Values as Excel shows them (the cached results of formulas); `names` adds defined names {name: (sheet, A1)}."""
    book = load_workbook(path, data_only=True)
    sheets = [sheet_payload(sheet) for sheet in book.worksheets]
    order = [sheet.title for sheet in book.worksheets]
    defined = [_name(name, order.index(sheet), ref) for name, (sheet, ref) in (names or {}).items()]
    for name, item in book.defined_names.items():
        for sheet, ref in item.destinations:
            if sheet in order and ":" not in ref:
                defined.append(_name(name, order.index(sheet), ref.replace("$", "")))
    return {"client": CLIENT, "version": xw.__version__,
            "book": {"name": path.name, "active_sheet_index": 0, "selection": "A1"},
            "names": defined, "sheets": sheets}


def sheet_payload(sheet: object) -> dict:
    rows = [[_json_value(cell.value) for cell in row] for row in sheet.iter_rows()]  # type: ignore[attr-defined]
    tables = []
    for table in sheet.tables.values():  # type: ignore[attr-defined]
        min_row = range_boundaries(table.ref)[1]
        first, last = table.ref.split(":")
        tables.append({"name": table.displayName, "range_address": table.ref,
                       "header_row_range_address": f"{first}:{_col(last)}{min_row}",
                       "data_body_range_address": f"{_col(first)}{min_row + 1}:{last}",
                       "total_row_range_address": None, "show_headers": True, "show_totals": False,
                       "table_style": "TableStyleLight9", "show_autofilter": True})
    return {"name": sheet.title, "values": rows or [[]], "visibility": "Visible",  # type: ignore[attr-defined]
            "pictures": [], "shapes": [], "charts": [], "notes": [], "tables": tables, "print_area": None,
            "show_gridlines": True, "pivot_tables": []}


def replay(payload: dict, actions: list[dict]) -> dict[str, list[list[object]]]:
    """The grids after Excel ran the actions that write values or add sheets."""
    sheets = [[sheet["name"], copy.deepcopy(sheet["values"])] for sheet in payload["sheets"]]
    for action in actions:
        func = action["func"]
        if func == "addSheet":
            position, name = action["args"]
            sheets.insert(position, [name, [[]]])
        elif func in ("sheetClear", "sheetClearContents"):
            sheets[action["sheet_position"]][1] = [[]]
        elif func in ("setValues", "setFormula"):
            grid = sheets[action["sheet_position"]][1]
            for r, row in enumerate(action["values"]):
                for c, value in enumerate(row):
                    _put(grid, action["start_row"] + r, action["start_column"] + c, value)
    return {name: grid for name, grid in sheets}


def _put(grid: list[list[object]], row: int, col: int, value: object) -> None:
    while len(grid) <= row:
        grid.append([])
    line = grid[row]
    while len(line) <= col:
        line.append("")
    line[col] = value


def _name(name: str, sheet_index: int, ref: str) -> dict:
    return {"name": name, "sheet_index": sheet_index, "address": ref, "book_scope": True,
            "scope_sheet_name": None, "scope_sheet_index": None}


def _json_value(value: object) -> object:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat() + ("Z" if value.tzinfo is None else "")
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day).isoformat() + "Z"
    return value


def _col(ref: str) -> str:
    return "".join(ch for ch in ref if ch.isalpha())


def with_settings(payload: dict, settings: dict[str, object], sheet: str = "Indstillinger") -> dict:
    """The payload with a settings sheet (label in A, value in B) whose value cells carry defined names."""
    rows = [[label, value] for label, value in settings.items()]
    position = len(payload["sheets"])
    payload = {**payload, "sheets": [*payload["sheets"], {**sheet_payload_empty(sheet), "values": rows}],
               "names": [*payload["names"], *(_name(label, position, f"B{r}")
                                              for r, label in enumerate(settings, start=1))]}
    return payload


def sheet_payload_empty(name: str) -> dict:
    return {"name": name, "values": [[]], "visibility": "Visible", "pictures": [], "shapes": [], "charts": [],
            "notes": [], "tables": [], "print_area": None, "show_gridlines": True, "pivot_tables": []}


def ensure_remote_engine() -> None:
    """Register xlwings' remote engine if xlwings was imported before the licence key was set.

    xlwings adds the engine at import time only when it finds a key (XLWINGS_LICENSE_KEY);
    a test that sets the key afterwards adds it the same way xlwings' own `__init__` does.
    """
    from xlwings.pro import _xlofficejs, _xlremote

    names = [engine.name for engine in xw.engines]
    for impl in (_xlremote.engine, _xlofficejs.engine):
        if impl.name not in names:
            xw.engines.add(xw.main.Engine(impl=impl))
    xw.__pro__ = True
