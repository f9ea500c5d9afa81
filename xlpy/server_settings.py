"""What the xlwings Server app may touch: its folders, its users, the hosts it answers, its limits.

The settings come from the server's environment or a TOML file on the server, never from
a workbook or a request:

    BUDGETBOOK_SERVER_CONFIG=/etc/budgetbook/server.toml     # optional file, keys as below
    BUDGETBOOK_DATA_ROOT=/srv/budgetbook/data                # uploaded documents + budgetbook.sqlite
    BUDGETBOOK_OUTPUT_ROOT=/srv/budgetbook/output            # packs and outboxes, per workbook
    BUDGETBOOK_ADDRESS_BOOK=/srv/budgetbook/committees.toml  # who gets which pack
    BUDGETBOOK_USERS=/srv/budgetbook/users.toml              # name -> sha256 of the user's token
    BUDGETBOOK_ALLOWED_HOSTS=127.0.0.1:8443,localhost:8443   # Host headers answered (and Origins)
    BUDGETBOOK_WORKERS=4                                     # threads for scripts and heavy functions

An environment variable wins over the same key in the file (`data_root`, `output_root`,
`address_book`, `users`, `allowed_hosts` as a list, `workers`, `max_similar`,
`max_upload_mb`).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path

from budgetbook.errors import ConfigError

CONFIG_VARIABLE = "BUDGETBOOK_SERVER_CONFIG"
PREFIX = "BUDGETBOOK_"
DEFAULT_HOSTS = ("127.0.0.1:8443", "localhost:8443")


@dataclass(frozen=True)
class ServerSettings:
    data_root: Path
    output_root: Path
    address_book: Path | None = None
    users: Path | None = None
    allowed_hosts: tuple[str, ...] = DEFAULT_HOSTS
    workers: int = 4
    max_similar: int = 20  # BB_SIMILAR's n
    max_upload_mb: int = 100

    @classmethod
    def resolve(cls, value: ServerSettings | Mapping[str, object] | None = None) -> ServerSettings:
        """Settings from an instance, a mapping of keys, or (None) the environment and the settings file."""
        if isinstance(value, ServerSettings):
            return value
        data = dict(value) if value is not None else from_environment(os.environ)
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ConfigError(f"Unknown server setting {unknown[0]!r}: known are {', '.join(sorted(known))}")
        for needed in ("data_root", "output_root"):
            if not data.get(needed):
                raise ConfigError(f"The server needs {PREFIX}{needed.upper()}: the folder it keeps "
                                  f"{'uploaded documents' if needed == 'data_root' else 'packs'} in")
        return cls(
            data_root=_folder(data["data_root"]),
            output_root=_folder(data["output_root"]),
            address_book=_file(data.get("address_book")),
            users=_file(data.get("users")),
            allowed_hosts=_hosts(data.get("allowed_hosts", DEFAULT_HOSTS)),
            workers=_positive(data, "workers", 4),
            max_similar=_positive(data, "max_similar", 20),
            max_upload_mb=_positive(data, "max_upload_mb", 100),
        )

    @property
    def allowed_origins(self) -> frozenset[str]:
        return frozenset(f"https://{host}" for host in self.allowed_hosts)


def from_environment(env: Mapping[str, str]) -> dict[str, object]:
    """The settings file's keys (if BUDGETBOOK_SERVER_CONFIG names one), overridden by BUDGETBOOK_* variables."""
    data: dict[str, object] = {}
    config = env.get(CONFIG_VARIABLE)
    if config:
        path = Path(config)
        try:
            data.update(tomllib.loads(path.read_text(encoding="utf-8")).get("server", {}))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"Cannot read the server settings {path}: {exc}") from exc
    for field in fields(ServerSettings):
        variable = PREFIX + field.name.upper()
        if env.get(variable):
            data[field.name] = env[variable]
    return data


def _folder(value: object) -> Path:
    path = Path(str(value)).expanduser().resolve()
    path.mkdir(parents=True, exist_ok=True)
    return path


def _file(value: object) -> Path | None:
    if not value:
        return None
    path = Path(str(value)).expanduser().resolve()
    if not path.is_file():
        raise ConfigError(f"The server setting names {path}, which is not a file")
    return path


def _hosts(value: object) -> tuple[str, ...]:
    items = value.split(",") if isinstance(value, str) else list(value)  # type: ignore[call-overload]
    hosts = tuple(str(item).strip().lower() for item in items if str(item).strip())
    if not hosts:
        raise ConfigError(f"{PREFIX}ALLOWED_HOSTS is empty: name the host:port the add-in is served on")
    return hosts


def _positive(data: Mapping[str, object], key: str, default: int) -> int:
    value = data.get(key, default)
    try:
        number = int(str(value))
    except ValueError:
        number = 0
    if number < 1:
        raise ConfigError(f"The server setting {key} must be a whole number above 0, not {value!r}")
    return number
