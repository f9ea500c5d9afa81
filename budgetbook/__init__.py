"""budgetbook: Danish municipal budget documents in, validated Excel workbooks out.

The shared types live here so that both `importers` and `workbook` can use them
without importing each other: the model (`budgetbook.model`), the errors
(`budgetbook.errors`) and the validation findings (`budgetbook.findings`).
"""

__version__ = "0.1.0"
