"""Who may touch what, over real HTTP: another user's rows are invisible (404, never 403), admin paths are for
admins only, every private path needs a login, and without the billing licence every /billing path is closed.

The path lists come from the panel's own OpenAPI document, so a route added later is covered without editing
this file. Everything that could change global state runs on private panels.
"""
from __future__ import annotations

import uuid

import pytest
import requests

from tests.panel.conftest import admin_of
from tests.panel.helpers import assert_error
from tests.support.catalogue import Shop
from tests.support.panel import Api, PanelProcess

URLS = {"return_url": "http://127.0.0.1:8765/done", "cancel_url": "http://127.0.0.1:8765/cancelled"}
# Reachable without a login: liveness, what a login screen needs, logging in, and the gateways' own callbacks.
PUBLIC = {"/health", "/settings/public", "/auth/login", "/auth/2fa/verify", "/auth/refresh", "/auth/logout"}


def operations(proc: PanelProcess, prefix: str) -> list[tuple[str, str]]:
    """(METHOD, path under /api/v1) for every documented operation whose path starts with `prefix`,
    path parameters filled with ids that exist nowhere."""
    spec = requests.get(proc.api_url + "/openapi.json", timeout=30).json()
    found = []
    for path, ops in spec["paths"].items():
        if not path.startswith("/api/v1" + prefix):
            continue
        filled = path.removeprefix("/api/v1")
        while "{" in filled:
            start, end = filled.index("{"), filled.index("}")
            filled = filled[:start] + str(uuid.uuid4()) + filled[end + 1:]
        found += [(method.upper(), filled) for method in ops if method in ("get", "post", "put", "patch", "delete")]
    return sorted(found)


def call(api, method: str, path: str):
    return api.request(method, path, json={} if method in ("POST", "PUT", "PATCH") else None)


@pytest.fixture(scope="module")
def private(tmp_path_factory):
    """A private panel with Stripe on, so a user can hold a pending invoice that someone else might try to pay."""
    proc = PanelProcess(tmp_path_factory.mktemp("authz")).start()
    shop = Shop(admin_of(proc))
    shop.settings(stripe_enabled=True)
    yield proc, shop
    proc.stop()


@pytest.fixture(scope="module")
def owner_rows(private):
    """A user with one of everything: paid and pending invoices, a service with a pending cancellation,
    payments, notifications and an API key."""
    _proc, shop = private
    product = shop.product()
    owner = shop.user(credits="10.00")
    cart = {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}]}
    paid = owner.data("POST", "/billing/checkout", {**cart, "payment_method": "credits"}, expect=201)
    pending = owner.data("POST", "/billing/checkout", {**cart, "payment_method": "stripe", **URLS}, expect=201)
    service_id = paid["order"]["service_ids"][0]
    owner.data("POST", f"/billing/services/{service_id}/cancel", {"type": "end_of_period", "reason": "moving"},
               expect=201)
    key = owner.data("POST", "/account/api-keys", {"name": "mine"}, expect=201)
    notification = owner.data("GET", "/notifications")[0]
    return owner, {"order": paid["order"]["id"], "invoice": paid["invoice"]["id"],
                   "pending_invoice": pending["invoice"]["id"], "payment": paid["payment"]["id"],
                   "pending_payment": pending["payment"]["id"], "service": service_id,
                   "notification": notification["uuid"], "key": key["id"]}


def owner_view(owner, rows: dict) -> dict:
    """What the owner sees of their rows; a stranger's attempts must leave all of it as it was."""
    return {
        "order": owner.data("GET", f"/billing/orders/{rows['order']}"),
        "invoices": [owner.data("GET", f"/billing/invoices/{rows[k]}") for k in ("invoice", "pending_invoice")],
        "payments": [owner.data("GET", f"/billing/payments/{rows[k]}") for k in ("payment", "pending_payment")],
        "service": owner.data("GET", f"/billing/services/{rows['service']}"),
        "notifications": owner.data("GET", "/notifications"),
        "keys": owner.data("GET", "/account/api-keys"),
        "credits": owner.data("GET", "/billing/credits"),
    }


def test_another_users_rows_are_not_found_and_stay_untouched(private, owner_rows):
    _proc, shop = private
    owner, rows = owner_rows
    stranger = shop.user(credits="100.00")
    before = owner_view(owner, rows)
    attempts = [
        ("GET", f"/billing/orders/{rows['order']}", None),
        ("POST", f"/billing/orders/{rows['order']}/cancel", None),
        ("GET", f"/billing/invoices/{rows['invoice']}", None),
        ("GET", f"/billing/invoices/{rows['pending_invoice']}", None),
        ("POST", f"/billing/invoices/{rows['pending_invoice']}/pay", {"payment_method": "credits"}),
        ("POST", f"/billing/invoices/{rows['pending_invoice']}/pay", {"payment_method": "stripe", **URLS}),
        ("POST", f"/billing/invoices/{rows['invoice']}/pay", {"payment_method": "credits"}),
        ("GET", f"/billing/payments/{rows['payment']}", None),
        ("GET", f"/billing/payments/{rows['pending_payment']}", None),
        ("GET", f"/billing/services/{rows['service']}", None),
        ("GET", f"/billing/services/{rows['service']}/invoices", None),
        ("POST", f"/billing/services/{rows['service']}/cancel", {"type": "immediate", "reason": "mine now"}),
        ("DELETE", f"/billing/services/{rows['service']}/cancel", None),
        ("POST", f"/notifications/{rows['notification']}/read", None),
        ("PATCH", f"/account/api-keys/{rows['key']}", {"active": False}),
        ("DELETE", f"/account/api-keys/{rows['key']}", None),
    ]
    for method, path, body in attempts:
        assert_error(stranger.request(method, path, json=body), 404, "not_found", f"{method} {path}")
    assert owner_view(owner, rows) == before
    assert stranger.data("GET", "/billing/credits")["balance"] == "100.00"
    # nor do the stranger's lists show any of it
    for path in ("/billing/orders", "/billing/invoices", "/billing/services", "/notifications",
                 "/account/api-keys"):
        assert stranger.data("GET", path) == [], path


