"""A sync against a panel that turns hostile: every case ends, bounded by the client's own limits (app/api/limits.py),
in a typed error or a correct sync; after an error the cache's rows are exactly as before, and the next healthy
sync succeeds. Real sockets on 127.0.0.1 (tests/client/hostile.py); the waits between retries are recorded, not
slept."""
from __future__ import annotations

import sqlite3
import tracemalloc
from decimal import Decimal

import pytest

from app.api import (
    AnswerTooLarge,
    BadAnswer,
    DeadlineExceeded,
    NetworkError,
    NotAPanel,
    PanelClient,
    RetryBudgetSpent,
    ServerError,
    TooManyPages,
)
from app.api.limits import MAX_BODY_BYTES, MAX_PAGES, MAX_RETRY_WAIT_SECONDS
from app.cache import AccountCache
from app.sync import SyncEngine

from . import hostile
from .hostile import HostilePanel, data, page, raw, text

DEADLINE = 2.0   # the client's per-request deadline in these tests (the product's is limits.REQUEST_DEADLINE_SECONDS)
INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]
CONFIG = hostile.OBJECTS["/billing/config"]


@pytest.fixture
def panel():
    server = HostilePanel()
    yield server
    server.close()


@pytest.fixture
def account(panel, tmp_path, sleeps):
    """Sync once against the healthy panel; `account.sync()` runs another; `account.rows()` dumps the cache."""
    class Account:
        path = tmp_path / "cache.sqlite3"

        def sync(self, url: str | None = None):
            with PanelClient(url or panel.url, sleep=sleeps, deadline=DEADLINE) as client, \
                    AccountCache(self.path) as cache:
                return SyncEngine(client, cache).run()

        def rows(self) -> dict[str, list]:
            conn = sqlite3.connect(self.path)
            try:
                tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
                return {t: conn.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall() for t in sorted(tables)}
            finally:
                conn.close()

    made = Account()
    made.sync()
    return made


def fails_and_changes_nothing(account, panel, error: type[Exception], words: str = "") -> Exception:
    before = account.rows()
    with pytest.raises(error) as caught:
        account.sync()
    assert words in str(caught.value)
    assert account.rows() == before, "a failed sync changed the cache"
    panel.faults.clear()
    account.sync()   # the next healthy sync succeeds
    return caught.value


# -- not a panel at all ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "fault", "words"), [
    ("/billing/invoices", text(hostile.HTML.decode(), content_type="text/html"), "web page"),
    ("/settings/public", text(hostile.HTML.decode(), 200), "web page"),
    ("/billing/orders", text('{"success": true, "data": [{"id": "ord-1", "ord'), "not JSON"),
    ("/billing/config", text('{"success": true, "data": {"currency": '), "not JSON"),
    ("/billing/dashboard", text("", 200), "empty body"),
])
def test_pages_and_broken_json_are_not_a_panel(account, panel, path, fault, words):
    panel.faults[path] = fault
    fails_and_changes_nothing(account, panel, NotAPanel, words)


def test_a_proxys_error_page_is_a_server_error_after_the_retries(account, panel, sleeps):
    panel.faults["/billing/invoices"] = text("<html>502 Bad Gateway</html>", 502, content_type="text/html")
    sleeps.clear()
    fails_and_changes_nothing(account, panel, ServerError, "502")
    assert len(sleeps) == 3


# -- valid JSON, wrong shape ------------------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "fault", "field"), [
    ("/billing/config", data(None), None),
    ("/billing/config", data([1, 2]), None),
    ("/billing/config", data("USD"), None),
    ("/billing/config", data({**CONFIG, "currency": "USD"}), "currency"),
    ("/billing/dashboard", data({"total_due": {"amount": 1}}), "total_due"),
    ("/billing/invoices", page(None), "data"),
    ("/billing/invoices", page({"id": "inv-1"}), "data"),
    ("/billing/invoices", page(["inv-1", "inv-2"]), "[0]"),
    ("/billing/invoices", page([{"invoice_number": "INV-9"}]), "[0].id"),
    ("/billing/invoices", page([{**INVOICE, "id": {"$oid": "1"}}]), "[0].id"),
    ("/billing/invoices", page([{**INVOICE, "id": True}]), "[0].id"),
    ("/notifications", page([{"title": "no uuid"}]), "[0].uuid"),
    ("/billing/invoices", page([INVOICE], total_pages="abc"), "meta.total_pages"),
    ("/billing/invoices", page([INVOICE], total_pages=[2]), "meta.total_pages"),
    ("/billing/invoices", page([INVOICE], current_page={"n": 1}), "meta.current_page"),
])
def test_wrong_shapes_are_bad_answers_naming_the_field(account, panel, path, fault, field):
    panel.faults[path] = fault
    error = fails_and_changes_nothing(account, panel, BadAnswer, "does not understand")
    assert error.field == field or (field is not None and field in (error.field or ""))
    assert "cache" not in str(error).lower().replace("sett kept what it had", "")


