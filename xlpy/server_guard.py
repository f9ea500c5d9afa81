"""The door of the xlwings Server app: only allowed hosts and origins, only scripts and functions that exist.

An ASGI middleware in front of xlwings Server (`xlpy.server.create_app`):

- a request whose Host header is not one of the configured hosts gets 421 (a DNS-rebinding
  page cannot reach the add-in), and one whose Origin is not one of theirs gets 403;
- a call of a script or function the add-in does not have gets 404 with one line,
  before xlwings Server would look the name up on its module (and answer 500).
Every refusal is one line of plain text.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from typing import Any

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SCRIPT_CALL = "/xlwings/custom-scripts-call/"
FUNCTION_CALL = "/xlwings/custom-functions-call"
MAX_FUNCTION_CALL_BYTES = 20 * 1024 * 1024


class Guard:
    def __init__(self, app: ASGIApp, hosts: Iterable[str], origins: Iterable[str], scripts: Iterable[str],
                 functions: Iterable[str]) -> None:
        self.app = app
        self.hosts = frozenset(h.lower() for h in hosts)
        self.origins = frozenset(o.lower() for o in origins)
        self.scripts = frozenset(scripts)
        self.functions = frozenset(functions)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope.get("headers", [])}
        host = headers.get("host", "").lower()
        if host not in self.hosts:
            await refuse(send, 421, f"Denne server svarer ikke for værten '{host}': brug adressen fra manifestet")
            return
        origin = headers.get("origin")
        if origin is not None and origin.lower() not in self.origins:
            await refuse(send, 403, f"Kald fra '{origin}' er ikke tilladt")
            return
        path = scope.get("path", "")
        if path.startswith(SCRIPT_CALL) and path[len(SCRIPT_CALL):] not in self.scripts:
            await refuse(send, 404, f"Budget har intet script '{path[len(SCRIPT_CALL):]}'")
            return
        if path == FUNCTION_CALL and scope.get("method") == "POST":
            body = await read_body(receive, MAX_FUNCTION_CALL_BYTES)
            if body is None:
                await refuse(send, 413, "Funktionskaldet er for stort")
                return
            name = function_name(body)
            if name not in self.functions:
                await refuse(send, 404, f"Budget har ingen funktion '{name}'")
                return
            receive = replay(body)
        await self.app(scope, receive, send)


async def refuse(send: Send, status: int, line: str) -> None:
    body = (line + "\n").encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/plain; charset=utf-8"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def read_body(receive: Receive, limit: int) -> bytes | None:
    chunks, size = [], 0
    while True:
        message = await receive()
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            return b"".join(chunks)


def replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return {"type": "http.disconnect"}

    return receive


def function_name(body: bytes) -> str:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return ""
    return str(data.get("func_name", "")) if isinstance(data, dict) else ""
