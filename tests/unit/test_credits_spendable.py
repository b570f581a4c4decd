"""Whether an order may ask for credits: one rule for the cart screen and the session's cart model."""
from __future__ import annotations

from app.core.account_data import AccountData
from app.core.credit import credits_spendable


def data(balance=None, *, enabled=True, panel_keeps_credits=True, dashboard=None) -> AccountData:
    credits = {"enabled": enabled} if balance is None else {"enabled": enabled, "balance": balance}
    return AccountData("a1", credits=credits, dashboard=dashboard or {},
                       billing_config={"credits_enabled": panel_keeps_credits})


def test_a_positive_balance_is_spendable_and_zero_or_a_switched_off_panel_is_not():
    assert credits_spendable(data("12.50"))
    assert not credits_spendable(data("0.00"))
    assert not credits_spendable(data("12.50", enabled=False))
    assert not credits_spendable(data("12.50", panel_keeps_credits=False))


def test_nothing_read_yet_or_no_balance_reported_leaves_it_to_the_panel():
    assert credits_spendable(None)
    assert credits_spendable(data())


def test_the_dashboard_s_balance_counts_when_the_credits_answer_has_none_and_garbage_is_not_spendable():
    assert not credits_spendable(data(dashboard={"credit_balance": "0.00"}))
    assert credits_spendable(data(dashboard={"credit_balance": "3.00"}))
    assert not credits_spendable(data("lots"))
