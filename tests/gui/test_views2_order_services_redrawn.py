"""An order's page drawn again (its data changed) shows each of its services once: the buttons it replaced were
taken out of the layout but still painted where they were, under the new ones, until Qt deleted them."""
from __future__ import annotations

from app.views.labels import DataButton

from .test_drift_actions import Panel, canned_app, order, service, settle, signed_in  # noqa: F401 - the fixture


def test_an_order_page_drawn_again_shows_each_service_once(canned_app, qtbot):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}), orders=[order(1, "active")], services=[service(1, "active", "2026-12-20")])
    window = app.window
    orders = window.sections["orders"]
    window.select_section("orders")
    assert orders.open_order("o-1")
    orders.page.show_order(orders.page.order, app.sessions.current.data)      # as a change-set redraws it
    settle()
    visible = [b.text() for b in orders.page.findChildren(DataButton)
               if b.objectName() == "orderServiceButton" and b.isVisible()]
    assert visible == ["Canned VPS · Active"]
