"""What a send run did, pack by pack, as data and as clear lines for the terminal."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Status(str, Enum):
    SENT = "sent"
    WRITTEN = "written"            # dry run: .eml in the outbox
    UNCHANGED = "unchanged"        # this version already delivered to everyone
    REFUSED = "refused"            # some or all recipients refused; retried next run
    FAILED = "failed"              # certainly not delivered; retried next run
    UNCERTAIN = "uncertain"        # may have been delivered; never re-sent without --resend
    NOT_ATTEMPTED = "not attempted"
    BLOCKED = "blocked"            # validation errors and no --force
    PROBLEM = "problem"            # pack missing, changed, or no committee for it

    @property
    def ok(self) -> bool:
        return self in (Status.SENT, Status.WRITTEN, Status.UNCHANGED)


@dataclass(frozen=True)
class Outcome:
    udvalg: str
    status: Status
    detail: str
    recipients: tuple[str, ...] = ()

    def describe(self) -> str:
        label = self.status.value if self.status.ok else self.status.value.upper()
        return f"{self.udvalg}: {label} - {self.detail}"


@dataclass(frozen=True)
class SendReport:
    outcomes: tuple[Outcome, ...]
    notes: tuple[str, ...] = ()
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return all(o.status.ok for o in self.outcomes)

    @property
    def failed(self) -> bool:
        """Something was not sent that should have been (blocked, refused, failed, uncertain, ...)."""
        return not self.ok

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def by_udvalg(self) -> dict[str, Outcome]:
        return {o.udvalg: o for o in self.outcomes}

    def lines(self) -> list[str]:
        lines = [o.describe() for o in self.outcomes] + [f"note: {n}" for n in self.notes]
        counts: dict[str, int] = {}
        for outcome in self.outcomes:
            counts[outcome.status.value] = counts.get(outcome.status.value, 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in counts.items()) or "no packs"
        lines.append(("Dry run: " if self.dry_run else "") + summary + ".")
        return lines

    def describe(self) -> str:
        return "\n".join(self.lines())

    __str__ = describe
