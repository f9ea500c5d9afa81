"""Safe saving (budgetbook.files): whole or not at all, the old file's mode, group and symlink kept,
read-only refused, stale temporary files of a killed run removed, and a lock between commands."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from openpyxl import load_workbook

from budgetbook.files import FileError, FileInUse, FileLock, save_atomically, save_text
from tests.golden import SAMPLES
from workbook.api import build_workbook

ROOT = Path(__file__).resolve().parent.parent
REDUCTIONS = SAMPLES / "reduction_list"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_save_replaces_whole_and_leaves_nothing_beside(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    save_text(target, "first")
    save_text(target, "second")
    assert target.read_text() == "second"
    assert leftovers(tmp_path) == []  # no temporary file and no lock file stay behind


def test_mode_and_group_are_kept(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    target.write_text("old")
    os.chmod(target, 0o660)
    group = os.getgid() if os.geteuid() != 0 else 100  # root can give the file another group
    os.chown(target, -1, group)
    save_text(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o660
    assert target.stat().st_gid == group
    assert target.read_text() == "new"


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        save_text(tmp_path / "new.json", "{}")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644


def test_a_symlink_stays_and_its_target_is_replaced(tmp_path: Path) -> None:
    real = tmp_path / "shared" / "Budget.xlsx"
    real.parent.mkdir()
    real.write_text("old")
    link = tmp_path / "Budget.xlsx"
    link.symlink_to(real)
    save_text(link, "new")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text() == "new"
    assert leftovers(tmp_path) == [] and leftovers(real.parent) == []


def test_a_read_only_file_is_refused_and_unchanged(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    target.write_text("old")
    os.chmod(target, 0o444)
    with pytest.raises(FileError, match="Budget.xlsx is read-only; make it writable"):
        save_text(target, "new")
    assert target.read_text() == "old" and stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "Budget.xlsx").mkdir()
    with pytest.raises(FileError, match="is a folder; give the path of a file"):
        save_text(tmp_path / "Budget.xlsx", "x")


@pytest.mark.parametrize("failure", [ValueError("openpyxl could not write"), KeyboardInterrupt()])
def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, failure: BaseException) -> None:
    target = tmp_path / "Budget.xlsx"
    target.write_text("old")

    def write(temporary: Path) -> None:
        temporary.write_text("half")
        raise failure

    with pytest.raises(type(failure)):
        save_atomically(target, write)
    assert target.read_text() == "old" and leftovers(tmp_path) == []


KILLED_WRITER = """
import sys, time
from pathlib import Path
from budgetbook.files import save_atomically
def write(temporary):
    temporary.write_text("half")
    print("writing", flush=True)
    time.sleep(120)
save_atomically(Path(sys.argv[1]), write)
"""


def test_temporary_files_of_a_killed_run_are_removed_by_the_next_save(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    target.write_text("old")
    (tmp_path / ".Budget-abcd1234.xlsx").write_text("left by budgetbook before safe saving")
    (tmp_path / ".Budget.xlsx.lock.notes").write_text("not ours")
    writer = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(target)], cwd=ROOT, stdout=subprocess.PIPE,
                              text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "writing"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    assert target.read_text() == "old"
    stale = [name for name in leftovers(tmp_path) if name.endswith(".budgetbook-tmp")]
    assert len(stale) == 1
    save_text(target, "new")
    assert target.read_text() == "new"
    assert leftovers(tmp_path) == [".Budget.xlsx.lock.notes"]


HOLDER = """
import sys
from pathlib import Path
from budgetbook.files import FileLock, save_atomically
target = Path(sys.argv[1])
with FileLock(target, "budgetbook validate") as lock:
    old = target.read_bytes()          # validate has read the workbook ...
    print("locked", flush=True)
    sys.stdin.readline()               # ... works on it ...
    save_atomically(target, lambda temporary: temporary.write_bytes(old), lock=lock)  # ... and saves it
"""


@contextmanager
def held_by_validate(target: Path) -> Iterator[subprocess.Popen[str]]:
    """Another process holding `target`'s lock as validate does, until the test writes a line to it."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(target)], cwd=ROOT, stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield holder
    finally:
        if holder.poll() is None:
            holder.communicate("done\n", timeout=60)


def test_a_second_writer_waits_then_names_the_holder(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    target.write_text("old")
    with held_by_validate(target) as holder:
        with pytest.raises(FileInUse) as caught:
            with FileLock(target, "budgetbook build", wait=0.3):
                pass
    message = str(caught.value)
    assert message.startswith(f"Budget.xlsx is in use by budgetbook validate (pid {holder.pid} on ")
    assert "run again (nothing was changed)" in message
    assert target.read_text() == "old" and leftovers(tmp_path) == []


def test_a_build_during_validate_waits_and_is_not_saved_over(tmp_path: Path) -> None:
    target = tmp_path / "Budget.xlsx"
    build_workbook([REDUCTIONS / "lejre-2023.txt"], target)
    errors: list[BaseException] = []

    def build() -> None:
        try:
            build_workbook([REDUCTIONS / "lejre-2023.xlsx"], target)
        except BaseException as error:  # noqa: BLE001 - handed to the test thread
            errors.append(error)

    with held_by_validate(target) as holder:
        builder = threading.Thread(target=build)
        builder.start()
        time.sleep(1.0)  # let the build reach the lock (the outcome is the same if it has not yet)
        holder.communicate("done\n", timeout=60)  # validate saves the book it read, and ends
        builder.join(timeout=120)
    assert not errors, errors
    assert load_workbook(target)["Kilder"]["A5"].value == "lejre-2023.xlsx"  # the build's book, not the old one
