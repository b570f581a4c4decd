"""apply(): one transaction for a whole sync; upserts replace, deletes and archived rows remove."""
from __future__ import annotations

import sqlite3
from decimal import Decimal

import pytest

from app.cache import AccountCache, CacheChanges, CacheError, InvalidChanges

from . import samples
from .crash import run_and_die


def _seed(cache):
    cache.apply(CacheChanges(
        upserts={"categories": [samples.category(1)], "products": [samples.product(1)],
                 "invoices": [samples.invoice(1)]},
        config={"billing_config": samples.BILLING_CONFIG},
        sync_state={"invoices": {"etag": '"v1"', "server_time": "2026-01-01T00:00:00.000000Z"}},
    ))


def _everything(cache):
    return (cache.categories(), cache.products(), cache.invoices(), cache.services(),
            cache.config("billing_config"), cache.config("dashboard"), cache.sync_states())


def _next_sync():
    return CacheChanges(
        upserts={"services": [samples.service(1)], "invoices": [samples.invoice(1, status="paid"), samples.invoice(2)]},
        deletes={"products": ["prod-1"]},
        config={"dashboard": {"active_services": 1}},
        sync_state={"invoices": {"etag": '"v2"', "server_time": "2026-01-02T00:00:00.000000Z"}},
    )


def test_an_upsert_replaces_the_whole_row(cache):
    pending = {"id": "c1", "type": "immediate", "reason": "x", "status": "pending"}
    cache.apply(CacheChanges(upserts={"services": [samples.service(1, cancellation=pending)]}))
    cache.apply(CacheChanges(upserts={"services": [samples.service(1, status="suspended")]}))
    assert cache.services() == [samples.service(1, status="suspended")]   # cancellation gone, status new
    assert cache.services("active") == []


def test_deletes_remove_rows_and_ignore_unknown_ids(cache):
    _seed(cache)
    cache.apply(CacheChanges(deletes={"products": ["prod-1", "never-there"], "categories": ["cat-1"]}))
    assert cache.products() == [] and cache.categories() == []
    assert len(cache.invoices()) == 1


def test_archived_rows_are_deleted_not_stored(cache):
    cache.apply(CacheChanges(upserts={"categories": [samples.category(1), samples.category(2)],
                                      "products": [samples.product(1), samples.product(2)]}))
    cache.apply(CacheChanges(upserts={
        "categories": [samples.category(2, archived=True), samples.category(3, archived=True)],
        "products": [samples.product(1, name="Renamed"), samples.product(2, archived=True)],
    }))
    assert [row["id"] for row in cache.categories()] == ["cat-1"]
    assert [(row["id"], row["name"]) for row in cache.products()] == [("prod-1", "Renamed")]
    assert cache.product("prod-2") is None


def test_the_last_occurrence_of_an_id_wins(cache):
    cache.apply(CacheChanges(upserts={"products": [samples.product(1, name="First"), samples.product(1, archived=True),
                                                   samples.product(2, archived=True), samples.product(2)]}))
    assert [row["id"] for row in cache.products()] == ["prod-2"]


def test_deletes_win_over_upserts_of_the_same_id(cache):
    cache.apply(CacheChanges(upserts={"products": [samples.product(1)]}, deletes={"products": ["prod-1"]}))
    assert cache.products() == []


def test_replace_empties_a_table_before_its_upserts(cache):
    cache.apply(CacheChanges(upserts={"notifications": [samples.notification(1), samples.notification(2)]}))
    cache.apply(CacheChanges(upserts={"notifications": [samples.notification(3)]}, replace={"notifications"}))
    assert [row["uuid"] for row in cache.notifications()] == ["note-3"]


def test_notifications_are_keyed_by_their_uuid(cache):
    cache.apply(CacheChanges(upserts={"notifications": [samples.notification(1)]}))
    cache.apply(CacheChanges(upserts={"notifications": [samples.notification(1, read=True)]}))
    assert cache.notifications() == [samples.notification(1, read=True)]
    cache.apply(CacheChanges(deletes={"notifications": ["note-1"]}))
    assert cache.notifications() == []


def test_a_row_without_an_id_writes_nothing_at_all(cache):
    _seed(cache)
    before = _everything(cache)
    bad = _next_sync()
    bad.upserts["orders"] = [samples.order(1), {"order_number": "ORD-9", "status": "active"}]

    with pytest.raises(InvalidChanges, match="orders row has no id"):
        cache.apply(bad)

    assert _everything(cache) == before


@pytest.mark.parametrize("changes", [
    CacheChanges(upserts={"bogus": [{"id": "1"}]}),
    CacheChanges(deletes={"sqlite_master": ["1"]}),
    CacheChanges(upserts={"invoices": ["not an object"]}),
    CacheChanges(upserts={"invoices": [samples.invoice(5, total="twelve")]}),
    CacheChanges(config={"me": {"when": object()}}),
    CacheChanges(sync_state={"invoices": {"etag": "x", "cursor": 3}}),
    CacheChanges(deletes={"invoices": "inv-1"}),
], ids=["unknown table", "system table", "row not an object", "money not a number", "value not json",
        "unknown sync field", "ids as one string"])
