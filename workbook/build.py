"""Model to workbook layout: center sheets from the sections, the overview, sources and checks.

`build_layout(results)` is the one function both the CLI (`budgetbook build`) and the
ribbon (`xlpy.handlers.refresh`) call; the writers only apply what it returns.
"""

from __future__ import annotations

import hashlib
import json
from datetime import date, datetime

from budgetbook.committee_identity import NO_COMMITTEES, CommitteeNames, Identity
from budgetbook.model import ImportResult, ReadWarning, to_jsonable
from budgetbook.records.reduction import ListDocument
from importers import kind_label
from workbook import formulas as fx
from workbook.display import moment_text
from workbook.kontrol import checks_sheet
from workbook.layout import BookLayout, SheetLayout, Style, table_over
from workbook.sections import Block, Section, Trace
from workbook.sections.catalogue import CatalogueSection
from workbook.sections.minutes import MinutesSection
from workbook.sections.proposals import ProposalSection
from workbook.sections.reduction_overview import reduction_overview_rows
from workbook.sections.reductions import UNIT_LABEL, ReductionSection, unit_text
from workbook.sections.remarks import KIND as REMARKS_KIND
from workbook.sections.remarks import RemarksSection, committee_of
from workbook.sheet_names import center_sheet_names, unique_table_names

OVERVIEW = "Oversigt"
SAVINGS = "Besparelse i alt"  # reductions and proposals together, a saving counted positive
SOURCES = "Kilder"
FIRST_BLOCK_ROW = 4
BLOCK_GAP = 3


def unique_sources(results: list[ImportResult]) -> tuple[list[ImportResult], list[str]]:
    """Drop a document given twice, so it is never counted twice; say which. Twice means the same
    checksum, or the same content in another format (a list as .docx and as its .pdf: the same records
    and stated totals, only their pages and lines differ)."""
    seen: dict[str, str] = {}
    kept, dropped = [], []
    for result in results:
        keys = [result.source.sha256, *([content_key(result)] if result.records else [])]
        first = next((seen[key] for key in keys if key in seen), None)
        if first is not None:
            how = "" if keys[0] in seen else " in another format (the same records and totals)"
            dropped.append(f"{result.source.path} is the same document as {first}{how}; read once")
            continue
        seen.update(dict.fromkeys(keys, result.source.path))
        kept.append(result)
    return kept, dropped


def content_key(result: ImportResult) -> str:
    """What a document says, without where on its pages it says it: its kind, records and stated totals."""
    content = {"kind": result.kind, "records": [to_jsonable(r) for r in result.records],
               "stated": result.stated_totals.to_json() if result.stated_totals is not None else None}  # type: ignore[attr-defined]
    text = json.dumps(_without_places(content), sort_keys=True, ensure_ascii=False, default=str)
    return "content:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def _without_places(value: object) -> object:
    """The value with every provenance (file, page, line) left out."""
    if isinstance(value, dict):
        return {k: _without_places(v) for k, v in value.items() if not k.endswith("provenance")}
    if isinstance(value, list):
        return [_without_places(v) for v in value]
    return value


def sections_for(results: list[ImportResult], identity: Identity | None = None) -> list[Section]:
    """Every section that has something to show, in sheet order; `identity` names their committees."""
    identity = identity or committee_identity(results)
    sections: list[Section] = [ReductionSection(results, identity), ProposalSection(results),
                                RemarksSection(results, identity), MinutesSection(results),
                                CatalogueSection(results, identity)]
    return [s for s in sections if s.has_content()]


def printed_committees(results: list[ImportResult]) -> list[str]:
    """Every committee name the documents print on a record that goes to a committee, as often as printed."""
    names = []
    for result in results:
        if result.kind == REMARKS_KIND:
            names.extend(committee_of(result) for _ in result.records)
            continue
        names.extend(udvalg for record in result.records if (udvalg := getattr(record, "udvalg", "")))
    return names


