"""Large data sets, made fast: panel rows written straight into a panel database (the panel's own schema and
user creation, then bulk INSERTs), and client caches written through AccountCache.apply from generated rows.

Shapes follow the panel: the client cache gets exactly what the panel's serialisers (invoice_out,
transaction_out, service_out's fields) send, so the app reads what it would read after a real sync.
"""
from __future__ import annotations

import json
import random
import shutil
import uuid
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from app.cache import AccountCache, CacheChanges
from panel.billing.credits import transaction_out
from panel.billing.invoices import invoice_out
from panel.billing.shown import Currency
from panel.clock import Clock
from panel.db import Database
from panel.security import digest, new_api_key
from panel.timefmt import iso
from panel.users import create_user

PASSWORD = "bench-password-1"
STATUSES = (["paid"] * 14) + (["pending"] * 3) + ["overdue", "cancelled", "refunded"]
SERVICE_STATUSES = (["active"] * 7) + ["suspended", "terminated", "cancelled"]
CYCLES = ("monthly", "quarterly", "annual")
TODAY = date(2026, 11, 24)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _stamp(day: date, rng: random.Random) -> str:
    moment = datetime(day.year, day.month, day.day, 9, tzinfo=UTC) + timedelta(seconds=rng.randrange(8 * 3600))
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{rng.randrange(10**6):06d}Z"


# -- panel database rows ---------------------------------------------------------------------------------------

def service_rows(user_id: str, count: int, rng: random.Random) -> list[dict]:
    rows = []
    for i in range(count):
        day = TODAY - timedelta(days=rng.randrange(1, 1000))
        status = rng.choice(SERVICE_STATUSES)
        stamp = _stamp(day, rng)
        rows.append({
            "id": _uuid(rng), "user_id": user_id, "order_id": None, "product_id": _uuid(rng),
            "product_name": f"VPS {1 + i % 8} GB", "billing_cycle": rng.choice(CYCLES),
            "recurring_amount": f"{rng.randrange(5, 80)}.00", "currency": "USD",
            "config": json.dumps({"memory": 1024 * (1 + i % 8)}), "status": status,
            "next_due_date": (TODAY + timedelta(days=rng.randrange(-20, 300))).isoformat()
            if status in ("active", "suspended") else None,
            "coupon_id": None, "activated_at": stamp, "suspended_at": None, "terminated_at": None,
            "created_at": stamp, "updated_at": stamp,
        })
    return rows


def invoice_rows(user_id: str, count: int, rng: random.Random, services: list[dict] | None = None) -> list[dict]:
    rows = []
    for i in range(count):
        issued = TODAY - timedelta(days=rng.randrange(0, 1500))
        status = rng.choice(STATUSES)
        total = Decimal(rng.randrange(500, 50000)) / 100
        paid = total if status in ("paid", "refunded") else Decimal(0)
        stamp = _stamp(issued, rng)
        service = rng.choice(services) if services and i % 3 else None
        rows.append({
            "id": _uuid(rng), "invoice_number": f"INV-{i + 1:07d}", "user_id": user_id, "order_id": None,
            "kind": "renewal" if service else rng.choice(("order", "order", "top_up")),
            "service_id": service["id"] if service else None,
            "period_start": None, "status": status, "issue_date": issued.isoformat(),
            "due_date": (issued + timedelta(days=14)).isoformat(),
            "paid_at": stamp if status in ("paid", "refunded") else None, "currency": "USD",
            "subtotal": f"{total:.2f}", "discount": "0.00", "coupon_id": None, "coupon_code": None,
            "tax_rate": "0", "tax_inclusive": 0, "tax_amount": "0.00", "total": f"{total:.2f}",
            "amount_paid": f"{paid:.2f}", "credits_applied": "0.00", "created_at": stamp, "updated_at": stamp,
        })
    return rows


def line_rows(invoices: list[dict], rng: random.Random) -> list[dict]:
    return [{"id": _uuid(rng), "invoice_id": inv["id"], "position": 0, "kind": "recurring",
             "description": f"Invoice {inv['invoice_number']}", "product_id": None, "service_id": inv["service_id"],
             "billing_cycle": "monthly", "quantity": 1, "unit_price": inv["total"], "amount": inv["total"]}
            for inv in invoices]


def credit_rows(user_id: str, count: int, rng: random.Random) -> list[dict]:
    rows, balance = [], Decimal(0)
    for i in range(count):
        amount = Decimal(rng.randrange(100, 5000)) / 100
        kind = "adjustment" if i % 2 == 0 else "payment"
        if kind == "payment":
            amount = -min(amount, balance)
        balance += amount
        stamp = _stamp(TODAY - timedelta(days=rng.randrange(0, 1500)), rng)
        rows.append({"id": _uuid(rng), "user_id": user_id, "amount": f"{amount:.2f}", "type": kind,
                     "note": "Bank transfer received" if kind == "adjustment" else "Invoice payment",
                     "invoice_id": None, "balance_after": f"{balance:.2f}", "created_at": stamp,
                     "updated_at": stamp})
    return rows


def _insert(conn, table: str, rows: list[dict]) -> None:
    if rows:
        columns = list(rows[0])
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
                         [tuple(r[c] for c in columns) for r in rows])


def _api_key(conn, user_id: str, now: str) -> str:
    key = new_api_key()
    conn.execute("INSERT INTO api_keys (id, user_id, name, key_hash, prefix, allowed_ips, created_at, updated_at) "
                 "VALUES (?, ?, ?, ?, ?, '[]', ?, ?)", (str(uuid.uuid4()), user_id, "bench", digest(key), key[:8],
                                                        now, now))
    return key


