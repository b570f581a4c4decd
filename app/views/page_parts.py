"""What a record's page (a service, an invoice) has around its details: a way back to the list, its title and
status chip, a message line, and actions that need the panel, enabled only while it can be reached and idle.

Subclasses lay these parts out where they like, and keep their actions' state in `_update_actions`, which runs
(through `refresh_actions`) whenever the record changes, the page goes online or offline (or signed out), or starts
or stops waiting on the panel. Offline and
signed out differ for the user: offline, Sett reconnects by itself; signed out, nothing happens until they sign in
again. The page says which (`app.core.reach`), told by its feature through `set_online(online, signed_out)`.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.reach import signed_out_text
from app.core.text import translate
from app.models.plain_text import PLAIN

from .badges import status_chip
from .labels import heading, styled
from .tab_order import tab_in_order
from .theme import set_role

OFFLINE_TEXT = QT_TRANSLATE_NOOP("Messages", "This needs a connection to the panel; Sett will reconnect by itself.")


def back_button(text: str) -> QPushButton:
    """"← All services": a page's way back to its list, also by the platform's Back key (Alt+Left), as in a
    browser. Only the shown page's button answers the key: Qt skips the shortcuts of hidden buttons."""
    button = styled(QPushButton(text, objectName="backButton"), kind="ghost")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    keys = QKeySequence(QKeySequence.StandardKey.Back)
    if keys.isEmpty():          # a platform without a Back key of its own (the offscreen one)
        keys = QKeySequence("Alt+Left")
    button.setShortcut(keys)
    button.setToolTip(translate("RecordPage", "Back ({keys})").format(
        keys=keys.toString(QKeySequence.SequenceFormat.NativeText)))
    # Escape goes back too, as it closes a dialog; a shortcut of the button, so a hidden page's never answers.
    escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), button)
    escape.setContext(Qt.ShortcutContext.WindowShortcut)
    escape.activated.connect(lambda: escape_back(button))
    return button


def escape_back(button: QPushButton) -> None:
    """Back, unless the focus is in a text box holding words (a reply being written): then the first Escape
    only leaves the box, so a slip of the key never takes the page, and the draft, out of sight."""
    focus = QApplication.focusWidget()
    if isinstance(focus, (QPlainTextEdit, QTextEdit)) and not focus.isReadOnly() and focus.toPlainText().strip():
        button.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return
    if button.isEnabled():
        button.click()


