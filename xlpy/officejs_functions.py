"""The JavaScript that Excel's custom-functions runtime loads for our worksheet functions.

xlwings Server answers the functions' metadata and calls, but the xlwings wheel does not
ship the client file that connects the two; `officejs/custom_functions.js` is ours, and
this module appends one wrapper per `@func` of a module, associated under its Excel name.
"""

from __future__ import annotations

import inspect
from importlib import resources
from types import ModuleType

import xlwings

CALL_PATH = "/xlwings/custom-functions-call"


def custom_functions_code(module: ModuleType, call_path: str = CALL_PATH) -> str:
    base = resources.files("xlpy").joinpath("officejs/custom_functions.js").read_text(encoding="utf-8")
    code = (base.replace("placeholder_xlwings_version", xlwings.__version__)
            .replace("placeholder_custom_functions_call_path", call_path))
    wrappers = []
    for _name, obj in inspect.getmembers(module):
        info = getattr(obj, "__xlfunc__", None)
        if info is None:
            continue
        name = info["name"]
        wrappers.append(
            f"async function {name}(...args) {{\n"
            f"  return await budgetbookCall({name!r}, args);\n"
            f"}}\n"
            f"CustomFunctions.associate({name.upper()!r}, {name});\n")
    return code + "\n" + "\n".join(wrappers)
