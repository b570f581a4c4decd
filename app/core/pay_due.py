"""Which invoices "Pay all due" pays (pure): every pending or overdue invoice with something left to pay, in the
account's currency (one payment is one currency), overdue first, then by due date."""
from __future__ import annotations

from collections.abc import Iterable

from .invoice_facts import UNPAID_STATUSES
from .money import MoneyError, parse_money, same_currency

MAX_INVOICES = 100       # the panel takes 1..100 invoices in one payment


def has_balance(row: dict) -> bool:
    try:
        return parse_money(row.get("balance_due") if row.get("balance_due") is not None else row.get("total")) > 0
    except MoneyError:
        return False


def payable(row: dict, currency_code: str = "") -> bool:
    currency = row.get("currency")
    return (row.get("status") in UNPAID_STATUSES and has_balance(row)
            and (not currency or not currency_code or same_currency(currency, currency_code)))


def payable_invoice_ids(rows: Iterable[dict], currency_code: str = "") -> list[str]:
    due = [row for row in rows if payable(row, currency_code)]
    due.sort(key=lambda r: (r.get("status") != "overdue", str(r.get("due_date") or ""), str(r.get("invoice_number"))))
    return [str(row["id"]) for row in due[:MAX_INVOICES]]
