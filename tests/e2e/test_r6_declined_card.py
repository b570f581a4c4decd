"""A card the bank declines, typed into the embedded pay page in the running client against the real panel and
localstripe: the page says so and stays, nothing is paid, and the test card typed next pays the same invoice once."""
from __future__ import annotations

from tests.support.localstripe_card import TEST_CARD, card_scripts

from .checkout_steps import card_form, js, open_checkout, order_request, orders_of, press_pay, type_card, wait_result

DECLINED = {**TEST_CARD, "number": "4000000000000341"}      # Stripe's test card whose charge is declined


def test_a_declined_card_is_said_on_the_page_and_the_next_card_pays_once(qtbot, client_of, vps):
    app, account, buyer = client_of()
    session = open_checkout(qtbot, app, account, order_request(vps))
    page = card_form(qtbot, session)
    for script in card_scripts(DECLINED):
        assert js(page, script)
    press_pay(page)
    qtbot.waitUntil(lambda: bool(js(page, "document.querySelector('#error').textContent")), timeout=30_000)
    error = js(page, "document.querySelector('#error').textContent")
    assert "declined" in error.lower(), error
    assert js(page, "!document.querySelector('#pay').disabled")          # Pay again is offered
    dialog = session.dialog
    assert dialog.isVisible() and dialog.stack.currentWidget() is dialog.web_page
    (order,) = orders_of(buyer)
    assert buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")["status"] == "pending"

    type_card(page)                                                     # the good card, on the same page
    press_pay(page)
    text = wait_result(qtbot, session)
    assert "Payment received" in text and order["order_number"] in text
    invoice = buyer.data("GET", f"/billing/invoices/{order['invoice_id']}")
    assert invoice["status"] == "paid" and invoice["amount_paid"] == "10.00"
    assert [p["status"] for p in invoice["payments"] if p["method"] == "stripe"] == ["succeeded"]
    assert [o["id"] for o in orders_of(buyer)] == [order["id"]]          # still the one order
    session.dialog.accept()
