"""A service cancellation request is made once per Idempotency-Key: a client replaying a queued request after a
lost answer gets the first answer back, never a second request (or a 409 for its own first one)."""
from __future__ import annotations

from tests.panel.helpers import assert_error
from tests.panel.test_concurrency import at_once
from tests.support.catalogue import buy_service
from tests.support.panel import Api

BODY = {"type": "end_of_period", "reason": "Moving elsewhere"}


def ask(user: Api, service_id: str, key: str, body: dict = BODY):
    return user.post(f"/billing/services/{service_id}/cancel", body, headers={"Idempotency-Key": key})


def test_the_same_key_replays_the_first_request(shop):
    owner = shop.user(credits="20.00")
    service = buy_service(owner, shop.product())
    first, again = ask(owner, service["id"], "svc-cancel-1"), ask(owner, service["id"], "svc-cancel-1")
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    assert_error(owner.post(f"/billing/services/{service['id']}/cancel", BODY), 409, "conflict")  # no key: a second
    assert_error(ask(owner, service["id"], "svc-cancel-1", {**BODY, "type": "immediate"}), 409,
                 "idempotency_conflict")
    shown = owner.data("GET", f"/billing/services/{service['id']}")["cancellation"]
    assert shown["id"] == first.json()["data"]["id"]


def test_ten_replays_at_once_make_one_request(shop):
    owner = shop.user(credits="20.00")
    service = buy_service(owner, shop.product())
    answers = at_once([lambda api=Api(owner.panel, owner.token): ask(api, service["id"], "svc-cancel-2")
                       for _ in range(10)])
    assert [a.status_code for a in answers] == [201] * 10
    assert len({a.json()["data"]["id"] for a in answers}) == 1


def test_a_refused_request_does_not_spend_its_key(shop):
    owner = shop.user(credits="20.00")
    service = buy_service(owner, shop.product())
    assert_error(ask(owner, service["id"], "svc-cancel-3", {**BODY, "reason": ""}), 422, "validation_error")
    assert_error(ask(owner, "no-such-service", "svc-cancel-4"), 404, "not_found")
    assert ask(owner, service["id"], "svc-cancel-4").status_code == 201
    assert_error(ask(owner, service["id"], "bad key"), 422, "validation_error")
