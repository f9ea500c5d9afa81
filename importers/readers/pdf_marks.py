"""Tick boxes drawn as vector graphics in a PDF, given to the text as the glyphs ☒ and ☐.

Catalogues and forms exported from InDesign, form tools or reportlab often draw a tick box as a
small square and its tick as a filled square inside it, two crossing lines or a check-mark curve:
nothing of it reaches the text layer, so "Berørte fagområder" reads as a list of names with no way
to tell which are ticked. `page_with_marks` finds such boxes on a pdfplumber page and returns the
page with a character for each box where the box stands (☒ ticked, ☐ empty) and without the
boxes' strokes, so that every later step (tables, words, lines) reads the tick as text, as it reads
a glyph box from Word, and pdfplumber's table finder does not take a box for a table cell.

Steps: objects_to_squares (rects, or four lines closing a square) -> squares_to_boxes (nested
squares and strokes inside a box are its tick) -> boxes_to_chars.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

TICKED, UNTICKED = "☒", "☐"
BOX_MIN, BOX_MAX = 4.0, 16.0  # points: the side of a tick box
SQUARE = 1.5  # points: how much width and height of a box may differ
INSIDE = 0.8  # points: how far a tick may stand outside its box's edge
MARK_CHARS = frozenset("xX✓✔✗✘")  # a typed tick inside a drawn box
DARK = 0.5  # a fill darker than this (0 black, 1 white) is a tick, a lighter one a background


@dataclass(frozen=True)
class TickBox:
    """A drawn tick box: where it stands on the page (points from the top left) and whether it is ticked."""

    x0: float
    top: float
    x1: float
    bottom: float
    ticked: bool
    parts: tuple[int, ...] = ()  # id() of the page objects it is drawn with (box and tick)


def page_with_marks(page: object) -> object:
    """The page with a ☒/☐ character per drawn tick box and without the boxes' graphics; the page
    itself when it draws none."""
    boxes = find_boxes(page)
    if not boxes:
        return page
    drawn = {part for box in boxes for part in box.parts}
    filtered = page.filter(lambda obj: id(obj) not in drawn)  # type: ignore[attr-defined]
    chars = filtered.objects.setdefault("char", [])
    chars.extend(boxes_to_chars(boxes, page))
    return filtered


def find_boxes(page: object) -> list[TickBox]:
    objects = page.objects  # type: ignore[attr-defined]
    squares = sorted(objects_to_squares(objects.get("rect", [])), key=lambda o: -(o["x1"] - o["x0"]))
    marks = [*objects.get("line", []), *objects.get("curve", []), *objects.get("rect", [])]
    chars = [c for c in objects.get("char", []) if c.get("text") in MARK_CHARS]
    return squares_to_boxes(squares, marks, chars)


def objects_to_squares(rects: Iterable[dict]) -> list[dict]:
    """The rects shaped like a tick box: square, a few points a side."""
    return [r for r in rects
            if BOX_MIN <= r["x1"] - r["x0"] <= BOX_MAX and abs((r["x1"] - r["x0"]) - (r["bottom"] - r["top"])) <= SQUARE]


def squares_to_boxes(squares: list[dict], marks: list[dict], chars: list[dict]) -> list[TickBox]:
    """Each outermost square is a box; what is drawn inside it (a smaller filled square, lines, a
    curve, a typed x) is its tick. A lone filled square is a ticked box (■)."""
    boxes: list[TickBox] = []
    taken: set[int] = set()
    for square in squares:  # largest first, so a filled inner square is found inside its box
        if id(square) in taken:
            continue
        inside = [m for m in marks if id(m) != id(square) and id(m) not in taken and _within(m, square)]
        typed = [c for c in chars if _within(c, square)]
        filled_self = bool(square.get("fill")) and _dark(square.get("non_stroking_color"))
        ticked = filled_self or bool(typed) or any(_is_tick(m) for m in inside)
        parts = (id(square), *(id(m) for m in inside), *(id(c) for c in typed))
        taken.update(parts)
        boxes.append(TickBox(square["x0"], square["top"], square["x1"], square["bottom"], ticked, parts))
    return boxes


def boxes_to_chars(boxes: Iterable[TickBox], page: object) -> list[dict]:
    """A character per box, shaped as pdfplumber's own, so that words and tables take it in."""
    height = float(page.height)  # type: ignore[attr-defined]
    doctop = float(page.initial_doctop)  # type: ignore[attr-defined]
    chars = []
    for box in boxes:
        size = box.bottom - box.top
        chars.append({
            "object_type": "char", "text": TICKED if box.ticked else UNTICKED, "fontname": "tick-box",
            "size": size, "adv": box.x1 - box.x0, "upright": True,
            "x0": box.x0, "x1": box.x1, "top": box.top, "bottom": box.bottom, "doctop": doctop + box.top,
            "y0": height - box.bottom, "y1": height - box.top, "width": box.x1 - box.x0, "height": size,
            "matrix": (size, 0, 0, size, box.x0, height - box.bottom), "mcid": None, "tag": None, "ncs": None,
            "stroking_color": None, "non_stroking_color": None,
            "page_number": page.page_number,  # type: ignore[attr-defined]
        })
    return chars


def _within(obj: dict, box: dict) -> bool:
    return (obj["x0"] >= box["x0"] - INSIDE and obj["x1"] <= box["x1"] + INSIDE
            and obj["top"] >= box["top"] - INSIDE and obj["bottom"] <= box["bottom"] + INSIDE)


def _is_tick(mark: dict) -> bool:
    """A stroke inside a box is a tick; a rect inside it only when it is filled dark."""
    if mark.get("object_type") != "rect":
        return True
    return bool(mark.get("fill")) and _dark(mark.get("non_stroking_color"))


def _dark(color: object) -> bool:
    """Is a PDF fill colour (grey, RGB or CMYK tuple, or a single number) closer to black than to white?"""
    if color is None:
        return True  # the default fill is black
    values = color if isinstance(color, (tuple, list)) else (color,)
    numbers = [float(v) for v in values if isinstance(v, (int, float))]
    if not numbers:
        return True
    if len(numbers) == 4:  # CMYK: ink coverage
        return max(numbers) > 1 - DARK or numbers[3] > 1 - DARK
    return sum(numbers) / len(numbers) < DARK
