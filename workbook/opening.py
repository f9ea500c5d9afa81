"""Opening a workbook budgetbook built (or a user saved): checked before openpyxl parses it.

`open_workbook(path)` refuses, in one line, what openpyxl would choke or drown on: a missing file,
a ZIP bomb or a part with a DTD (`importers.readers.archive_limits`), and anything that is not a
workbook. validate, packs and the library calls behind the ribbon open workbooks here.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from openpyxl import Workbook, load_workbook

from budgetbook.errors import BudgetbookError, WorkbookError
from importers.readers.archive_limits import check_archive


def open_workbook(path: Path) -> Workbook:
    """The workbook at `path` with its formulas, or a `WorkbookError`/`SourceError` saying why not."""
    path = Path(path)
    try:
        with zipfile.ZipFile(path) as archive:
            check_archive(archive, path.name)
        return load_workbook(path)
    except FileNotFoundError:
        raise WorkbookError(f"No workbook {path}; build it first (budgetbook build ... -o {path.name})") from None
    except zipfile.BadZipFile:
        raise WorkbookError(f"{path.name} is not a workbook (.xlsx), or it is damaged; give the workbook "
                            "budgetbook build wrote") from None
    except BudgetbookError:  # the archive check's own line
        raise
    except Exception as exc:  # openpyxl raises many kinds for a broken file
        raise WorkbookError(f"Cannot open {path.name} as a workbook: {exc}") from exc
