"""The sections of a form's text: found by number ("1)", "2.", "1.3") or by heading.

    1) Kort resume af forslaget          a numbered heading (Lejre)
    1.2 Baggrund og formål               a numbered heading with a decimal (København)
    Beskrivelse af forslaget             a heading the vocabulary knows (forms.sections)
    Konsekvenser                         ... or a Word heading paragraph

A numbered line the vocabulary does not know is a heading only when it is short, reads as one
(no full stop at its end) and its number comes after the last heading's, so that a numbered
line in a section's text ("2) Der iværksættes intensiv ...") stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from importers.cleanup import one_line
from importers.readers import Line
from importers.vocabulary import Vocabulary

SECTIONS = "forms.sections"
HEADING_CHARS = 80
# A section's number in front of its heading: "1)", "1.", "1.2", "3 )": a shape, not a word.
_NUMBER = re.compile(r"^[-•*\s]*(?P<n>\d{1,2}(?:\.\d{1,2})?)\s*[.)]?\s+(?P<title>\S.*)$")


@dataclass(frozen=True)
class SectionHeading:
    title: str  # as printed, without its number ("Kort resume af forslaget")
    number: tuple[int, ...]  # (1,), (1, 2), () for a heading without a number


def line_to_heading(line: Line, vocabulary: Vocabulary, after: tuple[int, ...]) -> SectionHeading | None:
    """The section heading a line is, or None. `after` is the number of the last heading read."""
    texts = [str(c) for c in line.cells if c not in (None, "")]
    if len(texts) != 1:
        return None
    text = one_line(texts[0]).strip("*_ ").rstrip(":").strip()
    if not text or len(text) > HEADING_CHARS:
        return None
    number: tuple[int, ...] = ()
    title = text
    if match := _NUMBER.match(text):
        number = tuple(int(n) for n in match.group("n").split("."))
        title = match.group("title").strip("*_ ").rstrip(":").strip()
    if not title[:1].isupper() or title.endswith("."):
        return None  # a heading starts with a capital and ends without a full stop
    if vocabulary.match(SECTIONS, title) is not None:
        return SectionHeading(title, number)
    if number and number > after and _reads_as_heading(title):
        return SectionHeading(title, number)
    style = (line.style or "").lower()
    if not number and style.startswith("heading") and _reads_as_heading(title):
        return SectionHeading(title, number)
    return None


def _reads_as_heading(title: str) -> bool:
    return title[:1].isupper() and not title.endswith((".", ",", ";")) and len(title.split()) <= 10
