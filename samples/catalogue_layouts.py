"""Initiative catalogues as other publishers lay them out (see samples/initiative_catalogue/README.md).

- `kl-idebank-label-grid-vector-boxes.pdf`: the KL idébank's initiatives (from the seed) printed as
  a label/value grid per initiative, every tick box drawn as a filled vector rectangle (no
  glyph in the text layer), Ja/Nej as boxes too, area sections, an initiative printed under
  two areas, boxes running on across pages, a running header and "Side N af M".
- `kerteminde-raaderumskatalog-side-pr-forslag.docx`: one proposal per page, number and title in
  the heading, a two-column box of "Label: value" cells, ☒/☐ glyphs, an effect line in t.kr.
  and a small table of the effect by year.
- `helsingoer-raaderumskatalog-en-linje.libreoffice.pdf`: fields as one line each
  ("Fagudvalg: ...", "Besparelse i 1.000 kr.: -750"), savings written negative, several
  proposals to a page, the Word header and footer printed by LibreOffice.
- `viborg-effektiviseringskatalog-label-over-vaerdi.pdf`: each label on its own line with its value
  on the next, the effect in mio. kr., ticks drawn as crossed vector boxes.
- `lejre-besparelseskatalog-label-kolonne-uden-streger.pdf`: labels in a column of their own with no
  ruling, each value wrapping under itself, "Effekt (1.000 kr.)".
- `greve-forslag-et-ark-pr-forslag.xlsx`: a workbook with a sheet per proposal, label cells beside
  value cells, the effect in whole kroner as a number cell.
- `krevi-inspiration-nummererede-forslag.docx`: a national inspiration catalogue: numbered
  initiatives ("12. Fælles indkøb af vikarer") under sector headings, "Kommune:" and
  "Økonomisk effekt:" lines in kr. and mio. kr.
- `lyngby-taarbaek-effektiviseringskatalog-tabel-med-kryds.libreoffice.pdf`: the whole catalogue one table,
  a row per proposal, "Nr | Overskrift | Beskrivelse | Bevillingsændring | Effektivisering investering
  implementering | Justering af serviceniveau | Påvirker andre områder" with X in the category columns, the
  unit in a line above ("Beløb i 1.000 kr. (- = besparelse)"). Refused by a second trial on documents the
  team had not seen (no catalogue layout had records as rows).
- `lyngby-taarbaek-kategorier-ord-brudt-i-smal-celle.libreoffice.pdf`: the same with its category headers in
  narrow columns, LibreOffice breaking the longer words inside their cells.
- `kora-inspiration-kategori-og-sektor-overskrifter.libreoffice.pdf`: KORA's inspiration catalogue: numbered
  categories ("5 Velfærdsteknologi") and sectors ("Ældre", "Handicap", "Tværgående") as headings, numbered
  proposals with "Kommune:" and "Økonomisk effekt:" (the first trial found it refused: "effektiviseringer").
- `kl-casekatalog-titel-over-boks.docx`: KL's casekatalog: the areas as chapters (one named like a label,
  "Økonomi"), each case's title a heading above its box (Kommune, Område, Løsning, Gevinst, Implementering);
  the first trial read the titles as "Implementering Indført i 2021.".
- `gentofte-effektiviseringskatalog-oekonomi-tabel.libreoffice.pdf`: a proposal per page, the effect only in a
  table under "Økonomi (1.000 kr.)", its row called "Effektivisering" (third hold-out trial: no effect read).
- `rudersdal-omprioriteringskatalog-afkrydset-type.{docx,libreoffice.pdf}`: a proposal per page, the type ticked
  in a box of its own ("☐ Administrativ ændring | ☒ Besparelse", no label), the effect in a "Mindreudgift" row
  (third hold-out trial: the Word file read as a proposal form, "☒ Besparelse" taken for an effect's label).
- `odense-sparekatalog-en-linje-pr-forslag.docx`: one proposal per line, "Title: 15,4 mio. kr.", no label and
  no year, as Fyens Stiftstidende printed Odense By- og Kulturforvaltningen's list (refused by the second
  trial: no layout read a proposal per line).

The municipal catalogues' texts are written for the samples after the published layouts (labels,
order, units, signs, numbering); the KL grid reuses the seed's own initiatives.
"""

