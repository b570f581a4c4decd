"""`POST /admin/billing/invoices/{id}/refund {"to": "gateway"}` for an invoice paid with credits alone stays 422
`validation_error` on `to` (docs/api.md): the operator asked for money to leave through a gateway, there is none
to return, and refunding to credits instead would not be the refund asked for. The answer names the invoice and
says what to send (`to: credits`); it changes nothing; the OpenAPI description says when the 422 comes. Bad bodies
on the same path are the error shape and change nothing either."""
from __future__ import annotations

import requests

from tests.panel.helpers import assert_error
from tests.support.catalogue import buy_service


def _state(shop, user, invoice_id: str) -> tuple:
    invoice = user.data("GET", f"/billing/invoices/{invoice_id}")
    return (invoice["status"], invoice["updated_at"], invoice["payments"],
            user.data("GET", "/billing/credits")["balance"], user.data("GET", "/billing/credits/transactions"),
            user.data("GET", "/sync/state")["version"])


def test_a_credits_only_invoice_to_a_gateway_is_a_clear_422_that_changes_nothing(shop):
    user = shop.user(credits="10.00")
    service = buy_service(user, shop.product())
    (invoice,) = user.data("GET", f"/billing/services/{service['id']}/invoices")
    before = _state(shop, user, invoice["id"])
    path = f"/admin/billing/invoices/{invoice['id']}/refund"
    error = assert_error(shop.admin.post(path, {"to": "gateway"}), 422, "validation_error")
    assert list(error["details"]) == ["to"], error
    assert error["message"] == error["details"]["to"][0]
    assert invoice["invoice_number"] in error["message"], error
    assert "credits only" in error["message"] and "to: credits" in error["message"], error
    assert "Nothing was changed" in error["message"], error
    assert _state(shop, user, invoice["id"]) == before
    assert user.data("GET", f"/billing/services/{service['id']}")["status"] == "active"
    # The way the message points to works.
    refunded = shop.admin.data("POST", path, {"to": "credits"})
    assert refunded["status"] == "refunded"
    assert user.data("GET", "/billing/credits")["balance"] == "10.00"


def test_a_free_invoice_paid_with_no_credits_at_all_is_refused_alike(shop):
    user = shop.user()
    product = shop.product()
    coupon = shop.coupon(value="100", product_ids=[product["id"]])
    body = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "coupon_code": coupon["code"],
            "payment_method": "credits"}
    invoice = user.data("POST", "/billing/checkout", body, expect=201)["invoice"]
    assert invoice["total"] == "0.00" and invoice["status"] == "paid"
    before = _state(shop, user, invoice["id"])
    error = assert_error(shop.admin.post(f"/admin/billing/invoices/{invoice['id']}/refund", {"to": "gateway"}),
                         422, "validation_error")
    assert list(error["details"]) == ["to"] and "to: credits" in error["message"], error
    assert _state(shop, user, invoice["id"]) == before


def test_bad_refund_bodies_are_the_error_shape_and_change_nothing(shop, panel):
    user = shop.user(credits="10.00")
    service = buy_service(user, shop.product())
    (invoice,) = user.data("GET", f"/billing/services/{service['id']}/invoices")
    path = f"/admin/billing/invoices/{invoice['id']}/refund"
    before = _state(shop, user, invoice["id"])
    bodies = {
        "to": [{"to": "GATEWAY"}, {"to": 1}, {"to": None}, {"to": ["credits"]}, {}],
        "credits_refund": [{"to": "credits", "credits_refund": "1e3"},
                           {"to": "credits", "credits_refund": "9" * 40},
                           {"to": "credits", "credits_refund": 10 ** 40},
                           {"to": "credits", "credits_refund": True},
                           {"to": "credits", "credits_refund": "-1"}],
        "extra": [{"to": "credits", "amount": "10.00"}],
    }
    for field, tried in bodies.items():
        for body in tried:
            error = assert_error(shop.admin.post(path, body), 422, "validation_error", str(body))
            assert error["details"], (body, error)
            if field != "extra":
                assert field in error["details"], (body, error)
    # A key given twice is refused before anything reads it (parsers disagree on which one counts).
    twice = requests.post(panel.api_url + path, data=b'{"to": "gateway", "to": "credits"}', timeout=30,
                          headers={"Authorization": f"Bearer {shop.admin.token}",
                                   "Content-Type": "application/json"})
    assert_error(twice, 422, "validation_error")
    # An invoice that does not exist, or is not paid, is refused before the body's `to` is weighed.
    assert_error(shop.admin.post("/admin/billing/invoices/no-such-invoice/refund", {"to": "gateway"}), 404,
                 "not_found")
    assert _state(shop, user, invoice["id"]) == before


def test_the_openapi_description_says_when_the_refund_is_422(panel):
    spec = requests.get(panel.api_url + "/openapi.json", timeout=30).json()
    responses = spec["paths"]["/api/v1/admin/billing/invoices/{invoice_id}/refund"]["post"]["responses"]
    assert {"200", "401", "403", "404", "409", "413", "422", "429", "502"} <= set(responses)
    assert "credits only" in responses["422"]["description"]
    assert "invoice_not_refundable" in responses["409"]["description"]
    for status in ("401", "403", "404", "409", "422", "502"):
        schema = responses[status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorBody"}, (status, schema)
