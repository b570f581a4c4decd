"""Dashboard: the account at a glance, as cards that lead to the screen behind each number."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from app.core.money import parse_money
from app.snapshot import AccountData

from .badges import EmptyState, emphasise, heading, muted, styled, subtitle
from .credits import credit_balance, credits_enabled
from .formatting import NO_VALUE, count_text, format_date, format_datetime
from .section import Section

_OPEN = ("pending", "overdue")
_RENEWING = ("active", "suspended")


@dataclass(frozen=True)
class Summary:
    active_services: int
    suspended_services: int
    open_invoices: int
    overdue_invoices: int
    total_due: str | Decimal
    next_due_date: str | None
    next_due_amount: str | Decimal | None
    credit_balance: str | None


def _amount(value) -> Decimal:
    try:
        return parse_money(value)
    except ValueError:
        return Decimal(0)


def _count(board: dict, key: str, worked_out: int) -> int:
    value = board.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else worked_out


def _renews(service: dict) -> bool:
    request = service.get("cancellation") or {}
    leaving = request.get("status") == "approved" and request.get("type") == "end_of_period"
    return service.get("status") in _RENEWING and bool(service.get("next_due_date")) and not leaving


def summarise(data: AccountData) -> Summary:
    """The panel's own dashboard figures when synced; worked out from the cached rows where it has none."""
    board = data.dashboard
    services, invoices = data.services, data.invoices
    # A top-up invoice is an offer the buyer may abandon, not a bill: the panel leaves it out of "due" too.
    open_rows = [r for r in invoices if r.get("status") in _OPEN and r.get("kind") != "top_up"]
    renewing = [s for s in services if _renews(s)]
    next_date = min((s["next_due_date"] for s in renewing), default=None)
    if "next_due_date" in board:
        next_date = board.get("next_due_date")
        next_amount = board.get("next_due_amount")
    else:
        next_amount = sum((_amount(s.get("recurring_amount")) for s in renewing
                           if s["next_due_date"] == next_date), Decimal(0)) if next_date else None
    return Summary(
        active_services=_count(board, "active_services", sum(1 for s in services if s.get("status") == "active")),
        suspended_services=sum(1 for s in services if s.get("status") == "suspended"),
        open_invoices=_count(board, "pending_invoices", len(open_rows)),
        overdue_invoices=_count(board, "overdue_invoices", sum(1 for r in open_rows if r.get("status") == "overdue")),
        total_due=board.get("total_due") or sum((_amount(r.get("balance_due")) for r in open_rows), Decimal(0)),
        next_due_date=next_date,
        next_due_amount=next_amount,
        credit_balance=credit_balance(data),
    )


class DashboardCard(QFrame):
    """A figure with a title and a caption; click it, or focus it and press Enter or Space, to open it."""

    clicked = Signal()

    def __init__(self, title: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        styled(self, card=True, clickable=True, name=name, tone="")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = muted(title, "cardTitle")
        self.value = emphasise(styled(QLabel(objectName="cardValue"), role="metric"), 1.8)
        self.caption = muted(object_name="cardCaption", wrap=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addStretch(1)
        self.setMinimumHeight(116)

    def set_figure(self, value: str, caption: str = "", tone: str = "") -> None:
        self.value.setText(value)
        self.caption.setText(caption)
        self.setAccessibleName(f"{self.title.text()}: {value}")
        self.setAccessibleDescription(caption)
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            self.style().unpolish(self)       # re-read the theme's [tone="danger"] rules
            self.style().polish(self)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.clicked.emit()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


class DashboardSection(Section):
    key = "dashboard"
    title = "Dashboard"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardSection")
        self.heading = heading("Dashboard")
        self.synced = subtitle()
        self.cards: dict[str, DashboardCard] = {}
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(16)
        specs = [
            ("services", "Active services", ("services", {"status": "active"})),
            ("due", "Amount due", ("invoices", {"status": "pending,overdue"})),
            ("overdue", "Overdue invoices", ("invoices", {"status": "overdue"})),
            ("next_due", "Next due", ("services", {"status": "active", "sort": "next_due_date"})),
            ("credits", "Credit balance", ("credits", {})),
        ]
        for i, (name, title, (target, filters)) in enumerate(specs):
            card = DashboardCard(title, name, grid_host)
            card.clicked.connect(lambda t=target, f=filters: self.navigate.emit(t, dict(f)))
            grid.addWidget(card, i // 3, i % 3)
            self.cards[name] = card
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.empty = EmptyState(self)
        self.empty.show_state("Not synced yet", "Connect to the panel to see your services, invoices and credit.")
        self.pages = QStackedLayout()
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addWidget(grid_host)
        content_layout.addStretch(1)
        self.pages.addWidget(content)
        self.pages.addWidget(self.empty)
        self.pages.setCurrentWidget(self.empty)
        self.content = content
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(self.heading)
        layout.addWidget(self.synced)
        layout.addLayout(self.pages, 1)
        self.synced.hide()

    def show_data(self, data: AccountData) -> None:
        name = (data.me.get("first_name") or "").strip()
        self.heading.setText(f"Welcome back, {name}" if name else "Dashboard")
        if data.never_synced:
            self.synced.hide()
            self.pages.setCurrentWidget(self.empty)
            return
        self.synced.setText(f"Last synced {format_datetime(data.last_synced_at)}")
        self.synced.show()
        self.pages.setCurrentWidget(self.content)
        s = summarise(data)
        suspended = f"{s.suspended_services} suspended" if s.suspended_services else "Nothing suspended"
        self.cards["services"].set_figure(str(s.active_services), suspended,
                                          "danger" if s.suspended_services else "")
        unpaid = count_text(s.open_invoices, "unpaid invoice") if s.open_invoices else "Nothing to pay"
        self.cards["due"].set_figure(data.money(s.total_due), unpaid, "warning" if s.open_invoices else "")
        self.cards["overdue"].set_figure(str(s.overdue_invoices),
                                         "Pay now to keep your services running" if s.overdue_invoices
                                         else "Nothing overdue", "danger" if s.overdue_invoices else "")
        if s.next_due_date:
            self.cards["next_due"].set_figure(format_date(s.next_due_date), data.money(s.next_due_amount))
        else:
            self.cards["next_due"].set_figure(NO_VALUE, "No renewals scheduled")
        credits = self.cards["credits"]
        credits.setVisible(credits_enabled(data))
        credits.set_figure(data.money(s.credit_balance if s.credit_balance is not None else "0"),
                           "Applied automatically to invoices")
