"""The vocabulary's patterns rebuilt from the on-disk cache match exactly as `re.compile`'s do.

`importers.vocabulary.compiled` keeps what Python's regex compiler makes of a pattern in a file and
rebuilds the pattern from it in the next process. These tests compare the rebuilt patterns with
`re.compile`'s on every group of the shipped vocabulary, and check that a damaged, foreign or
unwritable cache only costs a fresh compile.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from importers.vocabulary import compiled as cache
from importers.vocabulary import default
from tests.golden import SAMPLES

TEXTS = [line for path in sorted(SAMPLES.glob("*/*.txt"))[:6]
         for line in path.read_text(encoding="utf-8").splitlines()[:80]]


@pytest.fixture()
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(cache.ENVIRONMENT, str(tmp_path))
    return tmp_path


def stored(folder: Path) -> list[Path]:
    return sorted(folder.glob("regex/*/*.marshal"))


def outcomes(regex: re.Pattern[str], texts: list[str]) -> list[object]:
    return [(m.span(), m.groupdict()) if (m := regex.search(text.lower())) else None for text in texts]


def test_every_group_rebuilt_from_the_cache_matches_as_re_compile(folder: Path) -> None:
    patterns = [default()._compile(group).regex.pattern for group in default().groups]
    first = [cache.compiled(p) for p in patterns]  # compiled and stored
    assert len(stored(folder)) == len(set(patterns))
    again = [cache.compiled(p) for p in patterns]  # rebuilt from the files
    assert sum(o is not None for regex in again for o in outcomes(regex, TEXTS)) > 100  # the texts do match
    for pattern, fresh, rebuilt in zip(patterns, first, again):
        reference = re.compile(pattern)
        assert rebuilt.groupindex == reference.groupindex and rebuilt.groups == reference.groups
        assert rebuilt.flags == reference.flags
        assert outcomes(rebuilt, TEXTS) == outcomes(reference, TEXTS) == outcomes(fresh, TEXTS)


def test_another_process_reads_what_this_one_stored(folder: Path) -> None:
    pattern = r"(?P<amount>\d+(?:\.\d{3})*) ?(?P<unit>kr|mio)"
    cache.compiled(pattern)
    file = stored(folder)[0]
    before = file.stat().st_mtime_ns
    script = ("from importers.vocabulary.compiled import compiled; "
              f"print(compiled({pattern!r}).search('i alt 1.500 kr').groupdict())")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                          cwd=Path(__file__).parent.parent)
    assert done.stdout.strip() == "{'amount': '1.500', 'unit': 'kr'}"
    assert file.stat().st_mtime_ns == before  # read, not rewritten


@pytest.mark.parametrize("damage", [b"", b"not marshal at all", None])
def test_a_damaged_file_is_compiled_afresh_and_rewritten(folder: Path, damage: bytes | None) -> None:
    pattern = r"besparelse(?:r)?|reduktion(?:er)?"
    cache.compiled(pattern)
    file = stored(folder)[0]
    good = file.read_bytes()
    if damage is None:  # one byte changed inside the code: the checksum no longer holds
        damage = good[:-3] + bytes([good[-3] ^ 0x01]) + good[-2:]
    file.write_bytes(damage)
    regex = cache.compiled(pattern)
    assert regex.fullmatch("reduktioner") and not regex.fullmatch("reduktionerne")
    assert file.read_bytes() == good


def test_code_that_sre_refuses_is_compiled_afresh(folder: Path) -> None:
    pattern = r"i alt"
    cache.compiled(pattern)
    file = stored(folder)[0]
    cache._store(file, (32, [1, 2, 3], 0, {}, (None,)))  # a checksum that holds over code that is no program
    assert cache.compiled(pattern).fullmatch("i alt")


def test_an_unwritable_cache_folder_is_no_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(cache.ENVIRONMENT, str(blocker))
    assert cache.compiled(r"udvalg(?:et)?").fullmatch("udvalget")
    assert list(tmp_path.iterdir()) == [blocker]


def test_a_pattern_that_is_no_regex_raises_as_re_compile_does(folder: Path) -> None:
    with pytest.raises(re.error):
        cache.compiled(r"(?P<open")
    assert stored(folder) == []


def test_a_python_with_other_regex_internals_compiles_uncached(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import re._compiler

    monkeypatch.delattr(re._compiler, "MAGIC")  # what the cache keys on; re.compile itself does not need it
    assert cache.compiled(r"spare(?:forslag)?").fullmatch("spareforslag")
    assert stored(folder) == []
