"""Quitting never waits long for a worker: `Cancellation.cancel()` waits a bounded time for a guarded block (a
sync's one cache write), then aborts it, and a sync that is still preparing its write is not waited for at all.
Nothing half-written is ever left: an abandoned write rolls back."""
from __future__ import annotations

import threading

import pytest

from app.api import Cancellation, Cancelled, PanelClient
from app.api.cancel import ABORT_WAIT_SECONDS, GUARD_WAIT_SECONDS
from app.cache import AccountCache, CacheChanges
from app.sync import SyncCancelled, SyncEngine

from .hostile import HostilePanel

WAIT = 30.0   # s: how long a broken test may hang before giving up (not a threshold the code is held to)


def test_the_guard_waits_are_within_two_seconds():
    assert GUARD_WAIT_SECONDS + ABORT_WAIT_SECONDS <= 2.0


def test_a_guarded_block_that_outlasts_the_wait_is_aborted():
    cancellation = Cancellation()
    entered, aborted = threading.Event(), threading.Event()

    def block() -> None:
        with cancellation.guarded(abort=aborted.set):
            entered.set()
            aborted.wait(WAIT)   # a long write that an abort ends (as SQLite's interrupt does)

    worker = threading.Thread(target=block)
    worker.start()
    assert entered.wait(WAIT)
    assert cancellation.cancel() is True
    assert aborted.is_set()
    worker.join(WAIT)


def test_a_block_that_ignores_the_abort_is_left_behind_and_the_cancel_returns():
    cancellation = Cancellation()
    entered, released = threading.Event(), threading.Event()

    def block() -> None:
        with cancellation.guarded(abort=lambda: None):
            entered.set()
            released.wait(WAIT)

    worker = threading.Thread(target=block)
    worker.start()
    assert entered.wait(WAIT)
    assert cancellation.cancel() is False   # returned after its bounded waits, the block still running
    assert cancellation.cancel() is False   # a second cancel (quit's next step) does not wait again
    released.set()
    worker.join(WAIT)
    with pytest.raises(Cancelled):
        with cancellation.guarded():
            pass


def test_a_cancel_just_before_commit_rolls_the_write_back(tmp_path):
    with AccountCache(tmp_path / "c.sqlite3") as cache:
        cancellation = Cancellation()

        def quit_now() -> None:
            cancellation._set.set()   # the quit arrives between the last row and COMMIT
            cancellation.check()

        plan = cache.plan(CacheChanges(upserts={"categories": [{"id": f"c{n}", "name": "x"} for n in range(500)]}))
        with pytest.raises(Cancelled):
            cache.write(plan, before_commit=quit_now)
        assert cache.categories() == []


def test_an_interrupted_write_leaves_all_or_nothing(tmp_path):
    rows = [{"id": f"c{n}", "name": "x" * 200} for n in range(20000)]
    with AccountCache(tmp_path / "c.sqlite3") as cache:
        plan = cache.plan(CacheChanges(upserts={"categories": rows}))
        stop = threading.Event()

        def interrupt_until_done() -> None:
            while not stop.is_set():
                cache.interrupt()

        interrupter = threading.Thread(target=interrupt_until_done)
        interrupter.start()
        try:
            cache.write(plan)
            written = True
        except Exception:   # noqa: BLE001 - interrupted: the cache's error; checked below
            written = False
        finally:
            stop.set()
            interrupter.join(WAIT)
        assert len(cache.categories()) == (20000 if written else 0)


def test_a_quit_while_a_sync_prepares_its_write_does_not_wait_for_it(tmp_path):
    panel = HostilePanel()
    cancellation = Cancellation()
    returned: list[bool] = []

    class SlowToPlan(AccountCache):
        def plan(self, changes):
            returned.append(cancellation.cancel())   # the quit, while the rows are being converted
            return super().plan(changes)

    try:
        with PanelClient(panel.url, sleep=lambda seconds: None) as client, SlowToPlan(tmp_path / "c.sqlite3") as cache:
            with pytest.raises(SyncCancelled):
                SyncEngine(client, cache).run(cancellation=cancellation)
            assert returned == [True]          # nothing guarded was running: the cancel did not wait
            assert cache.categories() == [] and cache.sync_states() == {}
    finally:
        panel.close()



def test_several_cancellations_are_waited_for_together():
    from app.api.cancel import cancel_all

    blocks = [Cancellation(), Cancellation(), Cancellation()]
    released = threading.Event()
    entered = threading.Barrier(len(blocks) + 1)
    set_when_aborted: list[list[bool]] = []

    def block(cancellation: Cancellation) -> None:
        def abort() -> None:   # what was cancelled by the time the first wait ran out
            set_when_aborted.append([c.is_set() for c in blocks])

        with cancellation.guarded(abort=abort):
            entered.wait(WAIT)
            released.wait(WAIT)

    workers = [threading.Thread(target=block, args=(c,)) for c in blocks]
    for worker in workers:
        worker.start()
    entered.wait(WAIT)
    assert cancel_all(*blocks) is False
    released.set()
    for worker in workers:
        worker.join(WAIT)
    # Every one was cancelled before the one shared wait ran out: one wait in all, not one per cancellation.
    assert set_when_aborted == [[True, True, True]] * 3
