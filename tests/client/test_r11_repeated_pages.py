"""A panel that answers page 1 (or any page read before) again is refused in words at the page it repeats, with the
cache as it was, however many pages the list claims and whether or not `meta.current_page` says which page it is.
Before, a list of two or three pages whose pages after the first were page 1 again ended the sync "successfully"
with page 1's rows (the run of REPEATED_PAGES repeats was never reached), and a service's invoices read outside a
sync held page 1's rows two or three times. Rows shifted by a change between two requests (a short last page of
rows read already) are still read. Canned answers through the real client, sync engine and cache (no sockets)."""
from __future__ import annotations

import pytest

from app.api import BadAnswer, PanelClient
from app.api.paging import PageCheck
from app.cache import AccountCache
from app.session.wording import explain

# The canned panel whose lists a test breaks, and the cache synced from it, are hostile.py's (as for
# test_r10_hostile_paging); the page helpers are test_r10_hostile_paging's.
from . import hostile
from .canned_session import Canned
from .hostile import lists_panel_fixture, synced_cache_fixture  # noqa: F401 - the `panel` and `cache_path` fixtures
from .test_r10_hostile_paging import INVOICE, PATH, asked_page, body, invoices

SERVICE_INVOICES = "/billing/services/svc-1/invoices"
TABLES = ("invoices", "services", "orders", "sync_state")


def refused_unchanged(panel: hostile.ListsPanel, path) -> BadAnswer:
    before = hostile.cache_tables(path, *TABLES)
    with pytest.raises(BadAnswer) as caught:
        hostile.canned_sync(panel.session, path)
    assert hostile.cache_tables(path, *TABLES) == before
    headline, detail = explain(caught.value)
    assert headline == "The panel sent an answer Sett does not understand."
    assert "Traceback" not in detail and "Sett kept what it had" in detail
    return caught.value


def cached_ids(path) -> set[str]:
    with AccountCache(path) as cache:
        return {row["id"] for row in cache.invoices()}


# -- page 1 again, whatever the page count ---------------------------------------------------------------------------
@pytest.mark.parametrize("total_pages", [2, 3, 4, 50, 2000])
@pytest.mark.parametrize("current_page", ["left out", "as asked"])
def test_page_1_under_every_page_number_is_refused_at_page_2(panel, cache_path, total_pages, current_page):
    def same_page(sent) -> Canned:
        meta = {"total_pages": total_pages, "server_time": hostile.now_text()}
        if current_page == "as asked":
            meta["current_page"] = asked_page(sent)
        return body({"data": invoices(range(100)), "meta": meta})
    panel.lists[PATH] = same_page
    error = refused_unchanged(panel, cache_path)
    assert panel.asked(PATH) == 2
    assert (error.resource, error.field) == ("invoices", "data")
    assert "page 2" in str(error) and "already" in str(error)


@pytest.mark.parametrize("rows_a_page", [1, 3, 100])
def test_a_short_list_repeated_is_refused_whatever_the_page_size(panel, cache_path, rows_a_page):
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(rows_a_page)), "meta": {"total_pages": 3}})
    refused_unchanged(panel, cache_path)
    assert panel.asked(PATH) == 2


def test_page_1_again_in_another_order_is_refused_too(panel, cache_path):
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(10) if asked_page(sent) == 1 else range(9, -1, -1)),
                                           "meta": {"total_pages": 2}})
    refused_unchanged(panel, cache_path)


def test_a_page_past_the_real_end_answered_with_the_last_page_again_is_refused(panel, cache_path):
    """A panel that answers any page past its last with the last page (instead of an empty one)."""
    def clamped(sent) -> Canned:
        number = min(asked_page(sent), 2)
        return body({"data": invoices(range((number - 1) * 10, number * 10)), "meta": {"total_pages": 3}})
    panel.lists[PATH] = clamped
    error = refused_unchanged(panel, cache_path)
    assert "page 3" in str(error)
    assert panel.asked(PATH) == 3


def test_the_next_healthy_sync_reads_the_whole_list(panel, cache_path):
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(100)), "meta": {"total_pages": 2}})
    refused_unchanged(panel, cache_path)
    panel.lists[PATH] = lambda sent: body({"data": invoices(range((asked_page(sent) - 1) * 100,
                                                                   asked_page(sent) * 100)),
                                           "meta": {"total_pages": 2}})
    hostile.canned_sync(panel.session, cache_path)
    assert {f"inv-{n}" for n in range(200)} <= cached_ids(cache_path)


