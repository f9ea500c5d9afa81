"""Reduction lists from XLSX, PDF and text: golden files, quirks of the format, and bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import importers
from budgetbook.cli import main as cli
from budgetbook.errors import SourceError
from importers.cleanup import one_line
from tests.golden import SAMPLES, check_golden, sample_files

KIND_DIR = SAMPLES / "reduction_list"
LEJRE = ["lejre-2023.txt", "lejre-2023.xlsx", "lejre-2023.pdf", "printed-without-gridlines.pdf"]


@pytest.mark.parametrize("sample", sample_files("reduction_list"), ids=lambda p: p.name)
def test_golden(sample: Path, update_golden: bool) -> None:
    result = importers.parse(sample)
    assert result.kind == "reduction_list"
    check_golden(result, sample, update_golden)


def _records_without_provenance(name: str) -> list[dict]:
    data = importers.parse(KIND_DIR / name).to_json()
    return [{k: v for k, v in r.items() if k != "provenance"} for r in data["records"]]  # type: ignore[union-attr]


def test_every_format_reads_the_same_records() -> None:
    text, xlsx, pdf, unruled = (_records_without_provenance(n) for n in LEJRE)
    assert len(text) == 32
    assert xlsx == text
    assert pdf == text
    assert unruled == text  # wrapped cells put back by column position, "CSE" + "Total" joined


def test_the_same_totals_are_stated_in_every_format() -> None:
    stated = [importers.parse(KIND_DIR / name).stated_totals for name in LEJRE]
    assert all((s.centers, s.hovedtotal) == (stated[0].centers, stated[0].hovedtotal) for s in stated)


def test_an_unruled_pdf_is_read_by_the_vocabulary_s_column_words(tmp_path: Path) -> None:
    from samples.make_reduction_list import seed_rows, write_pdf

    header, rows = seed_rows(KIND_DIR / "lejre-2023.txt")
    header = [h.replace("Overskrift", "Titel") for h in header]
    path = tmp_path / "anden-overskrift.pdf"
    write_pdf(path, header, rows[:6], gridlines=False)
    result = importers.parse(path)
    titles = [one_line(r[4]) for r in rows[:6] if r[4] and not r[0].endswith("Total")]
    assert [r.overskrift for r in result.records] == titles


def test_a_pdf_whose_header_is_not_found_says_what_to_do(tmp_path: Path) -> None:
    from samples.make_reduction_list import seed_rows, write_pdf

    header, rows = seed_rows(KIND_DIR / "lejre-2023.txt")
    header = [h.replace("Overskrift", "Sagens emne").replace("Center", "Hvor") for h in header]
    path = tmp_path / "anden-overskrift.pdf"
    write_pdf(path, header, rows[:6], gridlines=False)
    with pytest.raises(SourceError, match="looks most like Reduktionsliste"):
        importers.parse(path)


def test_stated_totals_are_kept_apart_and_reconcile_with_the_rows() -> None:
    result = importers.parse(KIND_DIR / "lejre-2023.txt")
    stated = result.stated_totals
    assert stated.hovedtotal == {"2023": 15036, "2024": 15137, "2025": 15084, "2026": 15085}
    assert set(stated.centers) == {"CBD", "CBL", "CJS", "CKF", "CSE", "CSI", "CTM", "CVO", "CØH", "Tværgående"}
    for center, totals in stated.centers.items():
        for year, total in totals.items():
            rows = [r.amounts.get(year) or 0 for r in result.records if r.center == center]
            assert sum(rows) == total, (center, year)
    assert stated.provenance["CJS"].line == 25


def test_quirks_of_the_lejre_list() -> None:
    records = importers.parse(KIND_DIR / "lejre-2023.txt").records
    by_title = {r.overskrift: r for r in records}
    # "CSE Total" shifted into the first column still closes the CSE block
    assert {r.center for r in records if r.nr and r.nr.startswith("4.30")} == {"CSE"}
    # rows without Nr. and without center belong to the total below them ("Tværgående Total")
    karens = by_title["Karens ved vakante stillinger i adm. og ledelse"]
    assert (karens.nr, karens.center, karens.udvalg) == (None, "Tværgående", "ØU")
    # missing years stay missing, they are not zeros
    assert by_title["Robusthedspulje '22"].amounts == {"2023": 800, "2024": None, "2025": None, "2026": None}
    # HTML from the export is stripped
    justering = by_title["Justering af ledelsesfunktioner i Teknisk Service"]
    assert "<p>" not in justering.forklaring and justering.forklaring.startswith("Nedlæggelse af fagkoordinator")
    assert by_title["Seniorjob"].pct_stated == 0.4 and by_title["Seniorjob"].budget_base == 124392
    assert by_title["Refusion fra stat og mellemkommunalt - businesscase"].amounts["2023"] == 5000


def test_provenance_points_at_the_line_in_every_format() -> None:
    text = importers.parse(KIND_DIR / "lejre-2023.txt").records[0].provenance
    assert (text.file, text.page, text.line) == ("lejre-2023.txt", 1, 6)
    xlsx = importers.parse(KIND_DIR / "lejre-2023.xlsx").records[0].provenance
    assert (xlsx.sheet, xlsx.line) == ("Reduktioner", 4)
    pdf = importers.parse(KIND_DIR / "lejre-2023.pdf").records[-1].provenance
    assert pdf.page == 4 and pdf.line > 1


def test_extract_command_writes_the_documented_json(tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    assert cli(["extract", str(KIND_DIR / "lejre-2023.pdf"), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["kind"] == "reduction_list"
    assert set(data) >= {"kind", "source", "records", "stated_totals", "warnings"}
    assert set(data["records"][0]) == {"nr", "bevillingstekst", "center", "udvalg", "overskrift", "forklaring",
                                       "amounts", "budget_base", "pct_stated", "provenance", "period_total", "table"}
    assert data["document"]["unit"] == "1.000 kr." and data["document"]["savings"] == "positive"
    assert set(data["records"][0]["provenance"]) == {"file", "page", "line"}
    assert data["stated_totals"]["hovedtotal"]["2023"] == 15036


def test_unreadable_amount_names_file_page_and_line(tmp_path: Path) -> None:
    text = (KIND_DIR / "lejre-2023.txt").read_text(encoding="utf-8").replace("\t700\t701\t", "\t7OO\t701\t")
    broken = tmp_path / "broken.txt"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError, match=r"'7OO'.*broken.txt, page 1, line 14"):
        importers.parse(broken)


# --- bad input: one clear error naming the file and what to do ------------------------------


def _encrypted_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path), encrypt="hemmelig")
    page.drawString(72, 720, "Udmøntning af reduktion")
    page.save()


def _scanned_pdf(path: Path) -> None:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path))
    page.rect(72, 300, 400, 400, fill=1)  # an image-like page without a text layer
    page.save()


@pytest.mark.parametrize(("name", "make", "message"), [
    ("empty.pdf", lambda p: p.write_bytes(b""), "empty"),
    ("truncated.pdf", lambda p: p.write_bytes((KIND_DIR / "lejre-2023.pdf").read_bytes()[:1500]), "damaged or truncated"),
    ("encrypted.pdf", _encrypted_pdf, "encrypted"),
    ("scanned.pdf", _scanned_pdf, "no text"),
    ("renamed.xlsx", lambda p: p.write_text("Nr.\tCenter\n", encoding="utf-8"), "named .xlsx but its content is plain text"),
    ("truncated.xlsx", lambda p: p.write_bytes((KIND_DIR / "lejre-2023.xlsx").read_bytes()[:3000]), "damaged or truncated"),
    ("notes.txt", lambda p: p.write_text("Indkøbsliste\nmælk\n", encoding="utf-8"), "Not recognised"),
])
def test_bad_input_gets_one_clear_error(tmp_path: Path, name: str, make, message: str) -> None:
    path = tmp_path / name
    make(path)
    with pytest.raises(SourceError) as error:
        importers.parse(path)
    assert message in str(error.value)
    assert name in str(error.value)


def test_cli_turns_bad_input_into_one_line_and_exit_code_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "renamed.xlsx"
    bad.write_text("hello", encoding="utf-8")
    assert cli(["extract", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "renamed.xlsx" in err[0]


def test_a_rare_spelling_of_a_committee_is_kept_and_said() -> None:
    result = importers.parse(KIND_DIR / "lejre-2023.txt")
    assert {r.udvalg for r in result.records} >= {"USS/E", "USSÆ"}
    (warning,) = [w for w in result.warnings if "USS/E" in w.message]
    assert "USSÆ" in warning.message and warning.provenance.line == 45


def test_a_list_laid_out_differently_reads_and_reconciles(tmp_path: Path) -> None:
    """Not only the Lejre export: other years, other column words, no title, a blank line, one sheet
    of notes before the list, amounts typed as text with thousands dots."""
    from openpyxl import Workbook

    from workbook.api import build_workbook
    from workbook.validate import validate_workbook

    book = Workbook()
    book.active.title = "Noter"
    book.active.append(["Udarbejdet af økonomi"])
    sheet = book.create_sheet("Liste 2025")
    sheet.append(["Nr.", "Bevillingstekst", "Center", "Udvalg", "Overskrift", "Uddybende forklaring",
                  "2025", "2026 i 1.000 kr.", "2027 (t.kr.)", "Budget 2025", "Pct."])
    sheet.append(["2.10.01", "Vej og park", "CTM", "UTMB", "Færre klip", "Græsset slås sjældnere",
                  "1.250", 1250, 1300, 40000, "3,1%"])
    sheet.append([None, "Vej og park", "CTM", "UTMB", "Lys", "Slukket om natten", 250, None, 300, 40000, "0,6%"])
    sheet.append([])
    sheet.append([None, None, "CTM Total", None, None, None, 1500, 1250, 1600])
    sheet.append([None, None, "Hovedtotal", None, None, None, "1.500", "1.250", "1.600"])
    path = tmp_path / "liste-2025.xlsx"
    book.save(path)
    result = importers.parse(path)
    assert result.kind == "reduction_list"
    assert [r.amounts for r in result.records] == [{"2025": 1250, "2026": 1250, "2027": 1300},
                                                   {"2025": 250, "2026": None, "2027": 300}]
    assert result.records[0].provenance.sheet == "Liste 2025" and result.records[0].provenance.line == 2
    assert result.stated_totals.hovedtotal == {"2025": 1500, "2026": 1250, "2027": 1600}
    out = build_workbook([path], tmp_path / "Budget.xlsx").output
    assert validate_workbook(out) == []
