"""Minutes of five more municipalities, layouts a trial on documents nobody on the team had seen read
wrongly (samples/minutes/README.md names the sources; each layout is named after its quirk).

Labels, numbering, headings, decision and absence lines as published; long prose shortened, and the
figures of the tables written for the samples.
"""

from __future__ import annotations

from samples.make_minutes.layout import Layout, bold, bullet, heading1, heading2, page, table, text


def _thisted_item(number: int, title: str, theme: str, account: str, law: str, route: tuple[str, ...],
                  recommendation: str, decision: str, *, extra: tuple = ()) -> tuple:
    return (
        heading2(f"{number}. {title}"), text("Udskriv"),
        bold("Sagstema"), text(theme),
        bold("Redegørelse"), text(account), *extra,
        bold("Retsgrundlag"), text(law),
        bold("Økonomiske konsekvenser"), text("Intet at bemærke."),
        bold("Andre konsekvenser"), text("Intet at bemærke."),
        bold("Høring og sagsgang"), *(text(step) for step in route),
        bold("Indstilling"), text(recommendation),
        bold("Beslutning"), text(decision),
        text("Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:"), text("Claus Nybo"),
        text("Til toppen"),
    )


def thisted() -> Layout:
    """Thisted's web referat: Sagstema / Redegørelse / Høring og sagsgang, and under each decision
    "Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:" with the names on the next line."""
    members = ("Brian Nielsen (D)", "Claus Nybo (A)", "Henning Holm (A)", "Henrik Gregersen (V)", "Ib Poulsen (O)",
               "Ida Pedersen (A)", "Jens Kristian Yde (C)", "Ulla Vestergaard (A)")
    route = ("Økonomiudvalget den 18. maj 2022", "Kommunalbestyrelsen den 31. maj 2022")
    return Layout(
        "thisted-fravaerende-under-beslutning",
        (
            heading1("Kommunalbestyrelsen"), text("Referat"), text("31. maj 2022"), bold("Deltagere:"),
            *(bullet(m) for m in members),
            *_thisted_item(89, "Godkendelse af dagsorden", "Godkendelse af dagsorden til dagens møde i "
                           "Kommunalbestyrelsen.", "Ifølge forretningsordenen skal dagsorden godkendes som første punkt "
                           "på dagsordenen.", "Forretningsordenen for Kommunalbestyrelsen § 5",
                           ("Kommunalbestyrelsen den 31. maj 2022",), "Til godkendelse.", "Godkendt."),
            *_thisted_item(90, "Naturnationalpark - udpegning af to repræsentanter til lokal projektgruppe",
                           "Udpegning af to repræsentanter til den lokale projektgruppe ved etablering af en "
                           "naturnationalpark i Thy.", "I forbindelse med etablering af en naturnationalpark i Thy "
                           "inviteres Thisted Kommune til at deltage i den lokale projektgruppe med to repræsentanter "
                           "- se bilag 1.", "Lov om naturnationalparker.", route,
                           "Økonomiudvalget indstiller, at der udpeges to repræsentanter.",
                           "Udpeget: Henning Holm og Jens Kristian Yde."),
            *_thisted_item(91, "Budgetopfølgning pr. 31. marts 2022", "Budgetopfølgning for hele kommunen pr. 31. "
                           "marts 2022.", "Budgetopfølgningen viser et forventet merforbrug på driften. Beløb i mio. "
                           "kr.", "Lov om kommunernes styrelse.", route,
                           "Økonomiudvalget indstiller budgetopfølgningen til godkendelse.", "Godkendt.",
                           extra=(table([("Udvalg", "Korrigeret budget", "Forventet regnskab", "Afvigelse"),
                                         ("Økonomiudvalget", "312,4", "315,0", "2,6"),
                                         ("Børne- og Familieudvalget", "788,1", "796,3", "8,2"),
                                         ("Teknik- og Miljøudvalget", "142,7", "141,1", "-1,6"),
                                         ("I alt", "1.243,2", "1.252,4", "9,2")], bold_rows=(0, 4)),)),
        ),
        header="Thisted Kommune - Kommunalbestyrelsen",
        footer="Side {PAGE} af {NUMPAGES}",
        source="https://www.sydthy.dk/Politik/Kommunalbestyrelse/206/206-2264.aspx?agendaid=206-2264-2233",
        quirk="\"89. Titel\", \"Udskriv\", Sagstema / Redegørelse / Retsgrundlag / Andre konsekvenser / Høring og "
              "sagsgang (the committees the case goes through, dated: no decisions), a plain \"Beslutning\", and "
              "under it \"Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:\" with the names on the next line "
              "(it was read as the decision of a committee called \"Fraværende i Thisted Kommunalbestyrelsen\")",
    )


