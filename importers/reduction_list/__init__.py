"""Lists of proposals (reduktionsliste, besparelses-, spare-, råderums-, effektiviseringskatalog) from
XLSX, DOCX tables, PDF (ruled or not) and text: every municipality's layout, read by roles.

Steps: the document's lines -> rows (a PDF printed without gridlines put back into columns by word
positions; a text whose cells lost their tabs split into text and figures) -> `structure.ListState`
(header roles through the vocabulary, proposals, group headings, totals and targets) -> records, the
percentages read at the scale their figures agree with (`percent`) -> the list's unit and sign
(`conventions`). Amounts stay as printed; the list's unit and sign go with them (`ListDocument`), and
the workbook converts.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from difflib import SequenceMatcher

from budgetbook.errors import SourceError
from budgetbook.model import ImportResult, Provenance, ReadWarning
from budgetbook.records.reduction import REDUCTIONS, ReductionLine, StatedTotals
from importers.readers import Line
from importers.reading import Evidence, Reading, Scorecard
from importers.reduction_list.columns import Columns, header_to_columns
from importers.reduction_list.conventions import read_conventions
from importers.reduction_list.percent import as_percent, percent_scale
from importers.reduction_list.structure import HOVEDTOTAL, Draft, ListState, Sums
from importers.reduction_list.text_rows import split_number_tails
from importers.reduction_list.unruled import unruled_rows
from importers.vocabulary import Vocabulary

KIND = "reduction_list"
NO_CENTER = "Uden center"

__all__ = ["HOVEDTOTAL", "KIND", "NO_CENTER", "evidence", "header_to_columns", "interpret"]


def evidence(reading: Reading) -> Evidence:
    card = Scorecard(KIND)
    vocabulary = reading.vocabulary
    rows, _ = table_rows(reading.head(120), vocabulary)
    headers = [(i, c) for i, line in enumerate(rows)
               if (c := header_to_columns(line.cells, vocabulary, infer_title=not line.words))]
    named = next((c for _, c in headers if not c.title_inferred), None)
    if not card.sign("a header row naming a title column and year columns", 0.5, named) and headers:
        card.sign("year columns over a column of titles", 0.3, True)
    below = [line for i, _ in headers[:1] for line in rows[i + 1:i + 60]]
    proposals = sum(1 for _, c in headers[:1] for line in below if _looks_like_proposal(line, c))
    card.sign("rows of titles with amounts below it", 0.2, proposals >= 2)
    card.sign("a total or target row (I alt, Total, Sparekrav, Måltal)", 0.1,
              any(_states_a_sum(line, vocabulary) for line in below))
    titles = [line.text for line in reading.head(40) if len(line.cells) == 1] + list(reading.document.heads)
    card.sign("a title of a list of proposals", 0.3, any(_names_a_list(t, vocabulary) for t in titles))
    return card.evidence


def _looks_like_proposal(line: Line, columns: Columns) -> bool:
    return bool(columns.text(line.cells, "title")) and any(line.cell(i) not in (None, "") for i in columns.years.values())


def _states_a_sum(line: Line, vocabulary: Vocabulary) -> bool:
    return any(isinstance(c, str) and (vocabulary.match("common.totals", c) or vocabulary.match("common.targets", c))
               for c in line.cells)


def _names_a_list(text: str, vocabulary: Vocabulary) -> bool:
    hit = vocabulary.search("common.kinds", text)
    return hit is not None and hit.role == KIND


def table_rows(lines: Sequence[Line], vocabulary: Vocabulary) -> tuple[list[Line], dict[Provenance, list[Provenance]]]:
    """The lines as rows of cells: as read where a header is found in them, else put back into columns
    (a PDF printed without gridlines), else split into text and figures (a text that lost its tabs)."""
    joined: dict[Provenance, list[Provenance]] = {}
    if any(header_to_columns(line.cells, vocabulary) for line in lines if not line.words):
        return list(lines), joined  # a table's rows (a worksheet, a Word table, a ruled PDF table)
    if any(line.words for line in lines):  # PDF text lines: their cells are gaps between words, not columns
        return unruled_rows(lines, vocabulary, joined), joined
    return split_number_tails(lines), joined


def interpret(reading: Reading) -> ImportResult:
    source, vocabulary = reading.source, reading.vocabulary
    rows, joined = table_rows(reading.lines, vocabulary)
    state = ListState(vocabulary)
    state.read(rows)
    if state.columns is None:
        raise SourceError(
            "No header row with a title column and year columns (Overskrift/Titel/Forslag/Tiltag ... 2025, 2026) "
            "found", source.path, hint=_no_header_hint(source.path))
    warnings = list(state.warnings)
    records = _records(state, warnings)
    where = (state.title_line or state.header_lines[0]).provenance
    reductions = [r for r in records if r.table == REDUCTIONS] or records  # the sign is the reductions'
    conventions = read_conventions(state.title, state.headers, state.sentences,
                                   [v for r in reductions for v in r.amounts.values() if v is not None],
                                   state.decimals, vocabulary, reading.profile, where)
    warnings.extend(conventions.warnings)
    warnings.extend(rare_spellings_to_warnings(records))
    for line in state.used:
        reading.mark_used(line, *joined.get(line.provenance, ()))
    reading.mark_used(*conventions.used)
    for header, line in zip(state.headers, state.header_lines, strict=True):
        reading.note(f"Columns ({line.provenance.describe().split(', ', 1)[-1]}): {header.describe()}")
    for note in conventions.notes:
        reading.note(note)
    others = {table: _stated(sums) for table, sums in state.sums.items() if table != REDUCTIONS}
    stated = _stated(state.sums[REDUCTIONS], others)
    return ImportResult(KIND, source, tuple(records), tuple(warnings), stated_totals=stated,
                        document=conventions.document)


def _stated(sums: Sums, tables: dict[str, StatedTotals] | None = None) -> StatedTotals:
    return StatedTotals(sums.centers, sums.hovedtotal, sums.provenance, sums.targets, sums.target_labels,
                        sums.target_provenance, tables or {})


def _no_header_hint(path: str) -> str:
    hint = ("budgetbook reads a list by its header: a column of titles (Overskrift, Titel, Forslag, Tiltag) "
            "and at least one year column. If the list calls its columns otherwise, name the words in an import "
            "profile ([words.lists.columns] title = [\"...\"]).")
    if path.lower().endswith(".pdf"):
        hint += " If the PDF was printed from Excel, giving budgetbook the Excel file reads it more surely."
    return hint


def _records(state: ListState, warnings: list[ReadWarning]) -> list[ReductionLine]:
    drafts = state.drafts
    scale = percent_scale([d.pct for d in drafts if d.pct is not None], _years(state))
    bare = [d for d in drafts if d.pct is not None and d.pct.value is not None and not d.pct.typed_percent]
    if bare and not scale.verified:
        warnings.append(ReadWarning(
            "The percentage column's figures could not be checked against amount / budget; they are read as percent",
            bare[0].line.provenance))
    numbered = _numbered_titles(drafts, state.vocabulary)
    homeless = [d for d in drafts if not (d.center or d.group)]
    if homeless:
        warnings.append(ReadWarning(f"{len(homeless)} rows have no center or area, and no total below them names "
                                    f"one; they are filed under '{NO_CENTER}'", homeless[0].line.provenance))
    records = []
    for draft in drafts:
        nr, title = numbered.get(id(draft), (draft.texts["number"], draft.texts["title"]))
        records.append(ReductionLine(
            nr=nr or None, bevillingstekst=draft.texts["bevillingstekst"],
            center=draft.center or draft.group or NO_CENTER, udvalg=draft.texts["udvalg"] or draft.group_udvalg,
            overskrift=title, forklaring=draft.texts["explanation"] or " ".join(state.description.get(id(draft), [])),
            amounts=draft.amounts, budget_base=draft.budget,
            pct_stated=as_percent(draft.pct, scale) if draft.pct else None, provenance=draft.line.provenance,
            period_total=draft.period_total, table=draft.table))
    return records


def _years(state: ListState) -> list[str]:
    return list(dict.fromkeys(year for header in state.headers for year in header.years))


def _numbered_titles(drafts: Sequence[Draft], vocabulary: Vocabulary) -> dict[int, tuple[str, str]]:
    """"12 Fælles indkøb af vikarer" -> ("12", "Fælles indkøb af vikarer"), where the list has no number
    column and numbers most of its titles that way (a title that merely starts with a figure stays)."""
    if any(d.texts["number"] for d in drafts):
        return {}
    split = {}
    for draft in drafts:
        hit = vocabulary.match("lists.numbered_titles", draft.texts["title"])
        if hit is not None and hit.captures.get("title"):
            split[id(draft)] = (str(hit.values["int"]), str(hit.captures["title"]))
    return split if len(split) * 2 > len(drafts) else {}


def rare_spellings_to_warnings(records: Sequence[ReductionLine]) -> list[ReadWarning]:
    """An udvalg written once or twice that resembles a common one ("USS/E" beside "USSÆ") is
    kept as written, but said: a committee sheet of its own is then a typo in the source."""
    counts = Counter(r.udvalg for r in records if r.udvalg)
    warnings = []
    for rare, n in counts.items():
        for common, m in counts.items():
            if m > n and n <= 2 and SequenceMatcher(None, _letters(rare), _letters(common)).ratio() >= 0.75:
                first = next(r for r in records if r.udvalg == rare)
                warnings.append(ReadWarning(
                    f"Udvalg '{rare}' ({n} rows) looks like '{common}' ({m} rows); kept as written: "
                    "correct the source if it is a typo", first.provenance))
                break
    return warnings


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum())

