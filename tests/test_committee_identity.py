"""One committee, one sheet, one pack: names read from documents matched to the committees the user
declared (committees.toml, budgetbook.toml), spelling variants as one, rows without udvalg assigned by
their area, the rest shown as "Ikke fordelt på udvalg" and listed by packs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from openpyxl import load_workbook

import importers
from budgetbook.cli import main as cli
from budgetbook.committee_identity import (
    CommitteeNames,
    DeclaredCommittee,
    committee_key,
    declared,
    undeclared_pairs,
)
from budgetbook.errors import ConfigError
from budgetbook.records.catalogue import Initiative
from budgetbook.sending import Status, send_packs
from templates import template_path
from tests.smtp_server import smtp_server
from tests.spreadsheets import assert_libreoffice_agrees
from workbook.api import build_workbook, declared_committees, validate_and_record
from workbook.build import build_layout
from workbook.engine import EvaluatedBook
from workbook.packs import build_packs
from workbook.sections.reduction_overview import UNASSIGNED
from workbook.write_xlsx import fill_template

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
LEJRE = SAMPLES / "reduction_list" / "lejre-2023.txt"  # "ØU", ..., and "USS/E" beside "USSÆ"
REMARKS = SAMPLES / "budget_remarks" / "budget_remarks_kalundborg_oeu_2024.txt"  # "Økonomiudvalget"
CATALOGUE = SAMPLES / "initiative_catalogue" / "initiative_catalogue_part1.txt"  # fagområder, no udvalg
YEARS = ["2025", "2026"]

ADDRESS_BOOK = """
[smtp]
host = "127.0.0.1"
port = {port}
starttls = false
sender = "Økonomi <budget@lejre.example>"
timeout = 5

[message]
subject = "Budget {{budget_year}}: {{navn}} ({{udvalg}})"
body = "Kære {{navn}}"

[[committee]]
name = "Økonomiudvalget"
short = "ØU"
recipients = ["oeu@lejre.example"]
areas = ["Administration"]

[[committee]]
name = "Udvalget for Børn og Ungdom"
short = "UBU"
recipients = ["ubu@lejre.example"]
areas = ["Skoler", "Daginstitutioner", "Udsatte børn"]

[[committee]]
name = "Udvalget for Social, Sundhed og Ældre"
short = "USSÆ"
aliases = ["USS/E"]
recipients = ["ussae@lejre.example"]

[[committee]]
name = "Udvalget for Job, Arbejdsmarked og Integration"
short = "UJAI"
recipients = ["ujai@lejre.example"]

