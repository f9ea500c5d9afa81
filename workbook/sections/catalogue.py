"""The catalogue section: other municipalities' initiatives as a filterable table, summaries and look-alikes.

"Katalog": one row per initiative (repeats per area already merged by the importer), an
Excel table with filters. "Katalog - typer": one row per initiative and measure type (an
initiative of two types has two rows), its municipality, effect and adoption linked to
the Katalog row. "Katalog - opsummering": per municipality and per measure type, the
number of initiatives, how many were adopted and their effect, as COUNTIFS/SUMIFS over
the two tables' columns; the count of all initiatives is a stored check against the
number of records read. "Lignende initiativer": for every proposal of the budget
(reduction-list rows and proposal forms), the three most similar initiatives
(`workbook.similar`) with their score, municipality, effect and adoption linked live to
the Katalog row.
"""

from __future__ import annotations

from dataclasses import dataclass

from budgetbook.committee_identity import NO_COMMITTEES, Identity
from budgetbook.model import ImportResult, Provenance
from budgetbook.records.catalogue import CatalogueDocument, Initiative
from budgetbook.records.proposals import ProposalForm
from budgetbook.records.reduction import ReductionLine
from budgetbook.units import factor_to_tkr, unit_label
from workbook import formulas as fx
from workbook.layout import Check, SheetLayout, Style, Table
from workbook.sections import Block, SheetsOnlySection, Trace
from workbook.sections.proposals import form_key
from workbook.sections.reductions import proposal_key
from workbook.similar import SimilarityIndex

KIND = "initiative_catalogue"
CATALOGUE = "Katalog"
TYPES = "Katalog - typer"
SUMMARY = "Katalog - opsummering"
SIMILAR = "Lignende initiativer"
HEADER_ROW = 4
SIMILAR_COUNT = 3
YES, NO = "Ja", "Nej"
PROPOSAL_WORDS = 120  # of a long proposal text only the start counts, as for the initiatives

# Header labels of the Katalog table (its columns, in order).
NR, MUNICIPALITY, TITLE, DESCRIPTION, EFFECT = "Nr.", "Kommune", "Titel", "Beskrivelse", "Effekt (t.kr.)"
PRINTED, UNIT, FACTOR = "Effekt som anført", "Enhed", "Faktor til t.kr. (+ = besparelse)"
FULL_YEAR, COST, ADOPTED = "Fuldt indfaset år", "Implementeringsomkostninger", "Vedtaget"
MEASURES, AREAS, INFO, SOURCE, REPEATS = ("Typer af tiltag", "Berørte fagområder", "Yderligere information",
                                          "Kilde", "Gentagelser")
UDVALG, AREA, NUMBER = "Udvalg", "Område", "Nummer i kataloget"
CATALOGUE_COLUMNS = (NR, MUNICIPALITY, TITLE, DESCRIPTION, EFFECT, FULL_YEAR, COST, ADOPTED, MEASURES, AREAS, INFO,
                     SOURCE, REPEATS, PRINTED, UNIT, FACTOR, UDVALG, AREA, NUMBER)
COL = {label: index for index, label in enumerate(CATALOGUE_COLUMNS, start=1)}
MEASURE = "Type af tiltag"
TYPES_COLUMNS = (NR, MUNICIPALITY, MEASURE, EFFECT, ADOPTED)
TYPE_COL = {label: index for index, label in enumerate(TYPES_COLUMNS, start=1)}
SUMMARY_COLUMNS = ("Initiativer", "Heraf vedtaget", "Effekt i alt (t.kr.)", "Effekt, vedtagne (t.kr.)")
SIMILAR_COLUMNS = ("Forslag", "Nøgle", "Center", "Dokument", "Rang", "Lighed (0-100)", MUNICIPALITY, "Initiativ",
                   EFFECT, ADOPTED, "Katalog-række")


@dataclass(frozen=True)
class Proposal:
    """A proposal of the budget, as the similarity search sees it."""

    key: str
    title: str
    center: str
    kind: str  # "Reduktionsliste" or "Forslagsskema"
    text: str


def results_to_proposals(results: list[ImportResult]) -> list[Proposal]:
    """Every reduction-list row and proposal form, in reading order."""
    proposals = []
    for result in results:
        for record in result.records:
            if isinstance(record, ReductionLine):
                proposals.append(Proposal(proposal_key(record), record.overskrift, record.center, "Reduktionsliste",
                                          f"{record.overskrift} {record.forklaring}"))
            elif isinstance(record, ProposalForm):
                first = next(iter(record.sections.values()), "")
                proposals.append(Proposal(form_key(record), record.overskrift, record.center, "Forslagsskema",
                                          f"{record.overskrift} {first}"))
    return proposals


