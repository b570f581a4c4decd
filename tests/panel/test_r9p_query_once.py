"""A query parameter an operation takes, given twice, is refused (docs/api.md, "Query parameters").

`?status=paid&status=pending` and `?page=1&page=2` were answered with the last value, the others dropped without a
word. Now it is 422 `validation_error` on that parameter, in the shape every refusal has, after the login and gates
(a caller without a login still gets 401) and before anything is looked up. Parameters an operation does not take
are still ignored.
"""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error
from tests.support.panel import Api

# Every operation that takes query parameters, with a value each takes (LIST_PARAMS' paging on all of them).
STATUS_LISTS = {
    "/billing/orders": "pending",
    "/billing/invoices": "paid",
    "/billing/services": "active",
    "/support/tickets": "open",
}
ADMIN_STATUS_LISTS = {"/admin/billing/cancellations": "pending", "/admin/support/tickets": "open"}
PAGED = ["/account/api-keys", "/billing/categories", "/billing/products", "/billing/credits/transactions",
         "/notifications", *STATUS_LISTS]
ADMIN_PAGED = ["/admin/billing/categories", "/admin/billing/products", "/admin/billing/coupons", "/admin/users",
               *ADMIN_STATUS_LISTS]


@pytest.fixture(scope="module")
def buyer(shop) -> Api:
    return shop.user()


def _refused_twice(response, name: str, count: int = 2) -> dict:
    error = assert_error(response, 422, "validation_error", name)
    text = f"Must be given once (it was given {count} times)."
    assert error["details"][name][0].startswith(text), error
    assert error["message"] == f"{name}: {error['details'][name][0]}", error
    return error


@pytest.mark.parametrize("path", PAGED)
@pytest.mark.parametrize("query, name", [("page=1&page=2", "page"), ("per_page=5&per_page=5", "per_page"),
                                         ("updated_since=2026-01-01&updated_since=2027-01-01", "updated_since")])
def test_paging_given_twice_is_refused_on_every_list(buyer, tickets_on, path, query, name):
    _refused_twice(buyer.get(f"{path}?{query}"), name)


@pytest.mark.parametrize("path", ADMIN_PAGED)
def test_the_operators_lists_refuse_it_too(admin, path):
    _refused_twice(admin.get(f"{path}?per_page=1&per_page=100"), "per_page")


@pytest.mark.parametrize("path, value", list(STATUS_LISTS.items()))
def test_a_status_given_twice_is_refused_and_says_how_to_ask_for_several(buyer, tickets_on, path, value):
    error = _refused_twice(buyer.get(f"{path}?status={value}&status={value}"), "status")
    assert "separated by commas: status=pending,overdue" in error["message"]
    _refused_twice(buyer.get(f"{path}?status={value}&page=1&status={value}&status={value}"), "status", 3)


@pytest.mark.parametrize("path, value", list(ADMIN_STATUS_LISTS.items()))
def test_the_operators_status_filters_refuse_it_too(admin, path, value):
    _refused_twice(admin.get(f"{path}?status={value}&status={value}"), "status")


def test_every_parameter_given_twice_is_named(buyer):
    error = _refused_twice(buyer.get("/billing/invoices?per_page=3&status=paid&per_page=4&status=pending"),
                           "per_page")
    assert set(error["details"]) == {"per_page", "status"}, error


def test_other_filters_given_twice(buyer, admin, shop):
    category = shop.category()
    _refused_twice(buyer.get(f"/billing/products?category={category['id']}&category={category['slug']}"),
                   "category")
    _refused_twice(buyer.get("/notifications?unread_only=true&unread_only=false"), "unread_only")
    _refused_twice(admin.get(f"/admin/support/tickets?user_id={buyer.user['id']}&user_id=x"), "user_id")


def test_a_parameter_the_operation_does_not_take_is_still_ignored(buyer):
    for path in ("/billing/invoices?_=1&_=2", "/billing/dashboard?x=1&x=2", "/auth/me?a=&a="):
        assert buyer.get(path).status_code == 200, path


def test_given_once_each_still_works(buyer):
    r = buyer.get("/billing/invoices?status=paid,pending&page=1&per_page=10&updated_since=2000-01-01T00:00:00Z")
    assert r.status_code == 200, r.text
    assert (r.json()["meta"]["current_page"], r.json()["meta"]["per_page"]) == (1, 10)


def test_the_login_comes_first(anon):
    assert_error(anon.get("/billing/invoices?page=1&page=2"), 401, "unauthorized")
    assert_error(anon.get("/billing/invoices?status="), 401, "unauthorized")


def test_head_is_refused_as_get_is(buyer):
    assert buyer.request("HEAD", "/billing/orders?page=1&page=1").status_code == 422
