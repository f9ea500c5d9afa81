"""Proposal forms as other municipalities lay them out (see samples/proposal_forms/README.md).

- `koebenhavn-effektiviseringsforslag-styringsomraade.libreoffice.pdf`: "EFFEKTIVISERINGSFORSLAG"
  with "Forslagets titel:" labels, an amount table "1.000 kr. (2025 p/l)" with a Styringsområde
  column, "Samlet varig ændring" and "Samlet økonomisk påvirkning", sections numbered "1.2",
  "1.3"; the Word header and footer printed by LibreOffice on every page.
- `odsherred-aendringsforslag-b-aar.docx`: "Ændringsforslag" with the fields in a four-column
  grid in another order, the kinds as ☒/☐ in one cell, years "B2025 BO2026 ...", rows Drift,
  Anlæg and I alt, sections by heading only (Beskrivelse af forslaget, Konsekvenser, Personale).
- `egedal-prioriteringsforslag-aar-med-enhed.pdf`: one line per field ("Nr.: BU-03"), years as
  "2026 (1.000 kr.)", sections "1. Beskrivelse ..." to "4. Implementering", a form's text running
  over a page break under a running header and "Side N af M".
- `herning-forslag-mio-kr-besparelse-positiv.docx`: "Forslag til budget 2025-2028", amounts in
  mio. kr. with savings written positive (the form says so), sections Konsekvenser, Økonomi,
  Personale, Implementering.
- `toender-skema-til-budgetforslag.xlsx`: the form as a workbook, one sheet per proposal, the
  years 2026-2029 and a period total "I alt 2026-2029" that is no year.
- `hoersholm-forslag-til-budgetreduktion.libreoffice.pdf`: one form per page titled "Forslag til
  budgetreduktion" (a title no form started with: two forms were read as one), "Titel:", "Politikområde:",
  "Nr.: ØU 1" beside their values, an economy row in whole kroner "Hele kr. (- for indtægter)". Found by a
  second trial on documents the team had not seen.
- `holbaek-raaderumsforslag-kode-og-nummer.docx`: one proposal per page headed "Råderumsforslag ØU-01" (a
  code and a number: no title a form started with; read as a list whose year column held an udvalg's name,
  and refused), a field table (Udvalg, Politikområde, Forslagets navn), a "Råderum" row in 1.000 kr.
  2025-2028 with savings positive. Found by the first hold-out trial; source
  https://holbaek.dk/politik-og-demokrati/budget-og-regnskab/budget-2025/raaderum-foraaret-2024 (the 0,5 %
  rule; the proposals written for the sample).
- `kommune-ukendt-generelle-forslag-g-koder-uden-enhed.libreoffice.pdf`: "Generelle forslag (G-1)" with the
  proposal's kind ("Fastholdelsesforslag", "Spareforslag") on the next line, its title as section 1's heading,
  an "Økonomi" table with no unit, a change row above its areas' rows and "Områdets totale budget". Read as a
  list of the forms' amount tables by both hold-out trials; source http://docplayer.dk/3568282-Generelle-forslag-budget-2015-18.html
  (the sundhedsplejen row and the texts as published; the other figures written for the trial).
- `ringsted-forslag-med-udvalgskode-uden-formtitel.docx`, `.libreoffice.pdf`: "Omprioriterings- og ønskeforslag til
  budget 2017", a contents and an overview table of the forms with their amounts, then each form headed only by its
  code, number and title ("ØU 1 - Ny åbningstid for Borgerservice": no title word), "Udvalg:" and "Politikområde:"
  lines, sections, and a "Beløb i 1.000 kr." table with rows Drift and Årsværk. Read as one form (third hold-out
  trial); source http://docplayer.dk/41472272-Omprioriterings-og-oenskeforslag-til-budget.html (the contents, codes
  and titles as published; the forms' text and figures written for the trial).

The texts and figures are written for the samples after the published layouts.
"""

from __future__ import annotations

from datetime import datetime
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
from samples.make_reduction_list.office import save_xlsx


