"""Running text of a document to paragraphs: what the proposal form and remarks importers share.

Readers give lines; prose needs paragraphs. Text and Word give one line per paragraph (blank
lines or none between them); a PDF gives visual lines, so a paragraph there is rebuilt from
lines until one ends short of the full width. In every format:

- a bullet ("- ", "• ", "◦ ", a Word "List Bullet" paragraph) is its own paragraph, written
  "- text", and "  - text" one level deeper (levels relative to the outermost list of the text);
- a paragraph that starts in lower case after one that ends without a full stop continues it
  (the text exports break paragraphs at page ends: "En del forlader" / "landet igen ...");
- bold residue of an export ("**", "__") is dropped, page numbers ("Side 2", "3 af 7") skipped.

Steps: lines_to_pieces (each line: text, bullet level, wrapped or not) -> pieces_to_paragraphs.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from importers.cleanup import one_line
from importers.readers import Line

FIT = 0.9  # a PDF line ends its paragraph if the next line's first word would have fit (share of the width)
SHORT_LINE = 0.8  # ... or if it ends a sentence and is shorter than this share of the width
BULLET_INDENT = 4  # characters a bullet's lines are indented by, per level
HEADING_LINE = 0.5  # ... or if it ends a sentence and the next line is this short and ends none

_RESIDUE = re.compile(r"\*\*|__")
_BULLET = re.compile(r"^(?P<indent>\s*)(?P<mark>[-–*](?=\s)|[•◦▪·\uf0b7\uf0a7])\s*(?P<text>.*)$")
_DEEP_MARKS = {"◦", "▪", "\uf0a7"}
_PAGE_NUMBER = re.compile(r"^(?:side\s+)?\d{1,3}(?:\s*(?:af|/)\s*\d{1,3})?$", re.IGNORECASE)
_HYPHEN_END = re.compile(r"\w-$")
_SUSPENDED_HYPHEN = re.compile(r"^(?:og|eller|samt|til|&)\b")
_SENTENCE_END = re.compile(r"[.:;!?)»”\"]$")


@dataclass(frozen=True)
class Piece:
    """One line of prose, cleaned: its text, its bullet level (0 = none)."""

    text: str
    level: int = 0
    dash: str = ""  # the mark "-" or "–", which a wrapped PDF line may also start with


def visual_width(lines: Sequence[Line]) -> int:
    """For a PDF's visual lines (no paragraph styles, no blank lines at all): the length of the longest
    one-cell line, the width the text wraps at. 0 when each line is a paragraph (text, Word)."""
    if not lines or any(line.style is not None or not line.text.strip() for line in lines):
        return 0
    return max((len(line.text) for line in lines if len(line.cells) == 1), default=0)


def is_page_furniture(text: str) -> bool:
    """A page number line ("Side 2", "2 af 7", "3") that belongs to no paragraph."""
    return bool(_PAGE_NUMBER.fullmatch(text.strip()))


def line_to_piece(line: Line) -> Piece | None:
    """The prose of one line, or None for a blank line. Cells of a PDF line are joined by spaces."""
    raw = " ".join(str(c) for c in line.cells if c not in (None, ""))
    raw = _RESIDUE.sub("", raw).replace("\t", " ")
    level, dash = 0, ""
    style = (line.style or "").lower()
    if style.startswith("list bullet"):
        level = int(style.rsplit(" ", 1)[-1]) if style[-1].isdigit() else 1
    elif match := _BULLET.match(raw):
        level = 2 if match.group("indent") or match.group("mark") in _DEEP_MARKS else 1
        raw, dash = match.group("text"), match.group("mark") if match.group("mark") in "-–" else ""
    text = one_line(raw)
    if not text and not level:
        return None
    return Piece(text, level, dash)


def pieces_to_paragraphs(pieces: Sequence[Piece | None], width: int = 0) -> list[str]:
    """Join pieces into paragraphs; None stands for a blank line (a paragraph break).

    `width` > 0 means the pieces are visual lines wrapped at that many characters (see `visual_width`).
    """
    paragraphs: list[Piece] = []
    previous: Piece | None = None  # the last visual line, while its paragraph may go on
    for piece in pieces:
        if piece is None:
            previous = None
            continue
        indent = BULLET_INDENT * paragraphs[-1].level if paragraphs else 0
        wraps = previous is not None and not _ends_paragraph(previous.text, piece.text, width - indent)
        if wraps and piece.dash:  # "– og dermed ..." wrapped onto a new PDF line is no bullet
            piece = Piece(f"{piece.dash} {piece.text}")
        last = paragraphs[-1] if paragraphs else None
        if last is not None and piece.level == 0 and (wraps or _continues(last.text, piece.text)):
            paragraphs[-1] = Piece(_join(last.text, piece.text, wraps), last.level)
        else:
            paragraphs.append(piece)
        previous = piece if width else None
    return [_render(p, paragraphs) for p in paragraphs]


def _ends_paragraph(line: str, next_line: str, width: int) -> bool:
    """Did a visual line end for a reason other than wrapping? The next word would have fit,
    or the line ends a sentence well short of the width."""
    first_word = next_line.split(" ", 1)[0]
    if len(line) + 1 + len(first_word) <= FIT * width:
        return True
    if not _SENTENCE_END.search(line):
        return False
    # a sentence ends here and the line is short, or the next line is a short heading ("Forebyggelse")
    return len(line) < SHORT_LINE * width or (len(next_line) < HEADING_LINE * width
                                              and not _SENTENCE_END.search(next_line))


def _join(text: str, more: str, wrapped: bool) -> str:
    """Join a paragraph and its next line; a word a PDF broke at its hyphen ("a-" / "kassen") is
    joined without a space, a suspended hyphen ("børne-" / "og ungeområde") keeps it."""
    if wrapped and _HYPHEN_END.search(text) and not _SUSPENDED_HYPHEN.match(more):
        return f"{text}{more}"
    return f"{text} {more}".strip()


def _continues(previous: str, text: str) -> bool:
    """A paragraph broken in two by an export: the first part lacks its full stop, the second starts small."""
    return bool(text) and unicodedata.category(text[0]) == "Ll" and not _SENTENCE_END.search(previous)


def _render(piece: Piece, all_pieces: Sequence[Piece]) -> str:
    if not piece.level:
        return piece.text
    outermost = min(p.level for p in all_pieces if p.level)
    return f"{'  ' * (piece.level - outermost)}- {piece.text}"


def lines_to_text(lines: Sequence[Line], width: int = 0) -> str:
    """The running text of some lines as paragraphs joined by line breaks; page numbers left out.

    `width`: see `visual_width`; 0 for text and Word, where each line is a paragraph.
    """
    pieces = [piece for piece in map(line_to_piece, lines)
              if piece is None or piece.level or not is_page_furniture(piece.text)]
    return "\n".join(pieces_to_paragraphs(pieces, width))
