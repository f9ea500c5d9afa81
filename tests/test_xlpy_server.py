"""The Office.js add-in's server, the real xlwings-server app over HTTPS: manifest, icons, scripts, functions,
the documents of a workbook, the findings, sending only after confirmation, and every refusal."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from lxml import etree

pytest.importorskip("xlwings_server")

from tests.xlwings_server import USER, start_server  # noqa: E402

SAMPLES = Path(__file__).parent.parent / "samples"
LIST_PDF = SAMPLES / "reduction_list" / "lejre-2023.pdf"
LIST_TXT = SAMPLES / "reduction_list" / "lejre-2023.txt"
CATALOGUE = SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt"
FORMS = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.docx"
NS = {"o": "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
      "bt": "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
      "a": "http://schemas.microsoft.com/office/appforoffice/1.1"}
RIBBON_JS = Path(__file__).parent.parent / "xlpy" / "officejs" / "static" / "js" / "ribbon.js"


@pytest.fixture(autouse=True)
def licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")  # the payloads are built with the remote engine


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from start_server(tmp_path_factory.mktemp("server"))


@pytest.fixture
def client(server):
    with server.client() as client:
        yield client


@pytest.fixture(scope="module")
def built_book(tmp_path_factory) -> Path:
    from workbook.api import build_workbook

    target = tmp_path_factory.mktemp("book") / "Budget.xlsx"
    build_workbook([LIST_TXT], target)
    return target


def new_workbook() -> str:
    return str(uuid.uuid4())


def payload_for(book: Path, settings: dict[str, object]) -> dict:
    from xlpy.payload import book_payload, with_settings

    return with_settings(book_payload(book), settings)


def upload(client, workbook: str, path: Path, name: str | None = None, replaces: str = "", fmt: str = "json"):
    files = {"file": (name or path.name, path.read_bytes())}
    return client.post("/budget/documents", data={"workbook": workbook, "replaces": replaces, "format": fmt},
                       files=files)


def alerts(answer: dict) -> list[str]:
    return [a["args"][0] for a in answer["actions"] if a["func"] == "alert"]


# --- the manifest and what it points at ------------------------------------------------------

def test_the_manifest_has_the_budget_tab_with_a_button_per_script_and_the_task_pane(client, server):
    response = client.get("/manifest.xml")
    assert response.status_code == 200
    manifest = etree.fromstring(response.content)
    strings = {s.get("id"): s.get("DefaultValue") for s in manifest.iter(f"{{{NS['bt']}}}String")}
    tab = manifest.find(".//o:CustomTab", NS)
    assert strings[tab.find("o:Label", NS).get("resid")] == "Budget"
    labels = [strings[c.find("o:Label", NS).get("resid")] for c in tab.iterfind(".//o:Control", NS)]
    assert labels == ["Opdater", "Valider", "Dokumenter", "Byg pakker", "Send pakker"]
    functions = [f.text for f in manifest.iterfind(".//o:FunctionName", NS)]
    assert functions == ["refresh", "validate", "build_packs", "send_packs"]
    ribbon = RIBBON_JS.read_text(encoding="utf-8")
    assert all(f'Office.actions.associate("{name}"' in ribbon for name in functions)
    assert strings["Functions.Namespace"] == "BUDGET"
    assert manifest.find("a:Id", NS).text == "6f0e6c1e-7a43-4d4b-9a55-2f3b6f1b0b5e"


def test_every_url_in_the_manifest_answers_200_and_icons_are_pngs_of_their_size(client, server):
    from PIL import Image

    text = client.get("/manifest.xml").text
    urls = sorted(set(re.findall(r'"(https://[^"]+)"', text)) | set(re.findall(r">(https://[^<]+)<", text)))
    assert urls and all(url.startswith(server.base) for url in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url
    for size in (16, 32, 64, 80):
        image = Image.open(io.BytesIO(client.get(f"/static/images/icons/budget-{size}.png").content))
        assert image.format == "PNG" and image.size == (size, size)


def test_the_icons_are_the_ones_the_drawing_script_makes(tmp_path):
    from PIL import Image, ImageChops

    from xlpy.officejs_icons import FOLDER, write_icons

    for drawn in write_icons(tmp_path):
        committed = Image.open(FOLDER / drawn.relative_to(tmp_path)).convert("RGBA")
        difference = ImageChops.difference(committed, Image.open(drawn).convert("RGBA"))
        assert max(high for _, high in difference.getextrema()) <= 8, drawn.name  # Pillow versions may round apart


# --- functions ---------------------------------------------------------------------------------

def function_call(name: str, args: list) -> dict:
    import xlwings as xw

    return {"func_name": name, "args": args, "version": xw.__version__, "client": "Office.js", "runtime": "1.4",
            "culture_info_name": "da-DK", "date_format": "dd-mm-yyyy", "caller_address": "Ark1!B1"}


def test_the_server_registers_the_four_functions_and_four_scripts(client):
    meta = client.get("/xlwings/custom-functions-meta").json()
    assert {f["name"] for f in meta["functions"]} == {"BB_TAL", "BB_TOTAL", "BB_SIMILAR", "BB_KILDE"}
    scripts = {s["function_name"]: s["name"] for s in client.get("/xlwings/custom-scripts-meta").json()}
    assert scripts == {"refresh": "Opdater", "validate": "Valider", "build_packs": "Byg pakker",
                       "send_packs": "Send pakker"}


def test_the_custom_functions_code_associates_every_function_and_parses(client, tmp_path):
    code = client.get("/xlwings/custom-functions-code.js").text
    for name in ("BB_TAL", "BB_TOTAL", "BB_SIMILAR", "BB_KILDE"):
        assert f'CustomFunctions.associate("{name}", {name.lower()});' in code
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the syntax check needs it")
    script = tmp_path / "functions.js"
    script.write_text(code, encoding="utf-8")
    subprocess.run([node, "--check", str(script)], check=True, capture_output=True)


def test_bb_tal_over_https(client):
    response = client.post("/xlwings/custom-functions-call", json=function_call("bb_tal", [[["15.036"], ["1,5"]]]))
    assert response.status_code == 200, response.text
    assert response.json()["result"] == [[15036], [1.5]]


def test_bb_similar_reads_the_catalogue_uploaded_for_the_workbook_and_caps_n(client):
    workbook = new_workbook()
    assert upload(client, workbook, CATALOGUE).status_code == 201
    texts = [["Færre biler i kommunens bilflåde"], ["Digital post"]]
    answer = client.post("/xlwings/custom-functions-call", json=function_call("bb_similar", [texts, 2, workbook]))
    assert answer.status_code == 200, answer.text
    rows = answer.json()["result"]
    assert len(rows) == 2 and all(len(row) == 2 and all("(" in cell for cell in row) for row in rows)
    too_many = client.post("/xlwings/custom-functions-call", json=function_call("bb_similar", [texts, 6, workbook]))
    assert "fra 1 til 5" in too_many.json()["result"][0][0]
    for folder in ("../..", "/etc", "~", "x/../../y"):
        refused = client.post("/xlwings/custom-functions-call", json=function_call("bb_similar", [texts, 2, folder]))
        assert "dokumentsæt" in refused.json()["result"][0][0], folder


# --- refusals ------------------------------------------------------------------------------------

def test_without_a_valid_key_every_call_is_refused(server, built_book):
    workbook = new_workbook()
    for key in ("", "not-the-key"):
        with server.client(key=key) as stranger:
            calls = [
                stranger.post("/xlwings/custom-functions-call", json=function_call("bb_tal", [[["1"]]])),
                stranger.post("/xlwings/custom-scripts-call/validate", json=payload_for(built_book, {})),
                stranger.get("/budget/documents", params={"workbook": workbook}),
                stranger.post("/budget/documents", data={"workbook": workbook},
                              files={"file": ("a.txt", b"x")}),
                stranger.delete(f"/budget/documents/a.txt?workbook={workbook}"),
                stranger.get("/budget/findings", params={"workbook": workbook}),
                stranger.post("/budget/send-plan", json=payload_for(built_book, {"Dokumentsæt": workbook})),
                stranger.get("/budget/progress", params={"run": str(uuid.uuid4())}),
            ]
            assert [c.status_code for c in calls] == [401] * len(calls)
    assert not (server.data_root / workbook).exists()


def test_an_unknown_script_or_function_is_a_404_with_one_line(client):
    script = client.post("/xlwings/custom-scripts-call/os.system", json={})
    assert script.status_code == 404 and script.text == "Budget har intet script 'os.system'\n"
    for name in ("settings", "functions", "nope"):
        call = client.post("/xlwings/custom-functions-call", json=function_call(name, []))
        assert call.status_code == 404 and call.text == f"Budget har ingen funktion '{name}'\n"


def test_a_foreign_host_or_origin_is_refused(server, client):
    assert client.get("/", headers={"Host": "evil.example"}).status_code == 421
    assert client.get("/manifest.xml", headers={"Host": "localhost:1"}).status_code == 421
    foreign = client.post("/xlwings/custom-functions-call", json=function_call("bb_tal", [[["1"]]]),
                          headers={"Origin": "https://evil.example"})
    assert foreign.status_code == 403 and foreign.text.count("\n") == 1
    own = client.post("/xlwings/custom-functions-call", json=function_call("bb_tal", [[["1"]]]),
                      headers={"Origin": server.base})
    assert own.status_code == 200


# --- the documents of a workbook --------------------------------------------------------------------

def test_several_documents_are_stored_imported_listed_replaced_and_removed(client, server):
    workbook = new_workbook()
    first = upload(client, workbook, LIST_PDF)
    assert first.status_code == 201, first.text
    upload(client, workbook, FORMS)
    upload(client, workbook, CATALOGUE)
    listed = {d["name"]: d for d in client.get("/budget/documents", params={"workbook": workbook,
                                                                             "format": "json"}).json()["documents"]}
    assert set(listed) == {LIST_PDF.name, FORMS.name, CATALOGUE.name}
    pdf = listed[LIST_PDF.name]
    assert pdf["kind"] == "reduction_list" and pdf["records"] > 20 and pdf["uploaded_by"] == USER
    assert pdf["sha256"] == __import__("hashlib").sha256(LIST_PDF.read_bytes()).hexdigest()
    assert (server.data_root / workbook / LIST_PDF.name).read_bytes() == LIST_PDF.read_bytes()
    html = client.get("/budget/documents", params={"workbook": workbook}).text
    assert "Reduktionsliste" in html and f"{pdf['records']} reduktioner" in html and "Uploadet af Anne Hansen" in html
    replaced = upload(client, workbook, LIST_TXT, replaces=LIST_PDF.name).json()["documents"]
    assert {d["name"] for d in replaced} == {LIST_TXT.name, FORMS.name, CATALOGUE.name}
    assert not (server.data_root / workbook / LIST_PDF.name).exists()
    removed = client.delete(f"/budget/documents/{FORMS.name}", params={"workbook": workbook, "format": "json"})
    assert {d["name"] for d in removed.json()["documents"]} == {LIST_TXT.name, CATALOGUE.name}
    assert client.delete(f"/budget/documents/{FORMS.name}", params={"workbook": workbook}).status_code == 404


def test_a_document_that_cannot_be_read_is_listed_with_its_error(client):
    workbook = new_workbook()
    answer = upload(client, workbook, LIST_TXT, name="noget-andet.txt")
    assert answer.status_code == 201
    broken = client.post("/budget/documents", data={"workbook": workbook, "format": "json"},
                         files={"file": ("skannet.pdf", b"%PDF-1.4 not really")}).json()["documents"]
    entry = next(d for d in broken if d["name"] == "skannet.pdf")
    assert entry["error"] and entry["kind"] is None
    html = client.get("/budget/documents", params={"workbook": workbook}).text
    assert "Kunne ikke læses" in html


def test_upload_names_and_workbook_ids_never_reach_outside_the_data_root(client, server):
    workbook = new_workbook()
    sneaky = upload(client, workbook, LIST_TXT, name="../../../../tmp/evil.txt").json()["documents"]
    assert [d["name"] for d in sneaky] == ["evil.txt"]
    assert (server.data_root / workbook / "evil.txt").exists()
    assert upload(client, workbook, LIST_TXT, name="script.sh").status_code == 400
    for bad in ("../../etc", "/etc", "~root", "..", "a"):
        assert upload(client, bad, LIST_TXT).status_code == 400, bad
        assert client.get("/budget/documents", params={"workbook": bad}).status_code == 400, bad


# --- the ribbon's scripts ---------------------------------------------------------------------------

def test_opdater_builds_from_the_uploaded_documents_not_from_a_folder_the_workbook_names(client, built_book):
    workbook = new_workbook()
    no_documents = client.post("/xlwings/custom-scripts-call/refresh",
                               json=payload_for(built_book, {"Dokumentsæt": workbook, "Kildemappe": "/etc"}))
    assert no_documents.status_code == 200
    [message] = alerts(no_documents.json())
    assert "ingen læsbare dokumenter" in message and "/etc" not in message
    upload(client, workbook, LIST_TXT)
    answer = client.post("/xlwings/custom-scripts-call/refresh",
                         json=payload_for(built_book, {"Dokumentsæt": workbook, "Kildemappe": "/etc"}))
    assert answer.status_code == 200, answer.text
    [summary] = alerts(answer.json())
    assert summary.startswith("Opdateret fra 1 dokumenter uploadet til serveren")
    assert any(a["func"] == "setFormula" and a["values"][0][0] == "CJS" for a in answer.json()["actions"])


def test_without_a_document_set_opdater_says_to_open_the_pane(client, built_book):
    answer = client.post("/xlwings/custom-scripts-call/refresh", json=payload_for(built_book, {}))
    [message] = alerts(answer.json())
    assert "opgavepanelet Dokumenter" in message


def test_valider_keeps_its_findings_for_the_pane(client, built_book):
    from xlpy.payload import book_payload, with_settings

    workbook = new_workbook()
    payload = with_settings(book_payload(built_book), {"Dokumentsæt": workbook})
    cjs = next(s["values"] for s in payload["sheets"] if s["name"] == "CJS")
    total = next(r for r, row in enumerate(cjs) if row[0] == "Total")
    cjs[total][5] = cjs[total][5] + 7
    answer = client.post("/xlwings/custom-scripts-call/validate", json=payload)
    assert answer.status_code == 200, answer.text
    assert "fejl" in alerts(answer.json())[0]
    found = client.get("/budget/findings", params={"workbook": workbook, "format": "json"}).json()["findings"]
    assert found and found[0]["severity"] == "error" and found[0]["cell"].startswith("CJS!")
    html = client.get("/budget/findings", params={"workbook": workbook}).text
    assert f'data-cell="{found[0]["cell"]}"' in html and "Fejl" in html


def test_byg_pakker_writes_below_the_output_root_only(client, server, built_book):
    workbook = new_workbook()
    upload(client, workbook, LIST_TXT)
    answer = client.post("/xlwings/custom-scripts-call/build_packs",
                         json=payload_for(built_book, {"Dokumentsæt": workbook, "Pakkemappe": "/tmp/elsewhere"}))
    assert answer.status_code == 200, answer.text
    assert (server.output_root / workbook / "Pakker" / "packs.json").exists(), alerts(answer.json())
    assert not Path("/tmp/elsewhere").exists()


def test_send_pakker_needs_the_confirmed_token_and_lists_committees_and_recipients(client, server, built_book):
    import json

    workbook = new_workbook()
    upload(client, workbook, LIST_TXT)
    settings = {"Dokumentsæt": workbook, "Prøvekørsel": "Nej"}
    client.post("/xlwings/custom-scripts-call/build_packs", json=payload_for(built_book, settings))
    unconfirmed = client.post("/xlwings/custom-scripts-call/send_packs", json=payload_for(built_book, settings))
    assert "Intet er sendt" in alerts(unconfirmed.json())[0]
    forged = {**payload_for(built_book, settings), "args": ["made-up-token"]}
    assert "Intet er sendt" in alerts(client.post("/xlwings/custom-scripts-call/send_packs", json=forged).json())[0]
    assert not (server.output_root / workbook / "Pakker" / "send-log.jsonl").exists()

    plan = client.post("/budget/send-plan", json=payload_for(built_book, settings)).json()
    assert plan["dry_run"] is False and plan["token"]
    shorts = {r["udvalg"] for r in plan["recipients"]}
    manifest = json.loads((server.output_root / workbook / "Pakker" / "packs.json").read_text(encoding="utf-8"))
    assert shorts == {p["udvalg"] for p in manifest["packs"]}
    assert "ØU (Økonomiudvalget): " in plan["text"] and "oeu-sekretariat@lejre.example" in plan["text"]
    with server.client(key="") as stranger:
        assert stranger.post("/budget/send-plan", json=payload_for(built_book, settings)).status_code == 401


def test_prøvekørsel_writes_the_outbox_below_the_output_root(client, server, built_book):
    workbook = new_workbook()
    upload(client, workbook, LIST_TXT)
    settings = {"Dokumentsæt": workbook}
    client.post("/xlwings/custom-scripts-call/build_packs", json=payload_for(built_book, settings))
    assert client.post("/budget/send-plan", json=payload_for(built_book, settings)).json()["dry_run"] is True
    answer = client.post("/xlwings/custom-scripts-call/send_packs", json=payload_for(built_book, settings))
    assert answer.status_code == 200
    assert list((server.output_root / workbook / "Udbakke").glob("*.eml")), alerts(answer.json())


# --- progress of a run, for the task pane ------------------------------------------------------------

def run_with_progress(client, script: str, payload: dict, *args: str) -> tuple[dict, dict]:
    """Run a script under a new run id; its answer and the progress the server kept of the run."""
    run = str(uuid.uuid4())
    answer = client.post(f"/xlwings/custom-scripts-call/{script}", json={**payload, "args": [*args, run]})
    assert answer.status_code == 200, answer.text
    progress = client.get("/budget/progress", params={"run": run})
    assert progress.status_code == 200, progress.text
    return answer.json(), progress.json()


def test_each_script_keeps_its_runs_steps_with_their_danish_names(client, server, built_book):
    workbook = new_workbook()
    upload(client, workbook, LIST_TXT)
    settings = {"Dokumentsæt": workbook}
    answer, refreshed = run_with_progress(client, "refresh", payload_for(built_book, settings))
    assert alerts(answer)[0].startswith("Opdateret fra 1 dokumenter")
    assert refreshed["script"] == "Opdater" and refreshed["finished"] is True
    steps = {s["step"]: s for s in refreshed["steps"]}
    assert list(steps) == ["reading", "layout", "writing"] and refreshed["current"] == "writing"
    assert steps["reading"]["name"] == "Læser dokumenter" and steps["writing"]["name"] == "Skriver projektmappe"
    assert all(s["done"] == s["total"] for s in steps.values())
    assert steps["writing"]["total"] >= 19  # a sheet at a time

    _, validated = run_with_progress(client, "validate", payload_for(built_book, settings))
    assert validated["script"] == "Valider"
    assert [s["step"] for s in validated["steps"]] == ["validating", "evaluating"]
    _, built = run_with_progress(client, "build_packs", payload_for(built_book, settings))
    assert {"reading", "layout", "evaluating", "writing", "packs"} <= {s["step"] for s in built["steps"]}
    assert next(s for s in built["steps"] if s["step"] == "packs")["name"] == "Bygger pakker"
    answer, sent = run_with_progress(client, "send_packs", payload_for(built_book, settings), "")  # Prøvekørsel
    assert sent["script"] == "Send pakker" and sent["steps"][-1]["name"] == "Sender pakker"
    assert sent["steps"][-1]["done"] == sent["steps"][-1]["total"] > 0, alerts(answer)


def test_a_run_is_its_users_own_and_its_id_must_look_like_one(client, server, built_book):
    from xlpy.server_users import add_user

    workbook = new_workbook()
    _, mine = run_with_progress(client, "validate", payload_for(built_book, {"Dokumentsæt": workbook}))
    other_key = add_user(server.data_root.parent / "users.toml", f"Bo Jensen {uuid.uuid4()}")
    with server.client(key=other_key) as other:
        assert other.get("/budget/progress", params={"run": mine["run"]}).status_code == 404
    assert client.get("/budget/progress", params={"run": str(uuid.uuid4())}).status_code == 404
    odd = client.post("/xlwings/custom-scripts-call/validate",
                      json={**payload_for(built_book, {"Dokumentsæt": workbook}), "args": ["../../x"]})
    assert odd.status_code == 400 and "Kørslens id" in odd.text
    untracked = client.post("/xlwings/custom-scripts-call/validate", json=payload_for(built_book, {}))
    assert untracked.status_code == 200  # without a run id the script runs as before


# --- Microsoft's manifest converter -------------------------------------------------------------------

CONVERTER = Path(__file__).parent.parent / "node_modules" / ".bin" / "office-addin-manifest-converter"


def test_microsofts_converter_turns_the_served_manifest_into_a_unified_manifest(client, tmp_path):
    """office-addin-manifest-converter (npm, installed by `make test` from package-lock.json) reads the XML
    manifest as Office does and writes the JSON (unified) manifest: no error, our tab, buttons and actions."""
    import json

    if not CONVERTER.exists():
        pytest.skip("node_modules is missing: `make test` installs it (npm ci)")
    manifest = tmp_path / "manifest.xml"
    manifest.write_bytes(client.get("/manifest.xml").content)
    out = tmp_path / "json"
    run = subprocess.run([str(CONVERTER), "convert", str(manifest), "--output", str(out)], capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "error" not in (run.stdout + run.stderr).lower(), run.stdout + run.stderr
    unified = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    extension = unified["extensions"][0]
    [tab] = extension["ribbons"][0]["tabs"]
    assert tab["label"] == "Budget"
    assert [c["label"] for g in tab["groups"] for c in g["controls"]] == \
        ["Opdater", "Valider", "Dokumenter", "Byg pakker", "Send pakker"]
    actions = {a["id"] for runtime in extension["runtimes"] for a in runtime.get("actions", [])}
    assert {"refresh", "validate", "build_packs", "send_packs"} <= actions
    assert unified["id"] == "6f0e6c1e-7a43-4d4b-9a55-2f3b6f1b0b5e"