def adopted_text(adopted: bool | None) -> str:
    return "" if adopted is None else YES if adopted else NO


class CatalogueSection(SheetsOnlySection):
    title = "Katalog"

    def __init__(self, results: list[ImportResult], identity: Identity | None = None) -> None:
        self.results = [r for r in results if r.kind == KIND]
        self.initiatives: list[Initiative] = [i for r in self.results for i in r.records
                                              if isinstance(i, Initiative)]
        self.identity = identity or NO_COMMITTEES.identify(i.udvalg for i in self.initiatives)
        self.proposals = results_to_proposals(results) if self.initiatives else []

    def has_content(self) -> bool:
        return bool(self.initiatives)

    def extra_sheets(self, center_blocks: dict[str, Block]) -> tuple[list[SheetLayout], list[Check], list[Trace]]:
        traces: list[Trace] = []
        savings = {id(i): r.document.savings if isinstance(r.document, CatalogueDocument) else None
                   for r in self.results for i in r.records}
        catalogue = build_catalogue_sheet(self.initiatives, traces, savings, self.identity)
        types = build_types_sheet(self.initiatives)
        summary, checks = build_summary_sheet(self.initiatives, self.results)
        sheets = [catalogue, summary, types]
        if self.proposals:
            sheets.append(build_similar_sheet(self.proposals, self.initiatives))
        return sheets, checks, traces


def _catalogue_row(index: int) -> int:
    return HEADER_ROW + 1 + index


def _last_row(count: int) -> int:
    return max(HEADER_ROW + count, HEADER_ROW + 1)


def effect_factor(item: Initiative, savings: str | None) -> float | int:
    """What the printed effect is multiplied by: to 1.000 kr., and to a positive saving where the
    catalogue writes savings as negative numbers."""
    sign = -1 if savings == "savings_negative" else 1
    return factor_to_tkr(item.effect_unit) * sign


def initiative_committee(item: Initiative, identity: Identity) -> tuple[str, str]:
    """(committee, what the source column adds): the udvalg it prints, else its area's declared committee,
    else the one committee all its declared affected areas belong to; ("", "") when none is."""
    if item.udvalg or item.area:
        return identity.of(item.udvalg, item.area), identity.note(item.udvalg, item.area)
    found = {identity.of("", area): area for area in item.affected_areas if identity.of("", area)}
    if len(found) != 1:
        return "", ""
    ((label, area),) = found.items()
    return label, f"udvalg efter fagområdet {area}"


def build_catalogue_sheet(initiatives: list[Initiative], traces: list[Trace],
                          savings: dict[int, str | None] | None = None,
                          identity: Identity | None = None) -> SheetLayout:
    savings = savings or {}
    identity = identity or NO_COMMITTEES.identify(i.udvalg for i in initiatives)
    sheet = SheetLayout(CATALOGUE, "Katalog", freeze=f"D{HEADER_ROW + 1}", print_rows=f"{HEADER_ROW}:{HEADER_ROW}")
    sheet.put(1, 1, "Katalog over budgetinitiativer fra andre kommuner", Style.TITLE)
    sheet.put(2, 1, "Effekt ved fuld indfasning i 1.000 kr., en besparelse positiv: effekten som kataloget anfører "
                    "den gange faktoren (enheden og katalogets fortegn). Brug filtrene i overskriftsrækken.", Style.NOTE)
    sheet.put_row(HEADER_ROW, list(CATALOGUE_COLUMNS), Style.HEADER)
    for index, item in enumerate(initiatives):
        row = _catalogue_row(index)
        sheet.put(row, COL[NR], index + 1, Style.TEXT)
        sheet.put_row(row, [item.municipality, item.title], Style.TEXT, first_col=COL[MUNICIPALITY])
        sheet.put(row, COL[DESCRIPTION], item.description, Style.WRAP)
        sheet.put(row, COL[PRINTED], item.effect, Style.DECIMAL if isinstance(item.effect, float) else Style.AMOUNT)
        sheet.put(row, COL[UNIT], unit_label(item.effect_unit) if item.effect is not None else None, Style.TEXT)
        sheet.put(row, COL[FACTOR], effect_factor(item, savings.get(id(item))), Style.DECIMAL)
        sheet.put(row, COL[EFFECT], fx.converted(fx.ref(row, COL[PRINTED]), fx.ref(row, COL[FACTOR])), Style.AMOUNT)
        udvalg, note = initiative_committee(item, identity)
        sheet.put_row(row, [udvalg or None, item.area, item.number], Style.TEXT, first_col=COL[UDVALG])
        sheet.put(row, COL[FULL_YEAR], item.full_year, Style.TEXT)
        sheet.put_row(row, [item.implementation_cost_text, adopted_text(item.adopted), "; ".join(item.measure_types),
                            "; ".join(item.affected_areas), item.source,
                            item.provenance.describe() + (f"; {note}" if note else "")], Style.TEXT,
                      first_col=COL[COST])
        sheet.put(row, COL[REPEATS], len(item.repeats), Style.AMOUNT)
        traces.append(Trace(CATALOGUE, row, f"{item.municipality}/{item.title}", item.provenance))
    last = _last_row(len(initiatives))
    sheet.tables.append(Table("Katalog_initiativer", f"A{HEADER_ROW}:{_letter(len(CATALOGUE_COLUMNS))}{last}"))
    return sheet