def committee_identity(results: list[ImportResult], committees: CommitteeNames = NO_COMMITTEES) -> Identity:
    """One committee per name the documents print, as the user declared them (`budgetbook.committee_identity`)."""
    return committees.identify(printed_committees(results))


def build_layout(results: list[ImportResult], left_out: tuple[str, ...] = (),
                 committees: CommitteeNames = NO_COMMITTEES) -> BookLayout:
    """The workbook of `results`; `left_out` names documents that could not be read (shown on Kilder);
    `committees` the committees the user declared (committees.toml, budgetbook.toml)."""
    results, duplicates = unique_sources(results)
    identity = committee_identity(results, committees)
    sections = sections_for(results, identity)
    book = BookLayout(notices=identity.warnings())
    overview = SheetLayout(OVERVIEW, "Oversigt", freeze="B5", print_rows="4:4")
    book.sheets.append(overview)
    traces: list[Trace] = []
    blocks: dict[str, dict[str, Block]] = {}  # section title -> center -> block
    centers = sorted({c for s in sections for c in s.centers()}, key=_center_order)
    center_sheets = center_sheet_names(centers)
    for center in centers:
        sheet = SheetLayout(center_sheets[center], "Center", print_rows=None)
        sheet.put(1, 1, center, Style.TITLE)
        sheet.put(2, 1, "Beløb i 1.000 kr.", Style.NOTE)
        top = FIRST_BLOCK_ROW
        for section in sections:
            if center not in section.centers():
                continue
            block = section.center_block(sheet, center, top)
            block.sheet = sheet.name
            blocks.setdefault(section.title, {})[center] = block
            book.checks.extend(block.checks)
            traces.extend(Trace(sheet.name, row, key, where) for row, key, where in block.rows)
            if sheet.freeze is None:
                sheet.freeze = f"A{block.header_row + 1}"
                sheet.print_rows = f"{block.header_row}:{block.header_row}"
            top = block.bottom + BLOCK_GAP
        book.sheets.append(sheet)
    for section in sections:
        sheets, checks, section_traces = section.extra_sheets(blocks.get(section.title, {}))
        book.sheets.extend(sheets)
        book.checks.extend(checks)
        traces.extend(section_traces)
    _build_overview(overview, sections, centers, center_sheets, blocks, book)
    warnings = [w for r in results for w in r.warnings]
    book.sheets.append(_sources_sheet(results, warnings, duplicates, left_out, book.notices))
    book.sheets.append(checks_sheet(book.checks, traces))
    unique_table_names(book)
    book.dated = read_day(results)
    return book


def read_day(results: list[ImportResult]) -> date | None:
    """The day the sources were read (the latest, if over midnight): the day the workbook is of."""
    days = [datetime.fromisoformat(r.source.imported_at).date() for r in results if r.source.imported_at]
    return max(days, default=None)


def _center_order(center: str) -> tuple[int, str]:
    """Centers alphabetically, the cross-cutting ones ("Tværgående") last."""
    return (1 if center.lower().startswith("tværgående") else 0, center)


