"""4. The panel under 50 concurrent buyers on loopback: checkout throughput and p99 latency (each buyer its own
customer with credit, paying with credits: the whole order, invoice, payment and service in one write
transaction) against the trivial GET /health on the same server with the same 50 threads. Plus the correctness
line: stock N, 10N buyers at once, exactly N orders.

Buyers, their credit and API keys are written straight into the panel's database (data.add_buyers); the products
go through the admin API. A ThreadPoolExecutor of 50 with a requests.Session per thread.
"""
from __future__ import annotations

import sqlite3
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

from . import data
from .panel_proc import start_panel
from .report import print_table

# Issue 15: checkout latency under load is set by the work, not by waiting for SQLite's write lock.
P99_GOAL = 5.0
BUYER_CREDIT = "1000.00"
RESOURCES = {"memory": 2048, "disk": 20480, "cpu": 100, "swap": 0, "io_weight": 500, "database_limit": 1,
             "backup_limit": 1, "allocation_limit": 1}


def _product(api: str, admin_key: str, stock: int | None) -> str:
    headers = {"Authorization": f"Bearer {admin_key}"}
    tag = f"{time.monotonic_ns()}"
    category = requests.post(f"{api}/admin/billing/categories", headers=headers, timeout=30,
                             json={"name": "Bench", "slug": f"bench-{tag}", "description": "", "sort_order": 0})
    category.raise_for_status()
    product = requests.post(f"{api}/admin/billing/products", headers=headers, timeout=30, json={
        "category_id": category.json()["data"]["id"], "name": f"Bench VPS {tag}", "slug": f"bench-vps-{tag}",
        "description": "", "resources": RESOURCES, "pricing_type": "fixed",
        "pricing": [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}],
        "config_ranges": None, "stock": stock})
    product.raise_for_status()
    return product.json()["data"]["id"]


def _pool(threads: int, calls: list, send) -> tuple[float, list[tuple[float, int, str | None]]]:
    """Run send(session, call) for every call on `threads` threads, one Session each: (wall s, results)."""
    local = threading.local()

    def one(call):
        session = getattr(local, "session", None)
        if session is None:
            session = local.session = requests.Session()
        started = time.perf_counter()
        status, code = send(session, call)
        return time.perf_counter() - started, status, code

    with ThreadPoolExecutor(max_workers=threads) as pool:
        list(pool.map(lambda _: time.sleep(0.01), range(threads)))   # start the threads before the clock
        started = time.perf_counter()
        results = list(pool.map(one, calls))
        return time.perf_counter() - started, results


def _credits_exact(conn: sqlite3.Connection) -> bool:
    """Every buyer's balance is the credit they were given plus their ledger, never below zero, and what the
    ledger took is exactly what their invoices say credits paid."""
    from decimal import Decimal

    for user_id, balance in conn.execute("SELECT id, credit_balance FROM users WHERE role = 'user'"):
        ledger = sum((Decimal(a) for (a,) in conn.execute(
            "SELECT amount FROM credit_transactions WHERE user_id = ?", (user_id,))), Decimal(0))
        applied = sum((Decimal(a) for (a,) in conn.execute(
            "SELECT credits_applied FROM invoices WHERE user_id = ?", (user_id,))), Decimal(0))
        if Decimal(balance) < 0 or Decimal(balance) != Decimal(BUYER_CREDIT) + ledger or -ledger != applied:
            return False
    return True


def _p(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * len(ordered)) - 1))]