def _types_rows(initiatives: list[Initiative]) -> list[tuple[int, str]]:
    """(index of the initiative, measure type): one row per type an initiative has."""
    return [(index, measure) for index, item in enumerate(initiatives) for measure in item.measure_types]


def build_types_sheet(initiatives: list[Initiative]) -> SheetLayout:
    widths = {1: 6, 2: 24, 3: 34, 4: 14, 5: 10}
    sheet = SheetLayout(TYPES, "Katalog", freeze=f"A{HEADER_ROW + 1}", print_rows=f"{HEADER_ROW}:{HEADER_ROW}",
                        column_widths=widths)
    sheet.put(1, 1, "Initiativerne efter type af tiltag", Style.TITLE)
    sheet.put(2, 1, "Én række pr. initiativ og type: et initiativ med to typer står her to gange. Kommune, effekt "
                    "og vedtaget henviser til Katalog-arket.", Style.NOTE)
    sheet.put_row(HEADER_ROW, list(TYPES_COLUMNS), Style.HEADER)
    rows = _types_rows(initiatives)
    for offset, (index, measure) in enumerate(rows):
        row, home = HEADER_ROW + 1 + offset, _catalogue_row(index)
        sheet.put(row, TYPE_COL[NR], index + 1, Style.TEXT)
        sheet.put(row, TYPE_COL[MUNICIPALITY], fx.link(fx.ref(home, COL[MUNICIPALITY], CATALOGUE)), Style.TEXT)
        sheet.put(row, TYPE_COL[MEASURE], measure, Style.TEXT)
        sheet.put(row, TYPE_COL[EFFECT], fx.blank_or(fx.ref(home, COL[EFFECT], CATALOGUE)), Style.AMOUNT)
        sheet.put(row, TYPE_COL[ADOPTED], fx.blank_or(fx.ref(home, COL[ADOPTED], CATALOGUE)), Style.TEXT)
    last = _last_row(len(rows))
    sheet.tables.append(Table("Katalog_tiltag", f"A{HEADER_ROW}:{_letter(len(TYPES_COLUMNS))}{last}"))
    return sheet


def build_summary_sheet(initiatives: list[Initiative], results: list[ImportResult]) -> tuple[SheetLayout, list[Check]]:
    widths = {1: 40, 2: 14, 3: 14, 4: 18, 5: 20}
    sheet = SheetLayout(SUMMARY, "Katalog", column_widths=widths)
    sheet.put(1, 1, "Katalog - opsummering", Style.TITLE)
    sheet.put(2, 1, "COUNTIFS/SUMIFS over Katalog og Katalog - typer: ret eller filtrér dér, så følger tallene med. "
                    "Effekt i 1.000 kr.", Style.NOTE)
    last = _last_row(len(initiatives))
    area = {label: fx.area(HEADER_ROW + 1, last, COL[label], CATALOGUE, absolute=True)
            for label in (MUNICIPALITY, EFFECT, ADOPTED)}
    municipalities = sorted({i.municipality for i in initiatives})
    count_cell, bottom = _summary_block(sheet, HEADER_ROW, "Kommune", municipalities, area, "Kommuner")
    checks = []
    if results:
        where = Provenance(", ".join(r.source.path for r in results))
        checks.append(Check(SUMMARY, count_cell, len(initiatives), "catalogue_count",
                            "Initiativer i kataloget (sum over kommunerne)", where, 0))
    type_last = _last_row(len(_types_rows(initiatives)))
    type_area = {label: fx.area(HEADER_ROW + 1, type_last, TYPE_COL[label], TYPES, absolute=True)
                 for label in (MEASURE, EFFECT, ADOPTED)}
    type_area[MUNICIPALITY] = type_area.pop(MEASURE)  # the key column of this block
    measures = sorted({m for i in initiatives for m in i.measure_types})
    top = bottom + 3
    sheet.put(top - 1, 1, "Et initiativ med flere typer tælles under hver af dem; summen er derfor større end "
                          "antallet af initiativer.", Style.NOTE)
    _summary_block(sheet, top, MEASURE, measures, type_area, "Typer")
    return sheet, checks


