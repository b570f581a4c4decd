"""An attempt whose key cannot be kept before sending (the account's cache refuses the write: a full disk, a file
gone read-only) is not sent at all, and says so: nothing was sent, so the panel did nothing, and the key rule
(`panel_may_have_acted`) treats it as definite. Every keyed action, and the cart's order attempt, whose key is
saved with the cart. Real sockets on 127.0.0.1 would answer; the operations, the client and the cache are real."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.api import panel_may_have_acted
from app.cache import AccountCache, CacheError
from app.session.operations import Context
from app.session.operations import kept_keys as kept_ops
from app.session.payments import error_text
from app.session.wording import action_failed

from .test_r4_kept_keys_restart import ACTIONS, HTML, STARTED, Session, keys_seen

FULL = "Could not write the cache for this account (cache.sqlite3): database or disk is full."


def refuse_writes(monkeypatch, *tables: str) -> None:
    """From now on the cache refuses a write of rows to any of `tables`, as a full disk would; reads still work."""
    real = AccountCache.apply

    def apply(self, changes, *args, **kwargs):
        if any(table in changes.upserts for table in tables):
            raise CacheError(FULL)
        return real(self, changes, *args, **kwargs)

    monkeypatch.setattr(AccountCache, "apply", apply)


@pytest.fixture
def full_disk(monkeypatch):
    """The cache refuses to write a kept key or the cart (what must be kept before sending)."""
    refuse_writes(monkeypatch, "kept_keys", "cart_items")


def says_nothing_was_sent(error: BaseException) -> None:
    assert not panel_may_have_acted(error)
    said = action_failed(error)
    assert said.startswith("Nothing was sent") and "panel was not asked" in said
    assert "database or disk is full" in said          # what the cache said, to act on
    assert "may have" not in said
    assert error_text(error, lambda _ids: "") == said    # the checkout's words say the same


@pytest.mark.parametrize("name", list(ACTIONS))
def test_a_key_that_cannot_be_kept_sends_nothing_and_says_so(name, canned, tmp_path, full_disk):
    server = canned(STARTED)
    with Session(server.url, tmp_path / "cache.sqlite3") as session, pytest.raises(kept_ops.NotSent) as raised:
        session.run(name, "key-1")
    assert keys_seen(server) == []
    says_nothing_was_sent(raised.value)


def test_an_earlier_attempts_key_stays_when_the_next_cannot_be_sent(canned, tmp_path, monkeypatch):
    # A lost answer kept key-1; the next press cannot write (the prune of another key fails): nothing is sent, and
    # key-1 is still the attempt's key for the press after it.
    server = canned(HTML)
    with Session(server.url, tmp_path / "cache.sqlite3") as session:
        ctx = Context("acct", lambda: None, "keyed")
        ctx._cache = session.cache
        kept_ops.keep(ctx, kept_ops.attempt_id("cancel_order", ["o-1"]), "key-1", "cancel_order",
                      now=datetime.now(UTC) - timedelta(hours=1))
        # Another attempt's key, past the window: the next keep prunes it, which is the write that fails.
        kept_ops.keep(ctx, "another", "key-0", "reply", now=datetime.now(UTC) - kept_ops.KEY_WINDOW * 2)
        real = AccountCache.apply
        monkeypatch.setattr(AccountCache, "apply", lambda *_a, **_k: (_ for _ in ()).throw(CacheError(FULL)))
        with pytest.raises(kept_ops.NotSent):
            session.run("cancel order", "key-2")
        monkeypatch.setattr(AccountCache, "apply", real)
        session.fails("cancel order", "key-3")   # (whatever the panel answers: the key sent is what counts)
    assert keys_seen(server) == ["key-1"]


def test_an_order_whose_key_cannot_be_saved_with_the_cart_sends_nothing(canned, tmp_path, full_disk):
    server = canned(STARTED)
    items = [{"id": "line-1", "product_id": "p-1", "billing_cycle": "monthly", "quantity": 1, "config": {}}]
    options = {"coupon": None, "use_credits": False, "checkout": {"key": "key-1", "for": "cart", "kept_at": "x"}}
    with Session(server.url, tmp_path / "cache.sqlite3") as session, pytest.raises(kept_ops.NotSent) as raised:
        ctx = Context("acct", lambda: session.client, "order")
        ctx._cache = session.cache
        kept_ops.order(ctx, items, options, {"items": items, "coupon_code": None}, "stripe", False, "key-1")
    assert keys_seen(server) == []
    says_nothing_was_sent(raised.value)
