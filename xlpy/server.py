"""The Office.js add-in's server: the xlwings-server distribution with budgetbook's project folder.

    XLWINGS_LICENSE_KEY=noncommercial make serve      # https://127.0.0.1:8443, manifest at /manifest.xml
    python -m xlpy.server adduser "Anne Hansen"      # mint a user's key (stored as its SHA-256)

xlwings Server (PyPI `xlwings-server`, PolyForm Noncommercial or xlwings PRO) brings the
manifest router, the Office.js client and ribbon wiring, task pane templates with htmx,
the auth hooks and the custom-functions code and metadata. Its project folder is
`xlpy/officejs/`: our scripts and functions (`custom_scripts`, `custom_functions`), the
task pane and manifest templates, icons, ribbon JavaScript, the auth provider `budgetbook`
and the documents router. `create_app()` sets xlwings Server's settings (XLWINGS_*
variables; one already set wins) from budgetbook's server settings, imports it, and puts
`xlpy.server_guard.Guard` in front.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from budgetbook.errors import BudgetbookError
from xlpy.server_settings import ServerSettings

PROJECT = Path(__file__).resolve().parent / "officejs"
HOST = "127.0.0.1"
PORT = 8443
MANIFEST_ID = "6f0e6c1e-7a43-4d4b-9a55-2f3b6f1b0b5e"  # the add-in's identity in Office: keep it


def xlwings_server_environment(settings: ServerSettings) -> dict[str, str]:
    """xlwings Server's settings for budgetbook (XLWINGS_* variables)."""
    return {
        "XLWINGS_PROJECT_DIR": str(PROJECT),
        "XLWINGS_PROJECT_NAME": "Budget",
        "XLWINGS_FUNCTIONS_NAMESPACE": "BUDGET",
        "XLWINGS_ENVIRONMENT": "prod",
        "XLWINGS_MANIFEST_ID_PROD": MANIFEST_ID,
        "XLWINGS_AUTH_PROVIDERS": '["budgetbook"]',
        "XLWINGS_HOSTNAME": settings.allowed_hosts[0],
        "XLWINGS_CORS_ALLOW_ORIGINS": "[]",
        "XLWINGS_ENABLE_SOCKETIO": "false",  # no streaming functions; one door less
        "XLWINGS_ENABLE_HOTRELOAD": "false",
        "XLWINGS_ENABLE_EXAMPLES": "false",
        "XLWINGS_REQUEST_TIMEOUT": "900",
        "DOTENV_PATH": str(PROJECT / "xlwings-server.env"),
    }


def configure(settings: ServerSettings, env: MutableMapping[str, str] = os.environ) -> None:
    for key, value in xlwings_server_environment(settings).items():
        env.setdefault(key, value)
    if not env.get("XLWINGS_LICENSE_KEY"):
        raise BudgetbookError("xlwings Server needs XLWINGS_LICENSE_KEY: 'noncommercial' for the PolyForm "
                              "Noncommercial licence (a municipality qualifies), or an xlwings PRO key")


def create_app():  # -> ASGI app
    from xlpy.server_handlers import context

    settings = context().settings
    configure(settings)
    from fastapi.responses import PlainTextResponse
    from xlwings import XlwingsError
    from xlwings.server import custom_scripts_meta
    from xlwings_server import main

    import custom_functions  # the project folder's, on sys.path since xlwings_server.config
    import custom_scripts
    from xlpy.server_guard import Guard

    async def one_line(_request, exc: Exception) -> PlainTextResponse:
        return PlainTextResponse(str(exc).splitlines()[0] + "\n", status_code=400)

    main.app.add_exception_handler(BudgetbookError, one_line)
    main.app.add_exception_handler(XlwingsError, one_line)
    functions = [obj.__xlfunc__["name"] for obj in vars(custom_functions).values() if hasattr(obj, "__xlfunc__")]
    scripts = [meta["function_name"] for meta in custom_scripts_meta(custom_scripts)]
    return Guard(main.main_app, settings.allowed_hosts, settings.allowed_origins, scripts, functions)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from xlpy.local_cert import ensure_certificate
    from xlpy.server_handlers import context

    settings = context().settings
    app = create_app()
    base = f"https://{settings.allowed_hosts[0]}"
    if args.no_tls:
        ssl = {}
    else:
        certificate = ensure_certificate(Path(args.certs), tuple(sorted({HOST, "localhost", args.host})))
        ssl = {"ssl_certfile": str(certificate.cert), "ssl_keyfile": str(certificate.key)}
        print(certificate.trust_instructions())
    print(f"Manifest: {base}/manifest.xml (download: {base}/manifest/download). Sideload it: Excel on the web > "
          "Home > Add-ins > More Add-ins > Upload My Add-in; Windows: put it in a shared folder catalog "
          "(Trust Center > Trusted Add-in Catalogs); Mac: ~/Library/Containers/com.microsoft.Excel/Data/"
          "Documents/wef/.")
    if settings.users is None:
        print("No users: run 'python -m xlpy.server adduser NAME' and set BUDGETBOOK_USERS to the file.")
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", **ssl)
    return 0


def adduser(args: argparse.Namespace) -> int:
    from xlpy.server_users import add_user

    path = Path(args.users or os.environ.get("BUDGETBOOK_USERS") or "users.toml")
    key = add_user(path, args.name)
    print(f"{args.name}'s key (shown once; paste it into the task pane's 'Adgangsnøgle'): {key}\n"
          f"Stored as its SHA-256 in {path}.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m xlpy.server", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command")
    run = commands.add_parser("serve", help="start the server (the default)")
    run.add_argument("--host", default=HOST)
    run.add_argument("--port", type=int, default=PORT)
    run.add_argument("--certs", default="out/certs", help="folder of the local CA and the server certificate")
    run.add_argument("--no-tls", action="store_true", help="plain HTTP, behind a proxy that terminates TLS")
    add = commands.add_parser("adduser", help="mint a user's key and store its hash in the users file")
    add.add_argument("name")
    add.add_argument("--users", help="the users file (default: $BUDGETBOOK_USERS, else users.toml)")
    args = parser.parse_args(argv if argv is not None else sys.argv[1:] or ["serve"])
    try:
        return adduser(args) if args.command == "adduser" else serve(args)
    except BudgetbookError as exc:
        print(f"budgetbook server: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
