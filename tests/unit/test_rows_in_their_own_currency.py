"""A row naming another currency than the account's (an invoice or service from before the panel's operator changed
currency, or a hostile panel's) is written in its own currency in the lists: EUR 25.00 showed as "$25.00"."""
from __future__ import annotations

from app.core.account_data import AccountData
from app.models.invoices import invoice_columns
from app.models.row_money import row_money
from app.models.services import service_columns

DATA = AccountData("a", billing_config={"currency": {"code": "USD", "symbol": "$", "places": 2}})


def shown(columns, row: dict, key: str) -> str:
    (column,) = [c for c in columns if c.key == key]
    return column.display(row)


def test_an_invoice_in_euros_shows_euros_and_one_in_dollars_dollars():
    columns = invoice_columns(DATA.money, DATA.places)
    euros = {"id": "i-1", "currency": "EUR", "total": "25.00", "balance_due": "25.00"}
    assert shown(columns, euros, "total") == "€25.00" and shown(columns, euros, "balance_due") == "€25.00"
    for same in ({**euros, "currency": "USD"}, {**euros, "currency": None}, {**euros, "currency": 7}):
        assert shown(columns, same, "total") == "$25.00"


def test_a_service_in_euros_shows_its_price_in_euros():
    service = {"id": "s-1", "currency": "EUR", "recurring_amount": "5.00", "billing_cycle": "monthly"}
    text = shown(service_columns(DATA.money, DATA.places), service, "recurring_amount")
    assert text.startswith("€5.00") and "$" not in text


def test_an_amount_that_is_no_amount_is_written_as_sent_and_none_as_a_dash():
    write = row_money(DATA.money)
    assert write({"currency": "EUR", "total": "n/a"}, "total") == "n/a"
    assert write({"currency": "EUR", "total": None}, "total") == "—"
    assert row_money(str)({"currency": "EUR", "total": "1.00"}, "total") == "1.00"   # no account: as given
