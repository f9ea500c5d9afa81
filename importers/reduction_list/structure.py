"""A list's rows told apart: proposals, group headings, group totals, the grand total and targets.

Below a header (`columns.header_to_columns`) every line is one of:
- a header again (a new page, or a new table with other columns);
- a group heading: one text alone on its line, where the list has no center column ("Børneområdet",
  "Socialforvaltningen", "Økonomi- og Erhvervsudvalget"): the rows below belong to it, and a heading
  that names a committee gives them their udvalg too;
- a target: a label of `common.targets` ("Sparekrav ved 0,3%", "Reduktionskrav", "Måltal for ..."):
  what the group above must save, or the whole list when it says "i alt" or stands outside a group;
- a total: a label of `common.totals` ("CJS Total", "Socialforvaltningen i alt", "I alt", "Hovedtotal"),
  or a row of figures with no text at all, or a row without number whose figures equal the sum of the
  rows above it in its group: the total of the group it names or closes, or of the whole list;
- a proposal: a title or a number, and amounts;
- a table heading (`lists.tables`: "Forslag til driftsønsker", "Anlægsønsker") after a total: the rows below
  belong to a table of another meaning than the reductions, and its totals are that table's;
- anything else (a sentence, a note) is prose, kept for the unit and sign (`conventions`).
Stated totals and targets are kept apart from the rows: they check the workbook, they are never data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from budgetbook.model import Number, Provenance, ReadWarning
from budgetbook.records.reduction import REDUCTIONS
from importers.cleanup import one_line
from importers.numbers import format_number, is_number, parse_number
from importers.readers import Cell, Line
from importers.reduction_list.columns import Columns, header_to_columns
from importers.reduction_list.percent import PercentRow
from importers.vocabulary import Vocabulary, normalize

HOVEDTOTAL = "Hovedtotal"
# A committee heading: Danish committee names end in these words ("Økonomi- og Erhvervsudvalget"); a
# suffix inside a compound word is a shape the vocabulary's word-aligned phrases cannot say.
_COMMITTEE_ENDINGS = ("udvalget", "udvalg", "byraadet", "kommunalbestyrelsen", "regionsraadet")


@dataclass
class Draft:
    """A proposal row as read, before the group it belongs to is known for certain."""

    line: Line
    texts: dict[str, str]  # number, bevillingstekst, center, udvalg, title, explanation
    amounts: dict[str, Number | None]
    budget: Number | None
    period_total: Number | None
    pct: PercentRow | None
    group: str  # the heading it stands under ("" for none)
    group_udvalg: str
    center: str = ""  # the center column's text, or the name a total below gave it
    table: str = REDUCTIONS  # the table it stands in (`lists.tables`)


@dataclass
class Sums:
    """What one table of the list states: its groups' totals, its grand total and its targets."""

    centers: dict[str, dict[str, Number]] = field(default_factory=dict)
    hovedtotal: dict[str, Number] = field(default_factory=dict)
    provenance: dict[str, Provenance] = field(default_factory=dict)
    targets: dict[str, dict[str, Number]] = field(default_factory=dict)
    target_labels: dict[str, str] = field(default_factory=dict)
    target_provenance: dict[str, Provenance] = field(default_factory=dict)


