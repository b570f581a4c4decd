"""Dashboard: the account at a glance, as cards that lead to the screen behind each number; in the All-accounts
scope every account together, its cards leading to the all-accounts lists."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.credit import credit_balance, credits_enabled
from app.core.formatting import NO_VALUE, format_date, format_datetime
from app.core.money import parse_money
from app.core.reach import paying_reason
from app.core.text import translate
from app.models.all_accounts import AccountsRows, amounts_text
from app.models.plain_text import PLAIN

from .due_words import also_due, with_also_due
from .empty_state import EmptyState
from .labels import emphasise, heading, muted, styled, subtitle
from .recent_orders import RecentOrders
from .scope import ACCOUNT, ALL, ScopedScreen
from .screen_margins import follow_width
from .section import Section
from .shapes import obj
from .tab_order import tab_in_order

if TYPE_CHECKING:
    from .spending_chart import SpendingChart

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
    # What falls due on that date in currencies other than the account's (worked out from services billed in one
    # the panel used before): never added to next_due_amount, which is written in the account's currency.
    next_due_elsewhere: dict[str, Decimal] = field(default_factory=dict)
    # The unpaid invoices total_due adds up (the account's currency, a balance left: what Pay all due pays), which
    # the All-accounts Amount due card adds up over the accounts; open_invoices counts every currency's and is what
    # an account's own card says beside its amount (the other currencies' amounts named there too).
    due_invoices: int = 0


def _amount(value) -> Decimal:
    try:
        return parse_money(value, bounded=False)
    except ValueError:
        return Decimal(0)


def _count(board: dict, key: str, worked_out: int) -> int:
    value = board.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else worked_out


def _renews(service: dict) -> bool:
    request = obj(service.get("cancellation"))
    leaving = request.get("status") == "approved" and request.get("type") == "end_of_period"
    return service.get("status") in _RENEWING and bool(service.get("next_due_date")) and not leaving


def summarise(data: AccountData) -> Summary:
    """The panel's own dashboard figures when synced; worked out from the cached rows where it has none."""
    board = data.dashboard
    services, facts = data.services, data.invoice_facts
    renewing = [s for s in services if _renews(s)]
    next_date = min((s["next_due_date"] for s in renewing), default=None)
    elsewhere: dict[str, Decimal] = defaultdict(Decimal)
    if "next_due_date" in board:
        next_date = board.get("next_due_date")
        next_amount = board.get("next_due_amount")
    else:
        next_amount = Decimal(0) if next_date else None
        for service in renewing:
            if not next_date or service["next_due_date"] != next_date:
                continue
            currency = service.get("currency")
            if isinstance(currency, str) and currency and data.currency_code and currency != data.currency_code:
                elsewhere[currency] += _amount(service.get("recurring_amount"))     # $10 and €25 are not $35
            else:
                next_amount += _amount(service.get("recurring_amount"))
    return Summary(
        active_services=_count(board, "active_services", sum(1 for s in services if s.get("status") == "active")),
        suspended_services=sum(1 for s in services if s.get("status") == "suspended"),
        # From the invoice rows themselves, not the panel's dashboard object: the figures agree with the list they
        # open, also right after an action saved an invoice and before the sync brings the dashboard.
        open_invoices=facts.bills,
        overdue_invoices=facts.overdue_bills,
        total_due=facts.due,
        next_due_date=next_date,
        next_due_amount=next_amount,
        credit_balance=credit_balance(data),
        next_due_elsewhere={code: amount for code, amount in elsewhere.items() if amount},
        due_invoices=facts.due_bills,
    )


@dataclass(frozen=True)
class AllSummary:
    """Every account together. Amounts stay per currency code: different currencies are never added."""

    accounts: int
    active_services: int
    suspended_services: int
    open_invoices: int
    overdue_invoices: int
    due: dict[str, Decimal]
    credits: dict[str, Decimal]
    next_due_date: str | None
    next_due: dict[str, Decimal]         # what falls due on that date, per currency
    money: dict[str, object]             # currency code -> that currency's formatting (an account's money())
    lines: list[tuple[str, Summary, AccountData]]
    unbilled: tuple[str, ...] = ()       # synced accounts whose panel has no billing: named, counted for nothing
    due_invoices: int = 0                # the unpaid invoices `due` adds up, in every currency it holds