from __future__ import annotations

from pathlib import Path

from samples.document_layout import (
    Boxes,
    Document,
    Heading,
    PageBreak,
    Para,
    grid,
    write_samples,
)
from samples.seeds import SEEDS

SEED = "initiative_catalogue_part1.txt"
KL_AREAS = ("Daginstitutioner", "Kultur & Fritid", "Skoler", "Teknik & Miljø", "Udsatte børn",
            "Beskæftigelse & Erhverv", "Udsatte voksne & borgere med handicap", "Administration",
            "Ældre & Sundhed")
KL_GRID_RECORDS = 26  # initiatives of the seed printed in the grid layout
KL_GRID_SUBJECT = "printed records: "


def main(out_dir: Path) -> None:
    write_samples(out_dir, {
        "kl-idebank-label-grid-vector-boxes.pdf": kl_grid(),
        "kerteminde-raaderumskatalog-side-pr-forslag.docx": kerteminde(),
        "helsingoer-raaderumskatalog-en-linje.libreoffice.pdf": helsingoer(),
        "viborg-effektiviseringskatalog-label-over-vaerdi.pdf": viborg(),
        "krevi-inspiration-nummererede-forslag.docx": krevi(),
        "lejre-besparelseskatalog-label-kolonne-uden-streger.pdf": lejre(),
        "lyngby-taarbaek-effektiviseringskatalog-tabel-med-kryds.libreoffice.pdf": lyngby_taarbaek(),
        "lyngby-taarbaek-kategorier-ord-brudt-i-smal-celle.libreoffice.pdf": lyngby_taarbaek(LYNGBY_HEADER_IN_LINES,
                                                                                              NARROW_WIDTHS),
        "odense-sparekatalog-en-linje-pr-forslag.docx": odense(),
        "gentofte-effektiviseringskatalog-oekonomi-tabel.libreoffice.pdf": gentofte(),
        "kl-casekatalog-titel-over-boks.docx": kl_casekatalog(),
        "kora-inspiration-kategori-og-sektor-overskrifter.libreoffice.pdf": kora(),
        "rudersdal-omprioriteringskatalog-afkrydset-type.docx": rudersdal(),
        "rudersdal-omprioriteringskatalog-afkrydset-type.libreoffice.pdf": rudersdal(),
    })
    write_greve(Path(out_dir) / "greve-forslag-et-ark-pr-forslag.xlsx")


# -- KL idébank, label grid with vector boxes ------------------------------------------------------

def kl_grid() -> Document:
    import importers

    initiatives = list(importers.parse(SEEDS / SEED).records)[:KL_GRID_RECORDS]
    types = sorted({t for item in initiatives for t in item.measure_types})
    printed: list[tuple[str, object]] = []
    for item in initiatives:
        areas = item.affected_areas or ("Administration",)
        printed.append((areas[0], item))
    twice = next(item for item in initiatives if len(item.affected_areas) > 1)
    printed.append((twice.affected_areas[1], twice))  # printed again under its second area
    printed.sort(key=lambda pair: KL_AREAS.index(pair[0]) if pair[0] in KL_AREAS else len(KL_AREAS))
    document = Document("Kommunale effektiviseringsforslag i budget 2024", "KL", marks="vector-fill",
                        header="Kommunale effektiviseringsforslag i budget 2024 · Idébank",
                        subject=f"{KL_GRID_SUBJECT}{len(printed)}")
    section = None
    for area, item in printed:
        if area != section:
            section = area
            document.add(Heading(area, 1))
        document.add(grid([
            ("Kommune", item.municipality),
            ("Titel", item.title),
            ("Beskrivelse", item.description),
            ("Berørte fagområder", Boxes(tuple((a, a in item.affected_areas) for a in KL_AREAS), columns=2)),
            ("Effekt ved fuld indfasning (t.kr.)", _text(item.effect_tkr)),
            ("Fuldt indfaset år", str(item.full_year or "Ikke oplyst")),
            ("Implementeringsomkostninger", item.implementation_cost_text),
            ("Er forslaget vedtaget", Boxes((("Ja", item.adopted is True), ("Nej", item.adopted is False)), columns=2)),
            ("Typer af tiltag", Boxes(tuple((t, t in item.measure_types) for t in types), columns=2)),
            ("Yderligere information", item.source),
        ], (4.6, 12.4)))
    return document


