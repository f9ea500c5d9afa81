"""The ribbon's buttons as xlwings Server scripts: each hands the book the add-in sent to its server handler.

Kept apart from `xlpy.handlers` because xlwings Server's `@script` turns the function
into an async wrapper with a user argument; the handlers stay plain functions of a Book.
Each script runs its handler in the server's thread pool (`xlpy.offload`), not on the
event loop. The add-in's project folder (`xlpy/officejs/custom_scripts`) exports these.
"""

from __future__ import annotations

import xlwings as xw
from xlwings.server import script
from xlwings_server.models import CurrentUser

from xlpy import server_handlers as run
from xlpy.offload import off_loop


def _workers() -> int:
    return run.context().settings.workers


@script(name="Opdater")
async def refresh(book: xw.Book) -> None:
    await off_loop(run.refresh, book, run.context(), workers=_workers())


@script(name="Valider")
async def validate(book: xw.Book) -> None:
    await off_loop(run.validate, book, run.context(), workers=_workers())


@script(name="Byg pakker")
async def build_packs(book: xw.Book) -> None:
    await off_loop(run.build_packs, book, run.context(), workers=_workers())


@script(name="Send pakker")
async def send_packs(book: xw.Book, current_user: CurrentUser, token: str = "") -> None:
    """Without the token of /budget/send-plan only a dry run (Prøvekørsel) goes through."""
    await off_loop(run.send_packs, book, run.context(), current_user.name or "", token, workers=_workers())