# -- money and places -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("path", "fault", "field"), [
    ("/billing/invoices", page([{**INVOICE, "total": "abc"}]), "[0].total"),
    ("/billing/invoices", page([{**INVOICE, "total": "1e3"}]), "[0].total"),
    ("/billing/invoices", page([{**INVOICE, "total": "9" * 40}]), "[0].total"),
    ("/billing/invoices", text('{"data": [{"id": "inv-1", "total": 1e13}], "meta": {}}'), "[0].total"),
    ("/billing/invoices", page([{**INVOICE, "total": "0." + "0" * 30 + "1"}]), "[0].total"),
    ("/billing/config", data({**CONFIG, "currency": {"code": "USD", "places": 30}}), "currency.places"),
    ("/billing/config", data({**CONFIG, "currency": {"code": "USD", "places": 200000}}), "currency.places"),
    ("/billing/config", data({**CONFIG, "currency": {"code": "USD", "places": 1e6}}), "currency.places"),
    ("/billing/config", data({**CONFIG, "currency": {"code": "USD", "places": -1}}), "currency.places"),
    ("/billing/credits", data({"enabled": True, "balance": "NaN"}), "balance"),
])
def test_absurd_money_and_places_are_refused_in_words(account, panel, path, fault, field):
    panel.faults[path] = fault
    error = fails_and_changes_nothing(account, panel, BadAnswer, "does not understand")
    assert error.field == field


def test_total_pages_left_out_or_null_is_one_page(account, panel):
    for meta in ({"total_pages": None}, {"current_page": None, "total_pages": None}, {}):
        panel.faults["/billing/invoices"] = data(hostile.LIST_ROWS["/billing/invoices"], meta)
        account.sync()


def test_money_the_contract_allows_syncs_exactly(account, panel):
    odd = {**INVOICE, "total": "0.1000000000000000000001", "updated_at": "2026-01-02T00:00:00Z"}
    panel.faults["/billing/invoices"] = text('{"data": [' + _json(odd)[:-1] + ', "balance_due": 12.345678901}], '
                                             '"meta": {"current_page": 1, "total_pages": 1}}')
    account.sync()
    with AccountCache(account.path) as cache:
        row = cache.invoice("inv-1")
    assert Decimal(row["total"]) == Decimal("0.1000000000000000000001")
    assert Decimal(row["balance_due"]) == Decimal("12.345678901")


# -- times and cursors ------------------------------------------------------------------------------------------
@pytest.mark.parametrize("server_time", ["yesterday", 1733400000, {"at": 1}, "2026-12-05T10:00:00",
                                         "9999-12-31T23:59:59Z", None])
def test_a_server_time_that_cannot_be_a_cursor_never_becomes_one(account, panel, server_time):
    with AccountCache(account.path) as cache:
        before = cache.sync_state("invoices")["server_time"]
    panel.faults["/billing/invoices"] = page(hostile.LIST_ROWS["/billing/invoices"], server_time=server_time)
    if server_time is not None and not str(server_time).startswith("9999"):
        with pytest.raises(BadAnswer) as caught:
            account.sync()
        assert caught.value.field == "meta.server_time"
    else:
        account.sync()   # a far-future or missing time: the sync is correct, the cursor does not move
    with AccountCache(account.path) as cache:
        assert cache.sync_state("invoices")["server_time"] == before
    panel.faults.clear()
    account.sync()


@pytest.mark.parametrize("garbage", ["not a time", "2026-12-05T10:00:00", "9999-12-31T00:00:00Z", "12"])
def test_a_garbage_cursor_already_in_a_cache_counts_as_none(account, panel, garbage):
    conn = sqlite3.connect(account.path)
    with conn:
        conn.execute("UPDATE sync_state SET server_time = ?, etag = NULL", [garbage])
    conn.close()
    panel.seen.clear()
    account.sync()
    with AccountCache(account.path) as cache:
        assert cache.sync_state("invoices")["server_time"] not in (garbage, None)


