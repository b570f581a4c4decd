"""How many invoices a "due" amount adds up (`InvoiceFacts.due_bills`, and per other currency
`due_bills_elsewhere`): the Amount due card counts these beside its figure. An unpaid invoice in another currency
is not in the account's figure, nor one with nothing left to pay, so neither is in its count; paid, an invoice
leaves the count with its amount."""
from __future__ import annotations

from decimal import Decimal

from app.core.account_data import AccountData
from app.core.invoice_facts import invoice_facts

CONFIG = {"currency": {"code": "USD", "symbol": "$", "places": 2}}


def row(number: int, balance: str, currency: str | None = "USD", status: str = "pending") -> dict:
    return {"id": f"i-{number}", "invoice_number": f"INV-{number}", "status": status, "kind": "order",
            "balance_due": balance, "total": balance, "currency": currency, "due_date": "2026-12-06"}


def test_the_count_is_of_the_invoices_the_amount_adds_up_and_pay_all_due_pays():
    rows = [row(1, "10.00"), row(2, "25.00", "EUR", "overdue"), row(3, "2.50", None), row(4, "0.00"),
            row(5, "1.00", "eur"), row(6, "twelve"), row(7, "3.00", "usd", "overdue"), row(8, "4.00", "GBP"),
            row(9, "5.00", status="paid"), row(10, "6.00", status="draft")]
    data = AccountData("a", billing_config=CONFIG, invoices=rows)
    facts = data.invoice_facts
    assert facts.due == Decimal("15.50") and facts.due_bills == 3           # $10.00 + $2.50 + $3.00
    assert set(data.payable_ids) == {"i-1", "i-3", "i-7"}                   # the same three
    assert facts.due_elsewhere == {"EUR": Decimal("26.00"), "GBP": Decimal("4.00")}
    assert facts.due_bills_elsewhere == {"EUR": 2, "GBP": 1}
    assert facts.bills == 8                                                 # every unpaid row is still listed


def test_paying_an_invoice_takes_it_out_of_the_count_with_its_amount():
    unpaid = [row(1, "10.00"), row(2, "4.00")]
    before = AccountData("a", billing_config=CONFIG, invoices=unpaid).invoice_facts
    paid = {**unpaid[0], "status": "paid", "balance_due": "0.00", "paid_at": "2026-12-07"}
    after = AccountData("a", billing_config=CONFIG, invoices=[paid, unpaid[1]]).invoice_facts
    assert (before.due, before.due_bills) == (Decimal("14.00"), 2)
    assert (after.due, after.due_bills) == (Decimal("4.00"), 1)


def test_nothing_due_counts_nothing():
    facts = invoice_facts([row(1, "0.00"), row(2, "8.00", status="paid")], "USD")
    assert (facts.due, facts.due_bills, facts.due_bills_elsewhere) == (Decimal(0), 0, {})
