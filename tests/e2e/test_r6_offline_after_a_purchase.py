"""Offline-first after a real purchase: Sett restarted with its panel gone opens what it saw from the local cache
(the service, the invoice with its lines and payment, the order, the product in the Store) and says it is offline;
paying needs the panel and says so."""
from __future__ import annotations

from tests.gui.conftest import WAIT, add_account, close, texts
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of


def test_what_was_seen_opens_from_the_cache_after_a_restart_without_the_panel(qtbot, make_app, private_panel):
    proc = private_panel()
    shop = Shop(admin_of(proc))
    shop.settings(credits_enabled=True, auto_activate=True)
    shop.product(name="Cached VPS", pricing=MONTHLY_10)
    product = shop.product(name="Cached VPS Plus", pricing=MONTHLY_10)
    buyer = shop.user(credits="10.00")
    placed = buy(buyer, product["id"])
    (service_id,) = placed["order"]["service_ids"]
    invoice = placed["invoice"]

    app = make_app()
    add_account(qtbot, app, proc.url, buyer.user["email"])
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.open_invoice(invoice["id"]), timeout=WAIT)
    qtbot.waitUntil(lambda: invoices.page.has_detail, timeout=WAIT)          # seen once, online
    close(app)
    proc.stop()

    app = make_app()
    window = app.window
    qtbot.waitUntil(lambda: window.data is not None and bool(window.data.services), timeout=WAIT)
    qtbot.waitUntil(lambda: window.status.state == "offline", timeout=WAIT)
    services = window.sections["services"]
    window.select_section("services")
    assert texts(services.table.model(), 0) == ["Cached VPS Plus"]
    assert services.open_service(service_id) and services.page.chip.text() == "Active"

    invoices = window.sections["invoices"]
    window.select_section("invoices")
    assert invoices.open_invoice(invoice["id"])
    page = invoices.page
    qtbot.waitUntil(lambda: page.has_detail or "never downloaded" in page.payments_note.text(), timeout=WAIT)
    assert page.has_detail, page.payments_note.text()                      # its details were kept
    assert page.chip.text() == "Paid" and page.lines_model.rowCount() == 1
    assert page.payments_model.rowCount() == 1 and page.fields["total"].text() == "$10.00"

    orders = window.sections["orders"]
    window.select_section("orders")
    assert orders.open_order(placed["order"]["id"])
    assert placed["order"]["order_number"] in orders.page.title.text()

    window.select_section("store")
    store = window.sections["store"]
    store.search.setText("Cached VPS")
    qtbot.waitUntil(lambda: sorted(c.name.text() for c in store.cards) == ["Cached VPS", "Cached VPS Plus"],
                    timeout=WAIT)
    window.select_section("credits")
    assert window.sections["credits"].balance.text() == "$0.00"
    assert not window.sections["credits"].top_up_button.isEnabled()           # paying needs the panel
