"""Import profiles: what cannot be guessed from a municipality's documents, said once in a small TOML file.

budgetbook reads most documents with its vocabulary alone. Where a municipality uses its own
words, or prints amounts without saying their unit, a profile beside the documents (or given
with `--profile FILE`) says it:

    # budgetbook.toml (beside the documents)
    kommune = "Tønder Kommune"
    unit = "1.000 kr."                     # amounts are in 1.000 kr. where a document does not say
    sign = "besparelser negative"          # savings are written as negative numbers

    [words.lists.columns]                  # more phrases for a vocabulary group's roles
    title = ["Forslagets navn"]
    center = ["Afdeling"]

    [files."spareliste*.xlsx"]             # settings for some of the documents only
    kind = "reduction_list"
    unit = "kr."

    [[committee]]                          # the committees, as in committees.toml (build reads them)
    name = "Økonomiudvalget"
    short = "ØU"
    aliases = ["Økonomi"]                  # other names the documents use
    areas = ["Administration"]             # areas, centers, sectors whose rows name no udvalg

Keys are checked: a misspelt one is an error that names it and the file.
"""

from __future__ import annotations

import fnmatch
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType

from budgetbook.committee_identity import DECLARATION_KEYS, DeclaredCommittee, read_declaration
from budgetbook.errors import ConfigError

PROFILE_NAME = "budgetbook.toml"
SIGNS = {"savings_positive": ("besparelser positive", "positive", "savings positive", "savings_positive"),
         "savings_negative": ("besparelser negative", "negative", "savings negative", "savings_negative")}
_SETTINGS = ("kind", "unit", "sign")
_TOP_KEYS = {"kommune", "words", "files", "committee", *_SETTINGS}


@dataclass(frozen=True)
class Profile:
    """A municipality's settings for reading its documents; empty: let the vocabulary guess everything."""

    municipality: str = ""
    kind: str | None = None
    unit: str | None = None  # a role of common.units: "kr", "tkr", "mkr"
    sign: str | None = None  # "savings_positive" or "savings_negative"
    words: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    files: tuple[tuple[str, Mapping[str, str]], ...] = ()  # (glob, settings) in file order
    path: Path | None = None
    committees: tuple[DeclaredCommittee, ...] = ()  # [[committee]]: read by build, not by the importers

    @property
    def is_empty(self) -> bool:
        return self == Profile()

    def for_file(self, name: str) -> Profile:
        """This profile with the settings of every `[files."glob"]` table the file name matches."""
        profile = self
        for pattern, settings in self.files:
            if fnmatch.fnmatch(name.casefold(), pattern.casefold()):
                profile = replace(profile, **settings)
        return profile

    def describe(self) -> str:
        where = self.path.name if self.path else "profile"
        said = [f"{key} {getattr(self, key)}" for key in _SETTINGS if getattr(self, key)]
        groups = sum(len(roles) for roles in self.words.values())
        if groups:
            said.append(f"words for {groups} roles")
        if self.committees:
            said.append(f"{len(self.committees)} committees")
        return f"{where}: {', '.join(said) or 'nothing'}"