def randers() -> Layout:
    """Randers' NemAgenda: members as one long comma line, "Møde lokation", the agenda's group headings in
    capitals again between the items, and a "Punkt | Titel" header row above every item."""
    members = ("Anders Buhl-Christensen, Bjarne Overmark, Charlotte Broman Mølbæk, Christian Boldsen, Claus Omann "
               "Jensen, Daniel Madié, Ellen Petersen, Frank Nørgaard, Helle Dahl Skøtt, Iben Sønderup, Torben Hansen")

    def item(number: str, title: str) -> object:
        return table([("Punkt", "Titel"), (number, title)], borders=False, widths=(1.5, 14.0), bold_rows=(0,))

    return Layout(
        "randers-sagsgrupper-og-punkt-titel",
        (
            bold("Mødedeltagere"), text(members), bold("Møde lokation"), text("Det gamle Rådhus"),
            bold("Dagsorden"), text("DIVERSE SAGER"), text("ØKONOMIUDVALGETS SAGER"),
            heading1("DIVERSE SAGER"),
            item("16", "Udpegningssager til hverv, råd og bestyrelser 2014 - 2017"),
            bold("Resume"), text("I forlængelse af kommunalvalget 2013 skal Randers Byråd udpege medlemmer til en "
                                 "række råd, nævn, bestyrelser m.v."),
            bold("Sagsfremstilling"), text("Der henvises til vedlagte oversigt over hvervene."),
            bold("Indstilling"), text("Borgmesteren indstiller, at byrådet foretager de nødvendige udpegninger."),
            bold("Beslutning"), text("Godkendt som indstillet."),
            heading1("ØKONOMIUDVALGETS SAGER"),
            item("17", "Anlægsbevilling til renovering af Vorup Skole"),
            bold("Resume"), text("Der søges om anlægsbevilling på 12,5 mio. kr. til renovering af Vorup Skole."),
            bold("Økonomi"), text("Anlægsudgiften på 12.500.000 kr. finansieres af rådighedsbeløbet i 2014."),
            bold("Indstilling"), text("Økonomiudvalget indstiller, at der gives anlægsbevilling på 12,5 mio. kr."),
            bold("Beslutning"), text("Godkendt."), text("Fraværende: Iben Sønderup"),
        ),
        header="",
        footer="",
        source="http://nemweb.randers.dk/nemagenda/DocumentView.aspx?document_id=1748986",
        quirk="NemAgenda: \"Mødedeltagere\" as one long comma line, \"Møde lokation\", the agenda's groups "
              "(\"ØKONOMIUDVALGETS SAGER\") printed again between the items (they ran into the decision before), a "
              "\"Punkt | Titel\" row over each item; no meeting date in the document",
    )