def test_bad_changes_are_refused_before_writing(cache, changes):
    _seed(cache)
    before = _everything(cache)
    with pytest.raises(InvalidChanges):
        cache.apply(changes)
    assert _everything(cache) == before


def test_an_error_midway_through_the_writes_rolls_everything_back(cache, monkeypatch):
    _seed(cache)
    before = _everything(cache)
    written = []
    real_write = AccountCache._write_table

    def write_then_crash(self, table, rows, gone):
        real_write(self, table, rows, gone)
        written.append(table)
        if len(written) == 2:
            raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(AccountCache, "_write_table", write_then_crash)

    with pytest.raises(CacheError, match="disk I/O error"):
        cache.apply(_next_sync())

    assert len(written) == 2               # two tables had really been written inside the transaction
    assert _everything(cache) == before
    monkeypatch.undo()
    cache.apply(_next_sync())              # and the cache is still usable afterwards
    assert cache.products() == [] and len(cache.invoices()) == 2


def test_a_process_killed_midway_through_apply_leaves_the_previous_state(cache_path):
    with AccountCache(cache_path) as cache:
        _seed(cache)
        before = _everything(cache)

    run_and_die(f"""
        import os
        from app.cache import AccountCache, CacheChanges
        from tests.unit.cache import samples
        from tests.unit.cache.test_apply import _next_sync
        calls = []
        real_write = AccountCache._write_table
        def write_then_die(self, table, rows, gone):
            real_write(self, table, rows, gone)
            calls.append(table)
            if len(calls) == 2:
                os._exit(3)
        AccountCache._write_table = write_then_die
        AccountCache({str(cache_path)!r}).apply(_next_sync())
    """, exit_code=3)

    with AccountCache(cache_path) as cache:
        assert _everything(cache) == before


def test_config_values_are_set_replaced_and_removed(cache):
    cache.apply(CacheChanges(config={"me": {"id": "u1", "email": "a@example.com"}, "credits": {"balance": "1.00"}}))
    cache.apply(CacheChanges(config={"me": {"id": "u1", "email": "b@example.com"}, "credits": None}))
    assert cache.config("me") == {"id": "u1", "email": "b@example.com"}
    assert cache.config("credits") is None
    assert cache.config("credits", default={}) == {}


def test_sync_state_round_trips_and_updates_only_the_fields_given(cache):
    assert cache.sync_state("invoices") is None
    state = {"etag": 'W/"12"', "server_time": "2026-11-24T02:55:40.840026Z",
             "last_synced_at": "2026-11-24T02:55:41.000000Z"}
    cache.apply(CacheChanges(sync_state={"invoices": state}))
    assert cache.sync_state("invoices") == state

    cache.apply(CacheChanges(sync_state={"invoices": {"etag": 'W/"13"'}}))
    updated = cache.sync_state("invoices")
    assert updated["etag"] == 'W/"13"' and updated["server_time"] == state["server_time"]
    assert updated["last_synced_at"] > state["last_synced_at"]        # stamped now when not given
    assert set(cache.sync_states()) == {"invoices"}


def test_decimal_amounts_are_kept_as_decimal_strings(cache):
    # What app.api hands over when a panel sends money as JSON numbers (parse_float=Decimal).
    cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(1, total=Decimal("1234.5"),
                                                                   balance_due=Decimal("0.10"))]},
                             config={"billing_config": samples.BILLING_CONFIG}))
    stored = cache.invoice("inv-1")
    assert stored["total"] == "1234.5" and stored["balance_due"] == "0.10"
    assert cache.invoice_rows()[0]["total_minor"] == 123450


def test_an_invoice_keeps_its_fetched_detail_until_it_changes(cache):
    cache.apply(CacheChanges(upserts={"invoices": [samples.invoice_detail(1)]}))
    # The same invoice seen again in the next list (the sync overlap): same updated_at, list shape.
    cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(1)]}))
    assert cache.invoice("inv-1") == samples.invoice_detail(1)

    changed = samples.invoice(1, status="paid", updated_at="2026-01-05T00:00:00.000000Z")
    cache.apply(CacheChanges(upserts={"invoices": [changed]}))
    assert cache.invoice("inv-1") == changed                  # stale lines and payments are not kept
    assert cache.invoice_rows()[0]["has_detail"] == 0


def test_a_number_too_far_from_one_is_refused_not_written_out_in_full(cache):
    from decimal import Decimal

    import pytest

    from app.cache import CacheChanges, InvalidChanges

    for number in (Decimal("1E+999999999"), Decimal("1E-999999999"), Decimal("NaN")):
        with pytest.raises(InvalidChanges, match="cannot be stored"):
            cache.apply(CacheChanges(upserts={"orders": [{"id": "o1", "extra": number}]}))
    assert cache.orders() == []
