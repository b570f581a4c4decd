"""kill -9 of the whole app in the middle of a replay: `python -m app` is started on a data folder whose outbox holds a
cancellation request queued offline; the panel acts on it, but its answer is stalled by a proxy, and the app is killed
with SIGKILL. The entry stays `sending`; the app started again sends it with the same Idempotency-Key, the panel
answers with its first answer and holds exactly one request, and the entry ends `sent`.

The app runs as a child process, so the login lives in a file keyring both processes read
(tests/support/file_keyring.py)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time

from app.cache import open_account_cache
from app.core import outbox as core_outbox
from app.secrets import SecretStore
from tests.client.servers import FlakyProxy
from tests.support.file_keyring import FileKeyring
from tests.support.panel import ROOT

from .conftest import add_account, close
from .test_outbox import NOTICED_MS, buy, queue_offline_cancellation, requests_for


class StallingProxy(FlakyProxy):
    """Forwards to the panel. `down`: closes every connection unanswered (the panel is gone). `stall`: requests to
    `stall_path` reach the panel, but its answer is held back until `stall` is cleared."""

    def __init__(self, upstream: str, stall_path: str) -> None:
        self.stall_path = stall_path
        self.down = False
        self.stall = False
        self.stalled = threading.Event()
        super().__init__(upstream, lose_path="")

    def handle(self, handler, seen) -> None:
        with self._lock:
            self.seen.append(seen)
        if self.down:
            handler.close_connection = True
            return
        upstream = self.ask_upstream(seen)
        if self.stall and seen.path.split("?")[0] == self.stall_path:
            self.stalled.set()                   # the panel has acted; its answer never leaves
            handler.close_connection = True
            while self.stall:
                time.sleep(0.05)
            return
        self.pass_back(handler, upstream)


def start_app(data_dir, keyring: FileKeyring) -> subprocess.Popen:
    """The whole app, as a user starts it, offscreen, in a process group of its own (killed whole)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", **keyring.env()}
    return subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data_dir)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)


def wait_for(condition, what: str, proc: subprocess.Popen | None = None, seconds: float = 120.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert proc is None or proc.poll() is None, f"the app ended (code {proc.returncode}) before {what}"
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.1)


def outbox_entries(account_id: str) -> list[dict]:
    with open_account_cache(account_id) as cache:
        return cache.outbox()


def end(proc: subprocess.Popen, sig: int) -> int:
    if proc.poll() is None:
        os.killpg(proc.pid, sig)
    return proc.wait(60)


def test_the_app_killed_mid_replay_sends_the_request_again_with_its_key_and_the_panel_holds_one(
        make_app, shop, panel, admin, data_dir, tmp_path, qtbot):
    user = shop.user(credits="10.00")
    (service_id,) = buy(user, shop.product(name="Killed VPS")["id"])["order"]["service_ids"]
    path = f"/api/v1/billing/services/{service_id}/cancel"
    keyring = FileKeyring(tmp_path / "keyring.json")
    proxy = StallingProxy(panel.url, path)
    running: list[subprocess.Popen] = []
    try:
        # Queued offline, in this process: the login goes to the file keyring, the entry to the account's cache.
        app = make_app(secrets=SecretStore(keyring))
        account = add_account(qtbot, app, proxy.url, user.user["email"])
        proxy.down = True
        qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)
        queue_offline_cancellation(qtbot, app, service_id, "Killed mid-replay")
        close(app)
        (queued,) = outbox_entries(account.id)
        assert queued["status"] == core_outbox.QUEUED

        # The panel is back but stalls its answer to the replayed request; kill -9 the app while it waits.
        proxy.down, proxy.stall = False, True
        first = start_app(data_dir, keyring)
        running.append(first)
        wait_for(proxy.stalled.is_set, "the replayed request reached the panel", first)
        assert end(first, signal.SIGKILL) == -signal.SIGKILL
        (entry,) = outbox_entries(account.id)
        assert entry["id"] == queued["id"] and entry["status"] == core_outbox.SENDING   # marked before, never after
        assert len(requests_for(admin, service_id)) == 1                                 # the panel acted once

        # Started again, with the panel answering: the `sending` entry goes again, with the same key, and ends sent.
        proxy.stall = False
        second = start_app(data_dir, keyring)
        running.append(second)
        wait_for(lambda: [e["status"] for e in outbox_entries(account.id)] == [core_outbox.SENT],
                 "the entry to be sent", second)
        (request,) = requests_for(admin, service_id)                                     # still exactly one
        assert request["status"] == "pending" and request["reason"] == "Killed mid-replay"
        sent = [s for s in proxy.seen_at(path) if s.method == "POST"]
        assert len(sent) == 2 and {s.headers.get("Idempotency-Key") for s in sent} == {queued["id"]}
        assert end(second, signal.SIGTERM) == 0
    finally:
        proxy.stall = False
        for proc in running:
            end(proc, signal.SIGKILL)
        proxy.close()
