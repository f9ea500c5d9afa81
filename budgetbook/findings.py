"""Findings: what a validator says about one cell, its source and the difference."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from budgetbook.model import Number, Provenance


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One disagreement: which cell, which source line, expected and found, how bad."""

    severity: Severity
    rule: str
    cell: str
    message: str
    expected: Number | str | None = None
    found: Number | str | None = None
    source: Provenance | None = None

    def describe(self) -> str:
        where = f" ({self.source.describe()})" if self.source else ""
        return f"{self.severity.value.upper()} {self.cell}: {self.message}{where}"

    def to_json(self) -> dict[str, object]:
        return {
            "severity": self.severity.value,
            "rule": self.rule,
            "cell": self.cell,
            "message": self.message,
            "expected": self.expected,
            "found": self.found,
            "source": self.source.to_json() if self.source else None,
        }


def has_errors(findings: list[Finding] | tuple[Finding, ...]) -> bool:
    return any(f.severity is Severity.ERROR for f in findings)
