"""Topping up by card, all the way, in the running client against the real panel and localstripe: Credits, an amount,
Top up, the test card typed into the embedded page. The panel holds the credit once; the Credits screen, its history,
the top-up's invoice (paid, in Invoices) and the Dashboard show it without reopening anything; the next cart's
checkout takes it first. (Top-ups were only ever left at the gateway, or opened and closed, in the tests.)"""
from __future__ import annotations

from decimal import Decimal

from tests.gui.conftest import WAIT, texts

from .checkout_steps import check_out, fill_cart, opened_checkout, pay_by_card


def review_text(dialog) -> str:
    return " | ".join(dialog.totals.itemAt(i).widget().text() for i in range(dialog.totals.count()))


def test_a_card_top_up_is_credited_once_shown_everywhere_and_spent_first_on_the_next_order(qtbot, client_of, vps):
    app, account, buyer = client_of(credits="2.50")
    window = app.window
    credits = window.sections["credits"]
    window.select_section("credits")
    qtbot.waitUntil(lambda: credits.balance.text() == "$2.50", timeout=WAIT)
    credits.top_up_amount.setText("25")
    credits.top_up_button.click()
    session = opened_checkout(qtbot, app)
    assert (session.kind, session.request) == ("top_up", {"amount": "25.00"})
    text = pay_by_card(qtbot, session)
    assert "Payment received" in text, text
    session.dialog.accept()

    # The panel: the credit once, from a paid top-up invoice.
    assert Decimal(buyer.data("GET", "/billing/credits")["balance"]) == Decimal("27.50")
    top_ups = [t for t in buyer.data("GET", "/billing/credits/transactions") if t["type"] == "top_up"]
    assert [(t["amount"], t["balance_after"]) for t in top_ups] == [("25.00", "27.50")]
    (invoice,) = [i for i in buyer.data("GET", "/billing/invoices") if i["id"] == top_ups[0]["invoice_id"]]
    assert invoice["status"] == "paid"

    # The screens, as they stand.
    qtbot.waitUntil(lambda: credits.balance.text() == "$27.50", timeout=WAIT)
    assert not credits.waiting_row.isVisible()                   # nothing left waiting for a payment
    assert credits.top_up_amount.text() == ""
    history = credits.table.model()
    qtbot.waitUntil(lambda: any("$25.00" in (history.index(r, c).data() or "") for r in range(history.rowCount())
                                for c in range(history.columnCount())), timeout=WAIT)
    invoices = window.sections["invoices"]
    window.select_section("invoices")
    qtbot.waitUntil(lambda: invoice["invoice_number"] in texts(invoices.proxy, 0), timeout=WAIT)
    row = texts(invoices.proxy, 0).index(invoice["invoice_number"])
    assert "Paid" in [invoices.proxy.index(row, c).data() for c in range(invoices.proxy.columnCount())]
    assert invoices.summary.text() in ("", "Nothing to pay.") and not invoices.pay_due.isVisibleTo(invoices)
    window.select_section("dashboard")
    dashboard = window.sections["dashboard"]
    assert dashboard.cards["credits"].value.text() == "$27.50" and dashboard.cards["due"].value.text() == "$0.00"

    # The next order: the credit goes first and pays it all.
    cart = fill_cart(qtbot, app, vps)
    session = check_out(qtbot, app, cart)
    review = review_text(session.dialog)
    assert "Credits applied | -$10.00" in review and "$0.00" in review, review
    session.dialog.reject()
