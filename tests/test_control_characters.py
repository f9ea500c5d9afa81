"""Control characters in a document's text are removed where text enters, with a warning per line."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

import importers
from budgetbook.model import Provenance
from importers.readers import Line, Word
from importers.readers.control_characters import MAX_WARNINGS, without_control_characters
from tests.golden import SAMPLES
from workbook.api import build_workbook

LIST_TXT = SAMPLES / "reduction_list" / "lejre-2023.txt"


def test_cells_and_words_are_cleaned_and_each_line_says_so() -> None:
    lines = [Line(("1.38.58", "IT\x00 og\x07 Digitalisering", 100), Provenance("a.pdf", 1, 3),
                  words=(Word(0, 10, "IT\x00"), Word(12, 20, "og\x07"))),
             Line(("Tab\tand\nnewline stay",), Provenance("a.pdf", 1, 4))]
    cleaned, warnings = without_control_characters(lines)
    assert cleaned[0].cells == ("1.38.58", "IT og Digitalisering", 100)
    assert [w.text for w in cleaned[0].words] == ["IT", "og"]
    assert cleaned[1] is lines[1]
    (warning,) = warnings
    assert warning.message.startswith("Removed control characters (NUL, U+0007)")
    assert warning.provenance == Provenance("a.pdf", 1, 3)


def test_many_lines_give_a_bounded_number_of_warnings() -> None:
    lines = [Line((f"x\x01{i}",), Provenance("a.txt", 1, i)) for i in range(1, 51)]
    cleaned, warnings = without_control_characters(lines)
    assert all("\x01" not in line.cells[0] for line in cleaned)
    assert len(warnings) == MAX_WARNINGS + 1 and "30 more lines" in warnings[-1].message


def test_a_list_with_control_characters_builds(tmp_path: Path) -> None:
    text = LIST_TXT.read_text(encoding="utf-8").replace("IT OG Digitalisering", "IT OG\x00 Digitalisering\x1b", 1)
    text = text.replace("Besparelser på Datalinjer", "Besparelser\x07 på Datalinjer", 1)
    source = tmp_path / "liste.txt"
    source.write_text(text, encoding="utf-8")
    result = importers.parse(source)
    record = next(r for r in result.records if r.overskrift == "Besparelser på Datalinjer")
    assert record.bevillingstekst == "IT OG Digitalisering"
    removed = [w for w in result.warnings if w.message.startswith("Removed control characters")]
    assert len(removed) == 1 and "NUL, U+0007, U+001B" in removed[0].message
    assert removed[0].provenance.line is not None
    out = tmp_path / "Budget.xlsx"
    build_workbook([source], out)  # the workbook writer never sees one (openpyxl would refuse it)
    assert load_workbook(out)["Oversigt"]["A1"].value == "Oversigt"
