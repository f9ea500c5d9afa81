"""Word documents read as Word shows them: content controls of forms made from templates (an empty one
empty, not its placeholder), text boxes once and after their anchor, nested tables, hidden text and
tracked changes; on files with the markup Word writes (tests/word_markup.py) and on a sample form
turned into a template's form."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

import importers
from importers.readers import docx as word
from importers.readers import read_document
from tests.golden import SAMPLES
from tests.word_markup import (cell, content_control, deleted, element, inserted, moved_from, moved_to, paragraph,
                               placeholder_run, row, run, table, text_box, word_document)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def cells(path: Path) -> list[tuple[str, ...]]:
    return [tuple(str(c) for c in line.cells) for line in word.read_lines(path)]


def test_content_controls_around_blocks_rows_cells_and_runs_are_read(tmp_path: Path) -> None:
    path = word_document(
        tmp_path / "skabelon.docx",
        content_control(paragraph(run("Reduktionsforslag 2025")), tag="titel"),
        table(row(cell(paragraph(run("Udvalg"))), cell(paragraph(content_control(run("Børneudvalget"))))),
              content_control(row(cell(paragraph(run("Center"))), cell(paragraph(run("Skole"))))),
              row(content_control(cell(paragraph(run("Nr.")))), cell(content_control(paragraph(run("7")))))))
    assert cells(path) == [("Reduktionsforslag 2025",), ("Udvalg", "Børneudvalget"), ("Center", "Skole"),
                           ("Nr.", "7")]


def test_a_control_showing_its_placeholder_is_empty(tmp_path: Path) -> None:
    path = word_document(
        tmp_path / "tom.docx",
        content_control(paragraph(placeholder_run()), placeholder=True),
        table(row(cell(paragraph(run("Bevilling"))),
                  cell(paragraph(content_control(placeholder_run(), placeholder=True)))),
              row(cell(paragraph(run("Center"))), content_control(cell(paragraph(placeholder_run())), placeholder=True))),
        paragraph(run("Kontaktperson: "), content_control(placeholder_run(), placeholder=True)))
    assert cells(path) == [("",), ("Bevilling", ""), ("Center", ""), ("Kontaktperson: ",)]


def test_a_text_box_is_read_once_after_its_anchor(tmp_path: Path) -> None:
    path = word_document(
        tmp_path / "tekstboks.docx",
        paragraph(run("Forslag til budget 2025-2028"),
                  text_box(paragraph(run("Beløb i 1.000 kr.")), paragraph(run("Udkast")))),
        paragraph(run("Næste afsnit")))
    assert cells(path) == [("Forslag til budget 2025-2028",), ("Beløb i 1.000 kr.",), ("Udkast",),
                           ("Næste afsnit",)]


def test_a_text_box_in_a_running_head_is_read_once(tmp_path: Path) -> None:
    path = word_document(tmp_path / "hoved.docx", paragraph(run("Brødtekst")))
    document = docx.Document(str(path))
    header = document.sections[0].header
    header.is_linked_to_previous = False
    header._element.append(element(paragraph(run("Lejre Kommune"), text_box(paragraph(run("Side 1"))))))
    document.save(str(path))
    heads = [line.cells for line in word.read_with_heads(path)[1]]
    assert heads.count(("Side 1",)) == 1 and ("Lejre Kommune",) in heads


def test_a_table_nested_in_a_cell_gives_its_rows_after_the_row(tmp_path: Path) -> None:
    amounts = table(row(cell(paragraph(run("1.000 kr."))), cell(paragraph(run("2025")))),
                    row(cell(paragraph(run("Besparelse"))), cell(paragraph(run("-500")))))
    path = word_document(
        tmp_path / "indlejret.docx",
        table(row(cell(paragraph(run("Økonomi"))), cell(paragraph(run("Se tabel")) + amounts)),
              row(cell(paragraph(run("Center"))), cell(paragraph(run("Dagtilbud"))))))
    assert cells(path) == [("Økonomi", "Se tabel"), ("1.000 kr.", "2025"), ("Besparelse", "-500"),
                           ("Center", "Dagtilbud")]


def test_hidden_text_is_left_out_by_run_and_by_character_style(tmp_path: Path) -> None:
    path = word_document(tmp_path / "skjult.docx",
                         paragraph(run("Synlig tekst"), run(" intern note", hidden=True)),
                         paragraph(run("Vist "), '<w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>også</w:t></w:r>'),
                         paragraph('<w:r><w:rPr><w:rStyle w:val="Skjult"/></w:rPr><w:t>via typografi</w:t></w:r>'))
    document = docx.Document(str(path))
    document.styles.element.append(element(
        '<w:style w:type="character" w:customStyle="1" w:styleId="Skjult"><w:name w:val="Skjult"/>'
        "<w:rPr><w:vanish/></w:rPr></w:style>"))
    document.save(str(path))
    assert cells(path) == [("Synlig tekst",), ("Vist også",), ("",)]


def test_tracked_changes_read_as_accepted(tmp_path: Path) -> None:
    path = word_document(tmp_path / "rettelser.docx",
                         paragraph(run("Besparelse "), deleted("100"), inserted("200"), run(" t.kr.")),
                         paragraph(moved_from("Flyttet væk. "), run("Bliver. "), moved_to("Flyttet hertil.")))
    assert cells(path) == [("Besparelse 200 t.kr.",), ("Bliver. Flyttet hertil.",)]


# --- a sample form saved from a template: its fields in content controls ------------------------------

LEJRE = SAMPLES / "proposal_forms" / "proposal_forms_lejre_2024-2027.docx"


def _as_template_form(tmp_path: Path, *, empty_field: str | None = None) -> Path:
    """The Lejre forms with every value cell of the label tables in a content control, as a template
    has them (cell content, whole cell or whole row); `empty_field`'s control shows its placeholder."""
    document = docx.Document(str(LEJRE))
    body = document.element.body
    for number, tbl in enumerate(body.iterchildren(f"{W}tbl")):
        for index, tr in enumerate(list(tbl.iterchildren(f"{W}tr"))):
            tcs = tr.findall(f"{W}tc")
            if len(tcs) != 2:
                continue
            label = "".join(t.text or "" for t in tcs[0].iter(f"{W}t"))
            value = tcs[1]
            kind = (number + index) % 3
            if label == empty_field:
                for p in value.findall(f"{W}p"):
                    value.remove(p)
                value.append(element(paragraph(content_control(placeholder_run(), placeholder=True))))
            elif kind == 0:  # the cell's content in a control
                for p in value.findall(f"{W}p"):
                    sdt = element(content_control("", tag=label or "felt"))
                    p.addprevious(sdt)
                    sdt.find(f"{W}sdtContent").append(p)
            elif kind == 1:  # the whole cell in a control
                sdt = element(content_control("", tag=label or "felt"))
                value.addprevious(sdt)
                sdt.find(f"{W}sdtContent").append(value)
            else:  # the whole row in a control (a repeating section)
                sdt = element(content_control("", tag=label or "felt"))
                tr.addprevious(sdt)
                sdt.find(f"{W}sdtContent").append(tr)
    path = tmp_path / "lejre-skabelon.docx"
    document.save(str(path))
    return path


