"""validate's result recorded in the saved workbook, touching nothing users wrote.

`record_validation(path, view, findings, computed)` writes the Validering sheet as one part
of the package (added after the first sheet, or replacing the previous run's): the template's
Validering sheet is its shell (`write_xlsx.fill_shell`), its cells are written by the build's
own writer (`sheet_xml.write_sheet`) with the package's own style indices, and its texts are
added at the end of the package's shared-strings table. A formula's stored result is refreshed
only where the file's differs from what the engine computed (a file saved by a program that
stores none); every other part is copied as it is stored (`workbook.package_copy`). Formulas
and constants are never rewritten. The new package is saved by
`budgetbook.files.save_atomically` (whole or not at all, mode and group kept).
"""

from __future__ import annotations

import io
import math
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from lxml import etree
from openpyxl.utils.cell import get_column_letter

from budgetbook.errors import WorkbookError
from budgetbook.files import FileLock, save_atomically
from budgetbook.findings import Finding
from templates import template_path
from workbook import ooxml
from workbook.cached_values import store_values
from workbook.excel_functions import ExcelError
from workbook.findings_sheet import SHEET, findings_layout
from workbook.layout import BookLayout, SheetLayout, Style
from workbook.package_copy import added_worksheet, appended_strings, write_copy
from workbook.shared_strings import SharedStrings
from workbook.sheet_xml import shell_rows, splice, write_sheet
from workbook.write_xlsx import fill_shell
from workbook.xlsx_view import BookView


@dataclass(frozen=True)
class Recorded:
    """What validate changed in the file."""

    path: Path
    findings: int
    refreshed: tuple[str, ...]  # sheets whose cached formula results were stale and are now refreshed

    def describe(self) -> str:
        values = (f"cached results refreshed on {', '.join(self.refreshed)}" if self.refreshed
                  else "no cached results needed refreshing")
        return (f"{self.path.name}: wrote the '{SHEET}' sheet ({self.findings} findings) into the file; "
                f"formulas and values are unchanged, {values}")


def stale_sheets(view: BookView, computed: dict[tuple[str, int, int], object]) -> dict[str, dict[str, object]]:
    """Sheet -> {"A1": result} of every formula cell, for the sheets where a stored result differs from the computed one."""
    stale: dict[str, dict[str, object]] = {}
    for sheet in view.worksheets:
        title = sheet.title
        if any(not _same(sheet.cached.get(key), computed.get((title, *key))) for key in sheet.formulas):
            stale[title] = {f"{get_column_letter(c)}{r}": computed.get((title, r, c)) for r, c in sheet.formulas}
    return stale


def _same(stored: object, computed: object) -> bool:
    if isinstance(computed, ExcelError) or isinstance(stored, ExcelError):
        return str(stored) == str(computed)
    if isinstance(computed, bool) or isinstance(stored, bool):
        return stored == computed and type(stored) is type(computed)
    if isinstance(computed, (int, float)) and isinstance(stored, (int, float)):
        return math.isclose(stored, computed, rel_tol=1e-12, abs_tol=1e-12)
    if computed in (None, "") and stored in (None, ""):
        return True
    return stored == computed


