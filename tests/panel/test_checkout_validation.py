"""Bad checkout requests: each is a 422 in the contract's error shape naming the field, never a 500, and none
changes anything."""
from __future__ import annotations

import pytest

from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop

PATHS = ("/billing/checkout/preview", "/billing/checkout")


def assert_invalid(response, field: str) -> dict:
    error = assert_error(response, 422, "validation_error")
    assert field in error["details"], error
    assert all(isinstance(m, str) and m for m in error["details"][field])
    return error


@pytest.fixture(scope="module")
def buyer(shop):
    return shop.user(credits="1000.00")


@pytest.fixture(scope="module")
def fixed(shop) -> dict:
    return shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])


@pytest.fixture(scope="module")
def custom(shop) -> dict:
    return shop.product(pricing_type="configurable",
                        pricing=[{"billing_cycle": "monthly", "price": "0.00", "setup_fee": "0.00"}],
                        config_ranges={"memory": {"min": 1024, "max": 8192, "step": 1024, "unit_price": "2.00"},
                                       "cpu": {"min": 100, "max": 400, "step": 100, "unit_price": "3.00"}})


@pytest.fixture(autouse=True)
def nothing_is_ordered(buyer):
    yield
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 0
    assert buyer.data("GET", "/billing/credits")["balance"] == "1000.00"


def send(api, path: str, items, **extra):
    body = {"items": items, **extra}
    if path == "/billing/checkout":
        body.setdefault("payment_method", "credits")
    return api.post(path, body)


@pytest.mark.parametrize("path", PATHS)
def test_a_cycle_the_product_does_not_sell(buyer, fixed, path):
    error = assert_invalid(send(buyer, path, [{"product_id": fixed["id"], "billing_cycle": "annual"}]),
                           "items.0.billing_cycle")
    assert "annual" in error["message"]
    # a cycle no product could have is refused by name
    assert_invalid(send(buyer, path, [{"product_id": fixed["id"], "billing_cycle": "weekly"}]),
                   "items.0.billing_cycle")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("config,field", [
    ({"memory": 1536}, "items.0.config.memory"),       # off its 1024 MB step
    ({"memory": 9216}, "items.0.config.memory"),       # above max
    ({"memory": 0}, "items.0.config.memory"),          # below min
    ({"cpu": 150}, "items.0.config.cpu"),
    ({"disk": 10240}, "items.0.config.disk"),          # not a choice this product offers
    ({"memory": "2048"}, "items.0.config.memory"),     # a string is not a size
    ({"memory": 2048.0}, "items.0.config.memory"),
    ({"memory": True}, "items.0.config.memory"),
    ({"swap": 512}, "items.0.config.swap"),
])
def test_config_off_step_out_of_range_or_of_the_wrong_type(buyer, custom, path, config, field):
    items = [{"product_id": custom["id"], "billing_cycle": "monthly", "config": config}]
    assert_invalid(send(buyer, path, items), field)


@pytest.mark.parametrize("path", PATHS)
def test_unknown_or_withdrawn_product(shop, buyer, fixed, path):
    assert_invalid(send(buyer, path, [{"product_id": "no-such-product", "billing_cycle": "monthly"}]),
                   "items.0.product_id")
    withdrawn = shop.product()
    shop.admin.data("DELETE", f"/admin/billing/products/{withdrawn['id']}", expect=204)
    items = [{"product_id": fixed["id"], "billing_cycle": "monthly"},
             {"product_id": withdrawn["id"], "billing_cycle": "monthly"}]
    assert_invalid(send(buyer, path, items), "items.1.product_id")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("quantity", [0, 101, -1, "2", 1.5, None, True])
def test_quantity_must_be_a_whole_number_from_1_to_100(buyer, fixed, path, quantity):
    items = [{"product_id": fixed["id"], "billing_cycle": "monthly", "quantity": quantity}]
    assert_invalid(send(buyer, path, items), "items.0.quantity")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("body,field", [
    ({"items": "everything"}, "items"),
    ({"items": []}, "items"),
    ({"items": [["not", "an", "object"]]}, "items.0"),
    ({"items": [{"product_id": 42, "billing_cycle": "monthly"}]}, "items.0.product_id"),
    ({"items": [{"billing_cycle": "monthly"}]}, "items.0.product_id"),
    ({"items": [{"product_id": "x", "billing_cycle": "monthly", "config": [1024]}]}, "items.0.config"),
    ({"items": [{"product_id": "x", "billing_cycle": "monthly"}] * 21}, "items"),
    ({"use_credits": "yes"}, "use_credits"),
    ({"use_credits": 1}, "use_credits"),
    ({"coupon_code": 10}, "coupon_code"),
    ({"colour": "blue"}, "colour"),
    ({"items": [{"product_id": "x", "billing_cycle": "monthly", "extra": 1}]}, "items.0.extra"),
])
def test_wrong_types_missing_and_extra_fields(buyer, fixed, path, body, field):
    full = {"items": [{"product_id": fixed["id"], "billing_cycle": "monthly"}], **body}
    if path == "/billing/checkout":
        full.setdefault("payment_method", "credits")
    assert_invalid(buyer.post(path, full), field)


@pytest.mark.parametrize("path", PATHS + ("/billing/coupons/validate",))
@pytest.mark.parametrize("raw", [b"{not json", b"", b"[]", b"null", b'"items"', b"\xff\xfe"])
def test_malformed_json_is_a_validation_error_not_a_500(buyer, path, raw):
    response = buyer.post(path, data=raw, headers={"Content-Type": "application/json"})
    assert_error(response, 422, "validation_error")


def test_payment_method_must_be_known_and_enabled(buyer, fixed):
    items = [{"product_id": fixed["id"], "billing_cycle": "monthly"}]
    assert_invalid(send(buyer, "/billing/checkout", items, payment_method="cash"), "payment_method")
    assert_invalid(buyer.post("/billing/checkout", {"items": items}), "payment_method")
    for method in ("stripe", "paypal"):  # known, but not switched on for the shared panel
        error = assert_invalid(send(buyer, "/billing/checkout", items, payment_method=method,
                                    return_url="http://127.0.0.1:1/ok", cancel_url="http://127.0.0.1:1/no"),
                               "payment_method")
        assert "not available" in error["message"]


def test_coupon_validate_needs_a_code_and_valid_items(buyer, fixed):
    items = [{"product_id": fixed["id"], "billing_cycle": "monthly"}]
    assert_invalid(buyer.post("/billing/coupons/validate", {"items": items}), "code")
    assert_invalid(buyer.post("/billing/coupons/validate", {"code": "", "items": items}), "code")
    assert_invalid(buyer.post("/billing/coupons/validate",
                              {"code": "X", "items": [{"product_id": "nope", "billing_cycle": "monthly"}]}),
                   "items.0.product_id")


def test_credits_method_is_refused_when_credits_are_off(fresh_panel):
    shop = Shop(admin_of(fresh_panel()))
    product = shop.product()
    buyer = shop.user(credits="50.00")
    shop.settings(credits_enabled=False)
    items = [{"product_id": product["id"], "billing_cycle": "monthly"}]
    assert_invalid(buyer.post("/billing/checkout", {"items": items, "payment_method": "credits"}), "payment_method")
    # and the preview no longer offers the balance
    quote = buyer.data("POST", "/billing/checkout/preview", {"items": items})
    assert (quote["credits_applied"], quote["due_now"]) == ("0.00", "10.00")
    assert buyer.get("/billing/orders").json()["meta"]["total"] == 0
