"""BB_* worksheet functions: whole arrays in and out, directly and over HTTP through xlwings Server."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

xw = pytest.importorskip("xlwings")
pytest.importorskip("fastapi")
pytest.importorskip("httpx")

SAMPLES = Path(__file__).parent.parent / "samples"
OVERVIEW = [["Center", "Reduktioner 2023", "Reduktioner 2024"], ["CJS", 100, 250], ["CBD", 30, 40]]
TRACES = [["Ark", "Række", "Nøgle", "Fil", "Side", "Linje"], ["CJS", 6, "R-1", "lejre-2023.pdf", 2, 31],
          ["CBD", 6, "R-2", "lejre-2023.pdf", 1, 7]]


@pytest.fixture(autouse=True)
def licence(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XLWINGS_LICENSE_KEY", "noncommercial")
    from xlpy.payload import ensure_remote_engine

    ensure_remote_engine()


@pytest.fixture
def fx():
    return importlib.import_module("xlpy.functions")


@pytest.fixture
def client():
    from fastapi.testclient import TestClient

    from xlpy.server import app

    return TestClient(app)


def test_bb_tal_turns_a_column_of_danish_texts_into_a_column_of_numbers(fx):
    assert fx.bb_tal([["15.036"], ["-1.500"], ["1,3"], ["(300)"], [None], [7]]) == [[15036], [-1500], [1.3], [-300],
                                                                                     [""], [7]]


def test_bb_tal_says_why_a_text_is_not_a_number(fx):
    [[answer]] = fx.bb_tal([["l.234,00"]])
    assert "l.234,00" in answer and "Expected a number" in answer


def test_bb_total_broadcasts_centers_against_one_year(fx):
    assert fx.bb_total([["CJS"], ["CBD"]], [[2024]], OVERVIEW) == [[250.0], [40.0]]
    assert fx.bb_total([["CJS"]], [[2023, 2024]], OVERVIEW) == [[100.0, 250.0]]
    assert "Intet center 'XYZ'" in fx.bb_total([["XYZ"]], [[2024]], OVERVIEW)[0][0]


def test_bb_kilde_names_file_page_and_line(fx):
    assert fx.bb_kilde([["R-1"], ["R-2"]], TRACES) == [["lejre-2023.pdf, page 2, line 31"],
                                                       ["lejre-2023.pdf, page 1, line 7"]]


def test_bb_similar_reads_the_catalogue_in_the_folder(fx, tmp_path):
    pytest.importorskip("rapidfuzz")
    catalogue = SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt"
    (tmp_path / catalogue.name).write_bytes(catalogue.read_bytes())
    answer = fx.bb_similar([["Færre biler i kommunens bilflåde"], ["Digital post"]], 2, str(tmp_path))
    assert len(answer) == 2 and all(len(row) == 2 for row in answer)
    assert all(cell and "(" in cell for row in answer for cell in row)


def test_the_server_registers_the_four_functions_and_four_scripts(client):
    meta = client.get("/xlwings/custom-functions-meta").json()
    assert {f["name"] for f in meta["functions"]} == {"BB_TAL", "BB_TOTAL", "BB_SIMILAR", "BB_KILDE"}
    scripts = {s["function_name"] for s in client.get("/xlwings/custom-scripts-meta").json()}
    assert scripts == {"refresh", "validate", "build_packs", "send_packs"}


def test_bb_tal_over_http(client):
    call = {"func_name": "bb_tal", "args": [[["15.036"], ["1,5"]]], "version": xw.__version__, "client": "Office.js",
            "runtime": "1.4", "culture_info_name": "da-DK", "date_format": "dd-mm-yyyy", "caller_address": "Ark1!B1"}
    response = client.post("/xlwings/custom-functions-call", json=call)
    assert response.status_code == 200, response.text
    assert response.json()["result"] == [[15036], [1.5]]


def test_validate_script_over_http(client, tmp_path):
    from workbook.api import build_workbook
    from xlpy.payload import book_payload

    target = tmp_path / "Budget.xlsx"
    build_workbook([SAMPLES / "reduction_list" / "lejre-2023.txt"], target)
    response = client.post("/xlwings/custom-scripts-call/validate", json=book_payload(target))
    assert response.status_code == 200, response.text
    actions = response.json()["actions"]
    assert actions[-1]["func"] == "alert"
    assert actions[-1]["args"][0] == "Alle totaler og procenter stemmer med kilderne."
    assert any(a["func"] == "addSheet" and a["args"][1] == "Validering" for a in actions)


def test_the_custom_functions_code_associates_every_function_and_parses(client, tmp_path):
    """Excel's custom-functions runtime loads this file: every function is associated, and it is valid JS."""
    import shutil
    import subprocess

    response = client.get("/xlwings/custom-functions-code")
    assert response.status_code == 200
    code = response.text
    for name in ("BB_TAL", "BB_TOTAL", "BB_SIMILAR", "BB_KILDE"):
        assert f"CustomFunctions.associate('{name}', {name.lower()});" in code
    assert "placeholder_" not in code and "/xlwings/custom-functions-call" in code
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed: the syntax check needs it")
    script = tmp_path / "functions.js"
    script.write_text(code, encoding="utf-8")
    subprocess.run([node, "--check", str(script)], check=True, capture_output=True)


def test_the_office_js_client_is_served_from_the_configured_folder(client, tmp_path, monkeypatch):
    missing = client.get("/xlwings/static/xlwings.min.js")
    assert missing.status_code == 404 and "BUDGETBOOK_XLWINGS_JS" in missing.text
    (tmp_path / "xlwings.min.js").write_text("var xlwings = {};", encoding="utf-8")
    monkeypatch.setenv("BUDGETBOOK_XLWINGS_JS", str(tmp_path))
    served = client.get("/xlwings/static/xlwings.min.js")
    assert served.status_code == 200 and served.text == "var xlwings = {};"
    assert client.get("/xlwings/static/..%2Fsecret").status_code == 404