def main(out_dir: Path) -> None:
    write_samples(out_dir, {
        "koebenhavn-effektiviseringsforslag-styringsomraade.libreoffice.pdf": koebenhavn(),
        "odsherred-aendringsforslag-b-aar.docx": odsherred(),
        "egedal-prioriteringsforslag-aar-med-enhed.pdf": egedal(),
        "herning-forslag-mio-kr-besparelse-positiv.docx": herning(),
        "hoersholm-forslag-til-budgetreduktion.libreoffice.pdf": hoersholm(),
        "holbaek-raaderumsforslag-kode-og-nummer.docx": holbaek(),
        "kommune-ukendt-generelle-forslag-g-koder-uden-enhed.libreoffice.pdf": g_forms(),
        "ringsted-forslag-med-udvalgskode-uden-formtitel.docx": ringsted(),
        "ringsted-forslag-med-udvalgskode-uden-formtitel.libreoffice.pdf": ringsted(),
    })
    write_toender(Path(out_dir) / "toender-skema-til-budgetforslag.xlsx")


# -- København ----------------------------------------------------------------------------------

KOEBENHAVN = [
    dict(title="Automatisering af administrative processer i lønadministrationen", udvalg="Økonomiudvalget",
         forvaltning="Økonomiforvaltningen",
         rows=[("Varige ændringer", "", "", "", "", ""),
               ("Bortfaldne lønomkostninger", "Service", "-1.200", "-2.400", "-2.400", "-2.400"),
               ("Samlet varig ændring", "Service", "-1.200", "-2.400", "-2.400", "-2.400"),
               ("Engangsudgifter", "", "", "", "", ""),
               ("Implementering og licenser", "Service", "800", "400", "", ""),
               ("Samlet økonomisk påvirkning", "", "-400", "-2.000", "-2.400", "-2.400"),
               ("Ændring i årsværk", "", "-2,5", "-5,0", "-5,0", "-5,0")],
         sections=[("1.2 Baggrund og formål", "Lønadministrationen bruger i dag mange timer på manuel kontrol af "
                    "tillæg og fravær. Softwarerobotter kan overtage kontrollen."),
                   ("1.3 Forslagets indhold", "Der indkøbes licenser til tre robotter, som udvikles i 2025. "
                    "Gevinsten hentes ved naturlig afgang."),
                   ("1.4 Konsekvenser for brugerne", "Ingen."),
                   ("1.5 Personalemæssige konsekvenser", "Fem årsværk reduceres ved naturlig afgang.")]),
    dict(title="Færre udgifter til mødeforplejning", udvalg="Økonomiudvalget", forvaltning="Økonomiforvaltningen",
         rows=[("Varige ændringer", "", "", "", "", ""),
               ("Reduceret forplejning", "Service", "-300", "-300", "-300", "-300"),
               ("Samlet varig ændring", "Service", "-300", "-300", "-300", "-300"),
               ("Samlet økonomisk påvirkning", "", "-300", "-300", "-300", "-300")],
         sections=[("1.2 Baggrund og formål", "Der serveres i dag forplejning ved interne møder over to timer."),
                   ("1.3 Forslagets indhold", "Forplejning gives kun ved møder med eksterne deltagere."),
                   ("1.4 Konsekvenser for brugerne", "Ingen.")]),
]


def koebenhavn() -> Document:
    document = Document("Effektiviseringsforslag Budget 2025", "Københavns Kommune",
                        header="Københavns Kommune · Budget 2025 · Økonomiudvalget")
    for number, form in enumerate(KOEBENHAVN):
        if number:
            document.add(PageBreak())
        document.add(Heading("EFFEKTIVISERINGSFORSLAG", 1),
                     grid([("Forslagets titel:", form["title"]), ("Udvalg:", form["udvalg"]),
                           ("Forvaltning:", form["forvaltning"])], (4, 13)),
                     Heading("1.1 Forslagets samlede økonomiske konsekvenser", 2),
                     grid([("1.000 kr. (2025 p/l)", "Styringsområde", "2025", "2026", "2027", "2028"),
                           *form["rows"]], (5.2, 3.4, 2.1, 2.1, 2.1, 2.1), header=1))
        for heading, text in form["sections"]:
            document.add(Heading(heading, 2), Para(text))
    return document


