"""The Outbox: what waits for the panel (what, when queued, status), opened from the status bar's Outbox button.

A queued entry can have its reason edited or be removed until it is sent; a sent, refused or set-aside one is
dismissed. What the user typed (a reply's message, a cancellation's reason) is listed with its entry and can be
copied, and an entry the panel refused can be sent again, so a refusal never loses it (a dismissed reply's text
goes back to its ticket's reply box). Buttons that cannot act on the selected entry are disabled and say why on
hover.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.formatting import format_datetime
from app.core.outbox import typed_text
from app.core.text import translate
from app.models.plain_text import PLAIN, tooltip

from .dialog_buttons import set_dialog_margins
from .shapes import obj
from .submit_keys import submit_on_ctrl_enter
from .window_fit import fit_over_window


def status_words() -> dict[str, str]:
    return {"queued": translate("OutboxDialog", "Waiting"), "sending": translate("OutboxDialog", "Sending…"),
            "sent": translate("OutboxDialog", "Sent"), "refused": translate("OutboxDialog", "Refused by the panel"),
            "set_aside": translate("OutboxDialog", "Set aside")}


def queued_at(text: str | None) -> str:
    """When an entry was queued, in the user's locale and local time."""
    return format_datetime(text) if text else ""


SHOWN_REPLY = 100      # characters of a reply's message in the list (3 to 4 wrapped lines); Copy text takes it whole


def shortened(text: str) -> str:
    """A reply's message on one line of the list, its start only (it may be 20,000 characters of several lines)."""
    line = " ".join(text.split())
    return line if len(line) <= SHOWN_REPLY else line[:SHOWN_REPLY - 1].rstrip() + "…"


