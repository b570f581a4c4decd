"""kill -9 in the middle of a replay: the panel acted on the queued cancellation request, but its answer is stalled
by a proxy and the replaying process is killed with SIGKILL. The entry stays `sending`; the restarted app sends it
again with the same Idempotency-Key, and the panel, answering with its first answer, holds exactly one request."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

from app.cache import open_account_cache
from tests.client.servers import FlakyProxy
from tests.support.panel import ROOT

from .conftest import WAIT, add_account, close
from .test_outbox import NOTICED_MS, buy, queue_offline_cancellation, requests_for

# The app's own replay (app.session.operations.outbox.replay, as the session runs it on the account's worker),
# in a process of its own so it can be killed with SIGKILL.
REPLAYER = textwrap.dedent("""
    import json, os, sys
    from app import paths
    paths.use_data_dir(sys.argv[1])
    from app.api import Credentials, PanelClient
    from app.session.operations import Context
    from app.session.operations import outbox as outbox_ops
    credentials = Credentials(**json.loads(os.environ["SETT_TEST_CREDENTIALS"]))
    ctx = Context(sys.argv[2], lambda: PanelClient(sys.argv[3], credentials, timeout=60, max_retries=0), "replay")
    outbox_ops.replay(ctx)
""")


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


def test_a_replay_killed_after_the_panel_acted_is_sent_again_with_the_same_key_and_counted_once(
        make_app, shop, panel, admin, secrets, data_dir, qtbot):
    user = shop.user(credits="10.00")
    (service_id,) = buy(user, shop.product(name="Killed VPS")["id"])["order"]["service_ids"]
    path = f"/api/v1/billing/services/{service_id}/cancel"
    proxy = StallingProxy(panel.url, path)
    try:
        app = make_app()
        account = add_account(qtbot, app, proxy.url, user.user["email"])
        proxy.down = True
        qtbot.waitUntil(lambda: app.window.status.state == "offline", timeout=NOTICED_MS)
        queue_offline_cancellation(qtbot, app, service_id, "Killed mid-replay")
        close(app)

        credentials = secrets.load(account.id)
        proxy.down, proxy.stall = False, True
        env = {**os.environ, "SETT_TEST_CREDENTIALS": json.dumps(
            {"api_key": credentials.api_key, "access_token": credentials.access_token,
             "refresh_token": credentials.refresh_token})}
        replayer = subprocess.Popen([sys.executable, "-c", REPLAYER, str(data_dir), account.id, proxy.url], cwd=ROOT,
                                    env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            qtbot.waitUntil(proxy.stalled.is_set, timeout=WAIT)
        finally:
            os.kill(replayer.pid, signal.SIGKILL)
            replayer.wait(10)
        assert replayer.returncode == -signal.SIGKILL
        with open_account_cache(account.id) as cache:
            (entry,) = cache.outbox()
        assert entry["status"] == "sending"                    # marked before the request, never after
        assert len(requests_for(admin, service_id)) == 1      # the panel acted once

        proxy.stall = False
        app = make_app()                                       # the restart replays the `sending` entry
        qtbot.waitUntil(lambda: app.sessions.outbox.pending.get(account.id) == 0, timeout=WAIT)
        (request,) = requests_for(admin, service_id)           # still exactly one
        assert request["status"] == "pending" and request["reason"] == "Killed mid-replay"
        sent = [s for s in proxy.seen_at(path) if s.method == "POST"]
        keys = {s.headers.get("Idempotency-Key") for s in sent}
        assert len(sent) == 2 and len(keys) == 1 and entry["id"] in keys   # the same key, twice
        app.window.select_section("services")
        services = app.window.sections["services"]
        assert services.open_service(service_id)
        qtbot.waitUntil(lambda: services.page.cancellation.text().startswith("Cancellation requested ("),
                        timeout=WAIT)
    finally:
        proxy.stall = False
        proxy.close()
