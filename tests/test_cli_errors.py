"""Every failure of the command itself is one line on stderr and exit code 2, never a traceback.

The CLI runs as a subprocess, as a user runs it. Where a case needs an unprivileged user (a file
root could read anyway, a folder root could write anyway), it runs as `nobody` when the tests run as
root; disk full is a real small tmpfs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.bad_files import billion_laughs, claiming_size, inflating, utf16
from tests.golden import SAMPLES
from tests.mounts import tmpfs
from workbook.api import build_workbook

BUDGETBOOK = Path(sys.executable).with_name("budgetbook")
ROOT_USER = os.geteuid() == 0
NOBODY = 65534
LIST_TXT = SAMPLES / "reduction_list" / "lejre-2023.txt"
LIST_XLSX = SAMPLES / "reduction_list" / "lejre-2023.xlsx"
FORMS_DOCX = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.docx"


@dataclass
class Case:
    args: list[str]
    says: tuple[str, ...]                 # words the one line must hold
    unprivileged: bool = False            # run as nobody when the tests run as root
    env: dict[str, str] = field(default_factory=dict)


def run(case: Case, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [str(BUDGETBOOK), *case.args]
    if case.unprivileged and ROOT_USER:
        command = ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *command]
    env = {**os.environ, "HOME": str(cwd), **case.env}
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=600)


def assert_one_line(result: subprocess.CompletedProcess[str], says: tuple[str, ...]) -> None:
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert result.returncode == 2, (result.returncode, result.stderr)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("budgetbook: "), lines[0]
    for word in says:
        assert word in lines[0], (word, lines[0])


@pytest.fixture
def folder() -> Iterator[Path]:
    """A folder any user can enter (pytest's own tmp folders are root's alone)."""
    path = Path(tempfile.mkdtemp(prefix="bb-cli-"))
    path.chmod(0o777)
    try:
        yield path
    finally:
        for inner in path.rglob("*"):
            if inner.is_dir() and not inner.is_symlink():
                inner.chmod(0o755)
        shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("built") / "Budget.xlsx"
    build_workbook([LIST_TXT], path)
    return path


def copy_open(source: Path, target: Path, mode: int = 0o666) -> Path:
    shutil.copyfile(source, target)
    target.chmod(mode)
    return target


# --- the cases: each makes its files in `folder` and says how the CLI is run and what it must say ---

def directory_as_file(command: str) -> Callable[[Path, Path], Case]:
    def make(folder: Path, built: Path) -> Case:
        (folder / "liste.pdf").mkdir()
        extra = ["-o", str(folder / "out.xlsx")] if command in ("build", "packs") else []
        return Case([command, str(folder / "liste.pdf"), *extra], ("liste.pdf", "is a folder"))
    return make


def output_is_a_directory(folder: Path, built: Path) -> Case:
    (folder / "Budget.xlsx").mkdir()
    return Case(["build", str(LIST_TXT), "-o", str(folder / "Budget.xlsx")], ("Budget.xlsx", "is a folder"))


def unreadable_file(folder: Path, built: Path) -> Case:
    copy_open(LIST_TXT, folder / "liste.txt", 0o000)
    return Case(["extract", str(folder / "liste.txt")], ("liste.txt", "Cannot read", "Permission denied"),
                unprivileged=True)


def validate_in_read_only_folder(folder: Path, built: Path) -> Case:
    closed = folder / "closed"
    closed.mkdir()
    copy_open(built, closed / "Budget.xlsx")
    closed.chmod(0o555)
    return Case(["validate", str(closed / "Budget.xlsx")], ("Budget.xlsx", "no write access", "Nothing was changed"),
                unprivileged=True)


def read_only_workbook(folder: Path, built: Path) -> Case:
    copy_open(built, folder / "Budget.xlsx", 0o444)
    return Case(["validate", str(folder / "Budget.xlsx")], ("Budget.xlsx is read-only",))


def not_a_workbook(folder: Path, built: Path) -> Case:
    copy_open(LIST_TXT, folder / "Budget.xlsx")
    return Case(["validate", str(folder / "Budget.xlsx")], ("Budget.xlsx",))


def billion_laughs_docx(folder: Path, built: Path) -> Case:
    billion_laughs(FORMS_DOCX, folder / "forslag.docx", "word/document.xml")
    return Case(["extract", str(folder / "forslag.docx")], ("forslag.docx", "DTD"))


def billion_laughs_xlsx(folder: Path, built: Path) -> Case:
    billion_laughs(LIST_XLSX, folder / "liste.xlsx", "xl/worksheets/sheet1.xml")
    return Case(["build", str(folder / "liste.xlsx"), "-o", str(folder / "B.xlsx")], ("liste.xlsx", "DTD"))


def zip_bomb_docx(folder: Path, built: Path) -> Case:
    inflating(FORMS_DOCX, folder / "forslag.docx", "word/document.xml")
    return Case(["extract", str(folder / "forslag.docx")], ("forslag.docx", "word/document.xml", "inflates"))


def zip_claiming_4_gb_xlsx(folder: Path, built: Path) -> Case:
    claiming_size(LIST_XLSX, folder / "liste.xlsx", "xl/worksheets/sheet1.xml", 4 * 1024 ** 3)
    return Case(["extract", str(folder / "liste.xlsx")], ("liste.xlsx", "sheet1.xml", "inflates"))


def recipient_with_line_break(folder: Path, built: Path) -> Case:
    (folder / "packs").mkdir()
    (folder / "packs" / "packs.json").write_text('{"budget_year": "2024", "packs": []}', encoding="utf-8")
    (folder / "c.toml").write_text('[smtp]\nhost = "h"\nsender = "a@b.dk"\n[message]\nsubject = "s"\nbody = "b"\n'
                                   '[[committee]]\nname = "Ø"\nshort = "ØU"\n'
                                   'recipients = ["oeu@lejre.example\\r\\nBcc: spy@evil.example"]\n', encoding="utf-8")
    return Case(["send", str(folder / "packs"), "--config", str(folder / "c.toml"), "--dry-run"],
                ("recipients[1]", "line break"))


def config_is_a_folder(folder: Path, built: Path) -> Case:
    (folder / "committees.toml").mkdir()
    return Case(["send", str(folder), "--config", str(folder / "committees.toml")], ("committees.toml",))


def workbook_in_use(folder: Path, built: Path) -> Case:
    workbook = copy_open(built, folder / "Budget.xlsx")
    lock = folder / ".Budget.xlsx.lock"
    holder = subprocess.Popen([sys.executable, "-c", "import fcntl, os, sys; fd = os.open(sys.argv[1], os.O_RDWR | "
                               "os.O_CREAT); fcntl.flock(fd, fcntl.LOCK_EX); os.write(fd, b'budgetbook build (pid 1)');"
                               " print('locked', flush=True); sys.stdin.read()", str(lock)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    HOLDERS.append(holder)
    return Case(["validate", str(workbook)], ("Budget.xlsx is in use by budgetbook build",),
                env={"BUDGETBOOK_LOCK_WAIT": "0.2"})


HOLDERS: list[subprocess.Popen[str]] = []

CASES = {
    "extract a directory": directory_as_file("extract"),
    "build a directory": directory_as_file("build"),
    "validate a directory": directory_as_file("validate"),
    "packs of a directory": directory_as_file("packs"),
    "build into a directory": output_is_a_directory,
    "unreadable file": unreadable_file,
    "validate in a read-only folder": validate_in_read_only_folder,
    "read-only workbook": read_only_workbook,
    "text named .xlsx": not_a_workbook,
    "billion laughs in a DOCX": billion_laughs_docx,
    "billion laughs in an XLSX": billion_laughs_xlsx,
    "ZIP bomb DOCX": zip_bomb_docx,
    "XLSX claiming 4 GB": zip_claiming_4_gb_xlsx,
    "CR/LF in a recipient": recipient_with_line_break,
    "config is a folder": config_is_a_folder,
    "workbook in use": workbook_in_use,
}


@pytest.mark.parametrize("name", list(CASES))
def test_failure_is_one_line_and_exit_2(name: str, folder: Path, built: Path) -> None:
    case = CASES[name](folder, built)
    try:
        result = run(case, folder)
    finally:
        while HOLDERS:
            HOLDERS.pop().communicate("", timeout=30)
    assert_one_line(result, case.says)


def test_disk_full_is_one_line_and_keeps_the_workbook(built: Path, tmp_path: Path) -> None:
    size_kb = built.stat().st_size // 1024 + 24  # room for the workbook, not for a second copy of it
    with tmpfs(tmp_path / "disk", size_kb) as disk:
        workbook = disk / "Budget.xlsx"
        shutil.copyfile(built, workbook)
        before = workbook.read_bytes()
        result = run(Case(["validate", str(workbook)], ()), disk)
        assert_one_line(result, ("The disk is full", "Budget.xlsx was not changed"))
        assert workbook.read_bytes() == before
        assert sorted(p.name for p in disk.iterdir()) == ["Budget.xlsx"]  # no temporary or lock file left


def test_utf16_text_is_read_not_refused(folder: Path) -> None:
    for name, bom in (("liste-unicode.txt", True), ("liste-utf16-uden-bom.txt", False)):
        path = utf16(LIST_TXT, folder / name, bom=bom)
        result = run(Case(["extract", str(path), "-o", str(folder / f"{name}.json")], ()), folder)
        assert result.returncode == 0, result.stderr
        assert "reduction_list records" in result.stdout


def test_validate_and_packs_refuse_a_bomb_workbook(folder: Path, built: Path) -> None:
    bomb = billion_laughs(built, folder / "Budget.xlsx", "xl/workbook.xml")
    for args in (["validate", str(bomb)], ["validate", "--no-sheet", str(bomb)],
                 ["packs", str(bomb), "-o", str(folder / "packs")]):
        assert_one_line(run(Case(args, ()), folder), ("Budget.xlsx", "declares a DTD"))