def summarise_all(accounts: list[tuple[str, AccountData]]) -> AllSummary:
    """`accounts`: (name, cached data) of every account; never-synced ones count for nothing."""
    due: dict[str, Decimal] = defaultdict(Decimal)
    credits: dict[str, Decimal] = defaultdict(Decimal)
    next_due: dict[str, Decimal] = defaultdict(Decimal)
    money: dict[str, object] = {}
    lines = []
    counts = [0, 0, 0, 0]
    due_invoices = 0
    next_date = None
    unbilled = []
    for name, data in accounts:
        if data.never_synced:
            continue
        if not data.billing_enabled:     # what it saved while it had billing is hidden, as on its own screens
            unbilled.append(name)
            continue
        s = summarise(data)
        code = data.currency_code
        money.setdefault(code, data.money)
        lines.append((name, s, data))
        for i, value in enumerate((s.active_services, s.suspended_services, s.open_invoices, s.overdue_invoices)):
            counts[i] += value
        due[code] += _amount(s.total_due)
        for other, amount in data.invoice_facts.due_elsewhere.items():     # every currency is its own figure here
            due[other] += amount
        due_invoices += s.due_invoices + sum(data.invoice_facts.due_bills_elsewhere.values())
        if credits_enabled(data) and s.credit_balance is not None:
            credits[code] += _amount(s.credit_balance)
        if s.next_due_date and (next_date is None or s.next_due_date < next_date):
            next_date = s.next_due_date
    for _name, s, data in lines:
        if next_date and s.next_due_date == next_date:
            next_due[data.currency_code] += _amount(s.next_due_amount)
            for other, amount in s.next_due_elsewhere.items():
                next_due[other] += amount
    return AllSummary(len(lines) + len(unbilled), *counts, dict(due), dict(credits), next_date, dict(next_due),
                      money, lines, tuple(unbilled), due_invoices)


SCROLL_GUTTER = 12     # px between the cards and the scroll bar beside them


class DashboardCard(QFrame):
    """A figure with a title and a caption; click it, or focus it and press Enter or Space, to open it. A screen
    reader is told its title and figure, its caption and what it opens."""

    clicked = Signal()

    def __init__(self, title: str, name: str, parent: QWidget | None = None, opens: str = "") -> None:
        super().__init__(parent)
        self.opens = opens          # what pressing it opens, said after its caption
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        styled(self, card=True, clickable=True, name=name, tone="")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.title = muted(title, "cardTitle")
        self.value = emphasise(styled(QLabel(objectName="cardValue", textFormat=PLAIN), role="metric"), 1.8)
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
        self.setAccessibleName(translate("DashboardCard", "{title}: {value}").format(title=self.title.text(),
                                                                                   value=value))
        self.setAccessibleDescription(translate("DashboardCard", "{caption}. {opens}").format(
            caption=caption.rstrip("."), opens=self.opens) if caption and self.opens else caption or self.opens)
        if self.property("tone") != tone:
            self.setProperty("tone", tone)
            for widget in (self, self.caption):   # re-read the theme's [tone=...] rules, the caption's too
                widget.style().unpolish(widget)
                widget.style().polish(widget)

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


def suspended_text(count: int) -> str:
    return (translate("DashboardSection", "%n suspended", None, count) if count
            else translate("DashboardSection", "Nothing suspended"))


def unpaid_text(count: int) -> str:
    return (translate("DashboardSection", "%n unpaid invoice(s)", None, count) if count
            else translate("DashboardSection", "Nothing to pay"))


def overdue_text(count: int) -> str:
    return (translate("DashboardSection", "Pay now to keep your services running") if count
            else translate("DashboardSection", "Nothing overdue"))


def breakdown_line(name: str, s, data: AccountData) -> str:
    """One account's line under the all-accounts figures: "Shop: 3 active · €20.00 due · 1 overdue · €5.00 credit"."""
    parts = [translate("DashboardSection", "{account}: {active} active · {due} due").format(
        account=name, active=s.active_services, due=data.money(s.total_due))]
    if also_due(data):
        parts.append(also_due(data))
    if s.overdue_invoices:
        parts.append(translate("DashboardSection", "{count} overdue").format(count=s.overdue_invoices))
    if s.credit_balance is not None:
        parts.append(translate("DashboardSection", "{amount} credit").format(amount=data.money(s.credit_balance)))
    return " · ".join(parts)


def next_due_text(s: Summary, data: AccountData) -> str:
    """"$35.00", or "€25.00 + $10.00" when services in another currency fall due that day too."""
    if not s.next_due_elsewhere:
        return data.money(s.next_due_amount)
    amounts = {**s.next_due_elsewhere, data.currency_code: _amount(s.next_due_amount)}
    return amounts_text(amounts, {data.currency_code: data.money})