class OutboxButton(QPushButton):
    """The status bar's way in: "Outbox (2)" while something waits."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("OutboxButton", "Outbox"), parent, objectName="outboxButton", flat=True)
        self.set_count(0)

    def set_count(self, count: int) -> None:
        self.setText(translate("OutboxButton", "Outbox ({count})").format(count=count) if count
                     else translate("OutboxButton", "Outbox"))
        self.setToolTip(translate("OutboxButton", "%n action(s) waiting for the panel", None, count) if count
                        else translate("OutboxButton", "Actions queued while offline; nothing waits now"))


WIDTH, LIST_HEIGHT = 760, 360      # room for a few entries and their notes
MIN_WHAT = 160                      # the least width an entry's description is squeezed to


class OutboxDialog(QDialog):
    edit_requested = Signal(str, str)       # entry key, the new reason
    remove_requested = Signal(str)          # entry key: taken out unsent, or dismissed once done
    retry_requested = Signal(str)           # entry key: a refused entry, to be queued again as it was written

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("OutboxDialog", "Outbox"))
        self.setObjectName("outboxDialog")
        fit_over_window(self, WIDTH, LIST_HEIGHT)     # no larger than the main window it opens over, or the screen
        self.rows: list[dict] = []
        self.table = QTableWidget(0, 4, self, objectName="outboxTable")
        self.table.setAccessibleName(translate("OutboxDialog", "Outbox"))
        self.table.setHorizontalHeaderLabels([translate("OutboxDialog", "What"), translate("OutboxDialog", "Queued"),
                                              translate("OutboxDialog", "Status"), translate("OutboxDialog", "Note")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)      # a long cancellation reason or note wraps in its column (fit_columns)
        self.table.viewport().installEventFilter(self)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.empty = QLabel(translate("OutboxDialog", "Nothing waits for the panel. Actions you take while offline "
                                      "that can wait (asking to cancel a service, withdrawing it, replying to a "
                                      "ticket, marking notifications read) are kept here and sent once the panel "
                                      "is back."),
                            self, wordWrap=True, objectName="outboxEmpty", textFormat=PLAIN)
        # Over a list: what it is, for someone who opened it from the status bar's "Outbox (2)" without knowing.
        self.lead = QLabel(translate("OutboxDialog", "What you did while the panel could not be reached. Each is "
                                     "sent once, in this order, as soon as the panel answers again; until then you "
                                     "can edit a cancellation's reason or remove an entry."),
                           self, wordWrap=True, objectName="outboxLead", textFormat=PLAIN)
        self.problem = QLabel(self, wordWrap=True, objectName="outboxProblem", textFormat=PLAIN)
        self.problem.hide()
        self.edit_button = QPushButton(translate("OutboxDialog", "Edit reason…"), self, objectName="outboxEdit")
        self.remove_button = QPushButton(translate("OutboxDialog", "Remove"), self, objectName="outboxRemove")
        self.retry_button = QPushButton(translate("OutboxDialog", "Send again"), self, objectName="outboxRetry")
        self.copy_button = QPushButton(translate("OutboxDialog", "Copy text"), self, objectName="outboxCopy")
        self.edit_button.clicked.connect(self._edit)
        self.remove_button.clicked.connect(self._remove)
        self.retry_button.clicked.connect(self._retry)
        self.copy_button.clicked.connect(self.copy_text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        # Enter (in the list, say) closes the Outbox: QDialog made the first button of its focus chain the default,
        # Edit reason…, so Enter opened an editor the user had not asked for. Remove (or Dismiss) is never pressed
        # by Enter, even focused: it takes an entry away; Space, a click or Delete do.
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        self.remove_button.setAutoDefault(False)
        row = QHBoxLayout()
        row.addWidget(self.edit_button)
        row.addWidget(self.retry_button)
        row.addWidget(self.copy_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = set_dialog_margins(QVBoxLayout(self))
        layout.addWidget(self.empty)
        layout.addWidget(self.lead)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        layout.addLayout(row)
        self.set_entries([])

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_entries(self, rows: list[dict]) -> None:
        chosen = self.selected()
        self.rows = list(rows)
        self.table.setRowCount(len(self.rows))
        for index, entry in enumerate(self.rows):
            reason = typed_text(entry)      # a reply's message too: what a refusal must not take out of sight
            if entry.get("kind") == "reply_ticket":
                reason = shortened(reason)
            what = entry.get("label", "")
            if reason:
                what = translate("OutboxDialog", "{action} — “{reason}”").format(action=what, reason=reason)
            cells = (what, queued_at(entry.get("queued_at")),
                     status_words().get(entry.get("status", ""), str(entry.get("status"))), entry.get("message", ""))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(str(text))
                item.setToolTip(tooltip(str(text)))
                self.table.setItem(index, column, item)
            if chosen is not None and entry.get("id") == chosen.get("id"):
                self.table.selectRow(index)
        self.fit_columns()
        self.empty.setVisible(not self.rows)
        self.lead.setVisible(bool(self.rows))
        self.table.setVisible(bool(self.rows))
        # With nothing in the list, two greyed buttons under "Nothing waits for the panel" only raised the question
        # of what they would act on.
        for button in (self.edit_button, self.remove_button, self.retry_button, self.copy_button):
            button.setVisible(bool(self.rows))
        self._update_buttons()
        self._fit_height()

    def fit_columns(self) -> None:
        """Every column in view, the status among them: What, sized to its text, took a long cancellation reason's
        width and pushed Queued, Status and Note out past the right edge. When and Status keep their text's width;
        What and Note share the rest, each at least half of it unless the other needs less, and wrap their text
        there; the rows grow to their wrapped lines."""
        table = self.table
        table.resizeColumnsToContents()
        rest = table.viewport().width() - table.columnWidth(1) - table.columnWidth(2)
        what, note = table.sizeHintForColumn(0), table.sizeHintForColumn(3)
        if what + note > rest:
            table.setColumnWidth(0, max(MIN_WHAT, min(what, max(rest // 2, rest - note))))
        table.resizeRowsToContents()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        # The list's width is known once it is laid out, and changes with the dialog: the columns follow it.
        if obj is self.table.viewport() and event.type() == QEvent.Type.Resize and self.rows:
            self.fit_columns()
        return False

    def _fit_height(self) -> None:
        """Empty, as tall as its sentence and Close: at the list's height the one sentence floated in the middle
        of 360 px. With entries, at least the list's height again (a taller one the user made stays)."""
        layout = self.layout()
        layout.activate()
        if self.rows:
            if self.height() < LIST_HEIGHT:
                fit_over_window(self, self.width(), LIST_HEIGHT)
            return
        width = self.width()
        wanted = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        fit_over_window(self, width, wanted)

    def selected(self) -> dict | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.rows[rows[0].row()] if rows and rows[0].row() < len(self.rows) else None

    def select(self, index: int) -> None:
        self.table.selectRow(index)

    def _update_buttons(self) -> None:
        entry = self.selected()
        status = entry.get("status") if entry else None
        editable = status == "queued" and entry.get("kind") == "cancel_service"
        self.edit_button.setEnabled(editable)
        self.edit_button.setToolTip("" if editable else translate("OutboxDialog", "Choose a waiting cancellation "
                                                                  "request: only its reason can be edited, and only "
                                                                  "until it is sent.") if status in (None, "queued")
                                    else translate("OutboxDialog", "It is being sent or was sent: it can no longer be "
                                                                   "changed."))
        retryable = status == "refused"
        self.retry_button.setEnabled(retryable)
        self.retry_button.setToolTip("" if retryable else translate(
            "OutboxDialog", "Choose an entry the panel refused: it is queued again as you wrote it, with a new key."))
        copyable = bool(typed_text(entry))
        self.copy_button.setEnabled(copyable)
        self.copy_button.setToolTip(translate("OutboxDialog", "Copy what you wrote (the message or the reason) to "
                                                              "the clipboard.") if copyable else
                                    translate("OutboxDialog", "Choose a reply or a cancellation request: they hold "
                                                              "text you wrote."))
        removable = status not in (None, "sending")
        self.remove_button.setEnabled(removable)
        self.remove_button.setText(translate("OutboxDialog", "Remove") if status in (None, "queued")
                                   else translate("OutboxDialog", "Dismiss"))
        self.remove_button.setToolTip(translate("OutboxDialog", "Choose an entry first.") if status is None else
                                      translate("OutboxDialog", "It is being sent: wait for the panel's answer.")
                                      if status == "sending" else "")

    def _edit(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        current = str(obj(entry.get("args")).get("reason") or "")
        dialog = self.reason_dialog(current)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        reason = dialog.textValue()
        dialog.deleteLater()
        if ok and reason.strip() and reason.strip() != current:
            self.edit_requested.emit(entry["id"], reason.strip())

    def reason_dialog(self, current: str) -> QInputDialog:
        """Edit reason's question. Tab leaves the reason for OK and Cancel, and Ctrl+Enter presses OK, as in the
        cancellation's own dialog: QInputDialog's box typed a tab, so the keyboard could not get out of it."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(translate("OutboxDialog", "Edit reason"))
        dialog.setLabelText(translate("OutboxDialog", "Why are you cancelling?"))
        dialog.setOption(QInputDialog.InputDialogOption.UsePlainTextEditForTextInput)
        dialog.setTextValue(current)
        box = dialog.findChild(QPlainTextEdit)
        buttons = dialog.findChild(QDialogButtonBox)
        if box is not None and buttons is not None:
            box.setTabChangesFocus(True)
            submit_on_ctrl_enter(box, buttons.button(QDialogButtonBox.StandardButton.Ok))
        return dialog

    def _retry(self) -> None:
        entry = self.selected()
        if entry is not None and entry.get("status") == "refused":
            self.retry_requested.emit(entry["id"])

    def copy_text(self) -> str:
        """The selected entry's text, on the clipboard (and returned)."""
        text = typed_text(self.selected())
        if text:
            QGuiApplication.clipboard().setText(text)
            self.show_problem(translate("OutboxDialog", "Copied to the clipboard."))
        return text

    def _remove(self) -> None:
        entry = self.selected()
        if entry is not None and entry.get("status") != "sending":
            self.remove_requested.emit(entry["id"])

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Delete:
            self._remove()
            return
        super().keyPressEvent(event)
