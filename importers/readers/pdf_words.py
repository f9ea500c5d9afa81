"""Words a PDF broke inside a narrow table cell, joined again ("implementeri" / "ng" -> "implementering").

A word processor breaks a word in the middle only when the word alone is wider than its cell: it then
fills the line to the cell's edge and goes on with the rest on the next line. Between words it breaks
where the next word does not fit, leaving room at the end of the line. So two lines of a cell are one
word when the first is a single word ending in a letter, it reaches the cell's right edge (the room
left is narrower than the next line's first letter), and the next line goes on in lower case. The
cell's edge is its right border less the padding its text keeps from the left border.

The positions alone cannot tell a word that fills its cell exactly and is followed by another word
("Effektivisering" / "investering") from a word broken after its fifteenth letter. The piece a break
leaves is the end of a word: short ("ng", "au", "dring") or beginning with consonants no Danish word
begins with ("nsekvenser", "gsændring"). A longer piece that could begin a word ("investering",
"entering"), or one of the short words Danish puts between words ("og", "af", "til"), is read as a word
of its own: a word broken there keeps its break.
"""

from __future__ import annotations

from collections.abc import Sequence

_SAME_LINE = 3.0  # points: characters whose tops differ by less stand on one line (pdfplumber's y_tolerance)
_SLACK = 0.5  # points of rounding in the positions a PDF writer prints
_LONGEST_PIECE = 5  # letters: a longer start of the next line is read as a word of its own
# the consonant pairs Danish words begin with (bl-, skr-, ...); a piece beginning with another pair is no word
_ONSETS = frozenset("bl br dr dv fj fl fr gl gn gr hj hv kl kn kr kv pj pl pr sj sk sl sm sn sp st sv tj tr tv vr "
                    "ch sc sh th ph".split())
_VOWELS = frozenset("aeiouyæøå")
_SHORT_WORDS = frozenset("""og i af til på for med at den det der dem som ved fra om ny nye sig samt eller men
mod uden under efter over ind ud op ned kr mio pct jf fl""".split())


def join_broken_words(text: str, chars: Sequence[dict], left: float, right: float) -> str:
    """`text` (a cell's text, lines separated by "\\n", as extracted from `chars`) with every word the
    cell's width broke joined again; unchanged where its lines and characters do not correspond."""
    lines = text.split("\n")
    placed = _lines_of(chars)
    if len(lines) < 2 or len(placed) != len(lines):
        return text
    padding = min(c["x0"] for c in chars) - left
    edge = right - max(padding, 0.0)
    joined = [lines[0]]
    for index in range(1, len(lines)):
        if _broken_between(placed[index - 1], placed[index], edge):
            joined[-1] += lines[index].lstrip()
        else:
            joined.append(lines[index])
    return "\n".join(joined)


def _lines_of(chars: Sequence[dict]) -> list[list[dict]]:
    """The characters as lines, top to bottom, each left to right."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        if lines and char["top"] - lines[-1][0]["top"] < _SAME_LINE:
            lines[-1].append(char)
        else:
            lines.append([char])
    return [sorted(line, key=lambda c: c["x0"]) for line in lines]


def _broken_between(upper: list[dict], lower: list[dict], edge: float) -> bool:
    last, first = upper[-1], lower[0]
    if any(c["text"].isspace() for c in upper) or not last["text"].isalpha():
        return False  # more than one word on the line, or it ends in a space, hyphen or figure
    if not (first["text"].isalpha() and first["text"].islower()):
        return False
    piece = "".join(c["text"] for c in lower).split(" ", 1)[0].rstrip(".,;:)")
    if piece in _SHORT_WORDS or (len(piece) > _LONGEST_PIECE and _could_begin_a_word(piece)):
        return False
    return last["x1"] + (first["x1"] - first["x0"]) > edge - _SLACK


def _could_begin_a_word(piece: str) -> bool:
    head = piece[:2].lower()
    return len(head) < 2 or head[0] in _VOWELS or head[1] in _VOWELS or head in _ONSETS
