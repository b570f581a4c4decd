"""The operator's POSTs that take no body refuse one (docs/api.md, "Admin additions").

The contract gives `POST /admin/billing/orders/{id}/approve`, `POST /admin/billing/cancellations/{id}/approve|reject`
and the panel's `POST /admin/billing/jobs/run` no body, and they ignored whatever was sent: `{"dry_run": true}` ran
the lifecycle jobs, `{"reason": ...}` decided a cancellation with the reason dropped. Now none, an empty body or `{}`
works as before; any field is 422 `validation_error` "Unknown field." on it, and anything but a JSON object is 422 on
`body`, in the panel's error shape, and nothing is done. Each documents that 422 in the OpenAPI description.
"""
from __future__ import annotations

import pytest
import requests

from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import PanelProcess

PRICING = [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}]
NOT_OBJECT = {"body": ["The request body must be a JSON object."]}
# (body bytes, Content-Type, the error's details)
REFUSED = [
    (b'{"dry_run": true}', "application/json", {"dry_run": ["Unknown field."]}),
    (b'{"reason": "too dear", "note": ""}', "application/json",
     {"reason": ["Unknown field."], "note": ["Unknown field."]}),
    (b"[]", "application/json", NOT_OBJECT),
    (b'"run"', "application/json", NOT_OBJECT),
    (b"1", "application/json", NOT_OBJECT),
    (b"{", "application/json", {"body": ["The request body is not valid JSON."]}),
    (b"run them", "text/plain", {"body": ["The request body must be JSON, sent with Content-Type: application/json."]}),
]
REFUSED_IDS = ["field", "fields", "list", "string", "number", "malformed", "text"]
# What still works: no body at all, an empty one under a JSON Content-Type, and an empty object.
ACCEPTED = [(None, None), (b"", "application/json"), (b"{}", "application/json"), (b" {} ", None)]


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    proc = PanelProcess(tmp_path_factory.mktemp("r12-no-body")).start()
    shop = Shop(admin_of(proc))
    yield proc, shop
    proc.stop()


def _post(admin, path: str, body: bytes | None, content_type: str | None) -> requests.Response:
    headers = {"Content-Type": content_type} if content_type else {}
    return admin.request("POST", path, data=body, headers=headers)


def _refused(response: requests.Response, details: dict) -> None:
    error = assert_error(response, 422, "validation_error")
    assert error["details"] == details, error
    assert "Field required" not in response.text and "Extra inputs" not in response.text


def _renewals(buyer, service_id: str) -> list[str]:
    return [i["kind"] for i in buyer.data("GET", f"/billing/services/{service_id}/invoices")
            if i["kind"] == "renewal"]


@pytest.mark.parametrize("body, content_type, details", REFUSED, ids=REFUSED_IDS)
def test_jobs_run_refuses_a_body_and_runs_nothing(world, body, content_type, details):
    proc, shop = world
    shop.settings(renewal_days_before=7)
    buyer = shop.user(credits="100.00")
    placed = buyer.data("POST", "/billing/checkout", {"items": [{"product_id": shop.product(pricing=PRICING)["id"],
                                                                  "billing_cycle": "monthly"}],
                                                       "payment_method": "credits"}, expect=201)
    (service_id,) = placed["order"]["service_ids"]
    # A renewal is now due to be raised (the service renews within 60 days): the next run of the jobs raises it.
    shop.settings(renewal_days_before=60)
    _refused(_post(shop.admin, "/admin/billing/jobs/run", body, content_type), details)
    assert _renewals(buyer, service_id) == []
    ran = shop.admin.data("POST", "/admin/billing/jobs/run")
    assert ran["renewals"] >= 1, ran
    assert _renewals(buyer, service_id) == ["renewal"]


@pytest.mark.parametrize("body, content_type", ACCEPTED, ids=["none", "empty", "object", "object-no-type"])
def test_jobs_run_takes_no_body_or_an_empty_one(world, body, content_type):
    _, shop = world
    r = _post(shop.admin, "/admin/billing/jobs/run", body, content_type)
    assert r.status_code == 200, r.text
    assert isinstance(r.json()["data"]["renewals"], int)


def test_approving_an_order_refuses_a_body_and_approves_nothing(world):
    _, shop = world
    shop.settings(auto_activate=False)
    try:
        buyer = shop.user(credits="20.00")
        placed = buyer.data("POST", "/billing/checkout", {
            "items": [{"product_id": shop.product(pricing=PRICING)["id"], "billing_cycle": "monthly"}],
            "payment_method": "credits"}, expect=201)
    finally:
        shop.settings(auto_activate=True)
    order_id = placed["order"]["id"]
    path = f"/admin/billing/orders/{order_id}/approve"
    for body, content_type, details in REFUSED:
        _refused(_post(shop.admin, path, body, content_type), details)
    assert buyer.data("GET", f"/billing/orders/{order_id}")["status"] == "awaiting_approval"
    approved = _post(shop.admin, path, b"{}", "application/json")
    assert approved.status_code == 200 and approved.json()["data"]["status"] == "active", approved.text


@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_deciding_a_cancellation_refuses_a_body_and_decides_nothing(world, decision):
    _, shop = world
    buyer = shop.user(credits="20.00")
    placed = buyer.data("POST", "/billing/checkout", {
        "items": [{"product_id": shop.product(pricing=PRICING)["id"], "billing_cycle": "monthly"}],
        "payment_method": "credits"}, expect=201)
    (service_id,) = placed["order"]["service_ids"]
    asked = buyer.data("POST", f"/billing/services/{service_id}/cancel",
                       {"type": "immediate", "reason": "moving on"}, expect=201)
    path = f"/admin/billing/cancellations/{asked['id']}/{decision}"
    for body, content_type, details in REFUSED:
        _refused(_post(shop.admin, path, body, content_type), details)
    assert buyer.data("GET", f"/billing/services/{service_id}")["cancellation"]["status"] == "pending"
    decided = _post(shop.admin, path, None, None)
    assert decided.status_code == 200, decided.text
    assert decided.json()["data"]["status"] == ("approved" if decision == "approve" else "rejected")


def test_the_openapi_description_lists_that_422_and_an_optional_empty_body(world):
    proc, _ = world
    spec = requests.get(proc.api_url + "/openapi.json", timeout=30).json()
    for path in ("/api/v1/admin/billing/jobs/run", "/api/v1/admin/billing/orders/{order_id}/approve",
                 "/api/v1/admin/billing/cancellations/{request_id}/{decision}"):
        operation = spec["paths"][path]["post"]
        assert "ErrorBody" in str(operation["responses"]["422"]), path
        assert "no body" in operation["responses"]["422"]["description"], path
        assert operation.get("requestBody", {}).get("required", False) is False, path
