"""Services: what the account has bought, with status, next due date, price per cycle and server."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import QWidget

from app.core.account_data import AccountData
from app.core.status_words import status_word
from app.core.text import translate
from app.models.all_accounts import AccountsRows, all_accounts_columns
from app.models.services import SEARCH_KEYS, ServiceTableModel, service_columns, service_proxy

from .filtered_table import FilteredTable
from .labels import heading, subtitle
from .list_section import ListWithPage, across, with_account
from .scope import ACCOUNT
from .service_page import ServicePage

STATUS_CHOICES: list[tuple[str, str | None]] = [
    (QT_TRANSLATE_NOOP("StatusFilter", "All services"), None),
    (QT_TRANSLATE_NOOP("StatusFilter", "Active"), "active"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Pending"), "pending"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Suspended"), "suspended"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Terminated"), "terminated"),
    (QT_TRANSLATE_NOOP("StatusFilter", "Cancelled"), "cancelled"),
]
_SUMMARY_ORDER = ("active", "pending", "suspended", "terminated", "cancelled")


def status_summary(services: list[dict]) -> str:
    """"3 active · 1 suspended": the statuses the account has, in a fixed order."""
    counts = Counter(row.get("status") for row in services)
    words = translate("ServicesSection", "{count} {status}")      # "3 active": a language may order them otherwise
    known = [words.format(count=counts[s], status=status_word(s).lower()) for s in _SUMMARY_ORDER if counts[s]]
    others = [words.format(count=n, status=status_word(s).lower())
              for s, n in counts.items() if s not in _SUMMARY_ORDER and s]
    return " · ".join(known + others)


class ServicesSection(ListWithPage):
    key = "services"
    title = QT_TRANSLATE_NOOP("Sections", "Services")
    service_opened = Signal(str)     # a service's page opened: its invoices are worth fetching
    noun = "service"
    none_text = (QT_TRANSLATE_NOOP("ListWithPage", "No services yet"),
                 QT_TRANSLATE_NOOP("ListWithPage", "Servers and plans you buy will appear here."),
                 QT_TRANSLATE_NOOP("ListWithPage", "Browse the store"))
    column_widths = {"product": 220}
    # Narrower beside the Account column, so that every column fits a 1280-pixel window.
    all_column_widths = {"account": 140, "product": 180, "status": 110, "next_due_date": 120, "server": 120}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("servicesSection")
        self.model = ServiceTableModel(self)
        self.proxy = service_proxy(self)
        self.proxy.set_search_keys(with_account(SEARCH_KEYS))
        self.heading = heading(translate("ServicesSection", "Services"))
        self.summary = subtitle()
        self.list = FilteredTable(self.model, self.proxy, noun="service", statuses=STATUS_CHOICES,
                                  placeholder=translate("ServicesSection", "Search services"),
                                  object_name="servicesTable", parent=self)
        self.list.empty_action.connect(lambda: self.navigate.emit("store", {}))
        self.page = ServicePage(self)
        self.page.invoice_chosen.connect(lambda iid: self.navigate.emit("invoices", {"invoice": iid}))
        self.page.help_requested.connect(lambda fields: self.navigate.emit("support", {"new_ticket": fields}))
        self._stack(self.heading, self.summary)

    def show_data(self, data: AccountData) -> None:
        previous = self.data
        self.data = data
        self.page.help_button.setVisible(data.tickets_enabled)     # "Get help with this" needs tickets on
        if self.page_open:
            service = next((s for s in data.services if str(s.get("id")) == self.page.service_id), None)
            if service is None or (previous is not None and previous.account_id != data.account_id):
                self.show_list()
            else:
                self.page.show_service(service, data)
        if self.scope == ACCOUNT:
            self._show_account(data)

    def _show_account(self, data: AccountData) -> None:
        places = data.places
        self._refill(service_columns(data.money, places),
                     lambda: self.model.set_services(data.services, data.money, places))
        self.list.refresh(not data.never_synced)
        self.summary.setText(status_summary(data.services))
        self.summary.setVisible(not data.never_synced and bool(data.services))

    def _show_everything(self, everything: AccountsRows) -> None:
        columns = all_accounts_columns(service_columns, everything.data_of)
        self._refill(columns, lambda: self.model.feed(everything.services, columns))
        self.list.refresh(bool(everything.synced))
        statuses = status_summary(everything.services)
        self.summary.setText(across(everything, statuses))
        self.summary.setVisible(bool(everything.synced))

    def apply_filter(self, filters: dict) -> None:
        if filters.get("service"):
            self.open_service(str(filters["service"]))
            return
        super().apply_filter(filters)

    # -- the service page -----------------------------------------------------------------------------------------
    def open_service(self, service_id: str) -> bool:
        data = self.data
        service = next((s for s in (data.services if data else []) if str(s.get("id")) == service_id), None)
        if service is None or data is None:
            return False
        self.page.show_service(service, data)
        self._show_page()
        self.service_opened.emit(service_id)
        return True

    def open_row(self, row_id: str) -> bool:
        return self.open_service(row_id)
