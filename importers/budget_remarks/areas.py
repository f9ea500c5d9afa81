"""Areas of budget remarks, found by the line that states each area's net budget.

Municipalities state an area's net budget in many ways (vocabulary `remarks.net_budget`,
`remarks.net_rows`):

    Samlet nettobudget for området: 50.190.100 kr.                  a line (Kalundborg)
    Nettobudget: 12.345.678 kr.   Budget 2025 (netto): 312.450 t.kr.  shorter lines
    Det samlede budget på området udgør netto 474,6 mio. kr. i 2016.  a sentence (Helsingør)
    | 1.000 kr. | Budget 2025 | Overslag 2026 | ... |                  a small table whose total
    | Nettodriftsudgifter i alt | 173.363 | ... |                      row holds it (Halsnæs, Herning)
    Vej og park                                                        ... or whose one amount column has
    | Udvalg/Bevillingsgruppe/Funktion | TOTAL KR |                    no year and whose "<area> i alt"
    | Vej og park i alt | 64.005.400 |                                 row closes the area (Esbjerg)

The area's name is the heading above that line: in Word the nearest heading paragraph that is no
section heading, elsewhere the nearest short title-like line. Steps: lines_to_net_budgets ->
net_budgets_to_areas.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from budgetbook.errors import NumberError, SourceError
from budgetbook.model import Number
from importers.cleanup import one_line
from importers.numbers import parse_number
from importers.prose import is_page_furniture
from importers.readers import Line
from importers.vocabulary import Vocabulary, normalize
from importers.year_columns import YearColumn, YearHeader, cells_to_year_header

NET_BUDGET = "remarks.net_budget"
NET_ROWS = "remarks.net_rows"
NET_LABELS = "remarks.net_labels"
AMOUNT_COLUMNS = "remarks.amount_columns"
SECTIONS = "remarks.sections"
UNITS = "common.units"
TITLE_LIKE_WORDS = 8
TITLE_LIKE_CHARS = 70
SPECIFIC_ROWS = ("total",)
# The vocabulary matches words: "1.2OO kr." would read as the number 1 followed by other words.
# What follows a matched amount must not go on as a number does ("1" then ".2OO").
_CUT_NUMBER = re.compile(r"^[.,]\w")  # generic rows ("I alt") count only inside an area's own table


@dataclass(frozen=True)
class NetBudget:
    """Where an area's net budget is stated and what it says: amount as printed, unit, year."""

    line: Line
    amount: Number | None
    unit: str | None
    year: int | None
    header: Line | None = None  # the table's header row, when the amount stands in a table
    sentence: bool = False  # stated in a sentence of the area's text, which stays in its text


@dataclass(frozen=True)
class Area:
    """An area's lines: its name line, the line of its net budget and every line from its name to the next area."""

    name: Line
    net_budget: NetBudget
    body: tuple[Line, ...]


def text_of(line: Line) -> str:
    return one_line(" ".join(str(c) for c in line.cells if c not in (None, "")))


def heading_level(line: Line) -> int | None:
    """The level of a Word heading paragraph ("Heading 2" -> 2, "Title" -> 0), None for any other line."""
    style = (line.style or "").strip()
    if style.lower() == "title":
        return 0
    if style.lower().startswith("heading ") and style[-1].isdigit():
        return int(style.rsplit(" ", 1)[-1])
    return None


def is_title_like(line: Line) -> bool:
    """A short line that reads as a heading: few words, starts upper case, no full stop or colon at the end."""
    text = text_of(line)
    return (0 < len(text) <= TITLE_LIKE_CHARS and len(text.split()) <= TITLE_LIKE_WORDS and len(line.cells) == 1
            and text[0].isupper() and not text.endswith((".", ",", ";", ":")) and not is_page_furniture(text)
            and not (line.style or "").lower().startswith("list"))


def lines_to_net_budgets(lines: Sequence[Line], vocabulary: Vocabulary, budget_year: int | None,
                         specific_only: bool = False) -> list[NetBudget]:
    """Every net budget statement: a line or sentence, or the total row of a small table (its amount
    in the budget year's column). `specific_only` (for detection) leaves out generic total rows ("I
    alt") and reads an amount that is no number as missing instead of raising `NumberError`."""
    found: list[NetBudget] = []
    header: tuple[YearHeader, Line] | None = None
    above = ""  # the text line above the table being read: the heading of the area it may total
    for line in lines:
        if len(line.cells) > 1:
            cells = line.cells
            parsed = cells_to_year_header(cells, vocabulary) or (
                cells_to_amount_header(cells, vocabulary) if header is None else None)
            if parsed is not None:
                header = (parsed, line)
                continue
            if header is not None and (net := _table_row(line, header, vocabulary, budget_year, specific_only,
                                                         above)):
                found.append(net)
                continue
        else:
            header = None
            above = text_of(line) or above
        if (net := _stated(line, vocabulary, strict=not specific_only)) is not None:
            found.append(net)
    return found


