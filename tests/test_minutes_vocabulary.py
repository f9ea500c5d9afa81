"""The words of committee minutes (importers/vocabulary/minutes.toml) and the shapes beside them
(importers/minutes/words.py): one line per form a municipality was seen to print."""

from __future__ import annotations

import pytest

from importers.minutes.words import case_number, is_committee, names_in
from importers.vocabulary import default


# group, text, role, and the values read from it
@pytest.mark.parametrize(("group", "text", "role", "values"), [
    ("minutes.item_headings", "Punkt 12: Budgetopfølgning", "item", {"number": 12}),
    ("minutes.item_headings", "Punkt 2 Budgetopfølgning 3. kvartal 2020", "item", {"number": 2}),
    ("minutes.item_headings", "Nr.60 - Godkendelse af dagsordenen", "item", {"number": 60}),
    ("minutes.item_headings", "Dagsordenspunkt 1: Godkendelse af dagsorden", "item", {"number": 1}),
    ("minutes.item_headings", "Sag nr. 74 Orientering om likviditet 2010", "item", {"number": 74}),
    ("minutes.numbered_headings", "12. Godkendelse af dagsorden", "item", {"number": 12}),
    ("minutes.numbered_headings", "1  Fraværende og bemærkninger til dagsordenen", "item", {"number": 1}),
    ("minutes.title", "REFERAT Udvalget for Børn og Ungdom - 2022-2025 d. 13-08-2024", "minutes",
     {"date": "2024-08-13"}),
    ("minutes.title", "Referat til mødet i Økonomiudvalget den 5. marts 2024 kl. 16:00 i Byrådssalen", "minutes",
     {"committee": "Økonomiudvalget", "date": "2024-03-05", "time": "16:00", "place": "Byrådssalen"}),
    ("minutes.title", "Økonomiudvalget – Referat – 1. oktober 2018", "minutes",
     {"committee": "Økonomiudvalget", "date": "2018-10-01"}),
    ("minutes.title", "Referat - Børne- og Undervisningsudvalget den 9. november 2015", "minutes",
     {"committee": "Børne- og Undervisningsudvalget", "date": "2015-11-09"}),
    ("minutes.title", "Byrådet - Referat", "minutes", {"committee": "Byrådet"}),
    ("minutes.title", "Beslutningsprotokol", "minutes", {}),
    ("minutes.title", "Åben beslutningsprotokol", "minutes", {}),
    ("minutes.header_fields", "Mødelokale", "room", {}),
    ("minutes.header_fields", "Møde lokation", "place", {}),
    ("minutes.item_marks", "Punkt Titel", "mark", {}),
    ("minutes.history_lines", "Økonomiudvalget den 12-06-2018.", "treatment",
     {"committee": "Økonomiudvalget", "date": "2018-06-12"}),
    ("minutes.sections", "Fraværende i Thisted Kommunalbestyrelsen, 31. maj 2022:", "absent",
     {"committee": "Thisted Kommunalbestyrelsen", "date": "2022-05-31"}),
    ("minutes.date_lines", "tirsdag den 6. juni 2017 kl. 09:00", "date", {"date": "2017-06-06", "time": "09:00"}),
    ("minutes.date_lines", "06-11-2018 kl. 13:00", "date", {"date": "2018-11-06", "time": "13:00"}),
    ("minutes.date_lines", "Mandag, 3 oktober, 2022 - 16:30", "date", {"date": "2022-10-03", "time": "16:30"}),
    # Stevns (third hold-out trial): "d." for "den"; the minutes' date was taken from the earliest decision
    ("minutes.date_lines", "Tirsdag d. 16 februar 2021, kl. 15:00", "date", {"date": "2021-02-16", "time": "15:00"}),
    ("minutes.decisions", "Beslutning i Børne- og Skoleudvalget den 12-03-2024", "decision",
     {"committee": "Børne- og Skoleudvalget", "date": "2024-03-12"}),
    ("minutes.decisions", "Beslutning fra Økonomiudvalget, den 4. juni 2024, punkt 88:", "decision",
     {"committee": "Økonomiudvalget", "date": "2024-06-04", "item": 88}),
    ("minutes.decisions", "Beslutning Byrådet 26-03-2024", "decision", {"committee": "Byrådet", "date": "2024-03-26"}),
    ("minutes.decisions", "Beslutning Børne- og Uddannelsesudvalg den 06-06-2017", "decision",
     {"committee": "Børne- og Uddannelsesudvalg", "date": "2017-06-06"}),
    ("minutes.decisions", "Økonomiudvalgets beslutning den 4. juni 2024", "genitive",
     {"committee": "Økonomiudvalgets", "date": "2024-06-04"}),
    ("minutes.decisions", "Økonomiudvalgets beslutning i mødet den 31. marts 2020", "genitive",
     {"date": "2020-03-31"}),
    ("minutes.decisions", "Børne- og Skoleudvalget den 6. november 2018:", "decision",
     {"committee": "Børne- og Skoleudvalget", "date": "2018-11-06"}),
    ("minutes.decisions", "Økonomiudvalget, 10.12.2018", "decision", {"committee": "Økonomiudvalget",
                                                                     "date": "2018-12-10"}),
    ("minutes.route", "Økonomiudvalget (anbefaler), 10.12.2018", "step", {"date": "2018-12-10"}),
    ("minutes.history_lines", "12/08/2024 Udvalget for Social, Sundhed og Ældre", "treatment",
     {"date": "2024-08-12", "committee": "Udvalget for Social, Sundhed og Ældre"}),
    ("minutes.absences", "Fraværende: Linda Kofoed Persson", "absent", {"names": "Linda Kofoed Persson"}),
    # Faxe (third hold-out trial): the substitute attended, the member he stood in for was absent
    ("minutes.absences", "Fraværende: Inger Andersen (A) deltog i mødet i stedet for Knud Erik Hansen (A).", "absent",
     {"names": "Knud Erik Hansen (A", "substitute": "Inger Andersen (A"}),  # names_in closes the party
    ("minutes.absences", "Afbud: Dorte Ballhorn Soll", "absent", {"names": "Dorte Ballhorn Soll"}),
    ("minutes.absences", "Lars Hoppe Søe var fraværende.", "absent", {"names": "Lars Hoppe Søe"}),
    ("minutes.absences", "Fraværende med afbud: Ingen.", "absent", {"names": "Ingen"}),
    ("minutes.absences", "Mikkel Houmann havde meldt afbud", "absent", {"names": "Mikkel Houmann"}),
    ("minutes.decisions", "Økonomiudvalget, 14. maj 2019, pkt. 88:", "decision",
     {"committee": "Økonomiudvalget", "date": "2019-05-14", "item": 88}),
    ("minutes.decisions", "Beslutning Teknik, Erhverv, Plan og Miljøudvalget 2018-2021 den 06-03-2018", "decision",
     {"date": "2018-03-06"}),
    ("minutes.history_lines", "Kommunalbestyrelsen den 29. april 2019 Punkt 4", "treatment",
     {"committee": "Kommunalbestyrelsen", "date": "2019-04-29"}),
    ("minutes.sections", "Administrationen indstiller til Økonomiudvalget at anbefale Byrådet", "recommendation", {}),
    ("minutes.sections", "Sammendrag", "summary", {}),
    ("minutes.header_fields", "AFBUD/FRAVÆRENDE", "absent", {}),
    ("minutes.contents", "Åben dagsorden", "contents", {}),
    ("minutes.item_marks", "Punkttype", "mark", {}),
    ("minutes.attendance", "Deltog", "present", {}),
    ("minutes.attendance", "Afbud", "absent", {}),
    ("minutes.attendance", "Deltog ikke under punkterne 20-21", "partly", {}),
])
def test_phrase(group: str, text: str, role: str, values: dict) -> None:
    hit = default().match(group, text)
    assert hit is not None and hit.role == role, (group, text)
    assert {k: hit.values[k] for k in values} == values