# -- Odsherred ----------------------------------------------------------------------------------

ODSHERRED_KINDS = ("Reduktion", "Udvidelse", "Omprioritering")
ODSHERRED = [
    dict(nr="SSU-R3", title="Nedlæggelse af en aftengruppe i hjemmeplejen", udvalg="Social- og Sundhedsudvalget",
         area="Ældre og Sundhed", kind="Reduktion",
         rows=[("Drift", "-640", "-1.280", "-1.280", "-1.280"), ("Anlæg", "", "", "", ""),
               ("I alt", "-640", "-1.280", "-1.280", "-1.280")],
         sections=[("Beskrivelse af forslaget", ["Aftenvagterne samles i to grupper i stedet for tre. Ruterne "
                                                 "lægges om, så kørslen mellem borgerne bliver kortere."]),
                   ("Konsekvenser", ["Borgerne vil i nogle tilfælde opleve en anden medarbejder om aftenen.",
                                     "Besøgstiderne kan flytte op til en halv time."]),
                   ("Personale", ["2,5 årsværk nedlægges fra 1. juli 2025."]),
                   ("Implementering", ["Fra 1. juli 2025 efter høring i MED-udvalget."])]),
    dict(nr="BUU-U1", title="Flere pædagoger i udsatte dagtilbud", udvalg="Børne-, Unge- og Uddannelsesudvalget",
         area="Dagtilbud", kind="Udvidelse",
         rows=[("Drift", "1.500", "3.000", "3.000", "3.000"), ("Anlæg", "", "", "", ""),
               ("I alt", "1.500", "3.000", "3.000", "3.000")],
         sections=[("Beskrivelse af forslaget", ["Seks pædagoger ansættes i de fire dagtilbud med flest udsatte "
                                                 "børn."]),
                   ("Konsekvenser", ["Bedre normering i de udvalgte dagtilbud."]),
                   ("Personale", ["Seks årsværk fra 1. august 2025."])]),
]


def odsherred() -> Document:
    document = Document("Budgetmappe 2025 – ændringsforslag", "Odsherred Kommune", footer="Side {page}")
    for number, form in enumerate(ODSHERRED):
        if number:
            document.add(PageBreak())
        document.add(Heading(f"Ændringsforslag {form['nr']}", 1),
                     grid([("Forslagets titel", form["title"], "Nr.", form["nr"]),
                           ("Udvalg", form["udvalg"], "Politikområde", form["area"]),
                           ("Forslagstype", Boxes(tuple((k, k == form["kind"]) for k in ODSHERRED_KINDS), columns=3),
                            "", "")], (3.2, 6.3, 3, 4.5)),
                     Para("Beløb i 1.000 kr. (+ = merudgift / - = mindreudgift)"),
                     grid([("Beløb i 1.000 kr.", "B2025", "BO2026", "BO2027", "BO2028"), *form["rows"]],
                          (5, 3, 3, 3, 3), header=1))
        for heading, paragraphs in form["sections"]:
            document.add(Heading(heading, 2), *(Para(p) for p in paragraphs))
    return document


# -- Egedal ---------------------------------------------------------------------------------------

