"""Contract audit of the two gates, read literally: without the Billing Module licence, or with billing switched off,
"every `/billing/*` path answers 403 `billing_disabled`"; with tickets off "every `/support/*` path is 403
`tickets_disabled`". Every operation the OpenAPI document lists under them, with every method, the sections' own
roots, HEAD and OPTIONS; and what stays open (account data, notifications, the change check). A private panel,
since the gates are global settings."""
from __future__ import annotations

import re

import pytest
import requests

from tests.panel.helpers import assert_error
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of
from tests.support.panel import Api, PanelProcess

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE")


@pytest.fixture(scope="module")
def gated(tmp_path_factory):
    proc = PanelProcess(tmp_path_factory.mktemp("audit-gates")).start()
    shop = Shop(admin_of(proc))
    buyer = shop.user(credits="50.00")
    placed = buy(buyer, shop.product(pricing=MONTHLY_10)["id"])
    yield proc, shop, buyer, placed
    proc.stop()


def section_paths(proc: PanelProcess, section: str) -> list[str]:
    spec = requests.get(proc.api_url + "/openapi.json", timeout=30).json()
    return sorted({re.sub(r"\{[^}]+\}", "some-id", p.removeprefix("/api/v1"))
                   for p in spec["paths"] if p.startswith(f"/api/v1/{section}/")})


def every_request(proc: PanelProcess, section: str):
    for path in [*section_paths(proc, section), f"/{section}", f"/{section}/nothing-here"]:
        for method in METHODS:
            yield method, path


@pytest.mark.parametrize("switch", ["licence", "operator"])
def test_without_billing_every_billing_path_and_method_is_billing_disabled(gated, switch):
    proc, shop, buyer, _ = gated
    paths = section_paths(proc, "billing")
    assert len(paths) >= 20, paths
    if switch == "licence":
        shop.admin.data("PUT", "/admin/license", {"billing": False})
    else:
        shop.settings(billing_enabled=False)
    try:
        assert Api(proc).data("GET", "/settings/public")["billing_enabled"] is False
        for method, path in every_request(proc, "billing"):
            assert_error(buyer.request(method, path, json={}), 403, "billing_disabled", f"{method} {path}")
        for method in ("HEAD", "OPTIONS"):
            answer = buyer.request(method, "/billing/invoices")
            assert answer.status_code == 403, (method, answer.status_code)
        # Anonymous callers learn nothing about the licence: 401 first, as everywhere.
        assert_error(Api(proc).get("/billing/config"), 401, "unauthorized")
        assert_error(Api(proc).get("/billing"), 401, "unauthorized")
        # The account's own data is not billing.
        assert buyer.get("/auth/me").status_code == 200
        assert buyer.get("/notifications").status_code == 200
        assert buyer.get("/sync/state").status_code == 200
        assert buyer.get("/account/billing-profile").status_code == 200
    finally:
        if switch == "licence":
            shop.admin.data("PUT", "/admin/license", {"billing": True})
        else:
            shop.settings(billing_enabled=True)
    assert Api(proc).data("GET", "/settings/public")["billing_enabled"] is True
    assert buyer.get("/billing/invoices").status_code == 200
    assert_error(buyer.get("/billing"), 404, "not_found")
    assert_error(buyer.get("/billing/nothing-here"), 404, "not_found")


def test_with_tickets_off_every_support_path_and_method_is_tickets_disabled(gated):
    proc, shop, buyer, _ = gated
    assert Api(proc).data("GET", "/settings/public")["tickets_enabled"] is False  # off by default
    paths = section_paths(proc, "support")
    assert len(paths) >= 3, paths
    for method, path in every_request(proc, "support"):
        assert_error(buyer.request(method, path, json={"body": "x"}), 403, "tickets_disabled", f"{method} {path}")
    assert_error(Api(proc).get("/support"), 401, "unauthorized")
    shop.settings(tickets_enabled=True)
    try:
        assert buyer.get("/support/tickets").status_code == 200
        assert_error(buyer.get("/support"), 404, "not_found")
    finally:
        shop.settings(tickets_enabled=False)
