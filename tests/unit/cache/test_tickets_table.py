"""The tickets table (cache step 2): a file of the first step upgrades keeping its rows, and a ticket's
conversation survives its list row seen again unchanged (the sync's overlap), but not a changed one."""
from __future__ import annotations

from app.cache import AccountCache, CacheChanges, latest_version, schema

from . import samples


def ticket(updated_at: str = "2026-12-01T10:00:00Z", **extra) -> dict:
    return {"id": "t-1", "ticket_number": "TKT-000001", "subject": "<script>alert(1)</script>", "status": "open",
            "department": "billing", "related": {"invoice_id": "inv-1", "service_id": None},
            "last_reply_at": updated_at, "created_at": "2026-12-01T10:00:00Z", "updated_at": updated_at, **extra}


def test_a_first_step_file_gains_the_tickets_table_and_the_outbox(cache_path, monkeypatch):
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:1])
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(1)]}))
    monkeypatch.undo()
    with AccountCache(cache_path) as cache:
        assert cache.version == latest_version() == 4 and cache.backup is not None
        assert cache.tickets() == [] and cache.outbox() == [] and [r["id"] for r in cache.invoices()] == ["inv-1"]


def test_the_conversation_stays_with_an_unchanged_list_row(cache_path):
    messages = [{"id": "m-1", "author": {"name": "Ann", "staff": False}, "body": "<b>hi</b>"}]
    with AccountCache(cache_path) as cache:
        cache.apply(CacheChanges(upserts={"tickets": [ticket(messages=messages)]}))
        cache.apply(CacheChanges(upserts={"tickets": [ticket()]}))        # seen again in the overlap
        assert cache.ticket("t-1")["messages"] == messages
        assert cache.ticket("t-1")["subject"] == "<script>alert(1)</script>"      # stored as sent
        cache.apply(CacheChanges(upserts={"tickets": [ticket("2026-12-02T10:00:00Z")]}))
        assert "messages" not in cache.ticket("t-1")                     # changed: the sync reads it again
