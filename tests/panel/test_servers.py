"""The server behind a service: status, address, node and manage_url, and the panel page that URL opens."""
from __future__ import annotations

import re

import requests

from tests.support.catalogue import buy_service

SERVER_KEYS = {"id", "name", "status", "address", "node", "manage_url", "resources"}


def test_a_new_service_has_a_running_server_with_an_address_node_and_manage_url(shop, panel):
    owner = shop.user(credits="50.00")
    first, second = buy_service(owner, shop.product()), buy_service(owner, shop.product())
    server = first["server"]
    assert set(server) == SERVER_KEYS and server["status"] == "running"
    assert re.fullmatch(r"203\.0\.113\.\d+", server["address"]["ip"]) and server["address"]["port"] > 1024
    assert server["node"] and server["manage_url"] == f"{panel.url}/servers/{server['id']}"
    assert server["resources"]["memory"] == 2048
    assert (server["address"]["ip"], server["address"]["port"]) != (second["server"]["address"]["ip"],
                                                                    second["server"]["address"]["port"])
    listed = {s["id"]: s for s in owner.data("GET", "/billing/services", params={"per_page": 100})}
    assert listed[first["id"]]["server"] == server


def test_the_manage_page_shows_the_server_and_nothing_secret(shop):
    owner = shop.user(credits="20.00")
    server = buy_service(owner, shop.product(name="Page VPS <b>"))["server"]
    page = requests.get(server["manage_url"], timeout=30)  # the system browser: no credentials
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    text = page.text
    assert f"{server['address']['ip']}:{server['address']['port']}" in text and server["node"] in text
    assert "Running" in text and "Page VPS &lt;b&gt;" in text and "<b>" not in text.split("</style>")[1]
    assert owner.token not in text and "token" not in text.lower()
    assert page.headers["cache-control"] == "no-store"


def test_an_unknown_server_page_is_not_found(panel):
    assert requests.get(f"{panel.url}/servers/no-such-server", timeout=30).status_code == 404


def test_a_service_without_allocations_has_a_server_but_no_address(shop):
    owner = shop.user(credits="20.00")
    one_off = shop.product(resources={"memory": 0, "disk": 0, "cpu": 0, "allocation_limit": 0},
                           pricing=[{"billing_cycle": "one_time", "price": "10.00", "setup_fee": "0.00"}])
    placed = owner.data("POST", "/billing/checkout", {"items": [{"product_id": one_off["id"],
                                                                 "billing_cycle": "one_time"}],
                                                      "payment_method": "credits"}, expect=201)
    server = owner.data("GET", f"/billing/services/{placed['order']['service_ids'][0]}")["server"]
    assert server["address"] is None and server["node"]
    assert "none" in requests.get(server["manage_url"], timeout=30).text


def test_a_cancelled_services_server_is_terminated_and_its_address_released(shop, admin):
    owner = shop.user(credits="20.00")
    service = buy_service(owner, shop.product())
    owner.data("POST", f"/billing/services/{service['id']}/cancel", {"type": "immediate", "reason": "done"})
    request = owner.data("GET", f"/billing/services/{service['id']}")["cancellation"]
    admin.data("POST", f"/admin/billing/cancellations/{request['id']}/approve")
    server = owner.data("GET", f"/billing/services/{service['id']}")["server"]
    assert (server["status"], server["address"]) == ("terminated", None)
    assert "Terminated" in requests.get(server["manage_url"], timeout=30).text
