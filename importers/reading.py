"""What an importer is given and what it says back about its reading.

A `Reading` bundles one document as read (`Document`), its `SourceFile`, the vocabulary (with
the import profile's words merged in) and the `Profile`. The importer records in it which
lines became fields (`mark_used`) and what it decided on the way (`note`: the column roles of
a table, the unit, the sign convention), so that `budgetbook extract --explain` and the
Kilder sheet can show what was read and what was left out.

Detection scores evidence: each kind's `evidence(reading)` fills a `Scorecard` with the signs
it looks for, each with a weight; the score is the sum of the weights seen, at most 1. The best
kind at or above `THRESHOLD` reads the document.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field

from budgetbook.model import Coverage, Provenance, SourceFile
from importers.profile import Profile
from importers.readers import Document, Line
from importers.vocabulary import Vocabulary

THRESHOLD = 0.5
PROBE_LINES = 600  # the lines detection looks at: some ten pages


@dataclass(frozen=True)
class Evidence:
    """How much a document looks like one kind: a score from 0 to 1, and what was seen and not seen."""

    kind: str
    score: float
    found: tuple[str, ...] = ()
    missing: tuple[str, ...] = ()

    def describe(self) -> str:
        found = f"found {'; '.join(self.found)}" if self.found else "found nothing of it"
        missing = f"; missing {'; '.join(self.missing)}" if self.missing else ""
        return f"{found}{missing}"


class Scorecard:
    """The signs of one kind in a document; each present sign adds its weight to the score."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self._score = 0.0
        self._found: list[str] = []
        self._missing: list[str] = []

    def sign(self, what: str, weight: float, present: object) -> bool:
        """Count `what` (said as a user would read it) when `present` is truthy; returns whether it was."""
        if present:
            self._score += weight
            self._found.append(what)
        else:
            self._missing.append(what)
        return bool(present)

    @property
    def evidence(self) -> Evidence:
        return Evidence(self.kind, round(min(1.0, self._score), 3), tuple(self._found), tuple(self._missing))


@dataclass
class Reading:
    """One document being read: what the importer is given, and what it records while it reads."""

    document: Document
    source: SourceFile
    vocabulary: Vocabulary
    profile: Profile = field(default_factory=Profile)
    used: set[Provenance] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)

    @property
    def lines(self) -> tuple[Line, ...]:
        return self.document.lines

    def head(self, count: int = 80) -> Sequence[Line]:
        """The first lines of the body: where titles and headers stand."""
        return self.document.lines[:count]

    def mark_used(self, *items: Line | Provenance | None) -> None:
        """Record that these lines became fields (or structure: headings, header rows) of the result."""
        for item in items:
            if item is not None:
                self.used.add(item.provenance if isinstance(item, Line) else item)

    def probe(self, lines: int = PROBE_LINES) -> Reading:
        """This reading cut to its first lines: enough for detection to score, cheap on a 10.000-line list."""
        if len(self.document.lines) <= lines:
            return self
        document = dataclasses.replace(self.document, lines=self.document.lines[:lines])
        return Reading(document, self.source, self.vocabulary, self.profile)

    def title_of_kind(self, kind: str, lines: int = 12) -> str | None:
        """A title among the first lines or the running heads that names the kind ("Referat ...",
        "Besparelseskatalog 2025"): the words of `common.kinds`, at the start of a short line."""
        texts = [line.text for line in self.document.lines[:lines]] + list(self.document.heads)
        for text in texts:
            hit = self.vocabulary.search("common.kinds", text)
            if hit is not None and hit.role == kind and len(text) <= 160 and not text[:hit.start].strip(" #*\t"):
                return text
        return None

    def note(self, text: str) -> None:
        """Something the importer decided that a user may want to check ("Unit: 1.000 kr. (page 1, line 2)")."""
        if text not in self.notes:
            self.notes.append(text)

    def coverage(self) -> Coverage:
        """How many of the body's text lines became part of the result, and which did not."""
        texts = [line for line in self.document.lines if line.text.strip()]
        unused = tuple(line.provenance for line in texts if line.provenance not in self.used)
        return Coverage(lines=len(texts), used=len(texts) - len(unused), unused=unused)
