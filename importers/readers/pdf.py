"""PDF via pdfplumber: ruled tables become lines of cells, the rest becomes text lines.

Per page: find the ruled tables (pdfplumber's lines strategy), emit each table row as
one line with its cells; group the words outside the tables into visual lines by
their top edge, and split a line into cells where the gap between two words is wide
(as a column gap is). Lines are numbered in reading order on their page.

Each page is closed as soon as it is read, so memory stays flat however many pages there are
(pdfplumber keeps a parsed page, several megabytes, until it is closed); a PDF of more than
MAX_PAGES pages is refused with a line saying so.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance
from importers.readers import Line, Word
from importers.readers.pdf_marks import page_with_marks
from importers.readers.pdf_words import join_broken_words

LINE_TOLERANCE = 3.0  # points: words whose tops differ less stand on one line
MAX_PAGES = 2000  # a longer PDF is refused: it would take a quarter of an hour
COLUMN_GAP = 14.0  # points: a wider gap between words starts a new cell


@dataclass(frozen=True)
class _Placed:
    top: float
    x0: float
    cells: tuple[str, ...]
    words: tuple[Word, ...] = ()
    region: tuple[float, int] | None = None  # a two-column region's top and the column (0, 1) the line is in

    def order(self) -> tuple[int, int, int, float]:
        """Reading order: by height, and a two-column region's left column before its right one."""
        top = round(self.top)
        return (round(self.region[0]), self.region[1], top, self.x0) if self.region else (top, 0, top, self.x0)


def read_lines(path: Path) -> list[Line]:
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psparser import PSException

    lines: list[Line] = []
    try:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            if pages > MAX_PAGES:
                raise SourceError(f"The PDF has {pages} pages; budgetbook reads at most {MAX_PAGES} (about half a "
                                  "second each)", path.name,
                                  hint="Split it into parts, or ask for the list as an Excel file.")
            for number, page in enumerate(pdf.pages, start=1):
                try:
                    placed = sorted(_page_to_placed(page), key=_Placed.order)
                    lines.extend(
                        Line(p.cells, Provenance(path.name, number, index), words=p.words, top=p.top,
                             page_height=float(page.height))
                        for index, p in enumerate(placed, start=1))
                finally:
                    page.close()  # pdfplumber keeps every parsed page (megabytes each) until closed
    except SourceError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise SourceError("The PDF is encrypted", path.name,
                          hint="Save an unprotected copy and try again.") from exc
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError) as exc:
        raise SourceError(f"The PDF is damaged or truncated ({type(exc).__name__})", path.name,
                          hint="Download or export it again.") from exc
    except Exception as exc:  # pdfminer raises plain Exception subclasses for broken files
        if type(exc).__module__.startswith(("pdfminer", "pdfplumber")):
            raise SourceError(f"The PDF is damaged or truncated ({exc})", path.name,
                              hint="Download or export it again.") from exc
        raise
    if lines and not any(c for line in lines for c in line.cells):
        raise SourceError("The PDF has no text layer; it looks scanned", path.name,
                          hint="Run it through OCR or ask for the original document.")
    return lines


def _page_to_placed(page: object) -> list[_Placed]:
    page = page_with_marks(page)  # tick boxes drawn as squares become ☒/☐ in the text (importers.readers.pdf_marks)
    tables = page.find_tables()  # type: ignore[attr-defined]
    placed: list[_Placed] = []
    boxes = []
    chars = _CharsByHeight(page.chars) if tables else None  # type: ignore[attr-defined]
    for table in tables:
        boxes.append(table.bbox)
        for row, cells in zip(table.rows, table_texts(table, chars)):  # type: ignore[arg-type]
            texts = tuple((c or "").strip() for c in cells)
            if any(texts):
                placed.append(_Placed(row.bbox[1], row.bbox[0], texts))
    outside = page.filter(lambda obj: not _inside_any(obj, boxes)) if boxes else page  # type: ignore[attr-defined]
    words = outside.extract_words(keep_blank_chars=True, x_tolerance=1.5, y_tolerance=LINE_TOLERANCE)
    placed.extend(_in_columns(words, float(page.width)))  # type: ignore[attr-defined]
    return placed


def _in_columns(words: list[dict], width: float) -> list[_Placed]:
    """The words as lines; a region set in two text columns (`importers.readers.pdf_columns`) as the left
    column's lines, then the right one's."""
    from dataclasses import replace

    from importers.readers.pdf_columns import find_columns

    columns = find_columns(_word_lines(words), width, COLUMN_GAP)
    if columns is None:
        return words_to_placed(words)
    sides: list[list[dict]] = [[], [], []]
    for word in words:
        side = columns.side(word)
        sides[2 if side is None else side].append(word)
    placed = words_to_placed(sides[2])
    for column in (0, 1):
        placed.extend(replace(p, region=(columns.top, column)) for p in words_to_placed(sides[column]))
    return placed


