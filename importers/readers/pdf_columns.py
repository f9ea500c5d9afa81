"""Pages set in two text columns, read column by column as a person reads them.

pdfplumber gives a page's words with their positions; ordered by height alone, the lines of a left
and a right column interleave (or, at the same height, become one line of two cells). A region of a
page is read as two columns when a gutter (a vertical strip no word crosses, in the middle of the
page) runs down at least `MIN_LINES` lines of each side, and on both sides stands prose: each line
one run of text (no wide gap inside, so not a table's cells), most lines of `MIN_WORDS` words or more
and mostly letters (not a table's figures), each side a wide column most of whose lines reach near
its right edge (as wrapped text does; a form's labels and short values do not).
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_LINES = 6  # lines of each side a two-column region holds at least
MIN_WORDS = 3  # words of most lines of a prose column
GUTTER = 8.0  # points: the narrowest strip between two columns
STEP = 2.0  # points between the gutter positions tried
WIDE = 0.3  # of the page's width: a text column is at least this wide
FILLED = 0.85  # of a column's width: a wrapped line reaches this far


@dataclass(frozen=True)
class Columns:
    """A two-column region of a page: its top and bottom (points from the page's top) and the gutter's x."""

    top: float
    bottom: float
    gutter: float

    def side(self, word: dict) -> int | None:
        """0 for a word of the left column, 1 of the right one, None outside the region."""
        if not self.top - 1 <= word["top"] <= self.bottom + 1:
            return None
        return 0 if word["x1"] <= self.gutter else 1


def find_columns(lines: list[list[dict]], width: float, column_gap: float) -> Columns | None:
    """The page's two-column region, from its words grouped in lines (top to bottom, each left to
    right), or None. A page whose lines mostly run across its middle (one column) is passed over
    after one look at each line."""
    low, high = width * 0.3, width * 0.7
    if sum(1 for line in lines if not _covers(line, low, high)) < 2 * MIN_LINES:
        return None
    best: Columns | None = None
    best_lines = 0
    x = low
    while x <= high:
        for first, last in _free_runs(lines, x):
            region = lines[first:last + 1]
            if len(region) > best_lines and _prose_columns(region, x, width, column_gap):
                best, best_lines = Columns(region[0][0]["top"], region[-1][0]["top"], x), len(region)
        x += STEP
    return best


def _covers(line: list[dict], low: float, high: float) -> bool:
    """Whether the line's words leave no gutter-wide gap between `low` and `high`."""
    reach = low
    for word in line:
        if word["x0"] - reach >= GUTTER and word["x0"] > low:
            return False
        reach = max(reach, word["x1"])
        if reach >= high:
            return True
    return high - reach < GUTTER


def _free_runs(lines: list[list[dict]], x: float) -> list[tuple[int, int]]:
    """Runs of consecutive lines (first and last index), at least two columns' worth, no word crosses at `x`."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate(lines + [[{"x0": x, "x1": x}]]):  # a sentinel line crossing x ends the last run
        if any(w["x0"] - GUTTER / 2 < x < w["x1"] + GUTTER / 2 for w in line):
            if start is not None and index - start >= 2 * MIN_LINES:
                runs.append((start, index - 1))
            start = None
        elif start is None:
            start = index
    return runs


def _prose_columns(region: list[list[dict]], x: float, width: float, column_gap: float) -> bool:
    return all(_prose([[w for w in line if (w["x1"] <= x) == left] for line in region], width, column_gap)
               for left in (True, False))


def _prose(side: list[list[dict]], width: float, column_gap: float) -> bool:
    filled = [line for line in side if line]
    if len(filled) < MIN_LINES:
        return False
    left, right = min(line[0]["x0"] for line in filled), max(line[-1]["x1"] for line in filled)
    if right - left < WIDE * width:
        return False
    one_run = sum(1 for line in filled if all(b["x0"] - a["x1"] <= column_gap for a, b in zip(line, line[1:])))
    reaching = sum(1 for line in filled if line[-1]["x1"] - left >= FILLED * (right - left))
    texts = [" ".join(w["text"] for w in line) for line in filled]
    wordy = sum(1 for text in texts if len(text.split()) >= MIN_WORDS)
    letters = sum(c.isalpha() for text in texts for c in text)
    characters = sum(not c.isspace() for text in texts for c in text)
    return (one_run >= 0.9 * len(filled) and wordy >= 0.7 * len(filled) and reaching >= 0.5 * len(filled)
            and letters >= 0.7 * max(characters, 1))
