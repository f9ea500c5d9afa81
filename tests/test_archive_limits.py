"""Office files are checked before an XML parser sees them: ZIP bombs and DTDs (XML bombs) refused."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from budgetbook.errors import SourceError
from importers.readers.archive_limits import check_archive
from tests.bad_files import billion_laughs, claiming_size, inflating, with_member
from tests.golden import SAMPLES

DOCX = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.docx"
XLSX = SAMPLES / "reduction_list" / "lejre-2023.xlsx"


def check(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        check_archive(archive, path.name)


@pytest.mark.parametrize("sample", sorted(p for p in SAMPLES.rglob("*") if p.suffix in (".docx", ".xlsx")),
                         ids=lambda p: p.name)
def test_every_sample_passes(sample: Path) -> None:
    check(sample)


@pytest.mark.parametrize(("make", "says"), [
    (lambda d: billion_laughs(DOCX, d / "a.docx", "word/document.xml"), "word/document.xml declares a DTD"),
    (lambda d: billion_laughs(XLSX, d / "a.xlsx", "xl/worksheets/sheet1.xml"), "sheet1.xml declares a DTD"),
    (lambda d: billion_laughs(DOCX, d / "a.docx", "word/_rels/document.xml.rels"), "document.xml.rels declares"),
    (lambda d: inflating(DOCX, d / "a.docx", "word/document.xml"), "word/document.xml inflates 8"),
    (lambda d: claiming_size(XLSX, d / "a.xlsx", "xl/worksheets/sheet1.xml", 4 * 1024 ** 3),
     "xl/worksheets/sheet1.xml inflates to 4,0 GB"),
])
def test_bombs_are_refused_naming_file_and_part(tmp_path: Path, make, says: str) -> None:
    path = make(tmp_path)
    with pytest.raises(SourceError) as caught:
        check(path)
    message = str(caught.value)
    assert says in message and f"({path.name})" in message and "\n" not in message


def test_a_dtd_after_a_comment_is_found_and_one_in_text_is_not_a_declaration(tmp_path: Path) -> None:
    def document_with(old: bytes, new: bytes, name: str) -> Path:
        return with_member(DOCX, tmp_path / name, "word/document.xml", lambda data: data.replace(old, new, 1))

    with pytest.raises(SourceError, match="declares a DTD"):
        check(document_with(b"?>", b"?><!-- x --><!doctype d [<!ENTITY e 'x'>]>", "comment.docx"))
    check(document_with(b"<w:t>", b"<w:t>&lt;!DOCTYPE in a sentence ", "text.docx"))