# -- what a list that changed meanwhile looks like is still read ------------------------------------------------------
@pytest.mark.parametrize("total_pages", [2, 3])
def test_pages_without_current_page_are_read_whole(panel, cache_path, total_pages):
    panel.lists[PATH] = lambda sent: body({"data": invoices(range((asked_page(sent) - 1) * 100,
                                                                   asked_page(sent) * 100)),
                                           "meta": {"total_pages": total_pages}})
    hostile.canned_sync(panel.session, cache_path)
    assert {f"inv-{n}" for n in range(100 * total_pages)} <= cached_ids(cache_path)
    assert panel.asked(PATH) == total_pages


def test_a_short_last_page_of_rows_read_already_is_read(panel, cache_path):
    """A row added at the top between the two requests pushes page 1's last row onto page 2, whose only row it was:
    a page of rows read already, but not a page sent again."""
    panel.lists[PATH] = lambda sent: body({"data": invoices(range(100) if asked_page(sent) == 1 else [99]),
                                           "meta": {"total_pages": 2}})
    hostile.canned_sync(panel.session, cache_path)
    assert {f"inv-{n}" for n in range(100)} <= cached_ids(cache_path)


# -- a service's invoices, read whole outside a sync ------------------------------------------------------------------
def read_whole(panel: hostile.ListsPanel) -> list[dict]:
    with PanelClient("http://panel.test", session=panel.session, sleep=lambda s: None) as client:
        return client.service_invoices("svc-1")


@pytest.mark.parametrize("total_pages", [2, 3])
def test_service_invoices_answered_page_1_again_without_saying_so_are_refused(panel, total_pages):
    panel.lists[SERVICE_INVOICES] = lambda sent: body({"data": invoices([1, 2]), "meta": {"total_pages": total_pages}})
    with pytest.raises(BadAnswer) as caught:
        read_whole(panel)       # it was inv-1, inv-2 two or three times over
    assert panel.asked(SERVICE_INVOICES) == 2
    assert caught.value.field == "data"


def test_service_invoices_listed_twice_across_shifted_pages_are_each_once(panel):
    panel.lists[SERVICE_INVOICES] = lambda sent: body({"data": invoices([1, 2, 3] if asked_page(sent) == 1 else [3, 4]),
                                                       "meta": {"total_pages": 2}})
    assert [row["id"] for row in read_whole(panel)] == ["inv-1", "inv-2", "inv-3", "inv-4"]


def test_service_invoices_listed_twice_keep_the_copy_changed_last():
    panel = hostile.ListsPanel()
    older = {**INVOICE, "id": "inv-1", "status": "pending", "balance_due": "9.99", "updated_at": "2026-02-01T00:00:00Z"}
    newer = {**INVOICE, "id": "inv-1", "status": "paid", "updated_at": "2026-02-02T00:00:00Z"}
    panel.lists[SERVICE_INVOICES] = lambda sent: body({"data": [newer, older], "meta": {"total_pages": 1}})
    assert [(row["id"], row["status"]) for row in read_whole(panel)] == [("inv-1", "paid")]


# -- PageCheck itself -------------------------------------------------------------------------------------------------
class _Page:
    def __init__(self, ids, current_page=None) -> None:
        self.data = [{"id": i} for i in ids]
        self.current_page = current_page


def test_page_check_refuses_a_whole_page_read_before_at_once():
    pages = PageCheck("things", _Page([1, 2, 3]))
    with pytest.raises(BadAnswer):
        pages.take(2, _Page([3, 2, 1]))


def test_page_check_takes_one_short_page_of_rows_read_before_and_then_new_rows():
    pages = PageCheck("things", _Page([1, 2, 3]))
    pages.take(2, _Page([3]))
    pages.take(3, _Page([4, 5, 6]))


def test_page_check_counts_rows_without_their_key_as_new():
    """The schema's check names such a row; the paging check does not take it for a repeat."""
    pages = PageCheck("things", _Page([1, 2]))
    page = _Page([])
    page.data = [{"name": "a"}, {"name": "b"}]
    pages.take(2, page)
