"""Minutes as eight municipalities' committee systems print them (five more in `holdout.py`;
samples/minutes/README.md names the sources).

Headings, labels, numbering, case numbers, decision headings, absences and figures are as
published; long prose is shortened. Each layout is named after the municipality and its quirk.
"""

from __future__ import annotations

from samples.make_minutes.layout import Layout, bold, bullet, heading1, heading2, page, table, text


def svendborg() -> Layout:
    """First Agenda print: "Punkt 2 Titel" without a colon, no meeting header, the date only in the decisions."""
    return Layout(
        "svendborg-punkt-uden-kolon",
        (
            heading1("Punkt 1 Godkendelse af dagsorden"),
            heading2("Beslutning i Lokaludvalget den 26-08-2020"),
            text("Godkendt."),
            page(),
            heading1("Punkt 2 Budgetopfølgning 3. kvartal 2020"),
            heading2("Beslutningstema"),
            text("Budgetopfølgning pr. 26.08.2020"),
            heading2("Indstilling"),
            text("Direktionen indstiller, at"),
            bullet("Orienteringen tages til efterretning."),
            heading2("Sagsfremstilling"),
            text("Budgettet er vedhæftet som ”Bilag 1 – Budgetopfølgning Lokaludvalget pr. 10.08.2020”."),
            text("Årshjulet for Lokaludvalget 2020 er vedhæftet som ”Bilag 2 - Godkendt årshjul for Lokaludvalget "
                 "2020”."),
            heading2("Beslutning i Lokaludvalget den 26-08-2020"),
            text("Orienteringen taget til efterretning med bemærkning om, at der endnu ikke er anvendt midler til en "
                 "studietur."),
            text("Pia Dam (Liste A) forlod mødet kl. 17.00 under Nyt punkt 8. Stedfortræder Karl Magnus Bidstrup "
                 "(Liste A) deltog i stedet i resten af mødet."),
        ),
        header="Svendborg Kommune - Lokaludvalget",
        footer="Side {PAGE}",
        source="https://www.svendborg.dk/dagsorden_punkt/515353/print",
        quirk="First Agenda's print of an item: \"Punkt 2 Titel\" (no colon), Beslutningstema, the decision heading "
              "\"Beslutning i Lokaludvalget den 26-08-2020\"; no meeting header, so the date comes from the decisions",
    )


def aabenraa() -> Layout:
    """Beslutningsprotokol: the date as a sentence, label lines, "Sagsid.: 17/69", "Beslutning <udvalg> den 06-06-2017"."""
    members = ("Kirsten Nørgård Christensen, Dorte Ballhorn Soll, Eivind Underbjerg Hansen, Gert Nordklitgaard, "
               "Kåre Solhøj Dahle, Kurt Andresen, Rasmus Lyngbak Bøgen")
    return Layout(
        "aabenraa-beslutningsprotokol",
        (
            bold("Beslutningsprotokol"),
            text("tirsdag den 6. juni 2017 kl. 09:00"),
            text("Mødested: Loungen, Skelbækvej 2, Aabenraa"),
            text("Udvalg: Børne- og Uddannelsesudvalg"),
            text(f"Medlemmer: {members}"),
            text("Bemærkninger: Afbud: Dorte Ballhorn Soll"),
            text("Mødet sluttede kl. 11.15"),
            heading1("1. Meddelelser"),
            text("Sagsid.: 17/69, Sagsinitialer: bhh"),
            heading2("Sagsfremstilling"),
            text("-"),
            heading2("Beslutning Børne- og Uddannelsesudvalg den 06-06-2017"),
            text("-"),
            text("Afbud: Dorte Ballhorn Soll"),
            heading1("2. Orientering om byggeprojekter på skole- og daginstitutionsområdet"),
            text("Sagsid.: 11/44211, Sagsinitialer: khl"),
            heading2("Sagsfremstilling"),
            text("Udvalget orienteres i denne sag om igangværende og kommende byggeprojekter på skole- og "
                 "daginstitutionsområdet."),
            bold("Kongehøjskolen"),
            text("Det endelige regnskab for anlægsprojektet afventer stadig aftalemæssige afklaringer med "
                 "totalrådgiveren."),
            bold("Lyreskovskolen"),
            text("De sidste udbedringer af mangler ved de udvendige arbejder i terræn er under færdiggørelse. "
                 "Projektets anlægsregnskab afsluttes efterfølgende."),
            bold("Hærvejsskolen"),
            text("Aabenraa Kommune har den 18. maj 2017 besluttet at aflyse udbudsprocessen vedrørende Hærvejsskolen "
                 "i Rødekro. Der planlægges for en ny prækvalifikation."),
            heading2("Indstilling"),
            text("Børn og Skole indstiller, at orienteringen tages til efterretning."),
            heading2("Beslutning Børne- og Uddannelsesudvalg den 06-06-2017"),
            text("Taget til efterretning."),
            text("Afbud: Dorte Ballhorn Soll"),
        ),
        header="Aabenraa Kommune - Børne- og Uddannelsesudvalg",
        footer="Side {PAGE} af {NUMPAGES}",
        source="https://www.aabenraa.dk/politik-og-dialog/dagsordener-og-referater/boerne-og-uddannelsesudvalget/"
               "2017-06-06-0900-5132/",
        quirk="Beslutningsprotokol: the date as a sentence, \"Mødested:\"/\"Udvalg:\"/\"Medlemmer:\"/\"Bemærkninger:\" "
              "lines, items \"1. Titel\", case numbers \"Sagsid.: 17/69, Sagsinitialer: bhh\", decision headings "
              "without \"i\", \"Afbud:\" in every item",
    )


