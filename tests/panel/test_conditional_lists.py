"""Every list the contract lets a client sync answers `If-None-Match` with 304 for its current tag, in each form a
client or a proxy may send it (RFC 9110 compares weakly on GET: `W/"t"` matches `"t"`; `*` matches anything
current; a header may list several tags), and 200 for any other tag. One user's lists, on the shared panel."""
from __future__ import annotations

import pytest

from tests.support.panel import Api

SYNCED_LISTS = ["/billing/categories", "/billing/products", "/billing/orders", "/billing/invoices",
                "/billing/services", "/billing/credits/transactions", "/notifications", "/account/api-keys"]


@pytest.fixture(scope="module")
def owner(shop) -> Api:
    buyer = shop.user(credits="20.00")
    product = shop.product()
    buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                                             "payment_method": "credits"}, expect=201)
    return buyer


@pytest.mark.parametrize("path", SYNCED_LISTS)
def test_a_list_answers_304_to_its_tag_in_every_form_and_200_to_another(owner, path):
    first = owner.get(path)
    assert first.status_code == 200, first.text
    tag = first.headers["ETag"]
    assert tag.startswith('"') and tag.endswith('"')
    for sent in (tag, f"W/{tag}", tag.strip('"'), f'"stale", {tag}', "*"):
        again = owner.get(path, headers={"If-None-Match": sent})
        assert again.status_code == 304, (path, sent)
        assert again.content == b"" and again.headers["ETag"] == tag
        assert "X-RateLimit-Remaining" in again.headers
    for sent in ('"stale"', 'W/"stale"', ""):
        again = owner.get(path, headers={"If-None-Match": sent})
        assert again.status_code == 200 and again.json()["data"] == first.json()["data"], (path, sent)
