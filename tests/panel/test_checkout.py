"""Pricing a cart over real HTTP: every pricing type, coupons, tax and credits, with the numbers worked out.

The contract's rules (panel-api.md, "Pricing of an order") are written out next to each expected amount, so a
wrong total names the rule it broke. Placing orders is in test_checkout_orders.py, bad requests in
test_checkout_validation.py.
"""
from __future__ import annotations

import pytest

from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop

FIXED_PRICING = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "5.00"},
                 {"billing_cycle": "annual", "price": "100.00", "setup_fee": "0.00"}]
CUSTOM_RANGES = {"memory": {"min": 1024, "max": 16384, "step": 1024, "unit_price": "3.00"},
                 "disk": {"min": 10240, "max": 102400, "step": 10240, "unit_price": "0.0125"},
                 "cpu": {"min": 100, "max": 400, "step": 50, "unit_price": "4.00"}}


def item(product: dict, cycle: str = "monthly", quantity: int = 1, **config) -> dict:
    return {"product_id": product["id"], "billing_cycle": cycle, "config": config, "quantity": quantity}


def preview(api, items: list[dict], **extra) -> dict:
    return api.data("POST", "/billing/checkout/preview", {"items": items, **extra}, expect=200)


def money_of(quote: dict) -> dict:
    keys = ("subtotal", "discount", "tax_amount", "total", "credits_applied", "due_now")
    return {k: quote[k] for k in keys}


@pytest.fixture
def buyer(shop):
    return shop.user()


@pytest.fixture(scope="module")
def fixed(shop) -> dict:
    return shop.product(name="Fixed VPS", pricing=FIXED_PRICING)


# -- every pricing type -----------------------------------------------------------------------------------
def test_fixed_price_with_setup_fee_and_quantity(buyer, fixed):
    quote = preview(buyer, [item(fixed, quantity=3)])
    recurring, setup = quote["lines"]
    # 3 x 10.00 recurring; the 5.00 setup fee is its own line, once per item bought.
    assert (recurring["kind"], recurring["quantity"], recurring["unit_price"], recurring["amount"]) == \
           ("recurring", 3, "10.00", "30.00")
    assert (setup["kind"], setup["quantity"], setup["unit_price"], setup["amount"]) == ("setup", 3, "5.00", "15.00")
    assert money_of(quote) == {"subtotal": "45.00", "discount": "0.00", "tax_amount": "0.00", "total": "45.00",
                               "credits_applied": "0.00", "due_now": "45.00"}
    assert (quote["currency"], quote["tax_rate"], quote["tax_inclusive"]) == ("USD", "0", False)
    # annual has no setup fee: one line only
    annual = preview(buyer, [item(fixed, "annual")])
    assert [ln["amount"] for ln in annual["lines"]] == ["100.00"] and annual["total"] == "100.00"


def test_per_gb_memory_is_price_times_gigabytes_of_the_cycle(shop, buyer):
    product = shop.product(
        pricing_type="per_gb_memory",
        pricing=[{"billing_cycle": "monthly", "price": "2.50", "setup_fee": "0.00"},
                 {"billing_cycle": "quarterly", "price": "7.00", "setup_fee": "0.00"}],
        config_ranges={"memory": {"min": 1024, "max": 8192, "step": 512}})
    # 3584 MB = 3.5 GB: 3.5 x 2.50 = 8.75 a month, 3.5 x 7.00 = 24.50 a quarter.
    assert preview(buyer, [item(product, memory=3584)])["total"] == "8.75"
    assert preview(buyer, [item(product, "quarterly", memory=3584)])["total"] == "24.50"
    # No choice: the product's own 2048 MB = 2 GB x 2.50.
    default = preview(buyer, [item(product)])
    assert default["total"] == "5.00" and default["lines"][0]["config"] == {"memory": 2048}


def test_per_gb_disk_rounds_half_up(shop, buyer):
    product = shop.product(pricing_type="per_gb_disk",
                           pricing=[{"billing_cycle": "monthly", "price": "0.15", "setup_fee": "0.00"}],
                           config_ranges={"disk": {"min": 10240, "max": 102400, "step": 512}})
    # 10752 MB = 10.5 GB x 0.15 = 1.575, rounded half-up to 1.58 (banker's rounding would say 1.58 too,
    # so also 2 items: 2 x 1.58 = 3.16 proves the line is rounded before it is multiplied).
    quote = preview(buyer, [item(product, quantity=2, disk=10752)])
    assert (quote["lines"][0]["unit_price"], quote["lines"][0]["amount"], quote["total"]) == ("1.58", "3.16", "3.16")