def build_panel_db(path: Path, *, invoices: int, services: int, credit_transactions: int,
                   seed: int = 1) -> dict:
    """One customer with this much history, straight into a fresh panel database. Returns email, api_key, ids."""
    rng = random.Random(seed)
    db = Database(path)
    clock = Clock()
    try:
        with db.write() as conn:
            user = create_user(conn, clock, email="bench@sett.test", password=PASSWORD)
            svc = service_rows(user["id"], services, rng)
            inv = invoice_rows(user["id"], invoices, rng, svc)
            _insert(conn, "services", svc)
            _insert(conn, "invoices", inv)
            _insert(conn, "invoice_lines", line_rows(inv, rng))
            credits = credit_rows(user["id"], credit_transactions, rng)
            _insert(conn, "credit_transactions", credits)
            if credits:
                conn.execute("UPDATE users SET credit_balance = ? WHERE id = ?",
                             (credits[-1]["balance_after"], user["id"]))
            key = _api_key(conn, user["id"], iso(clock.now()))
    finally:
        db.close()
    return {"email": user["email"], "user_id": user["id"], "api_key": key}


def add_admin(path: Path) -> str:
    """An admin with an API key (for the admin catalogue endpoints)."""
    db = Database(path)
    try:
        with db.write() as conn:
            user = create_user(conn, Clock(), email="admin@sett.test", password=PASSWORD, role="admin")
            return _api_key(conn, user["id"], iso(Clock().now()))
    finally:
        db.close()


def add_buyers(path: Path, count: int, credits: str = "1000.00") -> list[str]:
    """`count` customers with credit and an API key each: one password hash shared, bulk INSERTs. Returns keys."""
    db = Database(path)
    clock = Clock()
    try:
        with db.write() as conn:
            template = create_user(conn, clock, email=f"buyer-{uuid.uuid4().hex[:8]}@sett.test", password=PASSWORD)
            now = iso(clock.now())
            users, keys = [], []
            for _ in range(count - 1):
                tag = uuid.uuid4().hex[:12]
                users.append({**template, "id": str(uuid.uuid4()), "email": f"buyer-{tag}@sett.test",
                              "username": f"buyer-{tag}"})
            _insert(conn, "users", users)
            everyone = [template["id"]] + [u["id"] for u in users]
            conn.executemany("UPDATE users SET credit_balance = ? WHERE id = ?", [(credits, u) for u in everyone])
            for user_id in everyone:
                keys.append(_api_key(conn, user_id, now))
            return keys
    finally:
        db.close()


# -- client caches ---------------------------------------------------------------------------------------------

def _service_out(row: dict) -> dict:
    return {"id": row["id"], "product": {"id": row["product_id"], "name": row["product_name"]},
            "status": row["status"], "billing_cycle": row["billing_cycle"],
            "recurring_amount": row["recurring_amount"], "currency": row["currency"],
            "next_due_date": row["next_due_date"], "server": None, "config": json.loads(row["config"]),
            "cancellation": None, "order_id": row["order_id"], "created_at": row["created_at"],
            "updated_at": row["updated_at"]}


def cache_changes(*, invoices: int, services: int = 20, credit_transactions: int = 50, seed: int = 1) -> CacheChanges:
    """What a full sync of such an account would write, in the panel's shapes."""
    rng = random.Random(seed)
    user_id = _uuid(rng)
    svc = service_rows(user_id, services, rng)
    inv = invoice_rows(user_id, invoices, rng, svc)
    now = iso(datetime.now(UTC))
    changes = CacheChanges()
    changes.upserts["services"] = [_service_out(r) for r in svc]
    usd = Currency("USD", 2)            # the panel's currency, as billing_config below says
    changes.upserts["invoices"] = [invoice_out(r, now=usd) for r in inv]
    changes.upserts["credit_transactions"] = [transaction_out(r) for r in credit_rows(user_id, credit_transactions,
                                                                                       rng)]
    changes.config.update({
        "public_settings": {"panel_name": "Bench Panel", "billing_enabled": True, "support_url": "",
                            "tickets_enabled": False},
        "billing_config": {"currency": {"code": "USD", "symbol": "$", "places": 2}, "tax": {"enabled": False},
                           "credits_enabled": True, "payment_methods": ["credits"]},
        "me": {"id": user_id, "email": "bench@sett.test", "username": "bench", "first_name": "Bench",
               "last_name": "User", "role": "user", "two_factor_enabled": False},
        "dashboard": {}, "credits": {"balance": "0.00", "currency": "USD"},
    })
    for name in ("categories", "products", "services", "invoices", "orders", "credit_transactions", "notifications"):
        changes.sync_state[name] = {"etag": '"bench"', "server_time": now}
    return changes


def build_client_data(data_dir: Path, *, accounts: int, invoices: int,
                      panel_url: str = "http://127.0.0.1:9") -> list[str]:
    """accounts.json with `accounts` accounts at an unreachable panel (port 9 refuses: the app starts offline),
    and a warm cache for each: one built with AccountCache.apply, copied to the others. Returns the ids."""
    data_dir.mkdir(parents=True, exist_ok=True)
    ids = [uuid.UUID(int=i + 1).hex for i in range(accounts)]
    listing = [{"id": a, "name": f"Bench {i + 1}", "panel_url": panel_url, "email": f"bench{i + 1}@sett.test",
                "auth_kind": "api_key", "created_at": "2026-01-01T00:00:00+00:00"} for i, a in enumerate(ids)]
    (data_dir / "accounts.json").write_text(json.dumps(listing, indent=2), encoding="utf-8")
    first = data_dir / "accounts" / ids[0] / "cache.sqlite3"
    with AccountCache(first) as cache:
        cache.apply(cache_changes(invoices=invoices))
        cache._db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    for account_id in ids[1:]:
        target = data_dir / "accounts" / account_id
        target.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(first, target / "cache.sqlite3")
    return ids
