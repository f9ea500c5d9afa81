"""The desktop add-in: schema-valid ribbon, every button wired to code that exists (Office.js: test_xlpy_server)."""

from __future__ import annotations

import importlib
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

ADDIN = Path(__file__).parent.parent / "xlpy" / "addin"
CUSTOM_UI_NS = "{http://schemas.microsoft.com/office/2006/01/customui}"


def custom_ui() -> etree._ElementTree:
    return etree.parse(str(ADDIN / "customUI.xml"))


def vba_subs() -> dict[str, str]:
    """Sub name -> body of every Sub in budgetbook.bas."""
    text = (ADDIN / "budgetbook.bas").read_text(encoding="utf-8")
    return {m.group(1): m.group(2) for m in re.finditer(r"^Sub (\w+)\(.*?\)\s*$(.*?)^End Sub", text, re.M | re.S)}


def test_custom_ui_validates_against_the_customui_schema_subset():
    schema = etree.XMLSchema(etree.parse(str(ADDIN / "customUI-subset.xsd")))
    document = custom_ui()
    assert schema.validate(document), schema.error_log


def test_the_schema_rejects_a_button_without_an_action():
    schema = etree.XMLSchema(etree.parse(str(ADDIN / "customUI-subset.xsd")))
    broken = etree.fromstring((ADDIN / "customUI.xml").read_bytes())
    del broken.find(f".//{CUSTOM_UI_NS}button").attrib["onAction"]
    assert not schema.validate(broken)


def test_one_budget_tab_with_one_button_per_handler():
    tabs = custom_ui().findall(f".//{CUSTOM_UI_NS}tab")
    assert [t.get("label") for t in tabs] == ["Budget"]
    labels = [b.get("label") for b in custom_ui().iter(f"{CUSTOM_UI_NS}button")]
    assert labels == ["Opdater", "Valider", "Byg pakker", "Send pakker"]


def test_every_on_action_has_its_vba_sub():
    module = re.search(r'Attribute VB_Name = "(\w+)"', (ADDIN / "budgetbook.bas").read_text(encoding="utf-8"))
    subs = vba_subs()
    for button in custom_ui().iter(f"{CUSTOM_UI_NS}button"):
        owner, sub = button.get("onAction").split(".")
        assert owner == module.group(1)
        assert sub in subs, f"{button.get('id')}: no Sub {sub} in budgetbook.bas"
        assert "control As IRibbonControl" in (ADDIN / "budgetbook.bas").read_text(encoding="utf-8")


def test_every_run_python_call_names_a_python_function_that_exists():
    calls = [re.search(r'RunPython "(.*)"', body).group(1) for body in vba_subs().values()]
    assert len(calls) == 4
    for call in calls:
        match = re.fullmatch(r"import ([\w.]+); ([\w.]+)\.(\w+)\(\)", call)
        assert match, call
        module = importlib.import_module(match.group(1))
        assert match.group(2) == match.group(1)
        assert callable(getattr(module, match.group(3))), call


def test_build_makes_the_xlam_from_the_xlwings_template_with_our_ribbon(tmp_path):
    from xlpy.addin.build_addin import TEMPLATE, build_addin

    if not TEMPLATE.exists():
        pytest.skip("xlwings without its add-in template")
    target = build_addin(tmp_path)
    with zipfile.ZipFile(target) as built, zipfile.ZipFile(TEMPLATE) as template:
        assert built.read("customUI/customUI.xml") == (ADDIN / "customUI.xml").read_bytes()
        assert built.read("xl/vbaProject.bin") != template.read("xl/vbaProject.bin")  # our module is inside
        assert sorted(built.namelist()) == sorted(template.namelist())
        for name in set(template.namelist()) - {"customUI/customUI.xml", "xl/vbaProject.bin"}:
            assert built.read(name) == template.read(name), name
    assert (tmp_path / "budgetbook.bas").read_bytes() == (ADDIN / "budgetbook.bas").read_bytes()  # readable copy
