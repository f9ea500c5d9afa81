"""Text cleanup shared by the importers: HTML and markdown residue, whitespace."""

from __future__ import annotations

import functools
import html
import re

_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p[^>]*>|<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_MARKDOWN_BOLD = re.compile(r"\*\*(.+?)\*\*")
_SPACES = re.compile(r"[ \t\u00a0]+")
_NEEDS_WORK = re.compile(r"[<>*&\n\r\t\u00a0]|  ")


def strip_markup(text: str) -> str:
    """Remove HTML tags (paragraphs become line breaks) and **bold** markers; unescape entities."""
    text = _PARAGRAPH_BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    text = _MARKDOWN_BOLD.sub(r"\1", text)
    return html.unescape(text)


def tidy(text: object) -> str:
    """Markup removed, runs of spaces folded, each line trimmed, blank lines at the ends dropped."""
    if text is None:
        return ""
    text = str(text)
    if not _NEEDS_WORK.search(text):  # most cells: plain text, one line, single spaces
        return text.strip()
    lines = [_SPACES.sub(" ", line).strip() for line in strip_markup(str(text)).split("\n")]
    return "\n".join(lines).strip()


def one_line(text: object) -> str:
    """Like `tidy` but on one line: for titles and names that a PDF wrapped."""
    if isinstance(text, str):
        return _one_line_text(text)
    return " ".join(tidy(text).split())


@functools.lru_cache(maxsize=65536)
def _one_line_text(text: str) -> str:  # cached: importers ask for the same cell's text many times
    return " ".join(tidy(text).split())
