"""A reminder of an invoice in another currency than the account's says what is due in the invoice's own currency:
a euro invoice on a dollar account was reminded as "$25.00 to pay". Fakes stand in for the sessions and the window
(as in test_notices_batches.py); the reminders are the Notices feature's own."""
from __future__ import annotations

from datetime import date

from app.core.account_data import AccountData
from app.features.notices import Notices
from app.session import notices as logic

from .test_notices_batches import TODAY, FakeSessions, Window

USD = {"currency": {"code": "USD", "symbol": "$", "places": 2}}


def _invoice(number: str, currency, amount: str) -> dict:
    return {"id": number, "invoice_number": number, "status": "overdue", "due_date": "2026-03-05",
            "issue_date": "2026-03-01", "currency": currency, "total": amount, "balance_due": amount}


def _account() -> AccountData:
    return AccountData(account_id="acc", billing_config=USD, invoices=[
        _invoice("INV-EUR", "EUR", "25.00"), _invoice("INV-USD", "USD", "10.00"), _invoice("INV-NONE", None, "3.00")])


def test_a_euro_invoices_reminder_on_a_dollar_account_says_euros(qapp):
    notices = Notices(FakeSessions(_account()), Window())
    notices.today = lambda: TODAY
    said = {n["invoice_id"]: n["message"] for n in notices.notices_for("acc") if n["kind"] == "reminder"}
    assert said["INV-EUR"].startswith("€25.00 to pay by") and "$" not in said["INV-EUR"]
    assert said["INV-USD"].startswith("$10.00 to pay by")
    assert said["INV-NONE"].startswith("$3.00 to pay by")


def test_a_reminder_kept_in_the_memo_follows_its_invoices_currency():
    data = _account()
    memo: dict = {}
    (first,) = logic.due_reminders([_invoice("INV-1", "USD", "25.00")], date(2026, 3, 10), 3, data.money, memo=memo)
    (again,) = logic.due_reminders([_invoice("INV-1", "EUR", "25.00")], date(2026, 3, 10), 3, data.money, memo=memo)
    assert first["message"].startswith("$25.00") and again["message"].startswith("€25.00")
