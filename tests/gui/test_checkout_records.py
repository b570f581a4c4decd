"""Where a checkout ends, the window shows the record it was about (the new service, the paid invoice, the unpaid
order), on the checkout's account; one not in the data yet (the sync the result started still running) opens when
that data reaches the screen, and not if the user has moved on meanwhile."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from app.core.account_data import AccountData
from app.features.checkout import Checkout
from app.views.main_window import MainWindow
from app.views.orders import OrdersSection

from .test_session_glue import CannedClient, add, sessions  # noqa: F401 - the fixture

ORDER = {"id": "o-7", "order_number": "ORD-000007", "status": "pending", "items": [], "invoice_id": None,
         "service_ids": [], "created_at": "2026-12-06T09:00:00Z", "total": "7.20"}


class Screens(dict):
    def on_built(self, key, then) -> None:      # Checkout listens for the Cart; none here
        pass


class Window(QWidget):
    def __init__(self, orders: OrdersSection) -> None:
        super().__init__()
        self.sections = Screens(orders=orders)
        self.current_key = "dashboard"

    def select_section(self, key: str) -> None:
        self.current_key = key

    open_record = MainWindow.open_record        # the window's own road to a record, over this one's screens


def checkout_with_orders(sessions, qtbot):  # noqa: F811
    """The Checkout feature over a window holding only the Orders screen, which has no orders yet."""
    session = add(sessions, CannedClient({}))
    sessions.select(session.id)
    orders = OrdersSection()
    window = Window(orders)
    qtbot.addWidget(window)
    qtbot.addWidget(orders)
    orders.show_data(AccountData(session.id, orders=[], last_synced_at="2026-12-06T09:00:00Z"))
    return session, window, orders, Checkout(sessions, window)


def test_an_order_not_in_the_data_yet_opens_once_it_is(sessions, qtbot):  # noqa: F811
    session, window, orders, feature = checkout_with_orders(sessions, qtbot)
    feature.show_record(session.id, "order", "o-7")
    assert window.current_key == "orders" and not orders.page_open      # not in the data yet
    after = AccountData(session.id, orders=[ORDER], last_synced_at="2026-12-06T09:00:05Z")
    orders.show_data(after)
    sessions.data_shown.emit(session.id, after)
    assert orders.page_open and "ORD-000007" in orders.page.title.text()


def test_a_user_who_moved_on_is_not_pulled_back(sessions, qtbot):  # noqa: F811
    session, window, orders, feature = checkout_with_orders(sessions, qtbot)
    feature.show_record(session.id, "order", "o-7")
    window.select_section("store")                                        # on to something else
    after = AccountData(session.id, orders=[ORDER], last_synced_at="2026-12-06T09:00:05Z")
    orders.show_data(after)
    sessions.data_shown.emit(session.id, after)
    assert window.current_key == "store" and not orders.page_open


def test_what_a_result_offers_to_open_next():
    from app.features.checkout import next_steps
    from app.session.payments import Outcome

    invoice, service = {"id": "i-1", "invoice_number": "INV-1"}, {"id": "s-1"}

    def steps(kind: str, status: str, **parts) -> list[tuple[str, str]]:
        return [(label, what) for label, what, _id in next_steps(kind, Outcome(payment={"status": status}, **parts))]

    assert steps("order", "succeeded", order=ORDER, invoice=invoice, services=[service]) == [
        ("Open service", "service"), ("View invoice", "invoice")]
    for status in ("cancelled", "failed", "pending"):
        assert steps("order", status, order=ORDER, invoice=invoice) == [("View order", "order")]
        assert steps("invoice", status, invoice=invoice) == [("View invoice", "invoice")]
        assert steps("top_up", status, invoice=invoice) == [("View invoice", "invoice")]
    # Pay all due left unpaid: several invoices, each still in the list; nothing to single out.
    assert steps("invoices", "cancelled", invoices=[invoice, {"id": "i-2"}]) == []
    assert steps("order", "refunded", order=ORDER) == []
