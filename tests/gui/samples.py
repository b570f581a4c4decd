"""One customer's account as the panel sends it (panel-api.md shapes), and AccountData read from a real cache.

Every service status (pending, active, suspended, terminated, cancelled) and every invoice status (draft,
pending, paid, overdue, cancelled, refunded) appears at least once. The figures agree with each other the
way the panel computes them: the dashboard's total due is the balance of every open invoice (a pending top-up too), the
credit transactions' balances run to the credit balance. Money is EUR, so a "$" on screen is a bug.
"""
from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

from app.cache import AccountCache, CacheChanges, minor_units
from app.core.account_data import AccountData
from app.session.data import load_account_data

SYNCED_AT = "2026-11-24T09:30:00.000000Z"

PUBLIC_SETTINGS = {"panel_name": "Badger Hosting", "billing_enabled": True, "tickets_enabled": True,
                   "support_url": None}
BILLING_CONFIG = {
    "enabled": True, "currency": {"code": "EUR", "symbol": "€", "places": 2},
    "tax": {"enabled": True, "rate": "20", "inclusive": False}, "credits_enabled": True,
    "gateways": {"stripe": {"enabled": True, "publishable_key": "pk_test_123"}, "paypal": {"enabled": True}},
    "billing_cycles": ["one_time", "monthly", "quarterly", "semi_annual", "annual", "biennial"],
    "auto_activate": True,
}
ME = {"id": "u-1", "email": "ada@example.com", "username": "ada", "first_name": "Ada", "last_name": "Lovelace"}
DASHBOARD = {"active_services": 3, "pending_invoices": 4, "overdue_invoices": 2, "total_due": "62.00",
             "next_due_date": "2026-11-10", "next_due_amount": "25.00", "credit_balance": "25.50",
             "currency": "EUR"}
CREDITS = {"enabled": True, "balance": "25.50", "currency": "EUR"}

CATEGORIES = [
    {"id": "cat-games", "name": "Game servers", "slug": "game-servers", "description": "Low-latency game hosting",
     "sort_order": 1, "updated_at": "2026-01-01T00:00:00.000000Z"},
    {"id": "cat-vps", "name": "VPS", "slug": "vps", "description": "Virtual servers",
     "sort_order": 2, "updated_at": "2026-01-01T00:00:00.000000Z"},
    {"id": "cat-web", "name": "Web hosting", "slug": "web-hosting", "description": "Websites",
     "sort_order": 3, "updated_at": "2026-01-01T00:00:00.000000Z"},
    {"id": "cat-extras", "name": "Extras", "slug": "extras", "description": "Nothing on offer right now",
     "sort_order": 4, "updated_at": "2026-01-01T00:00:00.000000Z"},
]


def _resources(memory: int, disk: int, cpu: int) -> dict:
    return {"memory": memory, "disk": disk, "cpu": cpu, "swap": 0, "io_weight": 500, "database_limit": 1,
            "backup_limit": 2, "allocation_limit": 1}


def _product(pid: str, name: str, category: dict, resources: dict, pricing_type: str, pricing: list[dict],
             config_ranges: dict | None = None, stock: int | None = None, sort_order: int = 0,
             description: str = "") -> dict:
    return {"id": pid, "name": name, "slug": pid, "description": description,
            "category": {k: category[k] for k in ("id", "name", "slug")}, "resources": resources,
            "pricing_type": pricing_type, "pricing": pricing, "config_ranges": config_ranges, "stock": stock,
            "in_stock": stock is None or stock > 0, "sort_order": sort_order,
            "updated_at": "2026-10-01T12:00:00.000000Z"}