def bornholm() -> Layout:
    """Acadre: "1  Titel", a KLE journal number, a Behandling table of committee and meeting date, "Indstilling og beslutning"."""
    treatment = ("Behandling", "Mødedato", "Åbent punkt", "Lukket punkt")
    return Layout(
        "bornholm-behandlingstabel",
        (
            bold("Referat"),
            text("Børne- og Skoleudvalget"),
            text("06-11-2018 kl. 13:00"),
            text("Mødelokale A, Ullasvej 23, 3700 Rønne"),
            bold("Dagsordenspunkter"),
            text("åbent 1 Fraværende og bemærkninger til dagsordenen"),
            text("åbent 2 Dialogmøde vedr. budget 2019 - Center for skole"),
            text("Åbent punkt"),
            heading1("1  Fraværende og bemærkninger til dagsordenen"),
            text("00.01.00P35-0104"),
            table([treatment, ("Børne- og Skoleudvalget", "06-11-2018", "1", "")], borders=False),
            heading2("Fraværende"),
            text("Linda Kofoed Persson"),
            heading2("Bemærkninger til dagsordenen"),
            text("Skolechef Espen Fossar Andersen deltager under alle punkter."),
            text("Børne- og Familiechef Anders Fløjborg deltager under punkterne 3 til og med 6."),
            page(),
            text("Åbent punkt"),
            heading1("2  Dialogmøde vedr. budget 2019 - Center for skole"),
            text("00.30.02G01-0022"),
            table([treatment, ("Børne- og Skoleudvalget", "06-11-2018", "2", "")], borders=False),
            heading2("Hvem beslutter"),
            text("Børne- og Skoleudvalget beslutter."),
            heading2("Resumé"),
            text("Som led i budgetprocessen holdes der dialogmøder mellem udvalg og centre med det formål at drøfte "
                 "forståelsen af og realiseringen af det godkendte budget for 2019."),
            heading2("Indstilling og beslutning"),
            text("Servicedirektøren indstiller,"),
            text("· at dialogen tages til efterretning."),
            bold("Børne- og Skoleudvalget den 6. november 2018:"),
            text("Taget til efterretning."),
            heading2("Sagsfremstilling"),
            text("Der er indgået budgetforlig for 2019 – 2022. På den baggrund holder Børne- og Skoleudvalget "
                 "dialogmøde med ledelses- og medarbejderrepræsentanter i Center for Skole."),
        ),
        header="Bornholms Regionskommune - Børne- og Skoleudvalget 06-11-2018",
        footer="{PAGE}/{NUMPAGES}",
        source="https://dagsorden-og-referater.brk.dk/Sites/Politiske_Internet/Internet/2018/InfRef7969.html",
        quirk="Acadre: items \"1  Titel\" after \"Åbent punkt\", KLE journal numbers \"00.01.00P35-0104\", a "
              "Behandling/Mødedato table per item, \"Fraværende\" as a section, the decision inside \"Indstilling og "
              "beslutning\" under \"Børne- og Skoleudvalget den 6. november 2018:\"",
    )


