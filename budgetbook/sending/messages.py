"""Compose the mail for one pack: Danish subject and body from the templates, the workbook attached.

The bytes made here are exactly what goes to the SMTP server or into the dry-run outbox:
CRLF line ends, headers in RFC 2047 (UTF-8), body quoted-printable UTF-8 (no 8BITMIME needed),
attachment base64 with the Danish file name encoded per RFC 2231.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid

from budgetbook.sending.committees import AddressBook, Committee
from budgetbook.sending.packs import Pack

XLSX_TYPE = ("application", "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
FORCED_PREFIX = "[VALIDERINGSFEJL] "
FORCED_SENTENCE = ("OBS: Denne pakke sendes, selvom valideringen fandt {errors}. "
                   "Tallene skal kontrolleres, før de bruges.")


@dataclass(frozen=True)
class OutgoingMail:
    """A composed mail: who it goes to (envelope) and the exact bytes."""

    udvalg: str
    message_id: str
    envelope: tuple[str, ...]
    data: bytes


def count_da(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def status_text(errors: int, warnings: int) -> str:
    """The validation status in words, e.g. 'ingen fejl, 2 advarsler'."""
    if errors == 0 and warnings == 0:
        return "ingen fejl eller advarsler"
    found = count_da(errors, "fejl", "fejl") if errors else "ingen fejl"
    return f"{found}, {count_da(warnings, 'advarsel', 'advarsler')}"


def template_values(pack: Pack, committee: Committee, budget_year: str, when: datetime) -> dict[str, str]:
    return {"udvalg": committee.short, "navn": committee.name, "budget_year": budget_year,
            "date": when.strftime("%d.%m.%Y"), "status": status_text(pack.errors, pack.warnings),
            "file": pack.file}


def pack_to_mail(pack: Pack, attachment: bytes, committee: Committee, book: AddressBook, budget_year: str,
                 when: datetime, forced: bool = False) -> OutgoingMail:
    """The mail for one pack; `forced` marks a pack sent despite validation errors, in subject and body."""
    template = committee.template or book.template
    subject, body = template.render(template_values(pack, committee, budget_year, when))
    if forced:
        subject = FORCED_PREFIX + subject
        body = FORCED_SENTENCE.format(errors=count_da(pack.errors, "fejl", "fejl")) + "\n\n" + body
    sender = book.smtp.sender
    message = EmailMessage(policy=policy.SMTP)
    message["From"] = sender
    message["To"] = ", ".join(committee.recipients)
    if committee.cc:
        message["Cc"] = ", ".join(committee.cc)
    message["Subject"] = " ".join(subject.split())
    message["Date"] = format_datetime(when)
    message_id = make_msgid(idstring="budgetbook", domain=book.smtp.sender_address.rpartition("@")[2])
    message["Message-ID"] = message_id
    message.set_content(body if body.endswith("\n") else body + "\n", charset="utf-8",
                        cte="quoted-printable")
    message.add_attachment(attachment, maintype=XLSX_TYPE[0], subtype=XLSX_TYPE[1], filename=pack.file)
    return OutgoingMail(committee.short, message_id, committee.envelope, message.as_bytes())
