"""The ribbon's buttons: each reads the open book, calls the library, writes the result and reports.

Every handler takes an xlwings `Book`, so it runs the same from the desktop add-in
(`RunPython("import xlpy.handlers; xlpy.handlers.refresh_caller()")`), from xlwings
Server (`xlpy.server`, with the book the Office.js add-in sends) and from a test with a
book built from JSON. A library error becomes one alert with what to do, never a
traceback in Excel. While a handler runs, its steps show in Excel's status bar on the desktop
(`xlpy.status_bar`) and go to the `progress` callable a caller passes (the server's run store).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

import xlwings as xw

from budgetbook.errors import BudgetbookError, ConfigError
from budgetbook.findings import Finding, Severity
from budgetbook.progress import Progress, fan_out, silent
from importers.readers import SUFFIXES
from workbook.api import declared_committees, read_sources
from workbook.engine import EvaluatedBook
from workbook.findings_sheet import SHEET as VALIDATION_SHEET
from workbook.findings_sheet import put_findings_sheet
from workbook.layout import BookLayout
from workbook.refresh import Rebuilt, rebuild_layout
from workbook.validate import validate_book
from xlpy.apply import apply_layout, apply_sheet, sheet_for, template_look
from xlpy.book_values import Grid, book_grids, grids_to_workbook
from xlpy.openpyxl_layout import sheet_to_layout
from xlpy.settings import read_settings
from xlpy.status_bar import status_bar_progress

TITLE = "Budget"
ERROR_TITLE = "Budget: det lykkedes ikke"
ERROR_FILL = "#FFC7CE"
WARNING_FILL = "#FFEB9C"


def reports_errors(handler: Callable[..., str]) -> Callable[..., str]:
    """Turn a library error into one alert in Excel (and the returned text), anything else propagates.

    The handler gets `progress=`: the status bar (handed back to Excel before the alert, also on
    an error) and the caller's own `progress`, if any."""

    @functools.wraps(handler)
    def run(book: xw.Book, *args: object, progress: Progress | None = None, **kwargs: object) -> str:
        with status_bar_progress(book.app) as shown:
            try:
                summary, title, mode = handler(book, *args, progress=fan_out(shown, progress), **kwargs), TITLE, None
            except BudgetbookError as exc:
                summary, title, mode = f"Kunne ikke fuldføre: {exc}", ERROR_TITLE, "critical"
        book.app.alert(summary, title=title, mode=mode)
        return summary

    return run


@reports_errors
def refresh(book: xw.Book, progress: Progress = silent) -> str:
    """Read every document in the source folder and rebuild the generated sheets, keeping users' columns."""
    settings = read_settings(book)
    folder = settings.need_source_folder()
    paths = source_documents(folder, exclude=Path(book.fullname).name)
    return rebuild(book, paths, f"i {folder}", progress, settings.address_book)


def rebuild(book: xw.Book, paths: list[Path], where: str, progress: Progress = silent,
            committees: Path | None = None) -> str:
    """Rebuild the generated sheets from these documents, keeping what users added (`workbook.refresh`);
    the committees as the address book `committees` declares them (else one beside the documents)."""
    layout, rebuilt = layout_keeping_user_entries(book_grids(book), paths, progress, committees)
    apply_layout(book, layout, progress=progress)
    book.app.calculate()
    return f"Opdateret fra {len(paths)} dokumenter {where}: {len(layout.sheets)} ark. {rebuilt.describe()}."


def layout_keeping_user_entries(grids: dict[str, Grid], paths: list[Path], progress: Progress = silent,
                                committees: Path | None = None) -> tuple[BookLayout, Rebuilt]:
    """The layout of these documents with what users added to the book whose values `grids` are."""
    names = declared_committees(paths, committees)
    results = read_sources(paths, progress=progress)
    progress("layout", 0, 1)
    rebuilt = rebuild_layout(results, grids, committees=names)
    progress("layout", 1, 1)
    return rebuilt.layout, rebuilt


@reports_errors
def validate(book: xw.Book, record: Callable[[list[Finding]], None] | None = None,
             progress: Progress = silent) -> str:
    """Hold the values Excel calculated against the sources; list findings, colour the cells that disagree.

    `record` also gets the findings (the server keeps them for the task pane's list)."""
    progress("validating", 0, 3)
    grids = book_grids(book)
    workbook = grids_to_workbook(grids)
    progress("validating", 1, 3)
    evaluated = EvaluatedBook(workbook)
    evaluated.evaluate_all(progress)
    findings = validate_book(workbook, evaluated)
    if record is not None:
        record(findings)
    progress("validating", 2, 3)
    uncolour_previous(book, grids.get(VALIDATION_SHEET, []))
    write_findings_sheet(book, findings)
    colour_findings(book, findings)
    progress("validating", 3, 3)
    return summary_of(findings)


