"""Money the contract never has below zero (prices, setup fees, unit prices, totals, balances) and tax rates outside
0..100 %: before, "-1e11"-style amounts within the size limit passed, and the store priced a product at a negative
amount, the cart's local quote went negative, a checkout review read "Total -$500.00", and a tax rate of 1e11 %
priced carts past what an amount can be (shown as raw digits). Now such an answer is a BadAnswer naming the field,
and what is signed by nature (a credit transaction, a refund in an invoice's payments) still passes."""
from __future__ import annotations

import sqlite3

import pytest

from app.api import BadAnswer, PanelClient

from . import hostile
from .hostile import data, hostile_panel_fixture, page, synced  # noqa: F401 - the `panel` fixture

CONFIG = hostile.OBJECTS["/billing/config"]
PRODUCT = hostile.LIST_ROWS["/billing/products"][0]
INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]
SERVICE = hostile.LIST_ROWS["/billing/services"][0]
LATER = "2026-01-05T00:00:00Z"
RANGES = {"memory": {"min": 1024, "max": 4096, "step": 1024, "unit_price": "-2.00"}}


sync = synced


def dump(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall() for t in tables if t != "sync_state"}
    finally:
        conn.close()


@pytest.mark.parametrize(("where", "fault", "field"), [
    ("/billing/products", page([{**PRODUCT, "updated_at": LATER,
                                 "pricing": [{"billing_cycle": "monthly", "price": "-9.99"}]}]),
     "[0].pricing[0].price"),
    ("/billing/products", page([{**PRODUCT, "updated_at": LATER,
                                 "pricing": [{"billing_cycle": "monthly", "price": "1", "setup_fee": -5}]}]),
     "[0].pricing[0].setup_fee"),
    ("/billing/products", page([{**PRODUCT, "updated_at": LATER, "pricing_type": "configurable",
                                 "config_ranges": RANGES}]), "[0].config_ranges.memory.unit_price"),
    ("/billing/invoices", page([{**INVOICE, "updated_at": LATER, "balance_due": "-999999999999.99"}]),
     "[0].balance_due"),
    ("/billing/invoices", page([{**INVOICE, "updated_at": LATER, "total": "-0.01"}]), "[0].total"),
    ("/billing/services", page([{**SERVICE, "updated_at": LATER, "recurring_amount": "-9.99"}]),
     "[0].recurring_amount"),
    ("/billing/credits", data({"enabled": True, "balance": "-100.00", "currency": "USD"}), "balance"),
    ("/billing/dashboard", data({**hostile.OBJECTS["/billing/dashboard"], "total_due": "-5"}), "total_due"),
    ("/billing/config", data({**CONFIG, "tax": {"enabled": True, "rate": "100000000000", "inclusive": False}}),
     "tax.rate"),
    ("/billing/config", data({**CONFIG, "tax": {"enabled": True, "rate": "-20", "inclusive": False}}), "tax.rate"),
])
def test_negative_prices_totals_and_balances_are_refused_by_name(panel, tmp_path, sleeps, where, fault, field):
    path = tmp_path / "cache.sqlite3"
    sync(panel, path, sleeps)
    before = dump(path)
    panel.faults[where] = fault
    with pytest.raises(BadAnswer) as caught:
        sync(panel, path, sleeps)
    assert caught.value.field == field
    assert dump(path) == before


def test_a_checkout_preview_below_zero_is_refused(panel, sleeps):
    preview = {"subtotal": "10.00", "discount": "0.00", "tax_amount": "0.00", "total": "-500.00",
               "credits_applied": "0.00", "due_now": "-500.00", "currency": "USD"}
    panel.faults["/billing/checkout/preview"] = data(preview)
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(BadAnswer) as caught:
        client.preview_checkout([{"product_id": "prod-1", "billing_cycle": "monthly"}])
    assert caught.value.field == "total"


def test_what_is_signed_by_nature_still_passes(panel, tmp_path, sleeps):
    refunded = {**INVOICE, "updated_at": LATER, "status": "refunded", "total": "9.99", "balance_due": "-0.00",
                "tax_rate": "20.00", "amount_paid": "0.00",
                "payments": [{"id": "pay-1", "method": "stripe", "amount": "9.99", "status": "succeeded"},
                             {"id": "pay-2", "method": "stripe", "amount": "-9.99", "status": "refunded"}]}
    panel.faults["/billing/invoices"] = page([refunded])
    panel.faults["/billing/credits/transactions"] = page([{**hostile.LIST_ROWS["/billing/credits/transactions"][0],
                                                           "amount": "-5.00", "balance_after": "0.00"}])
    panel.faults["/billing/config"] = data({**CONFIG, "tax": {"enabled": True, "rate": 0, "inclusive": True}})
    sync(panel, tmp_path / "cache.sqlite3", sleeps)


def test_a_preview_tax_rate_past_100_percent_is_refused(panel, sleeps):
    preview = {"subtotal": "10.00", "tax_amount": "1.00", "tax_rate": "1e11", "total": "11.00", "due_now": "11.00"}
    panel.faults["/billing/checkout/preview"] = data(preview)
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(BadAnswer) as caught:
        client.preview_checkout([{"product_id": "prod-1", "billing_cycle": "monthly"}])
    assert caught.value.field == "tax_rate"


def test_a_rate_saved_before_the_check_is_written_as_sent_when_no_locale_can_write_it():
    from decimal import Decimal

    from app.core.formatting import rate_text

    assert rate_text(Decimal("1E+50")) == "1E+50"      # before: InvalidOperation while a screen drew the invoice
    assert rate_text("20.00") == "20%"
