"""A sync reads every amount in its currency: an amount with more places than the currency has ("10.125" USD,
"1000.5" JPY), which a screen showed rounded and no gateway could charge, and a currency that is no ISO 4217 code
("US$", "USDX", "U SD", "ABC"), are refused naming the field, and the cache is as it was. The dashboard's
`total_due_invoices` (docs/api.md) is checked and kept.

Through the real client and sync engine against a fake panel on 127.0.0.1 (tests/client/hostile.py)."""
from __future__ import annotations

import pytest

from app.api import BadAnswer
from app.cache import AccountCache

from . import hostile
from .hostile import data, hostile_panel_fixture, page, synced  # noqa: F401 - the `panel` fixture

CONFIG = hostile.OBJECTS["/billing/config"]
DASHBOARD = hostile.OBJECTS["/billing/dashboard"]
INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]
SERVICE = hostile.LIST_ROWS["/billing/services"][0]
PRODUCT = hostile.LIST_ROWS["/billing/products"][0]
ORDER = hostile.LIST_ROWS["/billing/orders"][0]
LATER = "2026-01-02T00:00:00Z"


def saved(path) -> tuple:
    with AccountCache(path) as cache:
        return (cache.config("billing_config"), cache.config("dashboard"), cache.config("credits"), cache.invoices(),
                cache.services(), cache.products(), cache.orders(), cache.credit_transactions())


def rows(*changed: dict):
    return page([{**row, "updated_at": LATER} for row in changed])


@pytest.fixture
def cache_path(panel, tmp_path, sleeps):
    path = tmp_path / "cache.sqlite3"
    synced(panel, path, sleeps)
    return path


def refused(panel, path, sleeps) -> BadAnswer:
    before = saved(path)
    with pytest.raises(BadAnswer) as caught:
        synced(panel, path, sleeps)
    assert saved(path) == before         # nothing of the refused sync was kept
    return caught.value


TOO_PRECISE = [
    ("/billing/invoices", rows({**INVOICE, "total": "10.125"}), "[0].total", "USD has (2)"),
    ("/billing/invoices", rows({**INVOICE, "balance_due": 10.125}), "[0].balance_due", "USD has (2)"),
    ("/billing/invoices", rows({**INVOICE, "currency": "JPY", "subtotal": "1000", "total": "1000.5"}), "[0].total",
     "JPY has (0)"),
    ("/billing/invoices", rows({**INVOICE, "total": "12.3456"}), "[0].total", "USD has (2)"),
    ("/billing/invoices", rows({**INVOICE, "total": "0.1000000000000000000001"}), "[0].total", "USD has (2)"),
    ("/billing/services", rows({**SERVICE, "recurring_amount": "9.999"}), "[0].recurring_amount", "USD has (2)"),
    ("/billing/products", rows({**PRODUCT, "pricing": [{"billing_cycle": "monthly", "price": "9.99",
                                                        "setup_fee": "0.001"}]}),
     "[0].pricing[0].setup_fee", "USD has (2)"),
    ("/billing/orders", rows({**ORDER, "total": "1.001"}), "[0].total", "USD has (2)"),
    ("/billing/credits/transactions", page([{**hostile.LIST_ROWS["/billing/credits/transactions"][0],
                                             "amount": "5.005", "balance_after": "5.005"}]), "[0].", "USD has (2)"),
    ("/billing/dashboard", data({**DASHBOARD, "total_due": "1.005"}), "total_due", "USD has (2)"),
    ("/billing/dashboard", data({**DASHBOARD, "currency": "USD", "other_currencies_due": [
        {"currency": "JPY", "total_due": "100.50", "invoices": 1}], "pending_invoices": 1, "total_due_invoices": 0}),
     "other_currencies_due[0].total_due", "JPY has (0)"),
    ("/billing/credits", data({"enabled": True, "balance": "5.001", "currency": "USD"}), "balance", "USD has (2)"),
]


@pytest.mark.parametrize(("where", "fault", "field", "words"), TOO_PRECISE,
                         ids=[f"{t[0]}:{t[2]}" for t in TOO_PRECISE])
def test_an_amount_with_more_places_than_its_currency_is_refused_and_changes_nothing(
        panel, cache_path, sleeps, where, fault, field, words):
    panel.faults[where] = fault
    error = refused(panel, cache_path, sleeps)
    assert error.field is not None and error.field.startswith(field)
    assert words in str(error) and "more decimal places" in str(error)


