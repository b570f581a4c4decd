"""README, Support: "Get help with this on an invoice's or a service's page opens a new ticket already linked to it,
with a subject filled in ... On a panel whose operator switched tickets off, Support says so and the help buttons are
gone". tests/gui/test_support.py checks the service's page; here the invoice's, both ways, in the whole window with a
canned account."""
from __future__ import annotations

import pytest

from .test_drift_actions import Panel, canned_app, invoice, settle, signed_in  # noqa: F401
from .test_r8p_search_escape import TICKETS_ON


@pytest.mark.parametrize("tickets", [True, False])
def test_an_invoices_help_button_follows_the_panels_tickets(canned_app, qtbot, tickets):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}), config=TICKETS_ON if tickets else None, invoices=[invoice(1, "paid", "0.00")])
    app.window.select_section("invoices")
    settle()
    section = app.window.sections["invoices"]
    assert section.open_invoice("i-1")
    settle()
    page = section.page
    assert page.help_button.isVisibleTo(page) is tickets
    if tickets:
        page.help_button.click()
        settle()
        dialog = app.window.sections["support"].dialog
        qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
        assert "INV-000001" in dialog.subject.text() and dialog.fields()["invoice_id"] == "i-1"
        dialog.reject()
