"""SMTP transport with smtplib, split in two steps so the caller can log between them.

`envelope()` sends MAIL FROM and one RCPT TO per address and says who was accepted; nothing is
delivered yet. `data()` sends the message and checks the server's final reply: only a 2xx reply
means the server took the mail. Failures are told apart by what they mean for a re-send:

- `ConnectionLost`     before DATA: certainly not delivered; the connection is gone.
- `Rejected`           the server answered with an error code (4xx, 5xx), also after the message
                       itself (554 content filter, 552 too large, 452 mailbox full): not delivered.
- `DeliveryUncertain`  the connection broke during DATA, or the final reply was neither yes nor no:
                       the server may have the mail.

Besides smtplib's timeout for each read, the whole session has a deadline (`[smtp] deadline`):
a server that answers slowly but forever (a greeting of endless "220-" lines) is given up on.
"""

from __future__ import annotations

import base64
import smtplib
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO, Self

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


class SessionExpired(TimeoutError):
    """The session ran past its deadline (an OSError, so smtplib closes the connection on it)."""


MAX_REPLY_LINES = 100  # a reply of more lines is not a mail server talking


class _ReplyReader:
    """The socket's file as smtplib reads replies from it, checking the deadline before every line."""

    def __init__(self, raw: BinaryIO, arm: Callable[[], None]) -> None:
        self.raw = raw
        self.arm = arm
        self.continued = 0

    def readline(self, limit: int = -1) -> bytes:
        self.arm()
        try:
            line = self.raw.readline(limit)
        except TimeoutError:
            self.arm()  # raises SessionExpired when it was the deadline, not the server's pause, that ran out
            raise
        self.continued = self.continued + 1 if line[3:4] == b"-" else 0
        if self.continued > MAX_REPLY_LINES:
            raise OSError(f"the server's reply ran past {MAX_REPLY_LINES} lines")
        return line

    def close(self) -> None:
        self.raw.close()


class DeadlineSMTP(smtplib.SMTP):
    """smtplib.SMTP whose whole session, connection to QUIT, must end within `deadline` seconds.

    smtplib's timeout bounds each read; here every read and write gets at most what is left of the
    deadline as its timeout, so a server that drips a line now and then cannot hold the run forever.
    """

    def __init__(self, host: str, port: int, timeout: float, deadline: float) -> None:
        self.per_read = timeout
        self.seconds = deadline
        self.deadline = time.monotonic() + deadline
        super().__init__(host, port, timeout=timeout)

    def arm(self) -> None:
        remaining = self.deadline - time.monotonic()
        if remaining <= 0:
            raise SessionExpired(f"the session ran past its deadline of {self.seconds:g} s")
        if self.sock is not None:
            self.sock.settimeout(min(self.per_read, remaining))

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.deadline

    def getreply(self) -> tuple[int, bytes]:
        if self.file is None and self.sock is not None:
            self.file = _ReplyReader(self.sock.makefile("rb"), self.arm)  # type: ignore[assignment]
        return super().getreply()

    def send(self, s: bytes | str) -> None:
        try:
            if self.sock is not None:
                self.arm()
            super().send(s)
        except (SessionExpired, smtplib.SMTPServerDisconnected):
            if not self.expired:
                raise
            self.close()
            raise smtplib.SMTPServerDisconnected(f"the session ran past its deadline of {self.seconds:g} s") from None

    def starttls(self, *args: object, **kwargs: object) -> tuple[int, bytes]:
        self.arm()
        return super().starttls(*args, **kwargs)  # type: ignore[arg-type]


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
            connection = DeadlineSMTP(s.host, s.port, s.timeout, s.deadline)
        except (OSError, smtplib.SMTPException) as error:
            if "deadline" in str(error):
                raise SendError(f"The mail server {where} did not finish greeting within the deadline "
                                f"({error}); nothing was sent. Check [smtp] host and port, or ask IT "
                                "whether the server is overloaded") from None
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
        """Send the message after a successful envelope; returns the server's 2xx reply.

        A 4xx/5xx final reply (after the message was transmitted) is `Rejected`: the server did
        not take the mail. A reply that is neither (unreadable, 1xx, 3xx) is `DeliveryUncertain`.
        """
        connection = self._open()
        try:
            code, reply = connection.data(message)
        except smtplib.SMTPDataError as error:  # DATA itself refused: the message was never sent
            raise Rejected(reply_text(error.smtp_code, error.smtp_error)) from None
        except (OSError, smtplib.SMTPServerDisconnected) as error:
            self._lost()
            raise DeliveryUncertain(f"connection lost during DATA ({error or 'closed'})") from None
        text = reply_text(code, reply)
        if 200 <= code < 300:
            return text
        if 400 <= code < 600:
            raise Rejected(text)
        raise DeliveryUncertain(f"the server's final reply to the message says neither yes nor no ({text})")

    def _open(self) -> smtplib.SMTP:
        if self.connection is None:
            raise ConnectionLost("not connected")
        return self.connection

    def _lost(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection = None
