"""Budget remarks as other municipalities lay them out (see samples/budget_remarks/README.md).

- `helsingoer-budgetomraade-netto-i-saetning.pdf`: areas "Budgetområde 826 Administration" whose
  net budget stands in a sentence ("Det samlede budget på området udgør netto 474,6 mio. kr. i
  2016."), sections by heading, a running header and "Side N af M" (reportlab).
- `halsnaes-politikomraade-tabel.docx`: "Kapitel 14: Politikområde Sundhed", the area's budget in
  a small table whose "Nettodriftsudgifter i alt" row holds it for each year (1.000 kr.).
- `frederikssund-nettobudget-linje.libreoffice.pdf`: "Budgetbemærkninger 2021 - Økonomiudvalget",
  each area with a "Nettobudget: 12.345.678 kr." line, the Word header and footer printed by
  LibreOffice on every page.
- `skive-budget-netto-tkr.pdf`: "Budget 2025 (netto): 312.450 t.kr." under each area, the
  committee in the running header only.
- `herning-serviceomraade-kolonner.docx`: "MÅL, OVERSIGTER OG BEMÆRKNINGER", each serviceområde
  with a table in columns R-2023, B-2024, BF-2025, BO-2026 ..., the area's budget in the
  budget year's column of its "i alt" row.
- `ishoej-politikomraadets-nettobudget-mio-kr.libreoffice.pdf`: "Bemærkninger til budget 2015", labels
  with a colon ("Indledning:", "Budgetforudsætninger:"), each politikområde's net in a sentence
  "Politikområdets nettobudget udgør 148,6 mio.kr i 2015." ("mio.kr" without a space, as Ishøj writes
  it), the Word header printed by LibreOffice. Found refused by the first hold-out trial; source
  https://abcdocz.com/doc/3989629/overordnede-budgetforuds%C3%A6tninger (the anlæg sentence as published).
- `ishoej-udvalg-paa-linjen-under-titlen.docx`: the same layout as Word: the committee "Økonomi- og Planudvalget"
  on a line of its own below the title (left unread through the second hold-out trial).
- `frederiksberg-tekniske-bemaerkninger-tal-brudt-i-celle.libreoffice.pdf`: "Budget 2022 Tekniske
  bemærkninger", a chapter per udvalg with Opgaver / Lovgrundlag / Budgetforudsætninger / Normtal, takster og
  tilskud, the udvalg's budget in a table across Regnskab 2020 ... BO 2025 (1.000 kr.) whose narrow columns
  wrap "771.240" as "771.24" + "0" in the PDF, its "Nettodriftsudgifter i alt" row the net. Read wrongly by
  the first hold-out trial (areas named "Lovgrundlag", no net budgets); source
  https://pdfslide.tips/documents/tekniske-bemrkninger.html (the structure; figures written for the sample).
- `odense-udvalgets-budgettal-og-bemaerkninger.docx`: "By- og Kulturudvalgets budgettal og bemærkninger til
  Budget 2020" (the committee in the genitive, before the words: it was not read), a table per område in
  1.000 kr. (Regnskab 2018, Budget 2019, Budget 2020) ending "Nettodriftsudgifter i alt", then
  "Bemærkninger". Found by the second hold-out trial; the title as docplayer lists it
  (https://docplayer.dk/amp/108716314), the rest written for the sample.
- `esbjerg-bevillingsgruppe-total-kr.docx`: "Esbjerg Kommune. Budgetforslag 2014. Budgetoverslag 2015-17", "Hele kr.
  ekskl. moms", the committee as a heading, each bevillingsgruppe a heading over a table "Udvalg/Bevillingsgruppe/Funktion
  | TOTAL KR" (one amount column, no year) whose "<bevillingsgruppe> i alt" row is its net, then "Bemærkninger". Refused
  by both hold-out trials; source https://docplayer.dk/amp/3475110-Esbjerg-kommune-budgetforslag-2014-budgetoverslag-2015-17.html
  (headings; figures written for the trial).

The texts and figures are written for the samples after the published layouts.
"""

from __future__ import annotations

from pathlib import Path

from samples.document_layout import (
    Document,
    Heading,
    PageBreak,
    Para,
    grid,
    write_samples,
)

