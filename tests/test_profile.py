"""Import profiles: a municipality's own words, unit and sign said once, beside the documents or with --profile."""

from __future__ import annotations

from pathlib import Path

import pytest

import importers
from budgetbook.cli import main as cli
from budgetbook.errors import ConfigError, UnknownDocumentError
from importers.profile import Profile, read_profile, resolve_profile

LIST = ("Nr.\tAfdeling\tForslagets kaldenavn\t2025\t2026\n"
        "1\tSkole\tFærre vikarer\t100\t200\n"
        "2\tSkole\tFælles indkøb\t50\t50\n")


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_profile_beside_the_documents_names_the_municipality_s_own_column_words(tmp_path: Path) -> None:
    document = _write(tmp_path, "spareliste.txt", LIST)
    with pytest.raises(UnknownDocumentError):
        importers.parse(document)
    _write(tmp_path, "budgetbook.toml", 'kommune = "Tønder Kommune"\n[words.lists.columns]\n'
                                        'title = ["Forslagets kaldenavn"]\ncenter = ["Afdeling"]\n')
    result = importers.parse(document)
    assert result.kind == "reduction_list"
    assert [(r.center, r.overskrift, dict(r.amounts)) for r in result.records] == [
        ("Skole", "Færre vikarer", {"2025": 100, "2026": 200}), ("Skole", "Fælles indkøb", {"2025": 50, "2026": 50})]


def test_profile_option_of_extract_and_explain(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = _write(tmp_path, "spareliste.txt", LIST)
    profile = _write(tmp_path / "..", "tønder.toml", '[words.lists.columns]\ntitle = ["Forslagets kaldenavn"]\n'
                                                      'center = ["Afdeling"]\n')
    assert cli(["extract", str(document), "--profile", str(profile), "--explain"]) == 0
    out = capsys.readouterr().out
    assert "Reduktionsliste (reduction_list)" in out and "profile: tønder.toml: words for 2 roles" in out
    assert "Forslagets kaldenavn=overskrift" in out


def test_settings_are_read_through_the_vocabulary_and_per_file(tmp_path: Path) -> None:
    path = _write(tmp_path, "budgetbook.toml", 'unit = "t.kr."\nsign = "besparelser negative"\n'
                                               '[files."*.xlsx"]\nunit = "kr."\nkind = "reduction_list"\n')
    profile = read_profile(path)
    assert (profile.unit, profile.sign) == ("tkr", "savings_negative")
    assert resolve_profile(None, tmp_path / "liste.xlsx") == Profile(unit="kr", sign="savings_negative",
                                                                      kind="reduction_list", files=profile.files,
                                                                      path=path)
    assert resolve_profile(None, tmp_path / "liste.pdf").unit == "tkr"


@pytest.mark.parametrize(("text", "message"), [
    ('enhed = "kr."\n', "unknown key 'enhed'"),
    ('unit = "alen"\n', "unit 'alen' is no unit budgetbook knows"),
    ('sign = "sommetider"\n', "sign 'sommetider' is not understood"),
    ('kind = "menu"\n', "kind 'menu' is no kind budgetbook reads"),
    ('[files."*.pdf"]\nfarve = "rød"\n', "has unknown key 'farve'"),
    ('[words.lists.kolonner]\ntitle = ["x"]\n', "Unknown vocabulary group 'lists.kolonner'"),
    ("unit = \n", "not valid TOML"),
])
def test_a_wrong_profile_names_the_file_and_the_key(tmp_path: Path, text: str, message: str) -> None:
    _write(tmp_path, "budgetbook.toml", text)
    document = _write(tmp_path, "liste.txt", LIST)
    with pytest.raises(ConfigError, match=message):
        importers.parse(document)


def test_a_wrong_profile_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _write(tmp_path, "budgetbook.toml", 'enhed = "kr."\n')
    document = _write(tmp_path, "liste.txt", LIST)
    assert cli(["extract", str(document)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "budgetbook.toml: unknown key 'enhed'" in err
