"""The status bar: online or offline, the sync in progress, and when the account was last synced."""
from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar, QWidget

from app.core.formatting import format_date, relative_text, time_text
from app.core.text import translate
from app.models.plain_text import PLAIN

from .labels import DataLabel
from .theme import set_role


def states() -> dict[str, str]:
    return {
        "online": translate("StatusBar", "Online"),
        "offline": translate("StatusBar", "Offline"),
        "unknown": translate("StatusBar", "Connecting…"),
        "signed_out": translate("StatusBar", "Signed out"),
        "error": translate("StatusBar", "Not syncing"),
        "none": translate("StatusBar", "No account"),
    }


def describe_last_synced(when: datetime | None, now: datetime | None = None) -> str:
    if when is None:
        return translate("StatusBar", "Not synced yet")
    now = now or datetime.now(UTC)
    seconds = max(0, int((now - when).total_seconds()))
    if seconds < 45:
        return translate("StatusBar", "Last synced just now")
    if seconds < 3600:      # "3 minutes ago" / "vor 3 Minuten": Babel words the time, the sentence is translated
        return translate("StatusBar", "Last synced {when}").format(when=relative_text(when, now))
    local = when.astimezone()
    if local.date() == now.astimezone().date():
        return translate("StatusBar", "Last synced today at {time}").format(time=time_text(local))
    return translate("StatusBar", "Last synced {date} at {time}").format(date=format_date(local.date()),
                                                                            time=time_text(local))


class StatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        # Without the grip Qt puts the last permanent widget (the Outbox button) flush on the window's edge, its
        # right border cut off; a margin keeps it whole.
        self.setContentsMargins(0, 0, 6, 0)
        self.dot = QLabel("●", textFormat=PLAIN)
        self.dot.setObjectName("ConnectionDot")
        self.dot.setAccessibleName(translate("StatusBar", "Connection"))     # a screen reader said "black circle"
        # The state names the panel ("Offline — panel.example.com cannot be reached since 14:02; ..."): in a
        # full status bar (a narrow window, a sync under way) it ends in "…" rather than being cut mid-word.
        self.connection = DataLabel()
        self.connection.setObjectName("ConnectionState")
        self.sync_label = QLabel(textFormat=PLAIN)
        self.sync_label.setObjectName("SyncLabel")
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setFixedWidth(140)
        self.progress.setAccessibleName(translate("StatusBar", "Sync progress"))
        self.last_synced = QLabel(textFormat=PLAIN)
        self.last_synced.setObjectName("LastSynced")
        self.addWidget(self.dot)
        self.addWidget(self.connection)
        self.addWidget(self.sync_label)
        self.addWidget(self.progress)
        self.addPermanentWidget(self.last_synced)
        self._when: datetime | None = None
        self.state = "none"
        self.syncing = False
        self._ticker = QTimer(self)
        self._ticker.timeout.connect(self._refresh_time)
        self._ticker.start(30_000)
        self.set_connection("none")
        self.finish_progress()
        self.set_last_synced(None)

    def set_connection(self, state: str, detail: str = "") -> None:
        self.state = state
        text = states().get(state, state)
        self.connection.setText(translate("StatusBar", "{state} — {detail}").format(state=text, detail=detail)
                                if detail else text)
        set_role(self.dot, "state", state if state in ("online", "offline") else "unknown")
        self.dot.setAccessibleDescription(self.connection.text())     # its colour, in words

    def set_progress(self, done: int, total: int, label: str) -> None:
        self.sync_label.setText(translate("StatusBar", "{step}…").format(step=label))
        self.sync_label.show()
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, max(1, total)))
        self.progress.show()
        self.syncing = True

    def start_progress(self) -> None:
        self.sync_label.setText(translate("StatusBar", "Syncing…"))
        self.sync_label.show()
        self.progress.setRange(0, 0)   # busy until the first step reports
        self.progress.show()
        self.syncing = True

    def finish_progress(self) -> None:
        self.sync_label.hide()
        self.progress.hide()
        self.syncing = False

    def set_last_synced(self, when: datetime | None) -> None:
        self._when = when
        self._refresh_time()

    def _refresh_time(self) -> None:
        self.last_synced.setText(describe_last_synced(self._when) if self.state != "none" else "")