def _text(value: object) -> str:
    if value is None:
        return "Ikke oplyst"
    if isinstance(value, int) and abs(value) >= 1000:
        return f"{value:,}".replace(",", ".")
    return str(value)


# -- Kerteminde: a page per proposal, two-column box ---------------------------------------------

KERTEMINDE = [
    ("ØK-01", "Færre kørselsgodtgørelser gennem fælles bilpulje", "Økonomiudvalget", "Administration",
     "Effektivisering", "Medarbejdere, der i dag kører i egen bil, booker en af kommunens puljebiler. "
     "Kørselsgodtgørelsen falder, og puljebilerne udnyttes bedre.",
     "Ingen konsekvenser for borgerne. Medarbejderne skal planlægge kørsel i bookingsystemet.",
     "300 t.kr. årligt fra 2019", ("-150", "-300", "-300", "-300")),
    ("ØK-02", "Digital post som udgangspunkt i alle breve", "Økonomiudvalget", "Borgerservice",
     "Effektivisering", "Alle breve sendes som digital post, medmindre borgeren er fritaget. "
     "Porto og kuverteringsudgifter falder.",
     "Borgere fritaget for digital post mærker ingen ændring.",
     "180 t.kr. årligt fra 2018", ("-180", "-180", "-180", "-180")),
    ("BU-04", "Sammenlægning af to SFO-afdelinger i Munkebo", "Børne- og Ungdomsudvalget", "Skoler",
     "Strukturændring", "SFO'erne ved Munkebo Skole og Mulernes Skole samles på én adresse med fælles ledelse "
     "og åbningstid. Der spares én lederstilling og husleje.",
     "Længere vej for nogle børn. Åbningstiden fastholdes.",
     "650 t.kr. årligt fra 2019", ("-325", "-650", "-650", "-650")),
    ("SU-07", "Nedsat rengøringsfrekvens i hjemmeplejen", "Social- og Sundhedsudvalget", "Ældre",
     "Serviceforringelse", "Rengøring hos borgere i eget hjem gives hver tredje uge i stedet for hver anden "
     "uge, som det er i nabokommunerne.",
     "Borgerne får sjældnere rengøring. Forslaget kræver ændring af kvalitetsstandarden.",
     "1.100 t.kr. årligt fra 2018", ("-1.100", "-1.100", "-1.100", "-1.100")),
    ("TM-02", "Slukning af hver anden vejlampe på landeveje om natten", "Teknik- og Miljøudvalget", "Veje",
     "Serviceforringelse", "Vejbelysningen på landeveje uden for byzonen slukkes mellem kl. 24 og 05 på "
     "hver anden lampe.",
     "Mørkere veje om natten; politiet høres om trafiksikkerheden.",
     "220 t.kr. årligt fra 2019", ("0", "-220", "-220", "-220")),
]
KERTEMINDE_TYPES = ("Effektivisering", "Serviceforringelse", "Strukturændring")
KERTEMINDE_YEARS = ("2018", "2019", "2020", "2021")


def kerteminde() -> Document:
    document = Document("Råderumskatalog Budget 2018-2021", "Kerteminde Kommune",
                        header="Kerteminde Kommune · Råderumskatalog Budget 2018-2021")
    document.add(Heading("Råderumskatalog Budget 2018-2021", 0),
                 Para("Direktionens bud på mulige besparelser til budget 2018-2021. Beløb i 1.000 kr.; "
                      "effekten er den årlige besparelse ved fuld indfasning."))
    for number, (code, title, udvalg, area, kind, text, consequences, effect, years) in enumerate(KERTEMINDE):
        document.add(PageBreak(), Heading(f"{code} {title}", 1))
        document.add(grid([
            (f"Udvalg: {udvalg}", f"Område: {area}"),
            (f"Forslag nr.: {code}", Boxes(tuple((t, t == kind) for t in KERTEMINDE_TYPES))),
        ], (8.5, 8.5), label_column=False))
        document.add(Heading("Beskrivelse af forslaget", 2), Para(text),
                     Heading("Konsekvenser for borgerne", 2), Para(consequences),
                     Para(f"Effekt: {effect}", bold=True))
        document.add(grid([("1.000 kr.", *KERTEMINDE_YEARS), ("Besparelse", *years)], (5, 3, 3, 3, 3), header=1))
    return document


