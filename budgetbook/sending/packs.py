"""A packs folder read as data: the `packs.json` manifest and the workbook file of each pack."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.sending.committees import normalise_short

MANIFEST = "packs.json"


@dataclass(frozen=True)
class Pack:
    """One committee's workbook as the pack builder described it in the manifest."""

    udvalg: str
    file: str
    sha256: str
    errors: int
    warnings: int
    path: Path


@dataclass(frozen=True)
class PacksFolder:
    path: Path
    budget_year: str
    created: str
    packs: tuple[Pack, ...]


def read_packs(packs_dir: Path) -> PacksFolder:
    """Read `packs_dir/packs.json`; every pack's file must sit in the folder itself."""
    packs_dir = Path(packs_dir)
    manifest = packs_dir / MANIFEST
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError("No packs manifest", manifest,
                          "Build the packs first (budgetbook packs Budget.xlsx -o DIR).") from None
    except json.JSONDecodeError as error:
        raise SourceError(f"The packs manifest is not valid JSON ({error})", manifest,
                          "Rebuild the packs.") from None
    if not isinstance(data, dict) or not isinstance(data.get("packs"), list):
        raise SourceError("The packs manifest has no list 'packs'", manifest, "Rebuild the packs.")
    budget_year = str(data.get("budget_year", "")).strip()
    if not budget_year:
        raise SourceError("The packs manifest has no budget_year", manifest, "Rebuild the packs.")
    packs = tuple(_entry_to_pack(entry, packs_dir, f"{manifest}, packs[{i}]")
                  for i, entry in enumerate(data["packs"]))
    shorts = [p.udvalg for p in packs]
    for short in shorts:
        if shorts.count(short) > 1:
            raise SourceError(f"Committee '{short}' has two packs", manifest, "Rebuild the packs.")
    return PacksFolder(packs_dir, budget_year, str(data.get("created", "")), packs)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _entry_to_pack(entry: object, packs_dir: Path, where: str) -> Pack:
    if not isinstance(entry, dict):
        raise SourceError("Expected an object with udvalg, file, sha256, errors, warnings", where)
    try:
        udvalg, file, sha256 = (str(entry[k]) for k in ("udvalg", "file", "sha256"))
        errors, warnings = int(entry.get("errors", 0)), int(entry.get("warnings", 0))
    except (KeyError, TypeError, ValueError) as error:
        raise SourceError(f"Missing or bad field {error}", where, "Rebuild the packs.") from None
    if Path(file).name != file or file in ("", ".", ".."):
        raise SourceError(f"Pack file '{file}' must be a plain file name inside the packs folder", where)
    return Pack(normalise_short(udvalg), file, sha256.lower(), errors, warnings, _find_file(packs_dir, file))


def _find_file(packs_dir: Path, name: str) -> Path:
    """The file as named, or its NFC/NFD twin (a folder copied from a Mac spells 'å' as 'a' + ring)."""
    exact = packs_dir / name
    if exact.exists() or not packs_dir.is_dir():
        return exact
    wanted = unicodedata.normalize("NFC", name)
    for candidate in packs_dir.iterdir():
        if unicodedata.normalize("NFC", candidate.name) == wanted:
            return candidate
    return exact
