"""The sync engine against the real panel: a first sync fills the cache, a quiet account costs one request per
list, changes arrive, archived products leave, and a failed or cancelled sync writes nothing."""
from __future__ import annotations

import pytest

from app.api import Cancellation, Credentials, NetworkError, PanelClient
from app.cache import AccountCache
from app.sync import SyncCancelled, SyncEngine
from app.sync.resources import BILLING_OBJECTS, LISTS
from tests.support.catalogue import Shop, buy
from tests.support.fixtures import admin_of

# settings/public + auth/me + the billing objects + one request per list (tickets are off on this panel: not asked)
QUIET_REQUESTS = 2 + len(BILLING_OBJECTS) + sum(1 for resource in LISTS if not resource.tickets)


def engine_for(panel, api, cache_path) -> tuple[SyncEngine, AccountCache]:
    client = PanelClient(panel.url, Credentials.from_tokens(api.token, api.refresh_token), max_retries=0)
    cache = AccountCache(cache_path)
    return SyncEngine(client, cache), cache


def test_first_sync_fills_the_cache_and_a_quiet_account_costs_one_request_per_list(panel, shop, tmp_path):
    product = shop.product()
    buyer = shop.user(credits="100.00")
    bought = buy(buyer, product["id"])
    engine, cache = engine_for(panel, buyer, tmp_path / "cache.sqlite3")

    first = engine.run()

    assert first.billing_enabled and {"services", "invoices", "products", "credit_transactions"} <= first.resources
    assert [s["id"] for s in cache.services()] == bought["order"]["service_ids"]
    assert cache.invoice(bought["invoice"]["id"])["status"] == "paid"
    assert cache.config("credits")["balance"] == "90.00"
    assert product["id"] in {p["id"] for p in cache.products()}

    quiet = engine.run()
    again = engine.run()
    assert quiet.resources == set() and again.resources == set()
    assert again.requests == 1     # the cheap change check: the panel's version is the one the cache holds
    full = SyncEngine(engine.client, cache, check_version=False).run()
    assert full.resources == set() and full.requests == QUIET_REQUESTS


def test_a_change_moves_the_version_and_the_next_poll_syncs_it_then_is_cheap_again(panel, shop, tmp_path):
    product = shop.product()
    buyer = shop.user(credits="100.00")
    engine, cache = engine_for(panel, buyer, tmp_path / "cache.sqlite3")
    engine.run()
    kept = cache.config("sync_version")

    buy(buyer, product["id"])
    changed = engine.run()

    assert "services" in changed.resources and changed.requests > 1
    assert cache.config("sync_version")["version"] != kept["version"]
    assert engine.run().requests == 1


def test_a_failed_sync_does_not_keep_the_new_version(panel, shop, tmp_path):
    product = shop.product()
    buyer = shop.user(credits="100.00")
    engine, cache = engine_for(panel, buyer, tmp_path / "cache.sqlite3")
    engine.run()
    kept = cache.config("sync_version")
    buy(buyer, product["id"])
    real = engine.client.synced_list

    def broken(name, **kwargs):
        if name == "services":
            raise NetworkError("the network went away")
        return real(name, **kwargs)

    engine.client.synced_list = broken
    with pytest.raises(NetworkError):
        engine.run()
    assert cache.config("sync_version") == kept
    engine.client.synced_list = real
    assert "services" in engine.run().resources


def test_changes_since_the_last_sync_arrive_and_archived_products_leave(panel, admin, shop, tmp_path):
    product, doomed = shop.product(), shop.product()
    buyer = shop.user(credits="100.00")
    engine, cache = engine_for(panel, buyer, tmp_path / "cache.sqlite3")
    engine.run()

    buy(buyer, product["id"])
    admin.data("DELETE", f"/admin/billing/products/{doomed['id']}", expect=204)
    changed = engine.run()

    assert {"services", "invoices", "credit_transactions", "credits", "products"} <= changed.resources
    assert len(cache.services()) == 1
    assert cache.config("credits")["balance"] == "90.00"
    assert doomed["id"] not in {p["id"] for p in cache.products()}


def test_billing_off_is_reported_and_billing_lists_are_not_asked_for(fresh_panel, tmp_path):
    proc = fresh_panel()
    admin = admin_of(proc)
    buyer = Shop(admin).user()
    admin.data("PUT", "/admin/license", {"billing": False})
    engine, cache = engine_for(proc, buyer, tmp_path / "cache.sqlite3")

    result = engine.run()

    assert not result.billing_enabled and "Billing Module licence" in result.billing_reason
    assert cache.config("public_settings")["billing_enabled"] is False
    assert cache.services() == [] and cache.config("billing_config") is None


def test_a_sync_that_fails_or_is_cancelled_leaves_the_cache_as_it_was(fresh_panel, tmp_path):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    product = shop.product()
    buyer = shop.user(credits="100.00")
    engine, cache = engine_for(proc, buyer, tmp_path / "cache.sqlite3")
    engine.run()
    buy(buyer, product["id"])

    quit_before = Cancellation()
    quit_before.cancel()
    with pytest.raises(SyncCancelled):
        engine.run(cancellation=quit_before)
    assert cache.services() == []

    # Cancelled while the last list was on its way: everything is fetched, and still nothing may be written.
    quit_late = Cancellation()

    def quit_at_the_last_list(done: int, total: int, label: str) -> None:
        if done == total:
            quit_late.cancel()

    with pytest.raises(SyncCancelled):
        engine.run(progress=quit_at_the_last_list, cancellation=quit_late)
    assert cache.services() == [] and cache.config("credits")["balance"] == "100.00"

    def stop_midway(done: int, total: int, label: str) -> None:
        if "services" in label:
            proc.stop()  # the panel goes away between two lists

    with pytest.raises(NetworkError):
        engine.run(progress=stop_midway)
    assert cache.services() == [] and cache.config("credits")["balance"] == "100.00"
