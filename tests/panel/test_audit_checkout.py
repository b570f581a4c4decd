"""Contract audit of checkout's refusals: every bad cart gets its error code, names the field, and changes nothing
(no order, invoice, payment, service, credit transaction or idempotency key; stock, balance and coupon uses as they
were), read straight from the shared panel's database."""
from __future__ import annotations

import sqlite3

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10
from tests.support.panel import Api, PanelProcess

TABLES = ("orders", "order_items", "invoices", "payments", "services", "credit_transactions", "coupon_redemptions",
          "idempotency_keys", "notifications")


def database(proc: PanelProcess) -> dict:
    with sqlite3.connect(f"file:{proc.db_path}?mode=ro", uri=True) as db:
        state = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        state["stock"] = db.execute("SELECT group_concat(id || ':' || stock) FROM products "
                                    "WHERE stock IS NOT NULL").fetchone()[0]
        state["balances"] = db.execute("SELECT group_concat(id || ':' || credit_balance) FROM users").fetchone()[0]
    return state


@pytest.fixture(scope="module")
def cart(shop) -> dict:
    product = shop.product(pricing=MONTHLY_10, stock=3)
    return {"product": product, "coupon": shop.coupon(max_uses=1), "buyer": shop.user(credits="100.00"),
            "poor": shop.user(credits="5.00"), "sold_out": shop.product(pricing=MONTHLY_10, stock=0),
            "gone": shop.product(pricing=MONTHLY_10)}


def item(product: dict, **fields) -> dict:
    return {"product_id": product["id"], "billing_cycle": "monthly", **fields}


def checkout(buyer: Api, *items: dict, **fields):
    body = {"items": list(items), "payment_method": "credits", **fields}
    return buyer.post("/billing/checkout", body, headers={"Idempotency-Key": f"audit-{id(body)}"})


BAD_ITEMS = [
    ({"quantity": 0}, "items.0.quantity"), ({"quantity": -1}, "items.0.quantity"),
    ({"quantity": 101}, "items.0.quantity"), ({"quantity": 10**30}, "items.0.quantity"),
    ({"quantity": "2"}, "items.0.quantity"), ({"quantity": 2.5}, "items.0.quantity"),
    ({"quantity": True}, "items.0.quantity"), ({"quantity": None}, "items.0.quantity"),
    ({"billing_cycle": "weekly"}, "items.0.billing_cycle"), ({"billing_cycle": "quarterly"}, "items.0.billing_cycle"),
    ({"billing_cycle": None}, "items.0.billing_cycle"), ({"product_id": 7}, "items.0.product_id"),
    ({"product_id": ""}, "items.0.product_id"), ({"product_id": "no-such-product"}, "items.0.product_id"),
    ({"config": {"memory": 4096}}, "items.0.config.memory"), ({"config": {"gpu": 1}}, "items.0.config.gpu"),
    ({"config": "big"}, "items.0.config"), ({"colour": "red"}, "items.0.colour"),
]


@pytest.mark.parametrize("fields,field", BAD_ITEMS, ids=[f"{f}" for _, f in BAD_ITEMS])
def test_a_bad_item_is_a_validation_error_on_it_and_changes_nothing(panel, cart, fields, field):
    before = database(panel)
    error = assert_error(checkout(cart["buyer"], item(cart["product"], **fields)), 422, "validation_error")
    assert field in error["details"] and isinstance(error["details"][field], list), error
    assert database(panel) == before


@pytest.mark.parametrize("body,field", [
    ({"items": []}, "items"), ({"items": "all"}, "items"), ({"items": None}, "items"),
    ({"payment_method": "cash"}, "payment_method"), ({"payment_method": None}, "payment_method"),
    ({"use_credits": "yes"}, "use_credits"), ({"coupon_code": 10}, "coupon_code"),
    ({"return_url": "https://evil.example/back"}, "return_url"), ({"cancel_url": "javascript:alert(1)"}, "cancel_url"),
    ({"payment_method": "stripe"}, "payment_method"),  # not enabled on the shared panel
])
def test_a_bad_body_field_is_a_validation_error_on_it_and_changes_nothing(panel, cart, body, field):
    before = database(panel)
    full = {"items": [item(cart["product"])], "payment_method": "credits", **body}
    error = assert_error(cart["buyer"].post("/billing/checkout", full), 422, "validation_error")
    assert field in error["details"], error
    assert database(panel) == before


