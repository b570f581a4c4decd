"""Audit of the list conventions' edges on every list, the additions' and the admin's included (docs/api.md,
"Everywhere": nothing is clamped, `updated_since` must be a time, `?status=` unknown is 422, ETag/304): a malformed
`updated_since`, an empty one (no filter), one without `Z` read as UTC, one in the future, paging past its bounds,
every status the contract names accepted and an unknown one refused on every list that filters by status (the
operator's cancellation requests now among them), the ETag of every list moving when one of its rows changes, and
the rate-limit headers on 304 answers (HEAD too) and on webhooks."""
from __future__ import annotations

import pytest
import requests

from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10, buy

BUYER_LISTS = ["/billing/categories", "/billing/products", "/billing/orders", "/billing/invoices",
               "/billing/services", "/billing/credits/transactions", "/notifications", "/account/api-keys",
               "/support/tickets", "/billing/services/{service}/invoices"]
ADMIN_LISTS = ["/admin/users", "/admin/billing/categories", "/admin/billing/products", "/admin/billing/coupons",
               "/admin/billing/cancellations", "/admin/support/tickets"]
RATE = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")
# Every status the contract (and docs/api.md for the operator's requests) names, per list that filters by it.
STATUSES = {
    "/billing/orders": "pending awaiting_approval processing active cancelled refunded failed",
    "/billing/services": "pending active suspended terminated cancelled",
    "/billing/invoices": "pending paid overdue cancelled refunded",
    "/support/tickets": "open answered customer_reply closed",
    "/admin/support/tickets": "open answered customer_reply closed",
    "/admin/billing/cancellations": "pending approved rejected withdrawn",
}


@pytest.fixture(scope="module")
def world(shop) -> dict:
    shop.settings(tickets_enabled=True)
    try:
        product = shop.product(pricing=MONTHLY_10)
        buyer = shop.user(credits="100.00")
        service = buy(buyer, product["id"])["order"]["service_ids"][0]
        ticket = buyer.data("POST", "/support/tickets", {"subject": "r8", "department": "sales", "body": "hi"},
                            expect=201)
        buyer.data("POST", "/account/api-keys", {"name": "r8"}, expect=201)
        buyer.data("POST", f"/billing/services/{service}/cancel", {"type": "end_of_period", "reason": "r8"},
                   expect=201)
        buyer.data("DELETE", f"/billing/services/{service}/cancel", expect=204)
        shop.coupon()
    finally:
        shop.settings(tickets_enabled=False)
    return {"buyer": buyer, "service": service, "ticket": ticket, "product": product}


def caller(world: dict, admin, path: str):
    return (admin if path.startswith("/admin") else world["buyer"]), path.format(service=world["service"])


@pytest.mark.parametrize("path", BUYER_LISTS + ADMIN_LISTS)
def test_updated_since_must_be_a_time_and_is_read_as_utc_without_an_offset(world, admin, tickets_on, path):
    api, path = caller(world, admin, path)
    for bad in (" ", "2026-13-01", "2026-01-01T25:00:00Z", "2026-01-01T00:00:00Zjunk", "1700000000"):
        error = assert_error(api.get(path, params={"updated_since": bad}), 422, "validation_error", repr(bad))
        assert list(error["details"]) == ["updated_since"], error
    # (The catalogue's lists add archived rows once updated_since is given, so the three are not compared alike.)
    naive = api.get(path, params={"updated_since": "2000-01-01T00:00:00", "per_page": 100}).json()
    zoned = api.get(path, params={"updated_since": "2000-01-01T00:00:00Z", "per_page": 100}).json()
    shifted = api.get(path, params={"updated_since": "2000-01-01T01:00:00+01:00", "per_page": 100}).json()
    assert naive["data"] == zoned["data"] == shifted["data"] and naive["data"]
    # An empty updated_since is no filter, as the parameter left out (docs/api.md).
    assert api.get(path, params={"updated_since": "", "per_page": 100}).json()["data"] == \
        api.get(path, params={"per_page": 100}).json()["data"]
    future = api.get(path, params={"updated_since": "2999-01-01T00:00:00Z"})
    assert future.status_code == 200
    assert future.json()["data"] == [] and future.json()["meta"]["total"] == 0
    assert future.json()["meta"]["total_pages"] == 1


@pytest.mark.parametrize("path", BUYER_LISTS + ADMIN_LISTS)
def test_paging_is_never_clamped(world, admin, tickets_on, path):
    api, path = caller(world, admin, path)
    last = api.get(path, params={"page": 1_000_000})
    assert last.status_code == 200 and last.json()["data"] == [] and last.json()["meta"]["current_page"] == 1_000_000
    for name, bad in (("page", "1000001"), ("page", "99999999999999999999999"), ("page", ""), ("page", "-1"),
                      ("per_page", ""), ("per_page", "-5"), ("per_page", "1e1"), ("per_page", "0x10")):
        error = assert_error(api.get(path, params={name: bad}), 422, "validation_error", f"{name}={bad!r}")
        assert list(error["details"]) == [name], error
        assert all(h in api.get(path, params={name: bad}).headers for h in RATE)


@pytest.mark.parametrize("path", sorted(STATUSES))
def test_every_named_status_filters_and_an_unknown_one_is_refused(world, admin, tickets_on, path):
    api, path = caller(world, admin, path)
    for status in STATUSES[path].split():
        listed = api.get(path, params={"status": status})
        assert listed.status_code == 200, (status, listed.text)
        assert all(row["status"] == status for row in listed.json()["data"])
    for bad in ("bogus", "PENDING", f"{STATUSES[path].split()[0]},bogus", "draft"):
        error = assert_error(api.get(path, params={"status": bad}), 422, "validation_error", bad)
        assert list(error["details"]) == ["status"], error


