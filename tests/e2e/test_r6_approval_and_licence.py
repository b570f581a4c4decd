"""A panel that does not auto-activate, and a panel whose Billing Module licence is switched off while the app runs,
as the buyer sees them in the running client against the real panel: the paid order awaits approval and turns active
(with its server) after the operator approves it and a sync; billing hides with the reason, then comes back with what
the account had."""
from __future__ import annotations

import pytest

from app.sync.resources import BILLING_OFF_REASON
from app.views.sidebar import BILLING_PAGE
from tests.gui.conftest import WAIT, sync_now
from tests.support.catalogue import Shop
from tests.support.fixtures import admin_of

from .checkout_steps import open_checkout, order_request, orders_of, pay_with, wait_result


@pytest.fixture(scope="module")
def e2e_shop(e2e_panel) -> Shop:
    """This module's shop: orders wait for the operator's approval once paid."""
    shop = Shop(admin_of(e2e_panel))
    shop.settings(paypal_enabled=True, credits_enabled=True, auto_activate=False)
    return shop


def test_without_auto_activate_a_paid_order_awaits_approval_then_is_active_after_approval_and_a_sync(
        qtbot, client_of, vps, e2e_shop):
    app, account, buyer = client_of(credits="10.00")
    session = open_checkout(qtbot, app, account, order_request(vps))
    pay_with(qtbot, session, "credits")
    text = wait_result(qtbot, session)
    (order,) = orders_of(buyer)
    assert order["status"] == "awaiting_approval"
    assert "Awaiting approval" in text and "awaiting approval by the panel's staff" in text
    assert order["order_number"] in text
    session.dialog.accept()

    orders = app.window.sections["orders"]
    app.window.select_section("orders")
    qtbot.waitUntil(lambda: orders.open_order(order["id"]), timeout=WAIT)
    qtbot.waitUntil(lambda: orders.page.chip.text() == "Awaiting approval", timeout=WAIT)
    assert not orders.page.pay_button.isVisible()              # paid: nothing to complete
    (service_id,) = order["service_ids"]
    assert buyer.data("GET", f"/billing/services/{service_id}")["server"] is None

    e2e_shop.admin.data("POST", f"/admin/billing/orders/{order['id']}/approve")
    sync_now(qtbot, app, account.id)
    qtbot.waitUntil(lambda: orders.page.chip.text() == "Active", timeout=WAIT)
    services = app.window.sections["services"]
    app.window.select_section("services")
    qtbot.waitUntil(lambda: services.open_service(service_id), timeout=WAIT)
    qtbot.waitUntil(lambda: services.page.chip.text() == "Active", timeout=WAIT)
    server = buyer.data("GET", f"/billing/services/{service_id}")["server"]
    assert server is not None and server["status"] == "running"
    assert services.page.server_card.isVisible()


def test_the_licence_switched_off_while_the_app_runs_hides_billing_with_the_reason_then_brings_it_back(
        qtbot, client_of, e2e_shop):
    app, account, buyer = client_of(credits="7.00")
    window = app.window
    billing_keys = {k for k, s in window.sections.items() if s.billing}
    window.select_section("invoices")
    assert billing_keys <= set(window.sidebar.visible_keys()) and window.current_key == "invoices"

    e2e_shop.admin.data("PUT", "/admin/license", {"billing": False})
    try:
        sync_now(qtbot, app, account.id)
        qtbot.waitUntil(lambda: window.current_key == BILLING_PAGE, timeout=WAIT)
        visible = set(window.sidebar.visible_keys())
        assert not (billing_keys & visible) and BILLING_PAGE in visible
        assert window.billing_page.reason.text() == BILLING_OFF_REASON
        assert window.billing_page.title.text().startswith("Billing is not available on ")
        assert window.status.state == "online"
        window.select_section("credits")                       # hidden: it cannot be reached
        assert window.current_key == BILLING_PAGE
    finally:
        e2e_shop.admin.data("PUT", "/admin/license", {"billing": True})

    count = len(app.synced_log)
    window.billing_page.button.click()                         # "Check again"
    qtbot.waitUntil(lambda: len(app.synced_log) > count, timeout=WAIT)
    qtbot.waitUntil(lambda: billing_keys <= set(window.sidebar.visible_keys()), timeout=WAIT)
    assert BILLING_PAGE not in window.sidebar.visible_keys() and window.current_key != BILLING_PAGE
    window.select_section("credits")
    assert window.current_key == "credits"
    qtbot.waitUntil(lambda: "$7.00" in window.sections["credits"].balance.text(), timeout=WAIT)
