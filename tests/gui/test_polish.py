"""What the issue about looks saw, one check each: the store's words and limits, plain-language sizes, the cart's
tab order and offline note, the sidebar's cart count and narrow mode, charts that follow the theme, and the
command line's window size."""
from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from app.__main__ import parse_args
from app.core.cart import Cart
from app.core.formatting import format_datetime
from app.views.cart import CartSection
from app.views.main_window import MainWindow
from app.views.product import io_priority, product_resources_text
from app.views.sidebar import NARROW, WIDE
from app.views.size_fields import CoresSpinBox
from app.views.spending_chart import SpendingChart
from app.views.store import StoreSection
from app.views.theme import COLOURS, apply_theme

from .samples import PRODUCTS, account_data


@pytest.fixture
def data(tmp_path):
    return account_data(tmp_path)


def test_a_one_time_service_says_so_instead_of_unlimited_resources():
    migration = {"name": "Server Migration", "pricing": [{"billing_cycle": "one_time", "price": "20.00"}],
                 "resources": {"memory": 0, "disk": 0, "cpu": 0}}
    assert product_resources_text(migration) == "One-time service, billed once"
    assert "Unlimited" not in product_resources_text(migration, brief=True)


def test_cpu_and_io_weight_read_as_plain_words(qtbot):
    text = product_resources_text(PRODUCTS[0])
    assert "2 cores" in text and "I/O priority normal" in text and "%" not in text and "weight" not in text
    assert (io_priority(100), io_priority(500), io_priority(900)) == ("low", "normal", "high")
    spin = CoresSpinBox()
    qtbot.addWidget(spin)
    spin.setRange(50, 800)
    spin.setValue(200)
    assert spin.text() == "2 cores"
    assert spin.valueFromText("1.5 cores") == 150 and spin.valueFromText("300 %") == 300


def test_store_search_looks_in_every_category_and_quantity_stops_at_the_stock(qtbot, data):
    store = StoreSection()
    qtbot.addWidget(store)
    store.show_data(data)
    store.apply_filter({"category": "vps"})
    store.search.setText("valheim")                   # a game server, searched from the VPS category
    assert [p["name"] for p in store.products()] == ["Valheim Dedicated"]
    store.search.clear()
    assert all(p["category"]["slug"] == "vps" for p in store.products())
    store.open_product("valheim-dedicated")           # "Only 3 left"
    page = store.product_page
    assert page.quantity.maximum() == 3
    page.quantity.setValue(5)
    assert page.quantity.value() == 3


def test_longer_cycles_show_their_saving_against_monthly(qtbot, data):
    store = StoreSection()
    qtbot.addWidget(store)
    store.show_data(data)
    store.open_product("valheim-dedicated")           # 15.00 a month, 150.00 a year: 30.00 less than 12 x 15
    cycles = [store.product_page.cycle.itemText(i) for i in range(store.product_page.cycle.count())]
    assert cycles[1].endswith("(save 17% against monthly)") and "save" not in cycles[0]


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_store_cards_align_prices_and_hint_they_open(qtbot, qapp, data, theme):
    apply_theme(qapp, theme)
    store = StoreSection()
    qtbot.addWidget(store)
    store.resize(1000, 700)
    store.show()
    store.show_data(data)
    qtbot.wait(50)
    first_row = [c for c in store.cards if store.grid.getItemPosition(store.grid.indexOf(c))[0] == 0]
    assert len(first_row) > 1
    bottoms = {c.height() - c.price.geometry().top() for c in first_row}
    assert len(bottoms) == 1                          # the price at the same height in every card of the row
    assert all(c.open_hint.isVisible() and c.testAttribute(Qt.WidgetAttribute.WA_Hover)
               and c.cursor().shape() == Qt.CursorShape.PointingHandCursor for c in first_row)
    apply_theme(qapp, "light")


def test_cart_tab_order_visits_the_items_first_and_the_note_follows_the_connection(qtbot, data):
    cart = CartSection()
    qtbot.addWidget(cart)
    cart.show_data(data)
    cart.set_online(True)
    chosen = Cart()                                   # as the account's cart model hands it to the screen
    chosen.add("minecraft-flex", "monthly")
    chosen.add("web-hosting-basic", "monthly")
    cart.show_cart(data.account_id, chosen, {"coupon": None, "use_credits": True})
    cart.show()
    order, widget = [], cart.lines[next(iter(cart.lines))].cycle
    for _ in range(200):          # the focus chain as Tab walks it (every widget; Tab skips the unfocusable)
        order.append(widget)
        widget = widget.nextInFocusChain()
    removes = [line.remove for line in cart.lines.values()]
    assert order.index(removes[-1]) < order.index(cart.coupon_edit) < order.index(cart.checkout)
    cart.request_preview()
    local = cart.local
    preview = {key: str(getattr(local, key)) for key in ("subtotal", "discount", "tax_amount", "total",
                                                        "credits_applied", "due_now")}
    preview["lines"] = [{"description": ln.description, "amount": str(ln.amount)} for ln in local.lines]
    cart.show_preview(cart._asked, preview)
    assert cart.totals.source.text() == "Updated from the panel."
    cart.set_online(False)
    assert "Updated from the panel." not in cart.totals.source.text()


