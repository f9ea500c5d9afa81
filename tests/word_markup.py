"""Word documents with the markup Word itself writes, for the reader tests: content controls from a
template, text boxes saved twice (DrawingML and its VML fallback), tracked changes, hidden text.

python-docx writes the package (styles, relationships, content types); the body's blocks are the
XML fragments given, in Word's own namespaces, so the file opens in Word and LibreOffice as it is.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import quoteattr

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"')


def word_document(path: Path, *blocks: str) -> Path:
    """Save a .docx whose body holds `blocks` (block-level WordprocessingML: w:p, w:tbl, w:sdt) in order."""
    import docx

    document = docx.Document()
    body = document.element.body
    for block in blocks:
        body.insert(len(body) - 1, element(block))  # before w:sectPr
    document.save(str(path))
    return path


def element(xml: str) -> object:
    """One WordprocessingML element from its markup (Word's prefixes bound), to put into a document."""
    from docx.oxml import parse_xml

    return parse_xml(f"<w:wrap {NAMESPACES}>{xml}</w:wrap>")[0]


def paragraph(*runs: str) -> str:
    return f"<w:p>{''.join(runs)}</w:p>"


def run(text: str, *, hidden: bool = False) -> str:
    properties = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
    return f'<w:r>{properties}<w:t xml:space="preserve">{text}</w:t></w:r>'


def content_control(content: str, *, placeholder: bool = False, tag: str = "felt") -> str:
    """A content control (w:sdt) around `content`; `placeholder`: it shows its placeholder text, as an
    empty control from a template does ("Klik her for at skrive tekst.")."""
    showing = "<w:showingPlcHdr/>" if placeholder else ""
    return (f'<w:sdt><w:sdtPr><w:tag w:val={quoteattr(tag)}/><w:id w:val="{abs(hash(tag)) % 99999}"/>{showing}<w:text/>'
            f"</w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>")


def placeholder_run() -> str:
    return ('<w:r><w:rPr><w:rStyle w:val="PlaceholderText"/></w:rPr>'
            "<w:t>Klik eller tryk her for at skrive tekst.</w:t></w:r>")


def cell(content: str, width: int = 3000, extra: str = "") -> str:
    return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{extra}</w:tcPr>{content}</w:tc>'


def table(*rows: str, columns: int = 2, width: int = 3000) -> str:
    grid = "".join(f'<w:gridCol w:w="{width}"/>' for _ in range(columns))
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>")


def row(*cells: str) -> str:
    return f"<w:tr>{''.join(cells)}</w:tr>"


def text_box(*paragraphs: str) -> str:
    """A run holding a text box as Word 2010+ saves it: the DrawingML shape in mc:Choice and the same
    text again in a VML text box in mc:Fallback, for older readers."""
    inner = "".join(paragraphs)
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="114300" distR="114300" '
        'simplePos="0" relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>3200400</wp:posOffset>'
        '</wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="2286000" cy="685800"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapSquare wrapText="bothSides"/>'
        '<wp:docPr id="1" name="Tekstfelt 1"/><wp:cNvGraphicFramePr/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2286000" cy="685800"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{inner}</w:txbxContent></wps:txbx>"
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="91440" tIns="45720" rIns="91440" bIns="45720" anchor="t"/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        '<mc:Fallback><w:pict><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" path="m,l,21600r21600,l21600,xe"/>'
        '<v:shape id="Tekstfelt 1" o:spid="_x0000_s1026" type="#_x0000_t202" '
        'xmlns:o="urn:schemas-microsoft-com:office:office" style="position:absolute;width:180pt;height:54pt">'
        f"<v:textbox><w:txbxContent>{inner}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        "</mc:AlternateContent></w:r>")


def _tracked(change: str, text: str, text_tag: str = "w:t") -> str:
    """Runs of a tracked change (w:ins, w:del, w:moveFrom, w:moveTo) as Word saves them."""
    return (f'<{change} w:id="{abs(hash(change)) % 999}" w:author="Økonomi" w:date="2024-05-02T10:00:00Z">'
            f'<w:r><{text_tag} xml:space="preserve">{text}</{text_tag}></w:r></{change}>')


def inserted(text: str) -> str:
    return _tracked("w:ins", text)


def deleted(text: str) -> str:
    return _tracked("w:del", text, "w:delText")


def moved_from(text: str) -> str:
    return _tracked("w:moveFrom", text)


def moved_to(text: str) -> str:
    return _tracked("w:moveTo", text)