def _summary_block(sheet: SheetLayout, header: int, key_label: str, keys: list[str], area: dict[str, str],
                   what: str) -> tuple[str, int]:
    """A header, one row per key with COUNTIFS/SUMIFS, a total row; (the total count cell, the total row)."""
    sheet.put_row(header, [key_label, *SUMMARY_COLUMNS], Style.HEADER)
    yes = f'"{YES}"'
    row = header
    for row, key in enumerate(keys, start=header + 1):
        sheet.put(row, 1, key, Style.TEXT)
        criterion = (area[MUNICIPALITY], fx.criterion(key, fx.ref(row, 1)))
        sheet.put(row, 2, fx.countifs(criterion), Style.AMOUNT)
        sheet.put(row, 3, fx.countifs(criterion, (area[ADOPTED], yes)), Style.AMOUNT)
        sheet.put(row, 4, fx.sumifs(area[EFFECT], criterion), Style.AMOUNT)
        sheet.put(row, 5, fx.sumifs(area[EFFECT], criterion, (area[ADOPTED], yes)), Style.AMOUNT)
    sheet.tables.append(Table(f"Opsummering_{what}", f"A{header}:E{max(row, header + 1)}"))
    total = max(row, header + 1) + 1
    sheet.put(total, 1, "I alt", Style.TOTAL_LABEL)
    cells = [sheet.put(total, col, fx.sum_range(header + 1, row, col), Style.TOTAL_AMOUNT) for col in range(2, 6)]
    return cells[0], total


def build_similar_sheet(proposals: list[Proposal], initiatives: list[Initiative]) -> SheetLayout:
    widths = {1: 40, 2: 14, 3: 10, 4: 16, 5: 6, 6: 10, 7: 22, 8: 50, 9: 12, 10: 10, 11: 10}
    sheet = SheetLayout(SIMILAR, "Katalog", freeze=f"B{HEADER_ROW + 1}", print_rows=f"{HEADER_ROW}:{HEADER_ROW}",
                        column_widths=widths)
    sheet.put(1, 1, "Lignende initiativer i andre kommuner", Style.TITLE)
    sheet.put(2, 1, f"For hvert forslag de {SIMILAR_COUNT} initiativer i kataloget, der ligner mest (lighed 0-100 af "
                    "titel og beskrivelse). Kommune, effekt og vedtaget henviser til Katalog-arket.", Style.NOTE)
    sheet.put_row(HEADER_ROW, list(SIMILAR_COLUMNS), Style.HEADER)
    index = SimilarityIndex(initiatives)
    position = {id(item): number for number, item in enumerate(initiatives)}
    texts = [" ".join(p.text.split()[:PROPOSAL_WORDS]) for p in proposals]
    row = HEADER_ROW
    for proposal, matches in zip(proposals, index.most_similar_many(texts, SIMILAR_COUNT)):
        for rank, match in enumerate(matches, start=1):
            row += 1
            home = _catalogue_row(position[id(match.initiative)])
            sheet.put_row(row, [proposal.title, proposal.key, proposal.center, proposal.kind], Style.TEXT)
            sheet.put(row, 5, rank, Style.AMOUNT)
            sheet.put(row, 6, match.score, Style.DECIMAL)
            sheet.put(row, 7, fx.link(fx.ref(home, COL[MUNICIPALITY], CATALOGUE)), Style.TEXT)
            target = f"#{fx.ref(home, COL[TITLE], CATALOGUE)}"
            sheet.put(row, 8, fx.link(fx.ref(home, COL[TITLE], CATALOGUE)), Style.LINK, link=target)
            sheet.put(row, 9, fx.blank_or(fx.ref(home, COL[EFFECT], CATALOGUE)), Style.AMOUNT)
            sheet.put(row, 10, fx.blank_or(fx.ref(home, COL[ADOPTED], CATALOGUE)), Style.TEXT)
            sheet.put(row, 11, home, Style.TEXT)
    sheet.tables.append(Table("Lignende_initiativer",
                              f"A{HEADER_ROW}:{_letter(len(SIMILAR_COLUMNS))}{max(row, HEADER_ROW + 1)}"))
    return sheet


def _letter(col: int) -> str:
    from openpyxl.utils.cell import get_column_letter

    return get_column_letter(col)
