"""What looking at every screen as a user does found, one check each: a Copy button with nothing to copy, a line
that says no cancellation was asked for under a service that has ended, the product form's quantity out of line,
numbers on the edge of their spin boxes, the Outbox button cut by the window's edge, still cards that light up
under the mouse, gaps in cart lines, a red cross on Cancel and Close only, no key to go back from a page, black
corners on the account list, the switcher's state cut mid-word, New ticket offline, a 'Sorting…' note that
stayed, a first window bigger than a small screen, status chips drawn as bare text, and a spending chart that
named neither its currency nor an empty year."""
from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QByteArray, QPoint, QSize, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFrame,
    QMainWindow,
    QProxyStyle,
    QPushButton,
    QStackedWidget,
    QStyle,
    QStyleFactory,
    QVBoxLayout,
    QWidget,
)

from app.core.accounts import Account
from app.core.cart import Cart
from app.models.tones import STATUS_TONES
from app.views.account_switcher import AccountSwitcher
from app.views.badges import set_chip, status_chip
from app.views.cart import CartSection
from app.views.invoice_page import InvoicePage
from app.views.labels import styled
from app.views.main_window import MainWindow, first_size
from app.views.product import ProductPage
from app.views.server_card import ServerCard
from app.views.service_page import ServicePage
from app.views.services import ServicesSection
from app.views.sidebar import WIDE
from app.views.size_fields import CoresSpinBox, SpinBox
from app.views.spending_chart import SpendingChart
from app.views.status_bar import StatusBar
from app.views.store import StoreSection
from app.views.support import SupportSection
from app.views.theme import apply_theme

from .samples import account_data


@pytest.fixture
def data(tmp_path):
    return account_data(tmp_path)


def _x(widget: QWidget, page: QWidget) -> int:
    return widget.mapTo(page, QPoint(0, 0)).x()


def test_a_server_without_an_address_offers_nothing_to_copy(qtbot):
    card = ServerCard()
    qtbot.addWidget(card)
    card.show()
    card.show_server({"id": "srv-4", "name": "web-01", "status": "terminated", "node": "de-fra-1"})
    assert "No address" in card.address.text() and not card.copy_button.isVisible()
    card.show_server({"id": "srv-1", "name": "mc-01", "status": "running",
                      "address": {"ip": "203.0.113.10", "port": 25565}})
    assert card.copy_button.isVisible()
    card.show_server({"id": "srv-4", "name": "web-01", "status": "terminated"})     # the same card, next service
    assert not card.copy_button.isVisible()


def test_an_ended_service_does_not_say_no_cancellation_was_requested(qtbot, data):
    page = ServicePage()
    qtbot.addWidget(page)
    page.show()
    services = {s["id"]: s for s in data.services}
    for sid in ("svc-web", "svc-storage"):           # terminated, cancelled: no request, nothing to say
        page.show_service(services[sid], data)
        assert not page.cancellation.isVisible()
    page.show_service(services["svc-flex"], data)    # active: whether a request is open matters
    assert page.cancellation.isVisible() and page.cancellation.text() == "No cancellation requested."
    page.show_service(services["svc-vps"], data)
    assert page.cancellation.isVisible() and "Cancellation requested" in page.cancellation.text()


def product_store(qtbot, data, width: int, height: int) -> StoreSection:
    """The store at a size, showing the Minecraft Flex product (memory is chosen: a size row between cycle and
    quantity)."""
    store = StoreSection()
    qtbot.addWidget(store)
    store.resize(width, height)
    store.show_data(data)
    store.show()
    store.open_product("minecraft-flex")
    return store


def test_the_product_form_lines_quantity_up_with_the_cycle_and_the_sizes(qtbot, data):
    store = product_store(qtbot, data, 1000, 650)
    page = store.product_page
    assert page.controls
    size = next(iter(page.controls.values()))
    assert _x(page.quantity, page) == _x(page.cycle, page) == _x(size, page)
    assert size.mapTo(page, QPoint(0, 0)).y() < page.quantity.mapTo(page, QPoint(0, 0)).y()
    store.open_product("web-hosting-basic")       # no sizes: quantity still right under the cycle
    assert not page.controls and _x(page.quantity, page) == _x(page.cycle, page)