def slagelse() -> Layout:
    """The item title printed twice, "Sagsnr.: 330-2018-3619", "Beslutning i Økonomiudvalget den 1. oktober 2018:", "Fraværende:"."""
    def item(number: int, title: str, document: str, theme: str, recommendation: str,
             decision: tuple[str, ...]) -> list:
        return [heading1(f"{number}. {title}"), text(f"{number}.\t{title}"),
                text(f"Sagsnr.: 330-2018-3619\tDok.nr.: 330-2018-{document}\tÅbent"),
                text("Kompetence: Økonomiudvalget"), heading2("Beslutningstema"), text(theme),
                heading2("Indstilling"), text("Borgmesteren indstiller,"), text(f"1.\tat {recommendation}"),
                bold("Beslutning i Økonomiudvalget den 1. oktober 2018:"), text("Fraværende: "),
                *(text(d) for d in decision)]

    return Layout(
        "slagelse-titel-gentaget",
        (
            bold("Økonomiudvalget – Referat – 1. oktober 2018"),
            *item(1, "Godkendelse af dagsorden (B)", "500301", "Godkendelse af dagsorden.", "dagsordenen godkendes",
                  ("Godkendt.",)),
            *item(2, "Siden sidst fra udvalgets medlemmer (O)", "500312", "Orientering fra udvalgets medlemmer.",
                  "orienteringen tages til efterretning",
                  ("Brev til regionen vedrørende nedlæggelse af busruter er afsendt. Der arbejdes i Regionen på "
                   "henvendelse til Regeringen.",
                   "Hjemmesiden ajourføres i forhold til byrådsmedlemmer, der er bevilget orlov, herunder i forhold "
                   "til vederlag.")),
            page(),
            *item(3, "Orientering fra borgmester og kommunaldirektør (O)", "500335",
                  "Orientering fra borgmester og kommunaldirektør", "orienteringen tages til efterretning",
                  ("Ole Kristensen orienterede om henvendelse fra Vestermose Skole og garantistillelse. Der er ikke "
                   "hjemmel til at imødekomme henvendelsen, der sidestilles med driftsstøtte.",)),
        ),
        header="Økonomiudvalget – Referat – 1. oktober 2018",
        footer="Side {PAGE} af {NUMPAGES}",
        source="https://trung.dk/politisk-arbejde/dagsordener/oekonomiudvalget/2018-10-01/"
               "7379a647-db06-46f8-9fee-3387b0e88a01",
        quirk="each item title printed twice (heading, then \"1.<tab>Titel\"), \"Sagsnr.: 330-2018-3619 Dok.nr.: ... "
              "Åbent\" (330 is Slagelse's municipality number), \"Kompetence:\", Beslutningstema, decision heading "
              "with a long date and a colon, an empty \"Fraværende:\" in every decision",
    )