def test_configurable_is_base_plus_units_times_rate_times_months(shop, buyer):
    product = shop.product(pricing_type="configurable", config_ranges=CUSTOM_RANGES,
                           pricing=[{"billing_cycle": "monthly", "price": "1.00", "setup_fee": "2.50"},
                                    {"billing_cycle": "quarterly", "price": "2.50", "setup_fee": "0.00"}])
    choice = {"memory": 4096, "disk": 20480, "cpu": 150}
    # monthly: 1.00 + 4 GB x 3.00 + 20 GB x 0.0125 + 1.5 cores x 4.00 = 1 + 12 + 0.25 + 6 = 19.25, plus setup 2.50
    monthly = preview(buyer, [item(product, **choice)])
    assert [(ln["kind"], ln["amount"]) for ln in monthly["lines"]] == [("recurring", "19.25"), ("setup", "2.50")]
    assert monthly["lines"][0]["config"] == choice
    assert monthly["subtotal"] == monthly["total"] == "21.75"
    # quarterly: 2.50 + (12 + 0.25 + 6) x 3 months = 57.25, no setup fee on this cycle
    assert preview(buyer, [item(product, "quarterly", **choice)])["total"] == "57.25"
    # 1.00 + 3.00 + 30 GB x 0.0125 (0.375) + 4.00 = 8.375 -> 8.38 half-up
    small = preview(buyer, [item(product, memory=1024, disk=30720, cpu=100)])
    assert small["lines"][0]["amount"] == "8.38"


def test_a_mixed_cart_adds_up_every_line(shop, buyer, fixed):
    other = shop.product(pricing=[{"billing_cycle": "monthly", "price": "3.33", "setup_fee": "0.00"}])
    quote = preview(buyer, [item(fixed, quantity=2), item(other, quantity=3)])
    # 2 x 10.00 + 2 x 5.00 setup + 3 x 3.33 = 20.00 + 10.00 + 9.99
    assert [ln["amount"] for ln in quote["lines"]] == ["20.00", "10.00", "9.99"]
    assert quote["total"] == quote["due_now"] == "39.99"


# -- coupons ----------------------------------------------------------------------------------------------
def test_percent_coupon_discounts_recurring_amounts_only(shop, buyer, fixed):
    coupon = shop.coupon(type="percent", value="15")
    quote = preview(buyer, [item(fixed, quantity=3)], coupon_code=coupon["code"])
    # 15% of the 30.00 recurring, not of the 45.00 subtotal: the setup fee is never discounted.
    assert money_of(quote) == {"subtotal": "45.00", "discount": "4.50", "tax_amount": "0.00", "total": "40.50",
                               "credits_applied": "0.00", "due_now": "40.50"}
    valid = buyer.data("POST", "/billing/coupons/validate",
                       {"code": coupon["code"], "items": [item(fixed, quantity=3)]})
    assert valid == {"valid": True, "code": coupon["code"], "type": "percent", "value": "15", "recurring": False,
                     "discount": "4.50"}


def test_percent_discount_rounds_half_up(shop, buyer):
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.30", "setup_fee": "0.00"}])
    coupon = shop.coupon(type="percent", value="15")
    # 15% of 10.30 = 1.545 -> 1.55 half-up (banker's rounding would give 1.54)
    quote = preview(buyer, [item(product)], coupon_code=coupon["code"])
    assert (quote["discount"], quote["total"]) == ("1.55", "8.75")


def test_fixed_coupon_never_exceeds_what_it_applies_to(shop, buyer, fixed):
    small = shop.coupon(type="fixed", value="4")
    big = shop.coupon(type="fixed", value="50.00")
    assert preview(buyer, [item(fixed)], coupon_code=small["code"])["discount"] == "4.00"
    # min(50.00, 10.00 recurring): the 5.00 setup fee is still charged
    quote = preview(buyer, [item(fixed)], coupon_code=big["code"])
    assert (quote["subtotal"], quote["discount"], quote["total"]) == ("15.00", "10.00", "5.00")
    valid = buyer.data("POST", "/billing/coupons/validate", {"code": small["code"], "items": [item(fixed)]})
    # a fixed value is money: written with the currency's places whatever the operator typed
    assert (valid["valid"], valid["type"], valid["value"], valid["discount"]) == (True, "fixed", "4.00", "4.00")


def test_coupon_restricted_to_one_product_discounts_only_its_lines(shop, buyer, fixed):
    other = shop.product(pricing=[{"billing_cycle": "monthly", "price": "20.00", "setup_fee": "0.00"}])
    coupon = shop.coupon(type="percent", value="50", product_ids=[other["id"]])
    quote = preview(buyer, [item(fixed), item(other)], coupon_code=coupon["code"])
    assert (quote["subtotal"], quote["discount"], quote["total"]) == ("35.00", "10.00", "25.00")


def test_coupon_codes_are_matched_regardless_of_case(shop, buyer, fixed):
    coupon = shop.coupon(type="percent", value="10")
    quote = preview(buyer, [item(fixed)], coupon_code=coupon["code"].lower())
    assert quote["discount"] == "1.00"