TEXT = {
    "opgaver": "Området løser opgaver for borgere, virksomheder og politikere og understøtter resten af "
               "organisationen med økonomi, løn, it og jura.",
    "udfordringer": "Flere opgaver skal løses digitalt, og rekrutteringen af specialister er svær.",
    "mål": "Sagsbehandlingstiderne skal holdes inden for de vedtagne servicemål.",
    "forudsaetninger": "Budgettet er fremskrevet med KL's pris- og lønskøn og korrigeret for politiske "
                       "beslutninger i budgetaftalen.",
}


def main(out_dir: Path) -> None:
    write_samples(out_dir, {
        "helsingoer-budgetomraade-netto-i-saetning.pdf": helsingoer(),
        "halsnaes-politikomraade-tabel.docx": halsnaes(),
        "frederikssund-nettobudget-linje.libreoffice.pdf": frederikssund(),
        "skive-budget-netto-tkr.pdf": skive(),
        "herning-serviceomraade-kolonner.docx": herning(),
        "ishoej-politikomraadets-nettobudget-mio-kr.libreoffice.pdf": ishoej(),
        "ishoej-udvalg-paa-linjen-under-titlen.docx": ishoej(),
        "odense-udvalgets-budgettal-og-bemaerkninger.docx": odense(),
        "frederiksberg-tekniske-bemaerkninger-tal-brudt-i-celle.libreoffice.pdf": frederiksberg(),
        "esbjerg-bevillingsgruppe-total-kr.docx": esbjerg(),
    })


def helsingoer() -> Document:
    areas = [("826 Administration", "474,6", 69), ("722 Beskæftigelse", "212,3", 41),
             ("618 Psykiatri og Handicap", "318,9", 74), ("825 Ejendomme og Bygningsforbedring", "96,2", 22)]
    document = Document("Budgetområdebeskrivelser 2016", "Helsingør Kommune",
                        header="Helsingør Kommune · Budget 2016 · Budgetområdebeskrivelser")
    document.add(Heading("Budgetområdebeskrivelser, Budget 2016", 1))
    for name, net, salaries in areas:
        document.add(Heading(f"Budgetområde {name}", 1),
                     Para(f"Det samlede budget på området udgør netto {net} mio. kr. i 2016. "
                          f"Af disse er ca. {salaries} % lønudgifter."),
                     Heading("Budgetområdets opgaver", 2), Para(TEXT["opgaver"]), Para(TEXT["opgaver"]),
                     Heading("Udfordringer og indsatser", 2), Para(TEXT["udfordringer"]),
                     Para("- " + TEXT["mål"], bullet=1),
                     Heading("Økonomi", 2), Para(TEXT["forudsaetninger"]))
    return document


def halsnaes() -> Document:
    areas = [("14", "Sundhed", [("Forebyggelse", "12.340"), ("Genoptræning", "18.905"),
                                ("Kommunal medfinansiering", "142.118")], "173.363"),
             ("15", "Ældre", [("Hjemmepleje", "98.450"), ("Plejecentre", "151.200"), ("Hjælpemidler", "21.310")],
              "270.960")]
    document = Document("Budget 2025 – politikområder", "Halsnæs Kommune", header="Halsnæs Kommune · Budget 2025")
    for number, name, rows, total in areas:
        document.add(Heading(f"Kapitel {number}: Politikområde {name}", 1),
                     Para(f"Politikområdet {name} omfatter følgende aktivitetsområder:"),
                     *(Para(label, bullet=1) for label, _ in rows),
                     Heading("Økonomi", 2),
                     grid([("1.000 kr.", "Budget 2025", "Overslag 2026", "Overslag 2027", "Overslag 2028"),
                           *((label, value, value, value, value) for label, value in rows),
                           ("Nettodriftsudgifter i alt", total, total, total, total)], (5.5, 2.8, 2.8, 2.8, 2.8),
                          header=1),
                     Heading("Aktiviteter", 2), Para(TEXT["opgaver"]),
                     Heading("Mål for 2025", 2), Para(TEXT["mål"]), PageBreak())
    return document