def hvidovre() -> Layout:
    """"Referat - <udvalg> den 9. november 2015", a Mødefakta block, "Beslutning i ... den 09-11-2015", "Ad 1."."""
    members = ("Anders Liltorp (A)", "Annette Møller Sjøbeck (V)", "Kashif Ahmad (UP)", "Lars Gundelack Jensen (A)",
               "Maria Durhuus (A)", "Mette Dencker (O)", "Mikkel Dencker (O)")
    return Layout(
        "hvidovre-moedefakta",
        (
            bold("Referat - Børne- og Undervisningsudvalget den 9. november 2015"),
            heading2("Mødefakta"),
            text("Dato: Mandag den 9. november 2015"),
            text("Mødetidspunkt: Kl. 17:00"),
            text("Mødested: Plejecenter Dybenskærhave, Byvej 201 2650 Hvidovre"),
            heading2("Medlemmer"),
            *(bullet(m) for m in members),
            heading1("1. Godkendelse af dagsorden"),
            heading2("Beslutning i Børne- og Undervisningsudvalget den 09-11-2015"),
            text("Godkendt."),
            heading1("2. Valg af midlertidig formand til Børne- og Undervisningsudvalget"),
            heading2("Beslutningstema"),
            text("Børne- og Undervisningsudvalget har mulighed for at vælge midlertidig formand i Kenneth F. "
                 "Christensens orlovsperiode."),
            heading2("Indstilling"),
            text("Børn og Velfærd indstiller til Børne- og Undervisningsudvalget"),
            text("1. at beslutte hvorvidt der i formandens orlovsperiode skal vælges ny formand for udvalget"),
            text("2. at såfremt dette besluttes vælge en formand for udvalget i orlovsperioden."),
            heading2("Beslutning i Børne- og Undervisningsudvalget den 09-11-2015"),
            text("Ad 1."),
            text("Udvalget besluttede at vælge ny formand i orlovsperioden."),
            text("Ad 2."),
            text("Udvalget valgte Maria Durhuus (A) som formand i orlovsperioden."),
            heading2("Sagsfremstilling"),
            text("Den 10. december 2013 valgte Børne- og Undervisningsudvalget Kenneth F. Christensen som formand. "
                 "Kommunalbestyrelsen bevilligede Kenneth F. Christensen orlov på mødet den 27. oktober 2015."),
            page(),
            text("Der er i Styrelsesloven mulighed for, at vælge ny midlertidig formand i orlovsperioden. Indtil "
                 "udvalget måtte beslutte dette, varetager næstformanden formandens opgaver."),
            heading2("Retsgrundlag"),
            text("Styrelseslovens § 22 samt § 28"),
        ),
        header="Hvidovre Kommune - Børne- og Undervisningsudvalget",
        footer="Side {PAGE} af {NUMPAGES}",
        source="https://www.hvidovre.dk/Politik/dagsordener-og-referater-fra-kommunalbestyrelsen-og-udvalg/"
               "politiske-udvalg/politiske-udvalg-2014-17/56/923?agendaid=1159",
        quirk="a title sentence \"Referat - <udvalg> den 9. november 2015\", a Mødefakta block (Dato:, "
              "Mødetidspunkt:, Mødested:), members as bullets, items \"1. Titel\", decisions \"Ad 1.\" / \"Ad 2.\"",
    )


