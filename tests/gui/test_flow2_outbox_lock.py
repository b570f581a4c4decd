"""Two Sett processes on one data folder never both send an account's outbox: a replay sends only while it holds
the account's outbox lock (app.cache.outbox_lock), which another process holding it refuses and the system drops
with a killed process; and an entry another process changed after this replay read the outbox (sent it, removed
it) is not sent from the stale copy. Before, the single-instance guard was the only guard: two replays on one
folder each sent every waiting entry."""
from __future__ import annotations

import subprocess
import sys

import pytest

from app.cache import AccountCache, CacheChanges
from app.core import outbox as ob
from app.session.operations import outbox as outbox_ops

from .test_session_glue import CannedClient, add, sessions, settle  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="the holder below uses fcntl")

HOLDER = ("import fcntl, os, sys\n"
          "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT, 0o600)\n"
          "fcntl.flock(fd, fcntl.LOCK_EX)\n"
          "print('held', flush=True)\n"
          "sys.stdin.read()\n")


def _run(session, operation, *args):
    out: list = []
    session.run(operation, *args, on_done=out.append, on_error=out.append)
    settle()
    return out[-1] if out else None


def _ticket() -> dict:
    return {"id": "t-1", "ticket_number": "TKT-1", "subject": "Hi", "status": "open",
            "updated_at": "2026-12-06T10:00:00Z", "messages": []}


def test_a_replay_sends_nothing_while_another_process_holds_the_outbox(sessions):  # noqa: F811
    from app.cache.outbox_lock import lock_path

    sent: list[str] = []
    client = CannedClient({"reply_ticket": lambda ticket_id, body, *, key: sent.append(key) or {"id": "m-1"},
                           "ticket": _ticket()})
    session = add(sessions, client)
    _run(session, outbox_ops.queue_reply, "t-1", "Hello", "key-r", "Reply to TKT-1")
    path = _run(session, lambda ctx: ctx.cache.path)
    with subprocess.Popen([sys.executable, "-c", HOLDER, str(lock_path(path))], stdin=subprocess.PIPE,
                          stdout=subprocess.PIPE, text=True) as other:
        try:
            assert other.stdout.readline().strip() == "held"    # the other Sett is sending
            result = _run(session, outbox_ops.replay)
            assert sent == [] and result.sent == [] and result.pending == 1
        finally:
            other.kill()                                        # killed mid-send: the system drops its lock
    assert _run(session, outbox_ops.replay).sent == ["Reply to TKT-1"]
    _run(session, outbox_ops.replay)
    assert sent == ["key-r"]                                    # once


def test_an_entry_another_process_sent_meanwhile_is_not_sent_again(sessions):  # noqa: F811
    sent: list[str] = []
    holder: dict = {}

    def reply(ticket_id, body, *, key):
        sent.append(key)
        if key == "key-1":      # meanwhile another Sett (its own connection to the file) sent and removed the rest
            other = AccountCache(holder["path"])
            try:
                second = next(r for r in other.outbox() if r["id"] == "key-2")
                other.apply(CacheChanges(upserts={"outbox": [{**second, "status": ob.SENT,
                                                              "sent_at": ob.now_text()}]}))
                other.apply(CacheChanges(deletes={"outbox": ["key-3"]}))
            finally:
                other.close()
        return {"id": "m-1"}

    session = add(sessions, CannedClient({"reply_ticket": reply, "ticket": _ticket()}))
    holder["path"] = _run(session, lambda ctx: ctx.cache.path)
    for n in (1, 2, 3):
        _run(session, outbox_ops.queue_reply, "t-1", f"Hello {n}", f"key-{n}", f"Reply {n}")
    _run(session, outbox_ops.replay)
    _run(session, outbox_ops.replay)
    assert sent == ["key-1"]
