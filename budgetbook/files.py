"""Saving files safely: the one way every budgetbook writer puts a file in place.

    from budgetbook.files import FileLock, save_atomically

    save_atomically(target, lambda temporary: book.save(temporary))      # locks, writes, moves into place
    save_text(target, text)                                              # the same for text (UTF-8)

    with FileLock(workbook, "budgetbook validate") as lock:             # read, change and save as one step
        book = load_workbook(workbook)
        ...
        save_atomically(workbook, lambda temporary: book.save(temporary), lock=lock)

`save_atomically(target, write)` gives `write` the path of an empty temporary file beside the
target to fill, then:

- fsyncs it and renames it over the target (the folder is fsynced too), so the target is always
  either the old file or the whole new one; on any failure, or Ctrl-C, the temporary file is removed
  and the target is untouched;
- keeps what the old file was: its permission bits and group (a 0660 group file stays 0660), and a
  symlink stays a symlink: the file it points to is replaced. A read-only target is refused;
- holds the target's lock while it works (unless the caller already holds it), so two budgetbook
  commands, or the ribbon and a command, never save over each other's work;
- removes temporary files that a killed run left beside the target (they are recognisable by name,
  and under the lock no other run can be writing them).

`FileLock(target, doing)` is an OS lock on a small file beside the target (`.Budget.xlsx.lock`,
removed again on release); the OS releases the lock when the process ends, however it ends. A
second command waits up to `wait` seconds (10, or BUDGETBOOK_LOCK_WAIT), then stops with
"Budget.xlsx is in use by budgetbook validate (pid 4711 on HOST, since 10:31:02)".
Take it around the whole read-change-save of a file (validate), not only the save.

Failures are `FileError` (a `BudgetbookError`, so the CLI prints one line and exits 2): the target is
read-only, is a folder, its folder cannot be written, the disk is full, or the file is in use.
"""

from __future__ import annotations

import errno
import os
import re
import socket
import stat
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Self

from budgetbook.errors import BudgetbookError

WAIT = 10.0  # seconds a second command waits for the lock before it gives up
WAIT_VARIABLE = "BUDGETBOOK_LOCK_WAIT"  # ... unless this environment variable says otherwise
_POLL = 0.1
TEMP_SUFFIX = ".budgetbook-tmp"
LOCK_SUFFIX = ".lock"


class FileError(BudgetbookError, OSError):
    """A file cannot be written (or locked); the message says which, why, and what to do."""


class FileInUse(FileError):
    """Another budgetbook command holds the file's lock."""


def real_target(target: Path) -> Path:
    """The file a save must replace: the end of a chain of symlinks (the links themselves stay)."""
    target = Path(target)
    return Path(os.path.realpath(target)) if target.is_symlink() else target


def lock_path(target: Path) -> Path:
    target = real_target(target)
    return target.with_name(f".{target.name}{LOCK_SUFFIX}")


class FileLock:
    """An exclusive OS lock for writing `target`: checks it can be written, waits briefly for another holder."""

    def __init__(self, target: Path | str, doing: str, wait: float | None = None) -> None:
        self.target = real_target(Path(target))
        self.doing = doing
        self.wait = lock_wait() if wait is None else wait
        self.fd: int | None = None
        self.path: Path | None = None

    def __enter__(self) -> Self:
        ensure_writable(self.target)
        path = lock_path(self.target)
        deadline = time.monotonic() + self.wait
        while True:
            fd = self._open(path)
            try:
                lock_fd(fd)
            except OSError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(fd)
                    os.close(fd)
                    raise FileInUse(f"{self.target.name} is in use by {holder}; wait until it has finished "
                                    "and run again (nothing was changed)") from None
                os.close(fd)
                time.sleep(_POLL)
                continue
            if _same_file(fd, path):  # not a lock file its last holder removed while we waited
                break
            os.close(fd)
        self.fd, self.path = fd, path
        _write_holder(fd, self.doing)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.fd is None:
            return
        if os.name != "nt":  # a waiting process notices the removal (`_same_file`); Windows keeps it
            Path(self.path).unlink(missing_ok=True)
        os.close(self.fd)  # closing releases the lock
        self.fd = None

    def _open(self, path: Path) -> int:
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
        except OSError as error:
            raise _file_error(error, self.target, "write") from None


def lock_wait() -> float:
    """Seconds to wait for a lock: WAIT, or the number in BUDGETBOOK_LOCK_WAIT."""
    text = os.environ.get(WAIT_VARIABLE, "").strip()
    try:
        return max(0.0, float(text)) if text else WAIT
    except ValueError:
        raise FileError(f"{WAIT_VARIABLE}={text!r} is not a number of seconds") from None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False


