"""The task pane in a real headless Chromium (Debian's, driven by selenium) against the real server:
upload several documents, see what was read, remove one, list Valider's findings and select a cell."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import uuid
from pathlib import Path

import pytest

pytest.importorskip("xlwings_server")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from tests.xlwings_server import start_server  # noqa: E402

SAMPLES = Path(__file__).parent.parent / "samples"
LIST_PDF = SAMPLES / "reduction_list" / "lejre-2023.pdf"
MINUTES = SAMPLES / "minutes" / "minutes_lejre_bu_2024-08-13.pdf"
LIST_TXT = SAMPLES / "reduction_list" / "lejre-2023.txt"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")

pytestmark = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                reason="needs Debian's chromium and chromium-driver (scripts/install-system-deps)")


@pytest.fixture(autouse=True)
def licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    yield from start_server(tmp_path_factory.mktemp("pane-server"))


def spki_pin(certificate: Path) -> str:
    """Chromium's pin of the server's public key: it trusts this key only, not every certificate."""
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    cert = x509.load_pem_x509_certificate(certificate.read_bytes())
    spki = cert.public_key().public_bytes(serialization.Encoding.DER,
                                          serialization.PublicFormat.SubjectPublicKeyInfo)
    return base64.b64encode(hashlib.sha256(spki).digest()).decode()


@pytest.fixture(scope="module")
def browser(server, tmp_path_factory):
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
                 f"--ignore-certificate-errors-spki-list={spki_pin(server.ca.parent / 'server.pem')}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # Outside Office, xlwings Server's pane reloads itself hoping for Excel; its retry budget is spent up front.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument",
                           {"source": "sessionStorage.setItem('xlwingsTaskpaneReloadCount', '99');"})
    try:
        yield driver
    finally:
        driver.quit()


def open_pane(browser, server, workbook: str) -> None:
    browser.get(f"{server.base}/budget/help")  # same origin: the key goes into its local storage
    browser.execute_script("localStorage.setItem('budgetbook.key', arguments[0]);", server.key)
    browser.get(f"{server.base}/taskpane.html?workbook={workbook}")
    WebDriverWait(browser, 60).until(
        lambda b: b.find_elements(By.ID, "document-list") or b.find_elements(By.ID, "no-documents"))


def documents_shown(browser) -> dict[str, str]:
    """Name -> text of each listed document, read in one go (htmx may swap the list at any moment)."""
    return browser.execute_script(
        "return Object.fromEntries([...document.querySelectorAll('.document')]"
        ".map((item) => [item.dataset.name, item.innerText]));")


def test_dropping_several_documents_imports_and_lists_them_and_one_can_be_removed(browser, server):
    workbook = str(uuid.uuid4())
    open_pane(browser, server, workbook)
    assert "Ingen dokumenter endnu" in browser.find_element(By.ID, "documents").text
    chooser = browser.find_element(By.ID, "file-input")
    chooser.send_keys(f"{LIST_PDF}\n{MINUTES}")
    WebDriverWait(browser, 180).until(lambda b: "2 af 2 dokumenter gemt og læst" in
                                      b.find_element(By.ID, "progress-text").text)
    shown = documents_shown(browser)
    assert set(shown) == {LIST_PDF.name, MINUTES.name}
    assert "Reduktionsliste" in shown[LIST_PDF.name] and "reduktioner" in shown[LIST_PDF.name]
    assert "Referat" in shown[MINUTES.name] and "dagsordenspunkt" in shown[MINUTES.name]
    assert "Uploadet af Anne Hansen" in shown[LIST_PDF.name]
    assert browser.find_element(By.ID, "progress-bar").get_attribute("style").endswith("width: 100%;")
    assert (server.data_root / workbook / MINUTES.name).exists()

    remove = browser.find_element(By.CSS_SELECTOR, f'.document[data-name="{MINUTES.name}"] .document-remove')
    remove.click()
    WebDriverWait(browser, 60).until(lambda b: set(documents_shown(b)) == {LIST_PDF.name})
    assert not (server.data_root / workbook / MINUTES.name).exists()


def test_a_file_the_server_refuses_is_said_in_the_pane(browser, server, tmp_path):
    workbook = str(uuid.uuid4())
    open_pane(browser, server, workbook)
    odd = tmp_path / "noter.doc"
    odd.write_bytes(b"not a document budgetbook reads")
    browser.find_element(By.ID, "file-input").send_keys(str(odd))
    WebDriverWait(browser, 60).until(lambda b: "noter.doc" in b.find_element(By.ID, "pane-message").text)
    assert "upload PDF, Word" in browser.find_element(By.ID, "pane-message").text


def test_the_findings_are_listed_and_clicking_one_selects_its_cell(browser, server, tmp_path):
    from workbook.api import build_workbook
    from xlpy.payload import book_payload, with_settings

    workbook = str(uuid.uuid4())
    book = tmp_path / "Budget.xlsx"
    build_workbook([LIST_TXT], book)
    payload = with_settings(book_payload(book), {"Dokumentsæt": workbook})
    cjs = next(s["values"] for s in payload["sheets"] if s["name"] == "CJS")
    total = next(r for r, row in enumerate(cjs) if row[0] == "Total")
    cjs[total][5] = cjs[total][5] + 7
    with server.client() as client:
        assert client.post("/xlwings/custom-scripts-call/validate", json=payload).status_code == 200
        expected = client.get("/budget/findings", params={"workbook": workbook, "format": "json"}).json()

    open_pane(browser, server, workbook)
    WebDriverWait(browser, 60).until(lambda b: b.find_elements(By.CSS_SELECTOR, ".finding"))
    items = browser.find_elements(By.CSS_SELECTOR, ".finding")
    assert len(items) == len(expected["findings"])
    first = expected["findings"][0]
    assert "Fejl" in items[0].text and first["cell"] in items[0].text and first["source"] in items[0].text
    # Outside Excel there is no workbook to select in: stand in for Excel's Office.js API and record the call.
    browser.execute_script("""
        window.selected = [];
        window.Excel = {run: async (work) => work({sync: async () => {}, workbook: {worksheets: {
            getItem: (sheet) => ({activate: () => window.selected.push(['activate', sheet]),
                                  getRange: (ref) => ({select: () => window.selected.push(['select', sheet, ref])})})
        }}})};
    """)
    items[0].click()
    WebDriverWait(browser, 30).until(lambda b: b.execute_script("return window.selected.length") >= 2)
    sheet, ref = first["cell"].rsplit("!", 1)
    assert browser.execute_script("return window.selected") == [["activate", sheet.strip("'")],
                                                                ["select", sheet.strip("'"), ref]]


RIBBON_STUBS = """
    // Stand-ins for what only Excel has: the ribbon API, the dialog API and the workbook. Everything else
    // (ribbon.js, xlwings Server's alert module, the server) is the real thing.
    const payload = arguments[0];
    window.log = {ribbon: [], dialogs: [], actions: []};
    Office.ribbon = {requestUpdate: async (update) =>
        window.log.ribbon.push(update.tabs[0].groups.flatMap((g) => g.controls.map((c) => c.enabled)))};
    const ui = {displayDialogAsync: (url, options, done) => {
        window.log.dialogs.push(url);
        const handlers = {};
        done({status: "succeeded", value: {addEventHandler: (type, handler) => { handlers[type] = handler; },
                                           close: () => {}}});
        window.answerDialog = (button) => handlers[Office.EventType.DialogMessageReceived](
            {message: button + "|" + new URL(url).searchParams.get("callback")});
    }};
    Object.defineProperty(Office.context, "ui", {value: ui, configurable: true});
    Object.defineProperty(Office.context, "platform", {value: "OfficeOnline", configurable: true});
    window.Excel = {run: async (work) => work({sync: async () => {}})};
    xlwings.getBookData = async () => JSON.parse(JSON.stringify(payload));
    xlwings.runActions = async (answer) => { window.log.actions.push(answer); };
