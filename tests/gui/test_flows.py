"""What a customer meets walking the app end to end against the real panel (found by driving the demo in an X
window): each test is a step whose screen disagreed with what the user had just done."""
from __future__ import annotations

from PySide6.QtWidgets import QScrollArea

from .conftest import WAIT, add_account
from .test_service_invoice_pages import buy, open_service_with_enter


def test_opening_another_service_starts_its_page_at_the_top(make_app, shop, qtbot):
    """Scrolled down to the first service's cancellation, then back and into another: its page opened scrolled
    down too, hiding its price and next due date."""
    user = shop.user(credits="30.00")
    buy(user, shop.product(name="First page VPS")["id"])
    buy(user, shop.product(name="Second page VPS")["id"])
    app = make_app()
    app.window.resize(1000, 650)
    add_account(qtbot, app, user.panel.url, user.user["email"])

    section, page = open_service_with_enter(qtbot, app, "First page VPS")
    qtbot.waitUntil(lambda: page.invoices_model.rowCount() == 1, timeout=WAIT)
    bar = page.findChild(QScrollArea).verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=WAIT)
    bar.setValue(bar.maximum())
    page.back.click()
    qtbot.waitUntil(lambda: not section.page_open, timeout=WAIT)

    section, page = open_service_with_enter(qtbot, app, "Second page VPS")
    assert page.title.text() == "Second page VPS"
    assert bar.value() == 0
