"""Figures over every invoice, as the dashboard, the invoices heading, the badge and the chart show them."""
from __future__ import annotations

from decimal import Decimal

from app.core.invoice_facts import invoice_facts


def row(status: str, kind: str = "order", balance: str = "0.00", total: str = "10.00", paid_at: str | None = None,
        currency: str | None = None) -> dict:
    return {"status": status, "kind": kind, "balance_due": balance, "total": total, "paid_at": paid_at,
            "currency": currency}


def test_bills_count_every_unpaid_invoice_a_top_up_too_and_leave_out_drafts():
    facts = invoice_facts([
        row("pending", balance="12.50"), row("overdue", balance="7.25"), row("overdue", "top_up", balance="50.00"),
        row("draft", balance="99.00"), row("paid", paid_at="2026-10-03T10:00:00Z"),
    ], "EUR")
    # The invoice list shows the unpaid top-up with its balance due: every figure of "due" agrees with it.
    assert (facts.shown, facts.overdue, facts.bills, facts.overdue_bills) == (4, 2, 3, 2)
    assert facts.due == Decimal("69.75")
    assert [r["status"] for r in facts.unpaid] == ["pending", "overdue", "overdue"]   # reminders see top-ups too


def test_spending_is_paid_bills_per_currency_and_month():
    facts = invoice_facts([
        row("paid", total="10.00", paid_at="2026-10-03T10:00:00Z"),
        row("paid", total="5.50", paid_at="2026-10-30T10:00:00Z"),
        row("paid", total="3.00", paid_at="2026-11-01T00:00:00Z", currency="USD"),
        row("paid", "top_up", total="100.00", paid_at="2026-10-05T00:00:00Z"),     # credit bought, spent later
        row("refunded", total="8.00", paid_at="2026-10-05T00:00:00Z"),
        row("paid", total="4.00", paid_at=None),
    ], "EUR")
    assert facts.paid_by_month == {"EUR": {"2026-10": Decimal("15.50")}, "USD": {"2026-11": Decimal("3.00")}}


def test_amounts_a_panel_garbled_count_for_nothing():
    facts = invoice_facts([row("pending", balance="twelve"), row("pending", balance=None),
                           row("paid", total="1e3", paid_at="2026-10-01")])
    assert facts.bills == 2 and facts.due == Decimal(0) and facts.paid_by_month == {}
