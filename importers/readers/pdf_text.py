"""The text of a few characters (a table cell) exactly as pdfplumber's `extract_text` gives it, faster.

A ruled table of a 31-row page has a few hundred cells, and pdfplumber's `extract_text` builds a
word extractor, checks its directions and maps every character through a `TextMap` for each one:
most of a table's reading time. For upright text (every character of an ordinary list) this does
the same steps with plain lists: characters clustered into lines by their top, sorted by x0 within
a line, split into words at blanks and at gaps wider than the tolerance, words clustered into lines
again and joined by a space, lines by a newline. Rotated characters go to pdfplumber itself.
A test compares the two on every sample PDF's cells and on generated characters.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter

from pdfplumber.utils.text import DEFAULT_X_TOLERANCE, DEFAULT_Y_TOLERANCE, LIGATURES, extract_text

_TOP = itemgetter("top")
_X0 = itemgetter("x0")


def cell_text(chars: Sequence[dict]) -> str:
    """`pdfplumber.utils.extract_text(chars)` with its default settings."""
    if not chars:
        return ""
    if not all(c["upright"] for c in chars):
        return extract_text(list(chars))
    words: list[tuple[float, str]] = []  # (top, text) of each word, in pdfplumber's order
    for line in _clusters(chars, _TOP, DEFAULT_Y_TOLERANCE):
        words.extend(_words(sorted(line, key=_X0)))
    return "\n".join(" ".join(text for _, text in line) for line in _clusters(words, itemgetter(0), DEFAULT_Y_TOLERANCE))


def _words(line: list[dict]) -> list[tuple[float, str]]:
    """A line's characters (sorted by x0) as words: split at blank characters and where the next
    character starts left of the previous one, beyond the x tolerance after it, or on another line."""
    words: list[tuple[float, str]] = []
    current: list[dict] = []
    for char in line:
        text = char["text"]
        if text.isspace():
            if current:
                words.append(_merged(current))
            current = []
        elif current and _begins_word(current[-1], char):
            words.append(_merged(current))
            current = [char]
        else:
            current.append(char)
    if current:
        words.append(_merged(current))
    return words


def _begins_word(previous: dict, char: dict) -> bool:
    return (char["x0"] < previous["x0"] or char["x0"] > previous["x1"] + DEFAULT_X_TOLERANCE
            or abs(char["top"] - previous["top"]) > DEFAULT_Y_TOLERANCE)


def _merged(chars: list[dict]) -> tuple[float, str]:
    return min(c["top"] for c in chars), "".join(LIGATURES.get(c["text"], c["text"] or "") for c in chars)


def _clusters(items: Sequence, key: Callable, tolerance: float) -> list[list]:
    """pdfplumber's `cluster_objects`: the sorted distinct keys cut where the next exceeds the one before
    by more than the tolerance; clusters in key order, items in their own order within one."""
    keys = [key(item) for item in items]
    index: dict[float, int] = {}
    cluster, last = -1, None
    for value in sorted(set(keys)):
        if last is None or value > last + tolerance:
            cluster += 1
        index[value] = cluster
        last = value
    grouped: list[list] = [[] for _ in range(cluster + 1)]
    for item, value in zip(items, keys):
        grouped[index[value]].append(item)
    return grouped
