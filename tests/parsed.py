"""Sample documents read once per test session: reading a PDF of a dozen pages takes seconds."""

from __future__ import annotations

import functools
from pathlib import Path

import importers
from budgetbook.model import ImportResult, SourceFile
from importers.readers import Document, Line, read_document
from importers.reading import Reading


@functools.cache
def document_of(path: Path) -> Document:
    return read_document(path)


def lines_of(path: Path) -> tuple[Line, ...]:
    return document_of(path).lines


def reading_of(path: Path) -> Reading:
    """A fresh reading of the cached document (a reading records what its importer used)."""
    return importers.reading_of(document_of(path), SourceFile.of(path))


def kind_of(path: Path) -> str:
    """The kind detection gives the sample."""
    return importers.decide(reading_of(path))[1].kind


@functools.cache
def parsed(path: Path) -> ImportResult:
    """What `importers.parse(path)` gives, from the cached document."""
    return importers.decide(reading_of(path))[1]
