"""Tolerant matching of the vocabulary's phrases: normalisation, and templates compiled to regexes.

Text is compared in a normalised form: case folded, æ/ø/å written ae/oe/aa, accents dropped
("Resumé" = "Resume"), "%" written "pct", and every run of anything that is not a letter or a digit (punctuation,
hyphens, line breaks, spaces) written as one space. A phrase matches with or without the
spaces inside it ("Investerings behov" = "Investeringsbehov", "t.kr." = "tkr", "1.000 kr." =
"1000 kr"), and always on word boundaries ("i alt" is not found in "specialt").

A phrase may be a template:

    {year}  {date}  {time}  {int}  {number}  {word}  {text}    placeholders (see PLACEHOLDERS)
    {text:committee}                                            ... captured under another name
    {common.units}                                              any phrase of that group
    [optional words]   (one|other)   [one|other]                optional parts and alternatives

Captures are given as the original text they cover, so a committee's name keeps its spelling.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from budgetbook.errors import ConfigError

_TRANSLITERATE = {"æ": "ae", "ø": "oe", "å": "aa", "ß": "ss", "%": " pct ", "‰": " promille "}
_DROP = {"\u00ad"}  # a soft hyphen joins the parts of a word


@functools.lru_cache(maxsize=131072)
def normalize_with_map(text: str) -> tuple[str, tuple[int, ...]]:
    """The normalised text and, for each of its characters, the index of the original character.

    Cached: a document repeats its cells (centers, committees, amounts) and every vocabulary group
    normalises the same cell again."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1
    for index, char in enumerate(text):
        if char in _DROP:
            continue
        lowered = char.casefold()
        if lowered in _TRANSLITERATE:
            folded = _TRANSLITERATE[lowered]
        elif unicodedata.decomposition(char).startswith("<fraction>"):
            folded = " "  # "½" is no "1 2": a fraction stands between words, never as a number's digits
        elif lowered.isascii():
            folded = lowered
        else:
            folded = "".join(c for c in unicodedata.normalize("NFKD", lowered) if not unicodedata.combining(c))
        for piece in folded:
            if piece.isalnum():
                if pending_space >= 0 and out:
                    out.append(" ")
                    origin.append(pending_space)
                pending_space = -1
                out.append(piece)
                origin.append(index)
            elif pending_space < 0:
                pending_space = index
    return "".join(out), tuple(origin)


def normalize(text: str) -> str:
    """The form phrases are compared in: "Ændringsforslag i alt:" -> "aendringsforslag i alt"."""
    return normalize_with_map(text)[0]


# -- templates ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Placeholder:
    """A slot in a template: the regex it matches in normalised text and how its capture is read."""

    pattern: str
    convert: Callable[[str], object] | None = None


def _to_int(text: str) -> int:
    return int(normalize(text).replace(" ", ""))  # "²" (a footnote mark) is read as the digit it shows


def _digits_number(text: str) -> int | float | None:
    from importers.numbers import parse_number  # the Danish number reader, on the original text

    try:
        return parse_number(text)
    except ValueError:
        return None


MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december")
_MONTH_ALTERNATIVES = "|".join(sorted({m for name in MONTHS for m in (name, name[:3])}, key=len, reverse=True))
_DATE = (rf"[0-9]{{1,2}} (?:[0-9]{{1,2}}|{_MONTH_ALTERNATIVES}) (?:[0-9]{{4}}|[0-9]{{2}})(?![0-9])"
         r"|[0-9]{4} [0-9]{1,2} [0-9]{1,2}(?![0-9])"
         r"|[0-9]{2}[0-9]{2}[0-9]{4}(?![0-9])")


def parse_date(text: str) -> str | None:
    """A Danish date as ISO: "12-03-2024", "4. juni 2024", "2024-06-04", "12.3.24"; None if it is none."""
    parts = normalize(text).split(" ")
    if len(parts) == 1 and len(parts[0]) == 8 and parts[0].isdigit():
        parts = [parts[0][:2], parts[0][2:4], parts[0][4:]]
    if len(parts) != 3:
        return None
    if len(parts[0]) == 4:
        year, month, day = parts
    else:
        day, month, year = parts
    if not month.isdigit():
        month = next((str(i) for i, name in enumerate(MONTHS, start=1) if name.startswith(month[:3])), "")
    if not (day.isdigit() and month.isdigit() and year.isdigit()):
        return None
    y, m, d = int(year), int(month), int(day)
    if y < 100:
        y += 2000
    import datetime

    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


