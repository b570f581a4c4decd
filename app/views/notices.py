"""The notifications list: the panel's notifications and the reminders of invoices falling due, newest first, with
"Mark all read". It only shows: opening a notice and marking read are signals the notices feature handles."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.core.formatting import format_datetime
from app.core.text import translate

from .theme import set_role

NOTICE_ROLE = Qt.ItemDataRole.UserRole


def notice_text(notice: dict) -> str:
    mark = "" if notice.get("read") else "● "
    when = format_datetime(notice.get("created_at")) if notice.get("created_at") else ""
    return f"{mark}{notice.get('title', '')}\n{notice.get('message', '')}" + (f"\n{when}" if when else "")


QUEUED_OFFLINE = QT_TRANSLATE_NOOP("Messages", "Offline: marking read is queued in the Outbox and sent to the panel "
                                   "once it is back.")


class NoticesDialog(QDialog):
    open_requested = Signal(dict)        # a notice the user activated
    mark_all_read_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NoticesDialog", "Notifications — Sett"))
        self.setMinimumSize(480, 520)   # fixed bounds: showing a message must not resize the window
        title = QLabel(translate("NoticesDialog", "Notifications"))
        set_role(title, "role", "title")
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Long messages wrap to the list's width instead of pushing a sideways scroll bar out.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.empty = QLabel(translate("NoticesDialog", "No notifications."))
        set_role(self.empty, "role", "muted")
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.hide()
        self.mark_button = QPushButton(translate("NoticesDialog", "Mark all read"))
        self.mark_button.clicked.connect(self.mark_all_read_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.mark_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.unread = 0
        self.online = True
        self.busy = False

    def set_notices(self, notices: list[dict]) -> None:
        """Notices newest first; each is a dict of app.session.notices (id, kind, title, message, invoice_id, read)."""
        self.list.clear()
        for notice in notices:
            item = QListWidgetItem(notice_text(notice))
            item.setData(NOTICE_ROLE, notice)
            item.setToolTip(translate("NoticesDialog", "Open the invoice") if notice.get("invoice_id") else "")
            self.list.addItem(item)
        self.empty.setVisible(not notices)
        self.list.setVisible(bool(notices))
        self.unread = sum(1 for n in notices if n.get("kind") == "panel" and not n.get("read"))
        self._update_button()

    def notices(self) -> list[dict]:
        return [self.list.item(i).data(NOTICE_ROLE) for i in range(self.list.count())]

    queues_offline = False      # set by the feature: offline, "Mark all read" waits in the outbox

    def set_online(self, online: bool) -> None:
        self.online = online
        if not online:
            self.show_message(translate("Messages", QUEUED_OFFLINE) if self.queues_offline else
                              translate("NoticesDialog", "Offline: marking notifications read needs a connection to "
                                                         "the panel."))
        elif self.message.text().startswith(translate("NoticesDialog", "Offline:")):
            self.show_message("")
        self._update_button()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update_button()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _update_button(self) -> None:
        reachable = self.online or self.queues_offline
        self.mark_button.setEnabled(reachable and not self.busy and self.unread > 0)
        self.mark_button.setToolTip(
            translate("NoticesDialog", "Every notification is read already.") if self.unread == 0
            else translate("NoticesDialog", "Offline: marking notifications read needs a connection to the panel.")
            if not reachable
            else translate("NoticesDialog", "Waiting for the panel's answer…") if self.busy
            else translate("Messages", QUEUED_OFFLINE) if not self.online else "")

    def _activated(self, item: QListWidgetItem) -> None:
        notice = item.data(NOTICE_ROLE)
        if isinstance(notice, dict):
            self.open_requested.emit(notice)
