"""Which invoices Pay all due pays: unpaid ones with a balance, in the account's currency, overdue first."""
from __future__ import annotations

from app.core.pay_due import MAX_INVOICES, payable_invoice_ids


def row(id_, status, balance="10.00", due="2026-01-10", currency="USD", **more):
    return {"id": id_, "status": status, "balance_due": balance, "due_date": due, "currency": currency,
            "invoice_number": f"INV-{id_}", **more}


def test_unpaid_invoices_with_a_balance_overdue_first_then_by_due_date():
    rows = [row("a", "pending", due="2026-01-05"), row("b", "overdue", due="2026-01-20"), row("c", "paid"),
            row("d", "pending", balance="0.00"), row("e", "cancelled"), row("f", "overdue", due="2026-01-01"),
            row("g", "draft"), row("h", "pending", due="2026-01-02", kind="top_up")]
    assert payable_invoice_ids(rows, "USD") == ["f", "b", "h", "a"]


def test_another_currency_and_unreadable_amounts_are_left_out():
    rows = [row("a", "pending"), row("b", "pending", currency="EUR"), row("c", "overdue", balance="lots"),
            row("d", "pending", currency=None)]
    assert payable_invoice_ids(rows, "USD") == ["a", "d"]


def test_at_most_what_one_payment_takes():
    rows = [row(str(i), "pending") for i in range(MAX_INVOICES + 5)]
    assert len(payable_invoice_ids(rows)) == MAX_INVOICES


def test_the_account_data_carries_the_same_ids_worked_out_from_its_unpaid_rows_only():
    from app.core.account_data import AccountData

    rows = [row("a", "pending", due="2026-01-05"), row("b", "overdue", due="2026-01-20"), row("c", "paid"),
            row("d", "pending", currency="EUR"), row("f", "overdue", due="2026-01-01")]
    data = AccountData("acc", billing_config={"currency": {"code": "USD", "symbol": "$", "places": 2}},
                       invoices=rows)
    assert data.payable_ids == tuple(payable_invoice_ids(rows, "USD")) == ("f", "b", "a")
