"""Run every benchmark and print its lines; `python -m benchmarks [name …]` runs a subset."""

from __future__ import annotations

import importlib
import sys

SUITES = ["bench_tlog", "bench_ledger", "bench_import", "bench_evidence", "bench_extract"]


def main(argv: list[str]) -> int:
    chosen = argv or SUITES
    for name in chosen:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as missing:
            print(f"== {name}: not available ({missing})")
            continue
        print(f"== {name}", flush=True)
        for line in module.run():
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
