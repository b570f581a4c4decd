"""Support tickets over real HTTP on a private panel (the tests switch `tickets_enabled`): opening, replies from
both sides, closing and reopening, isolation, plain-text bodies, idempotent replays, and synced lists."""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error
from tests.panel.test_concurrency import at_once
from tests.support.catalogue import Shop, buy_service
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess

TICKET_KEYS = {"id", "ticket_number", "subject", "status", "department", "related", "last_reply_at", "created_at",
               "updated_at"}
SCRIPT = "<script>alert('x')</script> & <b>bold</b>"


@pytest.fixture(scope="module")
def support_panel(tmp_path_factory) -> PanelProcess:
    proc = PanelProcess(tmp_path_factory.mktemp("support")).start()
    Shop(admin_of(proc)).settings(tickets_enabled=True)
    yield proc
    proc.stop()


@pytest.fixture(scope="module")
def shop(support_panel) -> Shop:
    return Shop(admin_of(support_panel))


@pytest.fixture
def customer(shop) -> Api:
    return shop.user(credits="50.00")


def open_ticket(user: Api, key: str | None = None, **fields):
    body = {"subject": "Invoice question", "department": "billing", "body": "Why is the tax 20%?", **fields}
    return user.post("/support/tickets", body, headers={"Idempotency-Key": key} if key else None)


def new_ticket(user: Api, **fields) -> dict:
    answer = open_ticket(user, **fields)
    assert answer.status_code == 201, answer.text
    return answer.json()["data"]


def detail(user: Api, ticket_id: str) -> dict:
    return user.data("GET", f"/support/tickets/{ticket_id}")


def test_a_ticket_about_an_invoice_goes_back_and_forth_and_closes(shop, customer):
    service = buy_service(customer, shop.product())
    invoice_id = customer.data("GET", "/billing/invoices")[0]["id"]
    ticket = new_ticket(customer, invoice_id=invoice_id, service_id=service["id"])
    assert TICKET_KEYS | {"messages"} == set(ticket) and ticket["status"] == "open"
    assert ticket["ticket_number"].startswith("TKT-")
    assert ticket["related"] == {"invoice_id": invoice_id, "service_id": service["id"]}
    [first] = ticket["messages"]
    assert first["body"] == "Why is the tax 20%?" and first["author"] == {"name": "Test User", "staff": False}

    staff = shop.admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies",
                            {"body": "It is the VAT rate."}, expect=201)
    assert staff["author"]["staff"] is True
    assert detail(customer, ticket["id"])["status"] == "answered"
    [note] = [n for n in customer.data("GET", "/notifications") if n["type"] == "support"]
    assert ticket["ticket_number"] in note["message"] and note["action_url"] == f"/support/tickets/{ticket['id']}"

    mine = customer.data("POST", f"/support/tickets/{ticket['id']}/replies", {"body": "Thanks!"}, expect=201)
    shown = detail(customer, ticket["id"])
    assert shown["status"] == "customer_reply" and shown["last_reply_at"] == mine["created_at"]
    assert [m["body"] for m in shown["messages"]] == ["Why is the tax 20%?", "It is the VAT rate.", "Thanks!"]

    closed = customer.data("POST", f"/support/tickets/{ticket['id']}/close")
    assert closed["status"] == "closed"
    assert customer.data("POST", f"/support/tickets/{ticket['id']}/close")["status"] == "closed"  # again: same
    # replying to a closed ticket reopens it
    customer.data("POST", f"/support/tickets/{ticket['id']}/replies", {"body": "One more thing."}, expect=201)
    assert detail(customer, ticket["id"])["status"] == "customer_reply"


def test_bodies_are_plain_text_kept_exactly_as_sent(customer):
    ticket = new_ticket(customer, subject="<i>subject</i>", body=SCRIPT)
    assert detail(customer, ticket["id"])["messages"][0]["body"] == SCRIPT
    assert ticket["subject"] == "<i>subject</i>"


@pytest.mark.parametrize(("fields", "field", "words"), [
    ({"body": ""}, "body", "empty"),
    ({"body": " \n\t "}, "body", "empty"),
    ({"body": "x" * 20_001}, "body", "20,001 characters"),
    ({"subject": " "}, "subject", "empty"),
    ({"department": "legal"}, "department", ""),
    ({"invoice_id": "not-mine"}, "invoice_id", "not found"),
    ({"service_id": "not-mine"}, "service_id", "not found"),
    ({"priority": "high"}, "priority", ""),
])
def test_bad_tickets_are_422_in_words_and_change_nothing(customer, fields, field, words):
    error = assert_error(open_ticket(customer, **fields), 422, "validation_error")
    assert field in error["details"] and words in error["details"][field][0]
    assert customer.data("GET", "/support/tickets") == []


def test_a_body_of_exactly_twenty_thousand_characters_is_fine(customer):
    ticket = new_ticket(customer, body="y" * 20_000)
    assert len(ticket["messages"][0]["body"]) == 20_000
    assert_error(customer.post(f"/support/tickets/{ticket['id']}/replies", {"body": "z" * 20_001}), 422,
                 "validation_error")
    assert_error(customer.post(f"/support/tickets/{ticket['id']}/replies", {"body": ""}), 422, "validation_error")
    assert len(detail(customer, ticket["id"])["messages"]) == 1