def frederikssund() -> Document:
    areas = [("Politisk organisation", "12.345.678"), ("Administrativ organisation", "198.765.400"),
             ("Erhverv og turisme", "4.512.300")]
    document = Document("Budgetbemærkninger 2021", "Frederikssund Kommune",
                        header="Frederikssund Kommune – Budgetbemærkninger 2021")
    document.add(Heading("Budgetbemærkninger 2021 - Økonomiudvalget", 0))
    for name, net in areas:
        document.add(Heading(name, 1), Para(f"Nettobudget: {net} kr.", bold=True),
                     Heading("Bevillingens indhold", 2), Para(TEXT["opgaver"]), Para(TEXT["opgaver"]),
                     Heading("Budgetforudsætninger", 2), Para(TEXT["forudsaetninger"]),
                     Heading("Ændringer i forhold til sidste år", 2), Para(TEXT["udfordringer"]),
                     Para(TEXT["udfordringer"]))
    return document


def skive() -> Document:
    areas = [("Sundhedsfremme og forebyggelse", "14.820"), ("Genoptræning og vedligeholdende træning", "31.075"),
             ("Aktivitetsbestemt medfinansiering", "266.555")]
    document = Document("Budget 2025 – Sundhedsudvalget", "Skive Kommune",
                        header="SKIVE KOMMUNE · Budget 2025 · Sundhedsudvalget")
    for name, net in areas:
        document.add(Heading(name, 1), Para(f"Budget 2025 (netto): {net} t.kr."),
                     Heading("Beskrivelse af området", 2), Para(TEXT["opgaver"]),
                     Heading("Mål", 2), Para(TEXT["mål"]))
    return document


def herning() -> Document:
    areas = [("10", "Dagtilbud", ("301,5", "309,2", "312,8", "314,0", "314,0", "314,0")),
             ("12", "Skoler", ("702,4", "715,1", "721,9", "724,3", "724,3", "724,3"))]
    document = Document("Budget 2025 – Børne- og Familieudvalget", "Herning Kommune",
                        header="Herning Kommune · Budget 2025")
    document.add(Heading("MÅL, OVERSIGTER OG BEMÆRKNINGER", 0),
                 Para("Budget 2025 · Børne- og Familieudvalget"))
    for number, name, values in areas:
        document.add(Heading(f"Serviceområde {number} {name}", 1),
                     grid([("Mio. kr.", "R-2023", "B-2024", "BF-2025", "BO-2026", "BO-2027", "BO-2028"),
                           (f"Serviceområde {number} i alt", *values)], (4.7, 2, 2, 2, 2, 2, 2), header=1),
                     Heading("Beskrivelse af serviceområdet", 2), Para(TEXT["opgaver"]),
                     Heading("Udfordringer", 2), Para(TEXT["udfordringer"]))
    return document


def ishoej() -> Document:
    document = Document("Bemærkninger til budget 2015", "Ishøj Kommune", header="Ishøj Kommune · Budget 2015",
                        footer="Side {page}")
    document.add(Heading("Bemærkninger til budget 2015", 1), Para("Økonomi- og Planudvalget"))
    for name, net, text in (("Politikområde 1: Administration", "148,6", "Politikområdet omfatter rådhusets "
                             "administration."), ("Politikområde 2: Erhverv og beskæftigelse", "62,3",
                                                  "Jobcenter og erhvervsservice.")):
        document.add(Heading(name, 2), Para("Indledning:"), Para(text), Para("Budgetforudsætninger:"),
                     Para(f"Politikområdets nettobudget udgør {net} mio.kr i 2015."),
                     Para("Budgettet er fremskrevet med KL's anbefalede pris- og lønskøn."))
    document.add(Para("Anlæg:"), Para("Rådighedsbeløb til anlægsprojekter indgår i budget 2015 med netto 26,1 "
                                      "mio.kr, faldende til 21,9 mio. kr. i 2016."))
    return document


