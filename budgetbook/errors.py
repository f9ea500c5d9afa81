"""Exceptions raised by the library; only the CLI and xlpy turn them into messages.

Every error that concerns a document says where: file, and page and line when known.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from budgetbook.model import Provenance


class BudgetbookError(Exception):
    """Base class of every error budgetbook raises on purpose."""


class SourceError(BudgetbookError, ValueError):
    """A document cannot be read as what it claims to be; names file, page, line and what to do."""

    def __init__(self, message: str, where: Provenance | str | None = None, hint: str = "") -> None:
        self.message = message
        self.where = where
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        place = f" ({self.where.describe()})" if hasattr(self.where, "describe") else (
            f" ({self.where})" if self.where else "")
        hint = f" {self.hint}" if self.hint else ""
        return f"{self.message}{place}.{hint}"


class NumberError(SourceError):
    """A cell that should hold a Danish number holds something else."""


class UnknownDocumentError(SourceError):
    """No importer recognises the document."""


class WorkbookError(BudgetbookError, ValueError):
    """A workbook is not one budgetbook built, or is damaged."""


class FormulaError(BudgetbookError, ValueError):
    """A formula uses a shape the evaluator does not know; names the cell."""


class ConfigError(BudgetbookError, ValueError):
    """A settings value or file is wrong; names the key, and says what to write instead (`hint`)."""

    def __init__(self, message: str, hint: str = "") -> None:
        self.message = message
        self.hint = hint
        super().__init__(f"{message} {hint}".strip())


class SendError(BudgetbookError, OSError):
    """Mail cannot be sent at all (server unreachable, STARTTLS or login refused); says what to check."""


class DocumentsError(SourceError):
    """Some of the documents could not be read: one line for each, then what to do (one line for one)."""

    def __init__(self, failures: list[str], total: int) -> None:
        self.failures = list(failures)
        self.total = total
        super().__init__(f"{len(self.failures)} of {total} documents could not be read")

    def __str__(self) -> str:
        count = len(self.failures)
        if count == 1:
            leave_out = " or leave it out on purpose (budgetbook build --skip-bad)" if self.total > 1 else ""
            return f"{self.failures[0]} Nothing was written; fix the document{leave_out}."
        return "\n".join([*self.failures, f"{count} of {self.total} documents could not be read, so nothing was "
                                          "written. Fix or remove them, or leave them out on purpose "
                                          "(budgetbook build --skip-bad)."])

    def __reduce__(self) -> tuple[object, ...]:
        return type(self), (self.failures, self.total)
