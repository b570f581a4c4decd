"""The notifications list: the panel's notifications and the reminders of invoices falling due, newest first, with
"Mark all read". It only shows: opening a notice and marking read are signals the notices feature handles."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.core.formatting import format_datetime
from app.core.reach import signed_out_text
from app.core.text import translate
from app.models.plain_text import PLAIN

from .dialog_buttons import set_dialog_margins
from .theme import set_role

NOTICE_ROLE = Qt.ItemDataRole.UserRole


def notice_text(notice: dict) -> str:
    mark = "" if notice.get("read") else "● "
    when = format_datetime(notice.get("created_at")) if notice.get("created_at") else ""
    return f"{mark}{notice.get('title', '')}\n{notice.get('message', '')}" + (f"\n{when}" if when else "")


@dataclass
class Part:
    """One line block of a notice as painted: its text, font and palette role, wrapped in `rect`."""
    text: str
    font: QFont
    role: QPalette.ColorRole
    rect: QRect


_PAD = 8


class NoticeDelegate(QStyledItemDelegate):
    """Paints a notice as a bold title over its message, its time muted and smaller below; the item's plain text
    (notice_text) stays what assistive tools read. Without it the title was a line of the same plain text as
    the message under it."""

    def parts(self, option: QStyleOptionViewItem, notice: dict, width: int) -> list[Part]:
        base = QFont(option.font)
        bold = QFont(base)
        bold.setWeight(QFont.Weight.DemiBold if notice.get("read") else QFont.Weight.Bold)
        small = QFont(base)
        small.setPointSizeF(base.pointSizeF() * 0.9)
        mark = "" if notice.get("read") else "● "
        when = format_datetime(notice.get("created_at")) if notice.get("created_at") else ""
        blocks = [(f"{mark}{notice.get('title', '')}", bold, QPalette.ColorRole.Text),
                  (str(notice.get("message") or ""), base, QPalette.ColorRole.Text),
                  (when, small, QPalette.ColorRole.PlaceholderText)]
        out, top, inner = [], option.rect.top() + _PAD, max(width - 2 * _PAD, 40)
        for text, font, role in blocks:
            if not text:
                continue
            height = QFontMetrics(font).boundingRect(QRect(0, 0, inner, 100_000),
                                                     Qt.TextFlag.TextWordWrap, text).height()
            out.append(Part(text, font, role, QRect(option.rect.left() + _PAD, top, inner, height)))
            top += height + 2
        return out

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        notice = index.data(NOTICE_ROLE)
        if not isinstance(notice, dict):
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)   # background, selection
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        for part in self.parts(option, notice, option.rect.width()):
            painter.setFont(part.font)
            painter.setPen(option.palette.color(QPalette.ColorRole.HighlightedText if selected else part.role))
            painter.drawText(part.rect, int(Qt.TextFlag.TextWordWrap), part.text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        notice = index.data(NOTICE_ROLE)
        view = self.parent()
        width = view.viewport().width() if isinstance(view, QListWidget) else option.rect.width()
        if not isinstance(notice, dict) or width <= 0:
            return super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        opt.rect = QRect(0, 0, width, 0)
        parts = self.parts(opt, notice, width)
        return QSize(width, (parts[-1].rect.bottom() + _PAD) if parts else super().sizeHint(option, index).height())


QUEUED_OFFLINE = QT_TRANSLATE_NOOP("Messages", "Offline: marking read is queued in the Outbox and sent to the panel "
                                   "once it is back.")
QUEUED_SIGNED_OUT = QT_TRANSLATE_NOOP("Messages", "Signed out: marking read is queued in the Outbox and sent to the "
                                      "panel once you sign in again (Sign in, in the account's note or from Sync).")


class NoticesDialog(QDialog):
    open_requested = Signal(dict)        # a notice the user activated
    mark_all_read_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("NoticesDialog", "Notifications — Sett"))
        self.setMinimumSize(480, 520)   # fixed bounds: showing a message must not resize the window
        title = QLabel(translate("NoticesDialog", "Notifications"), textFormat=PLAIN)
        set_role(title, "role", "title")
        self.list = QListWidget()
        self.list.setAccessibleName(translate("NoticesDialog", "Notifications"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        # Long messages wrap to the list's width instead of pushing a sideways scroll bar out.
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.list.setItemDelegate(NoticeDelegate(self.list))
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.empty = QLabel(translate("NoticesDialog", "No notifications."), textFormat=PLAIN)
        set_role(self.empty, "role", "muted")
        self.message = QLabel(textFormat=PLAIN)
        self.message.setWordWrap(True)
        self.message.hide()
        self.mark_button = QPushButton(translate("NoticesDialog", "Mark all read"))
        self.mark_button.clicked.connect(self.mark_all_read_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.mark_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = set_dialog_margins(QVBoxLayout(self))
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.unread = 0
        self.online = True
        self.signed_out = False         # not online because the account's login ended (not the connection)
        self._reach_note = ""           # the offline or signed-out note shown, to take back once online
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

    def set_online(self, online: bool, signed_out: bool = False) -> None:
        """`signed_out`: the panel cannot be asked because the account needs a login, not the connection."""
        self.online = online
        self.signed_out = signed_out and not online
        if not online:
            self._reach_note = self._queued_text() if self.queues_offline else self._unreachable_text()
            self.show_message(self._reach_note)
        elif self._reach_note and self.message.text() == self._reach_note:
            self.show_message("")
        if online:
            self._reach_note = ""
        self._update_button()

    def _queued_text(self) -> str:
        return translate("Messages", QUEUED_SIGNED_OUT if self.signed_out else QUEUED_OFFLINE)

    def _unreachable_text(self) -> str:
        return signed_out_text() if self.signed_out else translate(
            "NoticesDialog", "Offline: marking notifications read needs a connection to the panel.")

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
            else self._unreachable_text() if not reachable
            else translate("NoticesDialog", "Waiting for the panel's answer…") if self.busy
            else self._queued_text() if not self.online else "")

    def _activated(self, item: QListWidgetItem) -> None:
        notice = item.data(NOTICE_ROLE)
        if isinstance(notice, dict):
            self.open_requested.emit(notice)