EGEDAL_YEARS = ("2026 (1.000 kr.)", "2027 (1.000 kr.)", "2028 (1.000 kr.)", "2029 (1.000 kr.)")
EGEDAL = [
    dict(nr="BU-03", area="Dagtilbud", udvalg="Børne- og Skoleudvalget",
         title="Ændret åbningstid i dagplejen om fredagen",
         rows=[("Budgetændring", "-250", "-500", "-500", "-500"), ("Heraf løn", "-230", "-460", "-460", "-460"),
               ("Ændring i årsværk", "-0,6", "-1,2", "-1,2", "-1,2")],
         sections=[("1. Beskrivelse af forslaget", 9), ("2. Konsekvenser for borgerne", 5),
                   ("3. Personalemæssige konsekvenser", 2), ("4. Implementering", 2)]),
    dict(nr="KF-01", area="Kultur", udvalg="Kultur- og Fritidsudvalget",
         title="Lavere tilskud til lokaleleje for foreninger",
         rows=[("Budgetændring", "-150", "-300", "-300", "-300"), ("Heraf løn", "", "", "", ""),
               ("Ændring i årsværk", "", "", "", "")],
         sections=[("1. Beskrivelse af forslaget", 14), ("2. Konsekvenser for borgerne", 6),
                   ("4. Implementering", 1)]),
    dict(nr="ØK-07", area="Administration", udvalg="Økonomiudvalget",
         title="Samling af borgerservice på ét sted",
         rows=[("Budgetændring", "-400", "-900", "-900", "-900"), ("Heraf løn", "-400", "-800", "-800", "-800"),
               ("Ændring i årsværk", "-1,0", "-2,0", "-2,0", "-2,0")],
         sections=[("1. Beskrivelse af forslaget", 4), ("2. Konsekvenser for borgerne", 3),
                   ("3. Personalemæssige konsekvenser", 2), ("4. Implementering", 2)]),
]
EGEDAL_SENTENCES = (
    "Forslaget er udarbejdet på baggrund af en gennemgang af området i foråret.",
    "Administrationen har sammenlignet serviceniveauet med ti sammenlignelige kommuner.",
    "Ændringen kan gennemføres inden for de gældende kvalitetsstandarder.",
    "Der er taget højde for den forventede udvikling i antallet af brugere frem mod 2029.",
    "Erfaringerne fra en lignende omlægning i en nabokommune er inddraget.",
    "Forslaget skal i høring i de berørte råd og brugerbestyrelser.",
)


def egedal() -> Document:
    document = Document("Prioriteringsforslag Budget 2026-2029", "Egedal Kommune",
                        header="Egedal Kommune · Prioriteringsforslag · Budget 2026-2029")
    for number, form in enumerate(EGEDAL):
        if number:
            document.add(PageBreak())
        document.add(Heading("Prioriteringsforslag – Budget 2026-2029", 1),
                     Para(f"Nr.: {form['nr']}"), Para(f"Overskrift: {form['title']}"),
                     Para(f"Udvalg: {form['udvalg']}"), Para(f"Område: {form['area']}"),
                     grid([("", *EGEDAL_YEARS), *form["rows"]], (5, 3, 3, 3, 3), header=1))
        for heading, length in form["sections"]:
            document.add(Heading(heading, 2))
            # long enough that the first form's text runs over a page break under the running header
            document.add(*(Para(" ".join(EGEDAL_SENTENCES[(i + j) % len(EGEDAL_SENTENCES)] for j in range(3)))
                           for i in range(length)))
    return document


# -- Herning -----------------------------------------------------------------------------------------

def herning() -> Document:
    document = Document("Forslag til budget 2025-2028", "Herning Kommune",
                        header="Herning Kommune · Serviceområde 10 Dagtilbud")
    document.add(Heading("Forslag til budget 2025-2028", 1),
                 grid([("Overskrift", "Fælles ledelse af de tre dagtilbud i Sunds"),
                       ("Serviceområde", "10 Dagtilbud"),
                       ("Forslaget vedrører", Boxes((("Effektivisering", True), ("Besparelse", False),
                                                    ("Merindtægt", False)), columns=3))], (4.5, 12.5)),
                 Para("Beløb i mio. kr. Besparelser er positive, merudgifter negative."),
                 grid([("Mio. kr.", "2025", "2026", "2027", "2028"),
                       ("Besparelse", "0,4", "0,9", "0,9", "0,9"),
                       ("Investering", "-0,1", "", "", ""),
                       ("Netto", "0,3", "0,9", "0,9", "0,9")], (5, 3, 3, 3, 3), header=1),
                 Heading("Konsekvenser", 2),
                 Para("De tre dagtilbud får én leder og to pædagogiske koordinatorer."),
                 Para("Forældrebestyrelserne lægges sammen til én bestyrelse."),
                 Heading("Økonomi", 2),
                 Para("Besparelsen kommer af to lederstillinger. Investeringen dækker flytning af kontorer."),
                 Heading("Personale", 2),
                 Para("To ledere tilbydes andre stillinger."),
                 Heading("Implementering", 2),
                 Para("Fra 1. august 2025."))
    return document


