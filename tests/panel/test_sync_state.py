"""The cheap change check: GET /sync/state moves with every change the user can read, and with nothing else."""
from __future__ import annotations

import pytest

from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of
from tests.support.panel import Api


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    from tests.support.panel import PanelProcess

    proc = PanelProcess(tmp_path_factory.mktemp("sync-state")).start()
    yield Shop(admin_of(proc))
    proc.stop()


def version(api: Api) -> str:
    return api.data("GET", "/sync/state")["version"]


def test_shape_etag_and_304(world):
    buyer = world.user()
    r = buyer.get("/sync/state")
    assert r.status_code == 200, r.text
    data = r.json()["data"]
    assert set(data) == {"version", "server_time"} and data["server_time"].endswith("Z")
    assert r.headers["ETag"] == f'"{data["version"]}"'
    for sent in (r.headers["ETag"], data["version"], f'W/{r.headers["ETag"]}'):
        again = buyer.get("/sync/state", headers={"If-None-Match": sent})
        assert again.status_code == 304 and not again.content and again.headers["ETag"] == r.headers["ETag"]
    assert buyer.get("/sync/state", headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_needs_a_login(world):
    assert_error(Api(world.admin.panel).get("/sync/state"), 401, "unauthorized")


def test_every_kind_of_change_moves_it_and_reads_do_not(world):
    admin = world.admin
    buyer = world.user(credits="500")
    product = world.product()
    cart = [{"product_id": product["id"], "billing_cycle": "monthly"}]

    def reads() -> None:
        for path in ("/auth/me", "/billing/config", "/billing/orders", "/billing/invoices", "/billing/services",
                     "/billing/credits", "/billing/credits/transactions", "/billing/dashboard", "/notifications",
                     "/billing/products", "/billing/categories", "/account/api-keys", "/settings/public"):
            assert buyer.get(path).status_code == 200, path
        buyer.data("POST", "/billing/checkout/preview", {"items": cart})

    placed = {}

    def checkout():
        placed.update(buyer.data("POST", "/billing/checkout", {"items": cart, "payment_method": "credits"},
                                 expect=201))

    def cancel_service():
        service_id = placed["order"]["service_ids"][0]
        buyer.data("POST", f"/billing/services/{service_id}/cancel",
                   {"type": "end_of_period", "reason": "testing"}, expect=201)

    def withdraw():
        buyer.data("DELETE", f"/billing/services/{placed['order']['service_ids'][0]}/cancel", expect=204)

    def read_notification():
        unread = buyer.data("GET", "/notifications", params={"unread_only": "true"})
        buyer.data("POST", f"/notifications/{unread[0]['uuid']}/read", expect=204)

    def refund():
        admin.data("POST", f"/admin/billing/invoices/{placed['invoice']['id']}/refund", {"to": "credits"})

    key = {}

    def new_key():
        key.update(buyer.data("POST", "/account/api-keys", {"name": "k"}, expect=201))

    changes = {
        "staff credit": lambda: admin.data("POST", f"/admin/users/{buyer.user['id']}/credits",
                                           {"amount": "1.00"}, expect=201),
        "checkout": checkout,
        "cancellation request": cancel_service,
        "cancellation withdrawn": withdraw,
        "notification read": read_notification,
        "refund": refund,
        "api key made": new_key,
        "api key renamed": lambda: buyer.data("PATCH", f"/account/api-keys/{key['id']}", {"name": "k2"}),
        "product added": lambda: world.product(),
        "product changed": lambda: admin.data("PUT", f"/admin/billing/products/{product['id']}", {"stock": 7}),
        "category renamed": lambda: admin.data("PUT", f"/admin/billing/categories/{product['category']['id']}",
                                               {"name": "Renamed"}),
        "settings": lambda: world.settings(panel_name="Renamed panel"),
        "billing config": lambda: world.settings(tax_enabled=True, tax_rate="10"),
    }
    before = version(buyer)
    for name, change in changes.items():
        reads()
        assert version(buyer) == before, f"a read moved the version before {name!r}"
        change()
        after = version(buyer)
        assert after != before, f"{name!r} did not move the version"
        before = after


def test_another_users_changes_do_not_move_mine(world):
    mine, theirs = world.user(), world.user()
    before = version(mine)
    world.admin.data("POST", f"/admin/users/{theirs.user['id']}/credits", {"amount": "3.00"}, expect=201)
    theirs.data("POST", "/account/api-keys", {"name": "theirs"}, expect=201)
    assert version(mine) == before


def test_tickets_and_their_replies_move_it(world):
    world.settings(tickets_enabled=True)
    buyer, other = world.user(), world.user()
    ticket = {}

    def open_one():
        ticket.update(buyer.data("POST", "/support/tickets",
                                 {"subject": "Help", "department": "technical", "body": "It is down."}, expect=201))

    changes = {
        "ticket opened": open_one,
        "customer reply": lambda: buyer.data("POST", f"/support/tickets/{ticket['id']}/replies", {"body": "Still."},
                                             expect=201),
        "staff reply": lambda: world.admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies",
                                                {"body": "Looking."}, expect=201),
        "closed": lambda: buyer.data("POST", f"/support/tickets/{ticket['id']}/close"),
        "reopened by a reply": lambda: buyer.data("POST", f"/support/tickets/{ticket['id']}/replies",
                                                  {"body": "Again."}, expect=201),
    }
    before, others = version(buyer), version(other)
    for name, change in changes.items():
        buyer.get("/support/tickets")
        buyer.get(f"/support/tickets/{ticket['id']}") if ticket else None
        assert version(buyer) == before, f"a read moved the version before {name!r}"
        change()
        after = version(buyer)
        assert after != before, f"{name!r} did not move the version"
        before = after
    assert version(other) == others  # someone else's ticket is not this user's data
