"""An id is what names a record to the panel (it goes into the path of every read and action on it): one of only
spaces or other white space names nothing, and was kept as a row's id (read back as `/billing/invoices/%20`). It
is refused like an empty one now, by name, the cache as it was. Canned answers through the real client, sync
engine and cache (no sockets)."""
from __future__ import annotations

import pytest

from app.api import BadAnswer
from app.cache import AccountCache

from . import hostile

INVOICE = {**hostile.LIST_ROWS["/billing/invoices"][0], "updated_at": "2026-03-01T00:00:00Z"}


def panel(invoices: list | None = None):
    return hostile.canned_panel({} if invoices is None else {"/billing/invoices": hostile.one_page(invoices)})


def sync(session, path):
    return hostile.canned_sync(session, path)


def dump(path) -> list:
    return hostile.cache_tables(path, "invoices", "sync_state")


@pytest.mark.parametrize("ident", [" ", "   ", "\u00a0", "\u3000"])
def test_an_id_of_white_space_is_refused_by_name_and_changes_nothing(tmp_path, ident):
    path = tmp_path / "cache.sqlite3"
    sync(panel(), path)
    before = dump(path)
    with pytest.raises(BadAnswer) as caught:
        sync(panel([{**INVOICE, "id": ident}]), path)
    assert caught.value.field == "[0].id"
    assert dump(path) == before


@pytest.mark.parametrize("ident", ["inv 1", "7", "a-b_c.d"])
def test_an_id_with_text_in_it_is_kept(tmp_path, ident):
    path = tmp_path / "cache.sqlite3"
    sync(panel([{**INVOICE, "id": ident}]), path)
    with AccountCache(path) as cache:
        assert cache.invoice(ident) is not None
