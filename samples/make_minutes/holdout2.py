"""Minutes of three municipalities a second trial on documents nobody on the team had seen read wrongly
(samples/minutes/README.md names the sources; each layout is named after its quirk): Gribskov, Ballerup and
Allerød. Labels, numbering, headings, decision and absence lines as published; prose shortened, the
figures of the tables and the texts the sources did not show written for the samples.
"""

from __future__ import annotations

from samples.make_minutes.layout import Layout, bold, bullet, heading1, heading2, table, text


def gribskov() -> Layout:
    """Gribskov web referat (gribskov.dk, Byråd 21-05-2019): '57. Titel', 'Sagsnummer: ...' under it,
    'Administrationen indstiller til Byrådet' with numbered 'at'-points, Resume / Sagsfremstilling /
    Lovgrundlag / Beslutning, 'Fravær: Name (V)' under the decision, and 'Historik' holding an earlier
    committee's decision as 'Økonomiudvalget, 14. maj 2019, pkt. 88:'. Items 57 and 58 as published
    (prose shortened; item 58's Sagsfremstilling and final decision illustrative); item 59 illustrative."""
    blocks = [
        heading1("Byråd"), text("Tirsdag den 21-05-2019 kl. 19:00"),
        bold("Indholdsfortegnelse"),
        text("57. Godkendelse af dagsorden"), text("58. Budget 2019 - Ny styrelsesvedtægt"),
        text("59. Budgetopfølgning 1 - 2019"),
        heading2("57. Godkendelse af dagsorden"),
        text("Sagsnummer: 00.22.04-G01-2-18"),
        bold("Administrationen indstiller til Byrådet"), text("1. at godkende dagsorden"),
        bold("Sagsfremstilling"),
        text("Forud for byrådsmøder udsendes en dagsorden med det fornødne materiale til bedømmelse af de sager, "
          "der skal optages på dagsorden."),
        bold("Lovgrundlag"), text("LBK nr 47 af 15.01.2019 § 8"),
        bold("Beslutning"), text("1. Godkendt."),
        text("Besluttet at betingelserne for indkaldelse af stedfortræder i forbindelse med Kim Valentins lovlige "
          "forfald er opfyldt. Sean Crawford (V) indtræder i Byrådet som stedfortræder for Kim Valentin."),
        text("Fravær: Kim Valentin (V)"),
        heading2("58. Budget 2019 - Ny styrelsesvedtægt"),
        text("Sagsnummer: 00.30.00-S00-11-19"),
        bold("Resume"),
        text("Administrationen forelægger i denne sag de bevillingsmæssige konsekvenser af den nye "
          "styrelsesvedtægt, som Byrådet besluttede på deres ekstraordinære møde den 23. april 2019. Samtidig "
          "foreslår administrationen, at Budgetopfølgning 2 udskydes til august."),
        bold("Administrationen indstiller til Økonomiudvalget at anbefale Byrådet"),
        text("1. at beslutte bevillingsmæssige ændringer til budget 2019-2023 jf. bilag \"Oversigt over "
          "bevillingsændringer\""),
        text("2. at godkende at Budgetopfølgning 2 udskydes til august"),
        bold("Historik"),
        text("Økonomiudvalget, 14. maj 2019, pkt. 88:"),
        text("1. - 2. Anbefalet med den ændring at budgetopfølgning 2 udskyldes til september."),
        text("Fravær: Morten Ulrik Jørgensen (G)"),
        bold("Sagsfremstilling"),
        text("Byrådet besluttede den 23. april 2019 en ny styrelsesvedtægt med virkning fra 1. juni 2019. "
          "Bevillingerne flyttes mellem udvalgene som vist i bilaget. Ændringerne er udgiftsneutrale."),
        bold("Beslutning"),
        text("1. - 2. Godkendt med Økonomiudvalgets ændring."),
        text("Fravær: Kim Valentin (V)"),
        heading2("59. Budgetopfølgning 1 - 2019"),
        text("Sagsnummer: 00.30.14-S00-2-19"),
        bold("Resume"), text("Budgetopfølgning 1 viser et forventet merforbrug på driften. Beløb i mio. kr."),
        table([["Udvalg", "Korrigeret budget", "Forventet regnskab", "Afvigelse"],
               ["Økonomiudvalget", "214,6", "213,9", "-0,7"],
               ["Social, Sundhed og Ældre", "702,3", "709,8", "7,5"],
               ["Børn og Unge", "611,0", "614,2", "3,2"],
               ["I alt", "1.527,9", "1.537,9", "10,0"]], bold_rows=(0, 4,)),
        bold("Administrationen indstiller til Byrådet"), text("1. at tage budgetopfølgningen til efterretning"),
        bold("Beslutning"), text("1. Taget til efterretning."),
        text("Fravær: Kim Valentin (V)"),
    ]
    return Layout("gribskov-historik-og-fravaer", tuple(blocks),
                  source="https://www.gribskov.dk/politik/moeder-og-referater/dagsordener-og-referater/?agendaId=396394",
                  quirk=(
                  '"57. Titel" in a PDF right below the contents that lists it (read as a wrapped heading: every '
                  'item merged into the last), "Historik" holding "Økonomiudvalget, 14. maj 2019, pkt. 88:", '
                  '"Administrationen indstiller til Byrådet"'),
                  header="Gribskov Kommune\nByråd 21-05-2019",
               footer="Side {PAGE} af {NUMPAGES}")


