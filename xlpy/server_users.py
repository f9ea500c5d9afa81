"""Who may use the xlwings Server app: a users file on the server with the SHA-256 of each user's key.

    python -m xlpy.server adduser "Anne Hansen"     # prints Anne's key once; the file keeps only its hash

The file (BUDGETBOOK_USERS) is TOML: `[users]` then `"Anne Hansen" = "<sha256 hex of the key>"`.
The task pane asks for the key once and sends it in the Authorization header; xlwings
Server's auth hook (`auth/budgetbook` in the add-in's project folder) checks it on every
script, function and document call, and the name is what the document log records.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import tomllib
from pathlib import Path

from budgetbook.errors import ConfigError
from budgetbook.files import save_atomically


def key_hash(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def read_users(path: Path | None) -> dict[str, str]:
    """Name -> SHA-256 hex of the key; an empty mapping when the server has no users file."""
    if path is None:
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Cannot read the users file {path}: {exc}") from exc
    users = data.get("users", {})
    if not isinstance(users, dict) or not all(isinstance(v, str) and len(v) == 64 for v in users.values()):
        raise ConfigError(f"{path}: [users] must map each name to the 64-character SHA-256 of the user's key")
    return users


def user_of(key: str, users: dict[str, str]) -> str | None:
    """The name whose key this is, compared in constant time; None for an unknown or empty key."""
    key = key.removeprefix("Bearer ").strip()
    if not key:
        return None
    digest = key_hash(key)
    found = None
    for name, expected in users.items():
        if hmac.compare_digest(digest, expected.lower()):
            found = name
    return found


def add_user(path: Path, name: str) -> str:
    """Mint a key for `name`, store its hash in the users file (made if missing), return the key."""
    name = name.strip()
    if not name or any(ch in name for ch in '"\\\n\r'):
        raise ConfigError("Give the user's name as plain text, e.g. \"Anne Hansen\"")
    users = read_users(path) if path.exists() else {}
    key = secrets.token_urlsafe(24)
    users[name] = key_hash(key)
    lines = ["# budgetbook server users: name = SHA-256 of the user's key (python -m xlpy.server adduser NAME)",
             "[users]"] + [f"{json.dumps(n, ensure_ascii=False)} = \"{h}\"" for n, h in sorted(users.items())]
    text = "\n".join(lines) + "\n"

    def write(temporary: Path) -> None:
        temporary.chmod(0o600)  # private before the hashes are in it, not after
        temporary.write_text(text, encoding="utf-8")

    path.parent.mkdir(parents=True, exist_ok=True)
    save_atomically(path, write, doing="budgetbook adduser")
    return key
