"""Control characters out of document text, said in a warning: the one step every reader's lines pass.

A NUL or another control character inside a field (a PDF's broken font map, a Word field code, an
export that wrote binary junk) reached the workbook writer and crashed build: XML, and so Excel,
cannot hold them. They carry no meaning a reader of the document sees, so they are removed where
text enters budgetbook (`importers.readers.read_document`), and each line that had one says so.
Tab and line break stay; so does every printable character.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from budgetbook.model import ReadWarning
from importers.readers import Line

# C0 controls but tab and line feed, DEL, and the two code points XML forbids outright.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\ufffe\uffff]")
MAX_WARNINGS = 20  # lines named one by one; the rest are counted in one more warning


def without_control_characters(lines: Sequence[Line]) -> tuple[list[Line], list[ReadWarning]]:
    """The lines with control characters removed from every cell and word; a warning per line changed."""
    cleaned: list[Line] = []
    changed: list[tuple[Line, set[str]]] = []
    for line in lines:
        found: set[str] = set()
        cells = tuple(_clean(cell, found) for cell in line.cells)
        dirty_words = any(_CONTROL.search(w.text) for w in line.words)
        if found or dirty_words:
            words = tuple(dataclasses.replace(w, text=_clean(w.text, found)) for w in line.words) \
                if dirty_words else line.words
            line = dataclasses.replace(line, cells=cells, words=words)
            changed.append((line, found))
        cleaned.append(line)
    warnings = [ReadWarning(f"Removed control characters ({_names(found)}) from the text; check the line "
                            "against the document", line.provenance) for line, found in changed[:MAX_WARNINGS]]
    if len(changed) > MAX_WARNINGS:
        rest = changed[MAX_WARNINGS:]
        warnings.append(ReadWarning(f"Removed control characters from {len(rest)} more lines too",
                                    rest[0][0].provenance))
    return cleaned, warnings


def _clean(value: object, found: set[str]) -> object:
    if not isinstance(value, str) or not _CONTROL.search(value):
        return value
    found.update(_CONTROL.findall(value))
    return _CONTROL.sub("", value)


def _names(found: set[str]) -> str:
    return ", ".join("NUL" if c == "\x00" else f"U+{ord(c):04X}" for c in sorted(found))
