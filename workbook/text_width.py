"""How wide a text prints in Calibri 11, in Excel's column-width units, and how many lines it wraps to.

Excel measures a column in digits of the default font: width 10 holds ten "0" and the cell's
padding. The advance widths below are Carlito's (the metric-compatible twin of Calibri that
LibreOffice prints with), in thousandths of an em, measured once with reportlab
(`pdfmetrics.stringWidth(char, "Carlito", 1000)` for Carlito-Regular.ttf and Carlito-Bold.ttf of
Debian's fonts-crosextra-carlito). A character not in the table counts as wide as an "n".
"""

from __future__ import annotations

import math
from functools import lru_cache


class _Widths(dict):
    """Advance widths by character; a character not in the table is as wide as "n"."""

    def __missing__(self, char: str) -> int:
        return self["n"]


def _widths(groups: dict[int, str]) -> _Widths:
    return _Widths({char: width for width, chars in groups.items() for char in chars})


_REGULAR = _widths({
    221: "'", 226: ' ', 229: 'il', 239: 'j', 250: ',‘’', 252: '.I·', 268: ':;', 291: '`', 303: '()',
    305: 'f', 306: '-', 307: '[]', 314: '{}', 319: 'J', 326: '!', 335: 't', 339: '°', 349: 'r', 386: '/\\',
    391: 's', 395: 'z', 401: '"', 418: '“”', 420: 'L', 423: 'c', 433: 'x', 452: 'v', 453: 'y', 455: 'k',
    459: 'FS', 460: '|', 463: '?', 468: 'Z', 471: 'g', 479: 'aåä', 487: 'TY', 488: 'EÉ',
    498: '#*+<=>^_e~éè–−§•×÷', 507: '$0123456789€', 512: '«»', 517: 'P', 519: 'X', 520: 'K',
    525: 'bdhnpquü',
    527: 'oö', 529: 'ø', 533: 'C', 543: 'R', 544: 'B', 567: 'V', 579: 'AÅÄ', 615: 'D', 623: 'H', 631: 'G',
    642: 'UÜ', 646: 'N', 662: 'OÖ', 664: 'Ø', 671: '½', 673: 'Q', 682: '&', 690: '…', 715: '%w', 763: 'Æ',
    773: 'æ', 799: 'm', 855: 'M', 890: 'W', 894: '@', 905: '—',
})
_BOLD = _widths({
    226: ' ', 233: "'", 246: 'il', 255: 'j', 258: ',‘’', 267: '.I', 268: '·', 276: ':;', 300: '`', 306: '-',
    312: '()', 316: 'f', 325: '[]', 326: '!', 331: 'J', 342: '°', 344: '{}', 347: 't', 355: 'r', 397: 'z',
    399: 's', 418: 'c', 423: 'L', 430: '/\\', 435: '“”', 438: '"', 459: 'Fx', 463: '?', 473: 'Sv', 474: 'gy',
    475: '|', 478: 'Z', 480: 'k', 488: 'EÉ', 494: 'aåä', 495: 'T', 498: '#*+<=>^_~–−§•×÷', 503: 'eéè',
    507: '$0123456789€', 520: 'Y', 529: 'C', 532: 'P', 537: 'bdhnpquü', 538: 'oö', 539: '«»', 544: 'ø',
    547: 'K', 551: 'X', 561: 'B', 563: 'R', 591: 'V', 606: 'AÅÄ', 630: 'D', 631: 'H', 637: 'G', 653: 'UÜ',
    659: 'N', 676: 'OÖ', 681: 'Ø', 686: 'Q', 691: '½', 705: '&', 711: '…', 729: '%', 745: 'w', 775: 'æÆ',
    813: 'm', 874: 'M', 898: '@', 905: '—', 906: 'W',
})
DIGIT = 507  # the width of "0": Excel's unit of column width
# The cell's own padding (5 px of 7 px per digit at 100 %) and a little air, so a text that fits
# on screen also fits on paper, where LibreOffice and printers round differently.
PADDING = 1.3
SAFETY = 1.04


def text_units(text: str, bold: bool = False) -> float:
    """The printed width of one line of text, in widths of the digit "0"."""
    return sum(map((_BOLD if bold else _REGULAR).__getitem__, text)) / DIGIT


@lru_cache(maxsize=1 << 16)
def width_for(text: str, bold: bool = False) -> float:
    """The column width that shows every line of `text` unwrapped."""
    longest = max(text_units(line, bold) for line in text.split("\n"))
    return longest * SAFETY + PADDING


def wrapped_lines(text: str, width: float, bold: bool = False) -> int:
    """How many lines `text` takes in a wrapping cell of this column width (words broken only when too long)."""
    room = max(1.0, (width - PADDING) / SAFETY)
    space = text_units(" ", bold)
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0.0
        for word in paragraph.split():
            size = text_units(word, bold)
            if used and used + space + size > room:
                lines += 1
                used = 0.0
            if size > room:  # a word longer than the line is broken over several lines
                extra = math.ceil(size / room) - 1
                lines += extra
                size -= extra * room
            used = size if not used else used + space + size
    return max(1, lines)


@lru_cache(maxsize=1 << 16)
def width_for_lines(text: str, lines: int, bold: bool = False) -> float:
    """The narrowest column width (to a quarter unit) in which `text` wraps to at most `lines` lines
    without breaking a word."""
    widest_word = max((width_for(word, bold) for word in text.split()), default=PADDING)
    full = width_for(text, bold)
    # No narrower than its longest word, nor than an even share of the text per line.
    width = max(widest_word, (full - PADDING) / lines + PADDING)
    while width < full and wrapped_lines(text, width, bold) > lines:
        width += 0.25 if width + 4 > full else max(0.25, (full - width) / 8)
    if width >= full:
        return full
    while width - 0.25 >= widest_word and wrapped_lines(text, width - 0.25, bold) <= lines:
        width -= 0.25  # a coarse step up may have overshot
    return width