@reports_errors
def build_packs(book: xw.Book, progress: Progress = silent) -> str:
    """One workbook per committee from the saved workbook, into the packs folder of the settings."""
    from workbook.packs import build_packs as build

    source = saved_path(book)
    out = read_settings(book).packs_folder or source.parent / "Pakker"
    return build(source, out, progress=progress).describe()


@reports_errors
def send_packs(book: xw.Book, progress: Progress = silent) -> str:
    """Mail the packs to the committees as the address book says (a dry run unless the settings say "Nej")."""
    from budgetbook.sending import send_packs as send

    settings = read_settings(book)
    folder = settings.packs_folder or saved_path(book).parent / "Pakker"
    if settings.address_book is None:
        raise ConfigError("Projektmappen angiver ingen adressebog: skriv stien til committees.toml i cellen "
                          "'Adressebog' på arket 'Indstillinger'")
    outbox = folder.parent / "Udbakke"
    return send(folder, settings.address_book, dry_run=settings.dry_run, outbox=outbox,
                progress=progress).describe()


def refresh_caller() -> None:
    refresh(xw.Book.caller())


def validate_caller() -> None:
    validate(xw.Book.caller())


def build_packs_caller() -> None:
    build_packs(xw.Book.caller())


def send_packs_caller() -> None:
    send_packs(xw.Book.caller())


def source_documents(folder: Path, exclude: str = "") -> list[Path]:
    """The documents of the folder, sorted: no hidden files, no Office lock files, not the workbook itself."""
    paths = [p for p in sorted(folder.iterdir()) if p.is_file() and p.suffix.lower() in SUFFIXES
             and not p.name.startswith((".", "~$")) and p.name != exclude and not p.name.endswith(".golden.json")]
    if not paths:
        raise ConfigError(f"Ingen dokumenter (PDF, Word, Excel, OpenDocument, CSV, tekst) i kildemappen {folder}: læg dem dér, "
                          "eller ret 'Kildemappe' på arket 'Indstillinger'")
    return paths


def write_findings_sheet(book: xw.Book, findings: list[Finding]) -> None:
    """The Validering sheet exactly as `budgetbook validate` writes it, drawn into the open book."""
    scratch = grids_to_workbook({})
    put_findings_sheet(scratch, findings)
    layout = sheet_to_layout(scratch[VALIDATION_SHEET], template="Validering")
    apply_sheet(sheet_for(book, VALIDATION_SHEET), layout, template_look())


def colour_findings(book: xw.Book, findings: list[Finding]) -> None:
    for finding in findings:
        fill = ERROR_FILL if finding.severity is Severity.ERROR else WARNING_FILL
        target = cell_of(book, finding.cell)
        if target is not None and finding.severity is not Severity.INFO:
            target.color = fill


def uncolour_previous(book: xw.Book, previous: list[list[object]]) -> None:
    """Clear the fill of the cells the previous run coloured (the "Celle" column of the old Validering sheet)."""
    for row in previous[4:]:
        if len(row) > 1 and isinstance(row[1], str):
            target = cell_of(book, row[1])
            if target is not None:
                target.color = None


def cell_of(book: xw.Book, address: str) -> xw.Range | None:
    if "!" not in address:
        return None
    sheet, ref = address.rsplit("!", 1)
    sheet = sheet.strip("'").replace("''", "'")
    try:
        return book.sheets[sheet].range(ref)
    except (KeyError, ValueError):
        return None


def summary_of(findings: list[Finding]) -> str:
    errors = sum(f.severity is Severity.ERROR for f in findings)
    if not findings:
        return "Alle totaler og procenter stemmer med kilderne."
    lines = [f"{errors} fejl, {len(findings) - errors} andre fund (se arket '{VALIDATION_SHEET}')."]
    lines += [f.describe() for f in findings[:5]]
    if len(findings) > 5:
        lines.append(f"... og {len(findings) - 5} flere.")
    return "\n".join(lines)


def saved_path(book: xw.Book) -> Path:
    path = Path(book.fullname)
    if not path.is_absolute() or not path.is_file():
        raise ConfigError("Det kræver, at projektmappen er gemt som en fil Python kan læse: gem den og brug "
                          "skrivebords-tilføjelsesprogrammet, eller kør 'budgetbook packs' på den gemte fil")
    return path
