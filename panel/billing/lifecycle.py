"""The billing lifecycle, run on a schedule (and by the test clock): renewals, overdue, suspend, terminate.

Each step is idempotent: running the jobs twice on the same day changes nothing the second time, so the
scheduler and an operator can both trigger them without care.
"""
from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from decimal import Decimal

from app.core.cycles import CYCLE_LABELS, is_recurring
from app.core.pricing import Line, Quote, quote_lines

from .. import settings as settings_store
from ..clock import Clock
from ..db import Database
from ..settings import PanelSettings
from ..timefmt import iso, parse_date
from . import coupons, credits, invoices, order_cancel, provisioning, top_up_cancel
from .checkout import tax_rule
from .notifications import notify

MAX_RENEWAL_ROUNDS = 100  # credits may pay several periods in one run after a long gap; bounded all the same


def run_jobs(db: Database, clock: Clock) -> dict[str, int]:
    with db.write() as conn:
        moment = clock.now()  # read under the write lock: timestamps follow commit order
        today, now = moment.date(), iso(moment)
        s = settings_store.load(conn)
        if not s.billing_available:
            return {}
        counts = {"renewals": raise_renewals(conn, s, today, now), "overdue": mark_overdue(conn, s, today, now)}
        counts["suspended"] = suspend_overdue(conn, s, today, now)
        counts["terminated"] = terminate_suspended(conn, s, today, now)
        counts["cancelled"] = end_cancelled(conn, today, now)
        intents: list[str] = []
        counts["unpaid_orders_cancelled"] = cancel_unpaid_orders(conn, s, today, now, intents)
        counts["unpaid_top_ups_cancelled"] = cancel_unpaid_top_ups(conn, s, today, now, intents)
    _cancel_at_stripe(s, intents)
    return counts


def run_all(panel) -> dict[str, int]:
    """The jobs, then what a panel that died mid-way still owes a gateway (a late payment in another currency, see
    gateways.flow.retry_late_returns): what the scheduler, POST /admin/billing/jobs/run and the test clock run."""
    from ..gateways import flow  # late: the gateways' flow builds on this package

    counts = run_jobs(panel.db, panel.clock)
    returned = flow.retry_late_returns(panel)
    if counts:
        counts["late_payments_returned"] = returned
    return counts


def cancel_unpaid_orders(conn: sqlite3.Connection, s: PanelSettings, today: date, now: str,
                         intents: list[str]) -> int:
    """Orders still unpaid `unpaid_order_cancel_days` after the day they were placed are cancelled as their buyer
    would cancel them (stock, credits and coupon use returned); the Stripe PaymentIntents they had open are
    added to `intents`, to be cancelled at Stripe once the transaction is over."""
    if s.unpaid_order_cancel_days == 0:
        return 0
    rows = order_cancel.unpaid_orders(conn, (today - timedelta(days=s.unpaid_order_cancel_days)).isoformat())
    days = s.unpaid_order_cancel_days
    for row in rows:
        intents.extend(order_cancel.pending_gateway_refs(conn, row["id"]))
        order_cancel.cancel_order(conn, s, row["user_id"], row["id"], now,
                                  why=f" because they stayed unpaid for {days} day{'s' if days != 1 else ''}")
    return len(rows)


def cancel_unpaid_top_ups(conn: sqlite3.Connection, s: PanelSettings, today: date, now: str,
                          intents: list[str]) -> int:
    """Credit top-ups still unpaid `unpaid_top_up_cancel_days` after the day they were raised are cancelled as their
    buyer would cancel them (open pay pages closed; a payment that still succeeds is kept as credit); their open
    Stripe PaymentIntents are added to `intents`. 0 (the default): never."""
    days = s.unpaid_top_up_cancel_days
    if days == 0:
        return 0
    rows = top_up_cancel.unpaid_top_ups(conn, (today - timedelta(days=days)).isoformat())
    for row in rows:
        intents.extend(invoices.pending_stripe_refs(conn, row["id"]))
        top_up_cancel.cancel_top_up(conn, row["user_id"], row["id"], now)
        notify(conn, row["user_id"], title="Top-up cancelled",
               message=f"Credit top-up {row['invoice_number']} was cancelled because it stayed unpaid for {days} "
                       f"day{'s' if days != 1 else ''}; start a new top-up to add credit.",
               action_url=f"/billing/invoices/{row['id']}", now=now)
    return len(rows)


