"""Withdrawing a cancellation request is idempotent by nature (the contract's "Exactly-once actions"): a client
that replays a queued withdrawal after a lost answer gets the first answer (204) again, and nothing moves. Where
there never was a request to withdraw, or the newest one was decided, it stays 404."""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import buy_service
from tests.support.panel import Api


def ask(user: Api, service_id: str, type: str = "end_of_period") -> dict:
    return user.data("POST", f"/billing/services/{service_id}/cancel", {"type": type, "reason": "r10b"},
                     expect=201)


def withdraw(user: Api, service_id: str):
    return user.delete(f"/billing/services/{service_id}/cancel")


@pytest.fixture
def owner(shop) -> Api:
    return shop.user(credits="100.00")


def test_a_repeated_withdrawal_answers_204_and_changes_nothing(shop, owner):
    service = buy_service(owner, shop.product())
    asked = ask(owner, service["id"])
    assert withdraw(owner, service["id"]).status_code == 204
    row = owner.data("GET", f"/billing/services/{service['id']}")
    version = owner.data("GET", "/sync/state")["version"]
    for _ in range(2):
        again = withdraw(owner, service["id"])
        assert again.status_code == 204 and not again.content, again.text
    assert owner.data("GET", f"/billing/services/{service['id']}") == row
    assert row["cancellation"] is None
    assert owner.data("GET", "/sync/state")["version"] == version
    listed = shop.admin.data("GET", "/admin/billing/cancellations", params={"status": "withdrawn", "per_page": 100})
    assert [r["status"] for r in listed if r["id"] == asked["id"]] == ["withdrawn"]
    # A new request can still be made and withdrawn as usual.
    ask(owner, service["id"], "immediate")
    assert withdraw(owner, service["id"]).status_code == 204
    assert withdraw(owner, service["id"]).status_code == 204


def test_never_asked_unknown_or_someone_elses_is_404(shop, owner):
    service = buy_service(owner, shop.product())
    assert_error(withdraw(owner, service["id"]), 404, "not_found")
    assert_error(withdraw(owner, "no-such-service"), 404, "not_found")
    ask(owner, service["id"])
    assert withdraw(owner, service["id"]).status_code == 204
    stranger = shop.user()
    assert_error(withdraw(stranger, service["id"]), 404, "not_found")


@pytest.mark.parametrize("decision", ["approve", "reject"])
def test_a_decided_newest_request_is_still_404(shop, owner, decision):
    service = buy_service(owner, shop.product())
    ask(owner, service["id"])
    assert withdraw(owner, service["id"]).status_code == 204
    decided = ask(owner, service["id"])  # withdrawn, then asked again and decided: the newest is decided
    shop.admin.data("POST", f"/admin/billing/cancellations/{decided['id']}/{decision}")
    assert_error(withdraw(owner, service["id"]), 404, "not_found")


def test_marking_a_notification_read_again_is_204(shop, owner):
    buy_service(owner, shop.product())
    (note, *_) = owner.data("GET", "/notifications", params={"unread_only": "true"})
    for _ in range(3):
        r = owner.post(f"/notifications/{note['uuid']}/read")
        assert r.status_code == 204 and not r.content, r.text
    version = owner.data("GET", "/sync/state")["version"]
    assert owner.post(f"/notifications/{note['uuid']}/read").status_code == 204
    assert owner.data("GET", "/sync/state")["version"] == version
    assert_error(shop.user().post(f"/notifications/{note['uuid']}/read"), 404, "not_found")
