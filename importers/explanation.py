"""`budgetbook extract --explain`: what was read from a document, said for a person.

    lejre-2023.pdf: Reduktionsliste (reduction_list), score 1.00
      why: found a header row with a title column and year columns; ...
      other kinds: Reduktionsforslag 0.20 (found ...; missing ...), ...
      profile: budgetbook.toml: unit tkr
      running heads removed (8 lines): 'Udmøntning af reduktion på 15 mio. kr.'; page numbers
      decided: Columns on page 1, line 2: Nr.=number, Overskrift=title, 2023 (1.000 kr.)=year 2023, ...
      read: 32 records, 2 warnings
      lines used: 45 of 47 (96 %); not used:
        page 2, line 14: Bemærk: forslaget er trukket
"""

from __future__ import annotations

from importers import Explanation, kind_label
from importers.readers.furniture import is_page_number

MAX_UNUSED = 200  # lines listed; the count says how many more


def describe(explanation: Explanation) -> str:
    result = explanation.result
    ranked = explanation.ranked
    chosen = next((e for e in ranked if e.kind == result.kind), None)
    out = [f"{result.source.path}: {kind_label(result.kind)} ({result.kind})"
           + (f", score {chosen.score:.2f}" if chosen else ", forced")]
    if chosen:
        out.append(f"  why: {chosen.describe()}")
    others = [f"{kind_label(e.kind)} {e.score:.2f} ({e.describe()})" for e in ranked
              if e.kind != result.kind and e.score > 0]
    out.append("  other kinds: " + ("; ".join(others) if others else "none found any of their signs"))
    if not explanation.profile.is_empty:
        out.append(f"  profile: {explanation.profile.describe()}")
    if explanation.furniture:
        heads = [f"'{h}'" for h in result.running_heads]
        if any(is_page_number(line.text) for line in explanation.furniture):
            heads.append("page numbers")
        out.append(f"  running heads removed ({len(explanation.furniture)} lines): {'; '.join(heads)}")
    for note in result.notes:
        out.append(f"  decided: {note}")
    out.append(f"  read: {len(result.records)} records, {len(result.warnings)} warnings")
    for warning in result.warnings:
        out.append(f"    warning: {warning.message} ({warning.provenance.describe()})")
    coverage = result.coverage
    if coverage is not None:
        share = f"{coverage.share:.0%}".replace("%", " %")
        tail = "; not used:" if explanation.unused else ""
        out.append(f"  lines used: {coverage.used} of {coverage.lines} ({share}){tail}")
        for line in explanation.unused[:MAX_UNUSED]:
            where = line.provenance.describe().split(", ", 1)[-1]
            out.append(f"    {where}: {' | '.join(str(c) for c in line.cells if c not in (None, ''))[:160]}")
        if len(explanation.unused) > MAX_UNUSED:
            out.append(f"    ... and {len(explanation.unused) - MAX_UNUSED} more")
    return "\n".join(out) + "\n"
