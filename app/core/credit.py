"""An account's credit as the screens tell it (pure): whether its panel keeps credit balances, and the balance it
last reported. The dashboard and the Credits screen both say it, so neither loads the other for it."""
from __future__ import annotations

from decimal import Decimal

from .account_data import AccountData
from .money import MoneyError, parse_money


def credits_enabled(data: AccountData) -> bool:
    if data.credits.get("enabled") is False:
        return False
    return data.billing_config.get("credits_enabled", True) is not False


def credit_balance(data: AccountData) -> str | None:
    """The balance as the panel last reported it: /billing/credits, else the dashboard, else the newest entry."""
    for value in (data.credits.get("balance"), data.dashboard.get("credit_balance")):
        if value is not None:
            return value
    if data.credit_transactions:
        return data.credit_transactions[0].get("balance_after")   # listed newest first
    return None


def credits_spendable(data: AccountData | None) -> bool:
    """Whether an order may ask for credits: the panel keeps them and the balance it last reported is above zero.
    With a zero balance an order must not claim credits (the buyer's choice is kept, so it is back once there is a
    balance). Unknown (nothing read yet, no balance reported) counts as spendable: the panel applies what there is."""
    if data is None:
        return True
    if not credits_enabled(data):
        return False
    balance = credit_balance(data)
    if balance is None:
        return True
    try:
        return parse_money(balance) > Decimal(0)
    except MoneyError:
        return False
