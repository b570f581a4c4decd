"""A body made of thousands of unknown keys is refused as one problem, cheaply, in the contract's error shape.

Every unknown field is a `validation_error` of its own (docs/api.md, "Bodies"), so a body of tens of thousands of
made-up keys (well under the 1 MB limit) cost the panel seconds and came back as an answer of megabytes, twice the
request: a cheap way for a hostile client to make the panel work and send. The JSON guard now refuses a body with
more object keys than any request needs, before a route reads it.
"""
from __future__ import annotations

import json

import pytest

from panel.json_guard import MAX_KEYS
from tests.panel.helpers import assert_error
from tests.support.fixtures import admin_of

MANY = 5000


def _post(api, path: str, body) -> object:
    return api.request("POST", path, data=json.dumps(body), headers={"Content-Type": "application/json"})


@pytest.mark.parametrize("where", ["top", "nested"])
def test_thousands_of_unknown_keys_are_one_refusal_not_thousands(shop, where):
    buyer = shop.user()
    junk = {f"field{i}": 1 for i in range(MANY)}
    body = junk if where == "top" else {"items": [{"product_id": "x", "billing_cycle": "monthly", "config": junk}]}
    r = _post(buyer, "/billing/checkout/preview", body)
    error = assert_error(r, 422, "validation_error")
    assert list(error["details"]) == ["body"], list(error["details"])[:5]
    assert str(MAX_KEYS) in error["message"]
    assert len(r.content) < 2000


def test_a_body_with_every_setting_still_fits(fresh_panel):
    """The largest body the API takes (all settings at once, as GET shows them) is far below the limit."""
    admin = admin_of(fresh_panel())
    current = admin.data("GET", "/admin/billing/settings")
    writable = {k: v for k, v in current.items()
                if k not in ("license_billing", "secrets_encrypted", "secrets_note") and not k.endswith("_set")}
    assert len(writable) < MAX_KEYS // 10
    assert admin.put("/admin/billing/settings", json=writable).status_code == 200


def test_keys_spread_over_a_cart_count_together(shop):
    buyer = shop.user()
    per_item = MAX_KEYS // 10 + 1
    items = [{"product_id": "x", "billing_cycle": "monthly", "config": {f"k{i}": 1 for i in range(per_item)}}
             for _ in range(10)]
    error = assert_error(_post(buyer, "/billing/checkout/preview", {"items": items}), 422, "validation_error")
    assert list(error["details"]) == ["body"]
