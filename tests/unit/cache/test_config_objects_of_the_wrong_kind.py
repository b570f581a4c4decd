"""A config object the cache holds as something else (a list, a number, text: written by an older Sett, or into the
file by hand) is read as absent, never handed to the screens: `public_settings` held as a list made every read of
the account's data raise AttributeError ('list' object has no attribute 'get'), so the account showed nothing
until a sync wrote it again, and never offline."""
from __future__ import annotations

import pytest

from app.cache import AccountCache, CacheChanges
from app.cache.queries import OBJECT_CONFIG
from app.session.data import load_account_data
from app.session.notices import load_seen


@pytest.mark.parametrize("key", sorted(OBJECT_CONFIG))
@pytest.mark.parametrize("held", [[1], [{"billing_enabled": False}], "text", 5, True])
def test_an_object_held_as_another_kind_reads_as_absent(tmp_path, key, held):
    with AccountCache(tmp_path / "cache.sqlite3") as cache:
        cache.apply(CacheChanges(config={key: held}))
        assert cache.config(key) is None and cache.config(key, {}) == {}
        data = load_account_data("a", cache)
        assert data.billing_enabled and not data.tickets_enabled
        assert data.money("1.50") == "$1.50" and data.places == 2
        assert data.document_parties == ("", "")


def test_objects_and_other_values_read_as_stored(tmp_path):
    with AccountCache(tmp_path / "cache.sqlite3") as cache:
        cache.apply(CacheChanges(config={"public_settings": {"panel_name": "P", "tickets_enabled": True},
                                         "notices_seen": ["n-1", 2]}))
        assert cache.config("public_settings")["panel_name"] == "P"
        assert load_account_data("a", cache).tickets_enabled
        assert load_seen(cache) == ["n-1", "2"]
