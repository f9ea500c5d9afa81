"""The worksheet functions as xlwings Server serves them: the same functions, with the server's limits.

BB_SIMILAR reads the catalogue among the documents uploaded for the workbook: its third
argument is the workbook's document set (the cell Dokumentsæt), resolved inside the data
root, never a path; n is capped by the server setting max_similar. Every function runs in
the server's thread pool, so a large table argument never holds up the event loop. The add-in's project folder (`xlpy/officejs/custom_functions`) exports these.
"""

from __future__ import annotations

from budgetbook.errors import ConfigError
from xlpy import functions
from xlpy.confinement import inside, workbook_id
from xlpy.functions import arg, func
from xlpy.offload import offloaded
from xlpy.server_handlers import context


def _workers() -> int:
    return context().settings.workers


bb_tal = offloaded(functions.bb_tal, _workers)
bb_total = offloaded(functions.bb_total, _workers)
bb_kilde = offloaded(functions.bb_kilde, _workers)


@func
@arg("texts", ndim=2, doc="Forslagstekster (en kolonne)")
@arg("n", doc="Hvor mange initiativer pr. tekst (standard 3)")
@arg("document_set", doc="Projektmappens dokumentsæt (cellen Dokumentsæt på arket Indstillinger)")
def bb_similar(texts, n=3, document_set=None):
    """De n initiativer i kataloget der ligner teksten mest: "titel (kommune, lighed 0-100)" pr. kolonne."""
    ctx = context()
    try:
        folder = inside(ctx.settings.data_root, workbook_id(document_set))
    except ConfigError as exc:
        return [[str(exc)]]
    return functions.similar(texts, n, folder, ctx.settings.max_similar)


bb_similar = offloaded(bb_similar, _workers)
