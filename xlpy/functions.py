"""budgetbook's worksheet functions, whole arrays in and out (a column of texts gives a column of numbers).

    =BB_TAL(A2:A40)                                  Danish number text -> number ("15.036" -> 15036)
    =BB_TOTAL("CJS"; 2024; Oversigt_Oversigt[#Alle])  a center's total for a year, from the Oversigt table
    =BB_SIMILAR(B5:B9; 3; Kildemappe)               the n catalogue initiatives most like each text
    =BB_KILDE(P6:P20; Sporbarhed[#Alle])             file, page and line each keyed row came from

The table and folder arguments are what the function reads: a worksheet function
only sees its arguments on xlwings Server, so it is handed the table (or the settings
cell naming the source folder) rather than finding it itself. A value that cannot be
answered gives its reason as text in that cell, never a silently empty cell.

The decorators are xlwings' own: the desktop UDF decorators on Windows (Import
Functions in the xlwings add-in), xlwings Server's everywhere else (`xlpy.server`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from pathlib import Path

import xlwings as xw

import importers
from budgetbook.errors import BudgetbookError
from importers.numbers import parse_number
from importers.readers import SUFFIXES
from workbook.lookup import center_total, source_of

if xw.func.__module__ == "xlwings":
    # Neither the Windows UDF server nor XLWINGS_ON_SERVER chose the decorators: use xlwings Server's,
    # which only need the licence key (XLWINGS_LICENSE_KEY); without it the functions stay plain Python.
    try:
        from xlwings.server import arg, func
    except xw.LicenseError:  # pragma: no cover - depends on the environment
        from xlwings import arg, func
else:  # pragma: no cover - Windows desktop or an explicit XLWINGS_ON_SERVER=true
    from xlwings import arg, func

Grid = list[list[object]]
CATALOGUE_KIND = "initiative_catalogue"
MAX_SIMILAR = 50  # on the desktop; the server's limit is its setting max_similar


@func
@arg("texts", ndim=2, doc="Celler med tal skrevet på dansk, fx 15.036 eller -1.500 eller (300)")
def bb_tal(texts):  # no annotations: xlwings would read them as converters
    """Dansk taltekst til tal: "15.036" giver 15036, "1,3" giver 1,3, "(300)" giver -300."""
    return each(texts, _number)


@func
@arg("centers", ndim=2, doc="Centerets navn, fx CJS (eller en kolonne af navne)")
@arg("years", ndim=2, doc="Året, fx 2024")
@arg("overview", ndim=2, doc="Oversigt-tabellen med overskrifter: Oversigt_Oversigt[#Alle]")
def bb_total(centers, years, overview=None):
    """Centerets total for året, som oversigten viser den (summen over afsnittene for året)."""
    if not overview:
        return [["Angiv Oversigt-tabellen som 3. argument: Oversigt_Oversigt[#Alle]"]]
    return pairwise(centers, years, lambda center, year: center_total(overview, str(center), year))


@func
@arg("texts", ndim=2, doc="Forslagstekster (en kolonne)")
@arg("n", doc="Hvor mange initiativer pr. tekst (standard 3)")
@arg("folder", doc="Kildemappen med initiativkataloget (cellen Kildemappe)")
def bb_similar(texts, n=3, folder=None):
    """De n initiativer i kataloget der ligner teksten mest: "titel (kommune, lighed 0-100)" pr. kolonne."""
    if not folder:
        return [["Angiv kildemappen som 3. argument (cellen Kildemappe)"]]
    return similar(texts, n, Path(str(folder)), MAX_SIMILAR)


def similar(texts: Grid, n: object, folder: Path, limit: int) -> Grid:
    """Per text, the `n` (1 to `limit`) most similar initiatives of the catalogues in `folder`."""
    try:
        count = int(n if n not in (None, "") else 3)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        count = 0
    if not 1 <= count <= limit:
        return [[f"Antal (2. argument) skal være et helt tal fra 1 til {limit}, ikke {n!r}"]]
    if not folder.is_dir():
        return [[f"Mappen {folder.name} findes ikke: angiv kildemappen som 3. argument"]]
    index = catalogue_index(str(folder))
    flat = [str(row[0] or "") for row in texts]
    matches = index.most_similar_many(flat, count)
    return [[f"{m.initiative.title} ({m.initiative.municipality}, {m.score:.0f})" for m in found]
            + [""] * (count - len(found)) for found in matches]


@func
@arg("keys", ndim=2, doc="Nøgler fra kolonnen Nøgle, fx R-1a2b3c4d5e")
@arg("traces", ndim=2, doc="Sporbarhed-tabellen på arket Kontrol: Sporbarhed[#Alle]")
def bb_kilde(keys, traces=None):
    """Fil, side og linje rækken med nøglen kom fra."""
    if not traces:
        return [["Angiv Sporbarhed-tabellen som 2. argument: Sporbarhed[#Alle]"]]
    return each(keys, lambda key: source_of(traces, str(key)).describe())


def each(grid: Grid, one: Callable[[object], object]) -> Grid:
    """`one` applied to every cell; a blank stays blank, a budgetbook error becomes its message."""
    return [[_answer(one, value) for value in row] for row in grid]


def pairwise(lefts: Grid, rights: Grid, one: Callable[[object, object], object]) -> Grid:
    """Excel-style broadcasting of two arguments: a single value pairs with every cell of the other."""
    rows = max(len(lefts), len(rights))
    cols = max(len(lefts[0]), len(rights[0]))
    return [[_answer(lambda pair: one(*pair), (_pick(lefts, r, c), _pick(rights, r, c)))  # type: ignore[misc]
             for c in range(cols)] for r in range(rows)]


def _pick(grid: Grid, r: int, c: int) -> object:
    row = grid[r if len(grid) > 1 else 0]
    return row[c if len(row) > 1 else 0]


def _answer(one: Callable[[object], object], value: object) -> object:
    if _blank(value) or (isinstance(value, tuple) and any(_blank(v) for v in value)):
        return ""
    try:
        return one(value)
    except BudgetbookError as exc:
        return str(exc)


def _blank(value: object) -> bool:
    return value is None or value == ""


def _number(value: object) -> object:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    number = parse_number(str(value), "BB_TAL")
    return "" if number is None else number


def catalogue_index(folder: str):  # -> workbook.similar.SimilarityIndex
    """The initiatives of every catalogue in the folder, read once per version of the files."""
    path = Path(folder)
    files = tuple(sorted((p.name, p.stat().st_mtime) for p in path.iterdir()
                         if p.is_file() and p.suffix.lower() in SUFFIXES))
    return _catalogue_index(str(path), files)


@lru_cache(maxsize=4)
def _catalogue_index(folder: str, files: Sequence[tuple[str, float]]):
    from workbook.similar import SimilarityIndex

    initiatives = []
    for name, _ in files:
        try:
            result = importers.parse(Path(folder) / name)
        except BudgetbookError:
            continue  # not a document budgetbook reads; the catalogue is what matters here
        if result.kind == CATALOGUE_KIND:
            initiatives.extend(result.records)
    return SimilarityIndex(initiatives)
