"""Changing the panel's currency settings once money exists: what would be silently rewritten, so it is refused.

Amounts are written with the currency's places wherever they are shown or spent (`money_str` rounds half-up), so
lowering `currency_places` below the places an amount has would round it: a credit balance of 10.55 would show,
and be spent, as 11 once the panel had 0 places; a product at 12.99 would be sold at 13; a renewal of a service at
9.99 would be raised for 10; a refund of a paid 12.99 invoice would credit 13. Changing `currency_code` would
relabel money customers hold (a balance of 10 USD would read 10 EUR, a USD service would renew for 10 EUR).

So `settings.update` refuses such a change (409 `conflict`, naming the setting, why, and what holds the money) and
nothing is written; raising `currency_places`, or lowering it while every such amount fits the new places, is
allowed, and so is a new currency while no customer holds credit or a renewing service (the catalogue's prices
are the operator's own and are read in the new currency; invoices keep the currency they were raised in). Stored
amounts are never rewritten.
"""
from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

from app.core.money import round_money

# Invoices whose money can still move: payable, or paid and so refundable (to credits, in the panel's currency).
LIVE_INVOICES = ("pending", "overdue", "paid")
# Services that renew at their recurring amount.
LIVE_SERVICES = ("pending", "active", "suspended")
EXAMPLES = 3


def _fits(text: str | None, places: int) -> bool:
    amount = Decimal(text or "0")
    return round_money(amount, places) == amount


def amounts_that_would_round(conn: sqlite3.Connection, places: int, top_ups: dict[str, Decimal]) -> list[str]:
    """Each stored amount still in use that has more decimal places than `places` allows, described."""
    found: list[str] = []
    for row in conn.execute("SELECT email, credit_balance FROM users ORDER BY email"):
        if not _fits(row["credit_balance"], places):
            found.append(f"the credit balance of {row['email']} ({row['credit_balance']})")
    for row in conn.execute("SELECT name, pricing FROM products WHERE archived = 0 ORDER BY name, id"):
        for price in json.loads(row["pricing"]):
            for field in ("price", "setup_fee"):
                if not _fits(str(price.get(field) or "0"), places):
                    found.append(f"the {price['billing_cycle']} {field.replace('_', ' ')} of product "
                                 f"{row['name']!r} ({price[field]})")
    for row in conn.execute("SELECT code, value FROM coupons WHERE type = 'fixed' ORDER BY code"):
        if not _fits(row["value"], places):
            found.append(f"the value of coupon {row['code']} ({row['value']})")
    marks = ", ".join("?" * len(LIVE_SERVICES))
    for row in conn.execute(f"SELECT product_name, recurring_amount FROM services WHERE status IN ({marks}) "
                            "ORDER BY created_at, id", LIVE_SERVICES):
        if not _fits(row["recurring_amount"], places):
            found.append(f"the recurring amount of a {row['product_name']} service ({row['recurring_amount']})")
    marks = ", ".join("?" * len(LIVE_INVOICES))
    for row in conn.execute(f"SELECT invoice_number, status, total, amount_paid FROM invoices WHERE status IN "
                            f"({marks}) ORDER BY invoice_number", LIVE_INVOICES):
        if not (_fits(row["total"], places) and _fits(row["amount_paid"], places)):
            found.append(f"the total of {row['status']} invoice {row['invoice_number']} ({row['total']})")
    for key, value in top_ups.items():
        if not _fits(str(value), places):
            found.append(f"the setting {key} ({value})")
    return found


# Services whose renewals the panel raises (in its currency, at the service's recurring amount).
RENEWING = ("active", "suspended")


def money_held(conn: sqlite3.Connection) -> list[str]:
    """Money in the panel's currency that a new currency code would relabel, counted ("2 credit balances", ...):
    credit balances (they carry no currency of their own), services that renew, and unpaid top-ups (paid, they
    would add their amount to a balance in the new currency). Other invoices carry their own currency and keep it
    (an unpaid one stays payable in it, through a gateway), so they do not count."""
    counts = [
        (sum(1 for row in conn.execute("SELECT credit_balance FROM users") if Decimal(row[0]) != 0),
         "credit balance", "credit balances"),
        # A one_time service never renews, so nothing of it is raised in the new currency.
        (conn.execute(f"SELECT COUNT(*) FROM services WHERE status IN ({', '.join('?' * len(RENEWING))}) "
                      "AND billing_cycle != 'one_time'", RENEWING).fetchone()[0],
         "service that renews", "services that renew"),
        # A top-up buys credit, which would be counted in the new currency when paid in the old one.
        (conn.execute("SELECT COUNT(*) FROM invoices WHERE kind = 'top_up' AND status IN ('pending', 'overdue')"
                      ).fetchone()[0], "unpaid top-up", "unpaid top-ups"),
    ]
    return [f"{n} {one if n == 1 else many}" for n, one, many in counts if n]


def _listed(items: list[str]) -> str:
    shown = items[:EXAMPLES]
    more = len(items) - len(shown)
    text = "; ".join(shown)
    return f"{text}; and {more} more" if more else text


def refusals(conn: sqlite3.Connection, before, after) -> dict[str, list[str]]:
    """Why changing the settings `before` into `after` (PanelSettings) would rewrite money, per setting; {} when it
    would not."""
    problems: dict[str, list[str]] = {}
    if after.currency_code != before.currency_code and (held := money_held(conn)):
        problems["currency_code"] = [
            f"The currency cannot change from {before.currency_code} to {after.currency_code} while customers hold "
            f"money in {before.currency_code} ({', '.join(held)}): their amounts would be read as "
            f"{after.currency_code}."]
    if after.currency_places < before.currency_places:
        rounded = amounts_that_would_round(conn, after.currency_places,
                                           {"top_up_min": after.top_up_min, "top_up_max": after.top_up_max})
        if rounded:
            problems["currency_places"] = [
                f"currency_places cannot go from {before.currency_places} to {after.currency_places}: these amounts "
                f"have more decimal places and would be rounded: {_listed(rounded)}. Change them first, or keep "
                f"{before.currency_places} places."]
    return problems
