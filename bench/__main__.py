"""`make bench` (`python -m bench`): budgetbook's speed and memory beside the tools it is held against, in one run.

For a synthetic reduction list of 10.000 lines over 50 centers (bench.synthetic), each figure
is the median of `--repeat` runs, each run in a fresh process (bench.run), printed beside its
reference and the ratio with its target:

- build (read, lay out, compute the cached values, write) against a bare XlsxWriter writing the
  same cells with the same cached values (target: at most 1,5x), and openpyxl's write-only mode;
- validate against LibreOffice headless opening the same workbook, recalculating and saving it
  (target: below 1x), and python-calamine reading every value;
- PDF extract against pdfplumber's own word and text extraction of the same pages (target: at
  most 1,3x), at two page counts, with the peak memory of each (target: flat in the page count);
- a scaling line: 1.000, 10.000 and 50.000 lines built and validated (target: under 1 GiB peak,
  time linear in the lines).

    python -m bench [--lines 10000] [--centers 50] [--repeat 3] [--scaling 1000,10000,50000] [--pages 10,40]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from bench.synthetic import synthetic_list, synthetic_pdf

ROOT = Path(__file__).resolve().parent.parent
MIB_PER_GIB = 1024


@dataclass(frozen=True)
class Figure:
    seconds: float  # wall clock, the median of the runs
    cpu: float  # processor seconds (the process and what it ran), the median
    peak_mib: float  # the largest peak resident memory of the runs
    count: int
    phases: dict[str, float]
    missing: str = ""


def once(step: str, given: Path, out: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-m", "bench.run", step, str(given), str(out)], cwd=ROOT,
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"bench: {step} failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def figure(results: list[dict[str, object]]) -> Figure:
    if "missing" in results[0]:
        return Figure(0.0, 0.0, 0.0, 0, {}, str(results[0]["missing"]))
    middle = sorted(results, key=lambda r: r["seconds"])[len(results) // 2]  # type: ignore[arg-type, return-value]
    return Figure(statistics.median(r["seconds"] for r in results),  # type: ignore[misc]
                  statistics.median(r["cpu"] for r in results),  # type: ignore[misc]
                  max(r["peak_mib"] for r in results),  # type: ignore[type-var]
                  int(middle.get("count", 0)), dict(middle.get("phases", {})))  # type: ignore[arg-type]


def run(step: str, given: Path, out: Path, repeat: int = 1) -> Figure:
    """Median time and largest peak of `repeat` runs of a step, each in a fresh process."""
    return figure([once(step, given, out) for _ in range(repeat)])


def pair(ours: tuple[str, Path, Path], reference: tuple[str, Path, Path], repeat: int) -> tuple[Figure, Figure]:
    """Ours and the reference run in turn, so a machine that gets busier or quieter meanwhile hits both alike."""
    mine, theirs = [], []
    for _ in range(repeat):
        mine.append(once(*ours))
        theirs.append(once(*reference))
    return figure(mine), figure(theirs)


def number(value: float, decimals: int = 2) -> str:
    """Danish: 1.234,56."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def seconds(figure: Figure) -> str:
    return f"{number(figure.seconds)} s" if not figure.missing else "n/a"


def mib(figure: Figure) -> str:
    return f"{number(figure.peak_mib, 0)} MiB" if not figure.missing else ""


def ratio(ours: Figure, reference: Figure, target: str = "") -> str:
    """'1,12x (processor 1,05x)', and whether the wall-clock ratio meets the target."""
    if ours.missing or reference.missing or not reference.seconds:
        return f"n/a ({reference.missing or ours.missing})"
    value = ours.seconds / reference.seconds
    text = f"{number(value)}x (processor {number(ours.cpu / reference.cpu) if reference.cpu else 'n/a'}x)"
    if not target:
        return text
    limit = float(target.split()[-1].rstrip("x").replace(",", "."))
    met = value <= limit if "<=" in target else value < limit
    return f"{text}  target {target}: {'met' if met else 'NOT MET'}"