def toender() -> Layout:
    """Tønder's Sbsys: the committee only in the running head, labels in a grid ("Mødelokale:"), contents as
    "Pkt. | Tekst | Side", the KLE number under the heading, an absence inside the decision's sentence."""
    return Layout(
        "toender-udvalg-i-sidehoved",
        (
            text("Referat"),
            table([("Mødedato:", "25. juni 2015"), ("Mødelokale:", "Byrådssalen, Tønder Rådhus"),
                   ("Starttidspunkt for møde:", "19:00"), ("Fraværende:", "Jørgen Popp Petersen")], borders=False),
            page(),
            bold("Indholdsfortegnelse"),
            table([("Pkt.", "Tekst", "Side"), ("", "Åbne dagsordenspunkter", ""),
                   ("1", "Høring Sydtrafik budget 2016", "3"), ("2", "Økonomiske forhold vedr. Kiers Gaard", "3")],
                  borders=False, widths=(1.5, 12.0, 1.5)),
            page(),
            heading2("1. Høring Sydtrafik budget 2016"), text("13.05.12-Ø00-1-15"),
            bold("Sagsfremstilling"),
            text("Sydtrafik har fremsendt budgetforslag for 2016 til høring i kommunerne. Høringsfristen er d. 7. "
                 "august."),
            bold("Indstilling"), text("Det indstilles, at budgetforslaget tages til efterretning."),
            bold("Beslutning"), text("Taget til efterretning."),
            heading2("2. Økonomiske forhold vedr. Kiers Gaard"), text("00.01.00-P20-2-15"),
            bold("Sagsfremstilling"), text("Kiers Gaard har anmodet om forlængelse af driftstilskuddet."),
            bold("Indstilling"), text("Det indstilles, at tilskuddet forlænges for 2016."),
            bold("Beslutning"), text("Godkendt. Jørgen Popp Petersen deltog ikke i behandlingen af punktet."),
        ),
        header="Tønder Kommune – Kommunalbestyrelsen – Referat",
        footer="25. juni 2015 - Side {PAGE}",
        source="https://abcdocz.com/doc/4019631/dagsorden-1.2.0---t%C3%B8nder-kommune",
        quirk="Sbsys: the committee only in the running head \"Tønder Kommune – Kommunalbestyrelsen\", a grid of "
              "labels (\"Mødelokale:\" was no place label), contents \"Pkt. | Tekst | Side\" with the item numbers "
              "(each was warned about), \"Godkendt. Jørgen Popp Petersen deltog ikke ...\" (the decision was lost "
              "into the absence)",
    )


def vejen() -> Layout:
    """Vejen: "1.Titel (B)" without a space, "Sagsnummer: 18/6214", the title again, "Administrativ indstilling",
    "Beslutning Økonomiudvalget den 07-08-2018", "Malene K. Nielsen (V) deltog ikke."."""
    return Layout(
        "vejen-nummer-uden-mellemrum",
        (
            text("Udvalg: Økonomiudvalget"), text("Mødedato: 07-08-2018"), text("Mødested: M 5 - Vejen Rådhus"),
            heading2("1.Månedlig budgetopfølgning på Økonomiudvalgets område pr. 30/6 2018 (B)"),
            text("Sagsnummer: 18/6214"),
            text("Månedlig budgetopfølgning på Økonomiudvalgets område pr. 30/6 2018 (B)"),
            bold("Administrativ indstilling"), text("Direktør Henrik B. Larsen indstiller, at"),
            bullet("orienteringen om budgetopfølgningen pr. 30.06.2018 tages til efterretning."),
            bold("Sagsfremstilling"), text("Budgetopfølgningen på Økonomiudvalgets område viser samlet en "
                                           "forbrugsprocent på 49,9."),
            bold("Tidligere behandling"), text("Økonomiudvalget den 12-06-2018."), text("Taget til efterretning."),
            bold("Retsregler og andre forskrifter"), text("10 principper for økonomistyring i Vejen Kommune."),
            bold("Beslutning Økonomiudvalget den 07-08-2018"), text("Taget til efterretning."),
            text("Malene K. Nielsen (V) deltog ikke."),
            bold("Bilag"),
        ),
        header="Vejen Kommune - Økonomiudvalget",
        footer="Side {PAGE}",
        source="https://vejen.dk/politik/dagsordener-og-referater/?agendaId=1498927",
        quirk="\"1.Titel (B)\" with no space, \"Sagsnummer: 18/6214\", the title again, \"Administrativ indstilling\", "
              "\"Retsregler og andre forskrifter\", \"Tidligere behandling\" with \"Økonomiudvalget den 12-06-2018.\" "
              "(read as a committee \"Økonomiudvalget den\"), \"Malene K. Nielsen (V) deltog ikke.\" (the party lost "
              "its parenthesis)",
    )


