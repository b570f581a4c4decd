"""How the amounts of a record still open are written: with the currency's places as they are now.

Amounts are stored as text with the places the currency had when they were written (`5.000` under 3 places).
`currency_places` may change since (billing/currency_change refuses only a change that would round an amount in
use), so a stored text and the currency's places can disagree: going 2 -> 3 -> 2 left an invoice showing `5.000`
while the currency said 2 places. What is still open -- a service that renews, an unpaid (pending, overdue)
invoice with its lines and balance, an order waiting for that invoice -- is therefore written with the places the
currency has now, which only changes its text (`5.000` -> `5.00` is the same value), and only a record in the
panel's currency: one raised before `currency_code` changed is in its own, whose places are not these. A value that
has more places than that is never rounded: it keeps the text it was stored with. Closed records (a paid,
cancelled or refunded invoice, an order that was paid or cancelled, a service that ended) and transactions
(payments, credit transactions) are documents and keep the text they were written with.
"""
from __future__ import annotations

import json
import sqlite3
from decimal import Decimal
from typing import NamedTuple

from app.core.money import money_str, round_money

from ..settings import PanelSettings

OPEN_INVOICES = ("pending", "overdue")
OPEN_ORDERS = ("pending",)
RENEWING_SERVICES = ("pending", "active", "suspended")
_DEFAULT_PLACES: int = PanelSettings.model_fields["currency_places"].default
_DEFAULT_CODE: str = PanelSettings.model_fields["currency_code"].default


class Currency(NamedTuple):
    """The panel's currency now: its code and its places."""
    code: str
    places: int


def current(conn: sqlite3.Connection) -> Currency:
    """The panel's currency now (the `currency_code` and `currency_places` settings)."""
    rows = {row["key"]: row["value"] for row in conn.execute(
        "SELECT key, value FROM settings WHERE key IN ('currency_code', 'currency_places')")}
    code = json.loads(rows["currency_code"]) if "currency_code" in rows else _DEFAULT_CODE
    places = int(json.loads(rows["currency_places"])) if "currency_places" in rows else _DEFAULT_PLACES
    return Currency(str(code), places)


def written(text: str | None, currency: str | None, now: Currency) -> str | None:
    """An open record's stored amount in `currency`, written with the places `now` has when it is the panel's
    currency (`written_now`); in another currency, as it was stored."""
    return written_now(text, now.places) if currency == now.code else text


def written_now(text: str | None, places: int) -> str | None:
    """A stored amount written with `places`, when that keeps its value exactly; else as it was stored."""
    if text is None:
        return None
    value = Decimal(text)
    return money_str(value, places) if round_money(value, places) == value else text