def _moment(value: str | None) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment is not None and moment.tzinfo is None else moment   # panel time is UTC


class DashboardSection(ScopedScreen, Section):
    key = "dashboard"
    title = QT_TRANSLATE_NOOP("Sections", "Dashboard")

    scope_changed = Signal(str)      # ACCOUNT or ALL: the feature reads every account's cache for ALL
    pay_all_requested = Signal()     # the Amount due card's "Pay all due": one payment for every unpaid invoice

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardSection")
        self.heading = heading(translate("DashboardSection", "Dashboard"))
        self.synced = subtitle()
        self._synced_at: tuple[str, datetime] | None = None     # (account id, when) the shell last said it synced
        self._make_scope_toggle()
        self.this_button, self.all_button = self.scope_toggle.this_button, self.scope_toggle.all_button
        self.breakdown = muted(object_name="accountsBreakdown", wrap=True)
        self.breakdown.hide()
        # The chart (QtCharts: ~20 ms to load and build) is made after the figures are painted; until then an
        # empty widget of its height keeps its place. `chart` makes it at once for whoever asks before.
        self._chart_slot = QWidget(self)
        self._chart_slot.setMinimumHeight(240)
        self._spending_chart: SpendingChart | None = None
        self._chart_accounts: list[AccountData] | None = None     # what the chart is to show
        self._chart_waits = False                                  # for the next paint, then made
        self.cards: dict[str, DashboardCard] = {}
        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(16)
        specs = [
            ("services", translate("DashboardSection", "Active services"), ("services", {"status": "active"}),
             translate("DashboardCard", "Opens your active services.")),
            ("due", translate("DashboardSection", "Amount due"), ("invoices", {"status": "pending,overdue"}),
             translate("DashboardCard", "Opens your unpaid invoices.")),
            ("overdue", translate("DashboardSection", "Overdue invoices"), ("invoices", {"status": "overdue"}),
             translate("DashboardCard", "Opens your overdue invoices.")),
            ("next_due", translate("DashboardSection", "Next due"),
             ("services", {"status": "active", "sort": "next_due_date"}),
             translate("DashboardCard", "Opens your services, the next to renew first.")),
            ("credits", translate("DashboardSection", "Credit balance"), ("credits", {}),
             translate("DashboardCard", "Opens your credit and its history.")),
        ]
        for i, (name, title, (target, filters), opens) in enumerate(specs):
            card = DashboardCard(title, name, grid_host, opens)
            card.clicked.connect(lambda t=target, f=filters: self._open_card(t, f))
            grid.addWidget(card, i // 3, i % 3)
            self.cards[name] = card
        for column in range(3):
            grid.setColumnStretch(column, 1)
        self.pay_all = styled(QPushButton(translate("DashboardSection", "Pay all due…"),
                                          objectName="dashboardPayAllButton"), kind="primary")
        self.pay_all.clicked.connect(self.pay_all_requested)
        self.cards["due"].layout().addWidget(self.pay_all)
        self.cards["due"].setMinimumHeight(self.cards["due"].layout().sizeHint().height())   # room for the button
        self.recent_orders = RecentOrders(self)
        self.recent_orders.order_chosen.connect(lambda oid: self.navigate.emit("orders", {"order": oid}))
        self.recent_orders.all_requested.connect(lambda: self.navigate.emit("orders", {}))
        self.empty = EmptyState(self)
        self.empty.show_state(translate("DashboardSection", "Not synced yet"),
                              translate("DashboardSection",
                                        "Connect to the panel to see your services, invoices and credit."))
        self.pages = QStackedLayout()
        content = QWidget(self)
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.setSpacing(16)       # as the cards stand apart: the accounts' lines sat 6 px under them
        content_layout.addWidget(grid_host)
        content_layout.addWidget(self.breakdown)
        content_layout.addWidget(self.recent_orders)
        content_layout.addWidget(self._chart_slot, 1)
        self._content_layout = content_layout
        # A short window scrolls the figures and the chart instead of squeezing the cards over each other.
        scroll = QScrollArea(self, objectName="dashboardScroll")   # parented: see test_building_a_screen_never_opens
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)      # Tab goes to the cards in it, never to the frame
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        # While the scroll bar shows, a gutter keeps the cards' right edge off it; without one the cards reach as
        # far right as the heading's buttons above them.
        scroll.verticalScrollBar().rangeChanged.connect(
            lambda _low, high: content_layout.setContentsMargins(0, 0, SCROLL_GUTTER if high > 0 else 0, 0))
        self.pages.addWidget(scroll)
        self.pages.addWidget(self.empty)
        self.pages.setCurrentWidget(self.empty)
        self.content = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        follow_width(self)      # narrower sides in a small window: the room goes to the content
        layout.setSpacing(16)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.scope_toggle)
        layout.addLayout(top)
        layout.addWidget(self.synced)
        layout.addLayout(self.pages, 1)
        self.synced.hide()

    def set_last_synced(self, when: datetime) -> None:
        """The current account's last sync, as the status bar says it: also a sync that changed nothing (and so
        redrew no screen) moves the line on."""
        if self.data is not None:
            self._synced_at = (self.data.account_id, when)
            if self.scope == ACCOUNT and not self.data.never_synced:    # else the line says something else
                self._show_synced()

    def _show_synced(self) -> None:
        data = self.data
        if data is None:
            return
        when = format_datetime(data.last_synced_at)
        told = self._synced_at
        if told is not None and told[0] == data.account_id:
            saved = _moment(data.last_synced_at)
            if saved is None or told[1] > saved:
                when = format_datetime(told[1].isoformat())
        self.synced.setText(translate("DashboardSection", "Last synced {when}").format(when=when))

    def _open_card(self, target: str, filters: dict) -> None:
        """A card opens the list behind its figure: the all-accounts list when the figure is every account's."""
        self.navigate.emit(target, {**filters, "scope": ALL} if self.scope == ALL else dict(filters))

    def set_online(self, online: bool, signed_out: bool = False) -> None:
        """The Amount due card's Pay all due… needs the panel: off while it cannot be reached, saying why on hover,
        as the Invoices bar's (it stayed on, and a click only then put up a banner)."""
        self.pay_all.setEnabled(online)
        self.pay_all.setToolTip(paying_reason(online, signed_out))

    def show_data(self, data: AccountData) -> None:
        self.data = data
        if self.scope == ACCOUNT:       # else the feature hands every account's data to show_all
            self._show_account(data)

    def _show_account(self, data: AccountData) -> None:
        self.breakdown.hide()
        name = str(data.me.get("first_name") or "").strip()   # a panel's number passes the checks as sent
        self.heading.setText(translate("DashboardSection", "Welcome back, {name}").format(name=name) if name
                             else translate("DashboardSection", "Dashboard"))
        if data.never_synced:
            self.synced.hide()
            self.empty.show_state(translate("DashboardSection", "Not synced yet"),
                                  translate("DashboardSection",
                                            "Connect to the panel to see your services, invoices and credit."))
            self.pages.setCurrentWidget(self.empty)
            return
        self._show_synced()
        self.synced.show()
        self.pages.setCurrentWidget(self.content)
        s = summarise(data)
        suspended = suspended_text(s.suspended_services)
        self.cards["services"].set_figure(str(s.active_services), suspended,
                                          "attention" if s.suspended_services else "")
        unpaid = unpaid_text(s.open_invoices)
        # What is due in another currency than the account's is not in the figure (Pay all due pays one currency):
        # the caption says it, so the card never reads as if nothing more were owed.
        self.cards["due"].set_figure(data.money(s.total_due), with_also_due(unpaid, data),
                                     "warning" if s.open_invoices else "")
        self.pay_all.setVisible(s.open_invoices > 0 and bool(data.payable_ids))
        self.recent_orders.set_orders(data)
        self.recent_orders.show()
        self._reading_order()
        self.cards["overdue"].set_figure(str(s.overdue_invoices),
                                         overdue_text(s.overdue_invoices), "danger" if s.overdue_invoices else "")
        if s.next_due_date:
            self.cards["next_due"].set_figure(format_date(s.next_due_date), next_due_text(s, data))
        else:
            self.cards["next_due"].set_figure(NO_VALUE, translate("DashboardSection", "No renewals scheduled"))
        credits = self.cards["credits"]
        credits.setVisible(credits_enabled(data))
        credits.set_figure(data.money(s.credit_balance if s.credit_balance is not None else "0"),
                           translate("DashboardSection", "Applied automatically to invoices"))
        self._chart([data])

    @property
    def chart(self) -> SpendingChart:
        if self._spending_chart is None:
            from .spending_chart import SpendingChart

            chart = self._spending_chart = SpendingChart(self)
            self._content_layout.replaceWidget(self._chart_slot, chart)
            self._chart_slot.hide()
            self._chart_slot.deleteLater()
            chart.show()
            self._reading_order()
            if self._chart_accounts is not None:
                self._draw_chart(self._chart_accounts)
        return self._spending_chart

    def _reading_order(self) -> None:
        """Tab as the screen reads: the cards (Pay all due inside its card), the recent orders, then the chart.
        Both of the last are made later than the cards (the orders' rows on each redraw), and Tab followed that."""
        tab_in_order(self.scope_toggle, *self.cards.values(), self.recent_orders, self._spending_chart)

    def _chart(self, accounts: list[AccountData]) -> None:
        self._chart_accounts = accounts
        if self._spending_chart is not None:
            self._draw_chart(accounts)
        elif not self._chart_waits:
            self._chart_waits = True
            self.installEventFilter(self)      # see eventFilter: made once the figures are painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self and event.type() == QEvent.Type.Paint and self._chart_waits:
            self._chart_waits = False
            self.removeEventFilter(self)
            QTimer.singleShot(0, self, self._make_chart)     # after this paint has reached the screen
        return super().eventFilter(watched, event)

    def _make_chart(self) -> None:
        self.chart  # noqa: B018 - made by asking for it

    def _draw_chart(self, accounts: list[AccountData]) -> None:
        from .spending_chart import spending_by_month

        totals = spending_by_month(accounts)
        symbols = {d.currency_code: str(d.currency.get("symbol") or "") for d in accounts}
        latest = max((m for months in totals.values() for m in months), default="")
        today = date.today()
        if latest > f"{today.year:04d}-{today.month:02d}":     # a panel whose clock runs ahead (a test clock)
            today = date(int(latest[:4]), int(latest[5:7]), 1)
        self.chart.set_spending(totals, symbols, today)

    def show_all_error(self, text: str) -> None:
        if self.scope == ALL:
            self.synced.setText(text)
            self.synced.show()

    def _show_everything(self, everything: AccountsRows | None) -> None:
        """The reseller view: every account's cached figures together, amounts per currency."""
        self.heading.setText(translate("DashboardSection", "All accounts"))
        if everything is None:
            self.synced.setText(translate("DashboardSection", "Adding up every account's saved data…"))
            self.synced.show()
            return
        accounts = everything.accounts
        a = summarise_all(accounts)
        kept = a.accounts
        if kept != len(accounts):
            self.synced.setText(translate("DashboardSection", "%n account(s) with saved data (of {total})", None,
                                          kept).format(total=len(accounts)))
        else:
            self.synced.setText(translate("DashboardSection", "%n account(s) with saved data", None, kept))
        self.synced.show()
        if not a.accounts:
            self.empty.show_state(translate("DashboardSection", "Not synced yet"),
                                  translate("DashboardSection",
                                            "Connect to a panel to see your services, invoices and credit."))
            self.pages.setCurrentWidget(self.empty)
            return
        self.pages.setCurrentWidget(self.content)
        suspended = suspended_text(a.suspended_services)
        self.cards["services"].set_figure(str(a.active_services), suspended,
                                          "attention" if a.suspended_services else "")
        # Every currency is in the figure here, so the count is of every invoice it adds up.
        self.cards["due"].set_figure(amounts_text(a.due, a.money), unpaid_text(a.due_invoices),
                                     "warning" if a.due_invoices else "")
        self.pay_all.hide()               # one payment is one account's
        self.recent_orders.hide()
        self.cards["overdue"].set_figure(str(a.overdue_invoices),
                                         overdue_text(a.overdue_invoices), "danger" if a.overdue_invoices else "")
        if a.next_due_date:
            self.cards["next_due"].set_figure(format_date(a.next_due_date), amounts_text(a.next_due, a.money))
        else:
            self.cards["next_due"].set_figure(NO_VALUE, translate("DashboardSection", "No renewals scheduled"))
        self.cards["credits"].setVisible(True)
        self.cards["credits"].set_figure(amounts_text(a.credits, a.money),
                                         translate("DashboardSection", "Across every account"))
        self.breakdown.setText("\n".join(
            [breakdown_line(name, s, data) for name, s, data in a.lines]
            + [translate("DashboardSection", "{account}: billing is not available on this panel").format(account=name)
               for name in a.unbilled]))
        self.breakdown.show()
        self.chart_accounts = [data for _name, _s, data in a.lines]
        self._chart(self.chart_accounts)
