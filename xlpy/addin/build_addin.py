"""Build out/budgetbook.xlam: xlwings' own ribbon add-in template with our "Budget" tab.

    python -m xlpy.addin.build_addin            # -> out/budgetbook.xlam and out/budgetbook.bas

The template (`quickstart_addin_ribbon.xlam`, shipped in the xlwings package, BSD) already
holds xlwings' VBA (RunPython) in its binary `vbaProject.bin`. We replace its
`customUI/customUI.xml` with ours, and in `vbaProject.bin` its standard module RibbonMyAddin
with our module `budgetbook.bas` (renamed to the module's VB_Name, Budget), as source only:
Office compiles it when the add-in is opened (see vba_project.py). Everything else is copied
byte for byte. The .bas is also written next to the .xlam, as a readable copy.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import xlwings

from xlpy.addin.vba_project import replace_module

HERE = Path(__file__).parent
CUSTOM_UI = HERE / "customUI.xml"
MODULE = HERE / "budgetbook.bas"
TEMPLATE = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
TEMPLATE_UI = "customUI/customUI.xml"
TEMPLATE_VBA = "xl/vbaProject.bin"
TEMPLATE_MODULE = "RibbonMyAddin"
NEXT_STEP = "Open budgetbook.xlam in Excel (or add it under Developer > Excel Add-ins) and the Budget tab is there."


def build_addin(out_dir: Path, template: Path = TEMPLATE) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "budgetbook.xlam"
    temporary = target.with_suffix(".xlam.tmp")
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as out:
        names = source.namelist()
        for part in (TEMPLATE_UI, TEMPLATE_VBA):
            if part not in names:
                raise FileNotFoundError(f"{template} has no {part}: not xlwings' ribbon add-in template")
        replaced = {
            TEMPLATE_UI: CUSTOM_UI.read_bytes(),
            TEMPLATE_VBA: replace_module(source.read(TEMPLATE_VBA), TEMPLATE_MODULE,
                                         MODULE.read_text(encoding="utf-8")),
        }
        for name in names:
            out.writestr(source.getinfo(name), replaced[name] if name in replaced else source.read(name))
    temporary.replace(target)
    shutil.copyfile(MODULE, out_dir / MODULE.name)
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = build_addin(Path(args[0]) if args else Path("out"))
    print(f"{target} (with VBA module Budget) and {target.with_name(MODULE.name)} written.\n{NEXT_STEP}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