# -- Helsingør: one line per field, several proposals to a page ------------------------------------

HELSINGOER = [
    ("ØU-1", "Reduktion af konsulentbistand i Center for Økonomi og Ejendomme", "Økonomiudvalget",
     "Opgaver, der i dag løses af eksterne konsulenter, hjemtages og løses af egne medarbejdere.",
     "-750", "2027", "Nej"),
    ("ØU-2", "Færre licenser til kontorprogrammer", "Økonomiudvalget",
     "Licenser, der ikke er brugt i tre måneder, opsiges automatisk.", "-400", "2026", "Nej"),
    ("BU-5", "Ændret tildeling til specialundervisning", "Børne- og Uddannelsesudvalget",
     "Tildelingsmodellen til specialklasser justeres, så den følger elevtallet pr. 5. september.",
     "-2.100", "2028", "Ja"),
    ("KIU-3", "Lukning af Espergærde Bibliotek om lørdagen", "Kultur-, Idræts- og Turismeudvalget",
     "Biblioteket holder lukket om lørdagen; selvbetjening er fortsat mulig med sundhedskort.",
     "-260", "2026", "Ja"),
    ("SSU-2", "Samling af aktivitetscentrene", "Social- og Sundhedsudvalget",
     "De tre aktivitetscentre samles i to bygninger. Bygningen i Hornbæk sælges.",
     "-1.350", "2027", "Ja"),
]


def helsingoer() -> Document:
    document = Document("Råderumskatalog 2026-2029", "Helsingør Kommune",
                        header="Helsingør Kommune – Råderumskatalog 2026-2029")
    document.add(Heading("Råderumskatalog 2026-2029", 0),
                 Para("Alle beløb i hele 1.000 kr. Besparelser er angivet med minus."))
    for code, title, udvalg, text, saving, year, hearing in HELSINGOER:
        document.add(Heading(f"{code}: {title}", 2),
                     Para(f"Fagudvalg: {udvalg}"),
                     Para(f"Beskrivelse: {text}"),
                     Para(f"Besparelse i 1.000 kr.: {saving}"),
                     Para(f"Fuld effekt fra: {year}"),
                     Para(f"Kræver høring: {hearing}"))
    return document


# -- Viborg: label above value, crossed vector boxes ------------------------------------------------

VIBORG = [
    ("Fælles indkøb af vikarer på dagtilbudsområdet", "Børn og Unge",
     "Vikarer til dagtilbud købes gennem én fælles aftale i stedet for 42 lokale aftaler.", "1,2 mio. kr.", "2020",
     ("Indkøb",)),
    ("Robotter i lønbogholderiet", "Økonomi og Erhverv",
     "Softwarerobotter overtager afstemning af lønrefusioner og sygedagpenge.", "0,8 mio. kr.", "2019",
     ("Digitalisering",)),
    ("Energistyring i kommunens bygninger", "Teknik og Miljø",
     "Fjernaflæste målere og styring af ventilation efter brug. Investering på 2,5 mio. kr. i 2019.",
     "1,5 mio. kr.", "2021", ("Energi", "Digitalisering")),
    ("Færre kvadratmeter til administration", "Økonomi og Erhverv",
     "Administrationen samles på rådhuset og i Tinghuset; to lejemål opsiges.", "2,3 mio. kr.", "2020",
     ("Bygninger",)),
]
VIBORG_TYPES = ("Digitalisering", "Indkøb", "Energi", "Bygninger")


def viborg() -> Document:
    document = Document("Effektivisering i budget 2019 til 2022", "Viborg Kommune", marks="vector-cross",
                        header="Viborg Kommune · Effektiviseringsforslag 2019-2022")
    document.add(Heading("Effektiviseringsforslag i budget 2019 til 2022", 0))
    for number, (title, area, text, effect, year, kinds) in enumerate(VIBORG, start=1):
        document.add(Heading(f"Forslag {number}: {title}", 2),
                     Para("Område", bold=True), Para(area),
                     Para("Beskrivelse", bold=True), Para(text),
                     Para("Årlig effekt", bold=True), Para(effect),
                     Para("Fuld effekt fra", bold=True), Para(year),
                     grid([("Type", Boxes(tuple((k, k in kinds) for k in VIBORG_TYPES), columns=4))],
                          (3, 14), ruled=False))
    return document