def _assert_coupon_refused(api, items: list[dict], code: str, reason_part: str) -> None:
    refused = assert_error(api.post("/billing/checkout/preview", {"items": items, "coupon_code": code}),
                           422, "coupon_invalid")
    assert reason_part in refused["message"] and refused["details"] == {"coupon_code": [refused["message"]]}
    answer = api.data("POST", "/billing/coupons/validate", {"code": code, "items": items}, expect=200)
    # Every field the contract lists, valid or not: an invalid code has no type or value and discounts nothing.
    assert answer == {"valid": False, "code": code, "type": None, "value": None, "recurring": None,
                      "discount": "0.00", "reason": refused["message"]}
    placed = api.post("/billing/checkout", {"items": items, "coupon_code": code, "payment_method": "credits"})
    assert_error(placed, 422, "coupon_invalid")


def test_unknown_expired_and_foreign_coupons_are_refused_with_a_reason(shop, buyer, fixed):
    other = shop.product()
    cart = [item(fixed)]
    _assert_coupon_refused(buyer, cart, "NO-SUCH-CODE", "does not exist")
    expired = shop.coupon(expires_at="2001-02-03T00:00:00Z")
    _assert_coupon_refused(buyer, cart, expired["code"], "expired on 2001-02-03")
    foreign = shop.coupon(product_ids=[other["id"]])
    _assert_coupon_refused(buyer, cart, foreign["code"], "does not apply")


def test_used_up_and_per_user_limits(shop, fixed):
    first, second = shop.user(credits="100.00"), shop.user(credits="100.00")
    cart = [item(fixed)]
    once = shop.coupon(max_uses=1)
    per_user = shop.coupon(max_uses_per_user=1)
    for coupon in (once, per_user):
        first.data("POST", "/billing/checkout", {"items": cart, "coupon_code": coupon["code"],
                                                 "payment_method": "credits"}, expect=201)
    _assert_coupon_refused(second, cart, once["code"], "used up")
    _assert_coupon_refused(first, cart, per_user["code"], "already used")
    # the per-user limit is per user: the other buyer may still use it
    assert preview(second, cart, coupon_code=per_user["code"])["discount"] == "1.00"


# -- credits ----------------------------------------------------------------------------------------------
def test_credits_are_applied_automatically_unless_the_buyer_opts_out(shop, fixed):
    buyer = shop.user(credits="25.00")
    cart = [item(fixed, quantity=3)]
    quote = preview(buyer, cart)
    assert (quote["total"], quote["credits_applied"], quote["due_now"]) == ("45.00", "25.00", "20.00")
    opted_out = preview(buyer, cart, use_credits=False)
    assert (opted_out["total"], opted_out["credits_applied"], opted_out["due_now"]) == ("45.00", "0.00", "45.00")
    rich = shop.user(credits="100.00")
    covered = preview(rich, cart)
    assert (covered["credits_applied"], covered["due_now"]) == ("45.00", "0.00")
    # a preview spends nothing
    assert rich.data("GET", "/billing/credits")["balance"] == "100.00"


# -- tax (private panels: tax settings are global) --------------------------------------------------------
def test_exclusive_tax_is_added_on_the_discounted_amount(fresh_panel):
    shop = Shop(admin_of(fresh_panel()))
    shop.settings(tax_enabled=True, tax_rate="5", tax_inclusive=False)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "16.90", "setup_fee": "0.00"}])
    buyer = shop.user()
    # 16.90 x 5% = 0.845 -> 0.85 half-up; total = 16.90 + 0.85
    quote = preview(buyer, [item(product)])
    assert (quote["tax_rate"], quote["tax_inclusive"]) == ("5", False)
    assert money_of(quote) == {"subtotal": "16.90", "discount": "0.00", "tax_amount": "0.85", "total": "17.75",
                               "credits_applied": "0.00", "due_now": "17.75"}
    coupon = shop.coupon(type="fixed", value="6.90")
    # taxable = 16.90 - 6.90 = 10.00; tax 0.50
    discounted = preview(buyer, [item(product)], coupon_code=coupon["code"])
    assert (discounted["discount"], discounted["tax_amount"], discounted["total"]) == ("6.90", "0.50", "10.50")


def test_inclusive_tax_is_reported_not_added(fresh_panel):
    shop = Shop(admin_of(fresh_panel()))
    shop.settings(tax_enabled=True, tax_rate="20", tax_inclusive=True)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}])
    # 10.00 x 20 / 120 = 1.666.. -> 1.67 of the 10.00 is tax; the buyer pays 10.00
    quote = preview(shop.user(), [item(product)])
    assert (quote["tax_rate"], quote["tax_inclusive"]) == ("20", True)
    assert (quote["subtotal"], quote["tax_amount"], quote["total"]) == ("10.00", "1.67", "10.00")
