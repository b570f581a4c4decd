"""5. Resident memory of the app with 10 accounts cached (2,000 invoices each), against the bare window, both
measured `settle` seconds after the first painted data (the app's offline syncs of the other accounts have
failed by then). Median of N runs; VmRSS from /proc/<pid>/status, and the peak (VmHWM)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from . import data
from .common import run_app, run_floor
from .report import median, print_table, ratio

SETTLE = 2.0


def run(args) -> dict:
    accounts, invoices, runs = args.accounts, args.start_invoices, max(1, min(args.runs, 3))
    with tempfile.TemporaryDirectory(prefix="sett-bench-memory-") as tmp:
        folder = Path(tmp) / "data"
        data.build_client_data(folder, accounts=accounts, invoices=invoices)
        app_runs = [run_app(folder, SETTLE) for _ in range(runs)]
        floor_runs = [run_floor(SETTLE) for _ in range(runs)]
    app_mb, floor_mb = (median([r["rss_kb"] for r in rs]) / 1024 for rs in (app_runs, floor_runs))
    app_peak, floor_peak = (median([r["hwm_kb"] for r in rs]) / 1024 for rs in (app_runs, floor_runs))
    value = ratio(app_mb, floor_mb)
    print_table(f"memory: {accounts} accounts cached, RSS {SETTLE:g} s after the first paint, median of {runs}",
                [("app", f"{app_mb:.0f} MB", f"{app_peak:.0f} MB", f"{value:.2f}x"),
                 ("floor: bare window", f"{floor_mb:.0f} MB", f"{floor_peak:.0f} MB", "1.00x")],
                ("process", "RSS", "peak RSS", "ratio"))
    return {"accounts": accounts, "invoices_per_account": invoices, "runs": runs, "settle_s": SETTLE,
            "app_rss_mb": round(app_mb, 1), "app_peak_rss_mb": round(app_peak, 1),
            "floor_rss_mb": round(floor_mb, 1), "floor_peak_rss_mb": round(floor_peak, 1), "ratio": round(value, 2),
            "goal": None}