GAMES, VPS, WEB = CATEGORIES[0], CATEGORIES[1], CATEGORIES[2]
PRODUCTS = [
    # per GB of memory: from = 3.00 x 2 GB (the range's minimum) = 6.00 a month, 8.50 x 2 = 17.00 a quarter.
    _product("minecraft-flex", "Minecraft Flex", GAMES, _resources(4096, 20480, 200), "per_gb_memory",
             [{"billing_cycle": "monthly", "price": "3.00", "setup_fee": "0.00"},
              {"billing_cycle": "quarterly", "price": "8.50", "setup_fee": "0.00"}],
             {"memory": {"min": 2048, "max": 16384, "step": 1024, "unit_price": "0.00"}}, sort_order=1,
             description="Pick your RAM, we run the rest. Modpacks and plugins welcome."),
    _product("valheim-dedicated", "Valheim Dedicated", GAMES, _resources(8192, 51200, 300), "fixed",
             [{"billing_cycle": "monthly", "price": "15.00", "setup_fee": "5.00"},
              {"billing_cycle": "annual", "price": "150.00", "setup_fee": "0.00"}],
             stock=3, sort_order=2, description="A dedicated world for up to ten Vikings."),
    _product("rust-premium", "Rust Premium", GAMES, _resources(12288, 81920, 400), "fixed",
             [{"billing_cycle": "monthly", "price": "25.00", "setup_fee": "0.00"}], stock=0, sort_order=3,
             description="High-pop Rust with weekly wipes."),
    # configurable: from = 2.00 + 1 GB x 2.00 + 1 core x 3.00 + 10 GB x 0.0125 = 7.125 -> 7.13 (half-up) a month.
    _product("cloud-vps-custom", "Cloud VPS Custom", VPS, _resources(2048, 20480, 100), "configurable",
             [{"billing_cycle": "monthly", "price": "2.00", "setup_fee": "0.00"},
              {"billing_cycle": "annual", "price": "20.00", "setup_fee": "0.00"}],
             {"memory": {"min": 1024, "max": 32768, "step": 1024, "unit_price": "2.00"},
              "cpu": {"min": 100, "max": 800, "step": 100, "unit_price": "3.00"},
              "disk": {"min": 10240, "max": 204800, "step": 10240, "unit_price": "0.0125"}},
             sort_order=1, description="Build the server you need."),
    _product("web-hosting-basic", "Web Hosting Basic", WEB, _resources(512, 1536, 50), "fixed",
             [{"billing_cycle": "monthly", "price": "3.50", "setup_fee": "0.00"}], sort_order=1,
             description="One website, free TLS."),
]


def _service(sid: str, product: str, status: str, cycle: str, amount: str, next_due: str | None,
             server: dict | None, cancellation: dict | None = None, created: str = "2026-06-01") -> dict:
    return {"id": sid, "product": {"id": product.lower().replace(" ", "-"), "name": product}, "status": status,
            "billing_cycle": cycle, "recurring_amount": amount, "currency": "EUR", "next_due_date": next_due,
            "server": server, "config": {}, "cancellation": cancellation, "order_id": f"ord-{sid}",
            "created_at": f"{created}T10:00:00.000000Z", "updated_at": "2026-11-20T10:00:00.000000Z"}


SERVICES = [
    _service("svc-flex", "Minecraft Flex", "active", "monthly", "12.00", "2026-12-01",
             {"id": "srv-1", "name": "mc-flex-01", "status": "running"}, created="2026-06-01"),
    _service("svc-vps", "Cloud VPS M", "active", "annual", "120.00", "2027-03-15",
             {"id": "srv-2", "name": "vps-m-01", "status": "running"},
             {"id": "can-1", "type": "end_of_period", "reason": "Moving", "status": "pending",
              "created_at": "2026-11-01T09:00:00.000000Z"}, created="2026-03-15"),
    _service("svc-migration", "Server Migration", "active", "one_time", "49.00", None, None, created="2026-03-16"),
    _service("svc-valheim", "Valheim Dedicated", "pending", "quarterly", "30.00", "2026-12-24", None,
             created="2026-11-23"),
    _service("svc-rust", "Rust Premium", "suspended", "monthly", "25.00", "2026-11-10",
             {"id": "srv-3", "name": "rust-eu-01", "status": "suspended"}, created="2026-04-10"),
    _service("svc-web", "Web Hosting Basic", "terminated", "monthly", "3.50", "2026-08-01",
             {"id": "srv-4", "name": "web-01", "status": "terminated"}, created="2026-02-01"),
    _service("svc-storage", "Storage VPS", "cancelled", "semi_annual", "60.00", "2027-01-05",
             {"id": "srv-5", "name": "storage-01", "status": "terminated"}, created="2026-01-05"),
]


