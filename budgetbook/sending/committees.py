"""The address book: `committees.toml` read into frozen settings, every bad key named.

    [smtp]                       host, port, starttls, sender, timeout, deadline, cafile
    [message]                    default subject and body templates
    [[committee]]                name, short, recipients, cc, subject, body (the last two optional),
                                 aliases, areas (budgetbook.committee_identity: how build finds it)

Login user and password come ONLY from the environment (`BUDGETBOOK_SMTP_USER`,
`BUDGETBOOK_SMTP_PASSWORD`); a password (or user) in the file is an error, so a config file
mailed around or committed never carries a secret.
"""

from __future__ import annotations

import re
import string
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from email.utils import getaddresses, parseaddr
from pathlib import Path

from budgetbook.committee_identity import CommitteeNames, DeclaredCommittee, declared, read_declaration
from budgetbook.errors import ConfigError

USER_VARIABLE = "BUDGETBOOK_SMTP_USER"
PASSWORD_VARIABLE = "BUDGETBOOK_SMTP_PASSWORD"

# Placeholders a subject or body template may use (see messages.template_values).
PLACEHOLDERS = ("udvalg", "navn", "budget_year", "date", "status", "file")
SECRET_KEYS = ("password", "passwd", "pass", "user", "username", "login")


def normalise_short(short: str) -> str:
    """Short names compare in Unicode NFC: 'Æ' typed on a Mac and on Windows is the same committee."""
    return unicodedata.normalize("NFC", short.strip())


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send. `user`/`password` are filled from the environment, never the file."""

    host: str = ""
    port: int = 587
    starttls: bool = True
    sender: str = ""
    timeout: float = 30.0      # seconds for each answer of the server
    cafile: str | None = None
    deadline: float = 600.0    # seconds for the whole session, however the server dawdles
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)

    @property
    def sender_address(self) -> str:
        return parseaddr(self.sender)[1]

    @property
    def login(self) -> bool:
        return self.user is not None

    @classmethod
    def resolve(cls, value: SmtpSettings | Mapping[str, object] | None,
                env: Mapping[str, str] | None = None, where: str = "smtp") -> SmtpSettings:
        if isinstance(value, SmtpSettings):
            settings = value
        else:
            data = dict(value or {})
            for key in data:
                if key.lower() in SECRET_KEYS:
                    raise ConfigError(
                        f"{where}.{key}: login user and password are never read from the config file; "
                        f"remove the key and set {USER_VARIABLE} and {PASSWORD_VARIABLE} in the environment")
            _reject_unknown(data, ("host", "port", "starttls", "sender", "timeout", "deadline", "cafile"), where)
            settings = cls(
                host=_text(data, "host", where, required=True),
                port=_integer(data, "port", where, 587),
                starttls=_boolean(data, "starttls", where, True),
                sender=_address(data, "sender", where),
                timeout=float(_integer(data, "timeout", where, 30)),
                cafile=_text(data, "cafile", where) or None,
                deadline=float(_integer(data, "deadline", where, 600)),
            )
        if env is None:
            return settings
        return settings.with_login(env)

    def with_login(self, env: Mapping[str, str]) -> SmtpSettings:
        user, password = env.get(USER_VARIABLE) or None, env.get(PASSWORD_VARIABLE) or None
        if (user is None) != (password is None):
            missing = PASSWORD_VARIABLE if password is None else USER_VARIABLE
            raise ConfigError(f"{missing} is not set: set both {USER_VARIABLE} and {PASSWORD_VARIABLE} "
                              "to log in, or neither to send without login")
        if user is not None and not self.starttls:
            raise ConfigError("smtp.starttls: login is configured (environment) but starttls = false would "
                              "send the password unencrypted; set starttls = true")
        return replace(self, user=user, password=password)


@dataclass(frozen=True)
class MessageTemplate:
    """Subject and body with `{placeholder}` fields; literal braces are written `{{` and `}}`."""

    subject: str
    body: str

    def render(self, values: Mapping[str, str]) -> tuple[str, str]:
        return self.subject.format_map(values), self.body.format_map(values)


@dataclass(frozen=True)
class Committee:
    """One udvalg: its full name, the short name used in the packs manifest, and who gets the mail;
    `aliases` (other names documents use) and `areas` (whose rows carry no udvalg) are for build."""

    name: str
    short: str
    recipients: tuple[str, ...]
    cc: tuple[str, ...] = ()
    template: MessageTemplate | None = None
    aliases: tuple[str, ...] = ()
    areas: tuple[str, ...] = ()

    @property
    def envelope(self) -> tuple[str, ...]:
        """Every address the mail goes to (to + cc), each once, in order."""
        seen: dict[str, str] = {}
        for entry in self.recipients + self.cc:
            address = split_address(entry, self.short)[1]
            seen.setdefault(address.lower(), address)
        return tuple(seen.values())


@dataclass(frozen=True)
class AddressBook:
    smtp: SmtpSettings
    template: MessageTemplate
    committees: tuple[Committee, ...]
    source: str = "committees.toml"

    @property
    def names(self) -> CommitteeNames:
        """The committees as build and packs know them (one identity: `budgetbook.committee_identity`)."""
        return declared(DeclaredCommittee(c.name, c.short, c.aliases, c.areas, self.source) for c in self.committees)

    def committee(self, udvalg: str) -> Committee | None:
        """The committee a pack's udvalg names: by its short name, full name or an alias, however spelt."""
        found = self.names.find(udvalg)
        return None if found is None else next((c for c in self.committees if c.short == found.short), None)

    @classmethod
    def resolve(cls, value: AddressBook | Mapping[str, object] | None, *, source: str = "committees.toml",
                env: Mapping[str, str] | None = None) -> AddressBook:
        if isinstance(value, AddressBook):
            return value if env is None else cls(value.smtp.with_login(env), value.template,
                                                  value.committees, value.source)
        data = dict(value or {})
        _reject_unknown(data, ("smtp", "message", "committee"), source)
        smtp = SmtpSettings.resolve(_table(data, "smtp", source), env, where="smtp")
        message = _table(data, "message", source)
        _reject_unknown(message, ("subject", "body"), "message")
        template = MessageTemplate(_template(message, "subject", "message", required=True),
                                   _template(message, "body", "message", required=True))
        entries = data.get("committee", [])
        if not isinstance(entries, list) or not entries:
            raise ConfigError(f"{source}: committee: add at least one [[committee]] table "
                              "with name, short and recipients")
        committees = tuple(_committee(entry, f"committee[{i}]") for i, entry in enumerate(entries, 1))
        seen: set[str] = set()
        for i, committee in enumerate(committees, 1):
            if committee.short in seen:
                raise ConfigError(f"committee[{i}].short: '{committee.short}' is used by two committees")
            seen.add(committee.short)
        book = cls(smtp, template, committees, source)
        book.names  # noqa: B018  (a name or area given to two committees is an error now, not at sending)
        return book