# -- Tønder: the form as a workbook ---------------------------------------------------------------------

TOENDER = [
    ("TMU-2", "Opsætning af solceller på rådhuset", "Teknik- og Miljøudvalget", "Ejendomme", "Investering",
     [("Driftsbesparelse", -120, -240, -240, -240), ("Investering", 1800, None, None, None),
      ("I alt", 1680, -240, -240, -240)],
     "Solceller på rådhusets tag dækker omkring en tredjedel af elforbruget."),
    ("BSU-5", "Samling af skolernes administration", "Børne- og Skoleudvalget", "Skoler", "Effektivisering",
     [("Driftsbesparelse", -300, -600, -600, -600), ("Investering", None, None, None, None),
      ("I alt", -300, -600, -600, -600)],
     "Skolesekretærerne samles i et fælles sekretariat på rådhuset."),
]
TOENDER_KINDS = ("Effektivisering", "Besparelse", "Investering", "Merindtægt")


def write_toender(path: Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for nr, title, udvalg, area, kind, rows, text in TOENDER:
        sheet = book.create_sheet(nr)
        sheet.column_dimensions["A"].width = 30
        sheet.append(["Skema til budgetforslag 2026-2029"])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([])
        for label, value in (("Forslag nr.", nr), ("Titel", title), ("Udvalg", udvalg), ("Område", area)):
            sheet.append([label, value])
            sheet.cell(sheet.max_row, 1).font = bold
        sheet.append([])
        sheet.append(["Forslaget er (sæt X)"])
        for option in TOENDER_KINDS:
            sheet.append([option, "X" if option == kind else None])
        sheet.append([])
        sheet.append(["Beløb i 1.000 kr.", "2026", "2027", "2028", "2029", "I alt 2026-2029"])
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for label, *values in rows:
            total = sum(v for v in values if v is not None)
            sheet.append([label, *values, total])
        sheet.append([])
        sheet.append(["Beskrivelse"])
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.append([text])
    book.properties.creator = "Tønder Kommune"
    save_xlsx(book, path, stamp=datetime(2023, 1, 1))
    return path


# -- Hørsholm -------------------------------------------------------------------------------------

HOERSHOLM = [
    dict(nr="ØU 1", title="Reduktion af centrale lønpuljer", area="80 Administration og planlægning",
         text="De centrale lønpuljer til lokal løndannelse reduceres.",
         consequences="Færre midler til lokale lønforhandlinger.", amounts=("-400.000",) * 4),
    dict(nr="ØU 2", title="Reduktion af kontingenter og abonnementer", area="80 Administration og planlægning",
         text="Kommunens kontingenter og abonnementer gennemgås, og de mindst anvendte opsiges.",
         consequences="Ingen konsekvenser for borgerne.", amounts=("-150.000", "-200.000", "-200.000", "-200.000")),
]


def hoersholm() -> Document:
    document = Document("Budget 2020-2023 – forslag til budgetreduktion", "Hørsholm Kommune",
                        header="Hørsholm Kommune · Budget 2020-2023", footer="Side {page} af {pages}")
    for number, form in enumerate(HOERSHOLM):
        if number:
            document.add(PageBreak())
        document.add(Heading("Forslag til budgetreduktion", 1),
                     grid([("Titel:", form["title"]), ("Politikområde:", form["area"]), ("Nr.:", form["nr"])],
                          (3, 12)),
                     Heading("Beskrivelse af forslaget", 2), Para(form["text"]),
                     Heading("Konsekvenser", 2), Para(form["consequences"]),
                     Heading("Økonomi", 2),
                     grid([("Hele kr. (- for indtægter)", "2020", "2021", "2022", "2023"),
                           ("Reduktion", *form["amounts"])], (5, 2.5, 2.5, 2.5, 2.5), header=1))
    return document


# -- Holbæk ---------------------------------------------------------------------------------------

HOLBAEK = [
    dict(nr="ØU-01", udvalg="Økonomiudvalget", area="Administration", title="Færre licenser til kontorsoftware",
         amounts=("400", "600", "600", "600"), text="Licenser, der ikke bruges, opsiges."),
    dict(nr="KFU-02", udvalg="Kultur-, Fritids- og Bevægelsesudvalget", area="Kultur",
         title="Reduceret tilskud til lokale festivaler", amounts=("250", "250", "250", "250"),
         text="Puljen til lokale festivaler nedsættes."),
]


def holbaek() -> Document:
    document = Document("Råderum til politisk prioritering – Budget 2025-2028", "Holbæk Kommune",
                        header="Holbæk Kommune – Råderum 2025-2028", footer="Side {page} af {pages}")
    document.add(Heading("Råderum til politisk prioritering – Budget 2025-2028", 1),
                 Para("Forslagene svarer til minimum 0,5 % af budgettet til serviceudgifter."))
    for form in HOLBAEK:
        document.add(PageBreak(), Heading(f"Råderumsforslag {form['nr']}", 1),
                     grid([("Udvalg", form["udvalg"]), ("Politikområde", form["area"]),
                           ("Forslagets navn", form["title"])], (4, 11)),
                     grid([("Økonomi (1.000 kr.)", "2025", "2026", "2027", "2028"), ("Råderum", *form["amounts"])],
                          (5, 2.5, 2.5, 2.5, 2.5), header=1),
                     Heading("Beskrivelse", 2), Para(form["text"]))
    return document


# -- "Generelle forslag (G-1)" (the municipality is not named by the source) -----------------------

G_FORMS = [
    dict(code="G-1", kind="Fastholdelsesforslag", title="Forventet demografi regulering",
         text="Der justeres for demografi på 4 områder jf. befolknings-/elevprognose. I den nyligt udarbejdede "
              "befolkningsprognose viser det sig, at børnetallet falder mindre end forventet.",
         rows=[("Forventet demografiregulering, drift", "3.826,4", "4.112,0", "4.530,2", "4.944,7"),
               ("Dagtilbud", "5.840,2", "5.912,8", "6.020,1", "6.158,8"),
               ("Skole", "5.841,0", "6.188,3", "6.455,6", "6.801,7"),
               ("Familie, sundhedsplejen", "-138,3", "-688,1", "-645,9", "-668,7"),
               ("Omsorg, ældreområdet", "-7.716,5", "-7.301,0", "-7.299,6", "-7.347,1"),
               ("Områdets totale budget", "412.310,0", "411.870,0", "411.430,0", "410.990,0")],
         staff="Der vil ske personalemæssige tilpasninger afhængigt af det vedtagne budget.",
         before="Tidligere har demografireguleringerne været indarbejdet i det tekniske budget til 1. behandling."),
    dict(code="G-2", kind="Spareforslag", title="Huslejebesparelser vedr. eksterne lejemål",
         text="Ved de seneste 2 budgetvedtagelser er der blevet afsat sparerammer til besparelser vedr. eksterne "
              "lejemål. Lokalegruppen er, i samarbejde med forvaltningerne, i gang med at udmønte sparerammerne.",
         rows=[("Huslejebesparelser", "-500,0", "-1.000,0", "-1.000,0", "-1.000,0"),
               ("Områdets totale budget", "38.200,0", "38.200,0", "38.200,0", "38.200,0")],
         staff="Ingen.", before="Budget 2013: 0,5 mio. kr. i 2013 og 1 mio. kr. i efterfølgende år."),
]


def g_forms() -> Document:
    """'Generelle forslag (G-1)' and its kind ('Fastholdelsesforslag') on the next line; the proposal's title
    is section 1's heading; the 'Økonomi' table has no unit (1.000 kr. with one decimal), a change row above
    its areas' rows and the area's total budget; sections numbered 1, 2, 3 and 7 as the template numbers them."""
    document = Document("Generelle forslag Budget 2015-18", "Kommune", header="Budget 2015-18\nGenerelle forslag",
                        footer="{page}")
    for number, form in enumerate(G_FORMS):
        if number:
            document.add(PageBreak())
        document.add(Heading(f"Generelle forslag ({form['code']})", 1), Para(form["kind"]),
                     Para(f"1. {form['title']}", bold=True), Para(form["text"]),
                     Para("2. Økonomi", bold=True),
                     grid([("", "2015", "2016", "2017", "2018"), *form["rows"]], (8, 2, 2, 2, 2), header=1),
                     Para("3. Personalekonsekvenser (antal årsværk)", bold=True), Para(form["staff"]),
                     Para("7. Tidligere besparelser / udvidelser", bold=True), Para(form["before"]))
    return document


# -- Ringsted ------------------------------------------------------------------------------------------

RINGSTED = [
    dict(code="ØU 1", title="Ny åbningstid for Borgerservice", udvalg="Økonomiudvalget", area="Administration",
         amounts=("-350", "-700", "-700", "-700"), fte=("-0,8", "-1,6", "-1,6", "-1,6"),
         text="Borgerservice holder åbent for personlig betjening tirsdag og torsdag; de øvrige dage betjenes "
              "borgerne digitalt og telefonisk.",
         consequences="Borgere, der ønsker personlig betjening, skal komme på de to åbningsdage eller bestille tid."),
    dict(code="ØU 2", title="Nedsætte budget til venskabsby-arbejdet", udvalg="Økonomiudvalget", area="Administration",
         amounts=("-60", "-60", "-60", "-60"), fte=("0", "0", "0", "0"),
         text="Budgettet til venskabsbybesøg halveres, og besøgene holdes hvert andet år.",
         consequences="Færre udvekslinger med venskabsbyerne."),
    dict(code="BUU 1", title="Afskaffelse af tilskud til Bækken Lejrskole", udvalg="Børne- og Undervisningsudvalget",
         area="Skoler", amounts=("-125", "-300", "-300", "-300"), fte=("0", "0", "0", "0"),
         text="Det kommunale tilskud til drift af Bækken Lejrskole bortfalder fra 1. august 2017.",
         consequences="Skolerne skal selv finansiere lejrskoleophold."),
]


def ringsted() -> Document:
    """Forms headed only by "<udvalg code> <n> - <title>", after a contents and an overview table of their amounts."""
    title = "Omprioriterings- og ønskeforslag til budget 2017"
    years = ("2017", "2018", "2019", "2020")
    document = Document(title, "Ringsted Kommune", header=f"Ringsted Kommune · {title}", footer="Side {page} af {pages}")
    document.add(Heading(title, 1), Para("INDHOLDSFORTEGNELSE", bold=True), Para("1 OMPRIORITERINGSFORSLAG"),
                 Para("Økonomiudvalget"), Para("ØU 1 - Ny åbningstid for Borgerservice"),
                 Para("ØU 2 Nedsætte budget til venskabsby-arbejdet"), Para("Børne- og Undervisningsudvalget"),
                 Para("BUU 1 - Afskaffelse af tilskud til Bækken Lejrskole"), PageBreak(),
                 Heading("Oversigt over omprioriteringsforslag på udvalg", 2),
                 grid([("Forslag", *years), *((f"{f['code']} - {f['title']}", *f["amounts"]) for f in RINGSTED),
                       ("I alt", "-535", "-1.060", "-1.060", "-1.060")], (9, 2, 2, 2, 2), header=1))
    for form in RINGSTED:
        document.add(PageBreak(), Heading(f"{form['code']} - {form['title']}", 2), Para(f"Udvalg: {form['udvalg']}"),
                     Para(f"Politikområde: {form['area']}"), Para("Beskrivelse af forslaget", bold=True),
                     Para(form["text"]), Para("Konsekvenser", bold=True), Para(form["consequences"]),
                     grid([("Beløb i 1.000 kr.", *years), ("Drift", *form["amounts"]), ("Årsværk", *form["fte"])],
                          (7, 2, 2, 2, 2), header=1))
    return document