def test_the_panels_own_places_are_the_limit_for_its_currency_when_fewer(panel, cache_path, sleeps):
    # A panel writing dollars with no places shows $10.50 as "$11": an amount with cents is refused too.
    panel.faults["/billing/config"] = data({**CONFIG, "currency": {"code": "USD", "symbol": "$", "places": 0}})
    panel.faults["/billing/dashboard"] = data({**DASHBOARD, "next_due_amount": "10", "credit_balance": "5"})
    panel.faults["/billing/credits"] = data({"enabled": True, "balance": "5", "currency": "USD"})
    panel.faults["/billing/products"] = rows({**PRODUCT, "pricing": [{"billing_cycle": "monthly", "price": "9"}]})
    panel.faults["/billing/services"] = rows({**SERVICE, "recurring_amount": "9"})
    panel.faults["/billing/invoices"] = rows({**INVOICE, "total": "10.50", "subtotal": "10", "balance_due": "0"})
    error = refused(panel, cache_path, sleeps)
    assert error.field == "[0].total" and "USD has (0)" in str(error)


def test_an_invoice_detail_is_read_in_its_currency_too(panel, cache_path, sleeps):
    changed = {**INVOICE, "status": "pending", "updated_at": LATER}
    panel.faults["/billing/invoices"] = page([changed])
    panel.faults["/billing/invoices/inv-1"] = data({**changed, "lines": [{"description": "VPS", "amount": "9.999"}]})
    error = refused(panel, cache_path, sleeps)
    assert error.field == "lines[0].amount" and "USD has (2)" in str(error)


def test_amounts_within_their_currencys_places_sync_as_sent(panel, cache_path, sleeps):
    panel.faults["/billing/invoices"] = rows(
        {**INVOICE, "id": "inv-1", "total": "10.10", "balance_due": 0},                  # trailing zero: 2 places
        {**INVOICE, "id": "inv-2", "currency": "JPY", "total": "1000.00", "subtotal": 1000, "balance_due": "0"},
        {**INVOICE, "id": "inv-3", "currency": "KWD", "total": "10.125", "subtotal": "10.125"},  # KWD has 3
    )
    panel.faults["/billing/products"] = rows({**PRODUCT, "pricing_type": "configurable", "config_ranges": {
        "memory": {"min": 1024, "max": 4096, "step": 1024, "unit_price": "0.0025"}}})    # a unit price: 4 allowed
    synced(panel, cache_path, sleeps)
    with AccountCache(cache_path) as cache:
        totals = {row["id"]: row["total"] for row in cache.invoices()}
        product = cache.products()[0]
    assert totals == {"inv-1": "10.10", "inv-2": "1000.00", "inv-3": "10.125"}
    assert product["config_ranges"]["memory"]["unit_price"] == "0.0025"


NOT_CODES = [
    ("/billing/invoices", lambda code: rows({**INVOICE, "currency": code}), "[0].currency"),
    ("/billing/services", lambda code: rows({**SERVICE, "currency": code}), "[0].currency"),
    ("/billing/credits", lambda code: data({"enabled": True, "balance": "1.00", "currency": code}), "currency"),
    ("/billing/config", lambda code: data({**CONFIG, "currency": {"code": code, "symbol": "$", "places": 2}}),
     "currency.code"),
    ("/billing/dashboard", lambda code: data({**DASHBOARD, "currency": code}), "currency"),
]


@pytest.mark.parametrize("code", ["US$", "USDX", "U SD", "ABC", "", "12", "€"])
@pytest.mark.parametrize(("where", "fault", "field"), NOT_CODES, ids=[t[0] for t in NOT_CODES])
def test_a_currency_that_is_no_iso_code_is_refused_and_changes_nothing(panel, cache_path, sleeps, where, fault,
                                                                        field, code):
    panel.faults[where] = fault(code)
    error = refused(panel, cache_path, sleeps)
    assert error.field == field and "is not a currency code" in str(error)


def test_real_currencies_of_every_minor_unit_sync(panel, cache_path, sleeps):
    panel.faults["/billing/config"] = data({**CONFIG, "currency": {"code": "JPY", "symbol": "¥", "places": 0}})
    panel.faults["/billing/credits"] = data({"enabled": True, "balance": "500", "currency": "JPY"})
    panel.faults["/billing/dashboard"] = data({**DASHBOARD, "total_due": "0", "next_due_amount": "999",
                                               "credit_balance": "500", "currency": "JPY"})
    panel.faults["/billing/invoices"] = rows({**INVOICE, "currency": "JPY", "subtotal": "999", "total": "999"},
                                             {**INVOICE, "id": "inv-2", "currency": "BHD", "total": "1.005",
                                              "subtotal": "1.005"})
    panel.faults["/billing/products"] = rows({**PRODUCT, "pricing": [{"billing_cycle": "monthly", "price": "999"}]})
    panel.faults["/billing/services"] = rows({**SERVICE, "recurring_amount": "999", "currency": "JPY"})
    panel.faults["/billing/credits/transactions"] = page([{**hostile.LIST_ROWS["/billing/credits/transactions"][0],
                                                           "amount": "500", "balance_after": "500"}])
    synced(panel, cache_path, sleeps)
    with AccountCache(cache_path) as cache:
        assert cache.config("billing_config")["currency"]["code"] == "JPY"
        assert {row["id"]: row["currency"] for row in cache.invoices()} == {"inv-1": "JPY", "inv-2": "BHD"}
