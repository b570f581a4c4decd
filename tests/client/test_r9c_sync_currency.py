"""A sync reads every currency an answer names: one that is no ISO 4217 code ("US$", "USDX", "U SD", "ABC") is
refused naming the field, and the cache is as it was; amounts are kept exactly as sent, whatever their places.
The dashboard's `total_due_invoices` (docs/api.md) is checked and kept.

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


def test_an_invoice_detail_names_a_currency_too(panel, cache_path, sleeps):
    changed = {**INVOICE, "status": "pending", "updated_at": LATER}
    panel.faults["/billing/invoices"] = page([changed])
    panel.faults["/billing/invoices/inv-1"] = data({**changed, "currency": "USDX"})
    error = refused(panel, cache_path, sleeps)
    assert error.field == "currency" and "is not a currency code" in str(error)


def test_amounts_are_kept_exactly_as_sent_whatever_their_places(panel, cache_path, sleeps):
    # Kept as sent and shown rounded (test_hostile_servers::test_money_the_contract_allows_syncs_exactly): a panel
    # computing in floats sends JSON numbers with more places than its currency, and must not lose a whole sync.
    panel.faults["/billing/invoices"] = rows(
        {**INVOICE, "id": "inv-1", "total": "10.125", "balance_due": 10.125},
        {**INVOICE, "id": "inv-2", "currency": "JPY", "subtotal": "1000", "total": "1000.5"},
    )
    synced(panel, cache_path, sleeps)
    with AccountCache(cache_path) as cache:
        kept = {row["id"]: (row["total"], row["balance_due"]) for row in cache.invoices()}
    assert kept["inv-1"] == ("10.125", "10.125") and kept["inv-2"][0] == "1000.5"


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
