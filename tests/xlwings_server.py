"""The real Office.js add-in server for tests: `python -m xlpy.server` in a subprocess, over HTTPS.

It gets its own data, output and certificate folders, a users file with one user, the
repository's committees.toml as address book, and a free port on 127.0.0.1; requests are
made with httpx trusting the server's own local CA, as a user who trusted it would.
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx

from xlpy.server_users import add_user

ROOT = Path(__file__).parent.parent
USER = "Anne Hansen"


@dataclass
class RunningServer:
    base: str
    host: str
    key: str
    ca: Path
    data_root: Path
    output_root: Path
    log: Path

    def client(self, key: str | None = None) -> httpx.Client:
        headers = {"Authorization": self.key if key is None else key, "Auth-Provider": "budgetbook"}
        trusted = ssl.create_default_context(cafile=str(self.ca))
        return httpx.Client(base_url=self.base, verify=trusted, headers=headers, timeout=300)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(root: Path, extra_env: dict[str, str] | None = None) -> Iterator[RunningServer]:
    key = add_user(root / "users.toml", USER)
    port = free_port()
    host = f"127.0.0.1:{port}"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XLWINGS_", "BUDGETBOOK_"))}
    env.update({
        "XLWINGS_LICENSE_KEY": "noncommercial",
        "BUDGETBOOK_DATA_ROOT": str(root / "data"),
        "BUDGETBOOK_OUTPUT_ROOT": str(root / "output"),
        "BUDGETBOOK_USERS": str(root / "users.toml"),
        "BUDGETBOOK_ADDRESS_BOOK": str(ROOT / "committees.toml"),
        "BUDGETBOOK_ALLOWED_HOSTS": host,
        "BUDGETBOOK_MAX_SIMILAR": "5",
        **(extra_env or {}),
    })
    log = root / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "xlpy.server", "serve", "--port", str(port),
                                    "--certs", str(root / "certs")], cwd=ROOT, env=env, stdout=out,
                                   stderr=subprocess.STDOUT)
    server = RunningServer(f"https://{host}", host, key, root / "certs" / "ca.pem", (root / "data").resolve(),
                           (root / "output").resolve(), log)
    try:
        wait_until_up(server, process)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def wait_until_up(server: RunningServer, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {server.log.read_text(errors='replace')}")
        if server.ca.exists():
            try:
                with server.client() as client:
                    if client.get("/").status_code == 200:
                        return
            except httpx.HTTPError:
                pass
        time.sleep(0.3)
    raise RuntimeError(f"the server did not start: {server.log.read_text(errors='replace')}")
