"""The progress steps: every step the library reports has a name in English and in Danish."""

from __future__ import annotations

import re
from pathlib import Path

from budgetbook.progress import STEPS, STEPS_DA, danish_name, fan_out

ROOT = Path(__file__).parent.parent
TOLD = re.compile(r"""\b(?:tell|progress)\(\s*["'](\w+)["']""")


def steps_told_in_the_code() -> set[str]:
    found = set()
    for folder in ("budgetbook", "importers", "workbook", "xlpy"):
        for path in (ROOT / folder).rglob("*.py"):
            found.update(TOLD.findall(path.read_text(encoding="utf-8")))
    return found


def test_every_step_the_code_reports_is_named_in_both_languages():
    told = steps_told_in_the_code()
    assert {"reading", "writing", "packs", "sending"} <= told  # the scan finds the calls
    assert told <= set(STEPS), told - set(STEPS)
    assert set(STEPS_DA) == set(STEPS)
    assert danish_name("reading") == "Læser dokumenter" and danish_name("ukendt") == "ukendt"


def test_fan_out_tells_each_in_order_and_skips_none():
    heard: list[tuple[str, str, int, int]] = []
    tell = fan_out(lambda *t: heard.append(("a", *t)), None, lambda *t: heard.append(("b", *t)))
    tell("packs", 1, 3)
    assert heard == [("a", "packs", 1, 3), ("b", "packs", 1, 3)]
