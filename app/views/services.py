"""Services: what the account has bought, with status, next due date, price per cycle and server."""
from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import QVBoxLayout, QWidget

from app.models.services import ServiceTableModel, service_proxy
from app.snapshot import AccountData

from .badges import FilteredTable, heading, subtitle
from .formatting import humanise
from .section import Section

STATUS_CHOICES: list[tuple[str, str | None]] = [
    ("All services", None),
    ("Active", "active"),
    ("Pending", "pending"),
    ("Suspended", "suspended"),
    ("Terminated", "terminated"),
    ("Cancelled", "cancelled"),
]
_SUMMARY_ORDER = ("active", "pending", "suspended", "terminated", "cancelled")


def status_summary(services: list[dict]) -> str:
    """"3 active · 1 suspended": the statuses the account has, in a fixed order."""
    counts = Counter(row.get("status") for row in services)
    known = [f"{counts[s]} {humanise(s).lower()}" for s in _SUMMARY_ORDER if counts[s]]
    others = [f"{n} {humanise(s).lower()}" for s, n in counts.items() if s not in _SUMMARY_ORDER and s]
    return " · ".join(known + others)


class ServicesSection(Section):
    key = "services"
    title = "Services"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("servicesSection")
        self.model = ServiceTableModel(self)
        self.proxy = service_proxy(self)
        self.heading = heading("Services")
        self.summary = subtitle()
        self.list = FilteredTable(self.model, self.proxy, noun="service", statuses=STATUS_CHOICES,
                                  placeholder="Search services", object_name="servicesTable", parent=self)
        self.list.set_empty_text("none", "No services yet",
                                 "Servers and plans you buy will appear here.", "Browse the store")
        self.list.empty_action.connect(lambda: self.navigate.emit("store", {}))
        header = self.list.table.horizontalHeader()
        header.resizeSection(0, 220)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        self.summary.hide()

    @property
    def table(self):
        return self.list.table

    @property
    def filters(self):
        return self.list.filters

    def show_data(self, data: AccountData) -> None:
        self.model.set_services(data.services, data.money, int(data.currency.get("places", 2)))
        self.list.refresh(not data.never_synced)
        self.summary.setText(status_summary(data.services))
        self.summary.setVisible(not data.never_synced and bool(data.services))

    def apply_filter(self, filters: dict) -> None:
        self.list.apply_filter(filters)