def run(args) -> dict:
    threads, checkouts, stock = args.buyers, args.checkouts, args.stock
    contenders = 10 * stock
    with tempfile.TemporaryDirectory(prefix="sett-bench-panel-") as tmp:
        db_path = Path(tmp) / "panel.db"
        admin_key = data.add_admin(db_path)
        keys = data.add_buyers(db_path, max(checkouts, contenders), credits=BUYER_CREDIT)
        panel = start_panel(db_path)
        try:
            api = panel.url + "/api/v1"
            unlimited, limited = _product(api, admin_key, None), _product(api, admin_key, stock)

            def checkout(product_id: str):
                def send(session: requests.Session, key: str) -> tuple[int, str | None]:
                    answer = session.post(f"{api}/billing/checkout", timeout=120,
                                          headers={"Authorization": f"Bearer {key}"},
                                          json={"items": [{"product_id": product_id, "billing_cycle": "monthly"}],
                                                "payment_method": "credits"})
                    code = None if answer.status_code < 400 else answer.json().get("error", {}).get("code")
                    return answer.status_code, code
                return send

            def health(session: requests.Session, _n: int) -> tuple[int, None]:
                return session.get(f"{api}/health", timeout=120).status_code, None

            _pool(threads, list(range(threads * 4)), health)                   # warm-up
            health_s, health_results = _pool(threads, list(range(checkouts)), health)
            buy_s, buy_results = _pool(threads, keys[:checkouts], checkout(unlimited))
            _race_s, race_results = _pool(threads, keys[:contenders], checkout(limited))
            with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True) as conn:
                orders = conn.execute("SELECT COUNT(DISTINCT order_id) FROM order_items WHERE product_id = ?",
                                      (limited,)).fetchone()[0]
                left = conn.execute("SELECT stock FROM products WHERE id = ?", (limited,)).fetchone()[0]
                credits_exact = _credits_exact(conn)
        finally:
            panel.stop()
    buy_ok = [r for r in buy_results if r[1] == 201]
    health_ok = [r for r in health_results if r[1] == 200]
    created = sum(1 for r in race_results if r[1] == 201)
    refused = sum(1 for r in race_results if r[2] == "out_of_stock")
    other = len(race_results) - created - refused
    buy_rps, health_rps = len(buy_ok) / buy_s, len(health_ok) / health_s
    buy_p99, health_p99 = _p([r[0] for r in buy_results], 0.99), _p([r[0] for r in health_results], 0.99)
    buy_p50, health_p50 = _p([r[0] for r in buy_results], 0.5), _p([r[0] for r in health_results], 0.5)
    correct = orders == stock and created == stock and left == 0 and other == 0 and credits_exact
    print_table(f"panel: {threads} concurrent clients on loopback, {checkouts} requests each side",
                [("checkout (credits)", f"{buy_rps:.0f}/s", f"{buy_p50 * 1000:.0f} ms", f"{buy_p99 * 1000:.0f} ms",
                  f"{len(buy_ok)}/{len(buy_results)}", f"{buy_rps / health_rps:.3f}x throughput, "
                  f"{buy_p99 / health_p99:.1f}x p99"),
                 ("floor: GET /health", f"{health_rps:.0f}/s", f"{health_p50 * 1000:.0f} ms",
                  f"{health_p99 * 1000:.0f} ms", f"{len(health_ok)}/{len(health_results)}", "1.00x")],
                ("request", "throughput", "p50", "p99", "ok", "vs floor"))
    p99_ratio = buy_p99 / health_p99
    met = p99_ratio <= P99_GOAL and correct
    print(f"goal: checkout p99 at most {P99_GOAL}x the health p99 in the same run, stock and credits exact: "
          f"{p99_ratio:.1f}x, credits {'exact' if credits_exact else 'WRONG'} -> {'met' if met else 'NOT met'}",
          flush=True)
    print(f"correctness: stock {stock}, {contenders} buyers at once -> {created} orders created (201), {refused} "
          f"out_of_stock (409), {other} other; {orders} orders in the database, stock left {left}: "
          f"{'exactly N orders' if correct else 'WRONG'}", flush=True)
    return {"threads": threads, "requests_per_side": checkouts,
            "checkout_per_s": round(buy_rps, 1), "checkout_p50_ms": round(buy_p50 * 1000, 1),
            "checkout_p99_ms": round(buy_p99 * 1000, 1), "checkout_ok": len(buy_ok),
            "health_per_s": round(health_rps, 1), "health_p50_ms": round(health_p50 * 1000, 1),
            "health_p99_ms": round(health_p99 * 1000, 1), "health_ok": len(health_ok),
            "throughput_ratio": round(buy_rps / health_rps, 4), "p99_ratio": round(buy_p99 / health_p99, 2),
            "goal": {"p99_ratio_at_most": P99_GOAL, "met": met},
            "correctness": {"stock": stock, "buyers": contenders, "created": created, "out_of_stock": refused,
                            "other": other, "orders_in_db": orders, "stock_left": left, "credits_exact": credits_exact,
                            "exactly_n": correct}}