def broenderslev() -> Layout:
    """"Byrådet - Referat", Dato:/Lokale:/Tidspunkt:, "Sagsforløb: BY", absences as a sentence under each decision."""
    absent = "Martin Bech, Bettina Bøcker Kjeldsen og Niels Vestergaard Salling"
    return Layout(
        "broenderslev-fravaer-i-beslutning",
        (
            bold("Byrådet - Referat"),
            text("Dato: 29. januar 2020"),
            text("Lokale: Byrådssalen, Brønderslev Rådhus"),
            text("Tidspunkt: Kl. 19:00"),
            heading1("1. Fraværende"),
            heading2("Resume"),
            text("Sagsforløb: BY"),
            heading2("Sagsfremstilling"),
            text(f"Der er afbud fra {absent}."),
            heading2("Beslutning"),
            text(f"{absent}."),
            heading1("2. Bemærkninger/ændringer til dagsordenen"),
            heading2("Resume"),
            text("Sagsforløb: BY"),
            heading2("Sagsfremstilling"),
            text("Evt. bemærkninger til dagsordenen."),
            heading2("Beslutning"),
            text("Ingen."),
            text(f"{absent} var fraværende."),
            page(),
            heading1("3. Godkendelse af indkaldte stedfortrædere"),
            heading2("Resume"),
            text("Sagsforløb: BY"),
            text("Byrådet anmodes om at godkende, at 1. stedfortræder på liste V, Kim Østergaard, indkaldes til "
                 "Byrådets møde som følge af afbud fra Martin Bech pga. ferie."),
            heading2("Sagsfremstilling"),
            text("Det fremgår af styrelsesloven, at det er Byrådet, der træffer beslutning om, hvorvidt betingelserne "
                 "for indkaldelse af stedfortræder er til stede."),
            heading2("Personale"),
            text("Ingen."),
            heading2("Beslutning"),
            text("Kim Østergaard og Ole Andersen godkendt"),
            text(f"{absent} var fraværende."),
        ),
        header="Brønderslev Kommune - Byrådet 29. januar 2020",
        footer="Side {PAGE} af {NUMPAGES}",
        source="https://www.bronderslev.dk/Politik/ByraadOgUdvalg/DagsordnerOgReferater2018-2021/148/148-2085.aspx",
        quirk="\"Byrådet - Referat\" with Dato:/Lokale:/Tidspunkt:, \"Sagsforløb: BY\" under Resume, a plain "
              "\"Beslutning\" heading, absences as the sentence \"... var fraværende.\" under each decision",
    )


def naestved() -> Layout:
    """"Punkt 248: Titel", a KLE case number, Politisk behandling, one Beslutning with a paragraph per committee."""
    return Layout(
        "naestved-beslutning-flere-udvalg",
        (
            heading1("Punkt 248: Behandling af 3. budgetkontrol i 2018"),
            text("00.15.00-A00-33-18"),
            heading2("Resume"),
            text("Administrationen har udarbejdet årets tredje og sidste budgetkontrol. Budgetkontrollen viser "
                 "mindreudgifter på 216 mio. kr. i forhold til bevillingerne og et forbrug af kassebeholdningen på "
                 "80 mio. kr., hvilket er 90 mio. kr. mere end oprindeligt budgetteret."),
            text("Budgetkontrollen er forbedret med 78 mio. kr. siden sidste budgetkontrol."),
            heading2("Politisk behandling"),
            text("Økonomiudvalget (anbefaler), 10.12.2018"),
            text("Byrådet (godkender), 18.12.2018"),
            heading2("INDSTILLING"),
            text("Administrationen indstiller,"),
            text("1. at de udgiftsneutrale budgetændringer i bilag 3 godkendes i både 2018 og 2019"),
            text("2. at tillægsbevillinger på anlæg på netto 0 kr. godkendes, jf. bilag 4"),
            text("3. at der meddeles anlægsbevillinger og frigives rådighedsbeløb jf. bilag 5"),
            text("4. at budgetkontrollen godkendes."),
            heading2("Beslutning"),
            bold("Økonomiudvalget, 10.12.2018"),
            text("Lars Hoppe Søe var fraværende."),
            text("Ad 1, 2, 3 og 4: Anbefales."),
            bold("Byrådet, 18.12.2018"),
            text("Ad 1, 2, 3 og 4: Godkendt."),
            page(),
            heading2("Sagsfremstilling"),
            text("Resultatet af budgetkontrollen i forhold til bevillingerne er vist i tabel 2.1 i bilag 1."),
        ),
        header="Næstved Kommune - Byrådet",
        footer="Side {PAGE} af {NUMPAGES}",
        source="https://online.flippingbook.com/view/164521544/554",
        quirk="\"Punkt 248: Titel\" then a KLE case number \"00.15.00-A00-33-18\", \"Politisk behandling\" listing "
              "the route, INDSTILLING in capitals, one \"Beslutning\" with a bold \"Økonomiudvalget, 10.12.2018\" "
              "and \"Byrådet, 18.12.2018\" paragraph each (the earlier is history), an absence sentence inside",
    )


