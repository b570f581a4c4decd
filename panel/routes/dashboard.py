"""The account at a glance (GET /billing/dashboard)."""
from __future__ import annotations

from decimal import Decimal

from fastapi import APIRouter, Depends

from app.core.money import money_str

from ..billing import credits, invoices, lifecycle
from ..deps import billing_settings, billing_user, get_panel
from ..json_guard import JsonRoute
from ..lists import one
from ..schemas.billing import DashboardPublic
from ..schemas.common import One, errors
from ..state import Panel

router = APIRouter(route_class=JsonRoute)
# Services that will bill again: not ended, and not leaving at the end of this period.
_RENEWING = ("AND status IN ('active', 'suspended') AND next_due_date IS NOT NULL AND NOT EXISTS ("
             "SELECT 1 FROM cancellation_requests c WHERE c.service_id = services.id AND c.status = 'approved' "
             "AND c.type = 'end_of_period')")


@router.get("/billing/dashboard", response_model=One[DashboardPublic], responses=errors(401, 403))
def dashboard(panel: Panel = Depends(get_panel), user: dict = Depends(billing_user)):
    s = billing_settings(panel)
    with panel.db.read() as conn:
        uid = user["id"]
        active = conn.execute("SELECT COUNT(*) FROM services WHERE user_id = ? AND status = 'active'",
                              (uid,)).fetchone()[0]
        # Every unpaid invoice the user sees as due, a top-up left unpaid too (the invoice list shows its balance).
        # Only what balance_due reads: an account with many open invoices made SELECT * the slowest step here.
        open_invoices = conn.execute("SELECT status, total, amount_paid, currency FROM invoices WHERE user_id = ? "
                                     "AND status IN ('pending', 'overdue') ORDER BY currency", (uid,)).fetchall()
        # Each currency is summed apart: an invoice raised before the panel's currency changed is due in its own,
        # and adding its 10.00 USD to total_due in EUR would relabel it.
        due: dict[str, list] = {}
        for r in open_invoices:
            due.setdefault(r["currency"], []).append(r)
        own = due.pop(s.currency_code, [])
        total_due = sum((invoices.balance_due(r) for r in own), Decimal(0))
        others = [{"currency": code, "invoices": len(rows),
                   "total_due": money_str(sum((invoices.balance_due(r) for r in rows), Decimal(0)),
                                          max(invoices.places_of(r) for r in rows))} for code, rows in due.items()]
        # The next payment coming up: a date already past belongs to an overdue invoice, counted above.
        today = panel.clock.today().isoformat()
        # In `currency`, like total_due: a service bought in another one renews in it (lifecycle._raise_renewal).
        next_due = conn.execute(f"SELECT MIN(next_due_date) FROM services WHERE user_id = ? {_RENEWING} "
                                "AND next_due_date >= ? AND currency = ?", (uid, today, s.currency_code)).fetchone()[0]
        next_amount = Decimal(0)
        if next_due:
            rows = conn.execute(f"SELECT * FROM services WHERE user_id = ? AND next_due_date = ? {_RENEWING} "
                                "AND currency = ?", (uid, next_due, s.currency_code)).fetchall()
            next_amount = sum((_amount_due(conn, s, r) for r in rows), Decimal(0))
        # The counts are the invoice list's (pending and overdue, every currency), as a user counts the rows there;
        # total_due_invoices are those of them total_due sums, and each other currency names its own, so
        # pending_invoices == total_due_invoices + the others' `invoices`, whatever currencies are open.
        return one({
            "active_services": active,
            "pending_invoices": len(open_invoices),
            "overdue_invoices": sum(1 for r in open_invoices if r["status"] == "overdue"),
            "total_due": s.money(total_due),
            "total_due_invoices": len(own),
            "next_due_date": next_due,
            "next_due_amount": s.money(next_amount) if next_due else None,
            "credit_balance": s.money(credits.balance(conn, uid)),
            "currency": s.currency_code,
            "other_currencies_due": others,
        })


def _amount_due(conn, s, service) -> Decimal:
    """What the service's next due date asks for: its renewal invoice once raised, else the renewal's quote
    (recurring coupon and tax included, as the invoice will have them)."""
    raised = conn.execute("SELECT * FROM invoices WHERE service_id = ? AND period_start = ? AND kind = 'renewal'",
                          (service["id"], service["next_due_date"])).fetchone()
    if raised is not None:
        return invoices.balance_due(raised)
    return lifecycle.renewal_quote(conn, s, service)[0].total
