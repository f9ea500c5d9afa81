"""The `budgetbook` command: a thin shell over the library.

Each subcommand parses its arguments, calls one library function and turns the
library's exceptions into one clear line and an exit code (0 fine, 1 findings with
errors, 2 could not run).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from budgetbook import __version__
from budgetbook.errors import BudgetbookError, ConfigError, DocumentsError
from budgetbook.files import ensure_readable, save_text
from budgetbook.findings import Severity, has_errors
from budgetbook.terminal_progress import terminal_progress

EXIT_OK, EXIT_FINDINGS, EXIT_FAILED = 0, 1, 2


DEBUG_VARIABLE = "BUDGETBOOK_DEBUG"  # set to 1 to see the traceback of an unexpected error


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except DocumentsError as exc:  # several documents: a line for each, then what to do
        for line in str(exc).splitlines():
            print(f"budgetbook: {line}", file=sys.stderr)
        return EXIT_FAILED
    except BudgetbookError as exc:
        return fail(str(exc))
    except OSError as exc:  # the library turns the OSErrors it expects into FileError; this is the rest
        return fail(describe_os_error(exc))
    except MemoryError:
        return fail("Ran out of memory; close other programs, or split the documents, and run again")
    except KeyboardInterrupt:
        return fail("Interrupted; files being written were left as they were before")
    except Exception as exc:  # the one place an unexpected error becomes a line instead of a traceback
        if os.environ.get(DEBUG_VARIABLE):
            raise
        return fail(f"Unexpected error ({type(exc).__name__}: {exc}). This is a fault in budgetbook: please "
                    f"report it with the command and the file; {DEBUG_VARIABLE}=1 shows the details")


def fail(message: str) -> int:
    """Print the one line a failed command gives, and return its exit code."""
    print("budgetbook: " + " ".join(message.splitlines()), file=sys.stderr)
    return EXIT_FAILED


def describe_os_error(error: OSError) -> str:
    where = f"{error.filename}: " if error.filename else ""
    return f"Cannot use {where}{error.strerror or error}"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="budgetbook",
        description="Read budget documents (PDF, Word, Excel, text), build a workbook with live formulas, "
                    "check it against the documents' own totals, and send each committee its part.",
        epilog="Example: budgetbook build liste.pdf forslag.docx -o Budget.xlsx && budgetbook validate Budget.xlsx")
    parser.add_argument("--version", action="version", version=f"budgetbook {__version__}")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    extract = commands.add_parser("extract", help="what an importer read from documents, as JSON")
    extract.add_argument("files", type=Path, nargs="+", metavar="file")
    extract.add_argument("-o", "--output", type=Path,
                         help="JSON file to write (default: print); with several files, a folder for one JSON each")
    extract.add_argument("--kind", help="force a document kind instead of detecting it")
    extract.add_argument("--profile", type=Path, help="an import profile (default: budgetbook.toml beside the file)")
    extract.add_argument("--explain", action="store_true",
                         help="say what was read: the kind and its evidence, the decisions, the lines no field used")
    _add_jobs(extract)
    extract.set_defaults(run=run_extract)

    build = commands.add_parser("build", help="build the budget workbook from source documents")
    build.add_argument("files", type=Path, nargs="+")
    build.add_argument("-o", "--output", type=Path, default=Path("Budget.xlsx"))
    build.add_argument("--profile", type=Path, help="an import profile for every file (default: budgetbook.toml "
                                                    "beside each file)")
    build.add_argument("--committees", type=Path, metavar="FILE",
                       help="the committees (name, short, aliases, areas) as the address book declares them "
                            "(default: committees.toml beside the files)")
    _add_jobs(build)
    build.add_argument("--skip-bad", action="store_true",
                       help="build without the documents that cannot be read (they are listed, and named on Kilder)")
    build.add_argument("--fresh", action="store_true",
                       help="replace the workbook -o names instead of keeping what users added to it (comments, "
                            "rows typed in, their own sheets)")
    build.set_defaults(run=run_build)

    validate = commands.add_parser("validate", help="recompute a workbook and check it against its sources")
    validate.add_argument("workbook", type=Path)
    validate.add_argument("--no-sheet", action="store_true",
                          help="only check: do not write the Validering sheet (and refreshed results) into the file")
    validate.set_defaults(run=run_validate)

    packs = commands.add_parser("packs", help="one workbook per committee (udvalg)")
    packs.add_argument("workbook", type=Path)
    packs.add_argument("-o", "--output", type=Path, default=Path("out/packs"))
    packs.set_defaults(run=run_packs)

    send = commands.add_parser("send", help="e-mail the committee packs")
    send.add_argument("packs", type=Path)
    send.add_argument("--config", type=Path, default=Path("committees.toml"))
    send.add_argument("--dry-run", action="store_true", help="write .eml files to the outbox instead of sending")
    send.add_argument("--outbox", type=Path, default=Path("out/outbox"))
    send.add_argument("--force", action="store_true", help="send packs whose validation has errors, saying so")
    send.add_argument("--resend", action="append", default=[], metavar="UDVALG",
                      help="send this committee's pack again even if the log says it may have been sent")
    send.set_defaults(run=run_send)
    return parser


def _add_jobs(command: argparse.ArgumentParser) -> None:
    command.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N",
                         help="read documents in N processes (default: one per core)")


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of processes, 1 or more, not {text!r}")
    return number


def run_extract(args: argparse.Namespace) -> int:
    from importers.batch import read_documents

    if args.explain:
        import importers
        from importers.explanation import describe

        for file in args.files:
            ensure_readable(file)
            sys.stdout.write(describe(importers.explain(file, kind=args.kind, profile=args.profile)))
        return EXIT_OK
    several = len(args.files) > 1
    if several and args.output is not None and args.output.suffix.lower() == ".json":
        raise ConfigError(f"-o {args.output}: with several files, -o names a folder (one JSON file for each)")
    with terminal_progress() as progress:
        read = read_documents(args.files, kind=args.kind, profile=args.profile, jobs=args.jobs, progress=progress)
    texts = [json.dumps(result.to_json(), ensure_ascii=False, indent=2) for result in read.results]
    if args.output is None and texts:
        sys.stdout.write(("[\n" + ",\n".join(texts) + "\n]" if several else texts[0]) + "\n")
    for result, text in zip(read.results, texts):
        if args.output is not None:
            target = args.output / f"{result.source.path}.json" if several else args.output
            save_text(target, text + "\n")
            print(f"{result.source.path}: {len(result.records)} {result.kind} records, "
                  f"{len(result.warnings)} warnings -> {target}")
        for warning in result.warnings:
            print(f"warning: {warning.message} ({warning.provenance.describe()})", file=sys.stderr)
    for failure in read.failures:
        print(f"budgetbook: {failure.describe()}", file=sys.stderr)
    if read.failures and several:
        print(f"budgetbook: {len(read.failures)} of {len(args.files)} documents could not be read", file=sys.stderr)
    return EXIT_FAILED if read.failures else EXIT_OK


def run_build(args: argparse.Namespace) -> int:
    from workbook.api import build_workbook

    for path in args.files:
        ensure_readable(path)
    with terminal_progress() as progress:
        summary = build_workbook(args.files, args.output, profile=args.profile, jobs=args.jobs,
                                 skip_bad=args.skip_bad, fresh=args.fresh, progress=progress,
                                 committees=args.committees)
    print(summary.describe())
    return EXIT_OK


def run_validate(args: argparse.Namespace) -> int:
    from workbook.api import validate_file

    ensure_readable(args.workbook)
    with terminal_progress() as progress:
        run = validate_file(args.workbook, write_sheet=not args.no_sheet, progress=progress)
    for finding in run.findings:
        print(finding.describe())
    errors = sum(f.severity is Severity.ERROR for f in run.findings)
    print(f"{args.workbook.name}: {errors} errors, {len(run.findings) - errors} other findings")
    if run.recorded is not None:
        print(run.recorded.describe())
    return EXIT_FINDINGS if has_errors(list(run.findings)) else EXIT_OK


def run_packs(args: argparse.Namespace) -> int:
    from workbook.packs import build_packs

    ensure_readable(args.workbook)
    with terminal_progress() as progress:
        report = build_packs(args.workbook, args.output, progress=progress)
    print(report.describe())
    return EXIT_OK


def run_send(args: argparse.Namespace) -> int:
    from budgetbook.sending import send_packs

    with terminal_progress() as progress:
        report = send_packs(args.packs, args.config, dry_run=args.dry_run, force=args.force, outbox=args.outbox,
                            resend=tuple(args.resend), progress=progress)
    print(report.describe())
    return EXIT_FINDINGS if report.failed else EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
