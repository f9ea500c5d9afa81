"""What the bench holds budgetbook against: other tools doing the same work on the same data.

- `write_with_xlsxwriter`: a bare XlsxWriter writing the same cells (values, formulas with their
  cached values, one format per named style, links): the floor of writing such a file in Python;
- `write_with_openpyxl_write_only`: openpyxl's streaming writer, the same values and formulas;
- `libreoffice_recalc`: LibreOffice headless opening a workbook without cached values, computing
  every formula and saving it (what `validate` is measured against);
- `read_with_calamine`: python-calamine reading every value of a workbook (Rust);
- `pdfplumber_words_and_text`: pdfplumber's own word and text extraction of every page, the floor
  of reading a PDF with it.
"""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

from workbook.layout import BookLayout, Formula, Style

# The look of each named style in XlsxWriter's terms (the template's, roughly: formats cost the same).
XLSXWRITER_FORMATS = {
    Style.TITLE: {"bold": True, "font_size": 16, "font_color": "#1F4E79"},
    Style.NOTE: {"italic": True, "font_color": "#595959", "valign": "top"},
    Style.HEADER: {"bold": True, "font_color": "#FFFFFF", "bg_color": "#1F4E79", "text_wrap": True, "valign": "vcenter"},
    Style.TEXT: {"valign": "top"},
    Style.WRAP: {"text_wrap": True, "valign": "top"},
    Style.AMOUNT: {"num_format": "#,##0;-#,##0;0", "valign": "top"},
    Style.PCT: {"num_format": "0.0%", "valign": "top"},
    Style.TOTAL_LABEL: {"bold": True, "top": 1, "bottom": 1},
    Style.TOTAL_AMOUNT: {"bold": True, "num_format": "#,##0;-#,##0;0", "top": 1, "bottom": 1},
    Style.TOTAL_PCT: {"bold": True, "num_format": "0.0%", "top": 1, "bottom": 1},
    Style.STATED: {"italic": True, "font_color": "#595959", "num_format": "#,##0;-#,##0;0"},
    Style.LINK: {"font_color": "#0563C1", "underline": 1},
    Style.ERROR: {"bold": True, "font_color": "#9C0006", "bg_color": "#FFC7CE"},
    Style.DECIMAL: {"num_format": "#,##0.0#;-#,##0.0#;0.0", "valign": "top"},
    Style.STATED_DECIMAL: {"italic": True, "font_color": "#595959", "num_format": "#,##0.0#;-#,##0.0#;0.0"},
}


def write_with_xlsxwriter(layout: BookLayout, values: dict[str, dict[tuple[int, int], object]], target: Path) -> int:
    """The same cells with XlsxWriter; returns how many it wrote."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(target))
    formats = {style: book.add_format(look) for style, look in XLSXWRITER_FORMATS.items()}
    count = 0
    for sheet_layout in layout.sheets:
        sheet = book.add_worksheet(sheet_layout.name)
        results = values.get(sheet_layout.name, {})
        for (row, col), spec in sheet_layout.cells.items():
            value, style = spec.value, formats.get(spec.style)  # type: ignore[arg-type]
            if value is None and style is None:
                continue
            r, c = row - 1, col - 1
            if isinstance(value, Formula):
                result = results.get((row, col))
                sheet.write_formula(r, c, str(value), style, "" if result is None else result)
            elif spec.link:
                sheet.write_url(r, c, f"internal:{spec.link.lstrip('#')}", style, str(value))
            elif isinstance(value, str):
                sheet.write_string(r, c, value, style)
            elif value is None:
                sheet.write_blank(r, c, None, style)
            else:
                sheet.write_number(r, c, value, style)
            count += 1
        for col, width in sheet_layout.column_widths.items():
            sheet.set_column(col - 1, col - 1, width)
    book.close()
    return count


def write_with_openpyxl_write_only(layout: BookLayout, target: Path) -> int:
    """The same values and formulas with openpyxl's write-only workbook (no styles, no cached values)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    count = 0
    for sheet_layout in layout.sheets:
        sheet = book.create_sheet(sheet_layout.name)
        rows: dict[int, dict[int, object]] = {}
        for (row, col), spec in sheet_layout.cells.items():
            if spec.value is not None:
                rows.setdefault(row, {})[col] = str(spec.value) if isinstance(spec.value, Formula) else spec.value
                count += 1
        last = 0
        for row in sorted(rows):
            for _ in range(row - last - 1):
                sheet.append([])
            cells = rows[row]
            sheet.append([cells.get(c) for c in range(1, max(cells) + 1)])
            last = row
    book.save(target)
    return count


def libreoffice_recalc(source: Path, soffice: str) -> Path:
    """LibreOffice opens `source` (a workbook without cached values), computes every formula and saves it."""
    out = Path(tempfile.mkdtemp(prefix="bench-lo-"))
    subprocess.run([soffice, f"-env:UserInstallation={(out / 'profile').as_uri()}", "--headless", "--calc",
                    "--convert-to", "xlsx", "--outdir", str(out / "saved"), str(source)],
                   check=True, capture_output=True, timeout=1800)
    saved = out / "saved" / source.name
    if not saved.exists():
        raise RuntimeError(f"LibreOffice wrote nothing for {source.name}")
    return saved


def read_with_calamine(path: Path) -> int:
    """Every value of every sheet with python-calamine; returns how many cells hold one."""
    from python_calamine import CalamineWorkbook

    book = CalamineWorkbook.from_path(str(path))
    return sum(1 for name in book.sheet_names for row in book.get_sheet_by_name(name).to_python()
               for value in row if value != "")


def pdfplumber_words_and_text(path: Path) -> int:
    """pdfplumber's words and text of every page, each page let go when done; returns the words."""
    import pdfplumber

    words = 0
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            words += len(page.extract_words())
            page.extract_text()
            page.close()
    return words
