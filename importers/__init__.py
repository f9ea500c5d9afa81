"""Importers: documents in, one typed model out.

One module per document kind, each with `KIND`, a cheap `detect(lines)` and
`interpret(lines, source) -> ImportResult`. The readers (`importers.readers`) turn
any file format into lines first, so each kind is parsed once, whatever the format.

    result = importers.parse(Path("reduktion.pdf"))
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

from budgetbook.errors import UnknownDocumentError
from budgetbook.model import ImportResult, SourceFile
from importers import budget_remarks, initiative_catalogue, minutes, proposal_forms, reduction_list
from importers.readers import Line, read_lines

# Ordered: the first importer whose detect() accepts the document reads it.
IMPORTERS: list[ModuleType] = [reduction_list, proposal_forms, budget_remarks, minutes, initiative_catalogue]


def kinds() -> list[str]:
    return [importer.KIND for importer in IMPORTERS]


def importer_for(lines: Sequence[Line], kind: str | None = None) -> ModuleType | None:
    for importer in IMPORTERS:
        if (kind is None and importer.detect(lines)) or importer.KIND == kind:
            return importer
    return None


def parse(path: Path | str, kind: str | None = None) -> ImportResult:
    """Read any supported document; `kind` forces an importer instead of detecting one."""
    path = Path(path)
    lines = read_lines(path)
    importer = importer_for(lines, kind)
    if importer is None:
        wanted = f"kind {kind!r}" if kind else "any known kind of document"
        raise UnknownDocumentError(
            f"Not recognised as {wanted}", path.name,
            hint=f"budgetbook reads: {', '.join(kinds())}.")
    return importer.interpret(lines, SourceFile.of(path))
