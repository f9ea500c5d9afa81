"""A variation generator: one list written the many ways municipalities write lists (columns reordered or
left out, other column words, units, signs, the unit and sign said in a header, a sentence or not at
all, as text or as a worksheet). Every variant must read back as the same proposals in 1.000 kr. with a
saving positive, once its unit and sign are applied."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import importers
from budgetbook.records.reduction import ListDocument
from importers.numbers import format_number

# (number, center, title, savings in 1.000 kr. per year)
BASE = [
    ("1", "CBL", "Færre timer til understøttende undervisning", (1200, 2900, 2900)),
    ("2", "CBL", "Samling af administration på skolerne", (800, 800, 800)),
    ("3", "CJS", "Hjemtagning af STU-forløb", (1500, 2500, 2500)),
    ("4", "CSI", "Omlægning af madservice", (2000, 2000, 1750)),
    ("5", "CTM", "Slukning af vejbelysning om natten", (900, 900, 900)),
]
YEARS = ("2025", "2026", "2027")
UNITS = {"kr.": 1000, "1.000 kr.": 1, "mio. kr.": 0.001}
YEAR_WORDS = ["{y}", "B{y}", "Overslagsår {y}", "Budget {y}"]
TITLE_WORDS = ["Overskrift", "Titel", "Forslag", "Tiltag", "Forslagets titel"]
CENTER_WORDS = ["Center", "Område", "Enhed", "Sektor"]
NUMBER_WORDS = ["Nr.", "Løbenr.", "Nummer"]


@st.composite
def variants(draw: st.DrawFn) -> dict:
    optional = draw(st.lists(st.sampled_from(["number", "center"]), unique=True))
    order = draw(st.permutations(["title", *optional]))
    return {
        "order": order, "unit": draw(st.sampled_from(list(UNITS))), "sign": draw(st.sampled_from([1, -1])),
        "unit_said": draw(st.sampled_from(["header", "sentence"])),
        "sign_said": draw(st.booleans()), "year_word": draw(st.sampled_from(YEAR_WORDS)),
        "title_word": draw(st.sampled_from(TITLE_WORDS)), "center_word": draw(st.sampled_from(CENTER_WORDS)),
        "number_word": draw(st.sampled_from(NUMBER_WORDS)), "format": draw(st.sampled_from(["txt", "xlsx"])),
    }


def _rows(variant: dict) -> list[list[str]]:
    unit, sign = variant["unit"], variant["sign"]
    words = {"title": variant["title_word"], "center": variant["center_word"], "number": variant["number_word"]}
    suffix = f" ({unit})" if variant["unit_said"] == "header" and variant["year_word"] == "{y}" else ""
    header = [words[c] for c in variant["order"]] + [variant["year_word"].format(y=y) + suffix for y in YEARS]
    rows = [header]
    for number, center, title, amounts in BASE:
        cells = {"title": title, "center": center, "number": number}
        printed = [format_number(a * UNITS[unit] * sign, 3).rstrip("0").rstrip(",") for a in amounts]
        rows.append([cells[c] for c in variant["order"]] + printed)
    return rows


def _write(variant: dict, folder: Path) -> Path:
    sentences = ["Reduktionskatalog"]
    if variant["unit_said"] == "sentence" or variant["year_word"] != "{y}":
        sentences.append(f"Alle beløb er i {variant['unit']}")
    if variant["sign_said"]:
        sentences.append("Negative tal er besparelser" if variant["sign"] < 0 else "Positive tal er besparelser")
    rows = [[s] for s in sentences] + _rows(variant)
    if variant["format"] == "txt":
        path = folder / "liste.txt"
        path.write_text("\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
        return path
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = folder / "liste.xlsx"
    book.save(path)
    return path


@settings(max_examples=40, deadline=None)
@given(variants())
def test_every_variant_reads_as_the_same_savings(variant: dict) -> None:
    with tempfile.TemporaryDirectory() as folder:
        result = importers.parse(_write(variant, Path(folder)))
    document = result.document
    assert isinstance(document, ListDocument)
    assert (document.unit, document.savings_sign) == (variant["unit"], variant["sign"]), document
    assert [r.overskrift for r in result.records] == [title for _, _, title, _ in BASE]
    for record, (number, center, _title, amounts) in zip(result.records, BASE, strict=True):
        assert [round(record.amounts[y] * document.factor, 6) for y in YEARS] == list(amounts)
        assert record.center == (center if "center" in variant["order"] else "Uden center")
        assert record.nr == (number if "number" in variant["order"] else None)
