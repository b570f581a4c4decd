"""Query parameters are refused like bodies: one wording and shape on every list (docs/api.md, "Validation messages":
"A body (or query parameter) refused by its model gets the panel's words, the same on every path"), and paging
takes plain whole numbers only ("Nothing is clamped").

`per_page=1.0` passed FastAPI's own check and was then refused by the list code in other words ("per_page must be a
whole number.", with no field prefix in `message`); `page=1_0`, `page=+2` and `page= 2` were read as pages 10 and 2,
because Python's int() reads them so.
"""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error


@pytest.mark.parametrize("query", ["per_page=1.0", "page=1_0", "page=%2B2", "page=%202", "page=2%20",
                                   "per_page=%D9%A3"])  # the last: ARABIC-INDIC DIGIT THREE
def test_paging_takes_plain_whole_numbers_only(shop, query):
    buyer = shop.user()
    name = query.split("=")[0]
    error = assert_error(buyer.get(f"/billing/invoices?{query}"), 422, "validation_error", query)
    assert error["details"] == {name: ["Must be a whole number."]}, error
    assert error["message"] == f"{name}: Must be a whole number."


@pytest.mark.parametrize("path", ["/billing/invoices", "/notifications", "/billing/products"])
def test_a_bad_updated_since_is_refused_in_the_shape_of_every_refusal(shop, path):
    buyer = shop.user()
    error = assert_error(buyer.get(f"{path}?updated_since=yesterday"), 422, "validation_error")
    assert list(error["details"]) == ["updated_since"]
    assert error["message"].startswith("updated_since: Must be an ISO-8601 time")
    assert error["details"]["updated_since"][0] == error["message"].removeprefix("updated_since: ")


def test_plain_paging_still_works(shop):
    buyer = shop.user()
    r = buyer.get("/billing/invoices?page=02&per_page=100")
    assert r.status_code == 200, r.text
    assert (r.json()["meta"]["current_page"], r.json()["meta"]["per_page"]) == (2, 100)