def row(what: str, ours: Figure | None, reference_name: str, reference: Figure, verdict: str = "") -> None:
    left = f"{what:<44}{seconds(ours) if ours else '':>9} {mib(ours) if ours else '':>9}"
    print(f"{left}   {reference_name:<42}{seconds(reference):>9} {mib(reference):>9}   {verdict}")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(next(line.split()[1] for line in Path("/proc/meminfo").read_text().splitlines()
                          if line.startswith("MemTotal"))) / 1024 / 1024
    except (OSError, StopIteration):
        memory = 0.0
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    load = " ".join(number(x) for x in os.getloadavg())
    return (f"{cores} cores ({cpu}), {number(memory, 1)} GiB, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}, load average {load}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--centers", type=int, default=50)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scaling", default="1000,10000,50000")
    parser.add_argument("--pages", default="10,40", help="two PDF sizes, in pages")
    args = parser.parse_args(argv)
    print(f"budgetbook bench, {datetime.now():%Y-%m-%d %H:%M}")
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="budgetbook-bench-") as tmp:
        folder = Path(tmp)
        source = folder / f"liste-{args.lines}.txt"
        source.write_text(synthetic_list(args.lines, args.centers), encoding="utf-8")
        built = folder / "Budget.xlsx"
        print(f"{number(args.lines, 0)} lines over {args.centers} centers (text form); "
              f"median of {args.repeat} runs, each in a fresh process; peak = the process's peak resident memory")
        print()
        build_figures(source, built, folder, args.repeat)
        print()
        pdf_figures(folder, [int(p) for p in args.pages.split(",")], args.repeat)
        print()
        scaling(folder, [int(n) for n in args.scaling.split(",")], args.centers)
    print()
    print(f"load average at the end: {' '.join(number(x) for x in os.getloadavg())}")


def build_figures(source: Path, built: Path, folder: Path, repeat: int) -> None:
    build, bare = pair(("build", source, built), ("xlsxwriter", source, folder / "xlsxwriter.xlsx"), repeat)
    write_only = run("openpyxl-write-only", source, folder / "write-only.xlsx", repeat)
    print(f"{'ours':<44}{'time':>9} {'peak':>9}   {'reference':<42}{'time':>9} {'peak':>9}   ratio (wall clock)")
    row(f"build: {number(build.count, 0)} cells, cached values", build, "bare XlsxWriter, same cells and values", bare,
        ratio(build, bare, "<= 1,5x"))
    row("", None, "openpyxl write-only, same values", write_only, ratio(build, write_only))
    phases = ", ".join(f"{step} {number(s)} s" for step, s in build.phases.items())
    print(f"  build's phases: {phases}")
    validate, office = pair(("validate", built, folder / "validated.xlsx"),
                            ("libreoffice", source, folder / "no-values.xlsx"), repeat)
    calamine = run("calamine", built, folder / "unused", repeat)
    row("validate: open, compute, check, save", validate, "LibreOffice open+recalculate+save", office,
        ratio(validate, office, "< 1x"))
    row("", None, "python-calamine reads every value", calamine, ratio(validate, calamine))


def pdf_figures(folder: Path, pages: list[int], repeat: int) -> None:
    peaks = []
    for count in pages:
        pdf = folder / f"liste-{count}-sider.pdf"
        synthetic_pdf(pdf, lines=count * 31)  # the sample's layout prints 31 rows a page
        ours, plumber = pair(("extract-pdf", pdf, folder / "unused"), ("pdfplumber", pdf, folder / "unused"), repeat)
        row(f"PDF extract, {count} pages ({number(ours.seconds / count)} s a page)", ours,
            "pdfplumber words+text, same pages", plumber, ratio(ours, plumber, "<= 1,3x"))
        peaks.append((count, ours.peak_mib, plumber.peak_mib))
    (few, ours_few, plumber_few), (many, ours_many, plumber_many) = peaks[0], peaks[-1]
    print(f"  peak memory from {few} to {many} pages: extract {number(ours_few, 0)} -> {number(ours_many, 0)} MiB, "
          f"pdfplumber {number(plumber_few, 0)} -> {number(plumber_many, 0)} MiB")


def scaling(folder: Path, sizes: list[int], centers: int) -> None:
    print(f"{'scaling (one run each)':<24}{'build':>9} {'peak':>9} {'validate':>10} {'peak':>9}"
          f"   {'build / 1.000 lines':>20} {'validate / 1.000 lines':>23}")
    for lines in sizes:
        source = folder / f"skala-{lines}.txt"
        source.write_text(synthetic_list(lines, centers), encoding="utf-8")
        built = folder / f"skala-{lines}.xlsx"
        build = run("build", source, built)
        validate = run("validate", built, folder / f"skala-{lines}-valideret.xlsx")
        peak = max(build.peak_mib, validate.peak_mib)
        print(f"{number(lines, 0) + ' lines':<24}{seconds(build):>9} {mib(build):>9} {seconds(validate):>10} "
              f"{mib(validate):>9}   {number(build.seconds / lines * 1000) + ' s':>20} "
              f"{number(validate.seconds / lines * 1000) + ' s':>23}"
              + (f"   (target under 1 GiB: {'met' if peak < MIB_PER_GIB else 'NOT MET'})" if lines >= 50_000 else ""))


if __name__ == "__main__":
    main()