def odense() -> Document:
    title = "By- og Kulturudvalgets budgettal og bemærkninger til Budget 2020"
    document = Document(title, "Odense Kommune", header="Odense Kommune · Budgetforslag 2020", footer="Side {page}")
    document.add(Heading(title, 1), Para("By- og Kulturudvalget har ansvaret for byudvikling, kultur, fritid, veje, "
                                         "parker og kollektiv trafik."))
    for name, rows, remark in (
            ("Kultur", (("Biblioteker", "148.210", "150.034", "146.820"),
                        ("Museer og kulturinstitutioner", "121.500", "123.410", "119.980"),
                        ("Tilskud til kulturlivet", "64.120", "65.000", "60.200"),
                        ("Nettodriftsudgifter i alt", "333.830", "338.444", "327.000")),
             "Budget 2020 er reduceret som følge af omprioriteringen til velfærd."),
            ("Park og Vej", (("Vejvedligeholdelse", "98.400", "101.220", "99.870"),
                             ("Parker og grønne områder", "71.230", "72.900", "70.150"),
                             ("Vintertjeneste", "24.110", "24.600", "24.600"),
                             ("Nettodriftsudgifter i alt", "193.740", "198.720", "194.620")),
             "Færre midler til græsslåning og vedligehold af grønne områder.")):
        document.add(Heading(name, 2), grid([("1.000 kr.", "Regnskab 2018", "Budget 2019", "Budget 2020"), *rows],
                                            (6, 3, 3, 3), header=1),
                     Heading("Bemærkninger", 3), Para(remark))
    return document


def frederiksberg() -> Document:
    document = Document("Budget 2022 Tekniske bemærkninger", "Frederiksberg Kommune",
                        header="Frederiksberg Kommune · Budget 2022", footer="Side {page}")
    document.add(Para("FORSLAG"), Heading("Budget 2022 Tekniske bemærkninger", 1),
                 Para("Udvalgsafsnittene har fokus på opgaver, lovgrundlag, budgetforudsætninger og normtal."))
    for name, rows, tasks, law in (
            ("Undervisningsudvalget", (("Serviceudgifter", "812.440", "826.100", "839.720", "842.300", "845.010"),
                                       ("Indtægter", "-41.200", "-40.800", "-41.950", "-41.950", "-41.950"),
                                       ("Nettodriftsudgifter i alt", "771.240", "785.300", "797.770", "800.350",
                                        "803.060")),
             "Udvalget varetager folkeskoler, fritidshjem og ungdomsskolen.", "Folkeskoleloven."),
            ("Kultur- og fritidsudvalget", (("Serviceudgifter", "201.930", "204.660", "206.010", "206.010", "206.010"),
                                            ("Indtægter", "-18.420", "-19.100", "-19.350", "-19.350", "-19.350"),
                                            ("Nettodriftsudgifter i alt", "183.510", "185.560", "186.660", "186.660",
                                             "186.660")),
             "Biblioteker, idrætsanlæg, kulturhuse og tilskud til foreninger.", "Folkeoplysningsloven.")):
        document.add(PageBreak(), Heading(name, 1), Heading("Opgaver", 2), Para(tasks), Heading("Lovgrundlag", 2),
                     Para(law), Heading("Budgetforudsætninger", 2), Para("Budgettet er fremskrevet med KL's pris- og "
                                                                         "lønskøn."),
                     grid([(f"{name} (1.000 kr.)", "Regnskab 2020", "Budget 2021", "Budget 2022", "BO 2023",
                            "BO 2024"), *rows], (10.5, 1.3, 1.3, 1.3, 1.3, 1.3), header=1),
                     Heading("Normtal, takster og tilskud", 2), Para("Uændret aktivitet."))
    return document


ESBJERG = (("Vej og park", (("02.28.22 Vejvedligeholdelse m.v.", "41.230.000"), ("02.28.23 Vintertjeneste", "9.870.000"),
                            ("00.28.20 Grønne områder", "12.905.400")), "64.005.400",
            "Budgettet omfatter drift og vedligeholdelse af kommunens veje, stier og grønne områder."),
           ("Redningsberedskab", (("00.32.31 Redningsberedskab", "22.418.900"),), "22.418.900",
            "Redningsberedskabet varetages af Sydvestjysk Brandvæsen."))


def esbjerg() -> Document:
    title = "Esbjerg Kommune. Budgetforslag 2014. Budgetoverslag 2015-17"
    document = Document(title, "Esbjerg Kommune", header="Esbjerg Kommune · Budgetforslag 2014", footer="Side {page}")
    document.add(Heading(title, 1), Para("Hele kr. ekskl. moms"), Heading("Miljø- og teknikudvalget", 1))
    for name, functions, total, remark in ESBJERG:
        rows = [("Udvalg/Bevillingsgruppe/Funktion", "TOTAL KR"), ("Miljø- og teknikudvalget", ""), (name, ""),
                *functions, (f"{name} i alt", total)]
        document.add(Heading(name, 2), grid(rows, (12, 4), header=1), Para("Bemærkninger"), Para(remark))
    return document