[[committee]]
name = "Udvalget for Teknik, Miljø og Bæredygtighed"
short = "UTMB"
recipients = ["utmb@lejre.example"]
"""


def address_book(folder: Path, port: int = 25) -> Path:
    path = folder / "committees.toml"
    path.write_text(ADDRESS_BOOK.format(port=port), encoding="utf-8")
    return path


def list_text(rows: list[tuple[str, str, int]], udvalg_column: bool = True) -> str:
    """A reduction list as text, (center, udvalg, amount) per row, with center totals and a Hovedtotal."""
    header = ["Nr.", "Center", *(["Udvalg"] if udvalg_column else []), "Overskrift",
              *(f"{y} (1.000 kr.)" for y in YEARS)]
    lines = ["Udmøntning af reduktion", "", "\t".join(header)]
    for center in dict.fromkeys(c for c, _, _ in rows):
        total = 0
        for number, (other, udvalg, amount) in enumerate(rows, start=1):
            if other == center:
                total += amount
                lines.append("\t".join([str(number), center, *([udvalg] if udvalg_column else []),
                                        f"Forslag {number}", *[str(amount)] * len(YEARS)]))
        lines.append("\t".join(["", f"{center} Total", *([""] if udvalg_column else []), "",
                                *[str(total)] * len(YEARS)]))
    grand = sum(amount for _, _, amount in rows)
    lines.append("\t".join(["", "Hovedtotal", *([""] if udvalg_column else []), "", *[str(grand)] * len(YEARS)]))
    return "\n".join(lines) + "\n"


def committee_sheets(book) -> list[str]:
    return sorted(n for n in book.sheetnames if n.startswith("Udvalg "))


def committee_total(book, evaluated: EvaluatedBook, sheet: str, col: str = "B") -> object:
    row = next(r for r in range(5, 60) if book[sheet].cell(r, 1).value == "Total")
    return evaluated.value(f"{col}{row}", sheet)


def overview_value(book, evaluated: EvaluatedBook, label: str, col: str = "B") -> object:
    row = next(r for r in range(5, 80) if str(book["Oversigt"].cell(r, 1).value or "").startswith(label))
    return evaluated.value(f"{col}{row}", "Oversigt")


# --- the one comparison -----------------------------------------------------------------------

@pytest.mark.parametrize(("one", "other"), [
    ("Økonomiudvalget", "Økonomi-udvalget"),
    ("Økonomiudvalget", "Økonomiudvalg"),
    ("Økonomiudvalget", "ØKONOMIUDVALGET"),
    ("Økonomiudvalget", "Økonomi udvalget"),
    ("Økonomiudvalget", "Oekonomiudvalget"),
    ("Børne- og Ungeudvalget", "Børne og Ungeudvalget"),
    ("Børne- og Ungeudvalget", "Børne-og Unge-udvalget"),
    ("Børn & Unge", "Børn og Unge"),
    ("Teknisk Udvalg", "Teknisk udvalget"),
    ("USSÅ", "USSA\u030a"),  # 'Å' typed as A + combining ring (NFC)
    ("Udvalget for Børn og Ungdom", "Udvalget for Børn og  Ungdom"),
])
def test_spellings_of_one_committee_share_a_key(one: str, other: str) -> None:
    assert committee_key(one) == committee_key(other)


@pytest.mark.parametrize(("one", "other"), [
    ("ØU", "Økonomiudvalget"),  # a short and a full name are one only where the user says so
    ("ØU", "ØU*"),  # a footnote star is a name of its own (SUMIFS sums its own rows)
    ("USSÆ", "USS/E"),
    ("Udvalg", "Udvalget for Børn og Ungdom"),
    ("Børne- og Ungeudvalget", "Børne- og Skoleudvalget"),
])
def test_different_committees_keep_different_keys(one: str, other: str) -> None:
    assert committee_key(one) != committee_key(other)


def test_declared_names_aliases_and_areas_find_their_committee() -> None:
    names = declared([DeclaredCommittee("Økonomiudvalget", "ØU", ("Økonomi",), ("CBD", "Ældre & Sundhed"))])
    identity = names.identify(["ØU", "Økonomi-udvalget", "økonomi", "ØU", "UBU", "Ubu", "UBU"])
    assert identity.labels == {"ØU": "ØU", "Økonomi-udvalget": "ØU", "økonomi": "ØU", "UBU": "UBU", "Ubu": "UBU"}
    assert identity.of("", "CBD") == "ØU" and identity.of("", "ældre &  sundhed") == "ØU"
    assert identity.of("", "CJS") == "" and identity.of("UBU", "CBD") == "UBU"  # the printed udvalg wins
    assert identity.note("Økonomi-udvalget") == "udvalg i kilden: Økonomi-udvalget"
    assert identity.note("", "CBD") == "udvalg efter området CBD" and identity.note("ØU") == ""


def test_undeclared_spellings_are_one_under_the_most_frequent() -> None:
    identity = CommitteeNames().identify(["Økonomiudvalget", "Økonomi-udvalget", "Økonomiudvalget", "Økonomiudvalg"])
    assert set(identity.labels.values()) == {"Økonomiudvalget"} and identity.pairs == ()


@pytest.mark.parametrize(("names", "pairs"), [
    (["ØU", "Økonomiudvalget"], [("ØU", "Økonomiudvalget")]),
    (["UBU", "Udvalget for Børn og Ungdom", "ØU"], [("UBU", "Udvalget for Børn og Ungdom")]),
    (["BU", "Børne- og Ungeudvalget"], [("BU", "Børne- og Ungeudvalget")]),
    (["USSÆ", "Udvalget for Social, Sundhed og Ældre"], [("USSÆ", "Udvalget for Social, Sundhed og Ældre")]),
    (["UTMB", "Økonomiudvalget"], []),
    (["ØU", "UBU"], []),
])
def test_an_undeclared_short_and_full_name_are_found(names: list[str], pairs: list[tuple[str, str]]) -> None:
    assert list(undeclared_pairs(sorted(names))) == pairs


@pytest.mark.parametrize(("entries", "message"), [
    ([DeclaredCommittee("Økonomiudvalget", "ØU"), DeclaredCommittee("Økonomi-udvalget", "ØK")],
     "the name 'Økonomi-udvalget' of ØK is also a name of ØU"),
    ([DeclaredCommittee("Økonomiudvalget", "ØU", areas=("CBD",)), DeclaredCommittee("Børn", "UBU", areas=("cbd",))],
     "the area 'cbd' is given to both ØU and UBU"),
])
def test_a_name_or_area_of_two_committees_is_refused(entries: list[DeclaredCommittee], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        declared(entries)


@pytest.mark.parametrize(("text", "message"), [
    ('[[committee]]\nname = "Økonomiudvalget"\nshort = "ØU"\nrecipient = ["a@b.example"]\n',
     "committee[1] has unknown key 'recipient'"),
    ('[[committee]]\nname = "Økonomiudvalget"\naliases = "ØU", "Ø"\n', "not valid TOML"),
    ('[[committee]]\nname = "Økonomiudvalget"\naliases = [1]\n', "committee[1].aliases: expected a list of names"),
    ('[[committee]]\nshort = "ØU"\n', "committee[1].name: required"),
])
def test_a_bad_declaration_in_the_profile_names_file_and_key(tmp_path: Path, text: str, message: str) -> None:
    (tmp_path / "budgetbook.toml").write_text(text, encoding="utf-8")
    shutil.copy(LEJRE, tmp_path / LEJRE.name)
    with pytest.raises(ConfigError) as caught:
        build_workbook([tmp_path / LEJRE.name], tmp_path / "Budget.xlsx")
    assert message in str(caught.value) and "budgetbook.toml" in str(caught.value)
    assert not (tmp_path / "Budget.xlsx").exists()


def test_the_address_book_refuses_unknown_committee_keys(tmp_path: Path) -> None:
    book = address_book(tmp_path)
    book.write_text(book.read_text(encoding="utf-8").replace("aliases =", "alias ="), encoding="utf-8")
    with pytest.raises(ConfigError, match="committee\\[3\\].alias: unknown key"):
        declared_committees([LEJRE], book)


# --- the demo's mixed names: one sheet, one pack ----------------------------------------------

@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Lejre's list ("ØU", "USS/E" and "USSÆ"), Kalundborg's remarks ("Økonomiudvalget") and a catalogue,
    with an address book beside them."""
    folder = tmp_path_factory.mktemp("mixed")
    for source in (LEJRE, REMARKS, CATALOGUE):
        shutil.copy(source, folder / source.name)
    address_book(folder)
    return folder