def test_add_to_cart_stays_put_while_the_quantity_changes(qtbot, data):
    """Raising the quantity from 1 added a "2 × $6.00" line over the button, which moved down a line under the
    pointer of someone about to press it."""
    store = product_store(qtbot, data, 1000, 650)
    page = store.product_page
    for slug in ("web-hosting-basic", "minecraft-flex"):        # a plain product, and one whose size has a line
        store.open_product(slug)
        QApplication.processEvents()
        where = page.add_button.mapTo(page, QPoint(0, 0)).y()
        page.quantity.setValue(3)
        QApplication.processEvents()
        assert page.breakdown.text().startswith("3 × ")
        assert page.add_button.mapTo(page, QPoint(0, 0)).y() == where, slug
        page.quantity.setValue(1)
        QApplication.processEvents()
        assert page.add_button.mapTo(page, QPoint(0, 0)).y() == where, slug


@pytest.mark.parametrize("kind", [SpinBox, CoresSpinBox])
def test_spin_box_numbers_keep_clear_of_the_frame(qtbot, qapp, kind):
    apply_theme(qapp, "light")
    spin = kind()
    qtbot.addWidget(spin)
    spin.setRange(1, 800)
    spin.setValue(100)
    spin.resize(140, 32)
    spin.show()
    image = spin.grab().toImage()
    rows = range(8, image.height() - 8)
    first_ink = next(x for x in range(2, image.width())
                     if any(QColor(image.pixel(x, y)).lightness() < 120 for y in rows))
    assert first_ink >= 8        # as far in as a line edit's text, not on the rounded border