def test_the_sidebar_counts_the_cart_and_narrows_to_icons(qtbot):
    window = MainWindow([CartSection()])
    qtbot.addWidget(window)
    window.set_cart_count(3)
    assert window.sidebar.buttons["cart"].badge.text() == "3" and not window.sidebar.buttons["cart"].badge.isHidden()
    window.set_cart_count(0)
    assert window.sidebar.buttons["cart"].badge.isHidden()
    window.show()
    window.resize(1000, 650)
    qtbot.waitUntil(lambda: window.sidebar.width() == NARROW)
    assert window.sidebar.buttons["cart"].text() == "" and window.sidebar.buttons["cart"].toolTip() == "Cart"
    window.resize(1240, 800)
    qtbot.waitUntil(lambda: window.sidebar.width() == WIDE)
    assert window.sidebar.buttons["cart"].text() == "Cart"


def test_the_chart_follows_a_theme_switch_and_names_the_year(qtbot, qapp):
    chart = SpendingChart()
    qtbot.addWidget(chart)
    chart.resize(1200, 300)
    chart.show()
    chart.set_spending({"EUR": {}}, {"EUR": "€"}, date(2026, 11, 24))
    try:
        apply_theme(qapp, "dark")
        QApplication.processEvents()
        assert chart.chart().backgroundBrush().color() == QColor(COLOURS["dark"]["base"])
        apply_theme(qapp, "light")
        QApplication.processEvents()
        assert chart.chart().backgroundBrush().color() == QColor(COLOURS["light"]["base"])
    finally:
        apply_theme(qapp, "light")
    labels = chart.chart().axes()[0].categories()
    assert labels[-1] == "Nov 2026"


def test_the_window_size_flag_takes_a_size_and_refuses_a_smaller_one(capsys):
    assert parse_args(["--window-size", "1600x1000"]).window_size == (1600, 1000)
    assert parse_args([]).window_size == (1240, 800)
    with pytest.raises(SystemExit):
        parse_args(["--window-size", "800x600"])
    assert "outside 1000x650" in capsys.readouterr().err



def test_tables_keep_amounts_whole_and_elide_names_in_the_middle_with_a_tooltip(qtbot):
    from app.models.table import RIGHT, Column, RowTableModel
    from app.views.column_fit import elided_text
    from app.views.filtered_table import make_table

    columns = [Column("product", "Product"), Column("price", "Price", alignment=RIGHT), Column("server", "Server")]
    rows = [{"id": str(i), "product": "Minecraft Flex", "price": "$16.00 / 3 months",
             "server": f"Minecraft Flex production world {i}f3a9c2d1"} for i in range(3)]
    model = RowTableModel(columns)
    model.set_rows(rows)
    table = make_table(None, "fitTable", model)
    qtbot.addWidget(table)
    table.resize(420, 200)
    table.show()
    qtbot.waitUntil(lambda: table.columnWidth(1) >= table.sizeHintForColumn(1))     # fitted: the price whole
    server = model.index(0, 2)
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle          # keeps the id at the end
    assert elided_text(table, server) == rows[0]["server"]                # its tooltip: the whole name
    assert elided_text(table, model.index(0, 1)) is None                  # the price is not cut


def test_a_suspended_service_names_the_invoice_to_pay(qtbot, data):
    from app.views.service_page import ServicePage

    page = ServicePage()
    qtbot.addWidget(page)
    service = next(s for s in data.services if s["status"] == "suspended")
    page.show_service(service, data)
    page.set_invoices([i for i in data.invoices if i["status"] in ("overdue", "paid")][:3])
    page.show()
    unpaid = page.unpaid_invoice
    assert unpaid is not None and unpaid["status"] == "overdue"
    assert f"Pay {unpaid['invoice_number']}" in page.suspension_text.text() and page.pay_button.isVisible()
    with qtbot.waitSignal(page.pay_invoice_requested) as asked:
        page.pay_button.click()
    assert asked.args == [str(unpaid["id"])]


def test_nothing_wrong_draws_no_red_border(qtbot, data):
    from app.views.dashboard import DashboardSection

    dashboard = DashboardSection()
    qtbot.addWidget(dashboard)
    dashboard.show_data(data)
    card = dashboard.cards["services"]
    assert card.property("tone") == "attention"        # the caption says "1 suspended"; the card is not an alarm
    assert "suspended" in card.caption.text()


def test_an_error_grows_the_add_account_dialog_instead_of_squeezing_it(qtbot):
    from app.views.add_account_dialog import AddAccountDialog

    dialog = AddAccountDialog(service=None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog._go(1)
    qtbot.wait(20)
    fields = (dialog.email_edit.height(), dialog.tabs.height())
    height = dialog.height()
    dialog.login_error.show_error("The panel refused the sign-in: a message long enough to wrap over two lines "
                                  "in this dialog.\nAnd a second line of detail.")
    qtbot.waitUntil(lambda: dialog.height() > height)
    qtbot.waitUntil(lambda: (dialog.email_edit.height(), dialog.tabs.height()) == fields)


def test_the_about_dialog_shows_the_licence_column_whole(qtbot):
    from app.views.about import AboutDialog

    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.wait(20)
    table = dialog.table
    right = table.horizontalHeader().sectionViewportPosition(2) + table.columnWidth(2)
    assert right <= table.viewport().width() + 1
    assert table.wordWrap()


def test_notifications_wrap_without_a_sideways_scroll_bar(qtbot):
    from app.views.notices import NoticesDialog

    dialog = NoticesDialog()
    qtbot.addWidget(dialog)
    dialog.set_notices([{"id": str(i), "kind": "panel", "title": f"Invoice INV-{i:06d} is overdue", "read": False,
                         "message": "Pay it to keep your services running. " * 4,
                         "created_at": "2026-11-20T10:00:00Z"} for i in range(6)])
    dialog.show()
    qtbot.wait(20)
    assert not dialog.list.horizontalScrollBar().isVisible()
    assert dialog.list.item(0).text().endswith(format_datetime("2026-11-20T10:00:00Z"))