@dataclass
class ListState:
    """Everything read so far; `open` holds the rows since the last total."""

    vocabulary: Vocabulary
    columns: Columns | None = None
    headers: list[Columns] = field(default_factory=list)
    header_lines: list[Line] = field(default_factory=list)
    title: str = ""
    title_line: Line | None = None
    sentences: list[Line] = field(default_factory=list)
    group: str = ""
    group_udvalg: str = ""
    drafts: list[Draft] = field(default_factory=list)
    open: list[Draft] = field(default_factory=list)
    table: str = REDUCTIONS  # the table being read; what each table states is in `sums`
    sums: dict[str, Sums] = field(default_factory=lambda: {REDUCTIONS: Sums()})
    warnings: list[ReadWarning] = field(default_factory=list)
    decimals: int = 0
    used: list[Line] = field(default_factory=list)
    describing: Draft | None = None  # the proposal whose description below the table is being read
    description: dict[int, list[str]] = field(default_factory=dict)  # id(draft) -> its description's lines

    @property
    def stated(self) -> Sums:
        """What the table being read states."""
        return self.sums[self.table]

    @property
    def hovedtotal(self) -> dict[str, Number]:
        return self.stated.hovedtotal

    def read(self, lines: Sequence[Line]) -> None:
        for line in lines:
            if self.read_line(line):
                self.used.append(line)

    def read_line(self, line: Line) -> bool:
        """Read one line; whether it became part of the result (a header, title, row, total or target)."""
        cells = line.cells
        if not any(c not in (None, "") for c in cells):
            return False
        header = header_to_columns(cells, self.vocabulary, infer_title=not line.words)
        if header is not None:
            if header.misprint:
                self.warnings.append(ReadWarning(header.misprint, line.provenance))
            self.columns = header
            self.headers.append(header)
            self.header_lines.append(line)
            if header.area:
                self._heading(header.area)
            return True
        if self.columns is None:
            return self._preamble(line)
        return self._row(line, self.columns)

    # -- before the table ------------------------------------------------------------------

    def _preamble(self, line: Line) -> bool:
        text = one_line(line.text)
        if self.title and len([c for c in line.cells if c not in (None, "")]) == 1:
            if self._table_heading(text) or self.vocabulary.match("lists.tables", text) is not None:
                return True  # "Forslag til budgetreduktioner" under the title: the first table's heading
            if _is_committee(text):
                self._heading(text)  # "Skoleudvalget" above the first table: the committee its rows are of
                return True
        self.sentences.append(line)
        if not self.title and len([c for c in line.cells if c not in (None, "")]) == 1 and not is_number(text):
            self.title, self.title_line = text, line
            return True
        return False

    # -- in the table ----------------------------------------------------------------------

    def _row(self, line: Line, columns: Columns) -> bool:
        cells = line.cells
        amounts = self._amounts(columns, cells, line.provenance)
        filled = [(i, one_line(c)) for i, c in enumerate(cells) if c not in (None, "") and one_line(c)]
        labels = [(i, text) for i, text in filled if i not in columns.amount_columns and not is_number(text)]
        has_amounts = any(v is not None for v in amounts.values())
        if has_amounts and len(labels) == 1:
            text = labels[0][1]
            if self.vocabulary.match("common.targets", text) is not None:
                self._target(text, amounts, line.provenance)
                return True
            total = self.vocabulary.match("common.totals", text)
            if total is not None:
                self._total(str(total.captures.get("name", "")) if total.role == "group" else "", amounts,
                            line.provenance)
                return True
        if has_amounts and self._target_in_title(columns, cells, labels, amounts, line.provenance):
            return True
        if not has_amounts:
            return self._text_row(line, columns, filled)
        texts = {role: columns.text(cells, role) for role in
                 ("number", "bevillingstekst", "center", "udvalg", "title", "explanation")}
        if not texts["title"] and not texts["number"] and not labels:
            self._total("", amounts, line.provenance)  # a row of figures alone: the total of what it closes
            return True
        if not texts["number"] and self.open and self.vocabulary.match("lists.parts", texts["title"]) is not None:
            self._part_of_previous(texts["title"], amounts, line)
            return True
        if not texts["number"] and self._sums_the_group(amounts):
            self.warnings.append(ReadWarning(
                f"'{texts['title']}' is read as a subtotal: its figures are the sum of the {len(self.open)} rows "
                "above it", line.provenance))
            self._total("", amounts, line.provenance)
            return True
        self._proposal(line, columns, texts, amounts)
        return True

    def _part_of_previous(self, title: str, amounts: dict[str, Number | None], line: Line) -> None:
        """"heraf skolernes renoveringspulje 5,5" under a proposal: a part of it, said in its explanation."""
        draft = self.open[-1]
        figures = ", ".join(f"{year}: {format_number(value, _decimals(value, value))}"
                            for year, value in amounts.items() if value is not None)
        part = f"{title}: {figures}" if figures else title
        draft.texts["explanation"] = f"{draft.texts['explanation']} ({part})".strip() if draft.texts["explanation"] else part
        self.warnings.append(ReadWarning(f"'{title}' is read as a part of '{draft.texts['title']}' above it, not as a "
                                         "proposal of its own", line.provenance))

    def _target_in_title(self, columns: Columns, cells: Sequence[Cell], labels: list[tuple[int, str]],
                         amounts: dict[str, Number | None], where: Provenance) -> bool:
        """A target written in the title column, its group in the udvalg or center column beside it
        ("Økonomiudvalget | | Måltal | 4.200 ..."): a target of that group, never a proposal."""
        title = columns.text(cells, "title")
        if not title or self.vocabulary.match("common.targets", title) is None:
            return False
        beside = {i for i, _ in labels} - {columns.index.get("title")}
        if not beside <= {columns.index.get(role) for role in ("udvalg", "center", "number")}:
            return False
        group = columns.text(cells, "center") or columns.text(cells, "udvalg")
        self._target(title, amounts, where, group)
        return True

    def _text_row(self, line: Line, columns: Columns, filled: list[tuple[int, str]]) -> bool:
        """A line without figures: a group heading, the title again, a proposal's description, or a sentence."""
        text = " ".join(t for _, t in filled)
        if self._table_heading(text):
            return True
        kind = self.vocabulary.search("common.kinds", text)
        if normalize(text) == normalize(self.title) or (kind is not None and kind.role == "reduction_list"):
            return True  # the list's title, printed again on a new page
        if self._describes(text):
            return True
        if (len(filled) != 1 or "center" in columns.index or self.hovedtotal or len(text) > 120
                or text.endswith((".", ":"))):
            self.sentences.append(line)
            return False
        self._heading(text)
        return True

    def _table_heading(self, text: str) -> bool:
        """A heading that starts a table of another meaning, before the first row or where the rows above
        are closed by a total ("I alt", then "Forslag til driftsønsker"): its rows and totals are that table's."""
        hit = self.vocabulary.match("lists.tables", text)
        if hit is None or hit.role == self.table or self.open:
            return False
        self.table = hit.role
        self.sums.setdefault(hit.role, Sums())
        self.describing = None
        return True

    def _describes(self, text: str) -> bool:
        """A catalogue that describes its proposals below the table: a proposal's title alone on a line
        starts its description, and the lines after it are that description."""
        key = normalize(text)
        titled = next((d for d in self.drafts if key in (normalize(d.texts["title"]),
                                                         normalize(f"{d.texts['number']} {d.texts['title']}"))), None)
        if titled is not None and self.hovedtotal:
            self.describing = titled
            return True
        if self.describing is not None and not self.describing.texts["explanation"]:
            self.description.setdefault(id(self.describing), []).append(text)
            return True
        return False

    def _heading(self, text: str) -> None:
        self.group = text
        self.group_udvalg = text if _is_committee(text) else ""
        self.open = []

    def _proposal(self, line: Line, columns: Columns, texts: dict[str, str],
                  amounts: dict[str, Number | None]) -> None:
        where = line.provenance
        pct_cell = columns.cell(line.cells, "pct")
        pct = None
        if "pct" in columns.index:
            typed = isinstance(pct_cell, str) and pct_cell.strip().endswith("%")
            value = parse_number(pct_cell, where, percent=True)
            budget = parse_number(columns.cell(line.cells, "budget"), where)
            pct = PercentRow(value, typed, budget, dict(amounts))
        draft = Draft(line, texts, amounts, parse_number(columns.cell(line.cells, "budget"), where),
                      self._number(columns.cell(line.cells, "period_total"), where), pct, self.group,
                      self.group_udvalg, texts["center"], self.table)
        self.drafts.append(draft)
        self.open.append(draft)

    def _amounts(self, columns: Columns, cells: Sequence[Cell], where: Provenance) -> dict[str, Number | None]:
        return {year: self._number(cells[i] if i < len(cells) else None, where) for year, i in columns.years.items()}

    def _number(self, cell: Cell, where: Provenance) -> Number | None:
        value = parse_number(cell, where)
        if value is not None:
            self.decimals = max(self.decimals, _decimals(cell, value))
        return value

    def _sums_the_group(self, amounts: dict[str, Number | None]) -> bool:
        rows = [d for d in self.open if d.group == self.group]
        if len(rows) < 2 or not any(amounts.values()):
            return False
        for year, value in amounts.items():
            if value is None:
                continue
            if abs(sum(d.amounts.get(year) or 0 for d in rows) - value) > 1e-9:
                return False
        return True

    # -- totals and targets ----------------------------------------------------------------

    def _total(self, name: str, amounts: dict[str, Number | None], where: Provenance) -> None:
        stated = {year: value for year, value in amounts.items() if value is not None}
        group = self._group_of_total(name)
        sums = self.stated
        if group is None:
            if sums.hovedtotal:
                self.warnings.append(ReadWarning("A second grand total; the last one is kept", where))
            sums.hovedtotal, sums.provenance[HOVEDTOTAL] = stated, where
        else:
            if group in sums.centers:
                self.warnings.append(ReadWarning(f"A second total of '{group}'; the last one is kept", where))
            sums.centers[group], sums.provenance[group] = stated, where
            for draft in self.open:
                if not draft.center and not draft.group:
                    draft.center = group
                elif (draft.center or draft.group) != group:
                    self.warnings.append(ReadWarning(
                        f"A row of '{draft.center or draft.group}' stands above the total of '{group}'",
                        draft.line.provenance))
        self.open = []

    def _group_of_total(self, name: str) -> str | None:
        """The group a total closes (its name, or the group of the rows above it), or None for the grand total.
        A total named after a column ("Forslag i alt" under the column "Forslag") names no group."""
        if name and self.header_lines and normalize(name) in {normalize(str(c)) for c in self.header_lines[-1].cells if c}:
            name = ""
        if name:
            known = self._known_group(name)
            if known:
                return known
            if not self.open:
                return None
            return name
        if not self.open:
            return None
        if self.group:
            return self.group
        if len(self.open) == sum(1 for d in self.drafts if d.table == self.table):
            return None  # no total before it in its table: the table's own total
        centers = {d.center for d in self.open}
        return centers.pop() if len(centers) == 1 and "" not in centers else None

    def _known_group(self, name: str) -> str | None:
        key = normalize(name)
        for draft in reversed(self.drafts):
            for candidate in (draft.center, draft.group):
                if candidate and normalize(candidate) == key:
                    return candidate
        return self.group if self.group and normalize(self.group) == key else None

    def _target(self, label: str, amounts: dict[str, Number | None], where: Provenance, group: str = "") -> None:
        """A target of the list (`HOVEDTOTAL`), of the group the rows above it are in, or of `group` where
        the row names it."""
        whole_list = self.vocabulary.search("lists.scopes", label) is not None  # "Reduktionskrav i alt"
        scope = HOVEDTOTAL if whole_list else group or self.group or HOVEDTOTAL
        sums = self.stated
        if scope in sums.targets:
            self.warnings.append(ReadWarning(f"A second target for '{scope}'; the last one is kept", where))
        sums.targets[scope] = {year: value for year, value in amounts.items() if value is not None}
        sums.target_labels[scope], sums.target_provenance[scope] = label, where


def _is_committee(text: str) -> bool:
    words = normalize(text).split()
    return bool(words) and words[-1].endswith(_COMMITTEE_ENDINGS)


def _decimals(cell: Cell, value: Number) -> int:
    """How many decimals the figure is printed with: "6,5" -> 1, 1250 -> 0."""
    if isinstance(cell, str):
        body = cell.strip().rstrip("%").strip()
        return len(body.rsplit(",", 1)[1].strip(" )")) if "," in body else 0
    exponent = Decimal(str(value)).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0
