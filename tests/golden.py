"""Golden-file comparison for importer results: the JSON an importer read, minus what changes per run."""

from __future__ import annotations

import json
from pathlib import Path

from budgetbook.model import ImportResult

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def sample_files(kind: str) -> list[Path]:
    """Every sample document of a kind (not the golden files beside them)."""
    folder = SAMPLES / kind
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and not p.name.endswith(".golden.json") and p.suffix in {".pdf", ".docx", ".xlsx", ".txt"})


def stable_json(result: ImportResult) -> dict[str, object]:
    data = result.to_json()
    source = dict(data["source"])  # type: ignore[arg-type]
    source.pop("imported_at", None)
    data["source"] = source
    return data


def check_golden(result: ImportResult, sample: Path, update: bool) -> None:
    golden = sample.with_name(sample.name + ".golden.json")
    actual = stable_json(result)
    if update or not golden.exists():
        golden.write_text(json.dumps(actual, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        if not update:
            raise AssertionError(f"{golden.name} did not exist and was written; review it and run again")
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert actual == expected, f"{sample.name} no longer reads as {golden.name} (run pytest --update-golden and review the diff)"


# The text form of each seed is committed among the samples, so the tests need no ../shared.
SEED_COPIES = {
    "reduction_list_lejre_2023.txt": SAMPLES / "reduction_list" / "lejre-2023.txt",
    "proposal_forms_lejre_2024-2027.txt": SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.txt",
    "budget_remarks_kalundborg_oeu_2024.txt": SAMPLES / "budget_remarks" / "budget_remarks_kalundborg_oeu_2024.txt",
    "minutes_lejre_bu_2024-08-13.txt": SAMPLES / "minutes" / "minutes_lejre_bu_2024-08-13.txt",
    "initiative_catalogue_part1.txt": SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt",
}


def seed(name: str) -> Path:
    """The committed copy of a seed text from ../shared/seeds."""
    return SEED_COPIES[name]
