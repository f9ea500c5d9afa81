"""Frederikssund's handlingskatalog for budget 2021-2024 as a printed PDF: the proposal's number
written into its title ("12 Fælles indkøb af vikarer"), the area in a column ("Område"), amounts in
mio. kr. with one decimal (the unit in the title), a period total column ("I alt 2021-2024") and an
"I alt" row; the municipality and title as a running header and "Side 1 af 2" as a footer; each
tiltag described after the table (read as its explanation).

Source: https://sn.dk/Lokalavisen-Frederikssund/Budgetudspil-i-hoering-Skal-finde-besparelser-for-19-millioner-kroner/artikel/1350863
(the catalogue's gross savings: 43 mio. kr. in 2021, 70 in 2022, 81 in 2023 and 87 in 2024, printed
here as the I alt row). The proposals and their split are illustrative; they add up to those totals.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from xml.sax.saxutils import escape

from importers.numbers import format_number

_one_decimal = partial(format_number, decimals=1)

TITLE = "Handlingskatalog, budget 2021-2024: bruttobesparelser i mio. kr."
RUNNING_HEAD = "Frederikssund Kommune · Handlingskatalog 2021-2024"
HEADER = ["Tiltag", "Område", "2021", "2022", "2023", "2024", "I alt 2021-2024"]
PROPOSALS = [
    ("1 Ny organisering af hjemmeplejen", "Ældre og sundhed", (6.5, 11.0, 13.0, 14.0)),
    ("2 Reduceret rengøring på plejecentre", "Ældre og sundhed", (2.0, 2.5, 2.5, 2.5)),
    ("5 Færre pædagogiske konsulenter", "Børn og skole", (3.2, 4.8, 4.8, 4.8)),
    ("7 Ændret klassedannelse", "Børn og skole", (5.0, 10.5, 13.0, 14.0)),
    ("9 Omlægning af specialundervisningen", "Børn og skole", (4.8, 8.2, 9.7, 10.2)),
    ("12 Fælles indkøb af vikarer", "Administration", (1.5, 2.0, 2.0, 2.0)),
    ("14 Digital borgerservice", "Administration", (2.0, 4.0, 5.0, 5.5)),
    ("17 Færre åbningstimer på bibliotekerne", "Kultur og fritid", (1.0, 1.5, 1.5, 1.5)),
    ("21 Reduceret vejvedligeholdelse", "Teknik", (4.5, 6.0, 7.0, 7.5)),
    ("24 Styrket jobindsats for ledige på kontanthjælp", "Social og beskæftigelse", (12.5, 19.5, 22.5, 25.0)),
]
PUBLISHED_TOTALS = (43.0, 70.0, 81.0, 87.0)
# The catalogue's text per tiltag, shortened (illustrative, like the split of the amounts).
DESCRIPTIONS = {
    '1 Ny organisering af hjemmeplejen': 'Hjemmeplejen samles i færre distrikter med fælles planlægning af ruterne.',
    '2 Reduceret rengøring på plejecentre': 'Rengøring af fællesarealer hver anden uge i stedet for hver uge.',
    '5 Færre pædagogiske konsulenter': 'To stillinger i den pædagogiske konsulentgruppe nedlægges.',
    '7 Ændret klassedannelse': 'Klasser dannes med op til 26 elever, hvor skolerne i dag danner mindre klasser.',
    '9 Omlægning af specialundervisningen': 'Flere elever undervises i specialklasser på egne skoler frem for eksterne tilbud.',
    '12 Fælles indkøb af vikarer': 'Vikarer købes gennem én fælles aftale for skoler og dagtilbud.',
    '14 Digital borgerservice': 'Flere henvendelser løses med selvbetjening; åbningstiden i borgerservice nedsættes.',
    '17 Færre åbningstimer på bibliotekerne': 'Betjent åbningstid nedsættes; bibliotekerne holdes åbne som selvbetjente.',
    '21 Reduceret vejvedligeholdelse': 'Slidlag fornys sjældnere, og rabatter slås én gang om året.',
    '24 Styrket jobindsats for ledige på kontanthjælp': 'Flere virksomhedsrettede forløb giver færre udgifter til forsørgelse.',
}


def rows() -> list[list[str]]:
    body = [[title, area, *map(_one_decimal, amounts), _one_decimal(sum(amounts))] for title, area, amounts in PROPOSALS]
    totals = [round(sum(p[2][i] for p in PROPOSALS), 1) for i in range(4)]
    assert tuple(totals) == PUBLISHED_TOTALS, totals
    return [HEADER, *body, ["I alt", "", *map(_one_decimal, totals), _one_decimal(sum(totals))]]


def write(out: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer, TableStyle

    text = ParagraphStyle("text", fontName="Helvetica", fontSize=9, leading=11)
    bold = ParagraphStyle("bold", parent=text, fontName="Helvetica-Bold")
    title = ParagraphStyle("title", parent=bold, fontSize=13, leading=16)
    data = rows()
    cells = [[Paragraph(escape(c), bold if r in (0, len(data) - 1) else text) for c in row]
             for r, row in enumerate(data)]
    table = LongTable(cells, colWidths=[62 * mm, 36 * mm, 15 * mm, 15 * mm, 15 * mm, 15 * mm, 22 * mm], repeatRows=1)
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E4EDE4"))]))
    intro = ("Kataloget samler administrationens forslag til tiltag, som politikerne kan vælge imellem. "
             "Forslagene er beskrevet enkeltvis i bilaget; nedenfor er de samlet med deres bruttobesparelse.")
    story = [Paragraph(escape(TITLE), title), Spacer(0, 4 * mm), Paragraph(escape(intro), text), Spacer(0, 4 * mm)]
    story += [table, PageBreak(), Paragraph("Beskrivelse af tiltagene", title), Spacer(0, 4 * mm)]
    for name, _area, _amounts in PROPOSALS:
        story += [Paragraph(escape(name), bold), Paragraph(escape(DESCRIPTIONS[name]), text), Spacer(0, 3 * mm)]

    class NumberedCanvas(Canvas):
        """Draws the running head and "Side N af M" once the page count is known."""

        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            self._pages: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self.setFont("Helvetica", 8)
                self.drawString(20 * mm, A4[1] - 12 * mm, RUNNING_HEAD)
                self.drawRightString(A4[0] - 20 * mm, 10 * mm, f"Side {self._pageNumber} af {len(self._pages)}")
                super().showPage()
            super().save()

    SimpleDocTemplate(str(out / "frederikssund-nummer-i-tiltag.pdf"), pagesize=A4, leftMargin=20 * mm,
                      rightMargin=20 * mm, topMargin=20 * mm, bottomMargin=18 * mm, title=TITLE,
                      author="Frederikssund Kommune (sample)", invariant=True).build(story, canvasmaker=NumberedCanvas)
