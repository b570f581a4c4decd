"""What a second look at every screen found, one check each: the dashboard's recent orders in lowercase panel
words, an invoice document naming a payment method by its code, a setup fee billed "Monthly", credits and the
amount paid side by side as if paid twice, staff and customer messages alike, notice titles as plain as their
text, a form of colons among forms without, a scroll bar on the cards' edge, a badge on its icon, ISO dates in
the PDF period fields, and a checkout review that counted an invoice's credits twice."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, QPoint, QRect
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFormLayout, QLabel, QStyleOptionViewItem

from app.core import local_format
from app.core.status_words import status_word
from app.models.orders import order_columns
from app.models.table import RowTableModel
from app.session import payments as checkout_flow
from app.views.billing_profile_dialog import BillingProfileDialog
from app.views.dashboard import DashboardSection
from app.views.exports import PdfBatchDialog
from app.views.invoice_document import invoice_html
from app.views.invoice_page import InvoicePage
from app.views.new_ticket import NewTicketDialog
from app.views.notices import NOTICE_ROLE, NoticesDialog
from app.views.recent_orders import RecentOrders
from app.views.sidebar import Sidebar
from app.views.theme import apply_theme
from app.views.ticket_page import TicketPage

from .conftest import WAIT, add_account
from .samples import account_data

ORDERS = [
    {"id": "o-3", "order_number": "ORD-3", "status": "pending", "created_at": "2026-11-20T10:00:00Z",
     "total": "12.00", "invoice_id": "inv-3"},
    {"id": "o-2", "order_number": "ORD-2", "status": "active", "created_at": "2026-11-10T10:00:00Z",
     "total": "9.50", "invoice_id": "inv-1"},
    {"id": "o-1", "order_number": "ORD-1", "status": "refunded", "created_at": "2026-01-05T10:00:00Z",
     "total": "60.00", "invoice_id": "inv-6"},
]


@pytest.fixture
def data(tmp_path):
    return account_data(tmp_path, orders=ORDERS)


def test_recent_orders_say_their_status_as_the_orders_list_does(qtbot, data):
    recent = RecentOrders()
    qtbot.addWidget(recent)
    recent.set_orders(data)
    model = RowTableModel(order_columns(data.money))
    model.set_rows([{**o, "invoice_status": next(i["status"] for i in data.invoices if i["id"] == o["invoice_id"])}
                    for o in ORDERS])
    listed = [model.data(model.index(row, 2)) for row in range(len(ORDERS))]
    assert listed == ["Awaiting payment", "Active", "Refunded"]
    for button, word in zip(recent.buttons, listed, strict=True):
        assert f" · {word} · " in button.text()
    assert not any(word.lower() in b.text() for b in recent.buttons for word in listed)


def test_the_invoice_document_names_payment_methods_as_the_invoice_page_does(data):
    invoice = {**data.invoices[0], "lines": [], "payments": [
        {"id": "p-1", "method": "stripe", "amount": "100.00", "status": "succeeded", "reference": "pi_1",
         "created_at": "2026-01-05T12:30:00Z"}]}
    html = invoice_html(invoice, data.money)
    assert status_word("stripe") in html and ">Stripe<" not in html


SETUP_INVOICE_LINES = [
    {"description": "Minecraft Flex (Monthly)", "kind": "recurring", "billing_cycle": "monthly", "quantity": 1,
     "unit_price": "15.00", "amount": "15.00"},
    {"description": "Minecraft Flex setup fee", "kind": "setup", "billing_cycle": "monthly", "quantity": 1,
     "unit_price": "5.00", "amount": "5.00"},
]


def test_a_setup_fee_line_is_billed_once_not_monthly(qtbot, data):
    invoice = {**data.invoices[0], "lines": SETUP_INVOICE_LINES, "payments": []}
    page = InvoicePage()
    qtbot.addWidget(page)
    page.show_invoice(invoice, data)
    cycles = [page.lines_model.index(row, 1).data() for row in range(page.lines_model.rowCount())]
    assert cycles == ["Monthly", "One-time"]
    html = invoice_html(invoice, data.money)
    assert html.count("<td>Monthly</td>") == 1 and html.count("<td>One-time</td>") == 1


def _totals(page: InvoicePage) -> dict[str, str]:
    form = page.totals.layout()
    return {form.itemAt(row, form.ItemRole.LabelRole).widget().text():
            form.itemAt(row, form.ItemRole.FieldRole).widget().text() for row in range(form.rowCount())}


def test_an_invoice_paid_with_credits_does_not_read_as_paid_twice(qtbot, data):
    page = InvoicePage()
    qtbot.addWidget(page)
    # amount_paid counts every payment, credits included; credits_applied is the credits part of it
    by_credits = {**data.invoices[0], "total": "12.00", "amount_paid": "12.00", "credits_applied": "12.00",
                  "balance_due": "0.00", "lines": [], "payments": [
                      {"id": "p-1", "method": "credits", "amount": "12.00", "status": "succeeded",
                       "created_at": "2026-01-05T12:30:00Z"}]}
    page.show_invoice(by_credits, data)
    totals = _totals(page)
    assert totals["Paid with credits"] == "€12.00" and totals["Paid by card or PayPal"] == "€0.00"
    assert list(totals.values()).count("€12.00") == 2         # the total and the credits, nothing a third time
    split = {**by_credits, "amount_paid": "9.50", "credits_applied": "4.50", "total": "9.50"}
    page.show_invoice(split, data)
    assert _totals(page)["Paid with credits"] == "€4.50" and _totals(page)["Paid by card or PayPal"] == "€5.00"
    html = invoice_html(by_credits, data.money)
    assert "Paid with credits" in html and "Amount paid" not in html
    assert html.count("€12.00") == 3          # the total, the credits part, the payment's row


TICKET = {"id": "t-1", "subject": "Server down", "status": "answered", "department": "technical",
          "created_at": "2026-11-20T10:00:00Z", "messages": [
              {"body": "It does not start.", "author": {"name": "Ada", "staff": False},
               "created_at": "2026-11-20T10:00:00Z"},
              {"body": "Restarted the node.", "author": {"name": "Alex", "staff": True},
               "created_at": "2026-11-20T11:00:00Z"}]}


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_staff_and_customer_messages_look_different(qtbot, qapp, theme):
    apply_theme(qapp, theme)
    page = TicketPage()
    qtbot.addWidget(page)
    page.resize(900, 560)
    page.show_ticket(TICKET)
    page.show()
    qtbot.waitExposed(page)
    mine, staff = page.messages
    assert "(staff)" in staff.header.text() and "(staff)" not in mine.header.text()

    def x(view):
        return view.bubble.mapTo(page, QPoint(0, 0)).x()

    def fill(view) -> QColor:
        image = view.bubble.grab().toImage()
        return QColor(image.pixel(image.width() - 8, image.height() // 2))    # inside the card, past the text
    # the customer's own stand in from the left, staff replies from the right, as in a chat
    assert x(mine) > x(staff)
    assert mine.bubble.mapTo(page, QPoint(mine.bubble.width(), 0)).x() > \
        staff.bubble.mapTo(page, QPoint(staff.bubble.width(), 0)).x()
    assert fill(mine) != fill(staff)
    apply_theme(qapp, "light")


def test_a_notice_title_stands_out_from_its_message(qtbot):
    dialog = NoticesDialog()
    qtbot.addWidget(dialog)
    dialog.set_notices([{"id": "n-1", "kind": "panel", "title": "Invoice INV-1 is overdue", "read": False,
                         "message": "Pay it to keep your services running. " * 5,
                         "created_at": "2026-11-20T10:00:00Z"}])
    dialog.resize(520, 560)
    dialog.show()
    qtbot.waitExposed(dialog)
    view = dialog.list
    delegate = view.itemDelegate()
    index = view.model().index(0, 0)
    rect = view.visualRect(index)
    option = QStyleOptionViewItem()
    option.initFrom(view)
    option.rect = rect
    title, message, when = delegate.parts(option, index.data(NOTICE_ROLE), rect.width())
    assert title.text == "● Invoice INV-1 is overdue" and title.font.bold() and not message.font.bold()
    assert title.rect.bottom() < message.rect.top() and message.rect.bottom() < when.rect.top()
    assert when.rect.bottom() <= rect.bottom()          # the item is tall enough for all of it, wrapped


@pytest.mark.parametrize("make", [lambda: BillingProfileDialog("Ada"), NewTicketDialog, PdfBatchDialog])
def test_form_labels_are_words_without_colons_in_every_form(qtbot, make):
    dialog = make()
    qtbot.addWidget(dialog)
    labels = [form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().text()
              for form in dialog.findChildren(QFormLayout) for row in range(form.rowCount())
              if isinstance(form.itemAt(row, QFormLayout.ItemRole.LabelRole) and
                            form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget(), QLabel)]
    assert labels and not [text for text in labels if text.rstrip().endswith(":")]


def test_the_dashboards_scroll_bar_keeps_off_the_cards(qtbot, data):
    dashboard = DashboardSection()
    qtbot.addWidget(dashboard)
    dashboard.show_data(data)
    dashboard.resize(900, 500)            # short: the figures scroll
    dashboard.show()
    qtbot.waitExposed(dashboard)
    scroll = dashboard.content
    qtbot.waitUntil(lambda: scroll.verticalScrollBar().isVisible())
    viewport = scroll.viewport()

    def gap() -> int:
        card = dashboard.cards["overdue"]         # the right-hand column
        return viewport.width() - (card.mapTo(viewport, QPoint(0, 0)).x() + card.width())
    qtbot.waitUntil(lambda: gap() >= 8)
    dashboard.resize(900, 2000)           # tall: no scroll bar, and the cards reach the right edge again
    qtbot.waitUntil(lambda: not scroll.verticalScrollBar().isVisible())
    qtbot.waitUntil(lambda: gap() == 0)


@pytest.mark.parametrize("count", ["1", "12"])
def test_a_count_badge_in_the_narrow_sidebar_leaves_its_icon_clear(qtbot, qapp, count):
    apply_theme(qapp, "light")
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_sections([("dashboard", "Dashboard"), ("invoices", "Invoices")])
    sidebar.set_compact(True)
    sidebar.set_badge("invoices", count)
    sidebar.resize(sidebar.width(), 700)
    sidebar.show()
    qtbot.waitExposed(sidebar)
    button = sidebar.buttons["invoices"]
    size = button.iconSize()
    icon = QRect(button.width() // 2 - size.width() // 2, button.height() // 2 - size.height() // 2,
                 size.width(), size.height())
    qtbot.waitUntil(lambda: button.badge.isVisible())
    assert button.badge.text() == count and not button.badge.geometry().intersects(icon)


@pytest.mark.parametrize(("locale", "shown"), [("en_US", "3/7/2026"), ("de_DE", "07.03.2026")])
def test_the_pdf_period_dates_are_written_as_the_locale_writes_dates(qtbot, locale, shown):
    local_format.set_locale(locale)
    try:
        dialog = PdfBatchDialog()
        qtbot.addWidget(dialog)
        dialog.start.setDate(QDate(2026, 3, 7))
        assert dialog.start.text() == shown and dialog.end.displayFormat() == dialog.start.displayFormat()
    finally:
        local_format.set_locale(local_format.DEFAULT_LOCALE)


def test_paying_the_rest_of_an_invoice_part_paid_with_credits_counts_the_credits_once(make_app, shop, qtbot):
    """amount_paid already holds the credits; the review added credits_applied on top, so an invoice $3 into
    a $10 bill said "Already paid -$6.00" over a balance of $7.00."""
    shop.settings(paypal_enabled=True, credits_enabled=True, auto_activate=True)
    product = shop.product(name="Half VPS")                              # $10.00 a month, no tax
    user = shop.user(credits="3.00")
    placed = user.data("POST", "/billing/checkout", {                   # credits first, the pay page left
        "items": [{"product_id": product["id"], "billing_cycle": "monthly"}], "payment_method": "paypal",
        "use_credits": True, "return_url": checkout_flow.RETURN_URL, "cancel_url": checkout_flow.CANCEL_URL},
        expect=201)
    invoice = user.data("GET", f"/billing/invoices/{placed['invoice']['id']}")
    assert (invoice["amount_paid"], invoice["credits_applied"], invoice["balance_due"]) == ("3.00", "3.00", "7.00")
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    app.window.select_section("orders")
    orders = app.window.sections["orders"]
    assert orders.open_order(placed["order"]["id"])
    orders.page.pay_button.click()
    dialog = app.checkout_sessions[-1].dialog
    qtbot.waitUntil(lambda: dialog.stack.currentWidget() is dialog.review_page, timeout=WAIT)
    review = [dialog.totals.itemAt(i).widget().text() for i in range(dialog.totals.count())]
    assert review[review.index("Already paid") + 1] == "-$3.00"
    assert review[review.index("Balance due") + 1] == "$7.00"
    dialog.reject()
