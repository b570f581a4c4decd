"""The All-accounts dashboard's Amount due card counts the invoices its amounts add up: every currency is in its
figure, so an invoice due in another currency than its account's counts, but an unpaid invoice with nothing left
to pay (in no amount) does not."""
from __future__ import annotations

import pytest

from app.core.account_data import AccountData
from app.models.all_accounts import gather
from app.views.dashboard import DashboardSection

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints")]

SYNCED = "2026-12-06T09:00:00Z"


def bill(number: int, balance: str, currency: str, status: str = "pending") -> dict:
    return {"id": f"i-{number}", "invoice_number": f"INV-{number}", "status": status, "kind": "order",
            "issue_date": "2026-12-01", "due_date": "2026-12-06", "total": balance, "balance_due": balance,
            "currency": currency}


def account(account_id: str, code: str, symbol: str, invoices: list[dict]) -> AccountData:
    return AccountData(account_id, billing_config={"currency": {"code": code, "symbol": symbol, "places": 2}},
                       me={"first_name": "Ada"}, invoices=invoices, last_synced_at=SYNCED)


def all_accounts_dashboard(qtbot, accounts: list[tuple[str, AccountData]]) -> DashboardSection:
    section = DashboardSection()
    qtbot.addWidget(section)
    section.resize(1100, 720)
    section.show()
    section.show_data(accounts[0][1])
    section.set_scope_available(True)
    section.all_button.click()
    section.show_all(gather(accounts))
    return section


def test_all_accounts_due_card_counts_the_invoices_its_amounts_add_up(qtbot):
    shop = account("a", "USD", "$", [bill(1, "10.00", "USD"), bill(2, "25.00", "EUR", "overdue"),
                                     bill(3, "0.00", "USD"), bill(4, "7.00", "USD", "paid")])
    hosting = account("b", "EUR", "€", [bill(5, "5.00", "EUR")])
    card = all_accounts_dashboard(qtbot, [("Shop", shop), ("Hosting", hosting)]).cards["due"]
    assert card.value.text() == "€30.00 + $10.00"
    assert card.caption.text() == "3 unpaid invoices"        # $10.00, €25.00 and €5.00; not the $0.00 one
    assert card.property("tone") == "warning"


def test_all_accounts_with_nothing_left_to_pay_say_so(qtbot):
    shop = account("a", "USD", "$", [bill(1, "0.00", "USD"), bill(2, "7.00", "USD", "paid")])
    hosting = account("b", "EUR", "€", [bill(3, "4.00", "EUR", "paid")])
    card = all_accounts_dashboard(qtbot, [("Shop", shop), ("Hosting", hosting)]).cards["due"]
    assert card.caption.text() == "Nothing to pay"
    assert card.property("tone") == ""
