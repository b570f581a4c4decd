"""Pay all due with a mix of invoices, in the running client against the real panel (its clock moved) and
localstripe: an overdue renewal of a suspended service and a pending order left unpaid, with some credit on the
account. The review takes the credit first and the card typed into the embedded page pays the rest in one payment;
afterwards the Dashboard's Amount due and recent orders, the Invoices heading and list, the sidebar's badge, the
Orders list and the service page left open all say the same thing, without reopening anything. (test_orders pays
two overdue renewals by card with no credit; here the credit and the two statuses are mixed.)"""
from __future__ import annotations

from decimal import Decimal

from app.session.account import AccountSession
from tests.gui.conftest import WAIT, add_account, texts
from tests.support.catalogue import MONTHLY_10, Shop, buy
from tests.support.clock import a_month_on
from tests.support.fixtures import admin_of

from .checkout_steps import opened_checkout, pay_by_card

RETURN = {"return_url": "http://127.0.0.1:9/done", "cancel_url": "http://127.0.0.1:9/cancel"}


def review_text(dialog) -> str:
    return " | ".join(dialog.totals.itemAt(i).widget().text() for i in range(dialog.totals.count()))


def row_status(model, number: str) -> list[str]:
    row = texts(model, 0).index(number)
    return [model.index(row, c).data() for c in range(model.columnCount())]


def test_pay_all_due_takes_the_credit_first_pays_the_rest_by_card_and_every_screen_agrees(
        qtbot, make_app, private_panel, monkeypatch):
    proc = private_panel(extra_args=["--localstripe"])          # its clock moves
    admin = admin_of(proc)
    shop = Shop(admin)
    shop.settings(credits_enabled=True, auto_activate=True)
    product = shop.product(name="Mixed Due VPS", pricing=MONTHLY_10)
    buyer = shop.user(credits="10.00")
    (service_id,) = buy(buyer, product["id"])["order"]["service_ids"]
    buyer = a_month_on(proc, buyer)
    (overdue,) = buyer.data("GET", "/billing/invoices", params={"status": "overdue"})
    assert buyer.data("GET", f"/billing/services/{service_id}")["status"] == "suspended"
    # An order placed at the panel and left at the gateway: its invoice stays pending.
    item = {"product_id": product["id"], "billing_cycle": "monthly"}
    left = buyer.data("POST", "/billing/checkout",
                      {"items": [item], "payment_method": "stripe", "use_credits": False, **RETURN}, expect=201)
    pending = left["invoice"]
    assert pending["status"] == "pending"
    admin.data("POST", f"/admin/users/{buyer.user['id']}/credits", {"amount": "5.00", "note": "goodwill"},
               expect=201)

    app = make_app()
    account = add_account(qtbot, app, proc.url, buyer.user["email"])
    window = app.window
    dashboard, invoices = window.sections["dashboard"], window.sections["invoices"]
    window.select_section("dashboard")
    qtbot.waitUntil(lambda: dashboard.cards["due"].value.text() == "$20.00", timeout=WAIT)
    window.select_section("invoices")
    assert invoices.summary.text() == "1 overdue · $20.00 due"
    assert invoices.pay_due.pay_all.text() == "Pay all due (2)…"
    # The suspended service's page is left open behind the payment.
    services = window.sections["services"]
    window.select_section("services")
    assert services.open_service(service_id)
    page = services.page
    qtbot.waitUntil(lambda: page.chip.text() == "Suspended" and page.invoices_model.rowCount() == 2, timeout=WAIT)
    assert "Overdue" in row_status(page.invoices_model, overdue["invoice_number"])

    # The sync an action starts is held from here: each screen shows what the payment itself read back.
    monkeypatch.setattr(AccountSession, "sync", lambda self: None)
    order_line = f"{left['order']['order_number']} · "
    assert any(b.text().startswith(order_line) and "Awaiting payment" in b.text()
               for b in dashboard.recent_orders.buttons)
    window.select_section("dashboard")
    dashboard.pay_all.click()                                   # the Amount due card's Pay all due…
    session = opened_checkout(qtbot, app)
    assert session.kind == "invoices"
    assert set(session.request["invoice_ids"]) == {overdue["id"], pending["id"]}
    review = review_text(session.dialog)
    assert "Credits applied | -$5.00" in review, review
    assert "Due now, charged to your chosen method | $15.00" in review, review
    assert "Payment received" in pay_by_card(qtbot, session)
    session.dialog.accept()

    # The panel: both paid, the credit spent, one card payment for both, the service back.
    for invoice in (overdue, pending):
        assert buyer.data("GET", f"/billing/invoices/{invoice['id']}")["status"] == "paid"
    assert Decimal(buyer.data("GET", "/billing/credits")["balance"]) == Decimal("0.00")
    cards = {p["id"] for i in (overdue, pending) for p in buyer.data("GET", f"/billing/invoices/{i['id']}")["payments"]
             if p["method"] == "stripe" and p["status"] == "succeeded"}
    assert len(cards) == 1, cards                                # the left checkout's attempt was never paid
    assert buyer.data("GET", f"/billing/services/{service_id}")["status"] == "active"

    # Every screen, as it stands, without reopening anything.
    qtbot.waitUntil(lambda: dashboard.cards["due"].value.text() == "$0.00", timeout=WAIT)
    assert dashboard.cards["overdue"].value.text() == "0"
    qtbot.waitUntil(lambda: dashboard.cards["credits"].value.text() == "$0.00", timeout=WAIT)
    assert not dashboard.pay_all.isVisibleTo(dashboard)
    (recent,) = [b.text() for b in dashboard.recent_orders.buttons if b.text().startswith(order_line)]
    assert "Active" in recent and "Awaiting payment" not in recent, recent           # the order left unpaid is paid
    window.select_section("orders")
    orders = window.sections["orders"]
    assert "Active" in row_status(orders.proxy, left["order"]["order_number"])
    window.select_section("invoices")
    qtbot.waitUntil(lambda: invoices.summary.text() in ("", "Nothing to pay."), timeout=WAIT)
    assert not invoices.pay_due.isVisibleTo(invoices)
    assert window.sidebar.buttons["invoices"].badge_text == ""
    for invoice in (overdue, pending):
        assert "Paid" in row_status(invoices.proxy, invoice["invoice_number"])
    window.select_section("services")
    assert services.page_open and services.page is page and page.service_id == service_id
    qtbot.waitUntil(lambda: page.chip.text() == "Active", timeout=WAIT)
    assert not page.suspension.isVisibleTo(page) and not page.pay_button.isVisibleTo(page)
    assert page.fields["server"].text().endswith("(running)"), page.fields["server"].text()   # its server back too
    qtbot.waitUntil(lambda: "Paid" in row_status(page.invoices_model, overdue["invoice_number"]), timeout=WAIT)
    qtbot.waitUntil(lambda: account.id in app.data and {s["status"] for s in app.data[account.id].services}
                    == {"active"}, timeout=WAIT)