def read_address_book(path: Path, env: Mapping[str, str] | None = None) -> AddressBook:
    """Read and check `committees.toml`; with `env`, fill the SMTP login from the environment."""
    return AddressBook.resolve(_read_toml(path), source=Path(path).name, env=env)


def _read_toml(path: Path) -> dict[str, object]:
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such file; copy committees.toml from the repository and edit it") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save it as UTF-8 (Notepad: 'Save as', Encoding UTF-8)") from None
    except OSError as error:
        what = "is a folder" if Path(path).is_dir() else f"cannot be read ({error.strerror or error})"
        raise ConfigError(f"{path} {what}; give the path of the address book (committees.toml)") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    return data


def read_declared_committees(path: Path) -> tuple[DeclaredCommittee, ...]:
    """Only the committees' identities (name, short, aliases, areas) of an address book, for build:
    the server and recipients are checked when sending."""
    data = _read_toml(path)
    entries = data.get("committee", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise ConfigError(f"{Path(path).name}: committee: expected [[committee]] tables with name and short")
    committees = []
    for i, entry in enumerate(entries, 1):
        where = f"{Path(path).name}: committee[{i}]"
        _reject_unknown(entry, COMMITTEE_KEYS, where)
        committees.append(read_declaration(entry, where, Path(path).name))
    return tuple(committees)


COMMITTEE_KEYS = ("name", "short", "aliases", "areas", "recipients", "cc", "subject", "body")


def _committee(entry: object, where: str) -> Committee:
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: expected a table with name, short and recipients")
    _reject_unknown(entry, COMMITTEE_KEYS, where)
    subject = _template(entry, "subject", where)
    body = _template(entry, "body", where)
    template = None
    if subject or body:
        if not (subject and body):
            raise ConfigError(f"{where}: give both subject and body, or neither to use [message]")
        template = MessageTemplate(subject, body)
    recipients = _addresses(entry, "recipients", where, required=True)
    name = _text(entry, "name", where, required=True)
    short = normalise_short(_text(entry, "short", where, required=True))
    identity = read_declaration(entry, where)  # aliases and areas
    return Committee(name=name, short=short, recipients=recipients, cc=_addresses(entry, "cc", where),
                     template=template, aliases=identity.aliases, areas=identity.areas)


def _reject_unknown(data: Mapping[str, object], known: tuple[str, ...], where: str) -> None:
    for key in data:
        if key not in known:
            raise ConfigError(f"{where}.{key}: unknown key; known keys are {', '.join(known)}")


def _table(data: Mapping[str, object], key: str, where: str) -> dict[str, object]:
    value = data.get(key)
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: [{key}] is missing or not a table")
    return value


def _text(data: Mapping[str, object], key: str, where: str, required: bool = False,
          lines: bool = False) -> str:
    """A text value; one line unless `lines` (a body may hold line breaks and tabs, never other
    control characters)."""
    value = data.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where}.{key}: expected text in quotes, got {value!r}")
    if required and not value.strip():
        raise ConfigError(f"{where}.{key}: required, and must not be empty")
    if (_CONTROL_BUT_LINES if lines else _CONTROL).search(value):
        what = "a control character" if lines else "a line break or control character"
        raise ConfigError(f"{where}.{key}: {value!r} holds {what}; remove it")
    return value