def test_another_users_ticket_and_related_rows_are_out_of_reach(shop, customer):
    stranger = shop.user(credits="20.00")
    theirs = buy_service(stranger, shop.product())
    ticket = new_ticket(customer)
    for method, path, body in [("GET", "", None), ("POST", "/replies", {"body": "hi"}), ("POST", "/close", None)]:
        assert_error(stranger.request(method, f"/support/tickets/{ticket['id']}{path}", json=body), 404, "not_found")
    assert stranger.data("GET", "/support/tickets") == []
    assert detail(customer, ticket["id"])["status"] == "open"
    error = assert_error(open_ticket(customer, service_id=theirs["id"]), 422, "validation_error")
    assert "service_id" in error["details"]


def test_the_same_key_opens_one_ticket_and_sends_one_reply(customer):
    answers = at_once([lambda api=Api(customer.panel, customer.token): open_ticket(api, key="ticket-1")
                       for _ in range(5)])
    assert [a.status_code for a in answers] == [201] * 5 and len({a.json()["data"]["id"] for a in answers}) == 1
    assert len(customer.data("GET", "/support/tickets")) == 1
    assert_error(open_ticket(customer, key="ticket-1", body="Something else"), 409, "idempotency_conflict")
    ticket_id = answers[0].json()["data"]["id"]
    path = f"/support/tickets/{ticket_id}/replies"
    once = [customer.post(path, {"body": "Still there?"}, headers={"Idempotency-Key": "reply-1"}) for _ in range(3)]
    assert {a.status_code for a in once} == {201} and len({a.json()["data"]["id"] for a in once}) == 1
    assert len(detail(customer, ticket_id)["messages"]) == 2


def test_the_list_filters_pages_and_syncs_like_the_others(shop, customer):
    made = [new_ticket(customer, subject=f"Question {n}") for n in range(3)]
    shop.admin.data("POST", f"/admin/support/tickets/{made[0]['id']}/replies", {"body": "Answer"}, expect=201)
    customer.data("POST", f"/support/tickets/{made[1]['id']}/close")
    answered = customer.data("GET", "/support/tickets", params={"status": "answered"})
    assert [t["id"] for t in answered] == [made[0]["id"]]
    assert {t["id"] for t in customer.data("GET", "/support/tickets", params={"status": "open,closed"})} == {
        made[1]["id"], made[2]["id"]}
    assert_error(customer.get("/support/tickets", params={"status": "pending"}), 422, "validation_error")

    first = customer.get("/support/tickets", params={"per_page": 2})
    body = first.json()
    assert (len(body["data"]), body["meta"]["total"], body["meta"]["total_pages"]) == (2, 3, 2)
    assert set(body["data"][0]) == TICKET_KEYS
    assert customer.get("/support/tickets", params={"per_page": 2},
                        headers={"If-None-Match": first.headers["ETag"]}).status_code == 304
    since = body["meta"]["server_time"]
    customer.data("POST", f"/support/tickets/{made[2]['id']}/replies", {"body": "Bump"}, expect=201)
    changed = customer.data("GET", "/support/tickets", params={"updated_since": since})
    assert [t["id"] for t in changed] == [made[2]["id"]]


def test_staff_see_every_customers_tickets_and_nobody_else_does(shop, customer):
    other = shop.user()
    mine, theirs = new_ticket(customer), new_ticket(other, department="technical")
    listed = shop.admin.data("GET", "/admin/support/tickets", params={"per_page": 100})
    by_id = {t["id"]: t for t in listed}
    assert by_id[mine["id"]]["user"]["email"] == customer.user["email"] and theirs["id"] in by_id
    only = shop.admin.data("GET", "/admin/support/tickets", params={"user_id": other.user["id"]})
    assert [t["id"] for t in only] == [theirs["id"]]
    assert len(shop.admin.data("GET", f"/admin/support/tickets/{mine['id']}")["messages"]) == 1
    for path in ("/admin/support/tickets", f"/admin/support/tickets/{mine['id']}"):
        assert_error(customer.get(path), 403, "forbidden")
    assert_error(customer.post(f"/admin/support/tickets/{mine['id']}/replies", {"body": "I am staff"}), 403,
                 "forbidden")
    assert_error(shop.admin.post("/admin/support/tickets/nope/replies", {"body": "x"}), 404, "not_found")


def test_with_tickets_switched_off_every_support_path_is_403(shop, customer):
    ticket = new_ticket(customer)
    shop.settings(tickets_enabled=False)
    try:
        assert Api(shop.admin.panel).data("GET", "/settings/public")["tickets_enabled"] is False
        for method, path in [("GET", "/support/tickets"), ("POST", "/support/tickets"),
                             ("GET", f"/support/tickets/{ticket['id']}"),
                             ("POST", f"/support/tickets/{ticket['id']}/replies"),
                             ("POST", f"/support/tickets/{ticket['id']}/close"),
                             # every path: also one no operation serves, and a method a path does not have
                             ("GET", "/support/faq"), ("DELETE", f"/support/tickets/{ticket['id']}")]:
            assert_error(customer.request(method, path, json={"body": "x"}), 403, "tickets_disabled", path)
        assert_error(Api(shop.admin.panel).get("/support/tickets"), 401, "unauthorized")
        assert_error(Api(shop.admin.panel).get("/support/faq"), 401, "unauthorized")
        # staff can still answer what came in before
        shop.admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies", {"body": "Late answer"},
                        expect=201)
    finally:
        shop.settings(tickets_enabled=True)
    assert detail(customer, ticket["id"])["status"] == "answered"