@pytest.mark.parametrize(("text", "role"), [
    ("Resumé", "summary"), ("Resume", "summary"), ("INDSTILLING", "recommendation"),
    ("Indstilling og beslutning", "recommendation"), ("Beslutningstema", "decision_theme"),
    ("Sagsfremstilling", "case_description"), ("Sagsbeskrivelse", "case_description"),
    ("Sagsfremstilling og økonomi", "case_description"), ("Sagsforløb", "history"), ("Sagens forløb", "history"),
    ("Politisk behandling", "history"), ("Anledning", "cause"), ("Baggrund", "cause"),
    ("Forventet sagsgang", "process"), ("Personale", "personnel"), ("Økonomi", "economy"),
    ("Økonomiske konsekvenser", "economy"), ("Bilag", "attachments"), ("Høring", "hearing"),
    ("Lovgrundlag", "legal_basis"), ("Retsgrundlag", "legal_basis"), ("Kommunikation", "communication"),
    ("Tidsplan", "schedule"), ("Administrationens vurdering", "assessment"), ("Vurdering", "assessment"),
    ("Konsekvenser", "consequences"), ("Kompetence", "decision_authority"), ("Hvem beslutter", "decision_authority"),
    ("Sagen afgøres af", "decision_authority"), ("Beslutningskompetence", "decision_authority"),
    ("Beslutning", "decision"), ("Fraværende", "absent"), ("Bemærkninger til dagsordenen", "remarks"),
    ("Sagstema", "decision_theme"), ("Redegørelse", "case_description"), ("Andre konsekvenser", "consequences"),
    ("Høring og sagsgang", "process"), ("Retsregler og andre forskrifter", "legal_basis"),
    ("Administrativ indstilling", "recommendation"), ("Sagens formål", "cause"), ("Underskrifter", "signatures"),
])
def test_section_heading(text: str, role: str) -> None:
    assert default().role("minutes.sections", text) == role


