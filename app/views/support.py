"""Support: this account's tickets (number, subject, status, department, last reply), each opening its page with
the conversation; New ticket. When the panel has tickets off, the screen says so instead of listing anything."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QStackedLayout, QVBoxLayout, QWidget

from app.core.account_data import TICKETS_OFF_REASON, AccountData
from app.core.support import open_count
from app.core.text import translate
from app.models.tickets import TicketTableModel, ticket_proxy

from .empty_state import EmptyPage
from .filtered_table import FilteredTable
from .labels import heading, styled, subtitle
from .new_ticket import OFFLINE_NEW, NewTicketDialog
from .scope import set_widths
from .section import Section
from .ticket_page import TicketPage

STATUS_CHOICES: list[tuple[str, str | None]] = [
    (QT_TRANSLATE_NOOP("StatusFilter", "All tickets"), None),
    (QT_TRANSLATE_NOOP("StatusFilter", "Open"), "open"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Answered"), "answered"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Awaiting reply"), "customer_reply"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Closed"), "closed"),
]


class SupportSection(Section):
    key = "support"
    title = QT_TRANSLATE_NOOP("Sections", "Support")
    billing = False                 # tickets are not billing: they stay while billing is off
    ticket_opened = Signal(str)     # a ticket's page opened (ticket id): the feature reads its conversation
    create_requested = Signal(dict)     # New ticket's fields, checked: the feature sends them
    dialog_opened = Signal(object)      # the New ticket dialog just opened (the feature sets its online state)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supportSection")
        self.data: AccountData | None = None
        self.dialog: NewTicketDialog | None = None
        self.model = TicketTableModel(self)
        self.proxy = ticket_proxy(self)
        self.heading = heading(translate("SupportSection", "Support"))
        self.summary = subtitle(object_name="supportSummary")
        self.new_button = styled(QPushButton(translate("SupportSection", "New ticket…"), objectName="newTicketButton"),
                                 kind="primary")
        self.new_button.clicked.connect(lambda: self.open_new_ticket())
        self.list = FilteredTable(self.model, self.proxy, noun="ticket", statuses=STATUS_CHOICES,
                                  placeholder=translate("SupportSection", "Search tickets"),
                                  object_name="ticketsTable", parent=self)
        self.list.set_empty_text("none", translate("SupportSection", "No tickets yet"),
                                 translate("SupportSection", "Questions about an invoice or a service? Ask here."),
                                 translate("SupportSection", "New ticket"))
        self.list.empty_action.connect(lambda: self.open_new_ticket())
        self.list.table.activated.connect(self._open_index)
        set_widths(self.list.table, self.model, {"ticket_number": 130, "status": 140, "department": 120})
        self.page = TicketPage(self)
        self.page.back_requested.connect(self.show_list)
        self.page.invoice_chosen.connect(lambda iid: self.navigate.emit("invoices", {"invoice": iid}))
        self.page.service_chosen.connect(lambda sid: self.navigate.emit("services", {"service": sid}))
        self.off = EmptyPage("?", translate("SupportSection", "Support tickets are not available"),
                             [(translate("AccountData", TICKETS_OFF_REASON), "subtitle")],
                             translate("SupportSection", "Check again"), self)
        self.listing = QWidget(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.new_button)
        list_layout = QVBoxLayout(self.listing)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(12)
        list_layout.addLayout(top)
        list_layout.addWidget(self.summary)
        list_layout.addWidget(self.list, 1)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.listing)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.off)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addLayout(self.stack, 1)
        self.summary.hide()

    def set_online(self, online: bool) -> None:
        """New ticket needs the panel (tickets are not queued offline yet): disabled, saying so."""
        self.new_button.setEnabled(online)
        self.new_button.setToolTip("" if online else translate("Messages", OFFLINE_NEW))

    @property
    def page_open(self) -> bool:
        return self.stack.currentWidget() is self.page

    @property
    def enabled(self) -> bool:
        return self.data is not None and self.data.tickets_enabled

    def show_data(self, data: AccountData) -> None:
        previous = self.data
        self.data = data
        if not data.tickets_enabled:
            panel = (data.public_settings or {}).get("panel_name")
            self.off.title.setText(translate("SupportSection", "Support tickets are not available on {panel}")
                                   .format(panel=panel) if panel
                                   else translate("SupportSection", "Support tickets are not available on this panel"))
            self.stack.setCurrentWidget(self.off)
            if self.dialog is not None:
                self.dialog.reject()
            return
        if self.stack.currentWidget() is self.off:
            self.show_list()
        if self.page_open:
            ticket = next((t for t in data.tickets if str(t.get("id")) == self.page.ticket_id), None)
            if ticket is None or (previous is not None and previous.account_id != data.account_id):
                self.show_list()
            elif ticket != self.page.ticket:
                self.page.show_ticket(ticket, data)
        self.model.set_tickets(data.tickets)
        self.list.refresh(not data.never_synced)
        waiting = open_count(data.tickets)
        self.summary.setText(translate("SupportSection", "%n open ticket(s).", None, waiting) if waiting else "")
        self.summary.setVisible(bool(waiting))

    def apply_filter(self, filters: dict) -> None:
        if filters.get("ticket"):
            if not self.open_ticket(str(filters["ticket"])) and self.stack.currentWidget() is not self.off:
                self.show_list()      # not synced yet: the list, where it appears with the next sync
            return
        if isinstance(filters.get("new_ticket"), dict):
            self.open_new_ticket(filters["new_ticket"])
            return
        if self.stack.currentWidget() is not self.off:
            self.show_list()
        self.list.apply_filter(filters)

    def open_ticket(self, ticket_id: str, ticket: dict | None = None) -> bool:
        data = self.data
        if not self.enabled or data is None:
            return False
        ticket = ticket or next((t for t in data.tickets if str(t.get("id")) == ticket_id), None)
        if ticket is None:
            return False
        self.page.show_ticket(ticket, data)
        self.stack.setCurrentWidget(self.page)
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)
        self.ticket_opened.emit(ticket_id)
        return True

    def open_new_ticket(self, prefill: dict | None = None) -> NewTicketDialog | None:
        """The New ticket dialog, prefilled (and linked) when it comes from an invoice or a service."""
        if not self.enabled:
            return None
        if self.dialog is not None:
            self.dialog.reject()
        dialog = NewTicketDialog(prefill, self._about(prefill or {}), self)
        dialog.submitted.connect(self.create_requested)
        dialog.finished.connect(lambda _r, d=dialog: self.dialog is d and setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        self.dialog_opened.emit(dialog)
        return dialog

    def _about(self, prefill: dict) -> str:
        data = self.data
        if data is None:
            return ""
        if prefill.get("invoice_id"):
            row = next((r for r in data.invoices if str(r.get("id")) == str(prefill["invoice_id"])), {})
            return translate("SupportSection", "About invoice {number}.").format(
                number=row.get("invoice_number") or prefill["invoice_id"])
        if prefill.get("service_id"):
            row = next((s for s in data.services if str(s.get("id")) == str(prefill["service_id"])), {})
            return translate("SupportSection", "About your service {name}.").format(
                name=(row.get("product") or {}).get("name") or prefill["service_id"])
        return ""

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.listing)
        self.list.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_index(self, index) -> None:
        row = self.list.proxy.row(index.row())
        if row and row.get("id") is not None:
            self.open_ticket(str(row["id"]))
