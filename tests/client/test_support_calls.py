"""Support tickets through the typed calls and the sync, against the real panel: opening (replayed with its
Idempotency-Key), replies, closing, isolation, bodies refused in words, and the synced list readable offline with
each changed ticket's conversation; a panel with tickets off is skipped like billing."""
from __future__ import annotations

import pytest

from app.api import Credentials, NotFound, PanelClient, ValidationFailed, new_idempotency_key
from app.cache import AccountCache
from app.sync import SyncEngine


def client_of(panel, api, cls=PanelClient) -> PanelClient:
    return cls(panel.url, Credentials.from_tokens(api.token, api.refresh_token), max_retries=0)


def test_ticket_calls_and_their_bad_inputs(panel, shop, tickets_on):
    user, other = shop.user(), shop.user()
    client = client_of(panel, user)
    key = new_idempotency_key()
    ticket = client.open_ticket(subject="Card declined", department="billing", body="<b>help</b>", key=key)
    again = client.open_ticket(subject="Card declined", department="billing", body="<b>help</b>", key=key)
    assert again["id"] == ticket["id"] and ticket["status"] == "open"          # the replay made no second ticket
    assert [m["body"] for m in ticket["messages"]] == ["<b>help</b>"]
    reply_key = new_idempotency_key()
    message = client.reply_ticket(ticket["id"], "Still waiting", key=reply_key)
    assert client.reply_ticket(ticket["id"], "Still waiting", key=reply_key)["id"] == message["id"]
    closed = client.close_ticket(ticket["id"])
    assert closed["status"] == "closed" and len(closed["messages"]) == 2
    client.reply_ticket(ticket["id"], "One more thing", key=new_idempotency_key())
    assert client.ticket(ticket["id"])["status"] == "customer_reply"            # replying reopened it
    with pytest.raises(NotFound):
        client_of(panel, other).ticket(ticket["id"])
    with pytest.raises(ValidationFailed, match="20,001 characters"):
        client.reply_ticket(ticket["id"], "x" * 20_001, key=new_idempotency_key())
    with pytest.raises(ValidationFailed, match="empty"):
        client.reply_ticket(ticket["id"], "   ", key=new_idempotency_key())


def test_sync_keeps_tickets_with_their_conversation_and_skips_them_when_off(panel, shop, admin, tmp_path,
                                                                             tickets_on):
    user = shop.user()
    client = client_of(panel, user)
    ticket = client.open_ticket(subject="Where is my invoice?", department="billing", body="Hello",
                                key=new_idempotency_key())
    cache = AccountCache(tmp_path / "cache.sqlite3")
    engine = SyncEngine(client, cache)
    first = engine.run()
    assert "tickets" in first.resources
    assert [m["body"] for m in cache.ticket(ticket["id"])["messages"]] == ["Hello"]

    admin.data("POST", f"/admin/support/tickets/{ticket['id']}/replies", {"body": "Here it is"}, expect=201)
    second = engine.run()
    assert "tickets" in second.resources and "notifications" in second.resources
    held = cache.ticket(ticket["id"])
    assert held["status"] == "answered"
    assert [(m["body"], m["author"]["staff"]) for m in held["messages"]] == [("Hello", False), ("Here it is", True)]
    assert engine.run().resources == set()                 # nothing changed: nothing written

    shop.settings(tickets_enabled=False)
    off = engine.run()
    assert "tickets" not in off.resources and cache.tickets()          # not asked; what was cached stays


class SaysTicketsAreOn(PanelClient):
    """Public settings that say tickets are on while the panel has them off (switched off between two reads)."""

    def public_settings(self) -> dict:
        return {**super().public_settings(), "tickets_enabled": True}


def test_a_panel_answering_tickets_disabled_is_skipped_not_a_failed_sync(panel, shop, tmp_path):
    user = shop.user()
    engine = SyncEngine(client_of(panel, user, SaysTicketsAreOn), AccountCache(tmp_path / "cache.sqlite3"))
    changes = engine.run()
    assert changes.billing_enabled and "tickets" not in changes.resources
