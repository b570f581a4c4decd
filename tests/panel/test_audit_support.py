"""Contract audit of support tickets beyond their round trip: subjects are one line, the 20,000-character limit holds
for every writer (customer replies and staff replies too), refusals change nothing, Idempotency-Keys replay and
conflict per ticket, staff replies make a ticket `answered` with a `support` notification, and another user's
ticket is 404 on every path. Shared panel, tickets switched on for each test."""
from __future__ import annotations

import sqlite3

import pytest

from tests.panel.helpers import assert_error
from tests.support.panel import Api, PanelProcess

pytestmark = pytest.mark.usefixtures("tickets_on")


def rows(proc: PanelProcess) -> tuple[int, int]:
    with sqlite3.connect(f"file:{proc.db_path}?mode=ro", uri=True) as db:
        return (db.execute("SELECT COUNT(*) FROM tickets").fetchone()[0],
                db.execute("SELECT COUNT(*) FROM ticket_messages").fetchone()[0])


def open_ticket(customer: Api, **fields) -> dict:
    body = {"subject": "Audit", "department": "technical", "body": "Hello", **fields}
    return customer.data("POST", "/support/tickets", body, expect=201)


@pytest.mark.parametrize("subject", ["two\nlines", "carriage\rreturn", "tab\there", "nul\x00here", "bell\x07",
                                     "", "   ", "x" * 201, 42, None])
def test_a_subject_is_one_line_of_1_to_200_characters(shop, panel, subject):
    customer = shop.user()
    before = rows(panel)
    error = assert_error(customer.post("/support/tickets", {"subject": subject, "department": "sales",
                                                            "body": "Hi"}), 422, "validation_error")
    assert list(error["details"]) == ["subject"]
    assert rows(panel) == before


def test_a_subject_of_200_characters_is_fine_and_trimmed(shop):
    ticket = open_ticket(shop.user(), subject="  " + "s" * 200 + "  ")
    assert ticket["subject"] == "s" * 200


def test_the_body_limit_holds_for_customer_and_staff_replies_alike(shop, admin, panel):
    customer = shop.user()
    ticket = open_ticket(customer)
    path = f"/support/tickets/{ticket['id']}/replies"
    staff_path = f"/admin/support/tickets/{ticket['id']}/replies"
    before = rows(panel)
    for api, where in ((customer, path), (admin, staff_path)):
        for body in ("y" * 20_001, "", " \n\t ", "a\x00b", 7, None):
            error = assert_error(api.post(where, {"body": body}), 422, "validation_error", f"{where} {body!r:.20}")
            assert list(error["details"]) == ["body"]
    assert rows(panel) == before
    assert customer.data("POST", path, {"body": "é" * 20_000}, expect=201)["body"] == "é" * 20_000
    assert admin.data("POST", staff_path, {"body": "z" * 20_000}, expect=201)["author"]["staff"] is True


def test_a_staff_reply_answers_the_ticket_and_notifies_its_customer_only(shop, admin):
    customer, bystander = shop.user(), shop.user()
    ticket = open_ticket(customer)
    version = customer.data("GET", "/sync/state")["version"]
    message = admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies", {"body": "We are on it."},
                         expect=201)
    assert message["author"]["staff"] is True and message["body"] == "We are on it."
    detail = customer.data("GET", f"/support/tickets/{ticket['id']}")
    assert detail["status"] == "answered" and detail["messages"][-1]["id"] == message["id"]
    assert customer.data("GET", "/sync/state")["version"] != version
    (note,) = [n for n in customer.data("GET", "/notifications") if n["type"] == "support"]
    assert note["read"] is False and ticket["id"] in (note["action_url"] or "")
    assert not [n for n in bystander.data("GET", "/notifications") if n["type"] == "support"]
    # The customer writes back: customer_reply; staff again: answered.
    customer.data("POST", f"/support/tickets/{ticket['id']}/replies", {"body": "Thanks"}, expect=201)
    assert customer.data("GET", f"/support/tickets/{ticket['id']}")["status"] == "customer_reply"


def test_staff_paths_answer_404_for_an_unknown_ticket_and_403_to_customers(shop, admin):
    customer = shop.user()
    ticket = open_ticket(customer)
    assert_error(admin.post("/admin/support/tickets/no-such-ticket/replies", {"body": "x"}), 404, "not_found")
    assert_error(admin.get("/admin/support/tickets/no-such-ticket"), 404, "not_found")
    assert_error(customer.post(f"/admin/support/tickets/{ticket['id']}/replies", {"body": "x"}), 403, "forbidden")
    assert_error(customer.get(f"/admin/support/tickets/{ticket['id']}"), 403, "forbidden")


def test_another_users_ticket_is_404_on_every_path_and_untouched(shop, panel):
    owner, stranger = shop.user(), shop.user()
    ticket = open_ticket(owner)
    before = rows(panel)
    for method, path, body in [("GET", f"/support/tickets/{ticket['id']}", None),
                               ("POST", f"/support/tickets/{ticket['id']}/replies", {"body": "mine now"}),
                               ("POST", f"/support/tickets/{ticket['id']}/close", None)]:
        assert_error(stranger.request(method, path, json=body), 404, "not_found", path)
    assert rows(panel) == before
    assert owner.data("GET", f"/support/tickets/{ticket['id']}")["status"] == "open"
    assert ticket["id"] not in [t["id"] for t in stranger.data("GET", "/support/tickets")]


def test_idempotency_keys_replay_and_conflict_per_ticket(shop, panel):
    customer = shop.user()
    body = {"subject": "Once", "department": "billing", "body": "Only one please"}
    key = {"Idempotency-Key": "audit-ticket-1"}
    first = customer.post("/support/tickets", body, headers=key)
    again = customer.post("/support/tickets", body, headers=key)
    assert first.status_code == again.status_code == 201 and first.json() == again.json()
    before = rows(panel)
    assert_error(customer.post("/support/tickets", {**body, "body": "Another"}, headers=key), 409,
                 "idempotency_conflict")
    ticket_id = first.json()["data"]["id"]
    other = open_ticket(customer)
    reply_key = {"Idempotency-Key": "audit-reply-1"}
    sent = customer.post(f"/support/tickets/{ticket_id}/replies", {"body": "More"}, headers=reply_key)
    resent = customer.post(f"/support/tickets/{ticket_id}/replies", {"body": "More"}, headers=reply_key)
    assert sent.status_code == resent.status_code == 201 and sent.json() == resent.json()
    # The same key on another ticket is another request: a conflict, not a reply there.
    assert_error(customer.post(f"/support/tickets/{other['id']}/replies", {"body": "More"}, headers=reply_key),
                 409, "idempotency_conflict")
    assert rows(panel) == (before[0] + 1, before[1] + 2)  # the other ticket and its message, one reply
    assert len(customer.data("GET", f"/support/tickets/{other['id']}")["messages"]) == 1


@pytest.mark.parametrize("field", ["invoice_id", "service_id"])
@pytest.mark.parametrize("value", ["", " ", "no-such-row"])
def test_a_related_id_that_is_empty_or_unknown_is_a_422_on_it(shop, panel, field, value):
    customer = shop.user()
    before = rows(panel)
    body = {"subject": "Related", "department": "billing", "body": "See this", field: value}
    error = assert_error(customer.post("/support/tickets", body), 422, "validation_error")
    assert list(error["details"]) == [field]
    assert rows(panel) == before
