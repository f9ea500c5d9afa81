"""The ribbon's buttons as xlwings Server scripts: each hands the book the add-in sent to its handler.

Kept apart from `xlpy.handlers` because xlwings Server's `@script` turns the function
into an async wrapper with a user argument; the handlers stay plain functions of a Book.
"""

from __future__ import annotations

import xlwings as xw
from xlwings.server import script

from xlpy import handlers


@script(name="Opdater")
def refresh(book: xw.Book) -> None:
    handlers.refresh(book)


@script(name="Valider")
def validate(book: xw.Book) -> None:
    handlers.validate(book)


@script(name="Byg pakker")
def build_packs(book: xw.Book) -> None:
    handlers.build_packs(book)


@script(name="Send pakker")
def send_packs(book: xw.Book) -> None:
    handlers.send_packs(book)
