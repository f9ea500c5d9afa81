"""Sending packs against a real SMTP server (aiosmtpd on 127.0.0.1, started per test)."""

from __future__ import annotations

import hashlib
import io
import json
import smtplib
from datetime import datetime, timedelta, timezone
from email import message_from_bytes, policy
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from budgetbook.errors import ConfigError, SendError, SourceError
from budgetbook.file_names import unique_file_names
from budgetbook.sending import Status, send_packs
from budgetbook.sending.log import LOG_NAME
from tests.smtp_server import (
    RecordingHandler,
    password_authenticator,
    self_signed_certificate,
    server_tls_context,
    smtp_server,
)

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WHEN = datetime(2024, 3, 15, 10, 30, tzinfo=timezone(timedelta(hours=1)))

COMMITTEES = {  # short: (name, recipients, cc)
    "ØU": ("Økonomiudvalget", ["Søren Ærø <soeren@lejre.example>"], ["budget@lejre.example"]),
    "UBU": ("Udvalget for Børn og Ungdom", ["ubu@lejre.example", "formand.ubu@lejre.example"], ["budget@lejre.example"]),
    "USSÆ": ("Udvalget for Social, Sundhed og Ældre", ["ussae@lejre.example"], []),
}


# --- fixture builders: a packs folder as the pack builder writes it, and an address book ---

def make_pack(short: str, amount: int) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Udvalg"
    sheet.append(["Udvalg", "Beløb (1.000 kr.)"])
    sheet.append([short, amount])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def make_packs(folder: Path, errors: dict[str, int] | None = None, amounts: dict[str, int] | None = None,
               shorts: tuple[str, ...] = ("ØU", "UBU", "USSÆ")) -> Path:
    """One real `<short>.xlsx` per committee plus `packs.json`; returns the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    entries = []
    names = unique_file_names(shorts, ".xlsx")  # as the pack builder names them
    for i, short in enumerate(shorts):
        path = folder / names[short]
        if path.exists() and short not in (amounts or {}):
            data = path.read_bytes()  # unchanged pack: same bytes (openpyxl stamps the save time)
        else:
            data = make_pack(short, (amounts or {}).get(short, 1000 + i))
            path.write_bytes(data)
        entries.append({"udvalg": short, "file": names[short], "sha256": hashlib.sha256(data).hexdigest(),
                        "errors": (errors or {}).get(short, 0), "warnings": 2})
    manifest = {"budget_year": "2024", "created": WHEN.isoformat(), "packs": entries}
    (folder / "packs.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return folder


def toml_list(values: list[str]) -> str:
    return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"


def write_config(path: Path, port: int, starttls: bool = False, extra_smtp: str = "",
                 committees: dict[str, tuple[str, list[str], list[str]]] = COMMITTEES) -> Path:
    parts = [f"""
[smtp]
host = "127.0.0.1"
port = {port}
starttls = {str(starttls).lower()}
sender = "Økonomi og Analyse <budget@lejre.example>"
timeout = 5
{extra_smtp}

[message]
subject = "Budget {{budget_year}}: materiale til {{navn}} ({{udvalg}})"
body = '''
Kære {{navn}}

Vedhæftet er budgetmaterialet for {{budget_year}}, dannet {{date}}. Status: {{status}}.
Med venlig hilsen, Økonomi og Analyse – æøå ÆØÅ
'''
"""]
    for short, (name, recipients, cc) in committees.items():
        parts.append(f"""
