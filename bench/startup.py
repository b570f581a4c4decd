"""1. Cold start to a painted main window from a warm cache (10 accounts, 2,000 invoices each), against a bare
PySide6 window that shows one label. A new process each run, the app and the floor interleaved; median of N.
Goal: at most 1.5x."""
from __future__ import annotations

import tempfile
from pathlib import Path

from . import data
from .common import run_app, run_floor
from .report import median, print_table, ratio, verdict

GOAL = 1.5


def run(args) -> dict:
    accounts, invoices, runs = args.accounts, args.start_invoices, args.runs
    with tempfile.TemporaryDirectory(prefix="sett-bench-start-") as tmp:
        folder = Path(tmp) / "data"
        data.build_client_data(folder, accounts=accounts, invoices=invoices)
        run_app(folder)            # warm-up: OS file cache, .pyc files, settings.ini written once
        run_floor()
        app_runs, floor_runs = [], []
        for _ in range(runs):
            app_runs.append(run_app(folder))
            floor_runs.append(run_floor())
    app_s = median([r["start_to_paint"] for r in app_runs])
    shell_s = median([r["start_to_window"] for r in app_runs])
    floor_s = median([r["start_to_paint"] for r in floor_runs])
    value = ratio(app_s, floor_s)
    print_table(f"startup: {accounts} accounts x {invoices:,} invoices cached, median of {runs}",
                [("app: start to painted cached data", f"{app_s * 1000:.0f} ms", f"{value:.2f}x", f"<= {GOAL}x",
                  verdict(value, GOAL)),
                 ("app: start to first paint of the shell", f"{shell_s * 1000:.0f} ms",
                  f"{ratio(shell_s, floor_s):.2f}x", "", ""),
                 ("floor: bare window, one label", f"{floor_s * 1000:.0f} ms", "1.00x", "", "")],
                ("measure", "median", "ratio", "goal", ""))
    return {"accounts": accounts, "invoices_per_account": invoices, "runs": runs,
            "app_start_to_painted_data_s": round(app_s, 4), "app_start_to_first_paint_s": round(shell_s, 4),
            "floor_start_to_paint_s": round(floor_s, 4), "ratio": round(value, 2), "goal": GOAL,
            "goal_met": value <= GOAL,
            "app_runs_s": [round(r["start_to_paint"], 4) for r in app_runs],
            "floor_runs_s": [round(r["start_to_paint"], 4) for r in floor_runs]}
