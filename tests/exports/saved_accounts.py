"""Two accounts saved the way Sett saves them (the account list through AccountStore, each cache through the real
AccountCache), in two currencies: euros with two decimals, and Swiss francs from a second panel. Some text is
hostile (a formula, quotes, a newline), and one invoice's payment history was never fetched."""
from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from app import paths
from app.cache import AccountCache, CacheChanges
from app.session.accounts import AccountStore

SYNCED = {"last_synced_at": "2026-11-24T09:30:00.000000Z"}


def invoice(iid: str, number: str, status: str, issued: str, total: str, balance: str, currency: str,
            payments: list[dict] | None = None, **more) -> dict:
    row = {"id": iid, "invoice_number": number, "status": status, "kind": "order", "issue_date": issued,
           "due_date": issued, "paid_at": None, "subtotal": total, "tax_amount": "0.00", "total": total,
           "balance_due": balance, "currency": currency, "updated_at": f"{issued}T12:00:00.000000Z", **more}
    if payments is not None:     # the detail shape: lines and payments
        row.update(lines=[{"description": "Hosting", "quantity": 1, "unit_price": total, "amount": total}],
                   payments=payments, amount_paid=str(sum((Decimal(p["amount"]) for p in payments), Decimal("0.00"))))
    return row


def payment(pid: str, amount: str, when: str, status: str = "succeeded", reference: str = "ch_1") -> dict:
    return {"id": pid, "method": "stripe", "amount": amount, "status": status, "reference": reference,
            "created_at": f"{when}T10:15:00.000000Z"}


def transaction(tid: str, amount: str, balance: str, when: str, kind: str, note: str) -> dict:
    stamp = f"{when}T08:00:00.000000Z"
    return {"id": tid, "amount": amount, "type": kind, "note": note, "invoice_id": None, "balance_after": balance,
            "created_at": stamp, "updated_at": stamp}


EURO_INVOICES = [
    invoice("e-1", "EU-0001", "paid", "2026-01-05", "100.10", "0.00", "EUR",
            [payment("ep-1", "60.05", "2026-01-05"), payment("ep-2", "40.05", "2026-01-06")]),
    invoice("e-2", "=cmd|' /C calc'!A0", "pending", "2026-03-01", "0.1000000000000000000001",
            "0.1000000000000000000001", "EUR", []),
    invoice("e-3", "EU-0003", "overdue", "2026-05-01", "25.00", "25.00", "EUR"),     # list shape only
    invoice("e-4", "EU-0004", "draft", "2026-05-02", "8.00", "8.00", "EUR"),         # never shown, never exported
]
FRANC_INVOICES = [
    invoice("c-1", 'CH "quoted", two\nlines', "paid", "2026-02-10", "1234567.55", "0.00", "CHF",
            [payment("cp-1", "1234567.55", "2026-02-11", reference="+41 wire")]),
    invoice("c-2", "CH-0002", "pending", "2026-06-30", "99.95", "99.95", "CHF", []),
]
EURO_TRANSACTIONS = [transaction("et-2", "-4.50", "0.50", "2026-04-02", "payment", "@SUM(1+1)"),
                     transaction("et-1", "5.00", "5.00", "2026-04-01", "adjustment", "Welcome credit")]
FRANC_TRANSACTIONS = [transaction("ct-1", "20.05", "20.05", "2026-07-01", "top_up", "-Top-up")]


def _billing(code: str, symbol: str) -> dict:
    return {"enabled": True, "currency": {"code": code, "symbol": symbol, "places": 2}, "credits_enabled": True}


def save_accounts(folder: Path) -> dict[str, str]:
    """Both accounts saved in `folder` (which becomes Sett's data folder); returns {name: id}."""
    paths.use_data_dir(folder)
    store = AccountStore(paths.accounts_file())
    ids = {}
    for name, url, code, symbol, invoices, transactions in (
            ("Euros", "http://127.0.0.1:1", "EUR", "€", EURO_INVOICES, EURO_TRANSACTIONS),
            ("Francs", "http://127.0.0.1:2", "CHF", "CHF", FRANC_INVOICES, FRANC_TRANSACTIONS)):
        account = store.add(name=name, panel_url=url, email="ada@example.com", auth_kind="password")
        ids[name] = account.id
        with AccountCache(paths.account_cache(account.id)) as cache:
            cache.apply(CacheChanges(upserts={"invoices": invoices, "credit_transactions": transactions},
                                     config={"billing_config": _billing(code, symbol)},
                                     sync_state={"invoices": SYNCED, "credit_transactions": SYNCED}))
    store.add(name="Never synced", panel_url="http://127.0.0.1:3", email="x@example.com", auth_kind="password")
    return ids
