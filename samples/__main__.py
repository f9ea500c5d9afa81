"""`python -m samples`: regenerate every sample document from the seeds."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main() -> None:
    for module in sorted(m.name for m in pkgutil.iter_modules([str(HERE)]) if m.name.startswith("make_")):
        kind = module.removeprefix("make_")
        out = HERE / kind
        out.mkdir(exist_ok=True)
        importlib.import_module(f"samples.{module}").main(out)
        print(f"samples/{kind}/ written")


if __name__ == "__main__":
    main()
