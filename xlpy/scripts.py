"""The ribbon's buttons as xlwings Server scripts: each hands the book the add-in sent to its server handler.

Kept apart from `xlpy.handlers` because xlwings Server's `@script` turns the function
into an async wrapper with a user argument; the handlers stay plain functions of a Book.
Each script runs its handler in the server's thread pool (`xlpy.offload`), not on the
event loop. The last argument, `run_id`, names the run whose progress the task pane polls
(`xlpy.run_progress`); without it the script runs untracked. The add-in's project folder
(`xlpy/officejs/custom_scripts`) exports these.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

import xlwings as xw
from xlwings.server import script
from xlwings_server.models import CurrentUser

from xlpy import server_handlers as run
from xlpy.offload import off_loop
from xlpy.run_progress import owner


async def _tracked(name: str, handler: Callable[..., str], book: xw.Book, user: CurrentUser, run_id: str,
                   *args: object) -> None:
    ctx = run.context()
    with ctx.runs.tracking(owner(user), run_id, name) as progress:
        await off_loop(functools.partial(handler, book, ctx, *args, progress=progress), workers=ctx.settings.workers)


@script(name="Opdater")
async def refresh(book: xw.Book, current_user: CurrentUser, run_id: str = "") -> None:
    await _tracked("Opdater", run.refresh, book, current_user, run_id)


@script(name="Valider")
async def validate(book: xw.Book, current_user: CurrentUser, run_id: str = "") -> None:
    await _tracked("Valider", run.validate, book, current_user, run_id)


@script(name="Byg pakker")
async def build_packs(book: xw.Book, current_user: CurrentUser, run_id: str = "") -> None:
    await _tracked("Byg pakker", run.build_packs, book, current_user, run_id)


@script(name="Send pakker")
async def send_packs(book: xw.Book, current_user: CurrentUser, token: str = "", run_id: str = "") -> None:
    """Without the token of /budget/send-plan only a dry run (Prøvekørsel) goes through."""
    await _tracked("Send pakker", run.send_packs, book, current_user, run_id, current_user.name or "", token)
