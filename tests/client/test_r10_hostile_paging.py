"""A list whose paging a panel gets wrong ends after a few requests, in words, with the cache as it was: a panel
that ignores `page` and answers page 1 again (saying so in `meta.current_page`, or echoing the number asked while
sending the same rows), a `meta` that is no object, a total that grows with every page. Before, the same page
sent again made a sync ask for every page `total_pages` claimed (up to 2,000) and then succeed with one page's
rows, and a service's invoices read outside a sync went on to the 2,000-page limit whatever `total_pages` said.
Pages the panel numbers differently from what was asked (`per_page` other than asked, no `current_page`) are
still read in full. Canned answers through the real client, sync engine and cache (no sockets)."""
from __future__ import annotations

import json
import sqlite3
from urllib.parse import parse_qs

import pytest

from app.api import ApiError, BadAnswer, PanelClient
from app.cache import AccountCache
from app.session.wording import explain

from . import hostile
from .canned_session import Canned
from .hostile import lists_panel_fixture, synced_cache_fixture  # noqa: F401 - the `panel` and `cache_path` fixtures

INVOICE = hostile.LIST_ROWS["/billing/invoices"][0]
LATER = "2026-03-01T00:00:00Z"
PATH = "/billing/invoices"


def body(value) -> Canned:
    return Canned(200, json.dumps(value).encode(), {"Content-Type": "application/json"})


def asked_page(sent) -> int:
    return int(parse_qs(sent.query).get("page", ["1"])[0])


def invoices(numbers) -> list[dict]:
    return [{**INVOICE, "id": f"inv-{n}", "invoice_number": f"INV-{n}", "updated_at": LATER} for n in numbers]


def dump(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        tables = [name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {t: conn.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall() for t in sorted(tables)}  # noqa: S608
    finally:
        conn.close()


def refused_unchanged(panel: hostile.ListsPanel, path) -> BadAnswer:
    before = dump(path)
    with pytest.raises(BadAnswer) as caught:
        hostile.canned_sync(panel.session, path)
    assert dump(path) == before
    headline, detail = explain(caught.value)
    assert headline == "The panel sent an answer Sett does not understand." and "Traceback" not in detail
    return caught.value


# -- the same page again ----------------------------------------------------------------------------------------------
def test_a_panel_answering_page_1_to_every_page_is_refused_at_page_2(panel, cache_path):
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(100)), "meta": {
        "current_page": 1, "per_page": 100, "total": 200000, "total_pages": 2000, "server_time": hostile.now_text()}})
    error = refused_unchanged(panel, cache_path)
    assert panel.asked(PATH) == 2
    assert error.field == "meta.current_page"
    assert "page 1" in str(error) and "page 2" in str(error)


def test_the_same_rows_under_every_page_number_are_refused_after_a_few_pages(panel, cache_path):
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(100)), "meta": {
        "current_page": asked_page(sent), "total_pages": 2000, "server_time": hostile.now_text()}})
    error = refused_unchanged(panel, cache_path)
    assert panel.asked(PATH) <= 4
    assert error.field == "data"
    assert "already" in str(error)


def test_a_repeat_without_current_page_is_refused_too(panel, cache_path):
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(3)), "meta": {"total_pages": 1999}})
    refused_unchanged(panel, cache_path)
    assert panel.asked(PATH) <= 4


def test_the_next_healthy_sync_is_not_held_back(panel, cache_path):
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(2)), "meta": {"current_page": 1,
                                                                                   "total_pages": 5}})
    with pytest.raises(BadAnswer):
        hostile.canned_sync(panel.session, cache_path)
    del panel.lists[PATH]
    hostile.canned_sync(panel.session, cache_path)


# -- pages numbered otherwise, read in full ----------------------------------------------------------------------------
def test_pages_of_another_size_than_asked_are_read_in_full(panel, cache_path):
    def one_a_page(sent) -> Canned:
        number = asked_page(sent)
        return body({"data": invoices([number]) if number <= 3 else [], "meta": {
            "current_page": number, "per_page": 1, "total": 3, "total_pages": 3, "server_time": hostile.now_text()}})
    panel.lists[PATH] = one_a_page
    hostile.canned_sync(panel.session, cache_path)
    with AccountCache(cache_path) as cache:
        assert {"inv-1", "inv-2", "inv-3"} <= {row["id"] for row in cache.invoices()}
    assert panel.asked(PATH) == 3


def test_a_page_that_overlaps_the_one_before_is_read(panel, cache_path):
    """Rows shift between two requests when the list changes meanwhile: page 2 then starts with page 1's last."""
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(0, 100) if asked_page(sent) == 1 else range(99, 150)),
                                           "meta": {"current_page": asked_page(sent), "total_pages": 2}})
    hostile.canned_sync(panel.session, cache_path)
    with AccountCache(cache_path) as cache:
        assert len([row for row in cache.invoices() if row["id"].startswith("inv-") and row["id"] != "inv-1"]) >= 148


def test_a_total_that_grows_with_every_page_is_read_as_the_first_page_said(panel, cache_path):
    panel.lists[PATH] = lambda sent: body({"data": invoices([asked_page(sent) * 10]), "meta": {
        "current_page": asked_page(sent), "total_pages": asked_page(sent) + 1}})
    hostile.canned_sync(panel.session, cache_path)
    assert panel.asked(PATH) == 2


# -- meta that is no object --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("meta", [[1, 2], "page 1 of 3", 3, True])
def test_a_meta_that_is_no_object_is_refused_by_name(panel, cache_path, meta):
    panel.lists[PATH] = lambda sent: body({"data": invoices([1]), "meta": meta})
    error = refused_unchanged(panel, cache_path)
    assert error.field == "meta"


def test_a_meta_of_null_is_one_page_as_none_is(panel, cache_path):
    panel.lists[PATH] = lambda sent: body({"data": invoices([7]), "meta": None})
    hostile.canned_sync(panel.session, cache_path)
    assert panel.asked(PATH) == 1


# -- a list read whole outside a sync (a service's invoices) -----------------------------------------------------------
SERVICE_INVOICES = "/billing/services/svc-1/invoices"


def read_whole(panel: hostile.ListsPanel):
    with PanelClient("http://panel.test", session=panel.session, sleep=lambda s: None) as client:
        return client.service_invoices("svc-1")


def test_service_invoices_answered_page_1_again_stop_at_page_2(panel):
    panel.lists[SERVICE_INVOICES] = lambda sent: body({"data": invoices([1]), "meta": {"current_page": 1,
                                                                                          "total_pages": 3}})
    with pytest.raises(BadAnswer) as caught:
        read_whole(panel)
    assert panel.asked(SERVICE_INVOICES) == 2       # it went on to the 2,000-page limit
    assert caught.value.field == "meta.current_page"


def test_service_invoices_without_current_page_are_read_to_the_last_page(panel):
    panel.lists[SERVICE_INVOICES] = lambda sent: body({"data": invoices([asked_page(sent)]), "meta": {
        "total_pages": 3}})
    assert [row["id"] for row in read_whole(panel)] == ["inv-1", "inv-2", "inv-3"]


def test_service_invoices_whose_total_grows_stop_where_the_first_page_said(panel):
    panel.lists[SERVICE_INVOICES] = lambda sent: body({"data": invoices([asked_page(sent)]), "meta": {
        "current_page": asked_page(sent), "total_pages": asked_page(sent) + 1}})
    try:
        read_whole(panel)
    except ApiError:
        pass
    assert panel.asked(SERVICE_INVOICES) <= 4
