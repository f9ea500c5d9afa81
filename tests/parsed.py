"""Sample documents read once per test session: reading a PDF of a dozen pages takes seconds."""

from __future__ import annotations

import functools
from pathlib import Path

import importers
from budgetbook.model import ImportResult, SourceFile
from importers.readers import Line, read_lines


@functools.cache
def lines_of(path: Path) -> tuple[Line, ...]:
    return tuple(read_lines(path))


@functools.cache
def parsed(path: Path) -> ImportResult:
    """What `importers.parse(path)` gives, from the cached lines."""
    lines = list(lines_of(path))
    importer = importers.importer_for(lines)
    assert importer is not None, f"{path.name} is recognised as no kind"
    return importer.interpret(lines, SourceFile.of(path))
