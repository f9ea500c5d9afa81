"""The server's rules as plain Python: settings, path confinement, confirmation tokens, users, the
thread pool for scripts, and the local certificate (over HTTP: test_xlpy_server.py)."""

from __future__ import annotations

import asyncio
import ssl
import threading
from pathlib import Path

import pytest

from budgetbook.errors import ConfigError
from xlpy.confinement import OutsideRootError, inside, workbook_id
from xlpy.confirmations import Confirmations
from xlpy.server_settings import ServerSettings, from_environment
from xlpy.server_users import add_user, read_users, user_of


@pytest.mark.parametrize("relative", ["..", "../x", "a/../../x", "/etc/passwd", "~", "~root/x", "link/x", "link"])
def test_paths_that_leave_the_root_are_refused(tmp_path, relative):
    root = tmp_path / "root"
    root.mkdir()
    (root / "link").symlink_to(tmp_path)  # a symlink inside that points outside
    with pytest.raises(OutsideRootError):
        inside(root, relative)


def test_paths_inside_the_root_resolve_there(tmp_path):
    (tmp_path / "a").mkdir()
    assert inside(tmp_path, "a/b/../c.pdf") == (tmp_path / "a" / "c.pdf").resolve()
    assert inside(tmp_path, "nyt") == (tmp_path / "nyt").resolve()


@pytest.mark.parametrize("value", ["", None, "..", "../../etc", "a/b-cdefgh", "/tmp/abcdefgh", "~abcdefgh", "abc",
                                   "abcd\nefgh", "x" * 65])
def test_a_document_set_id_is_never_a_path(value):
    with pytest.raises(ConfigError):
        workbook_id(value)


def test_a_document_set_id_is_a_plain_token():
    assert workbook_id(" 6F0E6C1E-7a43-4d4b-9a55-2f3b6f1b0b5e ") == "6f0e6c1e-7a43-4d4b-9a55-2f3b6f1b0b5e"


def test_settings_from_file_and_environment_the_environment_wins(tmp_path):
    config = tmp_path / "server.toml"
    config.write_text('[server]\ndata_root = "data"\noutput_root = "out"\nallowed_hosts = ["budget.lejre.dk"]\n'
                      'max_similar = 7\n', encoding="utf-8")
    data = from_environment({"BUDGETBOOK_SERVER_CONFIG": str(config),
                             "BUDGETBOOK_OUTPUT_ROOT": str(tmp_path / "packs")})
    settings = ServerSettings.resolve(data)
    assert settings.output_root == (tmp_path / "packs").resolve() and settings.output_root.is_dir()
    assert settings.allowed_hosts == ("budget.lejre.dk",) and settings.max_similar == 7
    assert settings.allowed_origins == {"https://budget.lejre.dk"}


@pytest.mark.parametrize("data, word", [
    ({"output_root": "x"}, "BUDGETBOOK_DATA_ROOT"),
    ({"data_root": "x", "output_root": "y", "colour": "red"}, "colour"),
    ({"data_root": "x", "output_root": "y", "workers": "0"}, "workers"),
    ({"data_root": "x", "output_root": "y", "allowed_hosts": ""}, "ALLOWED_HOSTS"),
    ({"data_root": "x", "output_root": "y", "users": "/no/such/file"}, "not a file"),
])
def test_bad_settings_name_the_key(tmp_path, monkeypatch, data, word):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ConfigError, match=word):
        ServerSettings.resolve(data)


def test_a_confirmation_is_for_one_subject_once_and_expires():
    now = [0.0]
    tokens = Confirmations(lifetime=60, clock=lambda: now[0])
    token = tokens.issue(("Anne", "bog", "sha"))
    assert not tokens.redeem(token, ("Bo", "bog", "sha"))  # another user: refused, and the token is spent
    assert not tokens.redeem(token, ("Anne", "bog", "sha"))
    token = tokens.issue(("Anne", "bog", "sha"))
    assert tokens.redeem(token, ("Anne", "bog", "sha"))
    assert not tokens.redeem(token, ("Anne", "bog", "sha"))  # once
    token = tokens.issue(("Anne", "bog", "sha"))
    now[0] = 61
    assert not tokens.redeem(token, ("Anne", "bog", "sha"))  # expired


def test_users_file_keeps_hashes_and_finds_the_user_by_key(tmp_path):
    path = tmp_path / "users.toml"
    anne, bo = add_user(path, "Anne Hansen"), add_user(path, "Bo Ørsted")
    text = path.read_text(encoding="utf-8")
    assert anne not in text and bo not in text and path.stat().st_mode & 0o777 == 0o600
    users = read_users(path)
    assert user_of(anne, users) == "Anne Hansen" and user_of(f"Bearer {bo}", users) == "Bo Ørsted"
    assert user_of("", users) is None and user_of(anne + "x", users) is None
    with pytest.raises(ConfigError):
        add_user(path, 'Anne"\n[users]')


def test_a_new_users_file_is_never_readable_by_others(tmp_path, monkeypatch):
    """The hashes are written into a file that is private from its first byte (umask 022 or not)."""
    import os

    import budgetbook.files

    seen = []
    replace = os.replace
    monkeypatch.setattr(budgetbook.files.os, "replace",
                        lambda src, dst: (seen.append(os.stat(src).st_mode & 0o777), replace(src, dst)))
    add_user(tmp_path / "users.toml", "Anne Hansen")
    assert seen == [0o600]


def test_a_script_runs_in_the_pool_and_leaves_the_event_loop_free():
    """The handler blocks until a coroutine on the loop releases it: on the loop itself it never would."""
    from xlpy.offload import offloaded

    released = threading.Event()
    threads = []

    def handler() -> bool:
        threads.append(threading.current_thread().name)
        return released.wait(timeout=30)

    async def both() -> bool:
        running = asyncio.ensure_future(offloaded(handler)())
        while not threads:
            await asyncio.sleep(0.01)
        released.set()  # runs only because the loop is free while the handler waits
        return await running

    assert asyncio.run(both()) is True
    assert threads[0].startswith("budgetbook")


def test_the_local_certificate_is_signed_by_its_ca_for_the_hosts(tmp_path):
    pytest.importorskip("cryptography")
    from xlpy.local_cert import ensure_certificate

    made = ensure_certificate(tmp_path, ("127.0.0.1", "localhost"))
    context = ssl.create_default_context(cafile=str(made.ca))
    context.load_cert_chain(made.cert, made.key)  # key and certificate belong together
    before = made.cert.read_bytes()
    assert ensure_certificate(tmp_path, ("127.0.0.1", "localhost")).cert.read_bytes() == before  # kept
    ensure_certificate(tmp_path, ("127.0.0.1", "budget.local"))
    assert made.cert.read_bytes() != before  # a new host gets a new certificate from the same CA
    assert "certutil" in made.trust_instructions() and str(Path(made.ca)) in made.trust_instructions()


def test_times_are_shown_in_danish_time_and_words():
    from xlpy.documents import danish_time

    assert danish_time("2026-11-29T19:02:00+00:00") == "29.11.2026 kl. 20.02"  # winter: UTC+1
    assert danish_time("2026-07-01T10:00:00+00:00") == "01.07.2026 kl. 12.00"  # summer: UTC+2
    assert danish_time("ikke en tid") == "ikke en tid"
