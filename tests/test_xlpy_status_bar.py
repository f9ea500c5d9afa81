"""Progress in Excel's status bar while a ribbon button runs on the desktop.

No Excel here: the handlers run on xlwings' real remote engine, whose App is given the status
bar the desktop engines have (a property that Excel's `Application.StatusBar` backs); every
value written to it is recorded beside the alerts, so the order (progress, reset, alert) shows.
"""

from __future__ import annotations

import pytest

xw = pytest.importorskip("xlwings")

from tests.test_xlpy_handlers import built, licence, open_book  # noqa: E402,F401 - fixtures used by name


@pytest.fixture
def status_bar(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What the handlers write to the status bar, and "alert: ..." for each alert, in order."""
    from xlwings.pro import _xlremote

    shown: list[object] = []
    alert = _xlremote.App.alert

    def record_alert(self, prompt, *args, **kwargs):
        shown.append(f"alert: {prompt}")
        return alert(self, prompt, *args, **kwargs)

    monkeypatch.setattr(_xlremote.App, "status_bar",
                        property(lambda self: False, lambda self, value: shown.append(value)))
    monkeypatch.setattr(_xlremote.App, "alert", record_alert)
    return shown


def test_refresh_shows_each_step_then_hands_the_bar_back_before_the_alert(built, status_bar):
    from xlpy import handlers

    sources, path = built
    book, _ = open_book(path, sources)
    summary = handlers.refresh(book)
    texts = [v for v in status_bar if isinstance(v, str) and v.startswith("Budget: ")]
    assert texts[0] == "Budget: Læser dokumenter …"
    assert "Budget: Opbygger arkene …" in texts
    writing = [t for t in texts if t.startswith("Budget: Skriver projektmappe")]
    assert writing[0] == f"Budget: Skriver projektmappe 0 af {len(writing) - 1}"
    assert writing[-1] == f"Budget: Skriver projektmappe {len(writing) - 1} af {len(writing) - 1}"
    assert len(texts) == len(set(texts))  # written only when the text changes
    assert status_bar[-2:] == [False, f"alert: {summary}"]


def test_validate_shows_its_steps_and_the_formulas_as_a_percentage(built, status_bar):
    from xlpy import handlers

    sources, path = built
    book, _ = open_book(path, sources)
    handlers.validate(book)
    texts = [v for v in status_bar if isinstance(v, str) and v.startswith("Budget: ")]
    assert texts[0] == "Budget: Validerer 0 af 3" and texts[-1] == "Budget: Validerer 3 af 3"
    assert any(t.startswith("Budget: Beregner formler") for t in texts)
    assert status_bar[-2] is False and str(status_bar[-1]).startswith("alert: ")


def test_a_failure_midway_resets_the_bar_then_alerts(built, status_bar, tmp_path):
    from xlpy import handlers

    sources, path = built
    (sources / "ødelagt.pdf").write_bytes(b"%PDF-1.4 not really")
    book, _ = open_book(path, sources)
    summary = handlers.refresh(book)
    assert summary.startswith("Kunne ikke fuldføre") and "ødelagt.pdf" in summary
    assert "Budget: Læser dokumenter 0 af 2" in status_bar  # shown before the failure
    assert status_bar[-2:] == [False, f"alert: {summary}"]


def test_a_status_bar_excel_refuses_never_stops_the_work(built, monkeypatch):
    from xlwings.pro import _xlremote

    from xlpy import handlers

    written: list[object] = []

    def busy(self, value):
        written.append(value)
        raise OSError("Call was rejected by callee")  # what COM says while a cell is being edited

    monkeypatch.setattr(_xlremote.App, "status_bar", property(lambda self: False, busy))
    sources, path = built
    book, _ = open_book(path, sources)
    assert handlers.refresh(book).startswith("Opdateret fra 1 dokumenter")
    assert len(written) == 1  # tried once, then left alone (no reset of a bar never written)


def test_the_remote_engine_has_no_status_bar_and_the_caller_still_hears_progress(built):
    from xlpy import handlers

    sources, path = built
    book, _ = open_book(path, sources)
    with pytest.raises(NotImplementedError):
        book.app.status_bar = "x"
    heard: list[tuple[str, int, int]] = []
    handlers.refresh(book, progress=lambda *told: heard.append(told))
    assert ("reading", 1, 1) in heard and ("layout", 1, 1) in heard and heard[-1][0] == "writing"


def test_status_texts():
    from xlpy.status_bar import status_text

    assert status_text("packs", 2, 5) == "Budget: Bygger pakker 2 af 5"
    assert status_text("evaluating", 2000, 140000) == "Budget: Beregner formler 1 %"
    assert status_text("layout", 0, 1) == "Budget: Opbygger arkene …"
    assert status_text("nyt", 0, 0) == "Budget: nyt …"
