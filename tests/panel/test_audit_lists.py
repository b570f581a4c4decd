"""Contract audit of the list conventions on every list, the additions' lists included ("each addition follows the
conventions above: envelopes, error shape, pagination, `updated_since`, ETag/304 on lists"): the list envelope and
its meta, `page`/`per_page` bounds, a page past the end, `updated_since` at or after, rows carrying `updated_at`,
and `If-None-Match` answering 304. One buyer with two rows in each of their lists, on the shared panel."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10, buy
from tests.support.panel import Api

BUYER_LISTS = ["/billing/categories", "/billing/products", "/billing/orders", "/billing/invoices",
               "/billing/services", "/billing/credits/transactions", "/notifications", "/account/api-keys",
               "/support/tickets", "/billing/services/{service}/invoices"]
ADMIN_LISTS = ["/admin/users", "/admin/billing/categories", "/admin/billing/products", "/admin/billing/coupons",
               "/admin/billing/cancellations", "/admin/support/tickets"]
META = {"current_page", "per_page", "total", "total_pages"}


@pytest.fixture(scope="module")
def world(shop) -> dict:
    """A buyer with at least two rows in every list of theirs (and so the admin's)."""
    shop.settings(tickets_enabled=True)
    try:
        category = shop.category()
        products = [shop.product(category["id"], pricing=MONTHLY_10) for _ in range(2)]
        buyer = shop.user(credits="100.00")
        services = []
        for product in products:
            service_id = buy(buyer, product["id"])["order"]["service_ids"][0]
            services.append(service_id)
            buyer.data("POST", f"/billing/services/{service_id}/cancel",
                       {"type": "end_of_period", "reason": "audit"}, expect=201)
        for n in range(2):
            buyer.data("POST", "/account/api-keys", {"name": f"audit {n}"}, expect=201)
            buyer.data("POST", "/support/tickets", {"subject": f"audit {n}", "department": "sales", "body": "hi"},
                       expect=201)
        shop.coupon()
        shop.coupon()
    finally:
        shop.settings(tickets_enabled=False)
    return {"buyer": buyer, "service": services[0], "category": category}


@pytest.fixture
def open_tickets(shop):
    shop.settings(tickets_enabled=True)
    yield
    shop.settings(tickets_enabled=False)


def caller(world: dict, admin: Api, path: str) -> tuple[Api, str]:
    api = admin if path.startswith("/admin") else world["buyer"]
    return api, path.format(service=world["service"])


def stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="microseconds").replace("+00:00", "Z")


@pytest.mark.parametrize("path", BUYER_LISTS + ADMIN_LISTS)
def test_every_list_follows_the_list_conventions(world, admin, open_tickets, path):
    api, path = caller(world, admin, path)
    first = api.get(path)
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["success"] is True and isinstance(body["data"], list)
    meta = body["meta"]
    assert META <= set(meta) and meta["current_page"] == 1 and meta["per_page"] == 25
    assert meta["total"] >= 1 and meta["total_pages"] == -(-meta["total"] // 25)
    assert all(isinstance(row["updated_at"], str) and row["updated_at"].endswith("Z") for row in body["data"])

    # Paging: one row a page, the last page, and past the end (empty data, the real total).
    total = meta["total"]
    one = api.get(f"{path}?per_page=1&page={total}").json()
    assert len(one["data"]) == 1 and one["meta"] == {**one["meta"], "current_page": total, "per_page": 1,
                                                      "total": total, "total_pages": total}
    past = api.get(f"{path}?per_page=1&page={total + 1}").json()
    assert past["data"] == [] and past["meta"]["total"] == total
    ids = [api.get(f"{path}?per_page=1&page={n}").json()["data"][0] for n in range(1, min(total, 3) + 1)]
    assert ids == body["data"][:len(ids)]  # pages are slices of one order
    assert len(api.get(f"{path}?per_page=100").json()["data"]) == min(total, 100)
    for bad in ("page=0", "page=-1", "page=x", "page=1.5", "per_page=0", "per_page=101", "per_page=ten"):
        name = bad.partition("=")[0]
        assert set(assert_error(api.get(f"{path}?{bad}"), 422, "validation_error", bad)["details"]) == {name}

    # updated_since: rows changed at or after it; every row at or after its own newest stamp comes back.
    every = [row for n in range(1, -(-total // 100) + 1)
             for row in api.get(f"{path}?per_page=100&page={n}").json()["data"]]
    assert len(every) == total
    newest = max(row["updated_at"] for row in every)
    since = api.get(path, params={"updated_since": newest}).json()["data"]
    assert since and all(row["updated_at"] >= newest for row in since)
    later = datetime.fromisoformat(newest.replace("Z", "+00:00")) + timedelta(microseconds=1)
    assert api.get(path, params={"updated_since": stamp(later)}).json()["data"] == []
    assert_error(api.get(path, params={"updated_since": "last tuesday"}), 422, "validation_error")

    # ETag / If-None-Match.
    tag = first.headers["ETag"]
    cached = api.get(path, headers={"If-None-Match": tag})
    assert cached.status_code == 304 and cached.content == b"" and cached.headers["ETag"] == tag
    assert all(h in cached.headers for h in ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset"))
    assert api.get(path, headers={"If-None-Match": '"other"'}).status_code == 200
    assert api.get(f"{path}?per_page=1", headers={"If-None-Match": tag}).status_code == 200  # another page


def test_a_list_of_another_users_service_invoices_is_not_found(world, shop):
    stranger = shop.user()
    assert_error(stranger.get(f"/billing/services/{world['service']}/invoices"), 404, "not_found")
    assert_error(world["buyer"].get("/billing/services/no-such-service/invoices"), 404, "not_found")


def test_admin_lists_are_refused_to_customers(world):
    for path in ADMIN_LISTS:
        assert_error(world["buyer"].get(path), 403, "forbidden", path)
        assert_error(Api(world["buyer"].panel).get(path), 401, "unauthorized", path)