@pytest.mark.parametrize(("text", "number"), [
    ("00.01.00-A00-12-24", "00.01.00-A00-12-24"),
    ("27.36.00-Ø00-3-23", "27.36.00-Ø00-3-23"),
    ("00.01.00P35-0104", "00.01.00P35-0104"),
    ("00.01.00-A00-13-25 -", "00.01.00-A00-13-25"),
    ("24-004869", "24-004869"),
    ("2024-012345", "2024-012345"),
    ("EMN-2024-01234", "EMN-2024-01234"),
    ("Sagsnr.: 330-2018-3619\tDok.nr.: 330-2018-500301\tÅbent", "330-2018-3619"),
    ("Sagsid.: 17/69, Sagsinitialer: bhh", "17/69"),
    ("Sagsnr. 15/18536", "15/18536"),
    ("J.nr.: 00.15.00-A00-33-18", "00.15.00-A00-33-18"),
    ("Mødet startede kl. 15.30 og sluttede kl. 16.45.", None),
    ("Der er indkommet 32 høringssvar i perioden 2024-2025", None),
    ("2024", None),
])
def test_case_number(text: str, number: str | None) -> None:
    assert case_number(text, default()) == number


@pytest.mark.parametrize(("name", "committee"), [
    ("Udvalget for Børn og Ungdom - 2022-2025", True), ("Børne- og Skoleudvalget", True), ("Byrådet", True),
    ("Kommunalbestyrelsen", True), ("Lokaludvalget", True), ("Børne- og Uddannelsesudvalg", True),
    ("Ad 1, 2, 3 og 4: Anbefales", False), ("Budgetopfølgning pr.", False), ("Lars Hoppe Søe", False),
    ("Udvalget vedr. Natur og Miljø", True),
    ("Byrådet Byrådet Vis medlemmer Rss-feed til udvalget Udskriv", False),  # a web page's menu line
    ("Teknik, Erhverv, Plan og Miljøudvalget 2018-2021", True), ("Byrådet (18-21)", True),  # the term after the name
    ("Budget 2019-2022", False),
])
def test_committee_names(name: str, committee: bool) -> None:
    assert is_committee(name, default()) is committee


def test_names_split_on_commas_and_og() -> None:
    assert names_in("Martin Bech, Bettina Bøcker Kjeldsen og Niels Vestergaard Salling.") == (
        "Martin Bech", "Bettina Bøcker Kjeldsen", "Niels Vestergaard Salling")


def test_a_party_stays_with_its_name_where_the_capture_stopped_before_it() -> None:
    assert names_in("Malene K. Nielsen (V") == ("Malene K. Nielsen (V)",)
    assert names_in("Brian Nielsen (D) og Claus Nybo (A)") == ("Brian Nielsen (D)", "Claus Nybo (A)")


def test_a_member_absent_from_some_items_is_absent_on_those_items() -> None:
    from importers.minutes.entries import Entry
    from importers.minutes.header import partial_absences

    entries = [Entry((text,), None, False) for text in (  # type: ignore[arg-type]
        "Birgitte Dahl (O) - Deltog", "Deltog ikke under punkterne 20-21", "Maria Lundahl Assov (A) - Deltog",
        "Peter Als (A)", "Deltog ikke under punkt 7")]
    assert partial_absences(entries, default()) == [("Birgitte Dahl (O)", (20, 21)), ("Peter Als (A)", (7,))]
