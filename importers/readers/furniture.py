"""Page furniture: running headers and footers and page numbers, taken out of a document's body.

Word and LibreOffice print the municipality and the document's title at the top of every page
and "Side 3 af 12" at the bottom; read as body text, those lines would land in a section, a
decision or a title. They are found here, once, before any importer sees the lines:

- PDF: a line is a running head when the same text (its digits aside: "Side 3", "Side 4")
  stands at the same height on at least `REPEAT_SHARE` of the pages (two at least), among the
  first or last `EDGE_LINES` lines of its page, inside the top or bottom `MARGIN_BAND` of the
  page, and is short (at most `MAX_CELLS` cells, no ruled table row). The band keeps a form's
  title that starts each page, or a table header repeated on every page, in the body.
- A page number ("Side 3", "Side 3 af 20", "3/20", "- 3 -", see `common.page_numbers`) at the
  edge of its page is furniture on any page; a bare number only in the margin band (PDF) or
  when it counts the pages (text).
- Text (pages split by form feeds): the same rules without heights: the same line, digits and
  all, at the edge of at least `TEXT_REPEAT_SHARE` of three or more pages.
- Word: its header and footer parts, which the reader gives apart from the body.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from importers.readers import Document, Line

EDGE_LINES = 3  # lines at the top and at the bottom of a page that may be furniture
REPEAT_SHARE = 0.4  # of the pages (odd/even headers stand on half of them)
TEXT_REPEAT_SHARE = 0.6
MARGIN_BAND = 0.07  # share of the page height at the top and at the bottom
MAX_CELLS = 3  # "Lejre Kommune | Budget 2024 | Side 3 af 12"
SAME_HEIGHT = 3.0  # points
MAX_PAGES = 5000

_DIGITS = re.compile(r"\d+")


def split_furniture(lines: Sequence[Line], fmt: str, heads: Sequence[Line] = ()) -> Document:
    """The document with its page furniture apart from its body."""
    pages = max((line.provenance.page or 1 for line in lines), default=1)
    if fmt == "pdf":
        furniture = pdf_furniture(lines)
    elif fmt == "text":
        furniture = text_furniture(lines)
    else:
        furniture = set()
    body = tuple(line for index, line in enumerate(lines) if index not in furniture)
    removed = tuple(line for index, line in enumerate(lines) if index in furniture)
    return Document(body, (*heads, *removed), fmt, pages)


def is_page_number(text: str) -> bool:
    """"Side 3", "Side 3 af 20", "3/20", "- 3 -": a page number as printers write them (the numbers
    in order, page-sized and without leading zeros: "24-004755" is a case number)."""
    from importers.vocabulary import default

    if default().role("common.page_numbers", text) is None:
        return False
    digits = _DIGITS.findall(text)
    numbers = [int(n) for n in digits]
    return (all(n <= MAX_PAGES and not d.startswith("0") for n, d in zip(numbers, digits, strict=True))
            and numbers == sorted(numbers))


def pdf_furniture(lines: Sequence[Line]) -> set[int]:
    by_page = _edges(lines, lambda line: line.top is not None)
    pages = len({line.provenance.page for line in lines})
    furniture = set()
    for cluster in _clusters(by_page, lines, by_height=True):
        if len({lines[i].provenance.page for i in cluster}) >= max(2, REPEAT_SHARE * pages):
            furniture.update(i for i in cluster if _in_band(lines[i]))
    for edge in by_page.values():
        for index in edge:
            line = lines[index]
            in_band = _in_band(line)
            if (in_band and any(is_page_number(str(c)) for c in line.cells if c)) or (
                    is_page_number(line.text) and not _digits_only(line.text)):
                furniture.add(index)  # "Bemærkninger | Side 3 af 12" in the footer, or "Side 3" anywhere at the edge
    return furniture


def text_furniture(lines: Sequence[Line]) -> set[int]:
    by_page = _edges(lines, lambda line: bool(line.text.strip()))
    pages = len(by_page)
    furniture = set()
    if pages >= 3:
        for cluster in _clusters(by_page, lines, by_height=False):
            if len({lines[i].provenance.page for i in cluster}) >= TEXT_REPEAT_SHARE * pages:
                furniture.update(cluster)
    for page, edge in by_page.items():
        for index in edge:
            text = lines[index].text.strip()
            if is_page_number(text) and (not _digits_only(text) or _counts_pages(text, page)):
                furniture.add(index)
    return furniture


def _edges(lines: Sequence[Line], counts: object) -> dict[int, list[int]]:
    """Per page, the indexes of its first and last EDGE_LINES lines that hold text, short ones only."""
    on_page: dict[int, list[int]] = defaultdict(list)
    for index, line in enumerate(lines):
        if counts(line) and line.text.strip():  # type: ignore[operator]
            on_page[line.provenance.page or 1].append(index)
    edges: dict[int, list[int]] = {}
    for page, indexes in on_page.items():
        if any(lines[i].top is not None for i in indexes):
            indexes = sorted(indexes, key=lambda i: lines[i].top or 0.0)
        chosen = dict.fromkeys([*indexes[:EDGE_LINES], *indexes[-EDGE_LINES:]])
        edges[page] = [i for i in chosen if _short(lines[i])]
    return edges


def _short(line: Line) -> bool:
    cells = [c for c in line.cells if c not in (None, "")]
    ruled_row = line.top is not None and not line.words  # a PDF table row found by its ruling lines
    return 0 < len(cells) <= MAX_CELLS and not ruled_row


def _clusters(by_page: dict[int, list[int]], lines: Sequence[Line], *, by_height: bool) -> Iterable[list[int]]:
    """Edge lines of the same text, at the same height when `by_height` (then digits aside: "Side 3", "Side 4":
    the height makes them one; without heights "Afsnit 3" and "Afsnit 4" would be one by mistake)."""
    by_text: dict[str, list[int]] = defaultdict(list)
    for indexes in by_page.values():
        for index in indexes:
            text = " ".join(lines[index].text.split()).casefold()
            by_text[_DIGITS.sub("#", text) if by_height else text].append(index)
    for indexes in by_text.values():
        if not by_height:
            yield indexes
            continue
        groups: list[list[int]] = []
        for index in sorted(indexes, key=lambda i: lines[i].top or 0.0):
            if groups and abs((lines[index].top or 0.0) - (lines[groups[-1][0]].top or 0.0)) <= SAME_HEIGHT:
                groups[-1].append(index)
            else:
                groups.append([index])
        yield from groups


def _in_band(line: Line) -> bool:
    if line.top is None or not line.page_height:
        return False
    share = line.top / line.page_height
    return share < MARGIN_BAND or share > 1 - MARGIN_BAND


def _digits_only(text: str) -> bool:
    """"3", "- 3 -", "3/20": a page number only by its place, unlike "Side 3" (or a case number "24-004755")."""
    return not any(char.isalpha() for char in text)


def _counts_pages(text: str, page: int) -> bool:
    """A number at the edge of a text page is its page number when it is the page's (or one off,
    where a cover page goes uncounted)."""
    first = _DIGITS.search(text)
    return first is not None and int(first.group()) in (page, page - 1)