"""


def dialog_of(url: str) -> dict[str, str]:
    from urllib.parse import parse_qs, urlparse

    return {key: values[0] for key, values in parse_qs(urlparse(url).query).items()}


def test_the_ribbon_confirms_sending_with_the_list_disables_its_buttons_and_speaks_danish(browser, server, tmp_path):
    from workbook.api import build_workbook
    from xlpy.payload import book_payload, with_settings

    workbook = str(uuid.uuid4())
    build_workbook([LIST_TXT], tmp_path / "Budget.xlsx")
    payload = with_settings(book_payload(tmp_path / "Budget.xlsx"), {"Dokumentsæt": workbook, "Prøvekørsel": "Nej"})
    with server.client() as client:
        client.post("/budget/documents", data={"workbook": workbook},
                    files={"file": (LIST_TXT.name, LIST_TXT.read_bytes())})
        assert client.post("/xlwings/custom-scripts-call/build_packs", json=payload).status_code == 200
    open_pane(browser, server, workbook)
    browser.execute_script(RIBBON_STUBS, payload)

    browser.execute_async_script("budgetbook.sendPacks().then(arguments[0]);")
    [confirm] = [dialog_of(url) for url in browser.execute_script("return window.log.dialogs")]
    assert confirm["title"] == "Send pakker?" and confirm["buttons"] == "ok_cancel"
    assert "ØU (Økonomiudvalget): " in confirm["prompt"] and "oeu-sekretariat@lejre.example" in confirm["prompt"]
    assert browser.execute_script("return window.log.actions") == []  # nothing sent before the answer

    browser.execute_script("window.answerDialog('ok');")
    WebDriverWait(browser, 120).until(lambda b: b.execute_script("return window.log.actions.length"))
    [answer] = browser.execute_script("return window.log.actions")
    [alert] = [a["args"] for a in answer["actions"] if a["func"] == "alert"]
    # The token was accepted: the send itself was tried (the address book's mail server does not exist here).
    assert "Intet er sendt" not in alert[0] and alert[0].startswith("Kunne ikke fuldføre")
    assert alert[1] == "Budget: det lykkedes ikke"
    updates = browser.execute_script("return window.log.ribbon")
    assert updates and all(u == [False] * 5 for u in updates[0::2]) and all(u == [True] * 5 for u in updates[1::2])

    browser.find_element(By.ID, "refresh-button").click()  # the pane's own Opdater: the uploaded set
    WebDriverWait(browser, 120).until(lambda b: b.execute_script("return window.log.actions.length") == 2)
    refreshed = browser.execute_script("return window.log.actions")[1]
    [summary] = [a["args"][0] for a in refreshed["actions"] if a["func"] == "alert"]
    assert summary.startswith("Opdateret fra 1 dokumenter uploadet til serveren")

    browser.execute_script("localStorage.setItem('budgetbook.key', 'forkert');")
    browser.execute_async_script("budgetbook.runScript('refresh').then(arguments[0]);")
    failed = dialog_of(browser.execute_script("return window.log.dialogs")[-1])
    assert failed["title"] == "Opdater: det lykkedes ikke" and failed["mode"] == "critical"
    assert "Hvad du kan gøre: Tryk Dokumenter på fanen Budget og skriv din adgangsnøgle." in failed["prompt"]
    browser.execute_script("localStorage.setItem('budgetbook.key', arguments[0]);", server.key)


def test_the_alert_dialog_has_danish_buttons(server):
    with server.client() as client:
        page = client.get("/xlwings/alert", params={"prompt": "ØU: a@b.dk\nUBU: c@d.dk", "title": "Send pakker?",
                                                    "buttons": "ok_cancel", "mode": "info", "callback": "x"}).text
    buttons = re.findall(r'class="btn [^"]*btn-xl-alert">([^<]+)<', page)
    assert buttons == ["OK", "Annuller"] and "ØU: a@b.dk<br>UBU: c@d.dk" in page


def test_a_script_from_the_ribbon_shows_its_progress_in_the_pane(browser, server, tmp_path):
    from workbook.api import build_workbook
    from xlpy.payload import book_payload, with_settings

    workbook = str(uuid.uuid4())
    build_workbook([LIST_TXT], tmp_path / "Budget.xlsx")
    payload = with_settings(book_payload(tmp_path / "Budget.xlsx"), {"Dokumentsæt": workbook})
    with server.client() as client:
        client.post("/budget/documents", data={"workbook": workbook},
                    files={"file": (LIST_TXT.name, LIST_TXT.read_bytes())})
    open_pane(browser, server, workbook)
    browser.execute_script(RIBBON_STUBS, payload)
    assert not browser.find_element(By.ID, "run").is_displayed()
    browser.execute_script("""
        window.told = [];
        document.addEventListener('budgetbook:progress', (event) => window.told.push(event.detail));
    """)
    browser.execute_async_script("budgetbook.runScript('refresh').then(arguments[0]);")
    told = browser.execute_script("return window.told")
    assert told[0] == {"label": "Opdater", "state": None}  # shown at once, before the server answers
    last = told[-1]["state"]
    assert last["finished"] and last["script"] == "Opdater"
    assert [s["name"] for s in last["steps"]] == ["Læser dokumenter", "Opbygger arkene", "Skriver projektmappe"]
    [answer] = browser.execute_script("return window.log.actions")
    assert [a["args"][0] for a in answer["actions"] if a["func"] == "alert"][0].startswith("Opdateret fra 1")
    assert browser.find_element(By.ID, "run").is_displayed()
    assert browser.find_element(By.ID, "run-title").text == "Opdater"
    assert browser.find_element(By.ID, "run-step").text == (
        "Opdater afsluttet: Læser dokumenter, Opbygger arkene, Skriver projektmappe.")
    assert browser.find_element(By.ID, "run-bar").get_attribute("style").endswith("width: 100%;")

    # A poll that finds the run halfway, as the server words it (xlpy.run_progress):
    browser.execute_script("""document.dispatchEvent(new CustomEvent('budgetbook:progress', {detail: {
        label: 'Byg pakker', state: {run: 'x', script: 'Byg pakker', finished: false, current: 'packs', steps: [
            {step: 'packs', name: 'Bygger pakker', done: 2, total: 5, text: 'Bygger pakker 2 af 5'}]}}}));""")
    assert browser.find_element(By.ID, "run-title").text == "Byg pakker"
    assert browser.find_element(By.ID, "run-step").text == "Bygger pakker 2 af 5"
    assert browser.find_element(By.ID, "run-bar").get_attribute("style").endswith("width: 40%;")