def read_profile(path: Path) -> Profile:
    """A profile file; a `ConfigError` naming the file and the key for anything wrong in it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"Cannot read the import profile {path}: {exc.strerror or exc}") from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"The import profile {path.name} is not valid TOML: {exc}",
                          hint="See the README's section on import profiles.") from exc
    return profile_from_data(data, path)


def profile_from_data(data: Mapping[str, object], path: Path | None = None) -> Profile:
    name = path.name if path else "the profile"
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ConfigError(f"{name}: unknown key '{sorted(unknown)[0]}'",
                          hint=f"Known keys: {', '.join(sorted(_TOP_KEYS))}.")
    settings = _settings(data, name)
    words = _words(data.get("words", {}), name)
    files = []
    for pattern, table in _table(data.get("files", {}), name, "files").items():
        table = _table(table, name, f'files."{pattern}"')
        extra = set(table) - set(_SETTINGS)
        if extra:
            raise ConfigError(f'{name}: [files."{pattern}"] has unknown key \'{sorted(extra)[0]}\'',
                              hint=f"A file's table may set {', '.join(_SETTINGS)}.")
        files.append((pattern, MappingProxyType(_settings(table, name))))
    municipality = data.get("kommune", "")
    if not isinstance(municipality, str):
        raise ConfigError(f"{name}: kommune must be text")
    return Profile(municipality=municipality, words=words, files=tuple(files), path=path,
                   committees=_committees(data.get("committee", []), name), **settings)


def _committees(value: object, name: str) -> tuple[DeclaredCommittee, ...]:
    if not isinstance(value, list) or not all(isinstance(entry, dict) for entry in value):
        raise ConfigError(f"{name}: committee must be [[committee]] tables with name and short")
    committees = []
    for i, entry in enumerate(value, 1):
        extra = set(entry) - set(DECLARATION_KEYS)
        if extra:
            raise ConfigError(f"{name}: committee[{i}] has unknown key '{sorted(extra)[0]}'",
                              hint=f"A committee may set {', '.join(DECLARATION_KEYS)} (recipients go in "
                                   "committees.toml).")
        committees.append(read_declaration(entry, f"{name}: committee[{i}]", name))
    return tuple(committees)


def _settings(table: Mapping[str, object], name: str) -> dict[str, str]:
    from importers.vocabulary import default

    settings: dict[str, str] = {}
    for key in _SETTINGS:
        value = table.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise ConfigError(f"{name}: {key} must be text, not {value!r}")
        if key == "unit":
            role = default().role("common.units", value)
            if role is None:
                raise ConfigError(f"{name}: unit {value!r} is no unit budgetbook knows",
                                  hint="Write kr., 1.000 kr. or mio. kr.")
            value = role
        elif key == "sign":
            value = next((role for role, words in SIGNS.items() if value.casefold() in words), "")
            if not value:
                raise ConfigError(f"{name}: sign {table[key]!r} is not understood",
                                  hint='Write "besparelser positive" or "besparelser negative".')
        elif key == "kind":
            import importers

            if value not in importers.kinds():
                raise ConfigError(f"{name}: kind {value!r} is no kind budgetbook reads",
                                  hint=f"Kinds: {', '.join(importers.kinds())}.")
        settings[key] = value
    return settings


def _words(value: object, name: str) -> dict[str, dict[str, tuple[str, ...]]]:
    words: dict[str, dict[str, tuple[str, ...]]] = {}
    for domain, tables in _table(value, name, "words").items():
        for table, roles in _table(tables, name, f"words.{domain}").items():
            group = f"{domain}.{table}"
            for role, phrases in _table(roles, name, f"words.{group}").items():
                if isinstance(phrases, str):
                    phrases = [phrases]
                if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                    raise ConfigError(f"{name}: words.{group}.{role} must be a list of phrases")
                words.setdefault(group, {})[role] = tuple(phrases)
    return words


def _table(value: object, name: str, key: str) -> dict[str, object]:
    if not isinstance(value, dict):
        raise ConfigError(f"{name}: [{key}] must be a table")
    return value


def profile_beside(document: Path) -> Profile:
    """The profile in the document's folder (`budgetbook.toml`), or an empty one."""
    candidate = document.resolve().parent / PROFILE_NAME
    return read_profile(candidate) if candidate.is_file() else Profile()


def resolve_profile(value: Profile | Path | str | Mapping[str, object] | None, document: Path) -> Profile:
    """A profile from nothing (the one beside the document, if any), a file, a dict or a `Profile`;
    narrowed to the settings for this document's file name."""
    if value is None:
        profile = profile_beside(document)
    elif isinstance(value, Profile):
        profile = value
    elif isinstance(value, (str, Path)):
        profile = read_profile(Path(value))
    elif isinstance(value, Mapping):
        profile = profile_from_data(value)
    else:
        raise ConfigError(f"A profile must be a file, a table or a Profile, not {type(value).__name__}")
    return profile.for_file(document.name)