def _cancel_at_stripe(s: PanelSettings, intents: list[str]) -> None:
    """Best effort, outside the write lock: should Stripe still take the money, it is kept as credit."""
    if intents:
        from ..gateways.stripe_gateway import StripeGateway
        gateway = StripeGateway(s)
        for intent in intents:
            gateway.cancel(intent)  # never raises


def raise_renewals(conn: sqlite3.Connection, s: PanelSettings, today: date, now: str) -> int:
    horizon = (today + timedelta(days=s.renewal_days_before)).isoformat()
    raised = 0
    for _ in range(MAX_RENEWAL_ROUNDS):
        due = conn.execute(
            "SELECT s.* FROM services s WHERE s.status IN ('active', 'suspended') AND s.next_due_date IS NOT NULL "
            "AND s.next_due_date <= ? AND NOT EXISTS (SELECT 1 FROM invoices i WHERE i.service_id = s.id "
            "AND i.period_start = s.next_due_date) AND NOT EXISTS (SELECT 1 FROM cancellation_requests c "
            "WHERE c.service_id = s.id AND c.status IN ('pending', 'approved'))", (horizon,)).fetchall()
        due = [row for row in due if is_recurring(row["billing_cycle"])]
        if not due:
            break
        for service in due:
            _raise_renewal(conn, s, service, today, now)
            raised += 1
    return raised


def renewal_quote(conn: sqlite3.Connection, s: PanelSettings, service,
                  credit_balance: Decimal = Decimal(0)) -> tuple[Quote, sqlite3.Row | None]:
    """What the renewal for the service's next due date costs: recurring coupon off, today's tax on."""
    period_start = parse_date(service["next_due_date"])
    period_end = provisioning.due_after(service, period_start) - timedelta(days=1)
    amount = Decimal(service["recurring_amount"])
    line = Line(kind="recurring", product_id=service["product_id"],
                description=f"{service['product_name']} ({CYCLE_LABELS[service['billing_cycle']]}), "
                            f"{period_start.isoformat()} to {period_end.isoformat()}",
                billing_cycle=service["billing_cycle"], quantity=1, unit_price=amount, amount=amount)
    coupon = None
    if service["coupon_id"]:
        coupon = conn.execute("SELECT * FROM coupons WHERE id = ? AND recurring = 1",
                              (service["coupon_id"],)).fetchone()
    quote = quote_lines([line], places=s.currency_places, tax=tax_rule(s),
                        coupon=coupons.to_rule(coupon) if coupon else None, credit_balance=credit_balance)
    return quote, coupon


def _raise_renewal(conn: sqlite3.Connection, s: PanelSettings, service, today: date, now: str) -> None:
    period_start = parse_date(service["next_due_date"])
    # A service renews in the currency it was bought in: one bought before the panel's currency changed (an order
    # paid after the change) renews at its recurring amount in its own, never relabelled as the new one, and so
    # takes no credits (they are held in the panel's currency; invoices.takes_credits).
    own = service["currency"] == s.currency_code
    balance = credits.spendable(conn, service["user_id"]) if s.credits_enabled and own else Decimal(0)
    quote, coupon = renewal_quote(conn, s, service, balance)
    invoice = invoices.create_invoice(conn, s, user_id=service["user_id"], kind="renewal", quote=quote,
                                      issue_date=today, due_date=max(period_start, today), now=now,
                                      service_id=service["id"], period_start=period_start, coupon=coupon,
                                      currency=service["currency"])
    notify(conn, service["user_id"], title="Invoice raised",
           message=f"Invoice {invoice['invoice_number']} for {service['product_name']} "
                   f"({invoices.written(s, invoice['currency'], invoice['total'])}) is due on {invoice['due_date']}.",
           action_url=f"/billing/invoices/{invoice['id']}", now=now)
    # Credits are applied to renewals automatically, as at checkout.
    invoices.pay_with_credits(conn, s, invoice, quote.credits_applied, now)
    invoices.settle(conn, s, invoice["id"], today=today, now=now)