# -- KREVI: numbered initiatives under sector headings ------------------------------------------------

KREVI = [
    ("Administration", [
        (1, "Lukke én administrationsbygning", "Faxe Kommune",
         "Administrationen samles i to i stedet for tre bygninger.", "2,4 mio. kr."),
        (2, "Fælles indkøb af vikarer", "Holbæk Kommune",
         "Vikarbureauer vælges gennem ét fælles udbud for alle centre.", "650.000 kr."),
        (3, "Mødeforplejning kun ved eksterne møder", "Skive Kommune",
         "Der serveres ikke forplejning ved interne møder.", "400.000 kr."),
    ]),
    ("Ældre", [
        (4, "Elektroniske nøglesystemer i hjemmeplejen", "Vejle Kommune",
         "Nøglebokse erstattes af elektroniske låse; tid til nøglehåndtering spares.", "1,1 mio. kr."),
        (5, "Sammenlægning af to plejecentres køkkener", "Tønder Kommune",
         "Maden til to plejecentre laves i ét produktionskøkken.", "850.000 kr."),
    ]),
]


def krevi() -> Document:
    document = Document("Inspiration til effektivisering 2011", "KREVI", footer="Side {page}",
                        header="Inspiration til effektivisering 2011")
    document.add(Heading("Inspiration til effektivisering 2011", 0),
                 Para("Forslag til økonomiske effektiviseringer fra de kommunale administrationer."))
    for sector, items in KREVI:
        document.add(Heading(sector, 1))
        for number, title, municipality, text, effect in items:
            document.add(Heading(f"{number}. {title}", 2), Para(f"Kommune: {municipality}"), Para(text),
                         Para(f"Økonomisk effekt: {effect}"))
    return document


# -- Lejre: a label column without ruling, values wrapped under themselves ----------------------------

LEJRE = [
    ("CBU-3", "Færre pædagogtimer i SFO om eftermiddagen", "Center for Børn og Unge", "Børn og Ungdom",
     "Åbningstiden i SFO fastholdes, men bemandingen efter kl. 16 tilpasses det faktiske fremmøde, som er "
     "opgjort over et helt skoleår på alle seks skoler. Forældrene orienteres via skolebestyrelserne.",
     "Færre voksne om eftermiddagen i SFO.", "600", "2025"),
    ("CKT-1", "Nedlæggelse af kommunens busrute 235 om aftenen", "Center for Kultur og Teknik", "Teknik og Miljø",
     "Aftenafgangene på rute 235 har under fem passagerer i gennemsnit. Ruten køres fremover kun i dagtimerne, "
     "og aftenkørsel sker som flextur.", "Længere rejsetid om aftenen for få borgere.", "320", "2025"),
    ("CSE-2", "Fælles indkøb af forbrugsvarer til plejecentrene", "Center for Social og Ældre", "Social, Ældre "
     "og Sundhed", "Plejecentrene køber i dag ind hver for sig. Et fælles indkøb på én aftale giver lavere priser.",
     "Ingen.", "250", "2024"),
]


def lejre() -> Document:
    document = Document("Besparelseskatalog Budget 2024-2027", "Lejre Kommune",
                        header="Lejre Kommune · Besparelseskatalog · Budget 2024-2027")
    document.add(Heading("Besparelseskatalog Budget 2024-2027", 1),
                 Para("Alle beløb er i hele 1.000 kr. Effekten er den årlige besparelse ved fuld indfasning."))
    for code, title, center, udvalg, text, consequences, effect, year in LEJRE:
        document.add(Heading(f"{code}: {title}", 2),
                     grid([("Center", center), ("Udvalg", udvalg), ("Beskrivelse", text),
                           ("Konsekvenser", consequences), ("Effekt (1.000 kr.)", effect), ("Fuld effekt fra", year)],
                          (4, 13), ruled=False, numbers_right=False))
    return document