[[committee]]
name = "{name}"
short = "{short}"
recipients = {toml_list(recipients)}
cc = {toml_list(cc)}
""")
    path.write_text("".join(parts), encoding="utf-8")
    return path


def log_entries(packs: Path) -> list[dict]:
    return [json.loads(line) for line in (packs / LOG_NAME).read_text(encoding="utf-8").splitlines()]


def attachment_of(message) -> tuple[str, str, bytes]:
    (part,) = list(message.iter_attachments())
    return part.get_content_type(), part.get_filename(), part.get_payload(decode=True)


# --- tests ---

def test_sends_each_pack_with_danish_text_and_identical_attachment(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    with smtp_server() as (controller, server):
        report = send_packs(packs, write_config(tmp_path / "c.toml", controller.port), env={}, now=WHEN)

    assert report.ok, str(report)
    assert [o.status for o in report.outcomes] == [Status.SENT] * 3
    assert len(server.deliveries) == 3
    by_subject = {d.message["Subject"]: d for d in server.deliveries}
    oeu = by_subject["Budget 2024: materiale til Økonomiudvalget (ØU)"]
    assert oeu.mail_from == "budget@lejre.example"
    assert oeu.rcpt_tos == ["soeren@lejre.example", "budget@lejre.example"]  # to + cc as envelope recipients
    message = oeu.message
    assert message["From"] == "Økonomi og Analyse <budget@lejre.example>"
    assert message["To"] == "Søren Ærø <soeren@lejre.example>"
    assert message["Cc"] == "budget@lejre.example"
    assert message["Message-ID"].startswith("<") and message["Date"]
    raw_headers = oeu.content.split(b"\r\n\r\n", 1)[0]
    assert raw_headers.isascii()  # Danish letters travel RFC 2047-encoded, not as raw 8-bit
    body = message.get_body(("plain",)).get_content()
    assert "Kære Økonomiudvalget" in body and "æøå ÆØÅ" in body and "15.03.2024" in body
    assert "Status: ingen fejl, 2 advarsler." in body
    content_type, filename, payload = attachment_of(message)
    assert (content_type, filename) == (XLSX, "ØU.xlsx")
    assert b"filename*=utf-8''%C3%98U.xlsx" in oeu.content  # RFC 2231
    assert payload == (packs / "ØU.xlsx").read_bytes()
    assert pd.read_excel(io.BytesIO(payload)).iloc[0, 1] == 1000
    ubu = by_subject["Budget 2024: materiale til Udvalget for Børn og Ungdom (UBU)"]
    assert ubu.rcpt_tos == ["ubu@lejre.example", "formand.ubu@lejre.example", "budget@lejre.example"]

    events = log_entries(packs)
    assert [e["event"] for e in events] == ["attempt", "result"] * 3
    assert events[0]["sha256"] == hashlib.sha256((packs / "ØU.xlsx").read_bytes()).hexdigest()
    assert events[1]["status"] == "delivered" and events[1]["reply"].startswith("250")
    assert "ØU: sent - ØU.xlsx to soeren@lejre.example, budget@lejre.example; server: 250" in str(report)


def test_second_run_sends_only_the_changed_pack(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    with smtp_server() as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        send_packs(packs, config, env={})
        again = send_packs(packs, config, env={})
        assert [o.status for o in again.outcomes] == [Status.UNCHANGED] * 3
        make_packs(packs, amounts={"UBU": 999_999})  # only UBU's bytes change
        third = send_packs(packs, config, env={})
    statuses = {o.udvalg: o.status for o in third.outcomes}
    assert statuses == {"ØU": Status.UNCHANGED, "UBU": Status.SENT, "USSÆ": Status.UNCHANGED}
    assert len(server.deliveries) == 4
    assert len(server.received_by("ubu@lejre.example")) == 2


def test_refused_recipient_is_reported_and_retried_alone(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    handler = RecordingHandler(refuse={"formand.ubu@lejre.example"})
    with smtp_server(handler) as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        first = send_packs(packs, config, env={})
        ubu = first.by_udvalg()["UBU"]
        assert ubu.status is Status.REFUSED and not first.ok and first.exit_code == 1
        assert "formand.ubu@lejre.example refused (550 5.1.1" in ubu.detail
        assert server.received_by("ubu@lejre.example")  # the others got it
        handler.refuse.clear()  # IT fixed the mailbox
        second = send_packs(packs, config, env={})
        third = send_packs(packs, config, env={})
    assert {o.udvalg: o.status for o in second.outcomes} == {
        "ØU": Status.UNCHANGED, "UBU": Status.SENT, "USSÆ": Status.UNCHANGED}
    assert second.by_udvalg()["UBU"].recipients == ("formand.ubu@lejre.example",)
    assert third.ok and all(o.status is Status.UNCHANGED for o in third.outcomes)
    for address in ("ubu@lejre.example", "formand.ubu@lejre.example", "soeren@lejre.example", "ussae@lejre.example"):
        assert len(server.received_by(address)) == 1, address
    assert len(server.received_by("budget@lejre.example")) == 2  # cc of ØU and UBU, once each


def test_dropped_connection_is_reported_and_next_run_sends_only_the_rest(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    handler = RecordingHandler(drop_after=1)
    with smtp_server(handler) as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        first = send_packs(packs, config, env={})
        statuses = [o.status for o in first.outcomes]
        assert statuses == [Status.SENT, Status.FAILED, Status.NOT_ATTEMPTED], str(first)
        assert "connection lost" in first.by_udvalg()["UBU"].detail
        assert len(server.deliveries) == 1
        second = send_packs(packs, config, env={})
    assert [o.status for o in second.outcomes] == [Status.UNCHANGED, Status.SENT, Status.SENT]
    assert sorted(d.message["Subject"].split("(")[-1] for d in server.deliveries) == ["UBU)", "USSÆ)", "ØU)"]


def test_connection_lost_during_data_is_uncertain_and_never_resent_unasked(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    handler = RecordingHandler(drop_in_data=2)  # the server keeps UBU's mail but never says so
    with smtp_server(handler) as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        first = send_packs(packs, config, env={})
        assert first.by_udvalg()["UBU"].status is Status.UNCERTAIN
        second = send_packs(packs, config, env={})
        ubu = second.by_udvalg()["UBU"]
        assert ubu.status is Status.UNCERTAIN and "resend=UBU" in ubu.detail
        assert second.by_udvalg()["USSÆ"].status is Status.SENT
        assert len(server.received_by("ubu@lejre.example")) == 1
        third = send_packs(packs, config, env={}, resend=["UBU"])  # the user checked: not received
    assert third.by_udvalg()["UBU"].status is Status.SENT
    assert len(server.received_by("ubu@lejre.example")) == 2
    assert len(server.deliveries) == 4


def test_crash_between_attempt_and_result_is_uncertain(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    packs = make_packs(tmp_path / "packs")
    original = smtplib.SMTP.data

    def data_then_die(self, msg):
        original(self, msg)
        raise KeyboardInterrupt  # the process dies after DATA, before the result is logged

    with smtp_server() as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        monkeypatch.setattr(smtplib.SMTP, "data", data_then_die)
        with pytest.raises(KeyboardInterrupt):
            send_packs(packs, config, env={})
        monkeypatch.setattr(smtplib.SMTP, "data", original)
        assert [e["event"] for e in log_entries(packs)] == ["attempt"]
        second = send_packs(packs, config, env={})
    assert [o.status for o in second.outcomes] == [Status.UNCERTAIN, Status.SENT, Status.SENT]
    assert len(server.received_by("soeren@lejre.example")) == 1


def test_torn_last_log_line_keeps_earlier_lines(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    with smtp_server() as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        send_packs(packs, config, env={})
        with (packs / LOG_NAME).open("ab") as log:
            log.write(b'{"event": "attempt", "id": "x')  # a crash mid-write
        make_packs(packs, amounts={"ØU": 5})
        report = send_packs(packs, config, env={})
        assert report.by_udvalg()["ØU"].status is Status.SENT
        assert any("line 7: cut off by a crash" in note for note in report.notes)
        again = send_packs(packs, config, env={})  # the torn line, now mid-file, is still recognised
    assert [o.status for o in again.outcomes] == [Status.UNCHANGED] * 3
    assert any("line 7: cut off by a crash" in note for note in again.notes)
    assert len(server.deliveries) == 4
    lines = (packs / LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["event"] for line in lines[:6]] == ["attempt", "result"] * 3
    assert lines[6] == '{"event": "attempt", "id": "x'  # left as it was: the log is never rewritten
    assert [json.loads(line)["event"] for line in lines[7:]] == ["torn-line-above", "attempt", "result"]


def test_unreadable_log_line_in_the_middle_is_an_error(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    (packs / LOG_NAME).write_text('{"event": "attempt"\n{"event": "result", "id": "1", "status": "delivered",'
                                  ' "at": "x"}\n', encoding="utf-8")
    with pytest.raises(SourceError, match="Unreadable send log entry .*line 1.*never be edited"):
        send_packs(packs, write_config(tmp_path / "c.toml", 1), env={})


def test_pack_with_errors_is_blocked_unless_forced(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs", errors={"UBU": 3})
    with smtp_server() as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        blocked = send_packs(packs, config, env={})
        ubu = blocked.by_udvalg()["UBU"]
        assert ubu.status is Status.BLOCKED and "--force" in ubu.detail and blocked.exit_code == 1
        assert not server.received_by("ubu@lejre.example")
        forced = send_packs(packs, config, env={}, force=True)
    assert forced.by_udvalg()["UBU"].status is Status.SENT
    (delivery,) = server.received_by("ubu@lejre.example")
    message = delivery.message
    assert message["Subject"].startswith("[VALIDERINGSFEJL] Budget 2024")
    body = message.get_body(("plain",)).get_content()
    assert body.startswith("OBS: Denne pakke sendes, selvom valideringen fandt 3 fejl.")
    assert "Status: 3 fejl, 2 advarsler." in body


def test_pack_changed_after_manifest_is_not_sent(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    (packs / "USSÆ.xlsx").write_bytes(make_pack("USSÆ", 1))
    with smtp_server() as (controller, server):
        report = send_packs(packs, write_config(tmp_path / "c.toml", controller.port), env={})
    assert report.by_udvalg()["USSÆ"].status is Status.PROBLEM
    assert "rebuild the packs" in report.by_udvalg()["USSÆ"].detail
    assert not server.received_by("ussae@lejre.example")


def test_dry_run_writes_parseable_eml_and_sends_nothing(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs", errors={"UBU": 1})
    outbox = tmp_path / "outbox"
    config = write_config(tmp_path / "c.toml", 1)  # no server at port 1: a dry run never connects
    report = send_packs(packs, config, dry_run=True, outbox=outbox, env={}, now=WHEN)
    assert [o.status for o in report.outcomes] == [Status.WRITTEN, Status.BLOCKED, Status.WRITTEN]
    assert sorted(p.name for p in outbox.iterdir()) == ["USSÆ.eml", "ØU.eml"]
    assert not (packs / LOG_NAME).exists()
    message = message_from_bytes((outbox / "ØU.eml").read_bytes(), policy=policy.default)
    assert message["Subject"] == "Budget 2024: materiale til Økonomiudvalget (ØU)"
    assert message["Date"] == "Fri, 15 Mar 2024 10:30:00 +0100"
    assert attachment_of(message) == (XLSX, "ØU.xlsx", (packs / "ØU.xlsx").read_bytes())
    assert str(report).endswith("Dry run: 2 written, 1 blocked.")


def test_starttls_required_but_not_offered_is_a_clear_error(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    with smtp_server() as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port, starttls=True)
        with pytest.raises(SendError, match="does not offer STARTTLS, but committees.toml says starttls = true"):
            send_packs(packs, config, env={})
    assert not server.deliveries and not (packs / LOG_NAME).exists()


def test_starttls_and_login_from_environment(tmp_path: Path) -> None:
    cert, key = self_signed_certificate(tmp_path)
    packs = make_packs(tmp_path / "packs", shorts=("ØU",))
    env = {"BUDGETBOOK_SMTP_USER": "okonomi", "BUDGETBOOK_SMTP_PASSWORD": "hemmeligt-æøå"}
    options = {"tls_context": server_tls_context(cert, key), "require_starttls": True,
               "authenticator": password_authenticator("okonomi", "hemmeligt-æøå"), "auth_required": True}
    with smtp_server(**options) as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port, starttls=True, extra_smtp=f'cafile = "{cert}"')
        report = send_packs(packs, config, env=env)
        assert report.ok, str(report)
        assert len(server.deliveries) == 1
        with pytest.raises(SendError, match="refused the login"):
            send_packs(make_packs(tmp_path / "other", shorts=("ØU",)), config,
                       env={**env, "BUDGETBOOK_SMTP_PASSWORD": "forkert"})
        untrusted = write_config(tmp_path / "u.toml", controller.port, starttls=True)
        with pytest.raises(SendError, match="set \\[smtp\\] cafile"):
            send_packs(make_packs(tmp_path / "third", shorts=("ØU",)), untrusted, env=env)


def test_resend_of_unknown_committee_is_an_error(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    with pytest.raises(ConfigError, match="resend: no pack for UTMB"):
        send_packs(packs, write_config(tmp_path / "c.toml", 1), env={}, resend=["UTMB"])


def test_unreachable_server_is_a_clear_error(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    from tests.smtp_server import free_port

    with pytest.raises(SendError, match="Cannot connect to the mail server 127.0.0.1:.*check \\[smtp\\] host"):
        send_packs(packs, write_config(tmp_path / "c.toml", free_port()), env={})


def test_example_committees_toml_is_valid() -> None:
    from budgetbook.sending.committees import read_address_book

    book = read_address_book(Path(__file__).parent.parent / "committees.toml", env={})
    assert [c.short for c in book.committees] == ["ØU", "UBU", "UJAI", "UTMB", "USSÆ"]
    assert book.smtp.starttls and book.smtp.port == 587


def test_cli_send_dry_run_prints_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from budgetbook.cli import main

    packs = make_packs(tmp_path / "packs", errors={"UBU": 1})
    config = write_config(tmp_path / "c.toml", 1)
    code = main(["send", str(packs), "--config", str(config), "--dry-run", "--outbox", str(tmp_path / "ob")])
    out = capsys.readouterr().out
    assert code == 1 and "UBU: BLOCKED" in out and "Dry run: 2 written, 1 blocked." in out
    assert (tmp_path / "ob" / "ØU.eml").exists()


# --- a server that says no after the message, or never finishes ---

@pytest.mark.parametrize("reply", [
    "554 5.7.1 Message rejected by content filter",
    "552 5.3.4 Message size exceeds fixed limit",
    "452 4.2.2 Mailbox full",
])
def test_refusal_after_data_is_a_failure_and_retried_next_run(tmp_path: Path, reply: str) -> None:
    packs = make_packs(tmp_path / "packs")
    handler = RecordingHandler(data_replies=["250 2.0.0 Ok: queued", reply])  # ØU goes through, UBU is refused
    with smtp_server(handler) as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        first = send_packs(packs, config, env={})
        ubu = first.by_udvalg()["UBU"]
        assert ubu.status is Status.FAILED and first.exit_code == 1, str(first)
        assert reply.split()[0] in ubu.detail and "tried again next run" in ubu.detail
        assert [o.status for o in first.outcomes] == [Status.SENT, Status.FAILED, Status.SENT]
        results = [e for e in log_entries(packs) if e["event"] == "result"]
        assert [r["status"] for r in results] == ["delivered", "failed", "delivered"]
        assert results[1]["reply"].startswith(reply.split()[0])
        second = send_packs(packs, config, env={})
        third = send_packs(packs, config, env={})
    assert [o.status for o in second.outcomes] == [Status.UNCHANGED, Status.SENT, Status.UNCHANGED]
    assert third.ok and all(o.status is Status.UNCHANGED for o in third.outcomes)
    assert len(server.received_by("ubu@lejre.example")) == 1  # the accepted second attempt only
    assert len(server.rejected) == 1


def test_greeting_that_never_ends_stops_at_the_session_deadline(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    with smtp_server(drip_greeting=True) as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port, extra_smtp="deadline = 1")
        with pytest.raises(SendError, match="did not finish greeting within the deadline .*deadline of 1 s"):
            send_packs(packs, config, env={})
    assert not server.deliveries and not (packs / LOG_NAME).exists()


def test_reply_to_the_message_that_never_ends_is_uncertain_at_the_deadline(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    handler = RecordingHandler(drip_in_data=True)
    with smtp_server(handler) as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port, extra_smtp="deadline = 2")
        report = send_packs(packs, config, env={})
    assert [o.status for o in report.outcomes] == [Status.UNCERTAIN, Status.NOT_ATTEMPTED, Status.NOT_ATTEMPTED]
    assert "deadline of 2 s" in report.by_udvalg()["ØU"].detail
    assert [e.get("status") for e in log_entries(packs) if e["event"] == "result"] == ["uncertain"]
    assert len(server.deliveries) == 1


def test_dry_run_names_outbox_files_like_the_packs(tmp_path: Path) -> None:
    committees = {"USS/E": ("Social", ["usse@lejre.example"], []), "../../x": ("X", ["x@lejre.example"], []),
                  "USS-E": ("Social 2", ["usse2@lejre.example"], [])}
    packs = make_packs(tmp_path / "packs", shorts=tuple(committees))
    outbox = tmp_path / "deep" / "outbox"
    config = write_config(tmp_path / "c.toml", 1, committees=committees)
    report = send_packs(packs, config, dry_run=True, outbox=outbox, env={})
    assert [o.status for o in report.outcomes] == [Status.WRITTEN] * 3, str(report)
    assert sorted(p.name for p in outbox.iterdir()) == ["-..-x.eml", "USS-E (2).eml", "USS-E.eml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.toml", "deep", "packs"]  # nothing written outside
    message = message_from_bytes((outbox / "USS-E.eml").read_bytes(), policy=policy.default)
    assert message["To"] == "usse@lejre.example"


# --- progress: one step, a mail at a time, told only between a mail's logged attempt and the next ---

def test_progress_counts_the_mails_and_is_told_only_after_each_result_is_logged(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")
    heard: list[tuple[str, int, int, list[str]]] = []

    def progress(step: str, done: int, total: int) -> None:
        logged = [e["event"] for e in log_entries(packs)] if (packs / LOG_NAME).exists() else []
        heard.append((step, done, total, logged))

    with smtp_server() as (controller, server):
        send_packs(packs, write_config(tmp_path / "c.toml", controller.port), env={}, progress=progress)
    assert [(step, done, total) for step, done, total, _ in heard] == [("sending", n, 3) for n in range(4)]
    assert [logged for *_, logged in heard] == [[], ["attempt", "result"], ["attempt", "result"] * 2,
                                                ["attempt", "result"] * 3]


def test_interrupted_while_showing_progress_sends_the_rest_next_run_and_nothing_twice(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs")

    def interrupted_after_the_first(step: str, done: int, total: int) -> None:
        if done == 1:
            raise KeyboardInterrupt  # Ctrl-C while the bar is drawn

    with smtp_server() as (controller, server):
        config = write_config(tmp_path / "c.toml", controller.port)
        with pytest.raises(KeyboardInterrupt):
            send_packs(packs, config, env={}, progress=interrupted_after_the_first)
        assert [e["event"] for e in log_entries(packs)] == ["attempt", "result"]
        second = send_packs(packs, config, env={})
    assert [o.status for o in second.outcomes] == [Status.UNCHANGED, Status.SENT, Status.SENT]
    for address in ("soeren@lejre.example", "ubu@lejre.example", "ussae@lejre.example"):
        assert len(server.received_by(address)) == 1, address


def test_dry_run_and_nothing_to_send_report_progress_too(tmp_path: Path) -> None:
    packs = make_packs(tmp_path / "packs", errors={"UBU": 1})
    heard: list[tuple[str, int, int]] = []
    send_packs(packs, write_config(tmp_path / "c.toml", 1), dry_run=True, outbox=tmp_path / "ob",
               progress=lambda *told: heard.append(told))
    assert heard == [("sending", 0, 2), ("sending", 1, 2), ("sending", 2, 2)]  # UBU is blocked: two mails


def test_cli_send_shows_a_progress_bar(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from budgetbook.cli import main

    monkeypatch.setenv("BUDGETBOOK_PROGRESS", "1")
    packs = make_packs(tmp_path / "packs")
    with smtp_server() as (controller, server):
        code = main(["send", str(packs), "--config", str(write_config(tmp_path / "c.toml", controller.port))])
    captured = capsys.readouterr()
    assert code == 0 and captured.out.endswith("3 sent.\n"), captured.out
    assert len(server.deliveries) == 3
    assert "Sending packs" in captured.err and "3/3" in captured.err
