"""Validators beyond the stored checks: each module appends its functions to `workbook.validate.VALIDATORS`.

`workbook.validate` imports this package at its end, so `validate_book` always runs them.
"""

from workbook.validators import minutes as minutes  # registers its rules on import
from workbook.validators import proposals as proposals  # registers its rules on import
