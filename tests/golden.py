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