def record_validation(path: Path, view: BookView, findings: Sequence[Finding],
                      computed: dict[tuple[str, int, int], object], *, lock: FileLock | None = None) -> Recorded:
    """Write the findings into the workbook at `path` (read as `view`); `lock`: the caller's held lock of it."""
    path = Path(path)
    stale = stale_sheets(view, computed)
    layout = findings_layout(findings)
    parts = {sheet.title: sheet.part.path for sheet in view.worksheets}
    try:
        with zipfile.ZipFile(path) as package:
            changed: dict[str, bytes] = {}
            styles = _StyleIds(package.read(ooxml.STYLES) if ooxml.STYLES in package.namelist() else None)
            strings = SharedStrings(start=len(view.shared_strings))
            created = view.properties.created
            sheet_part = validation_part(layout, styles, strings, created.date() if created else None)
            target = parts.get(SHEET) or added_worksheet(package, SHEET, len(parts), changed, layout.print_rows)
            changed[target] = sheet_part
            appended_strings(package, changed, strings.items_xml(), len(strings), strings.references)
            if styles.changed:
                changed[ooxml.STYLES] = styles.xml()
            for name, values in stale.items():
                root = etree.fromstring(package.read(parts[name]))
                store_values(root, values)
                changed[parts[name]] = ooxml.xml_bytes(root)
            save_atomically(path, lambda temporary: write_copy(temporary, package, changed), lock=lock,
                            doing="budgetbook validate")
    except (zipfile.BadZipFile, KeyError, etree.XMLSyntaxError) as exc:
        raise WorkbookError(f"Cannot write the {SHEET} sheet into {path.name}: {exc}") from exc
    return Recorded(path, len(findings), tuple(stale))


def validation_part(layout: SheetLayout, styles: _StyleIds, strings: SharedStrings, dated: date | None) -> bytes:
    """The Validering sheet's part: the template's shell set up (and sized for print) as the layout says, its
    cells written in; `dated`: the day the workbook was built, for the page header."""
    shell = fill_shell(BookLayout([layout], dated=dated), template_path())
    saved = io.BytesIO()
    shell.save(saved)
    package = ooxml.read_package(saved.getvalue())
    [part] = ooxml.sheet_parts(package)
    rows = shell_rows(package[part], strings)
    return splice(package[part], write_sheet(layout, rows, styles, strings, {}))  # type: ignore[arg-type]


class _StyleIds:
    """(named style, quote prefix, template's id) -> index into the package's cellXfs, adding an entry for a
    style no cell uses yet. The first entry with the named style's xfId is the style as the build wrote it."""

    def __init__(self, data: bytes | None) -> None:
        self.root = etree.fromstring(data) if data is not None else None
        self.changed = False
        self.found: dict[tuple[Style | None, bool], int] = {}
        if self.root is None:
            return
        self.by_name = {s.get("name"): int(s.get("xfId", "0")) for s in self.root.iter(f"{{{ooxml.MAIN_NS}}}cellStyle")}
        self.cell_xfs = self.root.find(f"{{{ooxml.MAIN_NS}}}cellXfs")
        self.style_xfs = self.root.find(f"{{{ooxml.MAIN_NS}}}cellStyleXfs")

    def __call__(self, style: Style | None, quote: bool, base: int | None) -> int:
        if style is None or self.root is None or self.cell_xfs is None:
            return 0
        found = self.found.get((style, quote))
        if found is None:
            found = self.found[(style, quote)] = self._lookup(style.value, quote)
        return found

    def _lookup(self, name: str, quote: bool) -> int:
        xf_id = self.by_name.get(name)
        if xf_id is None:
            return 0  # the workbook has no such style: its default look
        for position, xf in enumerate(self.cell_xfs):  # type: ignore[arg-type]
            if int(xf.get("xfId", "0")) == xf_id and (xf.get("quotePrefix") in ("1", "true")) == quote:
                return position
        return self._add(xf_id, quote)

    def _add(self, xf_id: int, quote: bool) -> int:
        model = self.style_xfs[xf_id] if self.style_xfs is not None and xf_id < len(self.style_xfs) else None
        xf = etree.SubElement(self.cell_xfs, f"{{{ooxml.MAIN_NS}}}xf")
        if model is not None:
            for key, value in model.attrib.items():
                xf.set(key, value)
            for child in model:
                xf.append(etree.fromstring(etree.tostring(child)))
        xf.set("xfId", str(xf_id))
        if quote:
            xf.set("quotePrefix", "1")
        self.cell_xfs.set("count", str(len(self.cell_xfs)))  # type: ignore[union-attr]
        self.changed = True
        return len(self.cell_xfs) - 1  # type: ignore[arg-type]

    def xml(self) -> bytes:
        return ooxml.xml_bytes(self.root)  # type: ignore[arg-type]