def ballerup() -> Layout:
    """Ballerup (ballerup.dk/dagsorden, Kommunalbestyrelsen 26.08.2019): date 'dd.mm.yyyy kl. 18:00', place,
    'Deltagere' as bullets 'Name (A) - Deltog' with 'Deltog ikke under punkterne 20-21' as a bullet of its own
    under a member, 'AFBUD/FRAVÆRENDE' with 'Name (O) - Afbud', 'Åben dagsorden', and per item the
    decision FIRST: Beslutning / Tidligere behandling ('Kommunalbestyrelsen den 29. april 2019 Punkt 4') /
    Indhold / Sammendrag / Baggrund. Members, absences, headings, 'Tidligere behandling' and the Sammendrag
    as published; the item titles and numbers (the web page shows them as links the transcript lost), item
    21 and the figures illustrative."""
    members = [("Jesper Würtzen (A) (borgmester)", None), ("Lolan Marianne Ottesen (A) (1. viceborgmester)", None),
               ("Kåre Harder Olesen (V) (2. viceborgmester)", None), ("Hella Hardø Tiedemann (A)", None),
               ("Musa Kekec (A)", None), ("Charlotte Holtermann (A)", None), ("Ali Abbasi (Ø)", None),
               ("Peter Als (A)", None), ("Birgitte Dahl (O)", "Deltog ikke under punkterne 20-21"),
               ("Maria Lundahl Assov (A)", None), ("Jacob Wøhler Jørgensen (V)", None),
               ("Kasper Sørmer-Sørensen (O)", "Deltog ikke under punkterne 20-21"), ("Sussie Wandel (V)", None),
               ("Eik Møller (kommunaldirektør)", None)]
    blocks = [heading1("Kommunalbestyrelsen"), text("26.08.2019 kl. 18:00"),
              text("Kommunalbestyrelsens mødesal på Ballerup Rådhus"),
              bold("Deltagere")]
    for name, note in members:
        blocks.append(bullet(f"{name} - Deltog"))
        if note:
            blocks.append(bullet(note))
    blocks += [
        bold("AFBUD/FRAVÆRENDE"), bullet("Michael Jensen (O) - Afbud"),
        heading1("Åben dagsorden"),
        heading2("19. Meddelelser"),
        bold("Beslutning"), text("Intet"),
        heading2("20. Anden budgetopfølgning 2019"),
        bold("Beslutning"), text("Godkendt."),
        bold("Tidligere behandling"), text("Kommunalbestyrelsen den 29. april 2019 Punkt 4"),
        bold("Indhold"),
        bold("Sammendrag"),
        text("Anden budgetopfølgning for 2019 og opfølgning på \"Aftale om budget 2019\" forelægges hermed til "
          "godkendelse."),
        text("Ballerup Kommune har overordnet set en sund og robust økonomi, hvor målene i den økonomiske strategi "
          "vedrørende overskud på de løbende poster, likviditet og afbetaling af gæld overholdes. Ballerup Kommunes "
          "overholdelse af service- og anlægsramme er dog under pres."),
        bold("Baggrund"),
        text("På servicerammen skyldes presset primært stigende udgifter på de specialiserede områder. "
             "Beløb i mio. kr."),
        table([["Område", "Vedtaget budget", "Forventet regnskab", "Afvigelse"],
               ["Serviceudgifter", "2.904,5", "2.931,2", "26,7"],
               ["Overførselsudgifter", "1.012,8", "1.004,6", "-8,2"],
               ["Anlæg", "214,0", "198,7", "-15,3"]], bold_rows=(0,)),
        heading2("21. Godkendelse af takster 2020"),
        bold("Beslutning"), text("Godkendt."),
        bold("Indhold"),
        bold("Sammendrag"), text("Takster for 2020 forelægges til godkendelse."),
    ]
    return Layout("ballerup-beslutning-foer-indhold", tuple(blocks),
                  source="https://ballerup.dk/dagsorden/kommunalbestyrelsen-26-08-2019",
                  quirk=(
                  'participants "Name (A) - Deltog", "AFBUD/FRAVÆRENDE" "Name (O) - Afbud" (read as names with '
                  'their status), the decision before "Indhold" / "Sammendrag" (ran into the decision), "Tidligere '
                  'behandling" "Kommunalbestyrelsen den 29. april 2019 Punkt 4"'),
                  header="Ballerup Kommune – Kommunalbestyrelsen",
               footer="Side {PAGE} af {NUMPAGES}")


