"""3. The Invoices view with 50,000 rows: open it, sort by due date, filter by status (Overdue), each step timed
from the action to the table's next paint. The app side is the real InvoicesSection (InvoiceTableModel,
RowFilterProxy, FilteredTable, the theme) fed an AccountData as the shell feeds it; the floor is a bare
QAbstractTableModel over the same in-memory list of dicts + a plain QSortFilterProxyModel + a QTableView.
Goal: at most 1.5x per step. The UI thread must never block for more than 50 ms: a QTimer(0) records every
event-loop tick while the steps run, and the longest gap between two ticks is reported (a step that runs
synchronously on the UI thread shows up as a gap as long as itself).

Each side runs in its own process (`python -m bench.invoices_view SIDE CACHE`), N runs each, interleaved.
"""
from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from .report import median, print_table, ratio, run_python, verdict

GOAL = 1.5
GAP_GOAL_MS = 50.0
STEPS = ("open", "sort by due date", "filter by status", "search")
SEARCH = "INV-00499"
BARE_COLUMNS = ("invoice_number", "status", "issue_date", "due_date", "total", "balance_due")


def _side(name: str, cache_path: str) -> dict:
    from PySide6.QtCore import (
        QAbstractTableModel,
        QEvent,
        QEventLoop,
        QModelIndex,
        QObject,
        QSortFilterProxyModel,
        Qt,
        QTimer,
    )
    from PySide6.QtWidgets import QApplication, QTableView

    from app.cache import AccountCache

    app = QApplication.instance() or QApplication([])
    with AccountCache(cache_path) as cache:
        rows = cache.invoice_rows()
        if name == "app":
            from app.session.data import load_account_data

            # As the shell does: read on a worker (figures over all invoices included), shown on the UI thread.
            account = load_account_data("bench", cache)

    if name == "app":
        from app.views.invoices import STATUS_CHOICES, InvoicesSection
        from app.views.theme import apply_theme

        apply_theme(app, "light")
        # The window formats amounts before any list opens (the dashboard shows first): Babel's locale data is
        # loaded by then. Without this the first step also timed loading it (~20 ms), which no user waits for here.
        account.money("0")
        widget = InvoicesSection()
        view = widget.table
        overdue = next(i for i, (_label, value) in enumerate(STATUS_CHOICES) if value == "overdue")
        due_column = widget.model.column_of("due_date")
        actions = {
            "open": lambda: (widget.show_data(account), widget.show()),
            "sort by due date": lambda: view.sortByColumn(due_column, Qt.SortOrder.AscendingOrder),
            "filter by status": lambda: widget.filters.status.setCurrentIndex(overdue),
            # Typed text is applied after a pause in typing; the step starts when it is applied.
            "search": lambda: (widget.filters.search.setText(SEARCH), widget.list._typing.timeout.emit()),
        }
        settled = lambda: not widget.proxy.busy  # noqa: E731 - the search text of every row may take batches
    else:
        class BareModel(QAbstractTableModel):
            def __init__(self) -> None:
                super().__init__()
                self.rows: list[dict] = []

            def set_rows(self, new: list[dict]) -> None:
                self.beginResetModel()
                self.rows = new
                self.endResetModel()

            def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else len(self.rows)

            def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else len(BARE_COLUMNS)

            def data(self, index, role=Qt.ItemDataRole.DisplayRole):
                if role == Qt.ItemDataRole.DisplayRole:
                    value = self.rows[index.row()].get(BARE_COLUMNS[index.column()])
                    return "" if value is None else str(value)
                return None

            def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
                if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
                    return BARE_COLUMNS[section]
                return None

        model = BareModel()
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setFilterKeyColumn(BARE_COLUMNS.index("status"))
        widget = view = QTableView()
        view.setModel(proxy)
        view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        view.setSortingEnabled(True)
        actions = {
            "open": lambda: (model.set_rows(rows), view.show()),
            "sort by due date": lambda: view.sortByColumn(BARE_COLUMNS.index("due_date"), Qt.SortOrder.AscendingOrder),
            "filter by status": lambda: proxy.setFilterFixedString("overdue"),
            # A bare proxy filters one column or all: the floor searches every column for the text.
            "search": lambda: (proxy.setFilterKeyColumn(-1), proxy.setFilterFixedString(SEARCH)),
        }
        settled = lambda: True  # noqa: E731
    widget.resize(1280, 800)

    ticks: list[float] = []
    timings: dict[str, dict] = {}
    loop = QEventLoop()
    order = list(STEPS)
    state = {"step": None, "start": 0.0}

    class Painted(QObject):
        def eventFilter(self, obj, event) -> bool:
            if event.type() == QEvent.Type.Paint and state["step"] is not None and settled():
                step, started = state["step"], state["start"]
                state["step"] = None
                timings[step] = {"start": started, "end": time.perf_counter()}
                QTimer.singleShot(300, next_step)
            return False

    painted = Painted()
    view.viewport().installEventFilter(painted)
    ticker = QTimer()
    ticker.setInterval(0)
    ticker.timeout.connect(lambda: ticks.append(time.perf_counter()))

    def next_step() -> None:
        if not order:
            loop.quit()
            return
        step = order.pop(0)
        state["step"], state["start"] = step, time.perf_counter()
        actions[step]()
        view.viewport().update()     # a step that changes nothing on screen still ends at the next paint

    ticker.start()
    QTimer.singleShot(300, next_step)
    QTimer.singleShot(120_000, loop.quit)
    loop.exec()
    ticker.stop()
    gaps = [(b - a, a, b) for a, b in zip(ticks, ticks[1:], strict=False)]
    result = {"rows": len(rows), "shown_after_filter": view.model().rowCount()}
    for step in STEPS:
        t = timings.get(step)
        if t is None:
            raise RuntimeError(f"{name}: step {step!r} never painted")
        during = [g for g, a, b in gaps if b >= t["start"] and a <= t["end"]]
        result[step] = {"ms": (t["end"] - t["start"]) * 1000, "longest_gap_ms": max(during, default=0.0) * 1000}
    result["longest_gap_ms"] = max(g for g, _a, _b in gaps) * 1000 if gaps else 0.0
    return result