def _records(path: Path) -> list[dict[str, object]]:
    return [{k: v for k, v in record.items() if k not in ("provenance", "lines")}
            for record in importers.parse(path).to_json()["records"]]  # type: ignore[union-attr]


def test_a_form_with_its_fields_in_content_controls_reads_as_the_plain_form(tmp_path: Path) -> None:
    template = _as_template_form(tmp_path)
    assert "w:sdt>" in _document_xml(template)
    assert _records(template) == _records(LEJRE)


def test_an_empty_field_of_a_template_form_is_empty_not_its_placeholder(tmp_path: Path) -> None:
    records = _records(_as_template_form(tmp_path, empty_field="Bevilling"))
    assert "Klik" not in str(records)
    assert all(not record.get("bevilling") and not record.get("bevillinger") for record in records)
    expected = _records(LEJRE)
    for record in (*records, *expected):
        record.pop("bevilling", None)
        record.pop("bevillinger", None)
    assert records == expected


def _document_xml(path: Path) -> str:
    import zipfile

    with zipfile.ZipFile(path) as archive:
        return archive.read("word/document.xml").decode("utf-8")


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*/*.docx")), ids=lambda p: p.name)
def test_every_sample_still_reads_with_text(sample: Path) -> None:
    assert any(line.text.strip() for line in read_document(sample).lines)
