"""Københavns Kommune's overview of effektiviseringsforslag: savings written as negative numbers (an
investment year as a positive one), the unit stated only in a sentence above the table, each
forvaltning a row of its own closed by "<forvaltning> i alt", and a grand total.

The layout follows the effektiviseringsstrategi annexes (docplayer.dk/amp/150419277, /114178083:
"1.000 kr p/l", "Styringsområde", "Samlet varig ændring", proposal codes such as "TV01") and the
agenda kk.dk/dagsordener-og-referater/Økonomiudvalget/møde-23082017/referat/punkt-4. The proposal
titles are the forvaltningers' own; the amounts are illustrative (the annexes' tables are not in
the corpus), chosen so that every printed total adds up.
"""

from __future__ import annotations

from pathlib import Path

from samples.make_reduction_list.office import PAGE_BREAK, WordTable, docx_and_pdf

HEADER = ["Nr.", "Forslagets titel", "Styringsområde", "2025", "2026", "2027", "2028"]
FORVALTNINGER = [
    ("Børne- og Ungdomsforvaltningen", [
        ("BUF1", "Fælles administration mellem Ungdomsskolen og Ungdommens Uddannelsesvejledning", "Service",
         "-1.200 -2.400 -2.400 -2.400"),
        ("BUF2", "Omlægning af vejledningsopgaven i Ungdommens Uddannelsesvejledning", "Service",
         "-800 -1.600 -1.600 -1.600"),
        ("BUF3", "Sprogindsats: lokal kapacitets- og kompetenceopbygning", "Service", "500 -300 -900 -900"),
     ], "-1.500 -4.300 -4.900 -4.900"),
    ("Socialforvaltningen", [
        ("SOF1", "Færre udgifter til misbrugsbehandling, herberger, støtte-kontaktpersoner mv. i SOF", "Service",
         "-2.100 -2.100 -2.100 -2.100"),
        ("SOF2", "Effektiviseringer på arbejdspladser i SOF", "Service", "-950 -1.900 -1.900 -1.900"),
        ("TV01", "Bedre brug af hjælpemidler på botilbud", "Overførsler", "-600 -1.200 -1.200 -1.200"),
     ], "-3.650 -5.200 -5.200 -5.200"),
    ("Økonomiforvaltningen", [
        ("ØKF1", "Automatiseret postsortering", "Service", "-400 -900 -900 -900"),
        ("ØKF2", "Smart sortering af uarbejdsdygtighedserklæringer", "Service", "-350 -700 -700 -700"),
        ("ØKF3", "Automatisering og optimering af manuelle processer på it-sikkerhedsområdet", "Service",
         "-500 -1.000 -1.000 -1.000"),
        ("ØKF4", "Server-besparelse (licenser, datacenteraftryk)", "Anlæg", "1.800 -600 -1.200 -1.200"),
     ], "550 -3.200 -3.800 -3.800"),
]
GRAND_TOTAL = ("Effektiviseringer i alt", "-4.600 -12.700 -13.900 -13.900")


def write(out: Path) -> None:
    rows: list[object] = [HEADER]
    bold, merged = {0}, set()
    for number, (forvaltning, proposals, total) in enumerate(FORVALTNINGER):
        if number == 2:
            rows.append(PAGE_BREAK)
        bold.add(len(rows))
        merged.add(len(rows))
        rows.append([forvaltning])
        rows.extend([nr, title, area, *amounts.split()] for nr, title, area, amounts in proposals)
        bold.add(len(rows))
        rows.append(["", f"{forvaltning} i alt", "", *total.split()])
    bold.add(len(rows))
    rows.append(["", GRAND_TOTAL[0], "", *GRAND_TOTAL[1].split()])
    docx_and_pdf(
        out / "koebenhavn-negative-besparelser-enhed-i-saetning.docx",
        header="Københavns Kommune · Økonomiforvaltningen · Budget 2025",
        paragraphs_before=[
            ("Heading 1", "Bilag 4: Effektiviseringsforslag til budget 2025"),
            ("Normal", "Tabellen viser forvaltningernes effektiviseringsforslag fordelt på år. "
                       "Alle beløb er i 1.000 kr. (2025-p/l)."),
        ],
        table=WordTable(rows, [1.2, 7, 2.2, 1.5, 1.5, 1.5, 1.5], bold, merged),
        author="Københavns Kommune (sample)")
