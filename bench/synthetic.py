"""A synthetic reduction list of any size, in the seed's text layout: what the bench and the tests build from.

`synthetic_list(10_000, 50)` gives 10.000 lines over 50 centers with their center totals and
the Hovedtotal, amounts and percentages drawn from a seeded random generator (same text every run).
"""

from __future__ import annotations

import random

HEADER = ("Nr.\tBevillingstekst\tCenter\tUdvalg\tOverskrift\tUddybende forklaring om forslaget og konsekvenser\t"
          "2023 (1.000 kr.)\t2024 (1.000 kr.)\t2025 (1.000 kr.)\t2026 (1.000 kr.)\tBudget 2023 (1.000 kr.)\t"
          "Reduktion i forhold til budget 2023 (pct)")
UDVALG = ["ØU", "UBU", "UJAI", "UTMB", "USSÆ", "KFU"]


def synthetic_list(lines: int, centers: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    out = ["Udmøntning af reduktion på 150 mio. kr.", "", HEADER]
    grand = [0, 0, 0, 0]
    per_center = max(1, lines // centers)
    for c in range(centers):
        totals = [0, 0, 0, 0]
        for i in range(per_center):
            amounts = [rng.randint(10, 900) for _ in range(4)]
            base = rng.randint(2_000, 90_000)
            pct = f"{amounts[0] / base * 100:.1f}".replace(".", ",")
            out.append(f"{c}.{i:02d}.10\tBevilling {c}\tC{c:02d}\t{UDVALG[c % len(UDVALG)]}\tForslag {c}-{i}\t"
                       f"Forklaring af forslag {i} i center {c}.\t" + "\t".join(str(a) for a in amounts)
                       + f"\t{base:,}".replace(",", ".") + f"\t{pct}%")
            totals = [t + a for t, a in zip(totals, amounts)]
        out.append(f"\t\tC{c:02d} Total\t\t\t\t" + "\t".join(str(t) for t in totals) + "\t\t")
        grand = [g + t for g, t in zip(grand, totals)]
    out.append("\t\tHovedtotal\t\t\t\t" + "\t".join(f"{g:,}".replace(",", ".") for g in grand) + "\t\t")
    return "\n".join(out) + "\n"


def synthetic_pdf(path: object, lines: int, centers: int = 10) -> None:
    """The synthetic list printed as the Lejre sample is (reportlab, ruled table, header on every page)."""
    from pathlib import Path

    from samples.make_reduction_list import write_pdf

    text = synthetic_list(lines, centers).splitlines()
    header = HEADER.split("\t")
    rows = [(line.split("\t") + [""] * len(header))[:len(header)] for line in text[text.index(HEADER) + 1:]]
    write_pdf(Path(str(path)), header, rows)