def _integer(data: Mapping[str, object], key: str, where: str, default: int) -> int:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ConfigError(f"{where}.{key}: expected a positive whole number, got {value!r}")
    return value


def _boolean(data: Mapping[str, object], key: str, where: str, default: bool) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(f"{where}.{key}: expected true or false (no quotes), got {value!r}")
    return value


def _address(data: Mapping[str, object], key: str, where: str) -> str:
    value = _text(data, key, where, required=True)
    check_address(value, f"{where}.{key}")
    return value


def _addresses(data: Mapping[str, object], key: str, where: str, required: bool = False) -> tuple[str, ...]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}.{key}: expected a list of e-mail addresses, got {value!r}")
    if required and not value:
        raise ConfigError(f"{where}.{key}: give at least one e-mail address")
    for i, entry in enumerate(value, 1):
        check_address(entry, f"{where}.{key}[{i}]")
    return tuple(value)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_CONTROL_BUT_LINES = re.compile(r"[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f]")  # what a body may not hold: tab, CR, LF may
_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LOCAL_PART = re.compile(rf"^{_ATOM}(?:\.{_ATOM})*$")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
_DOMAIN = re.compile(rf"^{_LABEL}(?:\.{_LABEL})+$")
_ONE_WORD_ADDRESS = re.compile(r"^[^\s<>@,;\"]+@[^\s<>@,;\"]+$")
_NAME_AND_ADDRESS = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<address>[^<>]*)>$")
_SPECIALS = re.compile(r'[,;:<>@()\[\]"\\]')
_ADDRESS_EXAMPLE = "an e-mail address like 'Navn <navn@kommune.dk>' (a name with a comma goes in double quotes)"


def split_address(entry: str, where: str) -> tuple[str, str]:
    """'Navn Efternavn <a@b.dk>', '"Efternavn, Navn" <a@b.dk>' or 'a@b.dk' -> (name, address), checked.

    Strict on purpose: one address per entry, no line breaks or control characters (they would
    start a new header: header injection), the address ASCII (no SMTPUTF8) and well formed, and
    the entry read the same way by Python's own mail parser, so To/Cc and the envelope agree.
    """
    if _CONTROL.search(entry):
        raise ConfigError(f"{where}: {entry!r} holds a line break or control character; write the address "
                          "on one line")
    text = entry.strip()
    match = _NAME_AND_ADDRESS.match(text)
    name, address = (match["name"].strip(), match["address"].strip()) if match else ("", text)
    if len(name) >= 2 and name.startswith('"') and name.endswith('"'):
        name = name[1:-1]
        if '"' in name.replace('\\"', "") or name.endswith("\\"):
            raise ConfigError(f"{where}: '{entry}' is not {_ADDRESS_EXAMPLE}")
        name = name.replace('\\"', '"')
    elif _SPECIALS.search(name):
        raise ConfigError(f"{where}: '{entry}' is not {_ADDRESS_EXAMPLE}")
    if sum(1 for _, found in getaddresses([text]) if "@" in found) > 1:
        raise ConfigError(f"{where}: '{entry}' holds more than one address; give each its own entry in the "
                          "list: [\"a@kommune.dk\", \"b@kommune.dk\"]")
    local, at, domain = address.rpartition("@")
    if not address.isascii() and _ONE_WORD_ADDRESS.match(address):
        raise ConfigError(f"{where}: '{address}' has non-ASCII letters in the address itself; "
                          "keep æ, ø, å in the display name ('Søren <soeren@kommune.dk>')")
    if not (at and _LOCAL_PART.match(local) and _DOMAIN.match(domain) and len(address) <= 254):
        raise ConfigError(f"{where}: '{entry}' is not {_ADDRESS_EXAMPLE}")
    if getaddresses([text]) != [(name, address)]:
        raise ConfigError(f"{where}: '{entry}' is not {_ADDRESS_EXAMPLE}")
    return name, address


def check_address(entry: str, where: str) -> None:
    """'Navn Efternavn <a@b.dk>' or 'a@b.dk'; raises `ConfigError` naming `where` otherwise."""
    split_address(entry, where)


def _template(data: Mapping[str, object], key: str, where: str, required: bool = False) -> str:
    text = _text(data, key, where, required, lines=key == "body")
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as error:
        raise ConfigError(f"{where}.{key}: {error}; write a literal brace as {{{{ or }}}}") from None
    for _, name, spec, conversion in parsed:
        if name is None:
            continue
        if name not in PLACEHOLDERS or spec or conversion:
            raise ConfigError(f"{where}.{key}: unknown placeholder {{{name}}}; use "
                              + ", ".join("{" + p + "}" for p in PLACEHOLDERS))
    return text


__all__ = [
    "PASSWORD_VARIABLE",
    "PLACEHOLDERS",
    "USER_VARIABLE",
    "AddressBook",
    "Committee",
    "MessageTemplate",
    "SmtpSettings",
    "normalise_short",
    "read_address_book",
    "read_declared_committees",
]