def alleroed() -> Layout:
    """Allerød (alleroed.dk agenda HTML, Teknik, Erhverv, Plan og Miljøudvalget 06-03-2018): labels in
    capitals on their own line (UDVALG / MØDE / STED / STARTTIDSPUNKT / SLUTTIDSPUNKT / PUNKTER) with the
    value below, timestamps '06-03-2018 07:30:00', 'PUNKTER' as a numbered list, each item's title repeated
    under its heading, 'Punkttype' / 'Beslutning.', 'Tema', and the decision heading 'Beslutning <udvalg>
    2018-2021 den 06-03-2018'. Items 1 and 2 as published; items 13 and 20 (titles as published) with
    illustrative text; the contents list shortened to the four items printed."""
    udvalg = "Teknik, Erhverv, Plan og Miljøudvalget 2018-2021"
    decision = f"Beslutning {udvalg} den 06-03-2018"
    blocks = [
        bold("UDVALG"), text(udvalg), bold("MØDE"), text("Referat"), bold("STED"), text("Mødelokale C"),
        bold("STARTTIDSPUNKT"), text("06-03-2018 07:30:00"), bold("SLUTTIDSPUNKT"), text("06-03-2018 10:50:00"),
        bold("PUNKTER"),
        text("1. Bemærkninger til dagsordenen"), text("2. Meddelelser"), text("13. Belægningspuljen 2018"),
        text("20. Budgetstrategi 2019-22: Budgetnotat 1"),
        heading2("1. Bemærkninger til dagsordenen"), text("Bemærkninger til dagsordenen"),
        bold("Punkttype"), text("Beslutning."),
        bold(decision), text("Ingen."),
        heading2("2. Meddelelser"), text("Meddelelser"),
        bold("Punkttype"), text("Orientering."),
        bold("Tema"), text("1 Ny kontrakt for Iværksætterhus"),
        text("Iværksætterhuset varetager den lokale erhvervsservice indenfor rammerne af lov om erhvervsfremme. "
          "Kontrakten udløber 31. december 2018, og der er igangsat en proces til fornyelse."),
        bold(decision), text("Orienteringen blev taget til efterretning."),
        heading2("13. Belægningspuljen 2018"), text("Belægningspuljen 2018"),
        bold("Punkttype"), text("Beslutning."),
        bold("Tema"), text("Udvalget skal prioritere belægningsarbejder for 2018 inden for puljen på 6,2 mio. kr."),
        bold("Økonomi/finansiering"),
        table([["Beløb i 1.000 kr.", "2018"], ["Slidlag på kommuneveje", "4.100"], ["Fortove og stier", "1.600"],
               ["Cykelstier", "500"], ["I alt", "6.200"]], bold_rows=(0, 4,)),
        bold("Indstilling"), text("Center for Teknik anbefaler, at prioriteringen godkendes."),
        bold(decision), text("Godkendt."),
        heading2("20. Budgetstrategi 2019-22: Budgetnotat 1"), text("Budgetstrategi 2019-22: Budgetnotat 1"),
        bold("Punkttype"), text("Drøftelse."),
        bold("Tema"), text("Udvalget drøfter budgetnotat 1 om udvalgets område i budgetstrategien for 2019-22."),
        bold(decision), text("Drøftet."),
    ]
    return Layout("alleroed-store-etiketter-beslutning-udvalg-dato", tuple(blocks),
                  source="https://www.alleroed.dk/Files/Files/Dagsordener/committee_189346/agenda_327182/agenda_327182.html",
                  quirk=(
                  'labels in capitals on their own line, "STARTTIDSPUNKT 06-03-2018 07:30:00" (no date read), '
                  '"Punkttype", decision headings "Beslutning Teknik, Erhverv, Plan og Miljøudvalget 2018-2021 den '
                  '06-03-2018" (a committee with its term was no committee: no decisions)'),
                  header="Allerød Kommune",
               footer="Side {PAGE} af {NUMPAGES}")


LAYOUTS = (gribskov, ballerup, alleroed)
