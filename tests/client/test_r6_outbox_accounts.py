"""The Outbox button after an account with queued actions is removed: its outbox went with its cache, so the button
no longer counts it. Before, removing the last account left "Outbox (2)" in the status bar (and the open Outbox
dialog listing the removed account's entries), and the count stayed kept for an account that no longer exists."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QStatusBar

from app.features.outbox import OutboxFeature
from app.session.outbox import Outbox


class Hub(QObject):
    """What Outbox and its feature read of `Sessions`: its signals, `get`, `current_id`, `current`, `all`."""

    synced = Signal(str, object)
    sync_failed = Signal(str, object)
    changed = Signal(str, object)
    accounts_changed = Signal()
    current_changed = Signal(object)

    def __init__(self, ids: list[str]) -> None:
        super().__init__()
        self.sessions = {aid: object() for aid in ids}
        self.current_id: str | None = ids[0] if ids else None
        self.outbox = Outbox(self)

    def get(self, account_id):
        return self.sessions.get(account_id) if account_id else None

    @property
    def current(self):
        return None       # the feature reads entries through a session: none here

    def all(self):
        return []

    def remove(self, account_id: str) -> None:      # as Sessions.remove: the session goes, then another is current
        del self.sessions[account_id]
        self.current_id = next(iter(self.sessions), None)
        self.current_changed.emit(self.current_id)
        self.accounts_changed.emit()


class Window(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.status = QStatusBar(self)


def test_removing_accounts_with_queued_actions_takes_their_count_off_the_button(qtbot):
    hub = Hub(["a", "b"])
    window = Window()
    qtbot.addWidget(window)
    feature = OutboxFeature(hub, window)
    hub.outbox.pending.update({"a": 2, "b": 1})
    hub.outbox.changed.emit("a")
    assert feature.button.text() == "Outbox (2)"
    hub.remove("a")
    assert feature.button.text() == "Outbox (1)" and "a" not in hub.outbox.pending
    hub.remove("b")
    assert feature.button.text() == "Outbox" and hub.outbox.pending == {}
