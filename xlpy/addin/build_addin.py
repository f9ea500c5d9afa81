"""Build out/budgetbook.xlam: xlwings' own ribbon add-in template with our "Budget" tab.

    python -m xlpy.addin.build_addin            # -> out/budgetbook.xlam and out/budgetbook.bas

The template (`quickstart_addin_ribbon.xlam`, shipped in the xlwings package, BSD) already
holds xlwings' VBA (RunPython) in its binary `vbaProject.bin`. We replace its
`customUI/customUI.xml` with ours and relate it with the relationship type its namespace needs
(the template pairs the 2006 namespace with the 2007 type, which Open XML SDK tools refuse);
in `vbaProject.bin` we replace its standard module RibbonMyAddin with our module
`budgetbook.bas` (renamed to the module's VB_Name, BudgetRibbon), as source only: Office
compiles it when the add-in is opened (see vba_project.py), and name the project "Budget"
(the template's is "MyAddin"). Everything else is copied byte for byte. The .bas is also written next to the .xlam, as a readable copy.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import xlwings

from lxml import etree

from xlpy.addin.vba_project import rename_project, replace_module

HERE = Path(__file__).parent
CUSTOM_UI = HERE / "customUI.xml"
MODULE = HERE / "budgetbook.bas"
TEMPLATE = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
TEMPLATE_UI = "customUI/customUI.xml"
TEMPLATE_VBA = "xl/vbaProject.bin"
TEMPLATE_MODULE = "RibbonMyAddin"
TEMPLATE_RELS = "_rels/.rels"
PROJECT_NAME = "Budget"
# The ribbon part's relationship type follows its namespace (the Open XML SDK's RibbonExtensibilityPart and
# RibbonAndBackstageCustomizationsPart); a mismatch makes SDK-based tools refuse the file.
RIBBON_RELATIONSHIPS = {
    "http://schemas.microsoft.com/office/2006/01/customui":
        "http://schemas.microsoft.com/office/2006/relationships/ui/extensibility",
    "http://schemas.microsoft.com/office/2009/07/customui":
        "http://schemas.microsoft.com/office/2007/relationships/ui/extensibility",
}
PACKAGE_RELATIONSHIPS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
NEXT_STEP = "Open budgetbook.xlam in Excel (or add it under Developer > Excel Add-ins) and the Budget tab is there."


def build_addin(out_dir: Path, template: Path = TEMPLATE) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "budgetbook.xlam"
    temporary = target.with_suffix(".xlam.tmp")
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as out:
        names = source.namelist()
        for part in (TEMPLATE_UI, TEMPLATE_VBA, TEMPLATE_RELS):
            if part not in names:
                raise FileNotFoundError(f"{template} has no {part}: not xlwings' ribbon add-in template")
        ribbon = CUSTOM_UI.read_bytes()
        vba = replace_module(source.read(TEMPLATE_VBA), TEMPLATE_MODULE, MODULE.read_text(encoding="utf-8"))
        replaced = {
            TEMPLATE_UI: ribbon,
            TEMPLATE_VBA: rename_project(vba, PROJECT_NAME),
            TEMPLATE_RELS: relationships_for(source.read(TEMPLATE_RELS), TEMPLATE_UI, ribbon),
        }
        for name in names:
            out.writestr(source.getinfo(name), replaced[name] if name in replaced else source.read(name))
    temporary.replace(target)
    shutil.copyfile(MODULE, out_dir / MODULE.name)
    return target


def relationships_for(rels: bytes, part: str, ribbon: bytes) -> bytes:
    """The package relationships with the ribbon part's type set to the one its namespace needs."""
    namespace = etree.QName(etree.fromstring(ribbon)).namespace
    if namespace not in RIBBON_RELATIONSHIPS:
        raise ValueError(f"{CUSTOM_UI.name} has the namespace {namespace!r}, which is no customUI namespace")
    root = etree.fromstring(rels)
    targets = [r for r in root.iter(f"{PACKAGE_RELATIONSHIPS}Relationship") if r.get("Target").lstrip("/") == part]
    if len(targets) != 1:
        raise ValueError(f"the template's {TEMPLATE_RELS} does not relate {part} once")
    targets[0].set("Type", RIBBON_RELATIONSHIPS[namespace])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = build_addin(Path(args[0]) if args else Path("out"))
    print(f"{target} (with VBA module Budget) and {target.with_name(MODULE.name)} written.\n{NEXT_STEP}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
