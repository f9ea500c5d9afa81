"""The workbook templates shipped with budgetbook, found with importlib.resources.

`budget.xlsx` holds one prototype sheet per kind of sheet (Oversigt, Center, Udvalg,
Kilder, Kontrol, Validering) and the named styles (bb_amount, bb_pct, ...) the layout
uses. Users may restyle it in Excel: the code fills it, it does not draw the styles.
`python -m templates.make_template` writes the shipped one.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT = "budget.xlsx"


def template_path(name: str = DEFAULT) -> Path:
    return Path(str(resources.files(__package__).joinpath(name)))
