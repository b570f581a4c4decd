"""A sidebar badge says what it counts: the narrow sidebar's tooltip and a screen reader's name read
"Invoices: 2 overdue" and "Cart: 1 item", where the tooltip said "Invoices (2)", two of what unsaid."""
from __future__ import annotations

from app.views.sidebar import Sidebar


def test_badges_are_worded_in_tooltip_and_accessible_name(qtbot):
    sidebar = Sidebar()
    qtbot.addWidget(sidebar)
    sidebar.set_sections([("cart", "Cart"), ("invoices", "Invoices")])
    sidebar.set_cart_count(1)
    cart = sidebar.buttons["cart"]
    assert cart.toolTip().startswith("Cart: 1 item") and cart.accessibleName() == "Cart: 1 item"
    sidebar.set_cart_count(3)
    assert cart.accessibleName() == "Cart: 3 items"
    sidebar.set_badge("invoices", "2", "2 overdue")
    invoices = sidebar.buttons["invoices"]
    assert invoices.toolTip().startswith("Invoices: 2 overdue") and "(2)" not in invoices.toolTip()
    sidebar.set_cart_count(0)
    assert cart.accessibleName() == "Cart" and not cart.badge.isVisible()
    sidebar.set_badge("invoices", "")
    assert invoices.accessibleName() == "Invoices"