# -- Greve: a workbook with a sheet per proposal --------------------------------------------------------

GREVE = [
    ("G-12", "Samling af tandplejens klinikker", "Sundhed", "To klinikker samles på Greve Sundhedscenter.",
     450_000, 2025, "Ja"),
    ("G-15", "Digital selvbetjening i borgerservice", "Administration", "Flere henvendelser løses digitalt; "
     "skrankens åbningstid tilpasses.", 275_000, 2024, "Ja"),
    ("G-21", "Energirenovering af Mosede Skole", "Skoler", "Varmeanlæg og belysning udskiftes; investering "
     "finansieres af anlægsmidler.", 180_000, 2026, "Nej"),
]


def write_greve(path: Path) -> Path:
    from openpyxl.styles import Font

    from samples.make_reduction_list.office import save_xlsx, titled_sheet

    book, sheet = titled_sheet(GREVE[0][0], "Greve Kommune – Effektiviserings- og besparelsesforslag 2024",
                               "Beløb i hele kr.")
    for number, (code, title, area, text, effect, year, adopted) in enumerate(GREVE):
        if number:
            sheet = book.create_sheet(code)
        sheet.column_dimensions["A"].width = 24
        sheet.column_dimensions["B"].width = 80
        for label, value in (("Forslag nr.", code), ("Titel", title), ("Fagområde", area), ("Beskrivelse", text),
                             ("Effekt (kr.)", effect), ("Fuld effekt fra", year), ("Vedtaget", adopted)):
            sheet.append([label, value])
            sheet.cell(sheet.max_row, 1).font = Font(bold=True)
    save_xlsx(book, path)
    return path


# -- Lyngby-Taarbæk: the whole catalogue as one table -----------------------------------------------

LYNGBY_HEADER = ("Nr", "Overskrift", "Beskrivelse", "Bevillingsændring", "Effektivisering investering "
                 "implementering", "Justering af serviceniveau", "Påvirker andre områder")
LYNGBY_ROWS = (
    ("1", "Fælles indkøb af rengøringsartikler", "Indkøb samles i én aftale for alle institutioner.", "-350",
     "X", "", ""),
    ("2", "Lukning af svømmehal i juli", "Svømmehallen holder lukket i juli måned.", "-420", "", "X", "X"),
    ("3", "Digital lønseddel og e-boks", "Al post til medarbejdere sendes digitalt.", "-120", "X", "", ""),
    ("4", "Færre pasningsdage mellem jul og nytår", "Dagtilbud holder lukket mellem jul og nytår med nødpasning.",
     "-900", "", "X", "X"),
)


# the category headers written in lines and their columns narrow, as the second hold-out trial printed
# them: LibreOffice breaks the words longer than their cells ("Effektiviserin" / "g", "implementeri" / "ng",
# "serviceniv" / "eau", "Bevillingsænd" / "ring"); read before with the breaks in the category names
LYNGBY_HEADER_IN_LINES = (*LYNGBY_HEADER[:4], "Effektivisering\ninvestering\nimplementering",
                          "Justering af\nserviceniveau", "Påvirker\nandre områder")
NARROW_WIDTHS = (0.7, 3.0, 3.3, 2.5, 2.4, 2.0, 1.8)


def lyngby_taarbaek(header: tuple[str, ...] = LYNGBY_HEADER,
                    widths: tuple[float, ...] = (0.7, 3.0, 3.3, 2.5, 3.2, 2.5, 1.8)) -> Document:
    document = Document("Effektiviseringskatalog – Budget 2020-23", "Lyngby-Taarbæk Kommune",
                        header="Lyngby-Taarbæk Kommune")
    document.add(Heading("Effektiviseringskatalog – Budget 2020-23", 1), Para("Beløb i 1.000 kr. (- = besparelse)"),
                 grid([header, *LYNGBY_ROWS], widths, header=1))
    return document


# -- Odense: one proposal per line -------------------------------------------------------------------

