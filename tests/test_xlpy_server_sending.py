"""Send pakker through the real server to a real SMTP server (aiosmtpd): nothing without the dialog's
token, everything with it, and a token works once; plus the server's upload limit."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest

pytest.importorskip("xlwings_server")
pytest.importorskip("aiosmtpd")

from tests.smtp_server import smtp_server  # noqa: E402
from tests.xlwings_server import ROOT, start_server  # noqa: E402

LIST_TXT = ROOT / "samples" / "reduction_list" / "lejre-2023.txt"


@pytest.fixture(autouse=True)
def licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")


@pytest.fixture(scope="module")
def mail():
    with smtp_server() as (controller, handler):
        yield controller, handler


@pytest.fixture(scope="module")
def server(tmp_path_factory, mail):
    controller, _ = mail
    root = tmp_path_factory.mktemp("sending-server")
    address_book = root / "committees.toml"
    text = (ROOT / "committees.toml").read_text(encoding="utf-8")
    address_book.write_text(text.replace('host = "smtp.lejre.example"', 'host = "127.0.0.1"')
                            .replace("port = 587", f"port = {controller.port}")
                            .replace("starttls = true", "starttls = false"), encoding="utf-8")
    yield from start_server(root, {"BUDGETBOOK_ADDRESS_BOOK": str(address_book), "BUDGETBOOK_MAX_UPLOAD_MB": "1"})


@pytest.fixture
def client(server):
    with server.client() as client:
        yield client


def payload(tmp_path: Path, settings: dict[str, object]) -> dict:
    from workbook.api import build_workbook
    from xlpy.payload import book_payload, with_settings

    build_workbook([LIST_TXT], tmp_path / "Budget.xlsx")
    return with_settings(book_payload(tmp_path / "Budget.xlsx"), settings)


def alert_of(answer) -> str:
    return next(a["args"][0] for a in answer.json()["actions"] if a["func"] == "alert")


def test_the_confirmed_token_sends_every_pack_once_and_the_token_is_spent(client, mail, tmp_path):
    _, handler = mail
    workbook = str(uuid.uuid4())
    client.post("/budget/documents", data={"workbook": workbook}, files={"file": (LIST_TXT.name, LIST_TXT.read_bytes())})
    book = payload(tmp_path, {"Dokumentsæt": workbook, "Prøvekørsel": "Nej"})
    assert client.post("/xlwings/custom-scripts-call/build_packs", json=book).status_code == 200
    before = len(handler.deliveries)
    assert "Intet er sendt" in alert_of(client.post("/xlwings/custom-scripts-call/send_packs", json=book))
    assert len(handler.deliveries) == before

    plan = client.post("/budget/send-plan", json=book).json()
    sent = client.post("/xlwings/custom-scripts-call/send_packs", json={**book, "args": [plan["token"]]})
    assert sent.status_code == 200, sent.text
    delivered = handler.deliveries[before:]
    assert delivered, alert_of(sent)
    addresses = {address for r in plan["recipients"] for address in r["addresses"]}
    assert {a for d in delivered for a in d.rcpt_tos} == {a.split("<")[-1].rstrip(">") for a in addresses}
    again = client.post("/xlwings/custom-scripts-call/send_packs", json={**book, "args": [plan["token"]]})
    assert "Intet er sendt" in alert_of(again) and len(handler.deliveries) == before + len(delivered)


def test_a_token_of_another_user_does_not_send(server, client, mail, tmp_path):
    from xlpy.server_users import add_user

    _, handler = mail
    workbook = str(uuid.uuid4())
    client.post("/budget/documents", data={"workbook": workbook}, files={"file": (LIST_TXT.name, LIST_TXT.read_bytes())})
    book = payload(tmp_path, {"Dokumentsæt": workbook, "Prøvekørsel": "Nej"})
    client.post("/xlwings/custom-scripts-call/build_packs", json=book)
    token = client.post("/budget/send-plan", json=book).json()["token"]
    other_key = add_user(server.data_root.parent / "users.toml", "Bo Ørsted")
    before = len(handler.deliveries)
    with server.client(key=other_key) as other:
        refused = other.post("/xlwings/custom-scripts-call/send_packs", json={**book, "args": [token]})
    assert "Intet er sendt" in alert_of(refused) and len(handler.deliveries) == before


def test_an_upload_over_the_limit_is_refused_and_not_stored(client, server):
    workbook = str(uuid.uuid4())
    big = client.post("/budget/documents", data={"workbook": workbook},
                      files={"file": ("stor.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10))})
    assert big.status_code == 413 and "1 MB" in big.json()["detail"]
    assert not (server.data_root / workbook / "stor.pdf").exists()
