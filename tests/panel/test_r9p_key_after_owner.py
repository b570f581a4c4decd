"""A keyed action naming a row that is not the caller's answers as it does without a key (docs/api.md,
"Idempotency-Key": the rows a request names are looked up before its key).

An Idempotency-Key the caller had already used, sent with another user's order, invoice, service or ticket, was
409 `idempotency_conflict` where the same request without a key was 404: the answer depended on what the caller's
keys had been used for. Now it is 404 (or, for ids in a body, the 422 that names the field) whatever the key.
"""
from __future__ import annotations

import uuid

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import buy_service


@pytest.fixture(scope="module")
def rows(shop):
    """A buyer whose key `used` went to a cancellation request of their own service, and another user's rows."""
    product = shop.product()
    buyer, other = shop.user(credits="100.00"), shop.user(credits="100.00")
    own = buy_service(buyer, product)
    spare = buy_service(buyer, product)
    theirs = buy_service(other, product)
    used = f"r9p-{uuid.uuid4()}"
    body = {"type": "end_of_period", "reason": "moving elsewhere"}
    first = buyer.post(f"/billing/services/{own['id']}/cancel", body, headers={"Idempotency-Key": used})
    assert first.status_code == 201, first.text
    return {"buyer": buyer, "other": other, "used": used, "own": own, "spare": spare, "theirs": theirs,
            "cancel_body": body, "first": first.json()}


def _foreign_paths(rows) -> dict[str, tuple[str, dict | None]]:
    theirs = rows["theirs"]
    return {
        "order cancel": (f"/billing/orders/{theirs['order_id']}/cancel", None),
        "top-up cancel": (f"/billing/invoices/{_invoice_of(rows['other'], theirs)}/cancel", None),
        "invoice pay": (f"/billing/invoices/{_invoice_of(rows['other'], theirs)}/pay",
                        {"payment_method": "credits"}),
        "service cancel": (f"/billing/services/{theirs['id']}/cancel", rows["cancel_body"]),
    }


def _invoice_of(owner, service: dict) -> str:
    return owner.data("GET", f"/billing/orders/{service['order_id']}")["invoice_id"]


@pytest.mark.parametrize("what", ["order cancel", "top-up cancel", "invoice pay", "service cancel"])
@pytest.mark.parametrize("key", ["used", "fresh", None])
def test_another_users_row_is_404_whatever_the_key(rows, what, key):
    path, body = _foreign_paths(rows)[what]
    headers = {"Idempotency-Key": rows["used"] if key == "used" else f"r9p-{uuid.uuid4()}"} if key else None
    error = assert_error(rows["buyer"].post(path, body, headers=headers), 404, "not_found", f"{what} {key}")
    assert error["details"] == {}


@pytest.mark.parametrize("what", ["order cancel", "top-up cancel", "invoice pay", "service cancel"])
def test_an_unknown_row_with_a_used_key_is_404_too(rows, what):
    path, body = _foreign_paths(rows)[what]
    unknown = path.replace(path.split("/")[3], str(uuid.uuid4()))
    assert_error(rows["buyer"].post(unknown, body, headers={"Idempotency-Key": rows["used"]}), 404, "not_found")


def test_the_key_still_replays_and_still_conflicts_on_the_callers_own_rows(rows):
    buyer, used = rows["buyer"], rows["used"]
    again = buyer.post(f"/billing/services/{rows['own']['id']}/cancel", rows["cancel_body"],
                       headers={"Idempotency-Key": used})
    assert (again.status_code, again.json()) == (201, rows["first"])
    # The caller's own other service, same key: the key's conflict, as before.
    assert_error(buyer.post(f"/billing/services/{rows['spare']['id']}/cancel", rows["cancel_body"],
                            headers={"Idempotency-Key": used}), 409, "idempotency_conflict")


def test_pay_all_naming_another_users_invoice_is_422_on_it_whatever_the_key(rows):
    theirs = _invoice_of(rows["other"], rows["theirs"])
    body = {"invoice_ids": [theirs], "payment_method": "credits"}
    for key in (rows["used"], f"r9p-{uuid.uuid4()}", None):
        headers = {"Idempotency-Key": key} if key else None
        error = assert_error(rows["buyer"].post("/billing/invoices/pay", body, headers=headers), 422,
                             "validation_error", str(key))
        assert list(error["details"]) == ["invoice_ids.0"], error


def test_a_ticket_reply_or_a_ticket_naming_another_users_rows_whatever_the_key(rows, tickets_on):
    other, buyer, used = rows["other"], rows["buyer"], rows["used"]
    ticket = other.data("POST", "/support/tickets", {"subject": "Mine", "department": "billing", "body": "Hello"},
                        expect=201)
    for key in (used, None):
        headers = {"Idempotency-Key": key} if key else None
        assert_error(buyer.post(f"/support/tickets/{ticket['id']}/replies", {"body": "Me too"}, headers=headers),
                     404, "not_found", str(key))
        naming = {"subject": "Theirs", "department": "billing", "body": "Hello", "service_id": rows["theirs"]["id"]}
        error = assert_error(buyer.post("/support/tickets", naming, headers=headers), 422, "validation_error",
                             str(key))
        assert list(error["details"]) == ["service_id"], error