class RecordPage(QWidget):
    back_requested = Signal()

    def __init__(self, object_name: str, back_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.online = True
        self.signed_out = False         # not online because the account's login ended (not the connection)
        self.busy = False
        self._reach_note = ""           # the offline or signed-out note the message line shows, to take back
        self.list_back_text = back_text     # what Back says when it returns to the page's own list
        self.back = back_button(back_text)
        self.back.clicked.connect(self.back_requested)
        self.title = heading("", "pageTitle")
        self.chip = status_chip()
        self.title_row = QHBoxLayout()      # subclasses may add buttons after the stretch
        # 8 rather than the style's 12: the status chip's padding and up to four buttons share 1000 px with the
        # record's number (a German invoice's title row had no pixel to spare).
        self.title_row.setSpacing(8)
        self.title_row.addWidget(self.title)
        self.title_row.addWidget(self.chip, 0, Qt.AlignmentFlag.AlignVCenter)
        self.title_row.addStretch(1)
        self.message = QLabel(objectName="pageMessage", wordWrap=True, textFormat=PLAIN)
        self.message.hide()
        self._actions: dict[QPushButton, None] = {}     # every button enable_panel_actions was given, in order
        self._parked = False        # the focus waits on the page itself for an action (refresh_actions)

    def lay_out(self, body: QWidget, *above: QWidget) -> None:
        """The page's layout: back, the title row, the `above` lines (dates, a notice) and the message, then `body`
        in a scroll area that takes the rest (a short window scrolls the details, never squeezes them)."""
        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        # Tab stops here to scroll the details with the arrow keys: a screen reader says what it holds.
        scroll.setAccessibleName(translate("RecordPage", "Details"))
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.title_row)
        for widget in above:
            layout.addWidget(widget)
        layout.addWidget(self.message)
        layout.addWidget(scroll, 1)
        heading_row = [self.title_row.itemAt(i).widget() for i in range(self.title_row.count())]
        tab_in_order(self.back, *heading_row, *above, self.message, scroll)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """A record opened from the keyboard parks the focus on its page (Tab then starts at Back): a screen reader
        says which record it is, where it said nothing, and the title shows the focus in the accent's colour, where
        nothing on screen did."""
        self.setAccessibleName(self.title.text())
        set_role(self.title, "pageFocus", True)
        super().focusInEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt's name
        set_role(self.title, "pageFocus", False)
        super().focusOutEvent(event)

    def set_back_text(self, text: str | None) -> None:
        """What Back says: where it returns to (`back_trail.back_text`), or None for the page's own list. A
        button's setText sets its shortcut to the text's mnemonic (none): the Back key is set again after it."""
        keys = self.back.shortcut()
        self.back.setText(text or self.list_back_text)
        self.back.setShortcut(keys)

    def open_new_record(self) -> None:
        """Another record now shows: it starts at its top, not where the last one was scrolled to (its price and
        dates were hidden above), and without the last one's message."""
        self.message.hide()
        self.message.setText("")
        scroll = getattr(self, "scroll", None)
        if scroll is not None:
            scroll.verticalScrollBar().setValue(0)

    def set_online(self, online: bool, signed_out: bool = False) -> None:
        """`signed_out`: the panel cannot be asked because the account needs a login, not the connection."""
        self.online = online
        self.signed_out = signed_out and not online
        self.refresh_actions()

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.refresh_actions()

    def refresh_actions(self) -> None:
        """`_update_actions`, keeping the keyboard focus on the page's actions. A focused button that is disabled
        while the panel answers, or hidden for the one that undoes it (Request cancellation… for Withdraw request),
        handed the focus to the next widget of the window, the sidebar's account switcher: after pressing it from
        the keyboard, Tab went on from the top of the sidebar. The focus waits on the page and goes to its first
        usable action once there is one."""
        window = self.window()
        before = window.focusWidget() if self.isVisible() else None
        parked, self._parked = self._parked and before is self, False
        self._update_actions()
        if before is None or not (parked or self.isAncestorOf(before)):
            return      # not on the page's parts (on the page itself: opened there, so Tab starts at Back)
        if not parked and before.isVisible() and before.isEnabled():
            return      # still where it was
        usable = next((b for b in self._actions if b.isVisible() and b.isEnabled()), None)
        (usable or self).setFocus(Qt.FocusReason.OtherFocusReason)
        self._parked = usable is None

    @property
    def can_ask_panel(self) -> bool:
        return self.online and not self.busy

    def show_message(self, level: str, text: str) -> None:
        self.message.setText(text)
        set_role(self.message, "role", "error" if level == "error" else "success" if level == "success" else "muted")
        self.message.setVisible(bool(text))

    def enable_panel_actions(self, *buttons: QPushButton) -> None:
        """Buttons that ask the panel: usable while it can be reached and nothing is pending, saying why not."""
        for button in buttons:
            self._actions.setdefault(button)
            button.setEnabled(self.can_ask_panel)
            button.setToolTip(self.unreachable_tip())

    def unreachable_tip(self) -> str:
        """Why a button that asks the panel is disabled: none online; signed out, sign in again; else offline."""
        if self.online:
            return ""
        return signed_out_text() if self.signed_out else translate("Messages", OFFLINE_TEXT)

    def note_offline(self, needed: bool, text: str, signed_out: str = "") -> None:
        """Say `text` while offline (`signed_out`, or the shared sign-in sentence, while signed out) if an action the
        page offers now needs the panel; take it back once online."""
        if not self.online and needed:
            self._reach_note = (signed_out or signed_out_text()) if self.signed_out else text
            self.show_message("info", self._reach_note)
        elif self._reach_note and self.message.text() == self._reach_note:
            self.show_message("info", "")
        if self.online or not needed:
            self._reach_note = ""

    def _update_actions(self) -> None:
        raise NotImplementedError
