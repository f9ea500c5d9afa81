"""Every place that lists or accepts documents offers the formats the readers read, from one list.

`importers.readers.SUFFIXES` names them; the ribbon's source folder, the catalogue index of BB_LIGNENDE,
the server's uploads and the task pane's file pickers all take it (the pane's HTML is xlwings Server's
template, so this test holds it to the list).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from budgetbook.errors import ConfigError
from importers.readers import SUFFIXES
from xlpy.documents import plain_name
from xlpy.handlers import source_documents

TASKPANE = Path(__file__).parent.parent / "xlpy" / "officejs" / "templates" / "taskpane.html"


def test_the_readers_read_opendocument_csv_and_macro_workbooks() -> None:
    assert {".pdf", ".docx", ".xlsx", ".xlsm", ".odt", ".ods", ".csv", ".txt"} <= set(SUFFIXES)


def test_the_task_panes_file_pickers_accept_exactly_the_readers_formats() -> None:
    accepts = re.findall(r'accept="([^"]*)"', TASKPANE.read_text(encoding="utf-8"))
    assert len(accepts) == 2
    assert all(accept.split(",") == list(SUFFIXES) for accept in accepts)


def test_the_source_folder_lists_every_readable_document_and_nothing_else(tmp_path: Path) -> None:
    readable = [f"liste{suffix.upper() if i % 2 else suffix}" for i, suffix in enumerate(SUFFIXES)]
    for name in [*readable, "billede.png", "gammel.doc", "~$liste.xlsx", ".skjult.pdf", "Budget.xlsx"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in source_documents(tmp_path, exclude="Budget.xlsx")] == sorted(readable)


@pytest.mark.parametrize("suffix", SUFFIXES)
def test_an_upload_of_any_readable_format_is_taken(suffix: str) -> None:
    assert plain_name(f"C:\\Users\\okonomi\\Spareforslag{suffix}") == f"Spareforslag{suffix}"


def test_an_upload_of_another_format_is_refused_naming_the_ones_read() -> None:
    with pytest.raises(ConfigError, match="OpenDocument"):
        plain_name("Spareforslag.doc")
