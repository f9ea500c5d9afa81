"""The units amounts are printed in, and their conversion to the workbook's 1.000 kr.

A unit is a role of the vocabulary group `common.units`: "kr" (hele kroner), "tkr" (1.000 kr.,
t.kr.), "mkr" (mio. kr.). Documents keep amounts as printed with their unit; the workbook
converts with `factor_to_tkr` and shows the factor, so no two units are ever added unconverted.
"""

from __future__ import annotations

from budgetbook.model import Number

FACTOR_TO_TKR = {"kr": 0.001, "tkr": 1, "mkr": 1000}
LABELS = {"kr": "kr.", "tkr": "1.000 kr.", "mkr": "mio. kr."}
FACTOR_BY_LABEL = {LABELS[unit]: factor for unit, factor in FACTOR_TO_TKR.items()}  # lists record the label


def factor_to_tkr(unit: str | None) -> Number:
    """What an amount in `unit` is multiplied by to be in 1.000 kr.; 1 for an unknown or missing unit."""
    return FACTOR_TO_TKR.get(unit or "tkr", 1)


def to_tkr(amount: Number | None, unit: str | None) -> Number | None:
    if amount is None:
        return None
    value = amount * factor_to_tkr(unit)
    return round(value, 6) if isinstance(value, float) else value


def unit_label(unit: str | None) -> str:
    return LABELS.get(unit or "", unit or "")
