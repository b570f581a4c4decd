"""Contract audit of "`X-RateLimit-Limit/Remaining/Reset` on every response": one of each kind of answer the panel
gives (200, 201, 204, 304, 307, 401, 403, 404, 405, 409, 422, and a 429), each carrying the three headers, with
Remaining counting down per request and Reset a time in the near future. Shared panel (its limit is huge) and
a private one with a limit of a few requests for the 429."""
from __future__ import annotations

import time

from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10
from tests.support.panel import Api, PanelProcess

HEADERS = ("X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset")


def assert_headers(response, status: int) -> int:
    assert response.status_code == status, (status, response.status_code, response.text)
    assert all(name in response.headers for name in HEADERS), (status, dict(response.headers))
    reset = int(response.headers["X-RateLimit-Reset"])
    # A Unix time at most a window (60 s, rounded up) after the answer, which came before this line ran.
    assert 1_600_000_000 < reset <= time.time() + 61, reset
    return int(response.headers["X-RateLimit-Remaining"])


def test_every_kind_of_answer_carries_the_headers(shop):
    buyer = shop.user(credits="10.00")
    product = shop.product(pricing=MONTHLY_10, stock=1)
    listed = buyer.get("/billing/invoices")
    remaining = [assert_headers(listed, 200)]
    remaining.append(assert_headers(buyer.get("/billing/invoices", headers={"If-None-Match": listed.headers["ETag"]}),
                                    304))
    remaining.append(assert_headers(buyer.post("/account/api-keys", {"name": "h"}), 201))
    key_id = buyer.data("GET", "/account/api-keys")[0]["id"]
    remaining.append(assert_headers(buyer.delete(f"/account/api-keys/{key_id}"), 204))
    remaining.append(assert_headers(buyer.get("/billing/invoices/", allow_redirects=False), 307))
    remaining.append(assert_headers(Api(buyer.panel).get("/billing/invoices"), 401))
    remaining.append(assert_headers(buyer.get("/admin/users"), 403))
    remaining.append(assert_headers(buyer.get("/billing/orders/no-such-order"), 404))
    remaining.append(assert_headers(buyer.put("/billing/checkout", {}), 405))
    remaining.append(assert_headers(buyer.post("/billing/checkout", {"items": []}), 422))
    item = {"items": [{"product_id": product["id"], "billing_cycle": "monthly", "quantity": 2}],
            "payment_method": "credits"}
    remaining.append(assert_headers(buyer.post("/billing/checkout", item), 409))
    # Authenticated requests of one credential count down one by one (the 401 counted against the address).
    mine = [r for i, r in enumerate(remaining) if i != 5]
    assert mine == sorted(mine, reverse=True) and len(set(mine)) == len(mine)


def test_a_429_carries_retry_after_and_the_headers(tmp_path):
    proc = PanelProcess(tmp_path / "audit-limit", rate_limit=3).start()
    try:
        anon = Api(proc)
        answers = [anon.get("/settings/public") for _ in range(4)]
        assert [a.status_code for a in answers[:3]] == [200, 200, 200]
        assert [int(a.headers["X-RateLimit-Remaining"]) for a in answers[:3]] == [2, 1, 0]
        limited = answers[3]
        assert_error(limited, 429, "rate_limited")
        assert_headers(limited, 429)
        assert 1 <= int(limited.headers["Retry-After"]) <= 60
        assert limited.headers["X-RateLimit-Limit"] == "3" and limited.headers["X-RateLimit-Remaining"] == "0"
    finally:
        proc.stop()