def test_admin_paths_are_for_admins_only(private, owner_rows):
    proc, shop = private
    owner, _rows = owner_rows
    admin_ops = operations(proc, "/admin/")
    assert len(admin_ops) >= 25 and ("PUT", "/admin/license") in admin_ops
    settings_before = shop.admin.data("GET", "/admin/billing/settings")
    for method, path in admin_ops:
        assert_error(call(owner, method, path), 403, "forbidden", f"{method} {path}")
    # the real admin paths with real ids, too
    real = [("PUT", "/admin/license", {"billing": False}),
            ("PUT", "/admin/billing/settings", {"credits_enabled": False}),
            ("POST", f"/admin/users/{owner.user['id']}/credits", {"amount": "1000.00"}),
            ("POST", "/admin/clock/advance", {"days": 30}), ("POST", "/admin/users", {"email": "x@y.test"})]
    for method, path, body in real:
        assert_error(owner.request(method, path, json=body), 403, "forbidden", f"{method} {path}")
    assert shop.admin.data("GET", "/admin/billing/settings") == settings_before
    assert owner.data("GET", "/billing/credits")["balance"] == "0.00"
    assert owner.data("GET", "/settings/public")["billing_enabled"] is True


def test_every_private_path_needs_a_login(private):
    proc, _shop = private
    anon = Api(proc)
    checked = 0
    for method, path in operations(proc, "/"):
        if path in PUBLIC:
            continue
        assert_error(call(anon, method, path), 401, "unauthorized", f"{method} {path}")
        checked += 1
    assert checked >= 50
    bad = Api(proc, token="not-a-token")
    assert_error(bad.get("/billing/invoices"), 401, "unauthorized")
    assert_error(bad.get("/admin/users"), 401, "unauthorized")


def test_without_the_billing_licence_every_billing_path_is_closed(fresh_panel):
    proc = fresh_panel()
    admin = admin_of(proc)
    shop = Shop(admin)
    product = shop.product()
    buyer = shop.user(credits="50.00")
    placed = buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                                  "billing_cycle": "monthly"}],
                                                       "payment_method": "credits"}, expect=201)
    billing_ops = operations(proc, "/billing/")
    assert len(billing_ops) >= 20

    assert admin.data("PUT", "/admin/license", {"billing": False}) == {"billing": False}
    assert Api(proc).data("GET", "/settings/public")["billing_enabled"] is False
    for method, path in billing_ops:
        assert_error(call(buyer, method, path), 403, "billing_disabled", f"{method} {path}")
    # with real ids and valid bodies too: nothing is sold, paid or cancelled
    order = placed["order"]
    for method, path, body in [
        ("GET", f"/billing/orders/{order['id']}", None),
        ("POST", "/billing/checkout", {"items": [{"product_id": product["id"], "billing_cycle": "monthly"}],
                                       "payment_method": "credits"}),
        ("POST", f"/billing/services/{order['service_ids'][0]}/cancel", {"type": "immediate", "reason": "x"}),
    ]:
        error = assert_error(buyer.request(method, path, json=body), 403, "billing_disabled", f"{method} {path}")
        assert "licence" in error["message"]
    assert buyer.data("GET", "/auth/me")["id"] == buyer.user["id"]  # the account itself still works

    admin.data("PUT", "/admin/license", {"billing": True})
    assert Api(proc).data("GET", "/settings/public")["billing_enabled"] is True
    assert buyer.data("GET", "/billing/orders")[0]["id"] == order["id"]
    assert buyer.data("GET", "/billing/credits")["balance"] == "40.00"
    again = buyer.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                                 "billing_cycle": "monthly"}],
                                                      "payment_method": "credits"}, expect=201)
    assert again["order"]["status"] == "active"


def test_billing_switched_off_by_the_operator_is_closed_the_same_way(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    buyer = shop.user()
    shop.settings(billing_enabled=False)
    assert Api(proc).data("GET", "/settings/public")["billing_enabled"] is False
    for method, path in (("GET", "/billing/config"), ("GET", "/billing/products"), ("POST", "/billing/checkout")):
        assert_error(call(buyer, method, path), 403, "billing_disabled", f"{method} {path}")
    shop.settings(billing_enabled=True)
    assert buyer.data("GET", "/billing/config")["enabled"] is True


def test_the_licence_switch_takes_a_boolean(private):
    _proc, shop = private
    for body in ({"billing": "no"}, {"billing": None}, {}, {"billing": False, "extra": 1}):
        assert_error(shop.admin.put("/admin/license", json=body), 422, "validation_error", str(body))
    assert shop.admin.data("GET", "/settings/public")["billing_enabled"] is True
