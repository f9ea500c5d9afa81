"""The task pane's routes on xlwings Server: the workbook's documents, its findings, the send confirmation.

    POST   /budget/documents            multipart: workbook, file[, replaces]  -> stored, imported, listed
    GET    /budget/documents?workbook=  the list (HTML for the pane; ?format=json for programs)
    DELETE /budget/documents/{document}?workbook=
    GET    /budget/findings?workbook=   the last Valider's findings, each linked to its cell
    POST   /budget/send-plan            the book (JSON) -> committees, recipients and a one-time token
    GET    /budget/progress?run=        how far this user's script run has got (xlpy.run_progress)
    GET    /budget/help                 the add-in's support page

Every route but the help page needs an authenticated user (xlwings Server's auth hook);
the add-in's project folder registers this router (`routers/custom.py`).
"""

from __future__ import annotations

import dataclasses

from fastapi import APIRouter, File, Form, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response
from xlwings_server import dependencies as dep
from xlwings_server.templates import TemplateResponse

from budgetbook.errors import BudgetbookError, ConfigError
from xlpy import server_handlers as run
from xlpy.confinement import workbook_id
from xlpy.documents import DocumentEntry
from xlpy.offload import off_loop
from xlpy.run_progress import owner

router = APIRouter(prefix="/budget")


def _workbook(value: str) -> str:
    try:
        return workbook_id(value)
    except ConfigError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None


def _listing(request: Request, workbook: str, as_json: bool, status: int = 200,
             just_added: DocumentEntry | None = None) -> Response:
    entries = run.context().store.documents(workbook)
    if as_json:
        return JSONResponse({"workbook": workbook, "documents": [dataclasses.asdict(e) for e in entries]},
                            status_code=status)
    return TemplateResponse(request=request, name="_documents.html", status_code=status,
                            context={"workbook": workbook, "documents": entries, "just_added": just_added})


@router.get("/documents")
async def documents(request: Request, current_user: dep.User, workbook: str = Query(...),
                    format: str = Query("html")) -> Response:  # noqa: A002 - the query parameter's name
    return _listing(request, _workbook(workbook), format == "json")


@router.post("/documents")
async def upload(request: Request, current_user: dep.User, workbook: str = Form(...),
                 file: UploadFile = File(...), replaces: str = Form(""), format: str = Form("html")) -> Response:  # noqa: A002
    ctx = run.context()
    book = _workbook(workbook)
    limit = ctx.settings.max_upload_mb * 1024 * 1024
    data = await file.read(limit + 1)
    if len(data) > limit:
        raise HTTPException(status_code=413, detail=f"{file.filename} er større end {ctx.settings.max_upload_mb} MB, "
                                                     "som serveren tager imod")
    try:
        entry = await off_loop(ctx.store.add, book, file.filename or "", data, current_user.name or "ukendt",
                               replaces or None, workers=ctx.settings.workers)
    except ConfigError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None
    return _listing(request, book, format == "json", status=201, just_added=entry)


@router.delete("/documents/{document}")
async def remove(request: Request, document: str, current_user: dep.User, workbook: str = Query(...),
                 format: str = Query("html")) -> Response:  # noqa: A002
    book = _workbook(workbook)
    try:
        found = run.context().store.remove(book, document)
    except ConfigError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None
    if not found:
        raise HTTPException(status_code=404, detail=f"Projektmappen har intet dokument ved navn {document}")
    return _listing(request, book, format == "json")


@router.get("/findings")
async def findings(request: Request, current_user: dep.User, workbook: str = Query(...),
                   format: str = Query("html")) -> Response:  # noqa: A002
    book = _workbook(workbook)
    found = run.context().store.findings(book)
    if format == "json":
        return JSONResponse({"workbook": book, "findings": [dataclasses.asdict(f) for f in found]})
    return TemplateResponse(request=request, name="_findings.html", context={"findings": found})


@router.post("/send-plan")
async def send_plan(current_user: dep.User, book: dep.Book) -> JSONResponse:
    ctx = run.context()
    try:
        plan = await off_loop(run.send_plan, book, ctx, current_user.name or "", workers=ctx.settings.workers)
    except BudgetbookError as exc:
        raise HTTPException(status_code=400, detail=str(exc)) from None
    return JSONResponse({"dry_run": plan.dry_run, "token": plan.token, "text": plan.describe(),
                         "recipients": [dataclasses.asdict(r) for r in plan.recipients]})


@router.get("/progress")
async def progress(current_user: dep.User, run_id: str = Query(..., alias="run")) -> JSONResponse:
    state = run.context().runs.state(owner(current_user), run_id)
    if state is None:
        raise HTTPException(status_code=404, detail="Ingen kørsel med det id (endnu)")
    return JSONResponse(state, headers={"Cache-Control": "no-store"})


@router.get("/help")
async def help_page(request: Request) -> Response:
    return TemplateResponse(request=request, name="budget_help.html")

