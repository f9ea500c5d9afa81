"""An initiative as printed, before its fields are read: the text under each label, as it stood.

Both layout readers (`boxes`, `labelled`) fill a `PrintedRecord`: per field role (the roles of
`catalogue.fields`: title, description, effect, areas, measure_types, source, ...) the lines of
text printed under or beside its label, and the unit a label names ("Effekt (t.kr.)").
`importers.initiative_catalogue.records` then reads the values.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budgetbook.model import Number, Provenance

FIELDS = "catalogue.fields"
STARTS = "catalogue.record_starts"
AREAS = "catalogue.areas"
# Roles whose text runs on over several lines; the others hold one value each.
TEXT_ROLES = frozenset({"title", "description", "consequences", "source", "cost", "udvalg", "area", "areas",
                        "measure_types", "municipality", "hearing"})


@dataclass
class PrintedRecord:
    """One printed initiative: its start, the section it stood in and the text of each field."""

    municipality: str
    provenance: Provenance
    section: str | None
    texts: dict[str, list[str]] = field(default_factory=dict)  # role -> lines as printed
    units: dict[str, str] = field(default_factory=dict)  # role -> unit its label names
    labels: dict[str, str] = field(default_factory=dict)  # role -> its label as printed
    effect_by_year: dict[str, Number | None] = field(default_factory=dict)
    seen: set[str] = field(default_factory=set)  # which labels the record showed
    number: str = ""

    def add(self, role: str, text: str) -> None:
        """More text of a field; a value that runs over several lines (a table cell) adds each line."""
        lines = self.texts.setdefault(role, [])
        lines.extend(part.strip() for part in text.split("\n") if part.strip())

    def text(self, role: str) -> list[str]:
        return self.texts.get(role, [])

    def has(self, role: str) -> bool:
        return bool(self.texts.get(role))
