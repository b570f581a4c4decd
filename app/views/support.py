"""Support: this account's tickets (number, subject, status, department, last reply), or every account's, each
opening its page with the conversation; New ticket. When the panel has tickets off, this account's scope says so
instead of listing anything."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QPushButton, QWidget

from app.core.account_data import TICKETS_OFF_REASON, AccountData
from app.core.support import open_count
from app.core.text import translate
from app.models.all_accounts import AccountsRows, account_column
from app.models.tickets import SEARCH_KEYS, TicketTableModel, ticket_columns, ticket_proxy

from .empty_state import EmptyPage
from .filtered_table import FilteredTable
from .labels import heading, styled, subtitle
from .list_section import ListWithPage, across, with_account
from .new_ticket import NewTicketDialog, unreachable_text
from .scope import ACCOUNT, ALL
from .shapes import obj, obj_at
from .ticket_page import TicketPage

STATUS_CHOICES: list[tuple[str, str | None]] = [
    (QT_TRANSLATE_NOOP("StatusFilter", "All tickets"), None),
    (QT_TRANSLATE_NOOP("StatusFilter", "Open"), "open"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Answered"), "answered"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Awaiting reply"), "customer_reply"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Closed"), "closed"),
]


def open_text(waiting: int) -> str:
    return translate("SupportSection", "%n open ticket(s).", None, waiting) if waiting else ""


class SupportSection(ListWithPage):
    key = "support"
    title = QT_TRANSLATE_NOOP("Sections", "Support")
    billing = False                 # tickets are not billing: they stay while billing is off
    ticket_opened = Signal(str)     # a ticket's page opened (ticket id): the feature reads its conversation
    create_requested = Signal(dict)     # New ticket's fields, checked: the feature sends them
    dialog_opened = Signal(object)      # the New ticket dialog just opened (the feature sets its online state)
    noun = "ticket"
    column_widths = {"ticket_number": 130, "status": 140, "department": 120}
    all_column_widths = {"account": 140, "subject": 260}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("supportSection")
        self.dialog: NewTicketDialog | None = None
        self.none_text = (self.tr("No tickets yet"), self.tr("Questions about an invoice or a service? Ask here."),
                          self.tr("New ticket"))
        self.model = TicketTableModel(self)
        self.proxy = ticket_proxy(self)
        self.proxy.set_search_keys(with_account(SEARCH_KEYS))
        self.heading = heading(self.tr("Support"))
        self.summary = subtitle(object_name="supportSummary")
        self.new_button = styled(QPushButton(self.tr("New ticket…"), objectName="newTicketButton"), kind="primary")
        self.new_button.clicked.connect(lambda: self.open_new_ticket())
        self.list = FilteredTable(self.model, self.proxy, noun="ticket", statuses=STATUS_CHOICES,
                                  placeholder=self.tr("Search tickets"), object_name="ticketsTable", parent=self)
        self.list.empty_action.connect(lambda: self.open_new_ticket())
        self.page = TicketPage(self)
        self.page.invoice_chosen.connect(lambda iid: self.navigate.emit("invoices", {"invoice": iid}))
        self.page.service_chosen.connect(lambda sid: self.navigate.emit("services", {"service": sid}))
        self._stack(self.heading, self.summary, self.new_button)
        self.off = EmptyPage("?", self.tr("Support tickets are not available"),
                             [(translate("AccountData", TICKETS_OFF_REASON), "subtitle")],
                             self.tr("Check again"), self)
        # With other accounts, their tickets are one click away even when this account's panel has none.
        self.all_tickets_button = styled(QPushButton(self.tr("Tickets of all accounts"), self.off,
                                                     objectName="allTicketsButton"), kind="ghost")
        self.all_tickets_button.clicked.connect(lambda: self.set_scope(ALL))
        self.off.button.parentWidget().layout().addWidget(self.all_tickets_button)
        self.all_tickets_button.hide()
        self.stack.addWidget(self.off)

    def set_online(self, online: bool, signed_out: bool = False) -> None:
        """New ticket needs the panel (tickets are not queued offline yet): disabled, saying why (offline, or a
        login needed)."""
        for button in (self.new_button, self.list.empty.action):     # the empty list's "New ticket" too
            button.setEnabled(online)
            button.setToolTip("" if online else unreachable_text(signed_out))

    @property
    def enabled(self) -> bool:
        return self.data is not None and self.data.tickets_enabled

    @property
    def tickets_off(self) -> bool:
        """This account's panel has switched tickets off (nothing is known before its data)."""
        return self.data is not None and not self.data.tickets_enabled

    def set_scope_available(self, available: bool) -> None:
        super().set_scope_available(available)
        self.all_tickets_button.setVisible(available)

    def show_data(self, data: AccountData) -> None:
        previous = self.data
        self.data = data
        if not data.tickets_enabled:
            panel = obj(data.public_settings).get("panel_name") or self.tr("this panel")
            self.off.title.setText(self.tr("Support tickets are not available on {panel}").format(panel=panel))
            if self.dialog is not None:
                self.dialog.reject()
            if self.page_open:
                self.show_list()
        elif self.page_open:
            ticket = next((t for t in data.tickets if str(t.get("id")) == self.page.ticket_id), None)
            if ticket is None or (previous is not None and previous.account_id != data.account_id):
                self.show_list()
            elif ticket != self.page.ticket:
                self.page.show_ticket(ticket, data)
        if self.scope == ACCOUNT:
            self._show_account(data)

    def _show_scope(self) -> None:
        self.new_button.setVisible(self.scope == ACCOUNT)       # a new ticket is one account's
        super()._show_scope()

    def _show_account(self, data: AccountData) -> None:
        self._refill(ticket_columns(), lambda: self.model.set_tickets(data.tickets))
        self.list.refresh(not data.never_synced)
        waiting = open_count(data.tickets)
        self.summary.setText(open_text(waiting))
        self.summary.setVisible(bool(waiting))
        self._follow_off()

    def _show_everything(self, everything: AccountsRows) -> None:
        columns = [account_column(), *ticket_columns()]
        self._refill(columns, lambda: self.model.feed(everything.tickets, columns))
        self.list.refresh(bool(everything.synced))
        waiting = open_count(everything.tickets)
        self.summary.setText(across(everything, open_text(waiting), billing=False))     # tickets need no billing
        self.summary.setVisible(bool(everything.synced))
        self._follow_off()

    def _follow_off(self) -> None:
        """The off page in this account's scope on a panel without tickets, the list otherwise (a page stays)."""
        if not self.page_open and (self.stack.currentWidget() is self.off) != self._off_here():
            self.show_list()

    def _off_here(self) -> bool:
        return self.scope == ACCOUNT and self.tickets_off

    def show_list(self) -> None:
        if self._off_here():
            self.stack.setCurrentWidget(self.off)
        else:
            super().show_list()

    def apply_filter(self, filters: dict) -> None:
        if filters.get("ticket"):
            if not self.open_ticket(str(filters["ticket"])):
                self.set_scope(ACCOUNT)       # not synced yet: this account's list, where it appears with the
                self.show_list()              # next sync
            return
        if isinstance(filters.get("new_ticket"), dict):
            self.open_new_ticket(filters["new_ticket"])
            return
        super().apply_filter(filters)

    # -- a ticket's page ------------------------------------------------------------------------------------------
    def open_ticket(self, ticket_id: str, ticket: dict | None = None) -> bool:
        data = self.data
        if not self.enabled or data is None:
            return False
        ticket = ticket or next((t for t in data.tickets if str(t.get("id")) == ticket_id), None)
        if ticket is None:
            return False
        self.page.show_ticket(ticket, data)
        self._show_page()
        self.ticket_opened.emit(ticket_id)
        return True

    def open_row(self, row_id: str) -> bool:
        return self.open_ticket(row_id)

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
                name=obj_at(row, "product").get("name") or prefill["service_id"])
        return ""
