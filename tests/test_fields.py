"""Fields by their labels wherever they stand, and the year columns of an amount table."""

from __future__ import annotations

import pytest

from budgetbook.model import Provenance
from importers.fields import cells_to_fields
from importers.readers import Line
from importers.vocabulary import default
from importers.year_columns import cells_to_year_header

GROUP = "catalogue.fields"


def _fields(*cells: str) -> tuple[list[tuple[str, str, bool]], list[str]]:
    line = Line(tuple(cells), Provenance("katalog.pdf", 1, 1))
    found = cells_to_fields(list(cells), line, default(), GROUP)
    return [(f.role, f.value, f.open) for f in found.fields], list(found.rest)


@pytest.mark.parametrize(("cells", "fields", "rest"), [
    (("Kommune", "Greve Kommune"), [("municipality", "Greve Kommune", False)], []),  # a grid row
    (("Titel", "Flere pædagoger", "Nr.", "BUU-U1"), [("title", "Flere pædagoger", False), ("number", "BUU-U1", False)],
     []),  # pairs in any order
    (("Udvalg: Økonomiudvalget",), [("udvalg", "Økonomiudvalget", False)], []),  # one line
    (("Udvalg: Økonomiudvalget", "Område: Skoler"), [("udvalg", "Økonomiudvalget", False), ("area", "Skoler", False)],
     []),  # a two-column box
    (("Beskrivelse",), [("description", "", True)], []),  # a label over its value
    (("Implementeringsomko\nstninger", "0"), [("cost", "0", False)], []),  # a label a narrow cell broke
    (("Nr.", "", "Udvalg", "Økonomiudvalget"), [("number", "", False), ("udvalg", "Økonomiudvalget", False)], []),
    (("Der arbejdes løbende med optimering: fx robotter.",), [], ["Der arbejdes løbende med optimering: fx robotter."]),
])
def test_fields_wherever_they_stand(cells: tuple[str, ...], fields: list, rest: list) -> None:
    assert _fields(*cells) == (fields, rest)


def test_a_label_captures_the_unit_it_names() -> None:
    line = Line(("Besparelse i 1.000 kr.: -750",), Provenance("katalog.pdf", 1, 1))
    field = cells_to_fields(list(line.cells), line, default(), GROUP).fields[0]
    assert (field.role, field.value, field.values["units"]) == ("effect", "-750", "tkr")


@pytest.mark.parametrize(("cells", "years", "unit", "total"), [
    (("Beløb i hele 1.000 kr.", "2024", "2025", "2026", "2027"), {"2024": 1, "2025": 2, "2026": 3, "2027": 4}, "tkr",
     None),
    (("1.000 kr. (2025 p/l)", "Styringsområde", "2025", "2026"), {"2025": 2, "2026": 3}, "tkr", None),
    (("Beløb i 1.000 kr.", "B2025", "BO2026", "BO2027"), {"2025": 1, "2026": 2, "2027": 3}, "tkr", None),
    (("", "2026 (1.000 kr.)", "2027 (1.000 kr.)"), {"2026": 1, "2027": 2}, "tkr", None),
    (("Mio. kr.", "R-2023", "B-2024", "BF-2025"), {"2023": 1, "2024": 2, "2025": 3}, "mkr", None),
    (("Beløb i 1.000 kr.", "2026", "2027", "I alt 2026-2029"), {"2026": 1, "2027": 2}, "tkr", 3),
])
def test_year_columns_in_any_form(cells: tuple[str, ...], years: dict[str, int], unit: str,
                                  total: int | None) -> None:
    header = cells_to_year_header(cells, default())
    assert header is not None
    assert (header.years, header.unit, header.total_index) == (years, unit, total)


def test_the_budget_year_s_column() -> None:
    header = cells_to_year_header(("Mio. kr.", "R-2023", "B-2024", "BF-2025", "BO-2026"), default())
    assert header is not None
    assert header.column_for(2025).text == "BF-2025"
    assert header.column_for(None).text == "B-2024"  # the first budget column
    assert cells_to_year_header(("Overskrift", "Center", "Udvalg"), default()) is None
