"""A currency code or symbol of kilobytes: every amount on every screen carries it. A 64 KB code (within the 64 KB
any text field may hold) made each formatted amount 64 KB and the formatting cache hold ~500 MB after a few
thousand amounts (a list of invoices formats them all). Now the panel's answer is refused by name, and a code
saved before this check is cut short where amounts are written."""
from __future__ import annotations

import tracemalloc
from decimal import Decimal

import pytest

from app.api import BadAnswer
from app.cache import AccountCache
from app.core.account_data import AccountData
from app.core.local_format import MAX_CODE_SHOWN, money

from . import hostile
from .hostile import data, hostile_panel_fixture, page, synced  # noqa: F401 - the `panel` fixture

CONFIG = hostile.OBJECTS["/billing/config"]
INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]
HUGE = "X" * 65_000


sync = synced


@pytest.mark.parametrize(("where", "fault", "field"), [
    ("/billing/config", data({**CONFIG, "currency": {"code": HUGE, "symbol": "$", "places": 2}}), "currency.code"),
    ("/billing/config", data({**CONFIG, "currency": {"code": "USD", "symbol": "<b>$</b>" * 10, "places": 2}}),
     "currency.symbol"),
    ("/billing/credits", data({"enabled": True, "balance": "1.00", "currency": HUGE}), "currency"),
    ("/billing/invoices", page([{**INVOICE, "currency": HUGE, "updated_at": "2026-01-02T00:00:00Z"}]),
     "[0].currency"),
    ("/billing/services", page([{**hostile.LIST_ROWS["/billing/services"][0], "currency": HUGE,
                                 "updated_at": "2026-01-02T00:00:00Z"}]), "[0].currency"),
])
def test_a_currency_of_kilobytes_is_refused_by_name_and_changes_nothing(panel, tmp_path, sleeps, where, fault, field):
    path = tmp_path / "cache.sqlite3"
    sync(panel, path, sleeps)
    with AccountCache(path) as cache:
        before = (cache.config("billing_config"), cache.config("credits"), cache.invoices(), cache.services())
    panel.faults[where] = fault
    with pytest.raises(BadAnswer) as caught:
        sync(panel, path, sleeps)
    assert caught.value.field == field and "currency code or symbol" in str(caught.value)
    with AccountCache(path) as cache:
        assert (cache.config("billing_config"), cache.config("credits"), cache.invoices(), cache.services()) == before


def test_real_currencies_pass(panel, tmp_path, sleeps):
    panel.faults["/billing/config"] = data({**CONFIG, "currency": {"code": "CHF", "symbol": "Fr.", "places": 2}})
    sync(panel, tmp_path / "cache.sqlite3", sleeps)


def test_a_code_saved_before_the_check_is_cut_short_on_screen_and_in_memory():
    saved = AccountData("a", billing_config={"currency": {"code": HUGE, "symbol": "$", "places": 2}})
    assert saved.money("12.50") == "12.50 " + "X" * (MAX_CODE_SHOWN - 1) + "…"
    tracemalloc.start()
    try:
        for cents in range(3000):
            saved.money(Decimal(cents) / 100)
        used, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert used < 5_000_000, f"{used} bytes for 3,000 amounts"


def test_a_symbol_used_as_the_code_is_cut_short_too():
    saved = AccountData("a", billing_config={"currency": {"symbol": "€" * 1000, "places": 2}})
    assert len(saved.money("1")) < 30
    assert money(Decimal("1234.5"), "EUR", 2) == "€1,234.50"
