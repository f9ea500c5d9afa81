"""Send a folder of packs: plan from manifest + address book + send log, then deliver or write the outbox.

packs_to_plans (pure: who is still owed which pack) -> plans_to_outcomes (SMTP or outbox, logged).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from budgetbook.errors import ConfigError
from budgetbook.file_names import unique_file_names
from budgetbook.files import FileLock
from budgetbook.progress import Progress, silent
from budgetbook.sending.committees import (
    AddressBook,
    normalise_short,
    read_address_book,
)
from budgetbook.sending.log import (
    DELIVERED,
    FAILED,
    LOG_NAME,
    UNCERTAIN,
    Attempt,
    Result,
    SendLog,
    history_of,
    new_attempt_id,
    now_iso,
    read_log,
)
from budgetbook.sending.messages import OutgoingMail, count_da, pack_to_mail
from budgetbook.sending.outbox import DEFAULT_OUTBOX, write_to_outbox
from budgetbook.sending.packs import Pack, PacksFolder, read_packs, sha256_of
from budgetbook.sending.report import Outcome, SendReport, Status
from budgetbook.sending.smtp import (
    ConnectionLost,
    DeliveryUncertain,
    Rejected,
    SmtpTransport,
)



@dataclass(frozen=True)
class Plan:
    """A mail to send now, to the recipients still owed this version of the pack."""

    pack: Pack
    sha256: str
    mail: OutgoingMail
    owed: tuple[str, ...]
    forced: bool


def send_packs(packs_dir: Path | str, config_path: Path | str, *, dry_run: bool = False, force: bool = False,
               outbox: Path | str | None = None, env: Mapping[str, str] = os.environ,
               resend: Iterable[str] = (), now: datetime | None = None,
               progress: Progress | None = None) -> SendReport:
    """Send each pack in `packs_dir` to its committee as configured in `config_path`.

    Sends only what the send log does not record as delivered (a changed pack has a new checksum and
    goes to everyone again). `force` sends packs with validation errors, marked as such in the mail.
    `resend` names committees whose uncertain last attempt the user has checked and wants re-sent.
    `dry_run` writes the messages to `outbox` (default out/outbox) and neither sends nor logs.
    `progress` hears ("sending", mails done, mails to send) after each mail's outcome is logged,
    never between a mail's attempt and its result, so a display that fails or is interrupted
    leaves a log from which the next run sends exactly what is still owed.
    """
    book = read_address_book(Path(config_path), env=None if dry_run else env)
    folder = read_packs(Path(packs_dir))
    when = now or datetime.now().astimezone()
    wanted = {normalise_short(name) for name in resend}
    unknown = wanted - {p.udvalg for p in folder.packs}
    if unknown:
        raise ConfigError(f"resend: no pack for {', '.join(sorted(unknown))} in {folder.path}")
    if dry_run:
        outcomes, notes = _plan_and_run(folder, book, when, force, wanted, None, Path(outbox or DEFAULT_OUTBOX),
                                        progress or silent)
        return SendReport(outcomes, notes, dry_run=True)
    # one send per packs folder at a time: two runs reading the same log would both send
    with FileLock(folder.path / LOG_NAME, "budgetbook send", wait=0):
        outcomes, notes = _plan_and_run(folder, book, when, force, wanted, SendLog(folder.path / LOG_NAME), None,
                                        progress or silent)
    return SendReport(outcomes, notes)


def _plan_and_run(folder: PacksFolder, book: AddressBook, when: datetime, force: bool, resend: set[str],
                  log: SendLog | None, outbox: Path | None, progress: Progress
                  ) -> tuple[tuple[Outcome, ...], tuple[str, ...]]:
    entries, torn = read_log(folder.path / LOG_NAME)
    notes = [torn] if torn else []
    owner = {p.udvalg: c.short if (c := book.committee(p.udvalg)) else None for p in folder.packs}
    notes += [f"{c.short} ({c.name}) is in the address book but has no pack" for c in book.committees
              if c.short not in owner.values()]
    decided: dict[str, Outcome] = {}
    plans: list[Plan] = []
    for pack in folder.packs:
        twins = [p.file for p in folder.packs if owner[p.udvalg] is not None and owner[p.udvalg] == owner[pack.udvalg]]
        if len(twins) > 1:  # one committee, two packs (built before its names were declared): never two mails
            decided[pack.udvalg] = Outcome(pack.udvalg, Status.PROBLEM, f"{' and '.join(twins)} are both packs "
                                           f"of {owner[pack.udvalg]}; build and run packs again (committees.toml "
                                           "names the committee), then send")
            continue
        result = pack_to_plan(pack, folder, book, entries, when, force, pack.udvalg in resend)
        if isinstance(result, Plan):
            plans.append(result)
        else:
            decided[pack.udvalg] = result
    if plans:
        progress("sending", 0, len(plans))
    if outbox is not None:
        names = unique_file_names([p.udvalg for p in folder.packs], ".eml")
        for done, plan in enumerate(plans, 1):
            path = write_to_outbox(plan.mail, outbox, names[plan.pack.udvalg])
            decided[plan.pack.udvalg] = Outcome(plan.pack.udvalg, Status.WRITTEN,
                                                f"{path} (would go to {', '.join(plan.owed)})", plan.owed)
            progress("sending", done, len(plans))
    elif plans and log is not None:
        decided.update(plans_to_outcomes(plans, book, log, progress))
    return tuple(decided[p.udvalg] for p in folder.packs), tuple(notes)


def pack_to_plan(pack: Pack, folder: PacksFolder, book: AddressBook, entries: tuple, when: datetime,
                 force: bool, resend: bool) -> Plan | Outcome:
    """Decide one pack: an Outcome when there is nothing to send, else the Plan of what to send."""
    committee = book.committee(pack.udvalg)
    if committee is None:
        return Outcome(pack.udvalg, Status.PROBLEM, f"no committee with short = \"{pack.udvalg}\" in "
                       f"{book.source}; add one, or remove the pack")
    try:
        attachment = pack.path.read_bytes()
    except OSError as error:
        return Outcome(pack.udvalg, Status.PROBLEM, f"cannot read {pack.path} ({error.strerror or error})")
    sha256 = sha256_of(attachment)
    if sha256 != pack.sha256:
        return Outcome(pack.udvalg, Status.PROBLEM, f"{pack.file} is not the file the manifest describes "
                       "(checksum differs; changed after the packs were built?); rebuild the packs")
    history = history_of(entries, pack.udvalg, sha256)
    delivered = {a.lower() for a in history.delivered}
    uncertain = {a.lower() for a in history.uncertain}
    if uncertain and not resend:
        return Outcome(pack.udvalg, Status.UNCERTAIN,
                       f"not re-sent: an earlier attempt to send {pack.file} to {', '.join(sorted(uncertain))} "
                       "was interrupted and may have been delivered (see send-log.jsonl); ask the recipients, "
                       f"then run with resend={pack.udvalg} (--resend {pack.udvalg}) to send it again")
    owed = tuple(a for a in committee.envelope if a.lower() not in delivered)
    if not owed:
        return Outcome(pack.udvalg, Status.UNCHANGED,
                       f"{pack.file} (sha256 {sha256[:12]}) already delivered to everyone")
    if pack.errors and not force:
        return Outcome(pack.udvalg, Status.BLOCKED,
                       f"validation found {count_da(pack.errors, 'fejl', 'fejl')} (errors) in {pack.file}; "
                       "fix the budget and rebuild the packs, or send anyway with --force")
    mail = pack_to_mail(pack, attachment, committee, book, folder.budget_year, when, forced=bool(pack.errors))
    return Plan(pack, sha256, mail, owed, forced=bool(pack.errors))


def plans_to_outcomes(plans: list[Plan], book: AddressBook, log: SendLog,
                      progress: Progress = silent) -> dict[str, Outcome]:
    """Deliver over one SMTP session, logging an attempt before DATA and its result after it.

    `progress` is told after a mail's result is in the log (see `send_packs`)."""
    outcomes: dict[str, Outcome] = {}
    with SmtpTransport(book.smtp) as transport:
        for index, plan in enumerate(plans):
            outcome = deliver(plan, book, transport, log)
            outcomes[plan.pack.udvalg] = outcome
            progress("sending", index + 1, len(plans))
            if transport.connection is None:  # connection lost: the rest waits for the next run
                for rest in plans[index + 1:]:
                    outcomes[rest.pack.udvalg] = Outcome(rest.pack.udvalg, Status.NOT_ATTEMPTED,
                                                         "the connection to the mail server ended earlier in "
                                                         "this run; run again to send it")
                break
    return outcomes


