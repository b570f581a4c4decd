"""Input from outside that once broke the panel: dates beyond datetime's range, bodies that are not UTF-8 JSON, and
forwarded headers from clients that are not a proxy the operator named (issue 15)."""
from __future__ import annotations

import pytest

from panel.__main__ import _parser
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api

# In UTC these fall before year 1 or after year 9999: datetime overflowed and the panel answered 500.
OUT_OF_RANGE = ["0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"]
SYNCED_LISTS = ["/billing/categories", "/billing/products", "/billing/orders", "/billing/invoices",
                "/billing/services", "/billing/credits/transactions", "/notifications", "/account/api-keys"]


@pytest.fixture(scope="module")
def buyer(shop) -> Api:
    return shop.user()


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
def test_updated_since_out_of_range_is_422_on_that_field(buyer, moment):
    for path in SYNCED_LISTS:
        error = assert_error(buyer.get(path, params={"updated_since": moment}), 422, "validation_error", path)
        assert "updated_since" in error["details"], path


def test_the_extreme_moments_that_fit_still_work(buyer):
    for moment in ("0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999Z", "0001-01-01T00:00:00-01:00"):
        r = buyer.get("/billing/orders", params={"updated_since": moment})
        assert r.status_code == 200, (moment, r.text)


@pytest.mark.parametrize("moment", OUT_OF_RANGE)
def test_coupon_expiry_out_of_range_is_422_on_create_and_update(shop, admin, moment):
    body = {"code": "RANGE" + moment[:4], "type": "percent", "value": "5", "expires_at": moment}
    error = assert_error(admin.post("/admin/billing/coupons", body), 422, "validation_error")
    assert "expires_at" in error["details"]
    coupon = shop.coupon()
    error = assert_error(admin.put(f"/admin/billing/coupons/{coupon['id']}", {"expires_at": moment}),
                         422, "validation_error")
    assert "expires_at" in error["details"]
    assert admin.data("GET", f"/admin/billing/coupons/{coupon['id']}")["expires_at"] is None


def test_year_one_is_written_with_four_digits(shop):
    # Text order is time order only if every year has four digits.
    coupon = shop.coupon(expires_at="0001-01-01T00:00:00Z")
    assert coupon["expires_at"] == "0001-01-01T00:00:00.000000Z"


@pytest.mark.parametrize("body", [b"\xff\xfe{not utf-8", b'{"email": "\xe9"}', b"{broken", b"[1, 2"])
def test_undecodable_or_malformed_json_is_422_on_body(anon, body):
    r = anon.post("/auth/login", data=body, headers={"Content-Type": "application/json"})
    error = assert_error(r, 422, "validation_error")
    assert "body" in error["details"]


def test_undecodable_admin_bodies_are_422_too(admin):
    r = admin.post("/admin/billing/categories", data=b"\xff\xff", headers={"Content-Type": "application/json"})
    assert "body" in assert_error(r, 422, "validation_error")["details"]


def _key_holder(buyer: Api, allowed: list[str]) -> Api:
    key = buyer.data("POST", "/account/api-keys", {"name": "proxy test", "allowed_ips": allowed}, expect=201)["key"]
    return Api(buyer.panel, token=key)


def test_forwarded_for_is_ignored_unless_the_operator_names_the_proxy(buyer):
    holder = _key_holder(buyer, ["10.0.0.0/8"])
    assert_error(holder.get("/auth/me"), 403, "forbidden")
    for header in ("X-Forwarded-For", "X-Real-IP", "Forwarded"):
        value = "for=10.1.2.3" if header == "Forwarded" else "10.1.2.3"
        assert_error(holder.get("/auth/me", headers={header: value}), 403, "forbidden", header)


def test_a_named_proxy_is_believed_and_the_allowlist_sees_the_forwarded_address(fresh_panel):
    proc = fresh_panel(extra_args=["--forwarded-allow-ips", "127.0.0.1"])
    holder = _key_holder(Shop(admin_of(proc)).user(), ["10.0.0.0/8"])
    assert holder.get("/auth/me", headers={"X-Forwarded-For": "10.1.2.3"}).status_code == 200
    assert_error(holder.get("/auth/me", headers={"X-Forwarded-For": "192.168.1.1"}), 403, "forbidden")
    assert_error(holder.get("/auth/me"), 403, "forbidden")  # the proxy's own address is not in the list


def test_the_option_is_off_by_default():
    assert _parser().parse_args(["serve", "--db", "x.db"]).forwarded_allow_ips == ""


def test_a_chunked_body_over_1_mb_is_413_like_one_with_a_content_length(buyer):
    """A chunked body has no Content-Length to check up front; it was read whole into memory (and then parsed)."""
    def chunks():
        yield b'{"items": [], "coupon_code": "'
        for _ in range(1100):
            yield b"x" * 1000
        yield b'"}'

    r = buyer.post("/billing/checkout/preview", data=chunks(), headers={"Content-Type": "application/json"})
    assert "Content-Length" not in r.request.headers  # it really went chunked
    assert_error(r, 413, "payload_too_large")
    assert "X-RateLimit-Limit" in r.headers
    # a chunked body within the limit is read as before
    small = buyer.post("/billing/checkout/preview", data=iter([b'{"items": ', b"[]}"]),
                       headers={"Content-Type": "application/json"})
    assert_error(small, 422, "validation_error")
