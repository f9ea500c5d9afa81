"""Readers: one per file format, each turning a file into `Line`s stamped with provenance.

A `Line` is what a person sees as one line of a document: a paragraph, a line of a
PDF page, a row of a table or a worksheet. Table rows keep their cells apart; prose
is one cell. Importers of every document kind work on lines and never see the format.

`read_document` gives the lines as a `Document`: the body, and apart from it the page
furniture (running headers and footers, page numbers: `importers.readers.furniture`), so
that no importer ever reads "Side 3 af 12" or the title printed on every page as content.

The format is detected from the file's first bytes, not its name, so that a text file
renamed .xlsx gets a clear error instead of a crash deep in a library.
"""

from __future__ import annotations

import dataclasses
import zipfile
from dataclasses import dataclass
from pathlib import Path

from budgetbook.errors import SourceError
from budgetbook.model import Provenance, ReadWarning
from importers.readers.archive_limits import check_archive

Cell = str | int | float | None


@dataclass(frozen=True)
class Word:
    """A run of text on a PDF line and where it stands across the page (points from the left)."""

    x0: float
    x1: float
    text: str


@dataclass(frozen=True)
class Line:
    """One line of a document: its cells (one for prose) and where it stands.

    A PDF text line (not a ruled table row) also keeps its `words` with their positions, so an
    importer can put them back into the columns of a table printed without gridlines; every PDF
    line keeps its `top` and its page's height (points), so that page furniture can be told by place.
    """

    cells: tuple[Cell, ...]
    provenance: Provenance
    style: str | None = None
    words: tuple[Word, ...] = ()
    top: float | None = None
    page_height: float | None = None

    @property
    def text(self) -> str:
        """The line as text, cells separated by tabs (as the text exports have them)."""
        return "\t".join("" if c is None else str(c) for c in self.cells).rstrip("\t")

    def cell(self, index: int) -> Cell:
        return self.cells[index] if index < len(self.cells) else None


@dataclass(frozen=True)
class Document:
    """A document as read: its body lines, and the page furniture taken out of them.

    `furniture` holds the running headers and footers and the page numbers (PDF and text: lines
    repeated at the same place on most pages; Word: its header and footer parts); `heads` gives
    their distinct texts, from which an importer may take a municipality or a title.
    """

    lines: tuple[Line, ...]
    furniture: tuple[Line, ...] = ()
    format: str = "text"
    pages: int = 1
    warnings: tuple[ReadWarning, ...] = ()  # what reading changed (control characters removed)

    @property
    def heads(self) -> tuple[str, ...]:
        """The running headers' and footers' texts (a cell each), each once, page numbers left out."""
        from importers.readers.furniture import is_page_number

        texts = (" ".join(str(cell).split()) for line in self.furniture for cell in line.cells if cell)
        return tuple(dict.fromkeys(t for t in texts if t and not is_page_number(t)))


@dataclass(frozen=True)
class Read:
    """What a reader gives: the body's lines, the lines of the running heads a format keeps apart (Word's
    header and footer parts), and what reading left out or changed, to be shown (`ReadWarning`s)."""

    lines: tuple[Line, ...]
    heads: tuple[Line, ...] = ()
    warnings: tuple[ReadWarning, ...] = ()


FORMATS = ("pdf", "docx", "xlsx", "odt", "ods", "text")
_SUFFIX_FORMAT = {".pdf": "pdf", ".docx": "docx", ".xlsx": "xlsx", ".xlsm": "xlsx", ".odt": "odt", ".ods": "ods",
                  ".txt": "text", ".csv": "text"}
SUFFIXES = tuple(_SUFFIX_FORMAT)  # the file names budgetbook reads, for whoever lists a folder's documents


