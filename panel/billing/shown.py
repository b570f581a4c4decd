"""How the amounts of a record still open are written: with the currency's places as they are now.

Amounts are stored as text with the places the currency had when they were written (`5.000` under 3 places).
`currency_places` may change since (billing/currency_change refuses only a change that would round an amount in
use), so a stored text and the currency's places can disagree: going 2 -> 3 -> 2 left an invoice showing `5.000`
while the currency said 2 places. What is still open -- a service that renews, an unpaid (pending, overdue)
invoice with its lines and balance, an order waiting for that invoice -- is therefore written with the places the
currency has now, which only changes its text (`5.000` -> `5.00` is the same value). A value that has more places
than that is never rounded: it keeps the text it was stored with. Closed records (a paid, cancelled or refunded
invoice, an order that was paid or cancelled, a service that ended) and transactions (payments, credit
transactions) are documents and keep the text they were written with.
"""
from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

from app.core.money import money_str, round_money

from ..settings import PanelSettings

OPEN_INVOICES = ("pending", "overdue")
OPEN_ORDERS = ("pending",)
RENEWING_SERVICES = ("pending", "active", "suspended")
_DEFAULT_PLACES: int = PanelSettings.model_fields["currency_places"].default


def current_places(conn: sqlite3.Connection) -> int:
    """The currency's places now (the `currency_places` setting)."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'currency_places'").fetchone()
    return _DEFAULT_PLACES if row is None else int(json.loads(row["value"]))


def written_now(text: str | None, places: int) -> str | None:
    """A stored amount written with `places`, when that keeps its value exactly; else as it was stored."""
    if text is None:
        return None
    value = Decimal(text)
    return money_str(value, places) if round_money(value, places) == value else text
