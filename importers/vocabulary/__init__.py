"""The words municipalities use, in one place, as data: every importer reads roles through it.

Each TOML file beside this module is a domain (`common`, `lists`, `minutes`, ...); each table in
it a group of roles, each role a list of phrases:

    # lists.toml
    [columns]
    title = ["Overskrift", "Titel", "Forslag", "Tiltag"]      # group "lists.columns", role "title"

Phrases are matched tolerantly and may be templates (`importers.vocabulary.matching`). Adding a
synonym is one line in a TOML file; a municipality's own words come from an import profile
(`Vocabulary.merged`).

    vocabulary = default()
    vocabulary.role("lists.columns", "Forslagets titel")        # -> "title" or None
    hit = vocabulary.search("common.unit_sentences", "Alle tal er i hele tusinde kroner.")
    hit.values["units"]                                         # -> "tkr"
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from budgetbook.errors import ConfigError
from importers.vocabulary.compiled import compiled as compiled_regex
from importers.vocabulary.matching import END, PLACEHOLDERS, START, compile_template, normalize, normalize_with_map

HERE = Path(__file__).resolve().parent
Words = Mapping[str, Mapping[str, Sequence[str]]]  # group -> role -> phrases


@dataclass(frozen=True)
class Hit:
    """Where a phrase of a group matched: its role, the original text it covers, and its captures.

    `captures` are original text ("Børne- og Skoleudvalget"); `values` the same read as what
    their placeholder is: a year as int, a date as ISO text, a group reference as its role.
    """

    role: str
    text: str
    start: int
    end: int
    captures: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class _Compiled:
    regex: re.Pattern[str]
    roles: tuple[tuple[str, str], ...]  # (regex group of the phrase, role), longest phrases first
    names: Mapping[str, str]  # regex group -> capture name
    kinds: Mapping[str, str]  # regex group -> placeholder kind or referenced group
    owner: Mapping[str, str]  # capture regex group -> phrase regex group


class Vocabulary:
    """Groups of roles and their phrases; compiled lazily, cached per group."""

    def __init__(self, words: Words) -> None:
        self._words: dict[str, dict[str, tuple[str, ...]]] = {
            group: {role: tuple(phrases) for role, phrases in roles.items()} for group, roles in words.items()}
        self._compiled: dict[str, _Compiled] = {}
        self._bare: dict[str, str] = {}
        self.match = functools.lru_cache(maxsize=65536)(self._match)
        self.search = functools.lru_cache(maxsize=16384)(self._search)

    # -- what it holds -------------------------------------------------------------------------

    @property
    def groups(self) -> tuple[str, ...]:
        return tuple(self._words)

    def roles(self, group: str) -> tuple[str, ...]:
        return tuple(self._group(group))

    def phrases(self, group: str, role: str) -> tuple[str, ...]:
        return self._group(group).get(role, ())

    def label(self, group: str, role: str) -> str:
        """The first phrase of a role: how budgetbook itself writes it ("Reduktionsliste")."""
        phrases = self.phrases(group, role)
        return phrases[0] if phrases else role

    def merged(self, extra: Words) -> Vocabulary:
        """This vocabulary with more phrases (an import profile's); the extra ones are tried first."""
        words = {group: {role: list(phrases) for role, phrases in roles.items()}
                 for group, roles in self._words.items()}
        for group, roles in extra.items():
            if group not in words:
                raise ConfigError(f"Unknown vocabulary group '{group}'",
                                  hint=f"Known groups: {', '.join(sorted(words))}.")
            for role, phrases in roles.items():
                if isinstance(phrases, str):
                    phrases = [phrases]
                words[group][role] = [*phrases, *words[group].get(role, [])]
        return Vocabulary(words)

    # -- matching ------------------------------------------------------------------------------

    def role(self, group: str, text: object) -> str | None:
        """The role whose phrase is the whole text, or None."""
        hit = self.match(group, _as_text(text))
        return hit.role if hit else None

    def _match(self, group: str, text: str) -> Hit | None:
        normalized, origin = normalize_with_map(text)
        if not normalized:
            return None
        compiled = self._compile(group)
        found = compiled.regex.fullmatch(normalized)
        return self._hit(compiled, found, text, origin) if found else None

    def _search(self, group: str, text: str) -> Hit | None:
        """The first phrase of the group anywhere in the text (the longest where several start there)."""
        normalized, origin = normalize_with_map(text)
        if not normalized:
            return None
        compiled = self._compile(group)
        found = compiled.regex.search(normalized)
        return self._hit(compiled, found, text, origin) if found else None

    def find_all(self, group: str, text: str) -> Iterator[Hit]:
        """Every phrase of the group in the text, left to right, not overlapping."""
        normalized, origin = normalize_with_map(text)
        compiled = self._compile(group)
        for found in compiled.regex.finditer(normalized):
            yield self._hit(compiled, found, text, origin)

    def _hit(self, compiled: _Compiled, found: re.Match[str], text: str, origin: Sequence[int]) -> Hit:
        phrase_group, role = next((g, r) for g, r in compiled.roles if found.group(g) is not None)
        captures: dict[str, str] = {}
        values: dict[str, object] = {}
        for group, name in compiled.names.items():
            if compiled.owner[group] != phrase_group or found.group(group) is None:
                continue
            original = _original(text, origin, found.start(group), found.end(group))
            captures[name] = original
            kind = compiled.kinds[group]
            if kind in PLACEHOLDERS:
                convert = PLACEHOLDERS[kind].convert
                values[name] = convert(original) if convert else original
            else:
                values[name] = self.role(kind, original)
        start, end = found.span()
        return Hit(role, _original(text, origin, start, end), origin[start] if start < len(origin) else len(text),
                   _end_index(text, origin, end), MappingProxyType(captures), MappingProxyType(values))

    def _group(self, group: str) -> dict[str, tuple[str, ...]]:
        try:
            return self._words[group]
        except KeyError:
            raise ConfigError(f"Unknown vocabulary group '{group}'",
                              hint=f"Known groups: {', '.join(sorted(self._words))}.") from None

    def _compile(self, group: str) -> _Compiled:
        compiled = self._compiled.get(group)
        if compiled is not None:
            return compiled
        phrases = [(role, phrase) for role, items in self._group(group).items() for phrase in items]
        # the longest phrase first, so that "1.000 kr." wins over "kr." where both start
        phrases.sort(key=lambda rp: -len(normalize(re.sub(r"[\[\](){}|]", "", rp[1]))))
        alternatives, roles = [], []
        names: dict[str, str] = {}
        kinds: dict[str, str] = {}
        owner: dict[str, str] = {}
        for index, (role, phrase) in enumerate(phrases):
            regex, phrase_names, phrase_kinds = compile_template(phrase, self._bare_regex, prefix=f"p{index}")
            alternatives.append(f"(?P<p{index}>{regex})")
            roles.append((f"p{index}", role))
            names.update(phrase_names)
            kinds.update(phrase_kinds)
            owner.update(dict.fromkeys(phrase_names, f"p{index}"))
        pattern = START + "(?:" + "|".join(alternatives) + ")" + END if alternatives else "(?!x)x"
        try:
            regex = compiled_regex(pattern)
        except re.error as exc:  # pragma: no cover - a phrase the compiler let through
            raise ConfigError(f"Vocabulary group '{group}' does not compile: {exc}") from exc
        compiled = _Compiled(regex, tuple(roles), names, kinds, owner)
        self._compiled[group] = compiled
        return compiled

    def _bare_regex(self, group: str) -> str:
        """A group as one regex without captures, for {group} references inside other phrases."""
        if group not in self._bare:
            phrases = sorted((p for items in self._group(group).values() for p in items),
                             key=lambda p: -len(normalize(p)))
            self._bare[group] = "|".join(compile_template(p, self._bare_regex, capture=False)[0] for p in phrases)
        return self._bare[group]


def _as_text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _original(text: str, origin: Sequence[int], start: int, end: int) -> str:
    if start >= end:
        return ""
    return text[origin[start]:_end_index(text, origin, end)].strip()


def _end_index(text: str, origin: Sequence[int], end: int) -> int:
    """The original index just past the normalised character end-1 ("æ" -> "ae": both point to "æ")."""
    return origin[end - 1] + 1 if end > 0 else 0


def read_words(folder: Path = HERE) -> dict[str, dict[str, list[str]]]:
    """Every group of every TOML file in the folder, named "<file>.<table>"."""
    words: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.glob("*.toml")):
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"The vocabulary file {path.name} is not valid TOML: {exc}") from exc
        for table, roles in data.items():
            if not isinstance(roles, dict):
                raise ConfigError(f"{path.name}: '{table}' must be a table of roles, each a list of phrases")
            group = f"{path.stem}.{table}"
            words[group] = {}
            for role, phrases in roles.items():
                if isinstance(phrases, str):
                    phrases = [phrases]
                if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
                    raise ConfigError(f"{path.name}: [{table}] {role} must be a list of phrases")
                words[group][str(role)] = phrases
    return words


@functools.cache
def default() -> Vocabulary:
    """The vocabulary as shipped (importers/vocabulary/*.toml)."""
    return Vocabulary(read_words())


__all__ = ["Hit", "Vocabulary", "default", "normalize", "read_words"]
