"""Limits on Office files (ZIP archives of XML parts), checked before python-docx or openpyxl opens them.

A 4 MB DOCX whose document.xml inflates to 4 GB took 8 GB of memory and ended in a traceback; an
XML part with a DTD can define entities that expand a thousand million times ("billion laughs").
Word and Excel never write a DTD, and their parts inflate at most a few dozen times, so before any
XML parser sees the file:

- every member's uncompressed size (as the ZIP directory states it; zipfile never reads past it),
  the total, and the number of members are capped;
- a member of more than a megabyte may inflate at most `MAX_RATIO` times;
- every XML part is read up to its root element, and a `<!DOCTYPE` or `<!ENTITY` there is refused.

Each refusal is one `SourceError` naming the file and the part, in a fraction of a second.
"""

from __future__ import annotations

import re
import zipfile

from budgetbook.errors import SourceError

MAX_MEMBER = 512 * 1024 * 1024      # bytes one part may inflate to
MAX_TOTAL = 1024 * 1024 * 1024      # bytes all parts together
MAX_MEMBERS = 10_000
MAX_RATIO = 200                     # uncompressed : compressed, for parts over RATIO_FLOOR
RATIO_FLOOR = 1024 * 1024
PROLOG_LIMIT = 64 * 1024            # bytes of an XML part read to find its root element
_XML_PART = re.compile(r"\.(xml|rels|vml)$", re.IGNORECASE)
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_ROOT = re.compile(rb"<[^?!]")


def check_archive(archive: zipfile.ZipFile, name: str) -> None:
    """Raise `SourceError` when the Office file `name` could exhaust memory or time when parsed."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise _refused(name, f"holds {_count(len(members))} parts")
    total = 0
    for member in members:
        total += member.file_size
        if member.file_size > MAX_MEMBER:
            raise _refused(name, f"{member.filename} inflates to {_size(member.file_size)}")
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FLOOR and ratio > MAX_RATIO:
            raise _refused(name, f"{member.filename} inflates {_count(ratio)} times, to {_size(member.file_size)}")
    if total > MAX_TOTAL:
        raise _refused(name, f"its parts inflate to {_size(total)} together")
    for member in members:
        if _XML_PART.search(member.filename):
            _check_prolog(archive, member, name)


def _check_prolog(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    """Read `member` up to its root element; a DTD or entity declaration before it is refused."""
    with archive.open(member) as part:
        head = part.read(PROLOG_LIMIT)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.decode("utf-16", "replace").encode("utf-8")
    root = _ROOT.search(head)
    prolog = head[:root.start()] if root else head
    if _DECLARATION.search(prolog):
        raise SourceError(f"The part {member.filename} declares a DTD (XML entities), which Word and Excel never "
                          "write; it could expand without end (an 'XML bomb'), so the file is refused", name,
                          hint="Open it in Word or Excel and save it again, or ask the sender for the original.")
    if root is None and len(head) == PROLOG_LIMIT:
        raise SourceError(f"The part {member.filename} has no XML element in its first "
                          f"{PROLOG_LIMIT // 1024} KB; it is not what Word or Excel write", name,
                          hint="Open it in Word or Excel and save it again.")


def _refused(name: str, what: str) -> SourceError:
    return SourceError(f"Refused: {what} (a 'ZIP bomb'?); Word and Excel files stay far below "
                       f"{_size(MAX_MEMBER)} a part and {MAX_RATIO} times compression", name,
                       hint="Open it in Word or Excel and save it again, or split the document.")


def _count(number: float) -> str:
    """A whole number as Danish users write it: 12.345."""
    return f"{number:,.0f}".replace(",", ".")


def _size(size: int) -> str:
    if size >= 1024 ** 3:
        return f"{size / 1024 ** 3:.1f} GB".replace(".", ",")
    return f"{size / 1024 ** 2:.0f} MB"
