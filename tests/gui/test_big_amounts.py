"""Sums Sett works out itself can pass the bound every single amount from a panel keeps (10^12): a cart of many
large items, a coupon's discount on it, every account's due added up on the dashboard. Such a sum is still shown
as money, with the locale's minus where it is taken off, never a crash or a zero."""
from __future__ import annotations

from decimal import Decimal

from app.core.account_data import AccountData
from app.views import dashboard
from app.views.cart_totals import Totals

BIG = "2500000000000.00"     # 2.5 x 10^12


def test_the_carts_totals_show_a_discount_and_credits_past_the_bound(qtbot):
    totals = Totals()
    qtbot.addWidget(totals)
    data = AccountData("acct-1", billing_config={"currency": {"code": "USD", "symbol": "$"}})
    totals.show_amounts({"subtotal": "5000000000000.00", "discount": BIG, "tax_amount": "0.00",
                         "total": BIG, "credits_applied": BIG, "due_now": "0.00"},
                        data.money, tax_rate=Decimal(0), tax_inclusive=False, tax_enabled=False)
    for key in ("discount", "credits_applied"):
        shown = totals.values[key].text()
        assert "2,500,000,000,000.00" in shown, shown
        assert shown != data.money(BIG)       # taken off: signed
    assert "5,000,000,000,000.00" in totals.values["subtotal"].text()


def test_the_dashboards_sum_over_accounts_is_not_zero_past_the_bound():
    assert dashboard._amount(BIG) == Decimal(BIG)
    assert dashboard._amount("not money") == Decimal(0)
