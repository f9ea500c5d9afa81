"""A real SMTP server for tests: aiosmtpd on 127.0.0.1, a free port, a handler that records deliveries.

The handler can refuse recipients (550), drop the connection after N messages (after replying 250:
the client knows the message went through, the next command fails), drop it during DATA without
replying (the server has the message, the client cannot know: the 'uncertain' case), answer the
message itself with an error (554 content filter, 552 too large, 452 mailbox full), or keep
answering it with "250-" lines that never end. `smtp_server(drip_greeting=True)` starts a server
whose greeting is "220-" lines that never end.
"""

from __future__ import annotations

import asyncio
import datetime
import socket
import ssl
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult

DRIP_INTERVAL = 0.2  # seconds between the lines of a reply that never ends


@dataclass
class Delivery:
    mail_from: str
    rcpt_tos: list[str]
    content: bytes

    @property
    def message(self) -> EmailMessage:
        return message_from_bytes(self.content, policy=policy.default)  # type: ignore[return-value]


@dataclass
class RecordingHandler:
    refuse: set[str] = field(default_factory=set)
    drop_after: int | None = None          # close the connection after replying to this many messages
    drop_in_data: int | None = None        # on this message (1-based), keep it but close without replying
    data_replies: list[str] = field(default_factory=list)  # final replies to the next messages, in order
    drip_in_data: bool = False             # keep the message, then answer "250-" lines until the client goes
    deliveries: list[Delivery] = field(default_factory=list)
    rejected: list[Delivery] = field(default_factory=list)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.refuse:
            return f"550 5.1.1 <{address}>: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        delivery = Delivery(envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or envelope.content)
        reply = self.data_replies.pop(0) if self.data_replies else "250 2.0.0 Ok: queued"
        if not reply.startswith("2"):
            self.rejected.append(delivery)
            return reply
        self.deliveries.append(delivery)
        if self.drip_in_data:
            await drip(server, "250-still working on it")
            return "250 2.0.0 Ok: queued (never seen by the client)"
        count = len(self.deliveries)
        if self.drop_in_data == count:
            self.drop_in_data = None
            server.transport.close()
            return "250 OK (never seen by the client)"
        if self.drop_after == count:
            self.drop_after = None
            asyncio.get_running_loop().call_soon(server.transport.close)
        return reply

    def received_by(self, address: str) -> list[Delivery]:
        return [d for d in self.deliveries if address in d.rcpt_tos]


async def drip(server: SMTP, line: str) -> None:
    """Send `line` every DRIP_INTERVAL seconds until the client closes the connection."""
    while server.transport is not None and not server.transport.is_closing():
        try:
            await SMTP.push(server, line)
        except ConnectionError:
            return
        await asyncio.sleep(DRIP_INTERVAL)


class DrippingGreetingSMTP(SMTP):
    """Greets with "220-" lines, one every DRIP_INTERVAL seconds, and never finishes the greeting."""

    greeted = False

    async def push(self, status):
        if not self.greeted and isinstance(status, str) and status.startswith("220 "):
            self.greeted = True
            await drip(self, "220-welcome, please hold")
            return
        await super().push(status)


class DrippingGreetingController(Controller):
    def factory(self):
        return DrippingGreetingSMTP(self.handler, **self.SMTP_kwargs)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def smtp_server(handler: RecordingHandler | None = None, drip_greeting: bool = False, **smtp_options: object
                ) -> Iterator[tuple[Controller, RecordingHandler]]:
    """Start aiosmtpd on 127.0.0.1:<free port>; `smtp_options` go to aiosmtpd.smtp.SMTP."""
    handler = handler or RecordingHandler()
    kind = DrippingGreetingController if drip_greeting else Controller
    controller = kind(handler, hostname="127.0.0.1", port=free_port(), **smtp_options)
    controller.start()
    try:
        yield controller, handler
    finally:
        controller.stop()


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1/localhost and its key, made with `cryptography`; (cert, key)."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName("localhost"),
                                                    x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def server_tls_context(cert: Path, key: Path) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def password_authenticator(user: str, password: str):
    """An aiosmtpd authenticator accepting exactly one user and password."""

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = auth_data.login == user.encode() and auth_data.password == password.encode()
        return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd replies 535

    return authenticate