RESULT_ROWS = (
    ("Resultatopgørelse (mio. kr.)", "Oprindeligt budget 2025", "Korrigeret budget 2025 pr. 31. oktober",
     "Forventet regnskab 2025 pr. 31. oktober", "Forventet afvigelse til korrigeret budget",
     "Afvigelse til korrigeret budget i %"),
    ("DET SKATTEFINANSIEREDE OMRÅDE", "", "", "", "", ""),
    ("Indtægter", "", "", "", "", ""),
    ("Skatter", "-2.093,8", "-2.093,8", "-2.091,7", "2,1", "0,1%"),
    ("Generelle tilskud mv.", "-988,8", "-974,2", "-980,9", "-6,7", "0,7%"),
    ("Indtægter i alt", "-3.082,7", "-3.068,0", "-3.072,6", "-4,6", "0,1%"),
    ("Driftsudgifter (ekskl. Forsyningsvirksomhed)", "", "", "", "", ""),
    ("Børne- og Familieudvalget", "768,2", "769,5", "771,0", "1,5", "0,2%"),
    ("Kultur-, Fritids- og Landdistriktsudvalget", "48,2", "68,5", "60,0", "-8,5", "12,5%"),
    ("Beskæftigelsesudvalget", "762,0", "761,6", "761,6", "0,0", "0,0%"),
    ("Social- og Sundhedsudvalget", "949,2", "948,1", "950,2", "2,1", "0,2%"),
    ("Teknik- og Miljøudvalget", "61,0", "62,8", "64,2", "1,4", "2,3%"),
    ("Økonomiudvalget", "357,9", "372,7", "368,2", "-4,4", "1,2%"),
    ("Driftsudgifter i alt", "2.946,6", "2.983,3", "2.975,3", "-8,0", "0,3%"),
    ("Driftsresultat før finansiering", "-136,0", "-84,7", "-97,3", "-12,6", "14,8%"),
    ("Renter mv.", "7,2", "7,2", "-1,8", "-9,0", "124,7%"),
    ("Resultat af ordinær driftsvirksomhed", "-128,8", "-77,5", "-99,0", "-21,6", "27,8%"),
)


def firstagenda() -> Layout:
    """An item with no number, a result table in mio. kr. running over a page break, Bilag as bullets."""
    filler = ("Budgetopfølgningen er lavet med udgangspunkt i erfaringerne fra de første ti måneder og er "
              "gennemført på alle driftsområder. Udvalgene har behandlet deres egne områder forud for denne sag, "
              "og de enkelte udvalgs sagsfremstillinger er vedlagt som bilag.")
    return Layout(
        "firstagenda-tabel-over-sideskift",
        (
            heading1("Godkendelse af budgetopfølgning 3 - 2025 pr. 31. oktober"),
            heading2("Beslutningstema"),
            text("Godkendelse af budgetopfølgning 3 - pr. 31. oktober 2025"),
            heading2("Sagsbeskrivelse"),
            text("Administrationen har gennemført budgetopfølgning 3 pr. 31. oktober 2025."),
            *(text(filler) for _ in range(9)),
            bold("Det forventede regnskab"),
            text("Nedenfor er resultatopgørelsen vist."),
            table(RESULT_ROWS, bold_rows=(0, 1, 5, 13, 14, 16), widths=(5.0, 2.4, 2.4, 2.4, 2.4, 2.4)),
            heading2("Bilag"),
            bullet("Samlet overblik BO3"),
            bullet("BO3 BFU - Drift"),
            bullet("Anlæg BO3"),
        ),
        header="Dagsorden - Økonomiudvalget",
        footer="Side {PAGE} af {NUMPAGES}",
        source="https://www.monrad.app/agenda_items/49699",
        quirk="a First Agenda item with no number, Beslutningstema and Sagsbeskrivelse, the unit in the table's "
              "first header cell \"Resultatopgørelse (mio. kr.)\", a percent column, the table running over a page "
              "break (the page does not name the municipality)",
    )


LAYOUTS = (svendborg, aabenraa, bornholm, slagelse, hvidovre, broenderslev, naestved, firstagenda)