def mark_overdue(conn: sqlite3.Connection, s: PanelSettings, today: date, now: str) -> int:
    late = conn.execute("SELECT * FROM invoices WHERE status = 'pending' AND due_date < ? AND kind != 'top_up'",
                        (today.isoformat(),)).fetchall()
    for invoice in late:
        conn.execute("UPDATE invoices SET status = 'overdue', updated_at = ? WHERE id = ?", (now, invoice["id"]))
        notify(conn, invoice["user_id"], title="Invoice overdue",
               message=f"Invoice {invoice['invoice_number']} was due on {invoice['due_date']} and is unpaid.",
               action_url=f"/billing/invoices/{invoice['id']}", now=now)
    return len(late)


def _overdue_services(conn: sqlite3.Connection, status: str, before: date) -> list[sqlite3.Row]:
    """Services in `status` with an overdue renewal invoice due before `before`."""
    return conn.execute(
        "SELECT DISTINCT s.* FROM services s JOIN invoices i ON i.service_id = s.id WHERE s.status = ? "
        "AND i.kind = 'renewal' AND i.status = 'overdue' AND i.due_date <= ?", (status, before.isoformat())).fetchall()


def _move_services(conn: sqlite3.Connection, rows: list[sqlite3.Row], status: str, now: str, *, title: str,
                   says: str) -> int:
    """Set each service's status and tell its owner "<product> <says>"; returns how many there were."""
    for service in rows:
        provisioning.set_status(conn, service, status, now=now)
        notify(conn, service["user_id"], title=title, message=f"{service['product_name']} {says}",
               action_url=f"/billing/services/{service['id']}", now=now)
    return len(rows)


def suspend_overdue(conn: sqlite3.Connection, s: PanelSettings, today: date, now: str) -> int:
    rows = _overdue_services(conn, "active", today - timedelta(days=s.auto_suspend_days))
    return _move_services(conn, rows, "suspended", now, title="Service suspended",
                          says="is suspended because an invoice is overdue. Pay it to reactivate the service.")


def terminate_suspended(conn: sqlite3.Connection, s: PanelSettings, today: date, now: str) -> int:
    """"After auto_terminate_days more" (the contract): counted from the day the service was suspended, so a service
    suspended late (auto_suspend_days lowered under an invoice long overdue, jobs that did not run for a while) still
    has those days to pay, never suspended and terminated in one run."""
    last_day = (today - timedelta(days=s.auto_terminate_days)).isoformat()
    # A service suspended with no stamp (none is, set_status stamps it) keeps the old count from the due date.
    unstamped = {row["id"] for row in _overdue_services(
        conn, "suspended", today - timedelta(days=s.auto_suspend_days + s.auto_terminate_days))}
    rows = [row for row in _overdue_services(conn, "suspended", today)
            if (row["suspended_at"][:10] <= last_day if row["suspended_at"] else row["id"] in unstamped)]
    return _move_services(conn, rows, "terminated", now, title="Service terminated",
                          says="was terminated after its invoice stayed unpaid.")


def end_cancelled(conn: sqlite3.Connection, today: date, now: str) -> int:
    """Approved end-of-period cancellations take effect on the due date they stop short of."""
    rows = conn.execute(
        "SELECT s.* FROM services s JOIN cancellation_requests c ON c.service_id = s.id WHERE c.status = 'approved' "
        "AND c.type = 'end_of_period' AND s.status IN ('active', 'suspended') AND s.next_due_date <= ?",
        (today.isoformat(),)).fetchall()
    return _move_services(conn, rows, "cancelled", now, title="Service cancelled",
                          says="was cancelled at the end of its period, as you asked.")
