"""Build out/budgetbook.xlam: xlwings' own ribbon add-in template with our "Budget" tab.

    python -m xlpy.addin.build_addin            # -> out/budgetbook.xlam and out/budgetbook.bas

The template (`quickstart_addin_ribbon.xlam`, shipped in the xlwings package, BSD) already
holds xlwings' VBA (RunPython) in its binary `vbaProject.bin`. We replace its
`customUI/customUI.xml` with ours and leave everything else byte for byte. Our VBA module
(`budgetbook.bas`, kept as text in the repo) cannot be put into `vbaProject.bin` without
Excel: no maintained library writes VBA modules into that binary. So the build writes the
.bas next to the .xlam, and the one step left is done once in Excel: open the .xlam, Alt+F11,
File > Import File... > budgetbook.bas, save.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import xlwings

HERE = Path(__file__).parent
CUSTOM_UI = HERE / "customUI.xml"
MODULE = HERE / "budgetbook.bas"
TEMPLATE = Path(xlwings.__file__).parent / "quickstart_addin_ribbon.xlam"
TEMPLATE_UI = "customUI/customUI.xml"
IMPORT_STEP = ("One step left, once, in Excel: open budgetbook.xlam, press Alt+F11, File > Import File..., "
               "choose budgetbook.bas, save. Then run 'xlwings runpython install' once if RunPython asks for it.")


def build_addin(out_dir: Path, template: Path = TEMPLATE) -> Path:
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "budgetbook.xlam"
    temporary = target.with_suffix(".xlam.tmp")
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(temporary, "w", zipfile.ZIP_DEFLATED) as out:
        names = source.namelist()
        if TEMPLATE_UI not in names:
            raise FileNotFoundError(f"{template} has no {TEMPLATE_UI}: not xlwings' ribbon add-in template")
        for name in names:
            data = CUSTOM_UI.read_bytes() if name == TEMPLATE_UI else source.read(name)
            out.writestr(source.getinfo(name), data)
    temporary.replace(target)
    shutil.copyfile(MODULE, out_dir / MODULE.name)
    return target


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = build_addin(Path(args[0]) if args else Path("out"))
    print(f"{target} and {target.with_name(MODULE.name)} written.\n{IMPORT_STEP}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
