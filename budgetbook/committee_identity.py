"""One committee (udvalg), however a document writes it: the identity every grouping by udvalg uses.

Documents name a committee in their own way: "Økonomiudvalget" in one, "ØU" in another, also
"Økonomi-udvalget", "Økonomiudvalg", "Børne- og Ungeudvalget" beside "Børne og Ungeudvalget". The
user declares the committees once (`[[committee]]` in committees.toml, or in the import profile
budgetbook.toml) with `name`, `short`, optional `aliases` and the `areas` (centers, areas, sectors,
"Område", "Politikområde") whose rows carry no udvalg:

    [[committee]]
    name = "Økonomiudvalget"
    short = "ØU"
    aliases = ["Økonomi"]
    areas = ["CBD", "Administration"]

- `committee_key(text)` is the one comparison: Unicode NFC, case, hyphens and spaces, "&" for "og",
  æ/ø/å as ae/oe/aa, and an "udvalget"/"udvalg" ending do not count. Other punctuation does: a
  footnote star ("ØU*") stays a name of its own.
- `CommitteeNames.identify(names)` gives every name read from the documents its committee: a declared
  one by its short name (or its name where it has no short), else the names that share a key are one
  committee under their most frequent spelling (of equals, one not in capitals, then the first read).
  A short name and a full name that nobody declared stay apart; `undeclared_pairs` finds them ("ØU"
  beside "Økonomiudvalget": the initials agree) so build can tell the user what to declare.
- `CommitteeNames.committee_for_area(area)` is the declared committee of an area, for rows without udvalg.

The records keep the name as the document printed it; only grouping goes through here.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from budgetbook.errors import ConfigError

DECLARATION_KEYS = ("name", "short", "aliases", "areas")
_JOINERS = re.compile(r"[\s\u00ad\u2010-\u2015\-_]+")  # spaces, soft hyphens, hyphens and dashes
_TRANSLITERATE = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_ENDING = "udvalg"
_SMALL_WORDS = {"og", "for", "i", "af", "til", "&", "samt"}
_WORD = re.compile(r"[^\W\d_]+")


def committee_key(name: str) -> str:
    """What two spellings of one committee have in common: "Økonomi-udvalget" -> "oekonomi"."""
    text = unicodedata.normalize("NFC", name).casefold().replace("&", "og")
    text = _JOINERS.sub("", text).translate(_TRANSLITERATE).replace("udvalget", _ENDING)
    if text.endswith(_ENDING) and len(text) > len(_ENDING):
        text = text[: -len(_ENDING)]
    return text


def area_key(area: str) -> str:
    """How areas compare: Unicode NFC, case, hyphens and spaces do not count ("Ældre & Sundhed")."""
    return _JOINERS.sub("", unicodedata.normalize("NFC", area).casefold()).translate(_TRANSLITERATE)


@dataclass(frozen=True)
class DeclaredCommittee:
    """A committee as the user declared it; `label` is what sheets, packs and mails call it."""

    name: str
    short: str = ""
    aliases: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()
    declared_in: str = ""

    @property
    def label(self) -> str:
        return self.short or self.name

    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.name, self.short, *self.aliases) if n)


def read_declaration(entry: Mapping[str, object], where: str, declared_in: str = "") -> DeclaredCommittee:
    """The identity part of a `[[committee]]` table (other keys are the caller's to check)."""
    texts = {}
    for key in ("name", "short"):
        value = entry.get(key, "")
        if not isinstance(value, str) or _has_control(value):
            raise ConfigError(f"{where}.{key}: expected one line of text in quotes, got {value!r}")
        texts[key] = unicodedata.normalize("NFC", value.strip())
    if not texts["name"]:
        raise ConfigError(f"{where}.name: required, and must not be empty")
    lists = {}
    for key in ("aliases", "areas"):
        value = entry.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() and not _has_control(v)
                                                  for v in value):
            raise ConfigError(f"{where}.{key}: expected a list of names in quotes, like [\"Økonomi\"], got {value!r}")
        lists[key] = tuple(unicodedata.normalize("NFC", v.strip()) for v in value)
    return DeclaredCommittee(texts["name"], texts["short"], lists["aliases"], lists["areas"], declared_in)


def _has_control(text: str) -> bool:
    return any(ord(c) < 32 or ord(c) == 127 for c in text)


@dataclass(frozen=True)
class Identity:
    """Every name a book's documents use, mapped to its committee's label; and what to tell the user."""

    labels: Mapping[str, str]  # name as printed -> label
    pairs: tuple[tuple[str, str], ...] = ()  # (short, full) names nobody declared that may be one committee
    names: CommitteeNames | None = None  # the declarations it was made from (areas, where to declare)

    def label(self, printed: str) -> str:
        """The committee of a name read from a document ("" for none)."""
        if not printed or not printed.strip():
            return ""
        return self.labels.get(printed) or self.labels.get(printed.strip()) or printed.strip()

    def of(self, printed: str, *areas: str) -> str:
        """The committee of a record: by the udvalg it names, else by its area(s) as declared; "" if neither."""
        if printed and printed.strip():
            return self.label(printed)
        return self.names.committee_for_area(*areas) if self.names is not None else ""

    def note(self, printed: str, *areas: str) -> str:
        """What a row's source column adds when its committee is not the name it printed: '' when it is."""
        label = self.of(printed, *areas)
        if printed and printed.strip():
            return "" if label == printed else f"udvalg i kilden: {printed.strip()}"
        if label:
            area = next(a for a in areas if a and self.names and self.names.committee_for_area(a) == label)
            return f"udvalg efter området {area}"
        return ""

    def warnings(self) -> list[str]:
        where = (self.names or NO_COMMITTEES).where()
        return [f"Udvalg '{short}' and '{full}' are kept apart as two committees; if they are one, add "
                f"[[committee]] name = \"{full}\" short = \"{short}\" to {where} and build again"
                for short, full in self.pairs]


