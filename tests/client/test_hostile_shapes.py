"""Fields the screens read that no check covered: an order's coupon (the order page reads `coupon.code`), a
product's description (shown whole on its page), a preview's out-of-stock ids and a payment's invoice ids (both
iterated), an invoice's coupon code, and the ids an out-of-stock refusal names. Before, a coupon sent as "SAVE10"
made the order page raise AttributeError while drawing, an 8 MB description went into one label, and a number
where a list of ids belongs raised TypeError on the UI thread. Now each is a BadAnswer naming the field (or,
in an error's details, left out), and the cache is unchanged."""
from __future__ import annotations

import json
import sqlite3

import pytest

from app.api import BadAnswer, Conflict, PanelClient

from . import hostile
from .hostile import data, hostile_panel_fixture, page, raw, synced  # noqa: F401 - the `panel` fixture

LATER = "2026-01-05T00:00:00Z"
ORDER = {**hostile.LIST_ROWS["/billing/orders"][0], "updated_at": LATER}
PRODUCT = {**hostile.LIST_ROWS["/billing/products"][0], "updated_at": LATER}
INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "updated_at": LATER}
PREVIEW = {"subtotal": "9.99", "total": "9.99", "due_now": "9.99", "currency": "USD"}


sync = synced


def dump(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall()
                for t in ("orders", "products", "invoices")}
    finally:
        conn.close()


@pytest.mark.parametrize(("where", "row", "field"), [
    ("/billing/orders", {**ORDER, "coupon": "SAVE10"}, "[0].coupon"),
    ("/billing/orders", {**ORDER, "coupon": {"code": {"nested": 1}}}, "[0].coupon.code"),
    ("/billing/products", {**PRODUCT, "description": "x" * 80_000}, "[0].description"),
    ("/billing/products", {**PRODUCT, "description": ["a", "list"]}, "[0].description"),
    ("/billing/products", {**PRODUCT, "pricing_type": {"kind": "fixed"}}, "[0].pricing_type"),
    ("/billing/invoices", {**INVOICE, "coupon_code": {"code": "X"}}, "[0].coupon_code"),
])
def test_a_field_a_screen_reads_in_the_wrong_shape_is_refused_by_name(panel, tmp_path, sleeps, where, row, field):
    path = tmp_path / "cache.sqlite3"
    sync(panel, path, sleeps)
    before = dump(path)
    panel.faults[where] = page([row])
    with pytest.raises(BadAnswer) as caught:
        sync(panel, path, sleeps)
    assert caught.value.field == field
    assert dump(path) == before


def test_the_shapes_the_contract_has_pass(panel, tmp_path, sleeps):
    panel.faults["/billing/orders"] = page([{**ORDER, "coupon": {"code": "SAVE10"}}, {**ORDER, "id": "o-2",
                                                                                     "coupon": None}])
    panel.faults["/billing/products"] = page([{**PRODUCT, "description": "Fast.\n<b>Really</b>",
                                               "pricing_type": "fixed"}])
    panel.faults["/billing/invoices"] = page([{**INVOICE, "coupon_code": "SAVE10"}])
    sync(panel, tmp_path / "cache.sqlite3", sleeps)


@pytest.mark.parametrize(("path", "call", "answer", "field"), [
    ("/billing/checkout/preview", lambda c: c.preview_checkout([{"product_id": "prod-1"}]),
     {**PREVIEW, "out_of_stock": 5}, "out_of_stock"),
    ("/billing/checkout/preview", lambda c: c.preview_checkout([{"product_id": "prod-1"}]),
     {**PREVIEW, "out_of_stock": [{"id": "prod-1"}]}, "out_of_stock[0]"),
    ("/billing/invoices/pay", lambda c: c.pay_invoices(["inv-1"], payment_method="credits", key="k"),
     {"payment": {"id": "pay-1", "status": "paid", "invoice_ids": "inv-1"}}, "payment.invoice_ids"),
])
def test_ids_a_screen_iterates_are_a_list_of_ids(panel, sleeps, path, call, answer, field):
    panel.faults[path] = data(answer)
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(BadAnswer) as caught:
        call(client)
    assert caught.value.field == field


@pytest.mark.parametrize("named", [5, "prod-1", {"prod-1": True}, None])
def test_an_out_of_stock_refusal_names_products_only_from_a_list(panel, sleeps, named):
    refusal = {"error": {"code": "out_of_stock", "message": "Sold out.", "details": {"product_ids": named}}}
    panel.faults["/billing/checkout"] = raw(409, json.dumps(refusal).encode())
    with PanelClient(panel.url, sleep=sleeps) as client, pytest.raises(Conflict) as caught:
        client.checkout([], coupon_code=None, use_credits=False, payment_method="credits", return_url=None,
                        cancel_url=None, key="k-1")
    assert "product_ids" not in caught.value.details
