"""Cancelling a client from another thread (what quitting Sett does): a request the panel holds, a wait before a
retry, a connect or a TLS handshake that hangs are all abandoned at once, with `Cancelled`, and nothing is sent
again.

Each server holds its request until the test is over, so a client that returns has abandoned it; on the old code
the client sat out its timeouts, retried, and ended in a `NetworkError`.
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import pytest

from app.api import Cancellation, Cancelled, NetworkError, PanelClient
from app.api.cancel import bound

from .servers import CannedServer, HangingConnects, HoldingProxy, Reply

WAIT = 30.0   # s: only how long a broken client may hang before the test gives up on it
HELD = "/api/v1/settings/public"


class Call(threading.Thread):
    """Runs `fn` on its own thread, as a worker would; `outcome` is what it returned or raised."""

    def __init__(self, fn: Callable[[], Any]) -> None:
        super().__init__(daemon=True)
        self.fn, self.outcome = fn, None

    def run(self) -> None:
        try:
            self.outcome = self.fn()
        except BaseException as exc:  # noqa: BLE001 - the test looks at whatever it was
            self.outcome = exc

    def ended(self) -> Any:
        self.join(WAIT)
        assert not self.is_alive(), "the call was not abandoned"
        return self.outcome


def until(condition: Callable[[], bool]) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.01)


def fetch(url: str, cancellation: Cancellation, **kwargs) -> Call:
    def work() -> Any:
        with PanelClient(url, timeout=60.0, max_retries=3, cancellation=cancellation, **kwargs) as client:
            return client.public_settings()
    call = Call(work)
    call.start()
    return call


def test_a_cancel_abandons_a_request_the_panel_holds_and_retries_nothing():
    proxy = HoldingProxy(None, HELD)
    cancellation = Cancellation()
    try:
        call = fetch(proxy.url, cancellation)
        assert proxy.arrived.wait(WAIT)
        cancellation.cancel()
        assert isinstance(call.ended(), Cancelled)
        assert proxy.abandoned.wait(WAIT)                 # the server saw the connection closed while it held it
        assert not proxy.release.is_set()
        assert len(proxy.seen_at(HELD)) == 1               # and no retry was sent after the cancel
        assert cancellation.watching == 0                  # the abandoned connection was given back
    finally:
        proxy.release.set()
        proxy.close()


def test_a_cancel_ends_the_wait_before_a_retry():
    server = CannedServer(Reply(429, {"error": {"code": "rate_limited", "message": "Slow down."}},
                                headers={"Retry-After": "60"}))
    cancellation = Cancellation()
    try:
        call = fetch(server.url, cancellation)       # the client's own wait: the cancellation's
        until(lambda: len(server.seen) == 1)
        cancellation.cancel()
        assert isinstance(call.ended(), Cancelled)
        assert len(server.seen) == 1
    finally:
        server.close()


def test_a_connect_that_hangs_is_abandoned():
    hanging = HangingConnects()
    cancellation = Cancellation()
    try:
        call = fetch(hanging.url, cancellation)
        until(lambda: cancellation.watching == 1)    # its socket is connecting
        cancellation.cancel()
        outcome = call.ended()
        assert isinstance(outcome, Cancelled) and not isinstance(outcome, NetworkError)
    finally:
        hanging.close()


def test_a_tls_handshake_that_hangs_is_abandoned(silent):
    # The kernel accepts the connection; nobody ever answers the TLS hello.
    cancellation = Cancellation()
    call = fetch(silent.url.replace("http://", "https://"), cancellation)
    until(lambda: cancellation.watching == 1)
    cancellation.cancel()
    assert isinstance(call.ended(), Cancelled)


def test_a_client_made_in_a_task_answers_to_the_tasks_cancellation(canned):
    server = canned(Reply(200, {"data": {"panel_name": "Canned", "billing_enabled": True}}))
    cancellation = Cancellation()
    with bound(cancellation), PanelClient(server.url) as client:
        assert client.cancellation is cancellation
        assert client.public_settings()["panel_name"] == "Canned"
    assert cancellation.watching == 0                  # closing the client gave its connections back
    cancellation.cancel()
    with bound(cancellation), PanelClient(server.url) as client, pytest.raises(Cancelled):
        client.public_settings()
    assert len(server.seen) == 1                       # once cancelled, nothing more is sent
    with PanelClient(server.url) as outside:           # outside any task: a cancellation of its own
        assert outside.cancellation is not cancellation and not outside.cancellation.is_set()


def test_cancel_waits_for_a_guarded_block_and_none_starts_after_it():
    cancellation = Cancellation()
    inside, finish, cancel_returned = threading.Event(), threading.Event(), threading.Event()

    def commit() -> None:
        with cancellation.guarded():
            inside.set()
            finish.wait(WAIT)

    writer = Call(commit)
    writer.start()
    assert inside.wait(WAIT)
    canceller = Call(lambda: (cancellation.cancel(), cancel_returned.set()))
    canceller.start()
    until(cancellation.is_set)
    assert not cancel_returned.wait(0.2)               # the commit under way is waited for ...
    finish.set()
    writer.ended()
    canceller.ended()
    assert cancel_returned.is_set()
    with pytest.raises(Cancelled), cancellation.guarded():   # ... and none starts after a cancel
        pytest.fail("a guarded block ran after the cancel")
