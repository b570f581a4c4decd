"""Every `/admin/*` path is the operator's, whatever the method: the contract's "Role `admin` only; anyone else gets
403". OPTIONS (or TRACE, PATCH, a method a path lacks, a path no operation serves) asked by a signed-in non-admin
answered 405 naming the operator's methods, or 404, so what the answer was depended on the operator's API and told
a customer about it. Now a non-admin gets 403 `forbidden` and an anonymous caller 401, as for a real operation,
before any 404 or 405; an admin still gets the 404, and the 405 with `Allow`, in the error shape."""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error
from tests.support.panel import Api

REAL = "/admin/billing/settings"                  # GET, PUT
ROW = "/admin/billing/categories/no-such-row"     # DELETE, GET, PUT
ACTION = "/admin/billing/jobs/run"                # POST
PATHS = (REAL, ROW, ACTION, "/admin/users", "/admin/no-such-thing", "/admin/billing/no/such/thing", "/admin")
METHODS = ("OPTIONS", "TRACE", "PATCH", "PUT", "DELETE", "POST", "GET", "HEAD", "PROPFIND")


@pytest.fixture(scope="module")
def customer(shop) -> Api:
    return shop.user(credits="3.00")


def _refused(response, status: int, code: str, what) -> None:
    if response.request.method == "HEAD":  # the same status and headers, no body
        assert response.status_code == status and response.content == b"", what
    else:
        assert_error(response, status, code, str(what))
    assert "Allow" not in response.headers, what   # the operator's methods are not told


@pytest.mark.parametrize("method", METHODS)
def test_a_non_admin_gets_403_on_every_admin_path_whatever_the_method(customer, anon, method):
    for path in PATHS:
        _refused(customer.request(method, path), 403, "forbidden", (method, path))
        _refused(anon.request(method, path), 401, "unauthorized", (method, path))


def test_an_api_key_of_a_non_admin_is_refused_alike(customer, panel):
    key = customer.data("POST", "/account/api-keys", {"name": "r11 admin gate"}, expect=201)["key"]
    by_key = Api(panel, token=key)
    for method in ("OPTIONS", "TRACE", "GET"):
        for path in (REAL, "/admin/no-such-thing"):
            _refused(by_key.request(method, path), 403, "forbidden", (method, path))


def test_the_gate_changes_nothing(customer, shop):
    me = customer.data("GET", "/auth/me")
    for method in ("POST", "PUT", "PATCH", "DELETE", "OPTIONS"):
        _refused(customer.request(method, f"/admin/users/{me['id']}/credits", json={"amount": "500.00"}), 403,
                 "forbidden", method)
        _refused(customer.request(method, REAL, json={"panel_name": "taken over"}), 403, "forbidden", method)
    assert customer.data("GET", "/billing/credits")["balance"] == "3.00"
    assert shop.admin.data("GET", REAL)["panel_name"] != "taken over"


def test_an_admin_still_gets_the_404_and_the_405_naming_the_methods(admin):
    for method in ("OPTIONS", "TRACE", "PATCH", "PROPFIND"):
        wrong = admin.request(method, REAL)
        error = assert_error(wrong, 405, "method_not_allowed", method)
        assert wrong.headers["Allow"] == "GET, PUT", method
        assert error["message"] == f"{method} is not allowed here; use GET or PUT.", error
        wrong = admin.request(method, ACTION)
        assert_error(wrong, 405, "method_not_allowed", method)
        assert wrong.headers["Allow"] == "POST"
        for path in ("/admin/no-such-thing", "/admin/billing/no/such/thing", "/admin"):
            assert_error(admin.request(method, path), 404, "not_found", f"{method} {path}")
    head = admin.request("HEAD", ACTION)                 # HEAD is its GET, which the path does not serve
    assert head.status_code == 405 and head.headers["Allow"] == "POST" and head.content == b""
    assert admin.request("HEAD", REAL).status_code == 200
    assert_error(admin.request("GET", ROW), 404, "not_found")


def test_a_trailing_slash_on_an_admin_path_still_redirects_before_any_gate(customer):
    moved = customer.get("/admin/users/", allow_redirects=False)
    assert moved.status_code == 307 and moved.headers["Location"] == "/api/v1/admin/users"
    _refused(customer.get("/admin/users/"), 403, "forbidden", "followed")