def mixed_documents(folder: Path) -> list[Path]:
    return [folder / LEJRE.name, folder / REMARKS.name, folder / CATALOGUE.name]


@pytest.fixture(scope="module")
def declared_build(mixed: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("declared") / "Budget.xlsx"
    summary = build_workbook(mixed_documents(mixed), out)  # committees.toml beside the documents
    assert summary.notices == ()
    return out


def test_mixed_names_make_one_sheet_and_one_pack_per_committee(declared_build: Path, tmp_path: Path) -> None:
    book = load_workbook(declared_build)
    assert committee_sheets(book) == ["Udvalg UBU", "Udvalg UJAI", "Udvalg USSÆ", "Udvalg UTMB", "Udvalg ØU"]
    remarks = book["Bemærkninger"]
    assert {remarks.cell(r, 1).value for r in range(5, 22)} == {"ØU"}  # "Økonomiudvalget" as declared
    assert "udvalg i kilden: Økonomiudvalget" in remarks.cell(5, 4).value  # the printed name stays in view
    cvo = book["CVO"]
    header = [c.value for c in cvo[5]]
    udvalg, source = header.index("Udvalg") + 1, header.index("Kilde") + 1
    usse = [r for r in range(6, 12) if "USS/E" in str(cvo.cell(r, source).value)]
    assert len(usse) == 1 and cvo.cell(usse[0], udvalg).value == "USSÆ"
    assert "udvalg i kilden: USS/E" in cvo.cell(usse[0], source).value
    evaluated = EvaluatedBook(book)
    lejre = importers.parse(LEJRE)
    ussae = sum(line.amounts["2023"] for line in lejre.records if line.udvalg in ("USSÆ", "USS/E"))
    assert committee_total(book, evaluated, "Udvalg USSÆ") == ussae
    assert validate_and_record(declared_build) == []

    report = build_packs(declared_build, tmp_path / "packs")
    assert sorted(p.udvalg for p in report.packs) == ["UBU", "UJAI", "USSÆ", "UTMB", "ØU"]
    oeu = next(p for p in report.packs if p.udvalg == "ØU")
    pack = load_workbook(oeu.path)
    assert "Bemærkninger" in pack.sheetnames and "CBD" in pack.sheetnames  # remarks and list rows together
    assert oeu.errors == 0 and validate_and_record(oeu.path) == []


def test_mixed_names_recalculate_the_same_in_libreoffice(mixed: Path, tmp_path: Path) -> None:
    results = [importers.parse(p) for p in mixed_documents(mixed)]
    raw = tmp_path / "raw.xlsx"
    fill_template(build_layout(results, committees=declared_committees(mixed_documents(mixed))),
                  template_path()).save(raw)
    assert assert_libreoffice_agrees(raw, tmp_path / "lo") > 50


def test_an_undeclared_short_and_full_name_stay_apart_with_one_warning(
        mixed: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "bare"
    folder.mkdir()
    for document in mixed_documents(mixed)[:2]:
        shutil.copy(document, folder / document.name)
    out = tmp_path / "Budget.xlsx"
    assert cli(["build", str(folder / LEJRE.name), str(folder / REMARKS.name), "-o", str(out)]) == 0
    warnings = [line for line in capsys.readouterr().out.splitlines() if line.startswith("warning:")]
    assert warnings == ["warning: Udvalg 'ØU' and 'Økonomiudvalget' are kept apart as two committees; if they "
                        "are one, add [[committee]] name = \"Økonomiudvalget\" short = \"ØU\" to committees.toml "
                        "(or budgetbook.toml) and build again"]
    book = load_workbook(out)
    assert "Udvalg ØU" in book.sheetnames and book["Bemærkninger"]["A5"].value == "Økonomiudvalget"
    kilder = [c.value for row in book["Kilder"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(text.startswith("Udvalg 'ØU' and 'Økonomiudvalget' are kept apart") for text in kilder)


def test_a_declaration_in_the_profile_joins_them_too(mixed: Path, tmp_path: Path) -> None:
    for document in mixed_documents(mixed)[:2]:
        shutil.copy(document, tmp_path / document.name)
    (tmp_path / "budgetbook.toml").write_text('[[committee]]\nname = "Økonomiudvalget"\nshort = "ØU"\n',
                                              encoding="utf-8")
    out = tmp_path / "Budget.xlsx"
    summary = build_workbook([tmp_path / LEJRE.name, tmp_path / REMARKS.name], out)
    assert summary.notices == ()
    assert "Udvalg Økonomiudvalget" not in load_workbook(out).sheetnames


# --- spelling variants, without any declaration -----------------------------------------------

VARIANTS = [("CBD", "Økonomiudvalget", 100), ("CBD", "Økonomi-udvalget", 20), ("CKF", "Økonomiudvalg", 3),
            ("CKF", "økonomiudvalget", 4), ("CBL", "Børne- og Ungeudvalget", 50), ("CBL", "Børne og Ungeudvalget", 6),
            ("CJS", "BØRNE- OG UNGEUDVALGET", 7), ("CJS", "ØU*", 9)]


def test_spelling_variants_are_one_committee_sheet_and_pack(tmp_path: Path) -> None:
    source = tmp_path / "liste.txt"
    source.write_text(list_text(VARIANTS), encoding="utf-8")
    out = tmp_path / "Budget.xlsx"
    summary = build_workbook([source], out)
    assert summary.notices == ()
    book = load_workbook(out)
    assert committee_sheets(book) == ["Udvalg Børne- og Ungeudvalget", "Udvalg ØU-", "Udvalg Økonomiudvalget"]
    evaluated = EvaluatedBook(book)
    assert committee_total(book, evaluated, "Udvalg Økonomiudvalget") == 127
    assert committee_total(book, evaluated, "Udvalg Børne- og Ungeudvalget") == 63
    assert committee_total(book, evaluated, "Udvalg ØU-") == 9
    assert validate_and_record(out) == []
    report = build_packs(out, tmp_path / "packs")
    assert sorted(p.udvalg for p in report.packs) == ["Børne- og Ungeudvalget", "ØU*", "Økonomiudvalget"]
    assert all(p.errors == 0 for p in report.packs) and report.unassigned == ()
    raw = tmp_path / "raw.xlsx"
    fill_template(build_layout([importers.parse(source)]), template_path()).save(raw)
    assert assert_libreoffice_agrees(raw, tmp_path / "lo") > 10


def test_packs_join_a_spelling_typed_into_the_workbook(tmp_path: Path) -> None:
    source = tmp_path / "liste.txt"
    source.write_text(list_text([("CBD", "ØU", 10), ("CBD", "ØU", 20), ("CJS", "UBU", 5)]), encoding="utf-8")
    out = build_workbook([source], tmp_path / "Budget.xlsx").output
    book = load_workbook(out)
    row = next(r for r in range(5, 12) if book["CBD"].cell(r, 4).value == "Forslag 2")
    book["CBD"].cell(row, 3).value = "Øu"  # a user's spelling (SUMIFS, too, compares without case)
    book.save(out)
    report = build_packs(out, tmp_path / "packs")
    assert sorted(p.udvalg for p in report.packs) == ["UBU", "ØU"]
    oeu = next(p for p in report.packs if p.udvalg == "ØU")
    assert oeu.rows == 2 and oeu.errors == 0


# --- rows without udvalg: assigned by area, the rest shown and listed ------------------------

NO_UDVALG = [("CBD", "", 100), ("CBD", "", 20), ("CKF", "", 30), ("Tværgående", "", 7)]


def test_rows_without_udvalg_go_by_their_area_and_the_rest_is_shown(tmp_path: Path) -> None:
    source = tmp_path / "liste.txt"
    source.write_text(list_text(NO_UDVALG, udvalg_column=False), encoding="utf-8")
    (tmp_path / "budgetbook.toml").write_text(
        '[[committee]]\nname = "Økonomiudvalget"\nshort = "ØU"\nareas = ["CBD"]\n\n'
        '[[committee]]\nname = "Kultur- og Fritidsudvalget"\nshort = "KFU"\nareas = ["ckf"]\n', encoding="utf-8")
    out = build_workbook([source], tmp_path / "Budget.xlsx").output
    book = load_workbook(out)
    assert committee_sheets(book) == ["Udvalg KFU", "Udvalg ØU"]
    cbd = book["CBD"]
    header = [c.value for c in cbd[5]]
    assert cbd.cell(6, header.index("Udvalg") + 1).value == "ØU"
    assert cbd.cell(6, header.index("Kilde") + 1).value.endswith("; udvalg efter området CBD")
    evaluated = EvaluatedBook(book)
    assert overview_value(book, evaluated, "Sum af udvalgsark") == 150
    assert overview_value(book, evaluated, UNASSIGNED) == 7  # Tværgående: declared for no committee
    assert overview_value(book, evaluated, "Udvalgsark og ikke fordelt i alt") == 157
    assert overview_value(book, evaluated, "Hovedtotal") == 157
    assert validate_and_record(out) == []  # also: the committees and the unassigned add up to the stated total

    report = build_packs(out, tmp_path / "packs")
    assert sorted(p.udvalg for p in report.packs) == ["KFU", "ØU"]
    assert len(report.unassigned) == 1 and report.unassigned_areas == (("Tværgående", 1),)
    text = report.describe()
    assert "1 rows have no Udvalg and are in no pack: Tværgående!A6" in text
    assert 'areas = ["Tværgående"]' in text and "committees.toml" in text

    raw = tmp_path / "raw.xlsx"
    results = [importers.parse(source)]
    fill_template(build_layout(results, committees=declared_committees([source])), template_path()).save(raw)
    assert assert_libreoffice_agrees(raw, tmp_path / "lo") > 10


def test_a_total_that_disagrees_still_shows_with_unassigned_rows(tmp_path: Path) -> None:
    source = tmp_path / "liste.txt"
    text = list_text(NO_UDVALG, udvalg_column=False)
    source.write_text(text.replace("Hovedtotal\t\t157\t157", "Hovedtotal\t\t160\t160"), encoding="utf-8")
    out = build_workbook([source], tmp_path / "Budget.xlsx").output
    errors = {f.cell for f in validate_and_record(out) if f.severity.value == "error"}
    assert any(cell.startswith("Oversigt!") for cell in errors) and len(errors) == 4  # book and committees, 2 years


def test_catalogue_initiatives_go_to_the_committee_of_their_areas(mixed: Path, declared_build: Path,
                                                                 tmp_path: Path) -> None:
    initiatives = [i for i in importers.parse(CATALOGUE).records if isinstance(i, Initiative)]
    areas = {"Administration": "ØU", "Skoler": "UBU", "Daginstitutioner": "UBU", "Udsatte børn": "UBU"}
    expected = []
    for item in initiatives:
        committees = {areas[a] for a in item.affected_areas if a in areas}
        expected.append(committees.pop() if len(committees) == 1 else None)
    assert expected.count("ØU") and expected.count("UBU") and expected.count(None)  # the sample has each case
    katalog = load_workbook(declared_build)["Katalog"]
    header = [c.value for c in katalog[4]]
    udvalg, source = header.index("Udvalg") + 1, header.index("Kilde") + 1
    assert [katalog.cell(5 + i, udvalg).value for i in range(len(initiatives))] == expected
    first = expected.index("UBU")
    assert "; udvalg efter fagområdet " in katalog.cell(5 + first, source).value

    report = build_packs(declared_build, tmp_path / "packs")
    ubu = next(p for p in report.packs if p.udvalg == "UBU")
    assert "Katalog" in load_workbook(ubu.path).sheetnames
    assert len(report.unassigned) == expected.count(None)
    several = sum(n for area, n in report.unassigned_areas if ";" in area)
    assert sum(n for _, n in report.unassigned_areas) == expected.count(None) and several
    assert f"{several} of them name areas of several committees" in report.describe()


# --- send: one pack per committee -------------------------------------------------------------

def test_send_sends_one_pack_per_committee(mixed: Path, tmp_path: Path) -> None:
    with smtp_server() as (controller, server):
        config = address_book(tmp_path, controller.port)
        out = build_workbook(mixed_documents(mixed), tmp_path / "Budget.xlsx", committees=config).output
        packs = build_packs(out, tmp_path / "packs")
        report = send_packs(tmp_path / "packs", config, env={})
    assert report.ok, report.describe()
    assert sorted(o.udvalg for o in report.outcomes) == sorted(p.udvalg for p in packs.packs)
    assert sorted(r for d in server.deliveries for r in d.rcpt_tos) == sorted(
        f"{short}@lejre.example" for short in ("oeu", "ubu", "ussae", "ujai", "utmb"))
    subjects = sorted(d.message["Subject"] for d in server.deliveries)
    assert "Budget 2023: Økonomiudvalget (ØU)" in subjects and len(subjects) == 5


def test_send_refuses_two_packs_of_one_committee(mixed: Path, tmp_path: Path) -> None:
    """Packs built before the names were declared: "ØU" and "Økonomiudvalget" both go to ØU; neither is sent,
    and the committees with one pack each get theirs."""
    documents = []
    for document in mixed_documents(mixed)[:2]:  # without the address book beside them
        documents.append(tmp_path / document.name)
        shutil.copy(document, documents[-1])
    with smtp_server() as (controller, server):
        out = build_workbook(documents, tmp_path / "Budget.xlsx").output
        build_packs(out, tmp_path / "packs")
        config = address_book(tmp_path / "packs", controller.port)
        report = send_packs(tmp_path / "packs", config, env={})
    problems = {o.udvalg: o.detail for o in report.outcomes if o.status is Status.PROBLEM}
    assert set(problems) == {"ØU", "Økonomiudvalget", "USSÆ", "USS/E"}  # "USS/E" is an alias of USSÆ
    assert "ØU.xlsx and Økonomiudvalget.xlsx are both packs of ØU" in problems["ØU"]
    sent = {r for d in server.deliveries for r in d.rcpt_tos}
    assert sent == {"ubu@lejre.example", "ujai@lejre.example", "utmb@lejre.example"}
    assert report.failed


def test_the_profile_says_it_declares_committees(tmp_path: Path) -> None:
    from importers.profile import read_profile

    path = tmp_path / "budgetbook.toml"
    path.write_text('kommune = "Lejre"\n[[committee]]\nname = "Økonomiudvalget"\nshort = "ØU"\n', encoding="utf-8")
    assert read_profile(path).describe() == "budgetbook.toml: 1 committees"