@dataclass(frozen=True)
class CommitteeNames:
    """The committees the user declared (possibly none), and how names and areas find them."""

    declared: tuple[DeclaredCommittee, ...] = ()

    def __post_init__(self) -> None:
        seen: dict[str, DeclaredCommittee] = {}
        for committee in self.declared:
            for name in committee.names():
                other = seen.setdefault(committee_key(name), committee)
                if other.label != committee.label:
                    raise ConfigError(f"{committee.declared_in or 'committees.toml'}: the name '{name}' of "
                                      f"{committee.label} is also a name of {other.label} "
                                      f"({other.declared_in or 'committees.toml'}); give each name to one committee")
        areas: dict[str, DeclaredCommittee] = {}
        for committee in self.declared:
            for area in committee.areas:
                other = areas.setdefault(area_key(area), committee)
                if other.label != committee.label:
                    raise ConfigError(f"{committee.declared_in or 'committees.toml'}: the area '{area}' is given "
                                      f"to both {other.label} and {committee.label}; give it to one committee")
        object.__setattr__(self, "_by_name", seen)
        object.__setattr__(self, "_by_area", areas)

    def where(self) -> str:
        """Where the user declares committees (named in messages)."""
        sources = list(dict.fromkeys(c.declared_in for c in self.declared if c.declared_in))
        return " or ".join(sources) if sources else "committees.toml (or budgetbook.toml)"

    def find(self, printed: str) -> DeclaredCommittee | None:
        return self._by_name.get(committee_key(printed)) if printed.strip() else None  # type: ignore[attr-defined]

    def committee_for_area(self, *areas: str) -> str:
        """The label of the committee the first of `areas` that is declared belongs to; "" if none is."""
        for area in areas:
            found = self._by_area.get(area_key(area)) if area and area.strip() else None  # type: ignore[attr-defined]
            if found is not None:
                return found.label
        return ""

    def identify(self, names: Iterable[str]) -> Identity:
        """Each name (as printed, counted as often as it occurs) -> its committee's label."""
        counts = Counter(n for n in names if n and n.strip())
        labels: dict[str, str] = {}
        undeclared: dict[str, Counter[str]] = {}
        for name, count in counts.items():
            committee = self.find(name)
            if committee is not None:
                labels[name] = committee.label
            else:
                undeclared.setdefault(committee_key(name), Counter())[name.strip()] += count
        chosen: dict[str, str] = {}
        for key, spellings in undeclared.items():  # the most frequent; of equals, not in capitals, then the first read
            order = list(spellings)
            chosen[key] = min(order, key=lambda s: (-spellings[s], s.isupper() or s.islower(), order.index(s)))
        for name in counts:
            if name not in labels:
                labels[name] = chosen[committee_key(name)]
        return Identity(labels, undeclared_pairs(sorted(set(chosen.values()))), self)


def undeclared_pairs(names: list[str]) -> tuple[tuple[str, str], ...]:
    """(short, full) among `names` where the short name is the full name's initials: "ØU" and
    "Økonomiudvalget", "UBU" and "Udvalget for Børn og Ungdom", "BU" and "Børne- og Ungeudvalget"."""
    pairs = []
    for short in names:
        if not _looks_short(short):
            continue
        for full in names:
            if full != short and not _looks_short(full) and committee_key(short) in _initials(full):
                pairs.append((short, full))
    return tuple(pairs)


def _looks_short(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 1 < len(letters) <= 6 and " " not in name.strip() and sum(c.isupper() for c in letters) >= 2


def _initials(full: str) -> set[str]:
    """The keys a short name for `full` could have: its words' first letters, with and without the
    "udvalg" a compound ends in ("Økonomiudvalget" -> "oeu", "oe")."""
    words = [w for w in _WORD.findall(unicodedata.normalize("NFC", full).casefold()) if w not in _SMALL_WORDS]
    letters = []
    for word in words:
        stem = re.sub(r"udvalg(et)?$", "", word)
        letters.append(word[0])
        if stem and stem != word:
            letters.append("u")  # the "udvalg" inside the compound
    with_u = "".join(letters)
    without = "".join(w[0] for w in words if re.sub(r"udvalg(et)?$", "", w))
    return {committee_key(with_u), committee_key(without)}


NO_COMMITTEES = CommitteeNames()


def declared(entries: Iterable[DeclaredCommittee]) -> CommitteeNames:
    """The committees of several declarations (committees.toml and profiles), one entry per label:
    a committee declared twice under one label keeps the first name, and its aliases and areas add up."""
    merged: dict[str, DeclaredCommittee] = {}
    for entry in entries:
        key = committee_key(entry.label)
        if key in merged:
            first = merged[key]
            merged[key] = DeclaredCommittee(first.name, first.short or entry.short,
                                            tuple(dict.fromkeys(first.aliases + entry.aliases
                                                                + ((entry.name,) if entry.name != first.name else ()))),
                                            tuple(dict.fromkeys(first.areas + entry.areas)), first.declared_in)
        else:
            merged[key] = entry
    return CommitteeNames(tuple(merged.values()))


__all__ = ["DECLARATION_KEYS", "NO_COMMITTEES", "CommitteeNames", "DeclaredCommittee", "Identity", "area_key",
           "committee_key", "declared", "read_declaration", "undeclared_pairs"]
