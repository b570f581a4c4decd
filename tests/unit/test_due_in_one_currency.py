"""An unpaid invoice in a currency other than the account's (a panel whose operator changed currency, or a hostile
one) is never added into the account's "due": $10.00 and EUR 25.00 were shown as "$35.00 due" on the dashboard and
the Invoices heading, while Pay all due (one payment, one currency) paid $10.00."""
from __future__ import annotations

from decimal import Decimal

from app.core.account_data import AccountData
from app.core.invoice_facts import invoice_facts

CONFIG = {"currency": {"code": "USD", "symbol": "$", "places": 2}}


def row(number: int, balance: str, currency: str | None) -> dict:
    return {"id": f"i-{number}", "invoice_number": f"INV-{number}", "status": "pending", "kind": "order",
            "balance_due": balance, "total": balance, "currency": currency, "due_date": "2026-12-06"}


def test_another_currency_is_kept_apart_from_what_is_due():
    rows = [row(1, "10.00", "USD"), row(2, "25.00", "EUR"), row(3, "2.50", None), row(4, "1.00", "EUR")]
    facts = invoice_facts(rows, "USD")
    assert facts.due == Decimal("12.50")                         # USD, and the row naming none
    assert facts.due_elsewhere == {"EUR": Decimal("26.00")}
    assert facts.bills == 4                                      # every unpaid invoice is still listed and counted
    data = AccountData("a", billing_config=CONFIG, invoices=rows)
    assert set(data.payable_ids) == {"i-1", "i-3"}               # what Pay all due pays is what "due" says
    assert data.money(data.invoice_facts.due) == "$12.50"


def test_without_an_account_currency_every_row_counts_as_before():
    facts = invoice_facts([row(1, "10.00", "USD"), row(2, "25.00", "EUR")])
    assert facts.due == Decimal("35.00") and facts.due_elsewhere == {}
