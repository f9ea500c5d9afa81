"""The workbook's settings sheet "Indstillinger": which folder to read, where packs go, how to send.

Each setting is a cell named after it (a defined name such as `Kildemappe`), or, when
the name is missing, the cell to the right of a label with that text on the settings
sheet. Relative paths are relative to the workbook's folder when Excel knows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import xlwings as xw

from budgetbook.errors import ConfigError

SHEET = "Indstillinger"
SOURCE_FOLDER = "Kildemappe"
PACKS_FOLDER = "Pakkemappe"
ADDRESS_BOOK = "Adressebog"
DRY_RUN = "Proevekoersel"
DOCUMENT_SET = "Dokumentsaet"  # on xlwings Server: the id of the workbook's uploaded documents
LABELS = {SOURCE_FOLDER: "Kildemappe", PACKS_FOLDER: "Pakkemappe", ADDRESS_BOOK: "Adressebog",
          DRY_RUN: "Prøvekørsel", DOCUMENT_SET: "Dokumentsæt"}
YES = {"ja", "yes", "true", "sand", "1", "x"}


@dataclass(frozen=True)
class Settings:
    source_folder: Path | None
    packs_folder: Path | None
    address_book: Path | None
    dry_run: bool = True
    document_set: str | None = None

    def need_source_folder(self) -> Path:
        if self.source_folder is None:
            raise ConfigError(f"Projektmappen angiver ingen kildemappe: skriv mappens fulde sti i cellen "
                              f"'{LABELS[SOURCE_FOLDER]}' på arket '{SHEET}'")
        if not self.source_folder.is_dir():
            raise ConfigError(f"Kildemappen {self.source_folder} findes ikke: ret '{SOURCE_FOLDER}' "
                              f"på arket '{SHEET}'")
        return self.source_folder


def read_settings(book: xw.Book) -> Settings:
    home = book_folder(book)
    dry_run = read_setting(book, DRY_RUN)
    return Settings(
        source_folder=_path(read_setting(book, SOURCE_FOLDER), home),
        packs_folder=_path(read_setting(book, PACKS_FOLDER), home),
        address_book=_path(read_setting(book, ADDRESS_BOOK), home),
        dry_run=True if dry_run is None else str(dry_run).strip().lower() in YES,
        document_set=None if (found := read_setting(book, DOCUMENT_SET)) is None else str(found).strip(),
    )


def read_setting(book: xw.Book, name: str) -> object:
    """The value of the cell named `name`, else of the cell right of its label on the settings sheet."""
    if book.names.contains(name):
        value = book.names[name].refers_to_range.value
        return None if value in ("", None) else value
    sheet = next((s for s in book.sheets if s.name.casefold() == SHEET.casefold()), None)
    if sheet is None:
        return None
    grid = sheet.used_range.options(ndim=2).value or []
    for row in grid:
        for col, value in enumerate(row[:-1]):
            if isinstance(value, str) and value.strip().casefold() in {name.casefold(), LABELS[name].casefold()}:
                found = row[col + 1]
                return None if found in ("", None) else found
    return None


def book_folder(book: xw.Book) -> Path | None:
    """The workbook's folder when Excel has it saved on this machine (desktop), else None (xlwings Server)."""
    full = Path(book.fullname)
    return full.parent if full.is_absolute() and full.parent.is_dir() else None


def _path(value: object, home: Path | None) -> Path | None:
    if value is None:
        return None
    path = Path(str(value).strip()).expanduser()
    if not path.is_absolute() and home is not None:
        path = home / path
    return path