ODENSE_LINES = (  # as published (the first eight lines of the list)
    "Administration, jura og kommunikation: 15,4 mio. kr.",
    "Effektiviseringer, herunder rengøring i dagtimerne i børnehuse og institutioner fremfor om aftenen/natten "
    "som i dag: 6,1 mio. kr.",
    "Byggesag, øget sagsbehandlingstid: 0,9 mio. kr.",
    "Vækst-stillinger nedlægges: 0,75 mio. kr.",
    "Nyt udbud og ændret fremskrivning Mobil i Odense: 3,0 mio. kr.",
    "Prioritering af kan- og skal-opgaver i Byudvikling: 0,5 mio. kr.",
    "Færre penge til at investere i effektiviseringer inden for park og vej: 1,0 mio. kr.",
    "Det grønne område, herunder intet sankthansbål på Engen, hække klippes kun én gang årligt og ingen "
    "haveblus i Kongens Have op mod jul: 1,6 mio. kr.",
)


def odense() -> Document:
    document = Document("Sådan spares 79 mio. kroner på by- og kultur", "Odense Kommune")
    document.add(Heading("Sådan spares 79 mio. kroner på by- og kultur", 1),
                 Para("Her oversigt over de samlede besparelser på by- og kulturområdet (afrundet):"),
                 *(Para(line) for line in ODENSE_LINES))
    return document


# -- Gentofte: the effect only in an economy table ---------------------------------------------------

GENTOFTE = [
    ("E1", "Fælles indkøb af kontorartikler", "Politisk ledelse og administration", ("-1.500", "-2.000", "-2.000", "-2.000")),
    ("E2", "Digital post til alle virksomheder", "Politisk ledelse og administration", ("-800", "-1.600", "-1.600", "-1.600")),
    ("E3", "Samling af lønadministrationen", "Politisk ledelse og administration", ("-2.500", "-5.000", "-5.000", "-5.000")),
]


def gentofte() -> Document:
    document = Document("Effektiviseringskatalog – Budget 2021", "Gentofte Kommune",
                        header="Gentofte Kommune · Budget 2021")
    document.add(Heading("Effektiviseringskatalog – Budget 2021", 1),
                 Para("Kommunalbestyrelsen ønsker, at der gennemføres effektiviseringer på 40 mio. kr. inden for "
                      "primært administrative funktioner. Besparelser er angivet med minus."))
    for index, (code, title, area, amounts) in enumerate(GENTOFTE):
        if index:
            document.add(PageBreak())
        document.add(Heading(f"{code} {title}", 2),
                     grid([("Forslag nr.", code), ("Politikområde", area), ("Type", "Effektivisering")], (4, 10)),
                     Para("Beskrivelse", bold=True),
                     Para(f"{title} frigør ressourcer i administrationen uden serviceforringelser for borgerne."),
                     Para("Økonomi (1.000 kr.)", bold=True),
                     grid([("", "2021", "2022", "2023", "2024"), ("Effektivisering", *amounts)], (5, 2, 2, 2, 2),
                          header=1))
    return document


# -- Rudersdal: the type ticked in a box of its own, a "Mindreudgift" row ---------------------------

RUDERSDAL = [
    ("ØU-01", "Økonomiudvalget", "Administrativ ændring", "Færre ledelseslag i administrationen",
     ("-2.000", "-4.000", "-4.000", "-4.000")),
    ("BU-03", "Børne- og Skoleudvalget", "Besparelse", "Reduceret åbningstid i klubber", ("-600", "-1.400", "-1.400", "-1.400")),
    ("SOC-02", "Social- og Sundhedsudvalget", "Besparelse", "Ændret visitation til hjemmehjælp",
     ("-1.500", "-3.000", "-3.000", "-3.000")),
]
RUDERSDAL_TYPES = ("Administrativ ændring", "Besparelse")  # as published


