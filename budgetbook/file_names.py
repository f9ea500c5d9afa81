"""File names made from document text (a committee's short name): safe on every system, unique in a folder.

The committee packs (`ØU.xlsx`) and the dry-run outbox (`ØU.eml`) both name their files here, so
"USS/E" is `USS-E.xlsx` and `USS-E.eml`, and a name such as "../../x" can never leave its folder.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 100


def safe_stem(text: str, fallback: str = "Udvalg") -> str:
    """A file name without suffix that any system accepts and that still reads as `text`.

    Path separators, Windows' forbidden characters and control characters become "-"; leading
    and trailing dots and spaces go (so no "..", no hidden file); Windows' device names get a "_".
    """
    name = _UNSAFE.sub("-", unicodedata.normalize("NFC", text)).strip(" .") or fallback
    if name.split(".")[0].strip().upper() in _RESERVED:
        name += "_"
    return name[:MAX_STEM].rstrip(" .") or fallback


def unique_file_names(texts: Iterable[str], suffix: str) -> dict[str, str]:
    """text -> `safe_stem(text) + suffix`, numbered " (2)", " (3)" where two would share a file
    (names compare without case, as on Windows and macOS)."""
    names: dict[str, str] = {}
    taken: set[str] = set()
    for text in texts:
        stem = safe_stem(text)
        name = f"{stem}{suffix}"
        number = 2
        while name.casefold() in taken:
            name = f"{stem} ({number}){suffix}"
            number += 1
        taken.add(name.casefold())
        names[text] = name
    return names
