"""Shared by the generators of prose-heavy samples (proposal forms, budget remarks): fonts and
paragraph styles for reportlab, Word bullet paragraphs, and the LibreOffice route to PDF.

The seeds write bullets as "- text" (one level) and " - text" (one deeper); both renderers
take the level from `bullet_level`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
_BULLET = re.compile(r"^(?P<indent>\s*)[-–•]\s+(?P<text>.*)$")
MARKS = {1: "•", 2: "◦"}


def bullet_level(line: str) -> tuple[int, str]:
    """(level, text) of a seed line: 0 for no bullet, 1 for "- x", 2 for " - x"."""
    match = _BULLET.match(line)
    if match is None:
        return 0, line.strip()
    return (2 if match.group("indent") else 1), match.group("text").strip()


def pdf_fonts() -> tuple[str, str]:
    """Regular and bold font names for reportlab: DejaVu Sans when installed (it has "◦"), else Helvetica."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    regular, bold = DEJAVU / "DejaVuSans.ttf", DEJAVU / "DejaVuSans-Bold.ttf"
    if not (regular.exists() and bold.exists()):
        return "Helvetica", "Helvetica-Bold"
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
    return "DejaVuSans", "DejaVuSans-Bold"


def pdf_styles() -> dict[str, object]:
    """Paragraph styles of a municipal document: title, heading, subheading, body, bullets."""
    from reportlab.lib.styles import ParagraphStyle

    regular, bold = pdf_fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, spaceAfter=5)
    return {
        "title": ParagraphStyle("title", parent=body, fontName=bold, fontSize=15, leading=19, spaceAfter=10),
        "heading": ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12, leading=15, spaceBefore=8),
        "section": ParagraphStyle("section", parent=body, fontName=bold, fontSize=10.5, leading=13, spaceBefore=6),
        "subheading": ParagraphStyle("subheading", parent=body, fontName=bold, fontSize=9.5),
        "body": body,
        "cell": ParagraphStyle("cell", parent=body, spaceAfter=0),
        "cell_bold": ParagraphStyle("cell_bold", parent=body, fontName=bold, spaceAfter=0),
        1: ParagraphStyle("bullet1", parent=body, leftIndent=16, bulletIndent=5, spaceAfter=2,
                          bulletFontName=regular),
        2: ParagraphStyle("bullet2", parent=body, leftIndent=32, bulletIndent=21, spaceAfter=2,
                          bulletFontName=regular),
    }


def pdf_paragraph(text: str, style: object, level: int = 0) -> object:
    """A reportlab paragraph of plain text (escaped), with a bullet mark for levels 1 and 2."""
    from xml.sax.saxutils import escape

    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), style, bulletText=MARKS[level] if level else None)


def pdf_page_footer(canvas: object, doc: object) -> None:
    """ "Side N" centred at the foot of every page, as municipal documents have it."""
    regular, _ = pdf_fonts()
    canvas.saveState()  # type: ignore[attr-defined]
    canvas.setFont(regular, 8)  # type: ignore[attr-defined]
    canvas.drawCentredString(doc.pagesize[0] / 2, 28, f"Side {doc.page}")  # type: ignore[attr-defined]
    canvas.restoreState()  # type: ignore[attr-defined]


def docx_paragraph(document: object, text: str, level: int = 0, style: str | None = None) -> object:
    """A Word paragraph; a bullet of level 1 or 2 gets the built-in "List Bullet" / "List Bullet 2" style."""
    if level:
        style = "List Bullet" if level == 1 else "List Bullet 2"
    return document.add_paragraph(text, style=style)  # type: ignore[attr-defined]


def libreoffice_to_pdf(source: Path, target: Path) -> Path:
    """Convert a DOCX to PDF with LibreOffice headless (`soffice`), a second route to a real PDF."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice (soffice) is not installed; run scripts/install-system-deps")
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        subprocess.run(
            [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
             "--outdir", tmp, str(source)],
            check=True, capture_output=True, timeout=180)
        shutil.move(Path(tmp) / f"{source.stem}.pdf", target)
    return target
