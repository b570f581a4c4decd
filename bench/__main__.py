"""`python -m bench [startup sync invoices panel memory]`: run the named benchmarks (all by default), print a
table for each and merge the results into bench/results.json. Reports only: no thresholds, no failing exit for a
missed goal (the exit code is non-zero only when a benchmark could not run)."""
from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
import traceback

from .report import machine, merge_results, print_table

ORDER = ("startup", "sync", "invoices", "panel", "memory")
MODULES = {"startup": "startup", "sync": "sync_bench", "invoices": "invoices_view", "panel": "panel_bench",
           "memory": "memory"}


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help="any of: " + " ".join(ORDER) + " (default: all)")
    parser.add_argument("--runs", type=int, default=5, help="start-up runs per side (median; memory uses <= 3)")
    parser.add_argument("--accounts", type=int, default=10, help="cached accounts for startup/memory")
    parser.add_argument("--start-invoices", type=int, default=2000, help="invoices per cached account")
    parser.add_argument("--invoices", type=int, default=5000, help="sync: invoices on the panel")
    parser.add_argument("--services", type=int, default=1000, help="sync: services on the panel")
    parser.add_argument("--credits", type=int, default=2000, help="sync: credit transactions on the panel")
    parser.add_argument("--sync-runs", type=int, default=3, help="sync: runs per side (median)")
    parser.add_argument("--view-rows", type=int, default=50_000, help="invoices view: rows")
    parser.add_argument("--buyers", type=int, default=50, help="panel: concurrent buyers (threads)")
    parser.add_argument("--checkouts", type=int, default=500, help="panel: checkouts in the throughput run")
    parser.add_argument("--stock", type=int, default=20, help="panel: stock N for the correctness line (10N buyers)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    names = args.names or list(ORDER)
    unknown = [n for n in names if n not in ORDER]
    if unknown:
        print(f"unknown benchmark {', '.join(unknown)}; choose from {' '.join(ORDER)}", file=sys.stderr)
        return 2
    m = machine()
    print(f"Sett benchmarks on {m['nproc']} cores, {m['cpu']}, {m['memory']}, {m['os']}, Python {m['python']}, "
          f"PySide6 {m['pyside6']}, {m['date']}", flush=True)
    failed, took = [], []
    for name in names:
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{MODULES[name]}")
            result = module.run(args)
        except Exception:   # noqa: BLE001 - one broken benchmark must not lose the others' results
            traceback.print_exc()
            failed.append(name)
            continue
        took.append((name, f"{time.perf_counter() - started:.0f} s"))
        merge_results({name: result})
    print_table("time taken", took, ("benchmark", "wall time"))
    if failed:
        print(f"could not run: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