def rudersdal() -> Document:
    document = Document("Besparelses- og omprioriteringskatalog – Budget 2025", "Rudersdal Kommune",
                        header="Rudersdal Kommune · Budget 2025")
    document.add(Heading("Besparelses- og omprioriteringskatalog – Budget 2025", 1),
                 Para("Kataloget indeholder både administrative ændringer og egentlige besparelser. Beløb i 1.000 kr., "
                      "mindreudgifter med minus."))
    for index, (code, udvalg, kind, title, amounts) in enumerate(RUDERSDAL):
        if index:
            document.add(PageBreak())
        document.add(Heading(f"{code}: {title}", 2),
                     grid([(f"Udvalg: {udvalg}", f"Forslag nr.: {code}"),
                           (f"{'☒' if kind == RUDERSDAL_TYPES[0] else '☐'} {RUDERSDAL_TYPES[0]}",
                            f"{'☒' if kind == RUDERSDAL_TYPES[1] else '☐'} {RUDERSDAL_TYPES[1]}")],
                          (8.5, 8.5), label_column=False),
                     Para("Beskrivelse af forslaget", bold=True), Para(f"Forslaget: {title.lower()}."),
                     Para("Konsekvenser", bold=True), Para("Forslaget vil kunne mærkes af borgerne i begrænset omfang."),
                     Para("Økonomi", bold=True),
                     grid([("1.000 kr.", "2025", "2026", "2027", "2028"), ("Mindreudgift", *amounts)], (5, 2, 2, 2, 2),
                          header=1))
    return document


# -- KL casekatalog: each case's title a heading above its box -----------------------------------------

KL_CASES = [  # Holbæk's case as KL describes it; the others written for the sample
    ("Økonomi", "Digitalt ledelsestilsyn", "Holbæk Kommune",
     "Et tilføjelsessystem til økonomisystemet udvælger bilag til ledelsestilsyn.", "0,7 mio. kr. årligt.", "Indført i 2021."),
    ("Økonomi", "Robot til bankafstemning", "Favrskov Kommune", "En softwarerobot afstemmer bankkonti dagligt.",
     "0,3 mio. kr. årligt.", "Indført i 2020."),
    ("Løn og Personale", "Digital onboarding", "Hjørring Kommune",
     "Nye medarbejdere oprettes i alle systemer fra én digital blanket.", "450.000 kr. årligt.", "Indført i 2022."),
]


def kl_casekatalog() -> Document:
    document = Document("Casekatalog om digitalisering af administrationen", "KL", header="KL – Casekatalog om digitalisering")
    document.add(Heading("Casekatalog om digitalisering af administrationen", 0),
                 Para("Praksisnære digitaliseringstiltag inden for fem administrative støttefunktioner."))
    area = ""
    for case_area, title, municipality, solution, gain, implemented in KL_CASES:
        if case_area != area:
            area = case_area
            document.add(Heading(area, 1))
        document.add(Heading(title, 2),
                     grid([("Kommune", municipality), ("Område", area), ("Løsning", solution), ("Gevinst", gain),
                           ("Implementering", implemented)], (4, 12)))
    return document


# -- KORA: numbered categories and sectors as headings ------------------------------------------------

KORA = [  # the categories KL's announcement names (velfærdsteknologi: vasketoiletter og loftlifte; energi);
    # the proposals written for the sample
    ("5 Velfærdsteknologi", "Ældre", "Vasketoiletter i hjemmeplejen", "Ikast-Brande Kommune",
     "Borgere visiteret til toiletbesøg får installeret vasketoilet, så hjælpen kan reduceres.",
     "0,6 mio. kr. årligt fra 2016"),
    ("5 Velfærdsteknologi", "Handicap", "Loftlifte på botilbud", "Hedensted Kommune",
     "Loftlifte i alle boliger gør, at forflytninger kan klares af én medarbejder.", "1,2 mio. kr. årligt"),
    ("6 Energibesparelser", "Tværgående", "LED-belysning i kommunale bygninger", "Lemvig Kommune",
     "Udskiftning af belysning i skoler og institutioner.", "0,4 mio. kr. årligt"),
]


def kora() -> Document:
    document = Document("Inspiration til effektiviseringer 2015", "KORA",
                        header="Inspiration til effektiviseringer 2015")
    document.add(Heading("Inspiration til effektiviseringer 2015", 0),
                 Para("Forslag til økonomiske effektiviseringer fra de kommunale administrationer"))
    category = sector = ""
    for number, (case_category, case_sector, title, municipality, text, effect) in enumerate(KORA, start=1):
        if case_category != category:
            category = case_category
            document.add(PageBreak(), Heading(category, 1))
        if case_sector != sector:
            sector = case_sector
            document.add(Heading(sector, 2))
        document.add(Heading(f"{number}. {title}", 3), Para(f"Kommune: {municipality}"), Para(text),
                     Para(f"Økonomisk effekt: {effect}"))
    return document
