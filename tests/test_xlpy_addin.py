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
        for name in set(template.namelist()) - {"customUI/customUI.xml", "xl/vbaProject.bin", "_rels/.rels"}:
            assert built.read(name) == template.read(name), name
    assert (tmp_path / "budgetbook.bas").read_bytes() == (ADDIN / "budgetbook.bas").read_bytes()  # readable copy


def built_parts(tmp_path: Path) -> dict[str, bytes]:
    from xlpy.addin.build_addin import TEMPLATE, build_addin

    if not TEMPLATE.exists():
        pytest.skip("xlwings without its add-in template")
    with zipfile.ZipFile(build_addin(tmp_path)) as built:
        return {name: built.read(name) for name in built.namelist()}


def test_the_ribbon_part_is_related_with_the_type_its_namespace_needs(tmp_path):
    """Open XML SDK: the 2006 customUI namespace is a RibbonExtensibilityPart, 2009 a RibbonAndBackstage... part."""
    from xlpy.addin.build_addin import RIBBON_RELATIONSHIPS

    parts = built_parts(tmp_path)
    rels = etree.fromstring(parts["_rels/.rels"])
    [ribbon] = [r for r in rels if r.get("Target") == "customUI/customUI.xml"]
    namespace = etree.QName(etree.fromstring(parts["customUI/customUI.xml"])).namespace
    assert namespace == "http://schemas.microsoft.com/office/2006/01/customui"
    assert ribbon.get("Type") == RIBBON_RELATIONSHIPS[namespace] == \
        "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility"
    assert {r.get("Id") for r in rels} == {"rId1", "rId2", "rId3", "rId4"}  # the other relationships are kept


def test_the_sdk_derived_validator_accepts_the_add_in_and_would_refuse_a_bad_ribbon(tmp_path):
    """openxml-audit validates every part against the schemas derived from Microsoft's Open XML SDK,
    the customUI part against Microsoft's customUI schema."""
    audit = pytest.importorskip("openxml_audit")
    from xlpy.addin.build_addin import build_addin

    validator = audit.OpenXmlValidator()
    target = build_addin(tmp_path)
    result = validator.validate(str(target))
    assert result.is_valid, [str(e) for e in result.errors]
    broken = tmp_path / "broken.xlam"
    with zipfile.ZipFile(target) as source, zipfile.ZipFile(broken, "w") as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "customUI/customUI.xml":
                data = data.replace(b"<ribbon>", b"<ribbon><notARibbonElement/>")
            out.writestr(item, data)
    refused = validator.validate(str(broken))
    assert not refused.is_valid and any("customUI" in str(e) for e in refused.errors)