def silkeborg() -> Layout:
    """Silkeborg's Åben beslutningsprotokol: a heading wrapped where a number stands ("... Chr." + "8. Vej 7"),
    "Sagens formål", "Afbud:" per item, a closed item "249. Lukket - Ejendomssag", "Underskrifter"."""
    absences = (text("Fraværende:"), text("Afbud: Jens Erik Jørgensen, Hanne Bæk Olsen"))
    return Layout(
        "silkeborg-overskrift-brudt-ved-tal",
        (
            heading1("Økonomiudvalget"), text("Åben beslutningsprotokol"), text("25. juni 2007 kl. 10:00"),
            text("Lokale D116, Silkeborg Rådhus"), text("Afbud: Jens Erik Jørgensen, Hanne Bæk Olsen"),
            bold("Indholdsfortegnelse"),
            table([("", "Side"),
                   ("246. Godkendelse af forhøjelse af anlægsbevilling til retablering af lejede lokaler på Chr. 8. "
                    "Vej 7, Silkeborg", "2"),
                   ("247. Orientering om årlig beretning fra Handicaprådet", "2"), ("249. Lukket - Ejendomssag", "2"),
                   ("Underskrifter", "2")], borders=False, widths=(15.0, 1.5)),
            page(),
            heading2("246. Godkendelse af forhøjelse af anlægsbevilling til retablering af lejede lokaler på Chr. 8. "
                     "Vej 7, Silkeborg"),
            text("Sagsnr.: 07/21538 Sagsansvarlig: HBA"), *absences,
            bold("Sagens formål"), text("Godkendelse af forhøjelse af anlægsbevilling med 450.000 kr. fra 1.200.000 "
                                        "kr. til 1.650.000 kr."),
            bold("Sagsbeskrivelse"), text("Økonomiudvalget besluttede i mødet den 22. maj 2006 at opsige lejemålet."),
            bold("Indstilling"), text("Direktionen indstiller, at anlægsbevillingen forhøjes med 450.000 kr."),
            bold("Beslutning"), text("Godkendt."),
            heading2("247. Orientering om årlig beretning fra Handicaprådet"),
            text("Sagsnr.: 07/18812 Sagsansvarlig: LKJ"), *absences,
            bold("Sagens formål"), text("Orientering om Handicaprådets beretning for 2006."),
            bold("Indstilling"), text("Direktionen indstiller, at orienteringen tages til efterretning."),
            bold("Beslutning"), text("Taget til efterretning."),
            heading2("249. Lukket - Ejendomssag"),
            bold("Underskrifter"), text("Jens Erik Jørgensen    Hanne Bæk Olsen    Bent Rasmussen"),
        ),
        header="Økonomiudvalget - Åben beslutningsprotokol - 25. juni 2007",
        footer="Side {PAGE}",
        source="http://docplayer.dk/2284691-Oekonomiudvalget-aaben-beslutningsprotokol.html",
        quirk="\"Åben beslutningsprotokol\", a heading wrapped in the PDF where a number stands (\"... på Chr.\" + "
              "\"8. Vej 7, Silkeborg\", read as an item 8), \"Fraværende:\"/\"Afbud:\" and \"Sagens formål\" in every "
              "item (read as absent names), a closed item \"249. Lukket - Ejendomssag\" and \"Underskrifter\" (both "
              "ran into the decision before)",
    )


LAYOUTS = (thisted, randers, toender, vejen, silkeborg)
