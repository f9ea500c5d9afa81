"""Budget remarks ("Bemærkninger - Økonomiudvalget", budgetbemærkninger, budgetbeskrivelser) from DOCX,
PDF or text: one record per area of the committee.

    Bemærkninger - Økonomiudvalget                      <- title: the committee
    Jobcenter                                           <- the area: the heading above ...
    Samlet nettobudget for området: 50.190.100 kr.      <- ... its net budget, in any of its forms
    Budgetgrundlag                                      <- section headings, then their text
    ...

An area is found by its net budget (`importers.budget_remarks.areas`: a line, a sentence, or the
total row of a small table), so an area's name needs no style; its text is split at section
headings (`importers.budget_remarks.sections`). The net budget is kept as printed with its unit
(kr., 1.000 kr., mio. kr.) and year; a document that states no unit for an amount gets the unit
its text states ("Alle beløb i 1.000 kr."), else kroner, with a warning.

Steps: lines_to_header -> lines_to_net_budgets -> net_budgets_to_areas -> area_to_sections ->
BudgetArea records.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from budgetbook.errors import SourceError
from budgetbook.model import ImportResult, Provenance, ReadWarning
from budgetbook.records.remarks import BudgetArea, RemarksDocument
from budgetbook.units import unit_label
from importers.budget_remarks.areas import Area, lines_to_net_budgets, net_budgets_to_areas, text_of
from importers.budget_remarks.sections import area_to_sections, learned_headings
from importers.conventions import head_texts, stated_unit
from importers.prose import visual_width
from importers.readers import Line
from importers.reading import Evidence, Reading, Scorecard
from importers.vocabulary import Hit, Vocabulary

KIND = "budget_remarks"
TITLES = "remarks.titles"
BUDGET_YEARS = "remarks.budget_years"
HEAD_LINES = 40
COMMITTEE_WORDS = 6  # "Børne-, Unge- og Familieudvalget": a committee's name is a few words
DEFAULT_UNIT = "kr"
# A committee is named "...udvalget", "Byrådet", "Kommunalbestyrelsen": a shape inside one word, which
# no vocabulary template can say (templates match whole words).
_HEAD_PARTS = re.compile(r"\s+[·|–—]\s+")  # the parts of a running head: "Kommune · Title · Udvalg"
_COMMITTEE = re.compile(r"(udvalg(et)?|byråd(et)?|kommunalbestyrelse(n)?|borgerrepræsentation(en)?)s?$|^udvalget for\s",
                        re.IGNORECASE)
_GENITIVE = re.compile(r"(udvalget|byrådet|kommunalbestyrelsen|borgerrepræsentationen)s$", re.IGNORECASE)


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    vocabulary = reading.vocabulary
    nets = lines_to_net_budgets(reading.lines, vocabulary, None, specific_only=True)
    card.sign(f"{len(nets)} net budget statements of areas ('Samlet nettobudget for området', 'Nettobudget', "
              "'Nettodriftsudgifter i alt')", 0.5, nets)
    card.sign("several areas", 0.1, len(nets) >= 2)
    card.sign("a title of budget remarks ('Bemærkninger - <udvalg>', 'Budgetbemærkninger')", 0.3,
              _title(reading) is not None or _kind_title(reading))
    headings = sum(1 for line in reading.lines if len(line.cells) == 1 and len(text_of(line)) <= 80
                   and vocabulary.match("remarks.sections", text_of(line)))
    card.sign("section headings of remarks ('Budgetgrundlag', 'Beskrivelse af området')", 0.1, headings >= 2)
    return card.evidence


def interpret(reading: Reading) -> ImportResult:
    source, lines, vocabulary = reading.source, reading.lines, reading.vocabulary
    warnings: list[ReadWarning] = []
    document, budget_year = lines_to_header(reading)
    areas = net_budgets_to_areas(lines, lines_to_net_budgets(lines, vocabulary, budget_year), vocabulary)
    if not areas:
        raise SourceError("No area found: no net budget line ('Samlet nettobudget for området: ... kr.', "
                          "'Nettobudget: ...', 'Nettodriftsudgifter i alt')", source.path,
                          hint="Is this a document of budget remarks? Name its net budget line in an import profile "
                               "(remarks.net_budget).")
    if not document.committee:
        heading = committee_heading(lines, areas)
        if heading is None:
            warnings.append(ReadWarning("No title 'Bemærkninger - <udvalg>'; the committee is unknown", document.provenance))
        else:
            reading.mark_used(heading)
            document = RemarksDocument(document.title, text_of(heading), heading.provenance)
    unit = stated_unit(reading)
    width = visual_width(lines)
    learned = learned_headings(areas)
    records = tuple(area_to_record(area, learned, width, unit, reading, warnings) for area in areas)
    units = ", ".join(dict.fromkeys(unit_label(r.unit) for r in records))
    reading.note(f"{len(records)} areas found by their net budget; units: {units}")
    return ImportResult(KIND, source, records, tuple(warnings), document=document)


def lines_to_header(reading: Reading) -> tuple[RemarksDocument, int | None]:
    """The title naming the committee ("Bemærkninger - Økonomiudvalget", "Budget 2025 · Sundhedsudvalget",
    or the running head) and the budget year it or the document's title names; with no such title, an empty
    committee (`committee_heading` may find it above the areas)."""
    found = _title(reading)
    if found is not None:
        line, text, hit = found
        committee = hit.captures.get("committee", "").strip(" -–—:·")
        if line in reading.lines:
            reading.mark_used(line)
            if committee not in text_of(line):  # a title wrapped over two lines: the second is used too
                following = reading.lines.index(line) + 1
                reading.mark_used(*reading.lines[following:following + 1])
        # "By- og Kulturudvalgets budgettal og bemærkninger" names By- og Kulturudvalget
        year = _year(hit.values.get("year")) or budget_year_in(reading)
        return RemarksDocument(text, _GENITIVE.sub(r"\1", committee), line.provenance), year
    first = next((line for line in reading.lines if text_of(line)), None)
    where = first.provenance if first is not None else Provenance(reading.source.path)
    year = next((_year(hit.values.get("year")) for text in head_texts(reading, HEAD_LINES)
                 if (hit := title_hit(text, reading.vocabulary)) is not None), None) or budget_year_in(reading)
    return RemarksDocument("", "", where), year


def committee_heading(lines: Sequence[Line], areas: Sequence[Area]) -> Line | None:
    """In a document no title names a committee in, the committee whose name heads every area: the nearest
    line above each area's name that is a committee's name alone (Esbjerg's "Miljø- og teknikudvalget" over
    its tables; Stevns' "Plan- og Teknikudvalget" after a front matter listing every committee). None where
    the areas stand under different committees (Morsø's chapters) or under none."""
    heading_of: dict[int, Line | None] = {}
    current: Line | None = None
    for line in lines:
        heading_of[id(line)] = current
        if len(line.cells) == 1 and _is_committee_name(line):
            current = line
    headings = [heading_of.get(id(area.name)) for area in areas]
    if not headings or headings[0] is None or any(
            h is None or text_of(h).casefold() != text_of(headings[0]).casefold() for h in headings):
        return None
    return headings[0]


def budget_year_in(reading: Reading) -> int | None:
    """The budget year the document's title or running head names ("Budgetforslag 2014", "Budget 2015"): the
    year of an amount table's budget column where the table prints several."""
    for text in head_texts(reading, HEAD_LINES):
        hit = reading.vocabulary.search(BUDGET_YEARS, text)
        if hit is not None and isinstance(hit.values.get("year"), int):
            return hit.values["year"]
    return None


def _title(reading: Reading) -> tuple[Line, str, Hit] | None:
    """The first head line (or running head) that names a committee in a title of remarks; a title
    wrapped after its dash ("Budgetbemærkninger 2021 -" / "Økonomiudvalget"), or followed by the
    committee's name on a line of its own, is read joined."""
    head = [line for line in reading.lines[:HEAD_LINES] if len(line.cells) == 1 and text_of(line)]
    heads = [Line((text,), reading.lines[0].provenance) for text in reading.document.heads] if reading.lines else []
    candidates = [(line, text_of(line)) for line in [*head, *heads]]
    candidates += [(line, f"{text_of(line)} {text_of(after)}") for line, after in zip(head, head[1:])
                   if text_of(line).endswith(("-", "–", "—", ":"))]
    candidates += [(line, f"{text_of(line)} - {text_of(after)}") for line, after in zip(head, head[1:])
                   if _is_committee_name(after)]
    for line, text in candidates:
        hit = title_hit(text, reading.vocabulary) if len(text) < 200 else None
        if hit is not None and _COMMITTEE.search(hit.captures.get("committee", "").strip(" -–—:·")):
            return line, text, hit
    return None


def _is_committee_name(line: Line) -> bool:
    """A line that is a committee's name and nothing else ("Økonomi- og Planudvalget" on its own line
    below "Bemærkninger til budget 2015", as Ishøj prints it)."""
    text = text_of(line)
    return (0 < len(text.split()) <= COMMITTEE_WORDS and text[0].isupper() and _COMMITTEE.search(text) is not None
            and not _GENITIVE.search(text))


def title_hit(text: str, vocabulary: Vocabulary) -> Hit | None:
    """The text as a title of remarks: the whole of it, or its last parts where a running head joins
    several ("SKIVE KOMMUNE · Budget 2025 · Sundhedsudvalget")."""
    parts = _HEAD_PARTS.split(text)
    for start in range(len(parts)):
        hit = vocabulary.match(TITLES, " - ".join(parts[start:]))
        if hit is not None:
            return hit
    return None


def _kind_title(reading: Reading) -> bool:
    vocabulary = reading.vocabulary
    return any((hit := vocabulary.search("common.kinds", text)) is not None and hit.role == KIND
               for text in head_texts(reading, HEAD_LINES))


def area_to_record(area: Area, learned: frozenset[str], width: int, unit: str | None, reading: Reading,
                   warnings: list[ReadWarning]) -> BudgetArea:
    net = area.net_budget
    name = text_of(area.name)
    if net.amount is None:
        warnings.append(ReadWarning(f"The area '{name}' states no net budget", net.line.provenance))
    net_unit = net.unit or unit
    if net_unit is None and net.amount is None:
        net_unit = DEFAULT_UNIT
    elif net_unit is None:
        net_unit = DEFAULT_UNIT
        warnings.append(ReadWarning(f"The net budget of '{name}' names no unit; read as kr.", net.line.provenance))
    skip = frozenset(({id(net.line)} if not net.sentence else set())
                     | ({id(net.header)} if net.header is not None else set()))
    sections, headings = area_to_sections(area, learned, reading.vocabulary, width, skip)
    reading.mark_used(area.name, net.line, net.header, *headings,
                      *(line for line in area.body if len(line.cells) == 1 and id(line) not in skip))
    return BudgetArea(name=name, net_budget=net.amount, unit=net_unit, year=net.year, sections=sections,
                      provenance=area.name.provenance, net_budget_provenance=net.line.provenance)


def _year(value: object) -> int | None:
    return value if isinstance(value, int) else None
