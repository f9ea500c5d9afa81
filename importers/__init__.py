"""Importers: documents in, one typed model out.

One module per document kind, each with `KIND`, `evidence(reading) -> Evidence` (how much the
document looks like that kind, read through the vocabulary) and `interpret(reading) ->
ImportResult`. The readers (`importers.readers`) turn any file format into a `Document` of
lines first, page furniture apart, so each kind is parsed once, whatever the format.

    result = importers.parse(Path("reduktion.pdf"))
    explanation = importers.explain(Path("referat.docx"))      # kind, evidence, notes, unused lines

Which kind reads a document: the one whose evidence scores best, at least `THRESHOLD`. Where
other kinds score within `CONTENDER_MARGIN` of it (a catalogue that opens with an overview table
also looks like a list of proposals), each of them reads the document and the reading that uses
the larger share of its lines wins: the kind that explains the document, not just its first table.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

from budgetbook.errors import BudgetbookError, UnknownDocumentError
from budgetbook.model import ImportResult, SourceFile
from importers import budget_remarks, initiative_catalogue, minutes, proposal_forms, reduction_list
from importers.profile import Profile, resolve_profile
from importers.readers import Document, Line, read_document, read_lines
from importers.reading import THRESHOLD, Evidence, Reading
from importers.vocabulary import default as default_vocabulary

# Where two kinds score alike and read the same share of lines, the earlier one reads the document.
IMPORTERS: list[ModuleType] = [reduction_list, proposal_forms, budget_remarks, minutes, initiative_catalogue]
CONTENDER_MARGIN = 0.15  # kinds scoring this close to the best one are tried too
ProfileLike = Profile | Path | str | Mapping[str, object] | None


def kinds() -> list[str]:
    return [importer.KIND for importer in IMPORTERS]


def kind_label(kind: str) -> str:
    """The kind as users call it: "reduction_list" -> "Reduktionsliste"."""
    return default_vocabulary().label("common.kinds", kind)


def reading_of(document: Document, source: SourceFile, profile: Profile | None = None) -> Reading:
    """A `Reading` of a document already read, with the profile's words in the vocabulary."""
    profile = profile or Profile()
    vocabulary = default_vocabulary()
    if profile.words:
        vocabulary = vocabulary.merged(profile.words)
    return Reading(document, source, vocabulary, profile)


def evidences(reading: Reading) -> list[Evidence]:
    """Every kind's evidence from the document's first pages, the most convincing first (ties in registry order)."""
    probe = reading.probe()
    found = [importer.evidence(probe) for importer in IMPORTERS]
    order = {kind: index for index, kind in enumerate(kinds())}
    return sorted(found, key=lambda e: (-e.score, order[e.kind]))


def importer_for(reading: Reading, kind: str | None = None, ranked: list[Evidence] | None = None) -> ModuleType:
    """The importer that reads the document: `kind` if given, else the best one above the threshold
    (`ranked`: the document's `evidences`, when the caller has them already)."""
    kind = kind or reading.profile.kind
    if kind is not None:
        for importer in IMPORTERS:
            if importer.KIND == kind:
                return importer
        raise UnknownDocumentError(f"No kind of document is called {kind!r}", reading.source.path,
                                   hint=f"budgetbook reads: {', '.join(kinds())}.")
    ranked = ranked or evidences(reading)
    best = ranked[0]
    if best.score >= THRESHOLD:
        return next(importer for importer in IMPORTERS if importer.KIND == best.kind)
    raise UnknownDocumentError(
        f"Not recognised as a budget document: it looks most like {kind_label(best.kind)} ({best.kind}, score "
        f"{best.score:.2f} of the {THRESHOLD:.2f} needed): {best.describe()}", reading.source.path,
        hint=f"If it is one, give --kind {best.kind}, or name its words in an import profile (budgetbook.toml).")


def decide(reading: Reading, kind: str | None = None) -> tuple[Reading, ImportResult]:
    """The document read by its kind (forced, or detected; close contenders arbitrated by the share of
    lines each reads): the reading that won, with what it used, and its result."""
    if kind is not None or reading.profile.kind is not None:
        return reading, interpret(reading, importer_for(reading, kind))
    ranked = evidences(reading)
    best = importer_for(reading, ranked=ranked)  # raises for a document of no kind
    contenders = [e.kind for e in ranked if e.score >= max(THRESHOLD, ranked[0].score - CONTENDER_MARGIN)]
    if len(contenders) < 2:
        return reading, interpret(reading, best)
    outcomes: list[tuple[float, int, Reading, ImportResult]] = []
    failure: BudgetbookError | None = None
    for order, contender in enumerate(contenders):
        trial = dataclasses.replace(reading, used=set(), notes=[])
        try:
            result = interpret(trial, importer_for(trial, contender))
        except BudgetbookError as error:
            failure = failure or error
            continue
        share = result.coverage.share if result.coverage else 0.0
        outcomes.append((share, -order, trial, result))
    if not outcomes:
        assert failure is not None
        raise failure
    _, _, trial, result = max(outcomes, key=lambda o: (o[0], o[1]))
    others = ", ".join(f"{kind_label(r.kind)} {s:.0%}" for s, _, _, r in outcomes if r is not result)
    if others:
        trial.note(f"Read as {kind_label(result.kind)}, which uses {result.coverage.share:.0%} of the lines "
                   f"(also scored close: {others})" if result.coverage else f"Also scored close: {others}")
        result = dataclasses.replace(result, notes=tuple(trial.notes))
    return trial, result


def interpret(reading: Reading, importer: ModuleType) -> ImportResult:
    """Run the importer, and add what every result carries: running heads, coverage, notes."""
    result = importer.interpret(reading)
    return dataclasses.replace(result, running_heads=reading.document.heads, coverage=reading.coverage(),
                               notes=tuple(reading.notes), warnings=(*reading.document.warnings, *result.warnings))


def read(path: Path | str, kind: str | None = None, profile: ProfileLike = None) -> tuple[Reading, ImportResult]:
    """The reading (document, vocabulary, profile, what was used) and its result."""
    path = Path(path)
    resolved = resolve_profile(profile, path)
    return decide(reading_of(read_document(path), SourceFile.of(path), resolved), kind)


def parse(path: Path | str, kind: str | None = None, profile: ProfileLike = None) -> ImportResult:
    """Read any supported document; `kind` forces an importer instead of detecting one; `profile` is an
    import profile (a file, a table or a `Profile`; by default `budgetbook.toml` beside the document)."""
    return read(path, kind, profile)[1]


@dataclass(frozen=True)
class Explanation:
    """What `budgetbook extract --explain` shows: the kind and why, what was decided, what was left out."""

    result: ImportResult
    ranked: tuple[Evidence, ...]
    furniture: tuple[Line, ...]
    unused: tuple[Line, ...]
    profile: Profile


def explain(path: Path | str, kind: str | None = None, profile: ProfileLike = None) -> Explanation:
    reading, result = read(path, kind, profile)
    unused = set(result.coverage.unused) if result.coverage else set()
    return Explanation(result, tuple(evidences(reading)), reading.document.furniture,
                       tuple(line for line in reading.lines if line.provenance in unused), reading.profile)


__all__ = ["IMPORTERS", "Document", "Evidence", "Explanation", "Line", "Reading", "decide", "explain", "importer_for",
           "kind_label", "kinds", "parse", "read", "read_document", "read_lines", "reading_of"]
