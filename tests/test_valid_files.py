"""Every file budgetbook writes passes an Open XML validator (openxml-audit, the Open XML SDK's rules) with 0 errors.

The workbook of every document kind, the same after `validate` added its Validering sheet, each
committee pack, and the desktop add-in. Texts sit in a shared-strings table (inline strings make
Excel rewrite the file on its first save), and styles.xml is in the schema's order.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from openxml_audit import OpenXmlValidator

from templates import template_path
from tests.test_fast_writer import ONE_OF_EACH
from workbook.api import build_workbook, validate_and_record
from workbook.packs import build_packs
from xlpy.addin.build_addin import build_addin


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("valid")
    built = build_workbook(list(ONE_OF_EACH.values()), folder / "Budget.xlsx").output
    validated = shutil.copyfile(built, folder / "Valideret.xlsx")
    validate_and_record(validated)
    files = {"Budget.xlsx": built, "Valideret.xlsx": validated}
    files.update({f"pack {p.path.name}": p.path for p in build_packs(built, folder / "packs").packs})
    files["budgetbook.xlam"] = build_addin(folder / "addin")
    return files


def audit(path: Path) -> list[str]:
    return [str(error) for error in OpenXmlValidator().validate(str(path)).errors]


def test_every_file_passes_the_open_xml_validator(written: dict[str, Path]) -> None:
    assert len(written) >= 5
    found = {name: audit(path) for name, path in written.items()}
    assert found == {name: [] for name in written}


def test_texts_are_shared_strings(written: dict[str, Path]) -> None:
    for name, path in written.items():
        if name.endswith(".xlam"):
            continue
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            assert "xl/sharedStrings.xml" in names, name
            sheets = [package.read(n) for n in names if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any(b't="inlineStr"' in xml for xml in sheets), name
        assert any(b't="s"' in xml for xml in sheets), name


def test_the_validator_finds_what_openpyxl_writes(tmp_path: Path) -> None:
    """The validator is not blind: openpyxl's own save has fonts out of order and inline strings."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.active["A1"] = "tekst"
    book.active["A1"].font = Font(name="Calibri", bold=True, color="FF0000", size=12)
    book.save(tmp_path / "openpyxl.xlsx")
    errors = audit(tmp_path / "openpyxl.xlsx")
    assert any("inline" in e for e in errors) and any("font" in e for e in errors), errors


def test_the_template_users_restyle_passes_too() -> None:
    """templates/budget.xlsx ships with budgetbook and is opened and saved by users in Excel."""
    assert audit(template_path()) == []