def _invoice(iid: str, number: str, status: str, kind: str, issued: str, due: str, total: str,
             balance: str = "0.00", paid_at: str | None = None, credits_applied: str = "0.00",
             service_id: str | None = None) -> dict:
    paid = str(Decimal(total) - Decimal(balance))
    return {"id": iid, "invoice_number": number, "status": status, "kind": kind, "issue_date": issued,
            "due_date": due, "paid_at": paid_at, "subtotal": total, "discount": "0.00", "tax_amount": "0.00",
            "total": total, "amount_paid": paid if status != "cancelled" else "0.00",
            "credits_applied": credits_applied, "balance_due": balance, "currency": "EUR",
            "order_id": None if kind != "order" else f"ord-{iid}", "service_id": service_id,
            "updated_at": f"{issued}T12:00:00.000000Z"}


INVOICES = [
    _invoice("inv-1", "INV-2026-0001", "paid", "order", "2026-01-05", "2026-01-05", "100.00",
             paid_at="2026-01-05T12:30:00.000000Z"),
    _invoice("inv-2", "INV-2026-0002", "paid", "renewal", "2026-02-01", "2026-02-08", "99.00",
             paid_at="2026-02-03T08:00:00.000000Z", service_id="svc-web"),
    _invoice("inv-3", "INV-2026-0003", "pending", "renewal", "2026-11-24", "2026-12-01", "12.00", "12.00",
             service_id="svc-flex"),
    _invoice("inv-4", "INV-2026-0004", "overdue", "renewal", "2026-11-03", "2026-11-10", "25.00", "25.00",
             service_id="svc-rust"),
    _invoice("inv-5", "INV-2026-0005", "cancelled", "renewal", "2026-07-25", "2026-08-01", "3.50",
             service_id="svc-web"),
    _invoice("inv-6", "INV-2026-0006", "refunded", "order", "2026-01-05", "2026-01-05", "60.00",
             paid_at="2026-01-05T13:00:00.000000Z"),
    _invoice("inv-7", "INV-2026-0007", "pending", "top_up", "2026-11-22", "2026-11-29", "20.00", "20.00"),
    _invoice("inv-8", "INV-2026-0008", "draft", "order", "2026-11-24", "2026-11-24", "8.00", "8.00"),
    _invoice("inv-9", "INV-2026-0009", "overdue", "order", "2026-11-12", "2026-11-12", "9.50", "5.00",
             credits_applied="4.50"),
]
# Shown to users: everything but the draft.
VISIBLE_INVOICES = [i for i in INVOICES if i["status"] != "draft"]


def _transaction(tid: str, when: str, kind: str, amount: str, balance: str, note: str,
                 invoice_id: str | None = None) -> dict:
    stamp = f"{when}T12:00:00.000000Z"
    return {"id": tid, "amount": amount, "type": kind, "note": note, "invoice_id": invoice_id,
            "balance_after": balance, "created_at": stamp, "updated_at": stamp}


CREDIT_TRANSACTIONS = [   # oldest first here; the cache lists them newest first, as the panel does
    _transaction("tx-1", "2026-05-01", "adjustment", "5.00", "5.00", "Welcome credit"),
    _transaction("tx-2", "2026-07-01", "top_up", "20.00", "25.00", "Top-up", "inv-top"),
    _transaction("tx-3", "2026-08-15", "payment", "-15.00", "10.00", "Paid INV-2026-0002", "inv-2"),
    _transaction("tx-4", "2026-10-02", "refund", "20.00", "30.00", "Refund of INV-2026-0006", "inv-6"),
    _transaction("tx-5", "2026-11-20", "payment", "-4.50", "25.50", "Paid INV-2026-0009", "inv-9"),
]