PLACEHOLDERS: dict[str, Placeholder] = {
    "year": Placeholder(r"(?:19|20)[0-9]{2}(?![0-9])", _to_int),
    "int": Placeholder(r"[0-9]+(?![0-9])", _to_int),
    "number": Placeholder(r"[0-9]{1,3}(?: [0-9]{3})+(?: [0-9]+)?(?![0-9])|[0-9]+(?: [0-9]+)?(?![0-9])",
                          _digits_number),
    "date": Placeholder(_DATE, parse_date),
    "time": Placeholder(r"[0-9]{1,2} [0-9]{2}(?![0-9])", lambda t: ":".join(p.zfill(2) for p in normalize(t).split())),
    "word": Placeholder(r"[^ ]+"),
    "text": Placeholder(r"[^ ](?:.*?[^ ])?"),
}

# Between two parts of a template: a space, or nothing where a letter meets a digit ("B2025"), or
# nothing where a space already stands or the text ends (around an optional part left out).
_SEP = r"(?: |(?<=[0-9])(?=[^\W\d_])|(?<=[^\W\d_])(?=[0-9])|(?<![^ ])|(?![^ ]))"
START = r"(?<![^ ])"
END = r"(?![^ ])"


@dataclass
class _Compiler:
    """Compiles one template; `groups` resolves {group.name} references; captures get unique names."""

    groups: Callable[[str], str]
    prefix: str = ""
    capture: bool = True
    names: dict[str, str] = field(default_factory=dict)  # regex group name -> capture name
    kinds: dict[str, str] = field(default_factory=dict)  # regex group name -> placeholder kind or group

    def compile(self, template: str) -> str:
        regex, rest = self._sequence(template, 0, ())
        if rest != len(template):
            raise ConfigError(f"Unbalanced bracket in vocabulary phrase {template!r}")
        if not regex:
            raise ConfigError(f"The vocabulary phrase {template!r} has no letters or digits to match",
                              hint="Punctuation is ignored when matching; write the words.")
        return regex

    def _sequence(self, text: str, pos: int, stops: tuple[str, ...]) -> tuple[str, int]:
        items: list[tuple[str, bool]] = []  # (regex, optional)
        literal: list[str] = []

        def flush() -> None:
            words = normalize("".join(literal))
            literal.clear()
            if words:
                items.append((" ?".join(re.escape(c) for c in words.replace(" ", "")), False))

        while pos < len(text) and text[pos] not in stops:
            char = text[pos]
            if char == "{":
                flush()
                end = text.index("}", pos)
                items.append((self._placeholder(text[pos + 1:end]), False))
                pos = end + 1
            elif char in "[(":
                flush()
                close = "]" if char == "[" else ")"
                alternatives = []
                while True:
                    inner, pos = self._sequence(text, pos + 1, ("|", close))
                    alternatives.append(inner)
                    if pos >= len(text) or text[pos] == close:
                        break
                if pos >= len(text):
                    raise ConfigError(f"Unbalanced bracket in vocabulary phrase {text!r}")
                items.append(("(?:" + "|".join(alternatives) + ")", char == "["))
                pos += 1
            elif char in "])|" and not stops:
                raise ConfigError(f"Unbalanced bracket in vocabulary phrase {text!r}")
            else:
                literal.append(char)
                pos += 1
        flush()
        return _join(items), pos

    def _placeholder(self, spec: str) -> str:
        kind, _, name = spec.partition(":")
        kind = kind.strip()
        name = (name or kind.rsplit(".", 1)[-1]).strip()
        if kind in PLACEHOLDERS:
            pattern = PLACEHOLDERS[kind].pattern
        elif "." in kind:
            pattern = self.groups(kind)
        else:
            raise ConfigError(f"Unknown placeholder {{{spec}}} in the vocabulary",
                              hint=f"Use one of {', '.join(PLACEHOLDERS)} or a group such as {{common.units}}.")
        if not self.capture:
            return f"(?:{pattern})"
        group = f"{self.prefix}c{len(self.names)}"
        self.names[group] = name
        self.kinds[group] = kind
        return f"(?P<{group}>{pattern})"


def _join(items: Sequence[tuple[str, bool]]) -> str:
    return _SEP.join(f"(?:{regex})?" if optional else regex for regex, optional in items)


def compile_template(template: str, groups: Callable[[str], str], prefix: str = "",
                     capture: bool = True) -> tuple[str, dict[str, str], dict[str, str]]:
    """The regex of one template (for normalised text), its capture names and their kinds."""
    compiler = _Compiler(groups, prefix, capture)
    return compiler.compile(template), compiler.names, compiler.kinds