# -- size, time, pages, retries ---------------------------------------------------------------------------------
def test_a_gzip_bomb_is_refused_within_the_unpacked_limit(account, panel):
    panel.faults["/billing/invoices"] = hostile.gzip_bomb
    tracemalloc.start()
    try:
        fails_and_changes_nothing(account, panel, AnswerTooLarge, "unpacked")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_BODY_BYTES, f"peak {peak} bytes"


def test_an_endless_body_is_refused_at_the_wire_limit(account, panel):
    panel.faults["/billing/orders"] = hostile.endless
    fails_and_changes_nothing(account, panel, AnswerTooLarge, "as sent")


def test_a_body_larger_than_the_limit_is_refused_before_reading(account, panel):
    panel.faults["/billing/orders"] = raw(200, b"x", {"Content-Length": str(10**12)})
    fails_and_changes_nothing(account, panel, AnswerTooLarge, "as sent")


def test_a_dripping_body_ends_at_the_total_deadline(account, panel):
    panel.faults["/billing/services"] = hostile.dripping
    error = fails_and_changes_nothing(account, panel, DeadlineExceeded, f"{DEADLINE:g} seconds")
    assert isinstance(error, NetworkError)


def test_checking_an_address_that_drips_ends_at_its_deadline(panel, sleeps):
    from app.api import probe

    panel.faults["/settings/public"] = hostile.dripping
    with pytest.raises(DeadlineExceeded, match="0.5 seconds"):
        probe(panel.url, deadline=0.5, sleep=sleeps)


def test_checking_an_address_that_serves_a_bomb_or_a_page_is_not_a_panel(panel, sleeps):
    from app.api import probe

    for fault in (hostile.gzip_bomb, hostile.endless, text(hostile.HTML.decode(), content_type="text/html")):
        panel.faults["/settings/public"] = fault
        with pytest.raises(NotAPanel):
            probe(panel.url, sleep=sleeps)


def test_one_clients_deadline_never_cuts_another_clients_request(panel):
    import threading

    from app.api import Cancellation

    panel.faults["/billing/services"] = hostile.dripping
    panel.faults["/billing/dashboard"] = hostile.slow(1.0, data(hostile.OBJECTS["/billing/dashboard"]))
    shared = Cancellation()   # one task's cancellation, as the app's runner shares it between its jobs
    outcome: dict[str, object] = {}

    def call(name: str, deadline: float, fn) -> None:
        with PanelClient(panel.url, cancellation=shared, deadline=deadline, max_retries=0) as client:
            try:
                outcome[name] = fn(client)
            except Exception as exc:  # noqa: BLE001 - reported below
                outcome[name] = exc

    dripping = threading.Thread(target=call, args=("drip", 0.3, lambda c: c.synced_list("services")))
    patient = threading.Thread(target=call, args=("slow", 30.0, lambda c: c.dashboard()))
    patient.start()
    dripping.start()
    dripping.join(30)
    patient.join(30)
    assert isinstance(outcome["drip"], DeadlineExceeded)
    assert outcome["slow"] == hostile.OBJECTS["/billing/dashboard"]


def test_a_pagination_bomb_asks_for_no_further_page(account, panel):
    panel.faults["/billing/invoices"] = page(hostile.LIST_ROWS["/billing/invoices"], total_pages=1e9)
    panel.seen.clear()
    fails_and_changes_nothing(account, panel, TooManyPages, str(MAX_PAGES))
    assert panel.seen.count("/billing/invoices") == 2   # the bomb, then the healthy sync: no page 2 asked


def test_a_429_storm_waits_at_most_the_sync_budget(account, panel, sleeps):
    panel.faults["*"] = raw(429, b'{"error": {"code": "rate_limited", "message": "Slow down."}}',
                            {"Retry-After": "100000"})
    sleeps.clear()
    fails_and_changes_nothing(account, panel, RetryBudgetSpent, "wait")
    assert sum(sleeps[:2]) <= MAX_RETRY_WAIT_SECONDS


def test_a_redirect_is_not_followed_and_nothing_reaches_the_target(account, panel):
    target = HostilePanel()
    try:
        panel.faults["/billing/credits"] = raw(302, b"", {"Location": target.url + "/login"})
        fails_and_changes_nothing(account, panel, NotAPanel, "redirects")
        assert target.seen == []
    finally:
        target.close()


def test_tls_to_a_plain_server_is_a_network_error(account, panel):
    before = account.rows()
    with pytest.raises(NetworkError, match="secure connection"):
        account.sync(panel.url.replace("http://", "https://"))
    assert account.rows() == before


def _json(value) -> str:
    import json

    return json.dumps(value)