# An unpaid order (of the overdue invoice inv-4), a ticket about that invoice with a customer's and a staff message,
# and a panel notification: records the account above does not hold in its cache; tests put them there or in
# AccountData as they need.
ORDER = {"id": "ord-1", "order_number": "ORD-0001", "status": "pending", "total": "30.00", "subtotal": "25.00",
         "tax_amount": "5.00", "discount": "0.00", "invoice_id": "inv-4", "created_at": "2026-11-01T10:00:00Z",
         "updated_at": "2026-11-01T10:00:00Z", "payment_method": "stripe", "service_ids": ["svc-rust"],
         "items": [{"product_name": "Rust Premium", "billing_cycle": "monthly", "quantity": 1, "amount": "25.00",
                    "service_id": "svc-rust"}]}
TICKET = {"id": "t-1", "ticket_number": "TKT-000001", "subject": "Why twice?", "status": "answered",
          "department": "billing", "related": {"invoice_id": "inv-4", "service_id": None},
          "created_at": "2026-11-20T10:00:00Z", "last_reply_at": "2026-11-21T10:00:00Z",
          "updated_at": "2026-11-21T10:00:00Z",
          "messages": [{"id": "m1", "author": {"name": "Ada", "staff": False}, "body": "Why was I billed twice?",
                        "created_at": "2026-11-20T10:00:00Z"},
                       {"id": "m2", "author": {"name": "Eve", "staff": True}, "body": "Sorry, fixed.",
                        "created_at": "2026-11-21T10:00:00Z"}]}
NOTIFICATION = {"id": "n-1", "uuid": "n-1", "type": "billing", "title": "Invoice due",
                "message": "INV-2026-0004 is overdue", "action_url": "/billing/invoices/inv-4", "read": False,
                "created_at": "2026-11-21T10:00:00Z", "updated_at": "2026-11-21T10:00:00Z"}


def account_data(directory: Path, **replaced) -> AccountData:
    """The sample account written to a real cache in `directory` and read back as the shell reads it.

    Keyword arguments replace fields of the result (e.g. `invoices=[]` for an account with none).
    """
    cache = AccountCache(Path(directory) / "account.sqlite")
    try:
        cache.apply(CacheChanges(
            upserts={"categories": CATEGORIES, "products": PRODUCTS, "services": SERVICES, "invoices": INVOICES,
                     "credit_transactions": CREDIT_TRANSACTIONS},
            config={"public_settings": PUBLIC_SETTINGS, "billing_config": BILLING_CONFIG, "me": ME,
                    "dashboard": DASHBOARD, "credits": CREDITS},
            sync_state={name: {"last_synced_at": SYNCED_AT} for name in
                        ("services", "invoices", "credit_transactions", "products", "categories")},
        ))
        data = load_account_data("acct-1", cache)
    finally:
        cache.close()
    return dataclasses.replace(data, **replaced) if replaced else data


def never_synced() -> AccountData:
    return AccountData(account_id="acct-1")


def invoice_rows(count: int, places: int = 2) -> list[dict]:
    """`count` compact invoice rows (AccountCache.invoice_rows' shape) with varied statuses, dates and totals."""
    statuses = ("paid", "pending", "overdue", "cancelled", "refunded")
    rows = []
    for i in range(count):
        status = statuses[i % len(statuses)]
        total = f"{(i * 7919) % 100000 / 100:.2f}"
        balance = total if status in ("pending", "overdue") else "0.00"
        day = f"2026-{1 + i % 12:02d}-{1 + i % 28:02d}"
        rows.append({"id": f"inv-{i}", "invoice_number": f"INV-{i:06d}", "status": status,
                     "kind": ("order", "renewal", "top_up")[i % 3], "issue_date": day, "due_date": day,
                     "paid_at": None, "currency": "EUR", "total": total, "total_minor": minor_units(total, places),
                     "balance_due": balance, "balance_due_minor": minor_units(balance, places), "has_detail": 0,
                     "updated_at": f"{day}T00:00:00.000000Z"})
    return rows