def detect_format(path: Path) -> str:
    """Name the file's real format from its content; raise `SourceError` when it is none we read."""
    if not path.exists():
        raise SourceError(f"No such file: {path}", hint="Check the path.")
    with path.open("rb") as handle:
        head = handle.read(8)
    claimed = _SUFFIX_FORMAT.get(path.suffix.lower())
    if not head:
        raise SourceError("The file is empty", path.name, hint="Export the document again.")
    if head.startswith(b"%PDF-"):
        found = "pdf"
    elif head.startswith(b"\xd0\xcf\x11\xe0"):
        raise SourceError(
            "The file is encrypted or in an old Office format (.xls/.doc)", path.name,
            hint="Remove the password, or save it as .xlsx/.docx, and try again.")
    elif head.startswith(b"PK"):
        found = _zip_format(path)
    else:
        found = "text"
    if claimed and claimed != found:
        raise SourceError(
            f"The file is named {path.suffix} but its content is {_describe(found)}", path.name,
            hint=f"Export it again as {path.suffix}, or give it the right name.")
    return found


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            check_archive(archive, path.name)  # sizes, ratios and DTDs, before any XML parser sees a part
    except zipfile.BadZipFile as exc:
        raise SourceError("The file is damaged or truncated (not a complete Office file)", path.name,
                          hint="Download or export it again.") from exc
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "mimetype" in names and "content.xml" in names:
        return _opendocument_format(path)
    raise SourceError("The file is a ZIP archive but neither a Word nor an Excel document", path.name,
                      hint="Unpack it and give budgetbook the documents inside.")


def _opendocument_format(path: Path) -> str:
    from importers.readers.opendocument import SPREADSHEET, TEXT, mimetype

    with zipfile.ZipFile(path) as archive:
        kind = mimetype(archive)
    if kind.startswith(TEXT):
        return "odt"
    if kind.startswith(SPREADSHEET):
        return "ods"
    what = kind.rsplit(".", 1)[-1] or "unknown"
    raise SourceError(f"The file is an OpenDocument {what}, neither a text document nor a spreadsheet", path.name,
                      hint="Save it as .odt/.docx or .ods/.xlsx and try again.")


def _describe(fmt: str) -> str:
    return {"pdf": "a PDF", "docx": "a Word document", "xlsx": "an Excel workbook", "odt": "an OpenDocument text",
            "ods": "an OpenDocument spreadsheet", "text": "plain text"}[fmt]


def read_document(path: Path) -> Document:
    """The document's body lines in reading order, whatever its format, with its page furniture apart."""
    from importers.readers.control_characters import without_control_characters
    from importers.readers.furniture import split_furniture

    fmt = detect_format(path)
    if fmt == "pdf":
        from importers.readers import pdf as reader
    elif fmt == "docx":
        from importers.readers import docx as reader
    elif fmt == "xlsx":
        from importers.readers import xlsx as reader
    elif fmt in ("odt", "ods"):
        from importers.readers import opendocument as reader
    else:
        from importers.readers import text as reader
    got = _read(reader, path)
    lines, cleaned = without_control_characters(list(got.lines))  # the one place text enters: no NUL gets further
    heads, cleaned_heads = without_control_characters(list(got.heads))
    if not any(line.text.strip() for line in lines):
        raise SourceError("The document holds no text", path.name,
                          hint="If it is a scanned PDF, run it through OCR or ask for the original file.")
    return dataclasses.replace(split_furniture(lines, fmt, heads), warnings=(*got.warnings, *cleaned, *cleaned_heads))


def _read(reader: object, path: Path) -> Read:
    """A reader's `Read`: from its `read`, else its `read_with_heads` (lines and heads) or `read_lines`."""
    if hasattr(reader, "read"):
        return reader.read(path)  # type: ignore[no-any-return]
    if hasattr(reader, "read_with_heads"):
        lines, heads = reader.read_with_heads(path)
        return Read(tuple(lines), tuple(heads))
    return Read(tuple(reader.read_lines(path)))  # type: ignore[attr-defined]


def read_lines(path: Path) -> list[Line]:
    """The body lines of a document (`read_document(path).lines`), for callers that need no more."""
    return list(read_document(path).lines)
