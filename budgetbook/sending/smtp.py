"""SMTP transport with smtplib, split in two steps so the caller can log between them.

`envelope()` sends MAIL FROM and one RCPT TO per address and says who was accepted; nothing is
delivered yet. `data()` sends the message. Failures are told apart by what they mean for a re-send:

- `ConnectionLost`     before DATA: certainly not delivered; the connection is gone.
- `Rejected`           the server answered with an error code: certainly not delivered.
- `DeliveryUncertain`  the connection broke during DATA: the server may have the mail.
"""

from __future__ import annotations

import base64
import smtplib
import ssl
from dataclasses import dataclass
from typing import Self

from budgetbook.errors import SendError
from budgetbook.sending.committees import SmtpSettings


class ConnectionLost(SendError):
    """The server went away before DATA; nothing of the current mail was delivered."""


class Rejected(SendError):
    """The server refused the mail with a reply code; nothing was delivered."""

    def __init__(self, reply: str) -> None:
        self.reply = reply
        super().__init__(reply)


class DeliveryUncertain(SendError):
    """The connection broke during DATA: the server may or may not have accepted the mail."""


@dataclass(frozen=True)
class EnvelopeResult:
    accepted: tuple[str, ...]
    refused: dict[str, str]


def reply_text(code: int, message: bytes | str) -> str:
    text = message.decode("utf-8", "replace") if isinstance(message, bytes) else message
    return f"{code} {' '.join(text.split())}"


def log_in(connection: smtplib.SMTP, user: str, password: str) -> None:
    """AUTH PLAIN in UTF-8 (RFC 4616) when offered, so a password with æ, ø, å works (smtplib's own
    login encodes credentials as ASCII); otherwise smtplib's login for ASCII credentials."""
    if "plain" not in connection.esmtp_features.get("auth", "").lower().split():
        if not (user + password).isascii():
            raise SendError("The login has letters outside ASCII (æ, ø, å ...) and the mail server does not "
                            "offer AUTH PLAIN, the one method that carries them; ask IT which login to use")
        connection.login(user, password)
        return
    token = base64.b64encode(b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")).decode("ascii")
    code, reply = connection.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, reply)


class SmtpTransport:
    """One SMTP session: connect (STARTTLS, login) on enter, QUIT on exit."""

    def __init__(self, settings: SmtpSettings) -> None:
        self.settings = settings
        self.connection: smtplib.SMTP | None = None

    def __enter__(self) -> Self:
        s = self.settings
        where = f"{s.host}:{s.port}"
        try:
            connection = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
        except (OSError, smtplib.SMTPException) as error:
            raise SendError(f"Cannot connect to the mail server {where} ({error}); "
                            "check [smtp] host and port in committees.toml") from None
        try:
            connection.ehlo()
            if s.starttls:
                if not connection.has_extn("starttls"):
                    raise SendError(f"The mail server {where} does not offer STARTTLS, but committees.toml "
                                    "says starttls = true; nothing was sent. Check host and port (587 is "
                                    "the usual submission port), or ask IT")
                context = ssl.create_default_context(cafile=s.cafile)
                connection.starttls(context=context)
                connection.ehlo()
            if s.login:
                log_in(connection, s.user or "", s.password or "")
        except smtplib.SMTPAuthenticationError as error:
            connection.close()
            raise SendError(f"The mail server {where} refused the login "
                            f"({reply_text(error.smtp_code, error.smtp_error)}); check BUDGETBOOK_SMTP_USER "
                            "and BUDGETBOOK_SMTP_PASSWORD") from None
        except ssl.SSLError as error:
            connection.close()
            raise SendError(f"STARTTLS with {where} failed ({error}); if the server uses an internal "
                            "certificate authority, set [smtp] cafile to its certificate file") from None
        except (OSError, smtplib.SMTPException) as error:
            connection.close()
            if isinstance(error, SendError):
                raise
            raise SendError(f"The mail server {where} failed while setting up the session ({error})") from None
        self.connection = connection
        return self

    def __exit__(self, *exc: object) -> None:
        if self.connection is None:
            return
        try:
            self.connection.quit()
        except (OSError, smtplib.SMTPException):
            self.connection.close()
        self.connection = None

    def envelope(self, sender: str, recipients: tuple[str, ...]) -> EnvelopeResult:
        """MAIL FROM and RCPT TO; a refused recipient is reported, not raised."""
        connection = self._open()
        try:
            code, message = connection.mail(sender)
            if code != 250:
                connection.rset()
                raise Rejected(f"MAIL FROM refused: {reply_text(code, message)}")
            accepted: list[str] = []
            refused: dict[str, str] = {}
            for address in recipients:
                code, message = connection.rcpt(address)
                if code in (250, 251):
                    accepted.append(address)
                else:
                    refused[address] = reply_text(code, message)
            if not accepted:
                connection.rset()
        except (OSError, smtplib.SMTPServerDisconnected) as error:
            self._lost()
            raise ConnectionLost(f"connection lost before the message was sent ({error or 'closed'})") from None
        return EnvelopeResult(tuple(accepted), refused)

    def data(self, message: bytes) -> str:
        """Send the message after a successful envelope; returns the server's reply."""
        connection = self._open()
        try:
            code, reply = connection.data(message)
        except smtplib.SMTPDataError as error:
            raise Rejected(reply_text(error.smtp_code, error.smtp_error)) from None
        except (OSError, smtplib.SMTPServerDisconnected) as error:
            self._lost()
            raise DeliveryUncertain(f"connection lost during DATA ({error or 'closed'})") from None
        return reply_text(code, reply)

    def _open(self) -> smtplib.SMTP:
        if self.connection is None:
            raise ConnectionLost("not connected")
        return self.connection

    def _lost(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None