class _CharsByHeight:
    """A page's characters ordered by their vertical middle, to find a table row's characters by bisection."""

    def __init__(self, chars: list[dict]) -> None:
        order = sorted(range(len(chars)), key=lambda i: (chars[i]["top"] + chars[i]["bottom"]) / 2)
        self.chars = chars
        self.order = order
        self.middles = [(chars[i]["top"] + chars[i]["bottom"]) / 2 for i in order]

    def between(self, top: float, bottom: float) -> list[dict]:
        """The characters whose middle is in [top, bottom), in the page's order."""
        first, last = bisect_left(self.middles, top), bisect_left(self.middles, bottom)
        return [self.chars[i] for i in sorted(self.order[first:last])]


def table_texts(table: object, chars: _CharsByHeight, join_words: bool = True) -> list[list[str | None]]:
    """What pdfplumber's `Table.extract()` gives, without testing every character of the page for every row.

    A character belongs to the cell its middle is in (as pdfplumber decides); a row's characters are
    found by bisection on their vertical middles, and a character's cell by bisection on the cells'
    left edges, instead of by scans of the page and of the row. A word the cell's width broke is joined
    again (`pdf_words`).
    """
    rows = []
    for row in table.rows:  # type: ignore[attr-defined]
        x0, top, x1, bottom = row.bbox
        in_row = [c for c in chars.between(top, bottom) if x0 <= (c["x0"] + c["x1"]) / 2 < x1]
        cells: list[tuple[float, float, float, float]] = [cell for cell in row.cells if cell is not None]
        lefts = [cell[0] for cell in cells]
        side_by_side = all(a[2] <= b[0] for a, b in pairwise(cells))
        inside: list[list[dict]] = [[] for _ in cells]
        for c in in_row:
            middle_x, middle_y = (c["x0"] + c["x1"]) / 2, (c["top"] + c["bottom"]) / 2
            candidates = (bisect_right(lefts, middle_x) - 1,) if side_by_side else range(len(cells))
            for index in candidates:
                if index < 0:
                    continue
                left, upper, right, lower = cells[index]
                if left <= middle_x < right and upper <= middle_y < lower:
                    inside[index].append(c)
        texts = iter(_cell_text(found, cell, join_words) for found, cell in zip(inside, cells))
        rows.append([None if cell is None else next(texts) for cell in row.cells])
    return rows


def _cell_text(chars: list[dict], cell: tuple[float, float, float, float], join_words: bool) -> str:
    from importers.readers.pdf_text import cell_text

    text = cell_text(chars)
    return join_broken_words(text, chars, cell[0], cell[2]) if join_words and "\n" in text else text


def _inside_any(obj: dict, boxes: list[tuple[float, float, float, float]]) -> bool:
    if "x0" not in obj or "top" not in obj:
        return False
    cx = (obj["x0"] + obj["x1"]) / 2
    cy = (obj["top"] + obj["bottom"]) / 2
    return any(x0 <= cx <= x1 and top <= cy <= bottom for x0, top, x1, bottom in boxes)


def _word_lines(words: list[dict]) -> list[list[dict]]:
    """Words grouped into visual lines by their top, each line from left to right, top to bottom."""
    rows: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        if rows and abs(rows[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE:
            rows[-1].append(word)
        else:
            rows.append([word])
    for row in rows:
        row.sort(key=lambda w: w["x0"])
    return rows


def words_to_placed(words: list[dict]) -> list[_Placed]:
    """Group words into visual lines by top, then split each line into cells at wide gaps."""
    placed = []
    for row in _word_lines(words):
        cells: list[str] = []
        previous_x1 = None
        for word in row:
            if previous_x1 is None or word["x0"] - previous_x1 > COLUMN_GAP:
                cells.append(word["text"])
            else:
                gap = " " if word["x0"] - previous_x1 > 0.5 else ""
                cells[-1] = f"{cells[-1]}{gap}{word['text']}"
            previous_x1 = word["x1"]
        words = tuple(Word(w["x0"], w["x1"], w["text"].strip()) for w in row if w["text"].strip())
        placed.append(_Placed(row[0]["top"], row[0]["x0"], tuple(c.strip() for c in cells), words))
    return placed
