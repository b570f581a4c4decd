"""One support ticket: its subject and status, what it is about (an invoice or a service, each a link), the
conversation oldest first, a reply box and Close.

Every body and subject the panel sends is shown as PLAIN TEXT (Qt.TextFormat.PlainText): a message holding HTML
or a <script> shows those characters and never runs or renders them; QLabel's default (AutoText) would render a
body that looks like rich text.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.formatting import format_date
from app.core.support import body_problem, department_text, status_text
from app.core.text import translate

from .badges import set_chip
from .labels import DataButton, DataLabel, literal, muted, styled
from .page_parts import RecordPage
from .shapes import obj, obj_at
from .submit_keys import submit_on_ctrl_enter
from .tab_order import tab_in_order

# The theme colours chips by the panel's billing statuses; a ticket's status borrows the one of its tone.
CHIP_LIKE = {"open": "pending", "answered": "active", "customer_reply": "pending", "closed": "cancelled"}
OFFLINE_REPLY = QT_TRANSLATE_NOOP("Messages", "Offline: replying and closing need the panel. Sett reconnects by "
                                 "itself; your draft stays here.")
QUEUED_REPLY = QT_TRANSLATE_NOOP("Messages", "Offline: a reply you send now waits in the Outbox and goes to the panel "
                                "once it can be reached. Closing needs the panel.")
QUEUED_REPLY_SIGNED_OUT = QT_TRANSLATE_NOOP("Messages", "Signed out: a reply you send now waits in the Outbox and goes "
                                           "to the panel once you sign in again (Sign in, in the account's note or "
                                           "from Sync). Closing needs you to sign in first.")


def plain(text: str, object_name: str, *, wrap: bool = True) -> QLabel:
    label = DataLabel(objectName=object_name, wordWrap=wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    return label


INDENT = 56     # px: how far a message stands in from the side that is not its writer's


# Messages shown at a time, the newest: each is a few widgets (~1.5 ms), and a panel's ticket of 2,000 messages
# froze the window for 3 s each time it was opened or changed. "Show earlier messages" brings more.
MESSAGES_AT_ONCE = 100

# How long typing in the reply box pauses before its text is handed on as the ticket's draft (`draft_edited`): the
# draft is kept in the account's cache file, which is not written once per keystroke.
DRAFT_PAUSE_MS = 1500


def after_sent(text: str, body: str | None) -> str:
    """What of a reply box holding `text` is left once `body` was sent from it: nothing when it holds the reply or
    a part of its beginning (or no body is named), what was added after it, or all of it when it was written over
    meanwhile."""
    if body is None or body.startswith(text):
        return ""
    if text.startswith(body):
        text = text[len(body):]
    return text.lstrip("\n") if text.strip() else ""


class MessageView(QWidget):
    """One message: who wrote it (staff marked) and when, and its body as plain text. As in a chat, staff
    replies sit on the left on a tinted card and the customer's own on the right on a plain one (`author`
    property: "staff" or "customer", styled by both themes), so the two sides read apart at a glance."""

    def __init__(self, message: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        author = obj(message.get("author"))
        self.staff = bool(author.get("staff"))
        self.bubble = styled(QFrame(self, objectName="staffMessage" if self.staff else "customerMessage"),
                             card=True, author="staff" if self.staff else "customer")
        who = str(author.get("name")
                  or (translate("MessageView", "Support") if self.staff else translate("MessageView", "You")))
        self.header = muted(object_name="messageHeader")
        when = format_date(message.get("created_at"))
        if message.get("queued"):       # written offline: the panel has not got it yet
            self.header.setText(translate("MessageView", "{author} · waiting in the Outbox").format(author=who))
        else:
            self.header.setText(translate("MessageView", "{author} (staff) · {date}").format(author=who, date=when)
                                if self.staff
                                else translate("MessageView", "{author} · {date}").format(author=who, date=when))
        self.body = plain(str(message.get("body") or ""), "messageBody")
        inner = QVBoxLayout(self.bubble)
        inner.setContentsMargins(14, 10, 14, 10)
        inner.addWidget(self.header)
        inner.addWidget(self.body)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        if not self.staff:
            row.addSpacing(INDENT)
        row.addWidget(self.bubble, 1)
        if self.staff:
            row.addSpacing(INDENT)


class TicketPage(RecordPage):
    reply_requested = Signal(str, str)     # ticket id, body (exactly as written)
    close_requested = Signal(str)          # ticket id
    invoice_chosen = Signal(str)
    service_chosen = Signal(str)
    # ticket id, the reply box's text: after a pause in typing, and at once when the page leaves the ticket (another
    # ticket, the list, another screen or account, quitting), so the feature keeps it as the ticket's draft
    draft_edited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("ticketPage", translate("TicketPage", "← All tickets"), parent)
        self.ticket: dict = {}
        self.close_button = QPushButton(translate("TicketPage", "Close ticket"), objectName="closeTicketButton")
        self.close_button.clicked.connect(self._emit_close)
        self.title_row.addWidget(self.close_button)
        self.info = muted(object_name="ticketInfo")
        self.related_button = styled(DataButton(objectName="ticketRelatedButton"), kind="ghost")
        self.related_button.clicked.connect(self._open_related)
        self.related_button.hide()
        info_row = QHBoxLayout()
        info_row.addWidget(self.info)
        info_row.addWidget(self.related_button)
        info_row.addStretch(1)

        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("conversation")
        # Tab stops here to scroll the messages with the arrow keys: a screen reader says what it holds.
        self.scroll.setAccessibleName(translate("TicketPage", "Conversation"))
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.thread = QWidget(self.scroll)
        self.thread_layout = QVBoxLayout(self.thread)
        self.thread_layout.setContentsMargins(0, 0, 8, 0)
        self.thread_layout.setSpacing(8)
        self.earlier_button = styled(QPushButton(objectName="earlierMessages"), kind="ghost")
        self.earlier_button.clicked.connect(self.show_earlier)
        self.earlier_button.hide()
        self.thread_layout.addWidget(self.earlier_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.thread_layout.addStretch(1)
        self.scroll.setWidget(self.thread)
        bar = self.scroll.verticalScrollBar()
        self._follow_newest = True        # the newest message stays in view, unless the user went back in time
        bar.rangeChanged.connect(lambda _lo, high: self._follow_newest and bar.setValue(high))
        self.messages: list[MessageView] = []
        self._conversation: list[dict] = []
        self.missing = muted(translate("TicketPage", "The conversation is downloaded when the panel can be reached."),
                             "conversationMissing", wrap=True)
        self.missing.hide()

        self.reply_box = QPlainTextEdit(objectName="replyBox")
        self.reply_box.setPlaceholderText(translate("TicketPage", "Write a reply…"))
        self.reply_box.setTabChangesFocus(True)
        self.reply_box.setAccessibleName(translate("TicketPage", "Your reply"))   # the placeholder goes as one types
        self.reply_box.setMaximumHeight(120)
        self.reply_box.textChanged.connect(self._text_changed)
        self._draft_timer = QTimer(self, singleShot=True, interval=DRAFT_PAUSE_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self._draft_edited = False        # typed since the draft was last handed on or put in
        self._putting = False             # the page itself is setting the box's text
        self._account: str | None = None  # whose ticket it is: two panels may both have a ticket "1"
        self.send_button = styled(QPushButton(translate("TicketPage", "Send reply"),
                                              objectName="sendReplyButton"), kind="primary")
        self.send_button.clicked.connect(self.send)
        submit_on_ctrl_enter(self.reply_box, self.send_button)
        reply_row = QHBoxLayout()
        reply_row.addWidget(self.reply_box, 1)
        reply_row.addWidget(self.send_button, 0, Qt.AlignmentFlag.AlignBottom)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.back, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.title_row)
        layout.addLayout(info_row)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.missing)
        layout.addWidget(self.message)
        layout.addLayout(reply_row)
        heading_row = [self.title_row.itemAt(i).widget() for i in range(self.title_row.count())]
        tab_in_order(self.back, *heading_row, self.related_button, self.scroll, self.reply_box, self.send_button)

    @property
    def ticket_id(self) -> str:
        return str(self.ticket.get("id") or "")

    @property
    def account_id(self) -> str | None:
        """The account whose ticket this is, when the page was given its data."""
        return self._account

    @property
    def has_messages(self) -> bool:
        return "messages" in self.ticket

    def show_ticket(self, ticket: dict, data: AccountData | None = None) -> None:
        account = data.account_id if data is not None else self._account
        same = str(ticket.get("id")) == self.ticket_id and account == self._account
        if not same:
            self.flush_draft()            # what was typed for the ticket being left is handed on first
            self.message.hide()
            self.message.setText("")
            self._put_text("")
        elif "messages" not in ticket and self.has_messages:
            ticket = {**self.ticket, **ticket, "messages": self.ticket["messages"]}   # a list row: keep the talk
        self._account = account
        self.ticket = ticket
        self.title.setText(str(ticket.get("subject") or translate("TicketPage", "Ticket")))
        set_chip(self.chip, CHIP_LIKE.get(ticket.get("status") or ""))     # the theme's chip of the same tone
        self.chip.setText(status_text(ticket.get("status")))
        parts = [ticket.get("ticket_number") or "", department_text(ticket.get("department")),
                 translate("TicketPage", "opened {date}").format(date=format_date(ticket.get("created_at")))]
        self.info.setText(" · ".join(p for p in parts if p))
        self._show_related(ticket, data)
        self._show_messages(ticket.get("messages"), same)
        self.refresh_actions()

    def _show_related(self, ticket: dict, data: AccountData | None) -> None:
        related = obj(ticket.get("related"))
        self.related_kind, self.related_id = "", ""
        if related.get("invoice_id"):
            self.related_kind, self.related_id = "invoice", str(related["invoice_id"])
            row = next((r for r in (data.invoices if data else []) if str(r.get("id")) == self.related_id), None)
            self.related_button.setText(translate("TicketPage", "About invoice {number} →").format(
                number=(row or {}).get("invoice_number") or "").replace("  ", " "))
        elif related.get("service_id"):
            self.related_kind, self.related_id = "service", str(related["service_id"])
            row = next((s for s in (data.services if data else []) if str(s.get("id")) == self.related_id), None)
            name = obj_at(row, "product").get("name")
            self.related_button.setText(
                translate("TicketPage", "About {service} →").format(service=literal(name)) if name
                else translate("TicketPage", "About the service →"))
        self.related_button.setVisible(bool(self.related_id))

    def _show_messages(self, messages: list[dict] | None, same: bool) -> None:
        """The newest MESSAGES_AT_ONCE messages (on the same ticket, as many as were shown), oldest first; a new
        message, or another ticket, brings the view to the newest."""
        for view in self.messages:
            view.hide()
            view.deleteLater()
        if not same or len(messages or []) != len(self._conversation):
            self._follow_newest = True
        wanted = max(MESSAGES_AT_ONCE, len(self.messages) if same else 0)
        self._conversation = list(messages or [])
        self.messages = []
        self._add_messages(min(wanted, len(self._conversation)))
        self.missing.setVisible(messages is None)

    def show_earlier(self) -> None:
        """The MESSAGES_AT_ONCE messages before those shown, above them; the view stays at the top."""
        self._follow_newest = False
        self._add_messages(min(len(self._conversation), len(self.messages) + MESSAGES_AT_ONCE) - len(self.messages))
        self.scroll.verticalScrollBar().setValue(0)

    def _add_messages(self, count: int) -> None:
        """`count` more messages above those shown (after the Show earlier button, before the first shown)."""
        end = len(self._conversation) - len(self.messages)
        added = [MessageView(message, self.thread) for message in self._conversation[end - count:end]]
        for position, view in enumerate(added):
            self.thread_layout.insertWidget(1 + position, view)
        self.messages = added + self.messages
        left = len(self._conversation) - len(self.messages)
        self.earlier_button.setText(translate("TicketPage", "Show earlier messages (%Ln not shown)", None, left))
        self.earlier_button.setVisible(left > 0)

    def detail_missing_offline(self) -> None:
        self.missing.setText(
            translate("TicketPage", "This conversation has not been downloaded yet; it appears once you sign in "
                                    "again.") if self.signed_out
            else translate("TicketPage", "This conversation has not been downloaded yet; it appears once the panel "
                                         "can be reached."))
        self.missing.setVisible(not self.has_messages)

    # -- actions --------------------------------------------------------------------------------------------------
    queues_offline = False                       # set by the feature: offline, a reply goes to the outbox

    def _update_actions(self) -> None:
        self.enable_panel_actions(self.send_button, self.close_button)
        self.close_button.setVisible(self.ticket.get("status") != "closed")
        self.send_button.setText(translate("TicketPage", "Send and reopen") if self.ticket.get("status") == "closed"
                                 else translate("TicketPage", "Send reply"))
        if not self.online:
            queued = self.queues_offline and not self.busy
            self.send_button.setEnabled(queued)
            if queued:
                self.send_button.setText(translate("TicketPage", "Queue reply"))
            self.send_button.setToolTip(self._queued_text() if queued else self.unreachable_reply())
        queued_text = self._queued_text()
        self.note_offline(True, queued_text if self.queues_offline else translate("Messages", OFFLINE_REPLY),
                          queued_text if self.queues_offline else "")

    def _queued_text(self) -> str:
        return translate("Messages", QUEUED_REPLY_SIGNED_OUT if self.signed_out else QUEUED_REPLY)

    def unreachable_reply(self) -> str:
        """Why replying and closing cannot go now: signed out, sign in again; offline, Sett reconnects."""
        return self.unreachable_tip() if self.signed_out else translate("Messages", OFFLINE_REPLY)

    # -- the reply's draft ------------------------------------------------------------------------------------------
    @property
    def draft(self) -> str:
        """What the reply box holds."""
        return self.reply_box.toPlainText()

    @property
    def draft_pending(self) -> bool:
        """Typed since the draft was last handed on (`draft_edited` is still to come)."""
        return self._draft_edited

    def set_draft(self, text: str) -> None:
        """The ticket's kept draft, into its reply box (the cursor after it); not handed on again as an edit."""
        self._put_text(text)
        self.reply_box.moveCursor(QTextCursor.MoveOperation.End)

    def keep_typed_over(self, kept: str, typed: str) -> None:
        """The ticket's kept draft was read after the user began typing: the box keeps what was typed (the cursor
        where it was), as one edit over the kept draft, so one Ctrl+Z in the box brings the kept draft back; the
        page says so. (The feature saves what was typed: not handed on again as an edit.)"""
        at = self.reply_box.textCursor().position()
        self._put_text(kept)
        self._putting = True
        try:
            cursor = QTextCursor(self.reply_box.document())
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(typed)
        finally:
            self._putting = False
        cursor = self.reply_box.textCursor()
        cursor.setPosition(min(at, len(typed)))
        self.reply_box.setTextCursor(cursor)
        self.show_message("info", translate("TicketPage", "You began typing before this ticket's saved draft was "
                                                          "read: what you typed stays. Ctrl+Z in the reply box "
                                                          "brings back the saved draft instead."))

    def flush_draft(self) -> None:
        """What was typed and not yet handed on goes out now as `draft_edited`."""
        self._draft_timer.stop()
        if self._draft_edited and self.ticket_id:
            self._draft_edited = False
            self.draft_edited.emit(self.ticket_id, self.draft)

    def _put_text(self, text: str) -> None:
        self._draft_timer.stop()
        self._draft_edited = False
        self._putting = True
        try:
            self.reply_box.setPlainText(text)
        finally:
            self._putting = False

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self.flush_draft()                # the list, another screen, another account, the window closing
        super().hideEvent(event)

    def _text_changed(self) -> None:
        if not self._putting:
            self._draft_edited = True
            self._draft_timer.start()
        if self.message.isVisible() and self.message.property("role") == "error" \
                and not body_problem(self.reply_box.toPlainText()):
            self.show_message("info", "")

    def send(self) -> None:
        if not self.ticket_id or not (self.can_ask_panel or (self.queues_offline and not self.online
                                                             and not self.busy)):
            return
        body = self.reply_box.toPlainText()
        problem = body_problem(body)
        if problem:
            self.show_message("error", problem)
            self.reply_box.setFocus()
            return
        self.reply_requested.emit(self.ticket_id, body)

    def reply_sent(self, body: str | None = None) -> None:
        """The reply `body` went or waits in the Outbox: it leaves the box (the feature drops the ticket's draft).
        What was typed after pressing Send, while the panel answered, stays, and is handed on as the new draft."""
        left = after_sent(self.draft, body)
        self._put_text(left)
        if left:
            self._draft_edited = True
            self._draft_timer.start()

    def _emit_close(self) -> None:
        if self.can_ask_panel and self.ticket_id:
            self.close_requested.emit(self.ticket_id)

    def _open_related(self) -> None:
        if self.related_kind == "invoice":
            self.invoice_chosen.emit(self.related_id)
        elif self.related_kind == "service":
            self.service_chosen.emit(self.related_id)
