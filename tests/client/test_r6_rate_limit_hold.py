"""A sync refused with 429 and a Retry-After: the account's next syncs (the minute's poll, Sync now) do not ask the
panel again before that wait is over; the note says how long is left. Before, the poll asked again every minute
whatever the panel had said, each refused request counting against its limit again. The sessions, the sync engine
and the cache are real; the worker runs each task at once; the panel is canned."""
from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QApplication

from app import paths, tasks
from app.api import Credentials, PanelClient
from app.secrets import SecretStore
from app.session import Sessions
from app.session.account import MAX_QUIET_SECONDS
from app.settings import Settings
from tests.gui.test_session_glue import SyncPool  # the worker that runs each task at once, as the glue tests use

from . import hostile
from .canned_session import Canned, CannedSession


def settle() -> None:
    for _ in range(5):
        QApplication.processEvents()


class Panel:
    def __init__(self, retry_after: str) -> None:
        self.limited = True
        self.retry_after = retry_after
        self.session = CannedSession(self.answer)

    def answer(self, sent) -> Canned:
        if self.limited:
            return Canned(429, b'{"error": {"code": "rate_limited", "message": "Slow down."}}',
                          {"Content-Type": "application/json", "Retry-After": self.retry_after})
        if sent.path == "/sync/state":
            body = {"data": {"version": "v-1", "server_time": hostile.now_text()}}
        else:
            body = hostile.healthy_body(sent.path) or {"error": {"code": "not_found"}}
        return Canned(200 if "data" in body else 404, json.dumps(body).encode(), {"Content-Type": "application/json"})


@pytest.fixture
def sessions(qapp, tmp_path, monkeypatch):
    paths.use_data_dir(tmp_path / "data")
    monkeypatch.setattr(tasks, "QThreadPool", SyncPool)
    made = Sessions(Settings(), SecretStore.memory_only())
    yield made
    made.shutdown()
    paths.use_data_dir(None)


def account(sessions: Sessions, panel: Panel):
    sessions.sync.hold()
    added = sessions.add(name="Canned", panel_url="http://127.0.0.1:9", email="c@example.test", auth_kind="api_key",
                         credentials=Credentials.from_api_key("bp_canned"))
    session = sessions.get(added.id)
    session.open_client = lambda cancellation=None: PanelClient(
        "http://panel.test", Credentials.from_api_key("bp_canned"), session=panel.session, sleep=lambda s: None,
        max_retries=0)
    sessions.sync.release()
    settle()
    return session


def test_a_sync_refused_with_retry_after_holds_the_next_syncs_until_it_is_over(sessions):
    panel = Panel("120")
    session = account(sessions, panel)
    asked = len(panel.session.sent)
    assert asked == 1 and 115 < session.asked_to_wait() <= 120
    assert "Slow down." in session.notes["sync"].text
    sessions.sync.sync(session.id)            # the minute's poll, or Sync now
    settle()
    assert len(panel.session.sent) == asked   # not asked again
    note = session.notes["sync"].text
    assert "Too many attempts. Wait" in note and "asked Sett to wait" in note
    panel.limited = False
    session._quiet_until = 0.0                # the wait is over
    sessions.sync.sync(session.id)
    settle()
    assert len(panel.session.sent) > asked and session.last_synced is not None and "sync" not in session.notes
    assert session.asked_to_wait() == 0


def test_an_absurd_retry_after_holds_syncing_a_quarter_of_an_hour_at_most(sessions):
    session = account(sessions, Panel("86400"))
    assert MAX_QUIET_SECONDS - 5 < session.asked_to_wait() <= MAX_QUIET_SECONDS == 15 * 60


def test_a_probe_answered_429_is_not_asked_again_before_the_wait_and_leaves_the_account_online(sessions, qtbot,
                                                                                               monkeypatch):
    import time

    import app.api

    panel = Panel("90")
    panel.limited = False
    session = account(sessions, panel)
    panel.limited = True
    monkeypatch.setattr(app.api, "PanelClient", lambda url, credentials, **kwargs: PanelClient(
        url, credentials, session=panel.session, sleep=lambda s: None, max_retries=0))
    asked = len(panel.session.sent)
    sessions.prober._probe(session)
    qtbot.waitUntil(lambda: session.id not in sessions.prober._busy, timeout=5000)
    assert len(panel.session.sent) == asked + 1 and not session.link.offline
    assert 85 < sessions.prober._due[session.id] - time.monotonic() <= 90
    sessions.prober._tick()                   # the next tick, a second later: not due
    settle()
    assert len(panel.session.sent) == asked + 1
