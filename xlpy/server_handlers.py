"""The ribbon's buttons as they run on xlwings Server, where the server, not the workbook, says what is read.

- Opdater reads the documents uploaded for the workbook (the task pane's store), never a
  folder the workbook names.
- Valider is the desktop handler; the findings are also kept for the task pane's list.
- Byg pakker writes the workbook (the uploaded documents, with what users wrote in Status,
  Kommentar and Beslutning) and its packs below the configured output root.
- Send pakker mails (or, with Prøvekørsel, writes to the outbox) only after the user confirmed
  the list of committees and recipients: a real send needs the token of `send_plan`.

Each takes the `progress` of its run (`xlpy.run_progress`), which the task pane polls.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import xlwings as xw

from budgetbook.errors import ConfigError
from budgetbook.progress import Progress, silent
from xlpy import handlers
from xlpy.book_values import book_grids
from xlpy.confinement import inside, workbook_id
from xlpy.confirmations import Confirmations
from xlpy.documents import DocumentEntry, DocumentStore
from xlpy.run_progress import RunProgress
from xlpy.server_settings import ServerSettings
from xlpy.settings import DOCUMENT_SET, read_setting, read_settings

PACKS = "Pakker"
OUTBOX = "Udbakke"
BUILT = "Budget.xlsx"


@dataclass(frozen=True)
class ServerContext:
    settings: ServerSettings
    store: DocumentStore
    confirmations: Confirmations
    runs: RunProgress


@lru_cache(maxsize=1)
def context() -> ServerContext:
    settings = ServerSettings.resolve()
    return ServerContext(settings, DocumentStore(settings.data_root), Confirmations(), RunProgress())


@dataclass(frozen=True)
class Recipient:
    udvalg: str
    name: str
    addresses: tuple[str, ...]


@dataclass(frozen=True)
class SendPlan:
    dry_run: bool
    recipients: tuple[Recipient, ...]
    token: str

    def describe(self) -> str:
        head = ("Prøvekørsel: pakkerne skrives i udbakken, intet sendes." if self.dry_run
                else "Pakkerne sendes nu til:")
        return "\n".join([head] + [f"{r.udvalg} ({r.name}): {', '.join(r.addresses)}" for r in self.recipients])


def book_workbook_id(book: xw.Book) -> str:
    return workbook_id(read_setting(book, DOCUMENT_SET))


def output_folder(ctx: ServerContext, workbook: str) -> Path:
    return inside(ctx.settings.output_root, workbook)


def uploaded(book: xw.Book, ctx: ServerContext) -> tuple[str, list[Path], list[DocumentEntry]]:
    """The workbook's document set, the files that imported, and the documents that did not."""
    workbook = book_workbook_id(book)
    paths, skipped = ctx.store.paths(workbook)
    if not paths:
        raise ConfigError("Der er ingen læsbare dokumenter uploadet til projektmappen: træk dem ind i "
                          "opgavepanelet 'Dokumenter' og prøv igen")
    return workbook, paths, skipped


@handlers.reports_errors
def refresh(book: xw.Book, ctx: ServerContext, progress: Progress = silent) -> str:
    _, paths, skipped = uploaded(book, ctx)
    summary = handlers.rebuild(book, paths, "uploadet til serveren", progress, ctx.settings.address_book)
    if skipped:
        summary += " Ikke brugt, fordi de ikke kunne læses: " + ", ".join(e.name for e in skipped) + "."
    return summary


def validate(book: xw.Book, ctx: ServerContext, progress: Progress | None = None) -> str:
    try:
        workbook = book_workbook_id(book)
    except ConfigError:  # no task pane yet: the sheet and the colours are all there is
        return handlers.validate(book, progress=progress)
    return handlers.validate(book, record=lambda findings: ctx.store.record_findings(workbook, findings),
                             progress=progress)


@handlers.reports_errors
def build_packs(book: xw.Book, ctx: ServerContext, progress: Progress = silent) -> str:
    from workbook.packs import build_packs as build
    from workbook.write_xlsx import write_workbook

    workbook, paths, _ = uploaded(book, ctx)
    folder = output_folder(ctx, workbook)
    folder.mkdir(parents=True, exist_ok=True)
    layout, _ = handlers.layout_keeping_user_entries(book_grids(book), paths, progress, ctx.settings.address_book)
    write_workbook(layout, folder / BUILT, progress=progress)
    return build(folder / BUILT, folder / PACKS, progress=progress).describe()


def send_plan(book: xw.Book, ctx: ServerContext, user: str) -> SendPlan:
    """Who gets which pack, and the token that confirms exactly this (for this user, workbook and packs)."""
    from budgetbook.sending.committees import read_address_book
    from budgetbook.sending.packs import read_packs

    workbook = book_workbook_id(book)
    address_book = need_address_book(ctx)
    packs = read_packs(output_folder(ctx, workbook) / PACKS)
    committees = read_address_book(address_book)
    recipients = []
    for pack in packs.packs:
        committee = committees.committee(pack.udvalg)
        recipients.append(Recipient(pack.udvalg, committee.name if committee else "ikke i adressebogen",
                                    committee.envelope if committee else ()))
    subject = (user, workbook, _manifest_sha(output_folder(ctx, workbook) / PACKS))
    return SendPlan(read_settings(book).dry_run, tuple(recipients), ctx.confirmations.issue(subject))


@handlers.reports_errors
def send_packs(book: xw.Book, ctx: ServerContext, user: str, token: str = "", progress: Progress = silent) -> str:
    from budgetbook.sending import send_packs as send

    workbook = book_workbook_id(book)
    folder = output_folder(ctx, workbook) / PACKS
    dry_run = read_settings(book).dry_run
    if not dry_run and not ctx.confirmations.redeem(token, (user, workbook, _manifest_sha(folder))):
        raise ConfigError("Intet er sendt: Send pakker skal bekræftes i dialogen med listen over udvalg og "
                          "modtagere. Tryk Send pakker igen og vælg OK")
    return send(folder, need_address_book(ctx), dry_run=dry_run, outbox=output_folder(ctx, workbook) / OUTBOX,
                progress=progress).describe()


def need_address_book(ctx: ServerContext) -> Path:
    if ctx.settings.address_book is None:
        raise ConfigError("Serveren har ingen adressebog: bed den ansvarlige sætte BUDGETBOOK_ADDRESS_BOOK "
                          "til stien til committees.toml")
    return ctx.settings.address_book


def _manifest_sha(packs_folder: Path) -> str:
    try:
        return hashlib.sha256((packs_folder / "packs.json").read_bytes()).hexdigest()
    except FileNotFoundError:
        raise ConfigError("Der er ingen pakker endnu: tryk Byg pakker først") from None