def _build_overview(sheet: SheetLayout, sections: list[Section], centers: list[str], center_sheets: dict[str, str],
                    blocks: dict[str, dict[str, Block]], book: BookLayout) -> None:
    sheet.put(1, 1, "Oversigt", Style.TITLE)
    sheet.put(2, 1, "Beløb i 1.000 kr. Hver center-total henviser til centerets ark. Reduktionslisterne er omregnet "
              "til 1.000 kr. med besparelser som positive tal (kolonnerne Enhed i kilden og Omregning på centerarkene). "
              f"'{SAVINGS}' lægger reduktioner og forslag sammen med besparelser som positive tal.", Style.NOTE)
    header = ["Center"]
    columns: list[tuple[Section, str]] = []
    for section in sections:
        for year in section.years():
            header.append(f"{section.title} {year}")
            columns.append((section, year))
    savers = [s for s in sections if s.saving_sign]
    combined = sorted({y for s in savers for y in s.years()}) if len(savers) > 1 else []
    header.extend(f"{SAVINGS} {year}" for year in combined)
    sheet.put_row(4, header, Style.HEADER)
    first = 5
    row = first - 1
    for row, center in enumerate(centers, start=first):
        sheet.put(row, 1, center, Style.TEXT, link=f"#{fx.ref(1, 1, center_sheets[center])}")
        for col, (section, year) in enumerate(columns, start=2):
            block = blocks.get(section.title, {}).get(center)
            if block is not None and year in block.totals:
                sheet.put(row, col, fx.link(fx.ref_in(block.totals[year], center_sheets[center])), Style.AMOUNT)
        for col, year in enumerate(combined, start=2 + len(columns)):
            terms = [(section.saving_sign, fx.ref(row, c)) for c, (section, y) in enumerate(columns, start=2)
                     if y == year and section.saving_sign]
            sheet.put(row, col, fx.signed_sum(terms), Style.AMOUNT)
    sheet.tables.append(table_over(sheet.name, "Oversigt", 4, row, len(header)))
    total_row = row + 1
    sheet.put(total_row, 1, "Hovedtotal", Style.TOTAL_LABEL)
    totals: dict[tuple[str, str], str] = {}
    for col, (section, year) in enumerate(columns, start=2):
        totals[(section.title, year)] = sheet.put(total_row, col, fx.sum_range(first, row, col), Style.TOTAL_AMOUNT)
    for col in range(2 + len(columns), 2 + len(columns) + len(combined)):
        sheet.put(total_row, col, fx.sum_range(first, row, col), Style.TOTAL_AMOUNT)
    for section in sections:
        if isinstance(section, ReductionSection):
            year_cols = {year: col for col, (owner, year) in enumerate(columns, start=2) if owner is section}
            reduction_overview_rows(sheet, section, year_cols, {y: totals[(section.title, y)] for y in year_cols},
                                    total_row, book)


def _sources_sheet(results: list[ImportResult], warnings: list[ReadWarning], duplicates: list[str],
                   left_out: tuple[str, ...] = (), notices: list[str] | None = None) -> SheetLayout:
    sheet = SheetLayout(SOURCES, "Kilder", freeze="A5", print_rows="4:4")
    sheet.put(1, 1, "Kilder", Style.TITLE)
    sheet.put(2, 1, "De dokumenter projektmappen er bygget af.", Style.NOTE)
    sheet.put_row(4, ["Fil", "Type", "SHA-256", "Indlæst", "Poster", "Advarsler", "Linjer brugt", UNIT_LABEL],
                  Style.HEADER)
    row = 4
    for row, result in enumerate(results, start=5):
        sheet.put_row(row, [result.source.path, kind_label(result.kind), result.source.sha256,
                            moment_text(result.source.imported_at)], Style.TEXT)
        sheet.put(row, 5, len(result.records), Style.AMOUNT)
        sheet.put(row, 6, len(result.warnings), Style.AMOUNT)
        if result.coverage is not None:  # the share of the document's lines that became part of the book
            sheet.put(row, 7, round(result.coverage.share, 4), Style.PCT)
        if isinstance(result.document, ListDocument):  # how the list writes amounts: unit and sign
            sheet.put(row, 8, unit_text(result.document), Style.TEXT)
    sheet.tables.append(table_over(sheet.name, "Kilder", 4, row, 8))
    row += 2
    notes = [(w.message, w.provenance.describe()) for w in warnings] + [(d, "") for d in duplicates]
    notes += [(f"Ikke indlæst, bygget uden (--skip-bad): {failure}", "") for failure in left_out]
    notes += [(notice, "") for notice in notices or ()]
    if notes:
        sheet.put_row(row, ["Advarsel fra indlæsningen", "Kilde"], Style.HEADER)
        for row, (message, where) in enumerate(notes, start=row + 1):
            sheet.put(row, 1, message, Style.WRAP)
            sheet.put(row, 2, where, Style.TEXT)
    return sheet