def test_the_operators_cancellation_requests_filter_by_status(world, admin):
    buyer, service = world["buyer"], world["service"]
    asked = buyer.data("POST", f"/billing/services/{service}/cancel", {"type": "end_of_period", "reason": "r8"},
                       expect=201)
    pending = admin.data("GET", "/admin/billing/cancellations", params={"status": "pending", "per_page": 100})
    assert asked["id"] in [r["id"] for r in pending]
    buyer.data("DELETE", f"/billing/services/{service}/cancel", expect=204)
    pending = admin.data("GET", "/admin/billing/cancellations", params={"status": "pending", "per_page": 100})
    withdrawn = admin.data("GET", "/admin/billing/cancellations", params={"status": "withdrawn,rejected",
                                                                          "per_page": 100})
    assert asked["id"] not in [r["id"] for r in pending] and asked["id"] in [r["id"] for r in withdrawn]


def ask_and_withdraw(buyer, service: str):
    """A cancellation request asked and withdrawn: the service and the operator's list change, nothing stays open."""
    buyer.data("POST", f"/billing/services/{service}/cancel", {"type": "end_of_period", "reason": "etag"},
               expect=201)
    return buyer.delete(f"/billing/services/{service}/cancel")


def changes(world: dict, admin, shop) -> dict:
    """For each list, something that changes one of the rows it shows (or adds one)."""
    buyer, ticket, service, product = world["buyer"], world["ticket"], world["service"], world["product"]
    return {
        "/billing/categories": lambda: admin.put(f"/admin/billing/categories/{product['category']['id']}",
                                                 {"description": "moved"}),
        "/billing/products": lambda: admin.put(f"/admin/billing/products/{product['id']}", {"sort_order": 7}),
        "/billing/orders": lambda: buy(buyer, product["id"]),
        "/billing/invoices": lambda: buy(buyer, product["id"]),
        "/billing/services": lambda: ask_and_withdraw(buyer, service),
        "/billing/credits/transactions": lambda: admin.post(f"/admin/users/{buyer.user['id']}/credits",
                                                            {"amount": "1.00"}),
        "/notifications": lambda: buyer.post(
            f"/notifications/{buyer.data('GET', '/notifications')[0]['uuid']}/read"),
        "/account/api-keys": lambda: buyer.patch(
            f"/account/api-keys/{buyer.data('GET', '/account/api-keys')[0]['id']}", {"name": "renamed"}),
        "/support/tickets": lambda: buyer.post(f"/support/tickets/{ticket['id']}/replies", {"body": "more"}),
        "/admin/users": lambda: admin.post(f"/admin/users/{buyer.user['id']}/credits", {"amount": "1.00"}),
        "/admin/billing/categories": lambda: admin.put(f"/admin/billing/categories/{product['category']['id']}",
                                                       {"sort_order": 3}),
        "/admin/billing/products": lambda: admin.put(f"/admin/billing/products/{product['id']}", {"stock": 50}),
        "/admin/billing/coupons": lambda: shop.coupon(),
        "/admin/billing/cancellations": lambda: ask_and_withdraw(buyer, service),
        "/admin/support/tickets": lambda: admin.post(f"/admin/support/tickets/{ticket['id']}/replies",
                                                     {"body": "staff"}),
    }


@pytest.mark.parametrize("path", [p for p in BUYER_LISTS + ADMIN_LISTS if "{service}" not in p])
def test_a_lists_etag_moves_when_a_row_changes(world, admin, shop, tickets_on, path):
    api, url = caller(world, admin, path)
    # As a syncing client asks: the rows changed since its last look (the shared panel's lists run past a page).
    since = api.get(url, params={"per_page": 1}).json()["meta"]["server_time"]
    params = {"per_page": 100, "updated_since": since}
    before = api.get(url, params=params)
    tag = before.headers["ETag"]
    assert api.get(url, params=params, headers={"If-None-Match": tag}).status_code == 304
    response = changes(world, admin, shop)[path]()
    assert getattr(response, "status_code", 200) < 400, response.text
    after = api.get(url, params=params, headers={"If-None-Match": tag})
    assert after.status_code == 200 and after.headers["ETag"] != tag, path
    assert after.json()["data"] != before.json()["data"]
    assert api.get(url, params=params, headers={"If-None-Match": after.headers["ETag"]}).status_code == 304


def test_304_answers_carry_the_rate_headers_head_and_sync_state_too(world):
    buyer = world["buyer"]
    for path in ("/billing/invoices", "/sync/state", "/notifications"):
        tag = buyer.get(path).headers["ETag"]
        for method in ("GET", "HEAD"):
            cached = buyer.request(method, path, headers={"If-None-Match": tag})
            assert cached.status_code == 304 and cached.content == b"", (method, path)
            assert all(h in cached.headers for h in RATE), (method, path, dict(cached.headers))


def test_webhooks_carry_the_rate_headers_and_the_error_shape(panel):
    for path in ("/api/billing/webhooks/stripe", "/api/billing/webhooks/paypal"):
        refused = requests.post(panel.url + path, data=b"{}", headers={"Content-Type": "application/json"},
                                timeout=30)
        assert_error(refused, 400, "bad_request", path)
        assert all(h in refused.headers for h in RATE), path
