"""Operators writing coupons: the rules of the contract's coupon, soft deletion, and the `uses` count."""
from __future__ import annotations

import uuid

import pytest


def assert_invalid(r, field: str) -> None:
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "validation_error"
    assert field in error["details"], error["details"]


def code(prefix: str = "C") -> str:
    return f"{prefix}{uuid.uuid4().hex[:10].upper()}"


def coupon_body(**fields) -> dict:
    return {"code": code(), "type": "percent", "value": "10", "product_ids": [], "recurring": False,
            "expires_at": None, "max_uses": None, "max_uses_per_user": None, **fields}


def test_create_coupon_in_full(admin, shop):
    product = shop.product()
    made = shop.coupon(code=code("Summer_sale-"), type="fixed", value=5, product_ids=[product["id"]],
                       recurring=True, expires_at="2030-01-31T12:00:00+02:00", max_uses=100, max_uses_per_user=1)
    assert made["code"].startswith("Summer_sale-")
    assert {k: made[k] for k in ("type", "value", "product_ids", "recurring", "expires_at", "max_uses",
                                 "max_uses_per_user", "active", "uses")} == {
        "type": "fixed", "value": "5.00", "product_ids": [product["id"]], "recurring": True,
        "expires_at": "2030-01-31T10:00:00.000000Z", "max_uses": 100, "max_uses_per_user": 1, "active": True,
        "uses": 0}
    assert admin.data("GET", f"/admin/billing/coupons/{made['id']}") == made


@pytest.mark.parametrize("fields, field", [
    ({"code": "AB"}, "code"),
    ({"code": "HAS SPACE"}, "code"),
    ({"code": "X" * 33}, "code"),
    ({"code": None}, "code"),
    ({"type": "bogo"}, "type"),
    ({"value": "0"}, "value"),
    ({"value": "-5"}, "value"),
    ({"value": "100.01"}, "value"),
    ({"value": "12.345"}, "value"),
    ({"value": "ten"}, "value"),
    ({"type": "fixed", "value": "1.005"}, "value"),
    ({"product_ids": ["no-such-product"]}, "product_ids"),
    ({"product_ids": "all"}, "product_ids"),
    ({"recurring": "yes"}, "recurring"),
    ({"active": 1}, "active"),
    ({"expires_at": "next week"}, "expires_at"),
    ({"expires_at": 1735689600}, "expires_at"),
    ({"max_uses": 0}, "max_uses"),
    ({"max_uses": "5"}, "max_uses"),
    ({"max_uses_per_user": 0}, "max_uses_per_user"),
    ({"percent": 10}, "percent"),
])
def test_coupon_validation(admin, fields, field):
    body = coupon_body(**fields)
    assert_invalid(admin.post("/admin/billing/coupons", body), field)
    listed = admin.data("GET", "/admin/billing/coupons", params={"per_page": 100})
    assert body["code"] not in [c["code"] for c in listed]


def test_codes_are_unique_whatever_their_case(admin, shop):
    made = shop.coupon(code=code("Mixed"))
    assert_invalid(admin.post("/admin/billing/coupons", coupon_body(code=made["code"].lower())), "code")
    other = shop.coupon()
    assert_invalid(admin.put(f"/admin/billing/coupons/{other['id']}", {"code": made["code"].upper()}), "code")


def test_full_percent_and_fractional_percent(shop):
    assert shop.coupon(value=100)["value"] == "100"
    assert shop.coupon(value="12.5")["value"] == "12.5"


def test_partial_update_and_bad_update(admin, shop):
    made = shop.coupon(value="10")
    path = f"/admin/billing/coupons/{made['id']}"
    changed = admin.data("PUT", path, {"value": "15", "max_uses": 3})
    assert (changed["value"], changed["max_uses"], changed["code"]) == ("15", 3, made["code"])
    assert changed["updated_at"] > made["updated_at"]
    assert_invalid(admin.put(path, {"value": "20", "type": "percent", "max_uses": -1}), "max_uses")
    assert admin.data("GET", path) == changed
    assert admin.put(f"/admin/billing/coupons/{uuid.uuid4()}", {"value": "5"}).status_code == 404


def test_delete_switches_a_coupon_off_and_keeps_it(admin, shop):
    made = shop.coupon()
    path = f"/admin/billing/coupons/{made['id']}"
    admin.data("DELETE", path, expect=204)
    off = admin.data("GET", path)
    assert off["active"] is False and off["updated_at"] > made["updated_at"]
    admin.data("DELETE", path, expect=204)
    assert admin.data("PUT", path, {"active": True})["active"] is True
    assert admin.delete(f"/admin/billing/coupons/{uuid.uuid4()}").status_code == 404


def test_uses_counts_redemptions(admin, shop):
    product = shop.product()
    made = shop.coupon(max_uses=5)
    buyer = shop.user(credits="50")
    order = buyer.post("/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                                             "coupon_code": made["code"].lower(), "payment_method": "credits"})
    assert order.status_code == 201, order.text
    assert admin.data("GET", f"/admin/billing/coupons/{made['id']}")["uses"] == 1
    listed = admin.get("/admin/billing/coupons", params={"per_page": 100})
    assert next(c for c in listed.json()["data"] if c["id"] == made["id"])["uses"] == 1
    # Switching it off keeps the redemption history.
    admin.data("DELETE", f"/admin/billing/coupons/{made['id']}", expect=204)
    assert admin.data("GET", f"/admin/billing/coupons/{made['id']}")["uses"] == 1
