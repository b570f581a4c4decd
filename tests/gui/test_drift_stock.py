"""The store's stock follows the user's own orders: a cancelled order gives back what it took, and the store says
so at once (not "Out of stock" until the next sync), since the operation reads back the products it moved."""
from __future__ import annotations

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    SYNCED,
    Panel,
    canned_app,
    invoice,
    later,
    order,
    service,
    settle,
    signed_in,
)

CATEGORY = {"id": "c-1", "name": "Servers", "slug": "servers", "description": "", "sort_order": 0,
            "updated_at": SYNCED}


def product(stock: int) -> dict:
    return {"id": "p-1", "name": "Last VPS", "slug": "last-vps", "description": "The last of them.",
            "category": {"id": "c-1", "name": "Servers", "slug": "servers"}, "pricing_type": "fixed",
            "pricing": [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}], "config_ranges": None,
            "resources": {"memory": 1024, "disk": 10240, "cpu": 100}, "stock": stock, "in_stock": stock > 0,
            "updated_at": SYNCED}


def test_a_cancelled_order_gives_its_stock_back_in_the_store(canned_app, qtbot):  # noqa: F811
    app = canned_app
    pending = order(1, "pending")
    client = Panel({
        "cancel_order": later(pending, status="cancelled"),
        "invoice": lambda _id: later(invoice(1, "pending", "10.00", order_id="o-1"), status="cancelled",
                                     balance_due="0.00"),
        "service": lambda _id: later(service(1, "pending"), status="cancelled"),
        "credits": {"enabled": True, "balance": "0.00", "currency": "USD"},
        "dashboard": {"active_services": 0, "pending_invoices": 0, "total_due": "0.00"},
    }, lists={"products": [{**product(1), "updated_at": "2026-12-06T10:00:00Z"}]})
    signed_in(app, client, orders=[pending], invoices=[invoice(1, "pending", "10.00", order_id="o-1")],
              services=[service(1, "pending")], categories=[CATEGORY], products=[product(0)])
    window = app.window
    store = window.sections["store"]
    window.select_section("store")
    settle()
    assert [card.stock.text() for card in store.cards] == ["Out of stock"]

    orders = window.sections["orders"]
    window.select_section("orders")
    assert orders.open_order("o-1")
    orders.page.confirm_cancel = lambda _number: True
    orders.page.cancel_button.click()
    settle()
    assert "is cancelled" in orders.page.message.text()
    window.select_section("store")
    settle()
    assert [card.stock.text() for card in store.cards] == ["Only 1 left"]
    (asked,) = [kwargs for name, args, kwargs in client.calls if name == "synced_list" and args == ("products",)]
    assert asked["params"]["updated_since"] < SYNCED       # the products changed since the last sync, as it asks
