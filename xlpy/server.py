"""xlwings Server for the Office.js add-in: the ribbon scripts and the BB_* functions over HTTP.

    XLWINGS_LICENSE_KEY=noncommercial make serve      # http://127.0.0.1:8000

The Office.js add-in (`xlpy/officejs/manifest.xml`) posts the workbook as JSON to
`/xlwings/custom-scripts-call/<script>` and applies the actions it gets back; Excel's
custom-functions runtime reads `/xlwings/custom-functions-meta` and calls
`/xlwings/custom-functions-call`. The xlwings remote engine behind this is PolyForm
Noncommercial (or a paid xlwings PRO licence): see the README.
"""

from __future__ import annotations

import os

os.environ.setdefault("XLWINGS_ON_SERVER", "true")  # before xlwings is imported, when run as a program

from pathlib import Path
from typing import Annotated

import xlwings as xw
import xlwings.server
from fastapi import Body, FastAPI, Request
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response

from budgetbook.errors import BudgetbookError
from xlpy import functions, officejs_functions, scripts

HOST = "127.0.0.1"
PORT = 8000

app = FastAPI(title="budgetbook xlwings Server")


@app.get("/xlwings/custom-functions-meta")
async def custom_functions_meta() -> dict:
    return xlwings.server.custom_functions_meta(functions)


@app.get("/xlwings/custom-functions-code")
async def custom_functions_code() -> PlainTextResponse:
    return PlainTextResponse(officejs_functions.custom_functions_code(functions), media_type="text/javascript")


@app.post("/xlwings/custom-functions-call")
async def custom_functions_call(data: Annotated[dict, Body()]) -> dict:
    return {"result": await xlwings.server.custom_functions_call(data, functions)}


@app.get("/xlwings/custom-scripts-meta")
async def custom_scripts_meta() -> list:
    return xlwings.server.custom_scripts_meta(scripts)


@app.post("/xlwings/custom-scripts-call/{script_name}")
async def custom_scripts_call(script_name: str, data: Annotated[dict, Body()]) -> dict:
    book = xw.Book(json=data)
    await xlwings.server.custom_scripts_call(scripts, script_name, typehint_to_value={xw.Book: book})
    return book.json()


@app.get("/xlwings/commands.html")
async def commands_page() -> HTMLResponse:
    """The function file the manifest's ribbon buttons run in (xlpy/officejs/commands.html)."""
    return HTMLResponse((Path(__file__).parent / "officejs" / "commands.html").read_text(encoding="utf-8"))


# xlwings' Office.js client (xlwings.min.js), which commands.html loads, is not in the xlwings
# wheel: it comes with the xlwings Server distribution. Point this at the folder that holds it.
CLIENT_FOLDER_VARIABLE = "BUDGETBOOK_XLWINGS_JS"


@app.get("/xlwings/static/{name}")
async def xlwings_client(name: str) -> Response:
    folder = os.environ.get(CLIENT_FOLDER_VARIABLE)
    path = Path(folder, name) if folder else None
    if path is None or path.name != name or not path.is_file():
        message = (f"// {name} is not served: set {CLIENT_FOLDER_VARIABLE} to the folder holding xlwings' "
                   "Office.js client (from the xlwings Server distribution) and restart `make serve`.\n")
        return PlainTextResponse(message, status_code=404, media_type="text/javascript")
    return FileResponse(path, media_type="text/javascript")


@app.exception_handler(BudgetbookError)
async def budgetbook_error(_request: Request, exc: BudgetbookError) -> JSONResponse:
    return JSONResponse(status_code=400, content={"error": str(exc)})


@app.exception_handler(xw.XlwingsError)
async def xlwings_error(_request: Request, exc: xw.XlwingsError) -> JSONResponse:
    return JSONResponse(status_code=400, content={"error": str(exc)})


def main() -> None:  # pragma: no cover - starts a server
    import uvicorn

    uvicorn.run(app, host=HOST, port=PORT)


if __name__ == "__main__":  # pragma: no cover
    main()
