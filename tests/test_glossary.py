"""The README's glossary names every Danish identifier of the model (as sqlite-utils documents every command)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import re
from pathlib import Path

import budgetbook.records

README = Path(__file__).resolve().parent.parent / "README.md"
# Field names that are English words; anything else in a record is Danish and must be in the glossary.
ENGLISH = {
    "amounts", "budget_base", "pct_stated", "provenance", "centers", "kind", "years", "sections", "lines", "name",
    "net_budget_provenance", "committee", "title", "date", "time", "location", "participants", "number",
    "case_number", "decision", "recommendations", "history", "tables", "headers", "rows", "label", "values",
    "description", "municipality", "effect_tkr", "full_year", "implementation_cost_text", "adopted",
    "measure_types", "affected_areas", "source", "merged_repeats", "printed_records", "center_text", "text",
    "items", "unit", "decimals", "kind_marks", "heading", "summary", "resolution", "page", "line", "file",
    "repeats", "records", "areas", "columns", "caption", "entries", "status", "place", "meeting", "forms",
    "attachments", "decision_authority", "period_total", "targets", "target_labels", "target_provenance",
    "unit_source", "savings_sign", "sign_source", "base_year", "decided_by", "decided_on", "absent", "role",
    "unit_text", "date_from",
    # catalogues, forms and remarks of any municipality (issue 9)
    "area", "consequences", "effect", "effect_by_year", "effect_unit", "net_budget", "other", "other_amounts",
    "savings", "year", "table",
}


def record_fields() -> set[str]:
    names = set()
    for module in pkgutil.iter_modules(budgetbook.records.__path__):
        loaded = importlib.import_module(f"budgetbook.records.{module.name}")
        for value in vars(loaded).values():
            if dataclasses.is_dataclass(value) and value.__module__ == loaded.__name__:
                names.update(f.name for f in dataclasses.fields(value))
    return names


def glossary_identifiers() -> set[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Glossary", 1)[1]
    return set(re.findall(r"`([a-z_]+)`", section))


def test_glossary_names_every_danish_identifier() -> None:
    danish = record_fields() - ENGLISH
    missing = danish - glossary_identifiers()
    assert not missing, f"add these Danish identifiers to the README glossary: {sorted(missing)}"


def test_readme_starts_with_the_two_commands() -> None:
    head = README.read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert "make demo" in head and "make test" in head