def _stated(line: Line, vocabulary: Vocabulary, strict: bool = True) -> NetBudget | None:
    text = text_of(line)
    if not text or len(text) > 400:
        return None
    hit = vocabulary.search(NET_BUDGET, text)
    if hit is None or _CUT_NUMBER.match(text[hit.end:]):
        return _labelled(line, text, vocabulary, strict)
    amount = _amount(hit.captures.get("amount"))
    unit = hit.values.get("units")
    year = hit.values.get("year")
    return NetBudget(line, amount, unit if isinstance(unit, str) else None, year if isinstance(year, int) else None,
                     sentence=hit.role == "sentence")


def _labelled(line: Line, text: str, vocabulary: Vocabulary, strict: bool) -> NetBudget | None:
    """ "Samlet nettobudget for området: <something>": the label of a net budget whose amount is no
    number (an error naming the line) or missing (an area without its amount)."""
    label, colon, value = text.partition(":")
    if not colon or vocabulary.match(NET_LABELS, label) is None:
        return None
    amount = (parse_number(value, line.provenance) if strict else _amount(value)) if value.strip() else None
    unit = vocabulary.search(UNITS, value)
    return NetBudget(line, amount, unit.role if unit else None, None)


def cells_to_amount_header(cells: Sequence[object], vocabulary: Vocabulary) -> YearHeader | None:
    """A header row of a label column and one amount column that names no year but a total and its unit
    ("Udvalg/Bevillingsgruppe/Funktion | TOTAL KR"): that column, read as the budget year's."""
    texts = [one_line(cell) for cell in cells]
    filled = [index for index, text in enumerate(texts) if text]
    if len(filled) != 2 or filled[0] != 0:
        return None
    hit = vocabulary.match(AMOUNT_COLUMNS, texts[filled[1]])
    if hit is None:
        return None
    unit = hit.values.get("units")
    return YearHeader((YearColumn(filled[1], "", "budget", texts[filled[1]]),), unit if isinstance(unit, str) else None)


def _table_row(line: Line, header: tuple[YearHeader, Line], vocabulary: Vocabulary, budget_year: int | None,
               specific_only: bool, above: str = "") -> NetBudget | None:
    label = one_line(line.cell(0))
    hit = vocabulary.match(NET_ROWS, label)
    if hit is None or (specific_only and hit.role not in SPECIFIC_ROWS and not _totals_heading(label, above)):
        return None
    years, header_line = header
    column = years.column_for(budget_year)
    amount = _amount(line.cell(column.index))
    return NetBudget(line, amount, years.unit, int(column.year) if column.year else budget_year, header_line)


def _totals_heading(label: str, heading: str) -> bool:
    """"Vej og park i alt" in a table right below the heading "Vej og park": the total of the area the
    heading names, as specific as a "Nettodriftsudgifter i alt"."""
    return bool(heading) and normalize(label) == normalize(f"{heading} i alt")


def _amount(text: object) -> Number | None:
    try:
        value = parse_number(text)
    except (NumberError, ValueError):
        return None
    return value


def net_budgets_to_areas(lines: Sequence[Line], nets: Sequence[NetBudget], vocabulary: Vocabulary) -> list[Area]:
    """Each net budget's area: its name is the nearest heading above; it runs to the next area's name."""
    index_of = {id(line): i for i, line in enumerate(lines)}
    starts: list[tuple[int, NetBudget]] = []
    previous = -1
    for net in nets:
        at = index_of[id(net.line)]
        top = at if net.header is None else index_of[id(net.header)]
        name = _name_above(lines, top, max(previous, starts[-1][0] if starts else -1), vocabulary,
                           in_table=net.header is not None or net.sentence)
        previous = at
        if name is None:
            raise SourceError("A net budget line has no area name above it", net.line.provenance,
                              hint="Put the area's name on the line above its net budget.")
        starts.append((name, net))
    areas = []
    for k, (name, net) in enumerate(starts):
        end = starts[k + 1][0] if k + 1 < len(starts) else len(lines)
        areas.append(Area(lines[name], net, tuple(lines[name + 1:end])))
    return areas


def _name_above(lines: Sequence[Line], at: int, stop: int, vocabulary: Vocabulary, in_table: bool = False) -> int | None:
    """The area's heading above `at` (down to `stop`, the previous area): in Word the nearest heading
    paragraph, or a more important one above it when that one is a section's heading ("Økonomi"
    under "Kapitel 14: Politikområde Sundhed"); elsewhere the nearest short title-like line that is no
    section's heading above a table or a sentence stating the net (Morsø's "Nettobudgettet for 2024
    udgør ..." stands under "Økonomi" in its area). Never a table row, a page number or the document's title."""
    found: int | None = None
    candidate = None
    for j in range(at - 1, stop, -1):
        line = lines[j]
        text = text_of(line)
        if not text or is_page_furniture(text) or len(line.cells) > 1:
            continue
        level = heading_level(line)
        if level == 0:
            break  # the document's title
        section = vocabulary.match(SECTIONS, text) is not None
        if level is not None:
            if found is None:
                found = j
                if not section:
                    return j
            elif level < (heading_level(lines[found]) or 99):
                return j
            continue
        if candidate is None and is_title_like(line) and not (in_table and section):
            candidate = j
    return found if found is not None else candidate