def lock_fd(fd: int) -> None:
    """Lock the open file `fd` exclusively without waiting; OSError when another process holds it."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        return
    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _write_holder(fd: int, doing: str) -> None:
    """Say in the lock file who holds it, for the message of the one who waits (best effort)."""
    text = f"{doing} (pid {os.getpid()} on {socket.gethostname()}, since {datetime.now():%H:%M:%S})"
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        os.ftruncate(fd, 0)
        os.write(fd, text.encode("utf-8"))
    except OSError:
        pass


def _read_holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 500).decode("utf-8", "replace").strip()
    except OSError:
        text = ""
    return text or "another budgetbook command"


def ensure_readable(path: Path) -> None:
    """Refuse a folder, or a file that cannot be opened, given where a document or workbook is read
    (a missing file is left to the reader, which says what it expected)."""
    path = Path(path)
    if path.is_dir():
        raise FileError(f"{path} is a folder; give the path of a file")
    try:
        with path.open("rb"):
            pass
    except FileNotFoundError:
        return
    except OSError as error:
        raise FileError(f"Cannot read {path.name} ({error.strerror or error}); check that the file is yours "
                        "to read, or copy it somewhere you can read it") from None


def ensure_writable(target: Path) -> None:
    """Refuse, before any work, a target that is a folder or a read-only file (even for root)."""
    target = real_target(Path(target))
    if target.is_dir():
        raise FileError(f"{target} is a folder; give the path of a file to write")
    try:
        mode: int | None = target.stat().st_mode
    except FileNotFoundError:
        mode = None
    except OSError as error:
        raise _file_error(error, target, "write") from None
    if mode is not None and not mode & stat.S_IWUSR:
        raise FileError(f"{target.name} is read-only; make it writable (or save a copy under another name) "
                        "and run again. It was not changed")
    folder_closed = target.parent.is_dir() and not os.access(target.parent, os.W_OK)
    if folder_closed or (mode is not None and not os.access(target, os.W_OK)):
        raise FileError(f"Cannot write {target.name} in {target.parent}: no write access to the file or its "
                        "folder (or the disk is read-only); choose another folder or ask for write access. "
                        "Nothing was changed")


def save_atomically(target: Path | str, write: Callable[[Path], None], *, lock: FileLock | None = None,
                    doing: str = "budgetbook") -> Path:
    """Write `target` whole or not at all through `write(temporary_path)`; returns the path written.

    `lock` is the caller's held `FileLock` of the target; without one, the target is locked for the save.
    """
    target = real_target(Path(target))
    if lock is None:
        with FileLock(target, doing) as held:
            return save_atomically(target, write, lock=held)
    ensure_writable(target)
    remove_stale_temporaries(target)
    temporary = target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)  # the umask applies
    except OSError as error:
        raise _file_error(error, target, "write") from None
    os.close(fd)
    try:
        write(temporary)
        _keep_mode_and_group(temporary, target)
        _fsync(temporary)
        os.replace(temporary, target)
    except OSError as error:
        raise _file_error(error, target, "write") from None
    finally:
        temporary.unlink(missing_ok=True)
    fsync_folder(target.parent)
    return target


def save_bytes(target: Path | str, data: bytes, *, lock: FileLock | None = None) -> Path:
    """`save_atomically` of bytes known in advance (a mail, a manifest)."""
    return save_atomically(target, lambda temporary: temporary.write_bytes(data), lock=lock)


def save_text(target: Path | str, text: str, *, lock: FileLock | None = None) -> Path:
    """`save_atomically` of text, in UTF-8."""
    return save_bytes(target, text.encode("utf-8"), lock=lock)


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete what killed runs left beside `target`: budgetbook's temporary files for it (and those of
    versions before this module: `.Budget-xxxxxxxx.xlsx`, `ØU.eml.tmp`). Call it holding the lock."""
    name, stem, suffix = (re.escape(part) for part in (target.name, target.stem, target.suffix))
    patterns = (re.compile(rf"^\.{name}\.\d+{re.escape(TEMP_SUFFIX)}$"),
                re.compile(rf"^\.{stem}-[a-z0-9_]{{8}}{suffix}(\.tmp)?$"),   # save_with_values before
                re.compile(rf"^\.{name}-[a-z0-9_]{{8}}$"),                    # write_text_atomically before
                re.compile(rf"^\.?{name}\.tmp$"))                            # the outbox before
    removed = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return removed
    for entry in entries:
        if entry.is_file(follow_symlinks=False) and any(p.match(entry.name) for p in patterns):
            try:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
            except OSError:
                pass
    return removed


def _keep_mode_and_group(temporary: Path, target: Path) -> None:
    try:
        old = target.stat()
    except FileNotFoundError:
        return
    os.chmod(temporary, stat.S_IMODE(old.st_mode))
    if hasattr(os, "chown"):
        try:
            os.chown(temporary, -1, old.st_gid)
        except PermissionError:  # not a member of the file's group: the folder's default group stays
            pass


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # Windows cannot open a folder; NTFS journals the rename itself
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _file_error(error: OSError, target: Path, verb: str) -> FileError:
    """One clear line for an OSError met while writing `target`."""
    if isinstance(error, FileError):
        return error
    reason = error.strerror or str(error)
    if error.errno == errno.ENOSPC or getattr(error, "winerror", None) == 112:
        return FileError(f"The disk is full: cannot {verb} {target.name} in {target.parent}; free some space "
                         f"and run again. {target.name} was not changed")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        if getattr(error, "winerror", None) == 32 or (os.name == "nt" and target.exists()):
            return FileError(f"{target.name} is open in another program (Excel?); close it and run again. "
                             "It was not changed")
        return FileError(f"Cannot {verb} {target.name}: the folder {target.parent} is not writable ({reason}); "
                         "choose another folder or ask for write access. Nothing was changed")
    if error.errno == errno.ENOENT:
        return FileError(f"Cannot {verb} {target.name}: the folder {target.parent} does not exist")
    return FileError(f"Cannot {verb} {target.name} in {target.parent} ({reason}). Nothing was changed")