def run(args) -> dict:
    from app.cache import AccountCache

    from . import data

    runs = max(1, min(args.runs, 3))
    with tempfile.TemporaryDirectory(prefix="sett-bench-view-") as tmp:
        cache_path = Path(tmp) / "cache.sqlite3"
        with AccountCache(cache_path) as cache:
            cache.apply(data.cache_changes(invoices=args.view_rows, services=50, credit_transactions=10))
        sides: dict[str, list[dict]] = {"app": [], "floor": []}
        for _ in range(runs):
            for side in sides:
                done = run_python(["-m", "bench.invoices_view", side, str(cache_path)],
                                  env={"QT_QPA_PLATFORM": "offscreen"}, timeout=300)
                line = next((ln for ln in reversed(done.stdout.splitlines()) if ln.startswith("{")), None)
                if line is None:
                    raise RuntimeError(f"invoices view ({side}) failed:\n{done.stderr[-3000:]}")
                sides[side].append(json.loads(line))
    rows, result = [], {"rows": sides["app"][0]["rows"], "runs": runs, "goal": GOAL, "gap_goal_ms": GAP_GOAL_MS,
                        "steps": {}}
    for step in STEPS:
        app_ms = median([r[step]["ms"] for r in sides["app"]])
        floor_ms = median([r[step]["ms"] for r in sides["floor"]])
        app_gap = max(r[step]["longest_gap_ms"] for r in sides["app"])
        floor_gap = max(r[step]["longest_gap_ms"] for r in sides["floor"])
        value = ratio(app_ms, floor_ms)
        rows.append((step, f"{app_ms:.0f} ms", f"{floor_ms:.0f} ms", f"{value:.2f}x", f"<= {GOAL}x",
                     verdict(value, GOAL), f"{app_gap:.0f} ms", verdict(app_gap, GAP_GOAL_MS), f"{floor_gap:.0f} ms"))
        result["steps"][step] = {"app_ms": round(app_ms, 1), "floor_ms": round(floor_ms, 1), "ratio": round(value, 2),
                                 "goal_met": value <= GOAL, "app_longest_gap_ms": round(app_gap, 1),
                                 "gap_goal_met": app_gap <= GAP_GOAL_MS, "floor_longest_gap_ms": round(floor_gap, 1)}
    app_gap = max(r["longest_gap_ms"] for r in sides["app"])
    result["app_longest_gap_ms"] = round(app_gap, 1)
    result["floor_longest_gap_ms"] = round(max(r["longest_gap_ms"] for r in sides["floor"]), 1)
    result["gap_goal_met"] = app_gap <= GAP_GOAL_MS
    result["shown_after_filter"] = {s: sides[s][0]["shown_after_filter"] for s in sides}
    print_table(f"invoices view: {result['rows']:,} rows; median of {runs} (gaps: worst of {runs})", rows,
                ("step", "app", "floor", "ratio", "goal", "", "app longest gap", "<= 50 ms", "floor gap"))
    return result


if __name__ == "__main__":
    print(json.dumps(_side(sys.argv[1], sys.argv[2])), flush=True)