def test_the_outbox_button_is_not_cut_by_the_window_edge(qtbot, qapp):
    apply_theme(qapp, "light")
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = StatusBar(window)
    window.setStatusBar(bar)
    button = QPushButton("Outbox", bar, flat=True)
    bar.addPermanentWidget(button)
    window.resize(1000, 650)
    window.show()
    qtbot.waitExposed(window)
    right = button.mapTo(window, QPoint(button.width(), 0)).x()
    assert right <= window.width() - 4


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_only_cards_that_open_something_light_up_under_the_mouse(qtbot, qapp, theme):
    apply_theme(qapp, theme)

    def border(frame: QFrame, hovered: bool) -> str:
        frame.setAttribute(Qt.WidgetAttribute.WA_UnderMouse, hovered)
        frame.style().unpolish(frame)
        frame.style().polish(frame)
        return QColor(frame.grab().toImage().pixel(frame.width() // 2, 0)).name()

    still = styled(QFrame(objectName="card", frameShape=QFrame.Shape.StyledPanel), card=True)     # totals, details
    opens = styled(QFrame(objectName="card", frameShape=QFrame.Shape.StyledPanel), card=True, clickable=True)
    for frame in (still, opens):
        qtbot.addWidget(frame)
        frame.resize(200, 80)
        frame.show()
    assert border(still, True) == border(still, False)
    assert border(opens, True) != border(opens, False)


def test_a_cart_line_with_nothing_under_its_name_leaves_no_gap(qtbot, data):
    cart = CartSection()
    qtbot.addWidget(cart)
    cart.show_data(data)
    chosen = Cart()
    chosen.add("web-hosting-basic", "monthly")      # fixed plan, no setup fee: nothing to list under the name
    chosen.add("minecraft-flex", "monthly")         # its size is listed
    cart.show_cart(data.account_id, chosen, {"coupon": None, "use_credits": True})
    cart.show()
    plain, sized = cart.lines.values()
    assert not plain.detail.isVisible() and not plain.setup.isVisible()
    assert sized.detail.isVisible() and sized.detail.text()
    name_bottom = plain.name.geometry().bottom()
    assert plain.cycle.mapTo(plain, QPoint(0, 0)).y() - name_bottom < 24


class _IconDesktop(QProxyStyle):
    """Fusion as a Linux desktop whose theme gives dialog buttons icons (the offscreen platform gives none)."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802 - Qt's name
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_dialog_buttons_carry_no_stray_icons(qtbot, qapp, theme):
    apply_theme(qapp, theme)
    qapp.setStyle(_IconDesktop(QStyleFactory.create("Fusion")))
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel)
        qtbot.addWidget(box)
        box.show()
        for which in (QDialogButtonBox.StandardButton.Close, QDialogButtonBox.StandardButton.Cancel):
            assert box.button(which).icon().isNull()      # no red cross beside an icon-less Send or Save
    finally:
        apply_theme(qapp, "light")


def test_alt_left_goes_back_from_the_page_that_is_shown(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    stack = QStackedWidget()
    service, invoice, product = ServicePage(), InvoicePage(), ProductPage()
    for page in (service, invoice, product):
        stack.addWidget(page)
    window.setCentralWidget(stack)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    backs: list[str] = []
    service.back_requested.connect(lambda: backs.append("service"))
    invoice.back_requested.connect(lambda: backs.append("invoice"))
    product.back_requested.connect(lambda: backs.append("product"))
    for page, name in ((invoice, "invoice"), (service, "service"), (product, "product")):
        stack.setCurrentWidget(page)
        before = len(backs)
        qtbot.keyClick(window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda n=before: len(backs) > n, timeout=2_000)    # a shortcut clicks it animated
        qtbot.wait(150)
        assert backs[before:] == [name]             # the page shown, never a hidden one too
    assert "Alt+Left" in service.back.toolTip()


@pytest.mark.qt_log_ignore("This plugin does not support")      # raise() and keyboard grabs, offscreen
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_account_list_has_no_unpainted_corners(qtbot, qapp, theme):
    apply_theme(qapp, theme)
    switcher = AccountSwitcher()
    qtbot.addWidget(switcher)
    switcher.combo.addItems(["Demo customer", "Demo reseller"])
    switcher.show()
    switcher.combo.showPopup()
    try:
        popup = switcher.combo.view().window()
        image = popup.grab().toImage()
        corners = [(0, 0), (image.width() - 1, 0), (0, image.height() - 1), (image.width() - 1, image.height() - 1)]
        # A transparent pixel here is black on an X11 desktop without a compositor.
        assert all(QColor.fromRgba(image.pixel(x, y)).alpha() == 255 for x, y in corners)
    finally:
        switcher.combo.hidePopup()


def test_the_switcher_line_keeps_the_offline_state_readable_in_the_sidebar(qtbot, qapp):
    apply_theme(qapp, "light")
    holder = QWidget()
    holder.setFixedWidth(WIDE)
    qtbot.addWidget(holder)
    switcher = AccountSwitcher(holder)
    QVBoxLayout(holder).addWidget(switcher)
    account = Account("a-1", "Demo reseller", "http://127.0.0.1:36839", "reseller@sett.test", "password",
                      "2026-12-05T00:00:00Z")
    switcher.set_accounts([account], "a-1")
    switcher.set_states({"a-1": "Offline since 7:35 PM"})
    holder.show()
    qtbot.waitExposed(holder)
    line = switcher.host
    assert line.text() == "Offline since 7:35 PM · 127.0.0.1:36839"
    shown = line.shown_text()
    assert shown.startswith("Offline since 7:35 PM")          # the state whole, only the host's end may go
    assert line.fontMetrics().horizontalAdvance(shown) <= line.contentsRect().width()
    assert switcher.mapTo(holder, QPoint(switcher.width(), 0)).x() <= WIDE


def test_offline_the_empty_support_list_offers_no_new_ticket_either(qtbot, data):
    support = SupportSection()
    qtbot.addWidget(support)
    support.show_data(dataclasses.replace(data, tickets=[]))
    support.show()
    empty_action = support.list.empty.action
    assert empty_action.isVisible() and empty_action.isEnabled()
    support.set_online(False)
    assert not support.new_button.isEnabled() and not empty_action.isEnabled()
    assert empty_action.toolTip().startswith("Offline")
    support.set_online(True)
    assert empty_action.isEnabled()


def test_sorting_a_short_list_leaves_no_sorting_note_behind(qtbot, data):
    services = ServicesSection()
    qtbot.addWidget(services)
    services.show_data(data)
    services.show()
    count = services.list.count
    assert count.text() == "7 services"
    table = services.list.table
    for column in range(1, 4):                          # as a click on a column's header sorts
        table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
        qtbot.wait(50)                                  # any later turn of the event loop has run
        assert count.text() == "7 services"             # not "Sorting 7 services…" for ever


def test_the_first_window_fits_a_small_screen(qtbot):
    assert first_size(QSize(1920, 1080)) == QSize(1240, 800)      # room enough: the usual first size
    assert first_size(QSize(1000, 650)) == QSize(1000, 650)       # a small laptop: the whole screen, not more
    assert first_size(QSize(1280, 690)) == QSize(1240, 690)
    assert first_size(QSize(800, 600)) == QSize(1000, 650)        # never below what every screen is laid out for
    window = MainWindow([CartSection()])
    qtbot.addWidget(window)
    window.restore(QByteArray())                                   # no saved geometry: a first start
    assert window.size() == first_size(window.screen().availableGeometry().size())


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_status_chip_is_a_tinted_pill(qtbot, qapp, theme):
    apply_theme(qapp, theme)
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.show()
    for status in STATUS_TONES:                 # "running" on the server card was bold text with no pill
        chip = status_chip()
        chip.setParent(holder)
        set_chip(chip, status)
        chip.adjustSize()
        chip.show()
        image = chip.grab().toImage()
        inside = QColor(image.pixel(5, image.height() // 2))          # the pill's padding, left of the word
        assert inside != holder.palette().window().color(), status


def test_the_spending_chart_names_its_currency_and_says_when_nothing_was_paid(qtbot):
    chart = SpendingChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 300)
    chart.show()
    today = date(2026, 11, 24)
    chart.set_spending({"EUR": {"2026-10": Decimal("12.50")}}, {"EUR": "€"}, today)
    value_axis = next(a for a in chart.chart().axes() if a.orientation() == Qt.Orientation.Vertical)
    assert value_axis.titleText() == "€ EUR"                      # "150, 100, 50" of what
    assert chart.chart().title() == "Spending per month"
    chart.set_spending({}, {}, today)                               # a new account: an empty grid alone said nothing
    assert "nothing paid" in chart.chart().title()
    chart.set_spending({"EUR": {"2024-01": Decimal("5")}}, {"EUR": "€"}, today)     # paid, but long ago
    assert "nothing paid" in chart.chart().title()
    chart.set_spending({"EUR": {"2026-10": Decimal("1")}, "USD": {"2026-11": Decimal("2")}},
                       {"EUR": "€", "USD": "$"}, today)
    value_axis = next(a for a in chart.chart().axes() if a.orientation() == Qt.Orientation.Vertical)
    assert value_axis.titleText() == "" and chart.chart().legend().isVisible()     # the legend names both


def test_a_one_time_service_page_does_not_claim_unlimited_resources(qtbot, data):
    migration = {"id": "server-migration", "name": "Server Migration", "pricing": [
        {"billing_cycle": "one_time", "price": "49.00", "setup_fee": "0.00"}], "resources": {"memory": 0, "disk": 0,
                                                                                              "cpu": 0}}
    data = dataclasses.replace(data, products=[*data.products, migration])
    page = ServicePage()
    qtbot.addWidget(page)
    services = {s["id"]: s for s in data.services}
    page.show_service(services["svc-migration"], data)
    assert page.fields["config"].text() == "One-time service, billed once"      # as the store says of it
    page.show_service(services["svc-flex"], data)                                 # a server's sizes, as before
    assert "GB" in page.fields["config"].text() and "Unlimited" not in page.fields["config"].text()


def test_an_invoice_without_payments_says_so_without_an_empty_table(qtbot, data):
    page = InvoicePage()
    qtbot.addWidget(page)
    page.show()
    pending = next(i for i in data.invoices if i["status"] == "pending")
    page.show_invoice({**pending, "lines": [], "payments": []}, data)
    assert page.payments_note.isVisible() and page.payments_note.text() == "No payments yet."
    assert not page.payments.isVisible()
    paid = {**pending, "lines": [], "payments": [{"id": "p-1", "amount": "12.00", "status": "succeeded",
                                                  "gateway": "credits", "created_at": "2026-11-24T10:00:00Z"}]}
    page.show_invoice(paid, data)
    assert page.payments.isVisible() and not page.payments_note.isVisible()


def test_a_size_slider_stays_a_usable_length_on_a_wide_window(qtbot, data):
    store = product_store(qtbot, data, 1600, 900)
    control = store.product_page.controls["memory"]
    qtbot.waitUntil(lambda: control.slider.width() > 0)
    # 2 to 16 GB over 1,230 px moved a gigabyte per 90 px; now the row is the cycle's field and a box wide
    assert control.slider.width() >= 200 and control.width() <= store.product_page.cycle.width() + 200


def test_the_sizes_sliders_and_boxes_line_up(qtbot, data):
    store = product_store(qtbot, data, 1240, 800)
    store.open_product("cloud-vps-custom")
    controls = list(store.product_page.controls.values())
    assert len(controls) == 3
    # Laid out (a widget not yet shown is 640 px wide whatever it holds).
    qtbot.waitUntil(lambda: all(c.isVisible() and c.width() < 640 for c in controls))
    page = store.product_page
    assert len({c.spin.width() for c in controls}) == 1
    assert len({c.spin.mapTo(page, QPoint(0, 0)).x() for c in controls}) == 1
    assert len({c.slider.mapTo(page, QPoint(c.slider.width(), 0)).x() for c in controls}) == 1


@pytest.mark.parametrize(("name", "shown"), [("Demo customer", "DC"), ("Demo-Kunde", "DK"), ("dana@sett.test", "DS"),
                                             ("Work", "W"), ("  ", "?"), ("-- (test)", "?")])
def test_the_switchers_avatar_shows_the_first_letters_of_the_accounts_first_two_words(name, shown):
    from app.views.account_switcher import initials

    assert initials(name) == shown
