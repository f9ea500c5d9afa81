"""Tick marks as documents write them: ☒/☐ glyphs, a typed "x", symbol-font boxes, and drawn boxes.

These are marks, not words, so they live here rather than in the vocabulary (its matching drops
every character that is no letter or digit). A PDF's drawn tick boxes reach the text as ☒/☐
(`importers.readers.pdf_marks`); a text export of a Word form keeps the symbol font's private
characters (U+F053 ticked, U+F0A3 empty, each followed by U+F020, a symbol-font space).

    marks_to_items("☒ Effektivisering ☐ Besparelse")      -> [("Effektivisering", True), ("Besparelse", False)]
    marks_to_items("Skoler \uf053\uf020 Teknik \uf0a3\uf020") -> [("Skoler", True), ("Teknik", False)]
    mark_state("x")  -> True;  mark_state("")  -> False;  mark_state("måske") -> None
"""

from __future__ import annotations

TICKED = frozenset("☒☑■✔✓✗✘⊠\uf053\uf0fe\uf0fd")
UNTICKED = frozenset("☐□\uf0a3\uf06f\uf0a8")
SYMBOL_SPACE = "\uf020"
TYPED_TICKS = frozenset({"x", "X", "xx", "X X"})  # a tick typed into a table cell


def has_marks(text: str) -> bool:
    return any(c in TICKED or c in UNTICKED for c in text)


def marks_to_items(text: str) -> list[tuple[str, bool]]:
    """The labels of a run of tick boxes and whether each is ticked. The box stands before its label
    ("☒ Skoler") or after it ("Skoler ☒"), whichever the text starts with."""
    text = text.replace(SYMBOL_SPACE, " ")
    stripped = text.lstrip()
    box_first = bool(stripped) and (stripped[0] in TICKED or stripped[0] in UNTICKED)
    items: list[tuple[str, bool]] = []
    label: list[str] = []
    state: bool | None = None
    for char in text:
        if char in TICKED or char in UNTICKED:
            if box_first:
                if state is not None:
                    items.append((" ".join("".join(label).split()), state))
                state = char in TICKED
            else:
                items.append((" ".join("".join(label).split()), char in TICKED))
            label = []
        else:
            label.append(char)
    if box_first and state is not None:
        items.append((" ".join("".join(label).split()), state))
    return items


def mark_state(text: object) -> bool | None:
    """Is a cell beside a choice ticked? True for a tick mark or a typed x, False for an empty cell or
    an empty box, None for anything else (which a user should see)."""
    value = "" if text is None else " ".join(str(text).split())
    if not value or all(c in UNTICKED for c in value.replace(" ", "")):
        return False
    if value in TYPED_TICKS or all(c in TICKED for c in value.replace(" ", "")):
        return True
    return None
