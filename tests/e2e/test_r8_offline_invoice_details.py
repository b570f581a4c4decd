"""An invoice the buyer never opened, read offline after a sync, in the running client against the real panel: the
README promises that everything synced stays readable offline, and docs/client-architecture.md that the sync fetches
the detail of the invoices that changed. So its page shows its lines and payments, and Save as PDF works, with the
panel gone. (test_r6_offline_after_a_purchase opens the invoice online first, so its details were read by the page.)"""
from __future__ import annotations

from tests.gui.conftest import WAIT, add_account
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.fixtures import admin_of

NOTICED_MS = 15_000


def test_an_invoice_never_opened_shows_its_lines_and_payments_offline_after_a_sync(qtbot, make_app, private_panel):
    proc = private_panel()
    shop = Shop(admin_of(proc))
    shop.settings(credits_enabled=True, auto_activate=True)
    buyer = shop.user(credits="10.00")
    invoice = buy(buyer, shop.product(name="Synced VPS", pricing=MONTHLY_10)["id"])["invoice"]

    app = make_app()
    add_account(qtbot, app, proc.url, buyer.user["email"])       # signed in and synced; the invoice never opened
    window = app.window
    proc.stop()
    qtbot.waitUntil(lambda: window.status.state == "offline", timeout=NOTICED_MS)

    invoices = window.sections["invoices"]
    window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.open_invoice(invoice["id"]), timeout=WAIT)
    page = invoices.page
    qtbot.waitUntil(lambda: page.has_detail or "never downloaded" in page.payments_note.text(), timeout=WAIT)
    assert page.has_detail, page.payments_note.text()
    assert page.lines_model.rowCount() == 1 and page.payments_model.rowCount() == 1
    assert page.pdf_button.isEnabled()
