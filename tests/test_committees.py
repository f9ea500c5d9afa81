"""The address book: committees.toml read into settings; every mistake named by its key."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetbook.errors import ConfigError
from budgetbook.sending.committees import (
    AddressBook,
    MessageTemplate,
    SmtpSettings,
    read_address_book,
)

SMTP = '[smtp]\nhost = "smtp.lejre.example"\nsender = "Økonomi <budget@lejre.example>"\n'
MESSAGE = '[message]\nsubject = "Budget {budget_year} ({udvalg})"\nbody = "Kære {navn}"\n'
COMMITTEE = '[[committee]]\nname = "Økonomiudvalget"\nshort = "ØU"\nrecipients = ["oeu@lejre.example"]\n'


def book_from(tmp_path: Path, text: str, env: dict[str, str] | None = None) -> AddressBook:
    path = tmp_path / "committees.toml"
    path.write_text(text, encoding="utf-8")
    return read_address_book(path, env=env)


def test_minimal_book_with_defaults(tmp_path: Path) -> None:
    book = book_from(tmp_path, SMTP + MESSAGE + COMMITTEE, env={})
    assert book.smtp == SmtpSettings(host="smtp.lejre.example", port=587, starttls=True,
                                     sender="Økonomi <budget@lejre.example>")
    assert book.smtp.sender_address == "budget@lejre.example" and not book.smtp.login
    (committee,) = book.committees
    assert (committee.name, committee.short, committee.recipients, committee.cc) == (
        "Økonomiudvalget", "ØU", ("oeu@lejre.example",), ())
    assert committee.template is None
    assert book.committee("ØU") is committee


def test_short_names_compare_in_nfc(tmp_path: Path) -> None:
    decomposed = "USSA\u030a"  # 'Å' typed as A + combining ring, as a Mac may save it
    text = SMTP + MESSAGE + COMMITTEE.replace('"ØU"', f'"{decomposed}"')
    book = book_from(tmp_path, text)
    assert book.committee("USSÅ") is not None


def test_login_comes_from_the_environment_only(tmp_path: Path) -> None:
    env = {"BUDGETBOOK_SMTP_USER": "okonomi", "BUDGETBOOK_SMTP_PASSWORD": "s3cret"}
    book = book_from(tmp_path, SMTP + MESSAGE + COMMITTEE, env=env)
    assert book.smtp.login and book.smtp.user == "okonomi" and book.smtp.password == "s3cret"
    assert "s3cret" not in repr(book.smtp)


@pytest.mark.parametrize(("text", "env", "message"), [
    (SMTP + 'password = "x"\n' + MESSAGE + COMMITTEE, {},
     ("smtp.password: login user and password are never read from the config file; remove the key and set "
     "BUDGETBOOK_SMTP_USER and BUDGETBOOK_SMTP_PASSWORD")),
    (SMTP + 'user = "okonomi"\n' + MESSAGE + COMMITTEE, {}, "smtp.user: login user and password are never read"),
    (SMTP + MESSAGE + COMMITTEE, {"BUDGETBOOK_SMTP_USER": "okonomi"},
     "BUDGETBOOK_SMTP_PASSWORD is not set"),
    (SMTP + "starttls = false\n" + MESSAGE + COMMITTEE,
     {"BUDGETBOOK_SMTP_USER": "u", "BUDGETBOOK_SMTP_PASSWORD": "p"}, "smtp.starttls: login is configured"),
    (SMTP + 'port = "587"\n' + MESSAGE + COMMITTEE, {}, "smtp.port: expected a positive whole number"),
    (SMTP + 'starttls = "yes"\n' + MESSAGE + COMMITTEE, {}, "smtp.starttls: expected true or false"),
    (SMTP + 'hots = "x"\n' + MESSAGE + COMMITTEE, {}, "smtp.hots: unknown key"),
    (SMTP.replace('host = "smtp.lejre.example"\n', "") + MESSAGE + COMMITTEE, {}, "smtp.host: required"),
    (SMTP.replace("budget@lejre.example", "budget at lejre") + MESSAGE + COMMITTEE, {},
     "smtp.sender: 'Økonomi <budget at lejre>' is not an e-mail address"),
    (MESSAGE + COMMITTEE, {}, "[smtp] is missing"),
    (SMTP + MESSAGE.replace("{udvalg}", "{committee}") + COMMITTEE, {},
     "message.subject: unknown placeholder {committee}; use {udvalg}, {navn}, {budget_year}"),
    (SMTP + MESSAGE.replace("{navn}", "{navn:>20}") + COMMITTEE, {}, "message.body: unknown placeholder {navn}"),
    (SMTP + MESSAGE.replace("Kære {navn}", "Kære {navn") + COMMITTEE, {}, "message.body: "),
    (SMTP + MESSAGE, {}, "committee: add at least one [[committee]]"),
    (SMTP + MESSAGE + COMMITTEE.replace('recipients = ["oeu@lejre.example"]', "recipients = []"), {},
     "committee[1].recipients: give at least one e-mail address"),
    (SMTP + MESSAGE + COMMITTEE + 'cc = ["budget@lejre.example", "Kasper, Økonomi <k@lejre.example>"]\n', {},
     "committee[1].cc[2]: 'Kasper, Økonomi <k@lejre.example>' is not an e-mail address"),
    (SMTP + MESSAGE + COMMITTEE.replace("oeu@lejre.example", "søren@lejre.example"), {},
     "committee[1].recipients[1]: 'søren@lejre.example' has non-ASCII letters"),
    (SMTP + MESSAGE + COMMITTEE + COMMITTEE, {}, "committee[2].short: 'ØU' is used by two committees"),
    (SMTP + MESSAGE + COMMITTEE + 'subject = "Kun emne"\n', {}, "committee[1]: give both subject and body"),
    (SMTP + MESSAGE + COMMITTEE + 'modtagere = ["x@y.dk"]\n', {}, "committee[1].modtagere: unknown key"),
    (SMTP + MESSAGE + COMMITTEE + "name = 2\n", {}, "not valid TOML"),
    # header injection and malformed addresses are refused when the file is read, never at sending
    (SMTP + MESSAGE + COMMITTEE.replace('"oeu@lejre.example"', '"oeu@lejre.example\\r\\nBcc: spy@evil.example"'), {},
     "committee[1].recipients[1]: 'oeu@lejre.example\\r\\nBcc: spy@evil.example' holds a line break"),
    (SMTP + MESSAGE + COMMITTEE + 'cc = ["Budget\\n <budget@lejre.example>"]\n', {}, "committee[1].cc[1]: "),
    (SMTP.replace("Økonomi <", "Økonomi\\r\\nBcc: spy@evil.example <") + MESSAGE + COMMITTEE, {},
     "smtp.sender: 'Økonomi\\r\\nBcc: spy@evil.example <budget@lejre.example>' holds a line break"),
    (SMTP + MESSAGE.replace("Budget {budget_year}", "Budget\\r\\nBcc: x@y.dk") + COMMITTEE, {},
     "message.subject: 'Budget\\r\\nBcc: x@y.dk ({udvalg})' holds a line break or control character"),
    (SMTP + MESSAGE.replace("Kære {navn}", "Kære\\u0000 {navn}") + COMMITTEE, {},
     "message.body: 'Kære\\x00 {navn}' holds a control character"),
    (SMTP + MESSAGE + COMMITTEE.replace('name = "Økonomiudvalget"', 'name = "Økonomi\\nudvalget"'), {},
     "committee[1].name: 'Økonomi\\nudvalget' holds a line break"),
    (SMTP + MESSAGE + COMMITTEE.replace('"oeu@lejre.example"', '"a@lejre.example, b@lejre.example"'), {},
     "committee[1].recipients[1]: 'a@lejre.example, b@lejre.example' holds more than one address"),
    (SMTP + MESSAGE + COMMITTEE.replace('"oeu@lejre.example"', '"Økonomi <oeu@lejre.example"'), {},
     "committee[1].recipients[1]: 'Økonomi <oeu@lejre.example' is not an e-mail address"),
    (SMTP + MESSAGE + COMMITTEE.replace('"oeu@lejre.example"', '"oeu@@lejre.example"'), {}, "is not an e-mail"),
    (SMTP + MESSAGE + COMMITTEE.replace('"oeu@lejre.example"', '"oeu@lejre..example"'), {}, "is not an e-mail"),
    (SMTP + MESSAGE + COMMITTEE.replace('"oeu@lejre.example"', '"oeu@lejre.example> x"'), {}, "is not an e-mail"),
    (SMTP + 'deadline = 0\n' + MESSAGE + COMMITTEE, {}, "smtp.deadline: expected a positive whole number"),
])
def test_config_errors_name_the_key(tmp_path: Path, text: str, env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError) as caught:
        book_from(tmp_path, text, env=env)
    assert message in str(caught.value)


def test_missing_file_says_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no such file; copy committees.toml"):
        read_address_book(tmp_path / "nope.toml")


def test_committee_template_overrides_message(tmp_path: Path) -> None:
    text = SMTP + MESSAGE + COMMITTEE + 'subject = "Til {navn}"\nbody = "Hej {{ikke en pladsholder}}"\n'
    (committee,) = book_from(tmp_path, text).committees
    assert committee.template == MessageTemplate("Til {navn}", "Hej {{ikke en pladsholder}}")
    assert committee.template.render({"navn": "ØU"}) == ("Til ØU", "Hej {ikke en pladsholder}")


def test_quoted_names_with_commas_and_bare_addresses_are_accepted(tmp_path: Path) -> None:
    text = SMTP + MESSAGE + COMMITTEE + 'cc = ["\\"Hansen, Kasper\\" <k@lejre.example>", "<b@lejre.example>"]\n'
    (committee,) = book_from(tmp_path, text).committees
    assert committee.envelope == ("oeu@lejre.example", "k@lejre.example", "b@lejre.example")


def test_envelope_is_to_plus_cc_each_once(tmp_path: Path) -> None:
    text = SMTP + MESSAGE + COMMITTEE + 'cc = ["Budget <budget@lejre.example>", "OEU@lejre.example"]\n'
    (committee,) = book_from(tmp_path, text).committees
    assert committee.envelope == ("oeu@lejre.example", "budget@lejre.example")


def test_resolve_accepts_nothing_a_dict_or_an_instance() -> None:
    assert SmtpSettings.resolve({"host": "h", "sender": "a@b.dk"}).host == "h"
    settings = SmtpSettings(host="h", sender="a@b.dk")
    assert SmtpSettings.resolve(settings) is settings
    with pytest.raises(ConfigError, match="smtp.host: required"):
        SmtpSettings.resolve(None)
