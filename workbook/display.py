"""How the workbook writes dates for its Danish readers: one style everywhere, dd-mm-åååå.

"29-11-2026", with the time as "29-11-2026 18:20 UTC" where it matters (when a source was read).
Document kinds carry their Danish names from the vocabulary (`importers.kind_label`).
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone

DATE_FORMAT = "%d-%m-%Y"
_ISO_DATE = re.compile(r"\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?")
_DOTTED_DATE = re.compile(r"(?P<day>\d\d?)[./](?P<month>\d\d?)[./](?P<year>\d{4})")


def date_text(value: date | str | None) -> str:
    """"29-11-2026" from a date, a datetime, an ISO text ("2026-11-29", "2026-11-29T18:20:03+00:00") or a
    date written with dots or slashes ("29.11.2026", "1/2/2024"); any other text is returned as it is."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return value.strftime(DATE_FORMAT)
    text = value.strip()
    if _ISO_DATE.fullmatch(text):
        parsed = _iso(text)
        return value if parsed is None else parsed.strftime(DATE_FORMAT)
    dotted = _DOTTED_DATE.fullmatch(text)
    if dotted:
        try:
            return date(int(dotted["year"]), int(dotted["month"]), int(dotted["day"])).strftime(DATE_FORMAT)
        except ValueError:
            return value
    return value


def moment_text(value: datetime | str | None) -> str:
    """"29-11-2026 18:20 UTC" from an ISO timestamp (a moment with a zone is shown in UTC); a date alone
    gives the date alone, and a text that is no ISO date is returned as it is."""
    if value is None:
        return ""
    if isinstance(value, str):
        moment = _iso(value) if _ISO_DATE.fullmatch(value.strip()) else None
        if moment is None or len(value.strip()) <= len("2026-11-29"):
            return date_text(value)
    else:
        moment = value
    if moment.tzinfo is None:
        return moment.strftime(f"{DATE_FORMAT} %H:%M")
    return moment.astimezone(timezone.utc).strftime(f"{DATE_FORMAT} %H:%M") + " UTC"


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
