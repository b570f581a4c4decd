"""A filter given empty is refused, never read as "no filter" (docs/api.md, "Query parameters").

`?status=` (and `?category=`, `?unread_only=`, `?user_id=`) meant "every row", which a client building the value
from an empty choice did not mean; `?status=paid,` skipped the empty status. Each is now 422 `validation_error` on
that parameter, saying what to send or to leave the parameter out. `updated_since=` keeps its documented meaning
(a first sync).
"""
from __future__ import annotations

import pytest
import requests

from tests.panel.helpers import assert_error
from tests.panel.test_r9p_query_once import ADMIN_STATUS_LISTS, STATUS_LISTS
from tests.support.panel import Api


@pytest.fixture(scope="module")
def buyer(shop) -> Api:
    return shop.user()


@pytest.mark.parametrize("path", list(STATUS_LISTS))
@pytest.mark.parametrize("value", ["", "%20", ",", "paid,", ",paid", "pending,,paid"])
def test_an_empty_status_is_refused(buyer, tickets_on, path, value):
    error = assert_error(buyer.get(f"{path}?status={value}"), 422, "validation_error", value)
    assert list(error["details"]) == ["status"], error
    assert error["message"].startswith("status: Must not"), error
    assert "or more of" in error["message"], error


@pytest.mark.parametrize("path", list(ADMIN_STATUS_LISTS))
def test_the_operators_empty_status_is_refused(admin, path):
    error = assert_error(admin.get(f"{path}?status="), 422, "validation_error")
    assert list(error["details"]) == ["status"], error


@pytest.mark.parametrize("path, name", [("/billing/products", "category"), ("/notifications", "unread_only")])
def test_other_empty_filters_are_refused(buyer, path, name):
    error = assert_error(buyer.get(f"{path}?{name}="), 422, "validation_error")
    assert error["details"] == {name: [error["message"].removeprefix(f"{name}: ")]}, error
    assert "Must not be empty" in error["message"] and "leave the parameter out" in error["message"], error


def test_the_operators_empty_user_filter_is_refused(admin):
    error = assert_error(admin.get("/admin/support/tickets?user_id="), 422, "validation_error")
    assert list(error["details"]) == ["user_id"], error


def test_an_empty_updated_since_still_means_a_first_sync(buyer):
    """Documented (docs/api.md, "Everywhere"): `updated_since=` is read as no filter, a client's first sync."""
    assert buyer.get("/billing/invoices?updated_since=").status_code == 200


def test_the_openapi_description_declares_the_filters_non_empty(panel):
    spec = requests.get(panel.api_url + "/openapi.json", timeout=30).json()
    for path, name in [("/billing/invoices", "status"), ("/billing/products", "category"),
                       ("/notifications", "unread_only"), ("/admin/support/tickets", "user_id")]:
        op = spec["paths"]["/api/v1" + path]["get"]
        [param] = [p for p in op["parameters"] if p["name"] == name]
        assert param["in"] == "query" and not param.get("required"), param
        assert param["schema"].get("minLength") == 1 or any(s.get("minLength") == 1
                                                            for s in param["schema"].get("anyOf", [])), param
        assert "422" in op["responses"] and "200" in op["responses"], op["responses"]