def deliver(plan: Plan, book: AddressBook, transport: SmtpTransport, log: SendLog) -> Outcome:
    pack = plan.pack
    try:
        envelope = transport.envelope(book.smtp.sender_address, plan.owed)
    except (Rejected, ConnectionLost) as error:
        return Outcome(pack.udvalg, Status.FAILED, f"not sent ({error}); it will be tried again next run")
    attempt = Attempt(new_attempt_id(), pack.udvalg, pack.file, plan.sha256, envelope.accepted,
                      envelope.refused, plan.mail.message_id, plan.forced, now_iso())
    log.append(attempt)
    refused = "; ".join(f"{a} refused ({reply})" for a, reply in envelope.refused.items())
    also = f"; also {refused}" if refused else ""
    if not envelope.accepted:
        log.append(Result(attempt.id, FAILED, "every recipient refused", now_iso()))
        return Outcome(pack.udvalg, Status.REFUSED, f"not sent: {refused}; fix the address in the address book "
                       "or ask IT, it will be tried again next run", plan.owed)
    try:
        reply = transport.data(plan.mail.data)
    except Rejected as error:
        log.append(Result(attempt.id, FAILED, error.reply, now_iso()))
        return Outcome(pack.udvalg, Status.FAILED, f"the server refused the message ({error.reply}){also}; "
                       "it will be tried again next run", envelope.accepted)
    except DeliveryUncertain as error:
        log.append(Result(attempt.id, UNCERTAIN, str(error), now_iso()))
        return Outcome(pack.udvalg, Status.UNCERTAIN, f"{error}: {pack.file} may or may not have reached "
                       f"{', '.join(envelope.accepted)}; it will not be re-sent automatically; ask the "
                       f"recipients, then run with resend={pack.udvalg} (--resend {pack.udvalg}){also}",
                       envelope.accepted)
    log.append(Result(attempt.id, DELIVERED, reply, now_iso()))
    forced = " despite validation errors (--force; the mail says so)" if plan.forced else ""
    sent = f"{pack.file} to {', '.join(envelope.accepted)}{forced}; server: {reply}"
    if envelope.refused:
        return Outcome(pack.udvalg, Status.REFUSED, f"sent {sent}; but {refused}; the refused addresses "
                       "will be tried again next run", envelope.accepted)
    return Outcome(pack.udvalg, Status.SENT, sent, envelope.accepted)
