"""The vocabulary's regular expressions, compiled once per machine and kept on disk, as Python keeps .pyc files.

The tolerant matcher turns every phrase into a regex that allows spaces between letters, hyphens
and spelt-out Danish letters, so a group compiles into one large pattern (up to 16.000 characters):
compiling the groups a document's detection needs takes about 0,15-0,2 s, most of what a 10-page
PDF costs beyond pdfplumber's own reading. Python cannot store a compiled pattern, but it can store
what its compiler makes of one: the SRE code (a list of integers) and the group names, which
`re.compile` hands to `_sre.compile` as its last step. `compiled(pattern)` does those steps itself
and keeps their result in one small file per pattern in the user's cache folder; the next process
rebuilds the pattern from the file with `_sre.compile` (which checks the code) and skips the parse.

Every failure falls back to `re.compile`: a missing, damaged or stale file (each is keyed by the
pattern's hash, the Python version and SRE's magic number, and carries a checksum of its content),
an unwritable cache folder, a Python without these internals. `BUDGETBOOK_CACHE_DIR` moves the
folder; the folder can be deleted at any time.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import re
import sys
import tempfile
from pathlib import Path

ENVIRONMENT = "BUDGETBOOK_CACHE_DIR"


def compiled(pattern: str) -> re.Pattern[str]:
    """`re.compile(pattern)`, from the cache when this machine compiled the pattern before.

    A pattern that is no regex raises `re.error`, as `re.compile` does; a Python whose regex internals
    differ from what this module knows (it needs `re._parser`, `re._compiler` and `_sre.compile` as in
    CPython 3.11-3.13) compiles the usual way, uncached.
    """
    try:
        return _through_cache(pattern)
    except re.error:
        raise
    except (ImportError, AttributeError, TypeError):  # other regex internals
        return re.compile(pattern)


def _through_cache(pattern: str) -> re.Pattern[str]:
    import _sre
    from re import _compiler, _parser

    path = _path(pattern, _compiler.MAGIC)
    stored = _load(path) if path else None
    if stored is not None:
        try:
            return _sre.compile(pattern, *stored)
        except (RuntimeError, TypeError, ValueError):  # code SRE refuses: compile afresh and overwrite
            pass
    parsed = _parser.parse(pattern, 0)
    groupindex = dict(parsed.state.groupdict)
    indexgroup = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    code = [int(op) for op in _compiler._code(parsed, 0)]  # opcodes are int subclasses, which marshal refuses
    arguments = (int(parsed.state.flags), code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    regex = _sre.compile(pattern, *arguments)
    if path:
        _store(path, arguments)
    return regex


def cache_folder() -> Path:
    """Where the compiled patterns are kept: $BUDGETBOOK_CACHE_DIR, else the user's cache folder."""
    configured = os.environ.get(ENVIRONMENT)
    if configured:
        return Path(configured)
    import platformdirs

    return Path(platformdirs.user_cache_dir("budgetbook", appauthor=False))


def _path(pattern: str, magic: int) -> Path | None:
    version = f"{sys.implementation.cache_tag}-sre{magic}"
    digest = hashlib.sha256(pattern.encode("utf-8")).hexdigest()[:32]
    try:
        return cache_folder() / "regex" / version / f"{digest}.marshal"
    except Exception:  # noqa: BLE001 - no home folder, say: compile every time
        return None


def _load(path: Path) -> tuple | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    checksum, payload = data[:32], data[32:]
    if hashlib.sha256(payload).digest() != checksum:
        return None
    try:
        stored = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return None
    return stored if isinstance(stored, tuple) and len(stored) == 5 else None


def _store(path: Path, arguments: tuple) -> None:
    payload = marshal.dumps(arguments)
    temporary: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(hashlib.sha256(payload).digest() + payload)
        os.replace(temporary, path)  # whole or not at all, whatever other processes read meanwhile
    except OSError:  # a read-only or full disk: the next process compiles again
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