def test_twenty_one_items_are_too_many_and_twenty_are_fine_for_a_preview(cart):
    assert_error(cart["buyer"].post("/billing/checkout/preview", {"items": [item(cart["gone"])] * 21}), 422,
                 "validation_error")
    quote = cart["buyer"].data("POST", "/billing/checkout/preview", {"items": [item(cart["gone"])] * 20})
    assert (len(quote["lines"]), quote["subtotal"]) == (20, "200.00")


def test_an_unknown_coupon_is_coupon_invalid_with_its_reason_and_changes_nothing(panel, cart):
    before = database(panel)
    error = assert_error(checkout(cart["buyer"], item(cart["product"]), coupon_code="NO-SUCH-CODE"), 422,
                         "coupon_invalid")
    assert error["details"]["coupon_code"] and error["message"]
    assert database(panel) == before


def test_out_of_stock_comes_before_the_balance_and_changes_nothing(panel, cart):
    before = database(panel)
    # Too little stock and too few credits: the cart cannot be had at all, which is what the buyer is told.
    error = assert_error(checkout(cart["poor"], item(cart["sold_out"])), 409, "out_of_stock")
    assert error["details"]["product_ids"] == [cart["sold_out"]["id"]]
    assert database(panel) == before


def test_lines_of_one_product_count_together_against_its_stock(panel, cart):
    before = database(panel)
    two_and_two = [item(cart["product"], quantity=2), item(cart["product"], quantity=2)]
    quote = cart["buyer"].data("POST", "/billing/checkout/preview", {"items": two_and_two})
    assert quote["out_of_stock"] == [cart["product"]["id"]]
    error = assert_error(checkout(cart["buyer"], *two_and_two), 409, "out_of_stock")
    assert error["details"]["product_ids"] == [cart["product"]["id"]]
    assert database(panel) == before


def test_too_small_a_balance_is_insufficient_credits_and_changes_nothing(panel, cart):
    before = database(panel)
    assert_error(checkout(cart["poor"], item(cart["product"]), coupon_code=cart["coupon"]["code"]), 409,
                 "insufficient_credits")
    assert database(panel) == before
    # The coupon was not used up by the refusal: it still validates for someone else.
    check = cart["buyer"].data("POST", "/billing/coupons/validate",
                               {"code": cart["coupon"]["code"], "items": [item(cart["product"])]})
    assert check["valid"] is True


def test_an_archived_product_cannot_be_bought(panel, cart, shop):
    shop.admin.data("DELETE", f"/admin/billing/products/{cart['gone']['id']}", expect=204)
    before = database(panel)
    error = assert_error(checkout(cart["buyer"], item(cart["gone"])), 422, "validation_error")
    assert "items.0.product_id" in error["details"]
    assert_error(cart["buyer"].get(f"/billing/products/{cart['gone']['id']}"), 404, "not_found")
    assert database(panel) == before


def test_a_good_cart_after_all_those_refusals_buys_exactly_once(panel, cart):
    before = database(panel)
    body = {"items": [item(cart["product"], quantity=3)], "payment_method": "credits",
            "coupon_code": cart["coupon"]["code"].lower()}
    key = {"Idempotency-Key": "audit-good-cart"}
    first = cart["buyer"].post("/billing/checkout", body, headers=key)
    assert first.status_code == 201, first.text
    placed = first.json()["data"]
    assert (placed["order"]["total"], placed["payment"]["status"], len(placed["order"]["service_ids"])) == \
        ("27.00", "paid", 3)
    again = cart["buyer"].post("/billing/checkout", body, headers=key)
    assert again.status_code == 201 and again.json() == first.json()
    assert_error(cart["buyer"].post("/billing/checkout", {**body, "items": [item(cart["product"])]}, headers=key),
                 409, "idempotency_conflict")
    after = database(panel)
    assert (after["orders"], after["services"], after["coupon_redemptions"]) == \
        (before["orders"] + 1, before["services"] + 3, before["coupon_redemptions"] + 1)
    assert cart["buyer"].data("GET", f"/billing/products/{cart['product']['id']}")["stock"] == 0
    assert cart["buyer"].data("GET", "/billing/credits")["balance"] == "73.00"
