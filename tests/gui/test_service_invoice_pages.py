"""The service and invoice pages against the real panel: cancellation requests, paying an overdue invoice of a
suspended service, the invoice PDF, offline behaviour, and the dashboard over every account."""
from __future__ import annotations

import re
from decimal import Decimal

import pypdf
from PySide6.QtWidgets import QFileDialog

from tests.support.catalogue import Shop, buy
from tests.support.clock import a_month_on

from .conftest import WAIT, add_account, admin_of, close, open_service_with_enter, texts


def words(text: str) -> str:
    return re.sub(r"\s+", " ", text)


# -- cancellation -------------------------------------------------------------------------------------------------
def test_request_and_withdraw_a_cancellation_from_the_service_page(make_app, shop, qtbot):
    product = shop.product(name="Cancel-me VPS")
    user = shop.user(credits="10.00")
    order = buy(user, product["id"])
    (service_id,) = order["order"]["service_ids"]
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])

    section, page = open_service_with_enter(qtbot, app, "Cancel-me VPS")
    assert page.title.text() == "Cancel-me VPS" and page.chip.text() == "Active"
    assert page.fields["server"].text().endswith("(running)")
    assert page.fields["config"].text() == "2 GB RAM · 20 GB disk · 1 core"
    # Its invoices: the order invoice that bought it, fetched from the panel.
    qtbot.waitUntil(lambda: page.invoices_model.rowCount() == 1, timeout=WAIT)
    assert texts(page.invoices_model) == [order["invoice"]["invoice_number"]]

    dialog = page.open_cancel_dialog()
    dialog.submit.click()                         # a reason is required: said, and the dialog stays open
    assert dialog.isVisible() and dialog.problem.isVisible() and "reason" in dialog.problem.text()
    assert page.cancellation.text() == "No cancellation requested."
    dialog.immediate.setChecked(True)
    dialog.reason.setPlainText("Moving to a bigger plan")
    dialog.submit.click()
    qtbot.waitUntil(lambda: page.cancellation.text().startswith("Cancellation requested"), timeout=WAIT)
    assert "immediately" in page.cancellation.text() and "Moving to a bigger plan" in page.cancellation.text()
    assert page.chip.text() == "Active · cancellation pending"      # not "Active" alone
    assert page.withdraw_button.isVisible() and not page.cancel_button.isVisible()
    request = user.data("GET", f"/billing/services/{service_id}")["cancellation"]
    assert (request["type"], request["status"], request["reason"]) == ("immediate", "pending",
                                                                       "Moving to a bigger plan")

    page.withdraw_button.click()
    qtbot.waitUntil(lambda: page.cancellation.text() == "No cancellation requested.", timeout=WAIT)
    assert page.cancel_button.isVisible() and not page.withdraw_button.isVisible()
    assert page.message.text() == "Cancellation request withdrawn."
    assert user.data("GET", f"/billing/services/{service_id}")["cancellation"] is None

    # Back returns to the list; clicking the invoice in the page opens it under Invoices.
    page.back.click()
    assert not section.page_open
    section.open_service(service_id)
    qtbot.waitUntil(lambda: page.invoices_model.rowCount() == 1, timeout=WAIT)
    page.invoices.activated.emit(page.invoices_model.index(0, 0))
    invoices = app.window.sections["invoices"]
    assert app.window.current_key == "invoices" and invoices.page_open
    qtbot.waitUntil(lambda: invoices.page.has_detail, timeout=WAIT)
    assert texts(invoices.page.lines_model) == [order["invoice"]["lines"][0]["description"]]


# -- an overdue invoice, a suspended service, the PDF, offline -----------------------------------------------------
def test_paying_an_overdue_invoice_reactivates_the_service_then_pdf_and_offline(make_app, private_panel, qtbot,
                                                                              tmp_path, monkeypatch):
    proc = private_panel()
    admin = admin_of(proc)
    shop = Shop(admin)
    shop.settings(tax_enabled=True, tax_rate="20", tax_inclusive=False, panel_name="Badger Hosting")
    product = shop.product(name="Renewing VPS")
    user = shop.user(credits="12.00")
    order = buy(user, product["id"])
    (service_id,) = order["order"]["service_ids"]
    user = a_month_on(proc, user)
    service = user.data("GET", f"/billing/services/{service_id}")
    assert service["status"] == "suspended"
    (overdue,) = user.data("GET", "/billing/invoices?status=overdue")
    admin.data("POST", f"/admin/users/{user.user['id']}/credits", {"amount": "12.00", "note": "top-up"}, expect=201)

    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    assert invoices.open_invoice(overdue["id"])
    page = invoices.page
    qtbot.waitUntil(lambda: page.has_detail, timeout=WAIT)
    assert page.chip.text() == "Overdue" and page.pay_button.isVisible() and page.pay_button.isEnabled()
    lines = user.data("GET", f"/billing/invoices/{overdue['id']}")["lines"]
    assert texts(page.lines_model) == [line["description"] for line in lines]
    assert page.fields["tax"].text() == "$2.00 (20%, added)"
    assert page.fields["total"].text() == "$12.00"

    page.pay_button.click()
    qtbot.waitUntil(lambda: bool(getattr(app, "checkout_sessions", [])), timeout=WAIT)
    session = app.checkout_sessions[-1]
    qtbot.waitUntil(lambda: "credits" in session.dialog.methods and session.dialog.pay_button.isEnabled(),
                    timeout=WAIT)
    session.dialog.choose("credits")
    session.dialog.pay_button.click()
    qtbot.waitUntil(lambda: session.outcome is not None, timeout=WAIT)
    assert session.outcome.status == "succeeded"
    session.dialog.accept()
    # The sync after paying brings the reactivated service and the paid invoice to the screens.
    qtbot.waitUntil(lambda: any(s["id"] == service_id and s["status"] == "active"
                                for s in app.data[account.id].services), timeout=WAIT)
    qtbot.waitUntil(lambda: page.chip.text() == "Paid" and page.payments_model.rowCount() >= 1, timeout=WAIT)
    assert not page.pay_button.isVisible()
    assert "Credits" in texts(page.payments_model, 1)
    assert page.fields["balance"].text() == "$0.00"
    services = app.window.sections["services"]
    assert services.open_service(service_id) and services.page.chip.text() == "Active"

    # Save as PDF: the text in the file is the invoice's.
    target = tmp_path / "invoice.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF documents (*.pdf)"))
    app.window.select_section("invoices")
    invoices.open_invoice(overdue["id"])
    qtbot.waitUntil(lambda: page.pdf_button.isEnabled(), timeout=WAIT)
    page.pdf_button.click()
    assert page.message.text() == f"Saved {target}"
    text = words(" ".join(p.extract_text() for p in pypdf.PdfReader(str(target)).pages))
    detail = user.data("GET", f"/billing/invoices/{overdue['id']}")
    assert "Badger Hosting" in text
    assert f"Invoice {detail['invoice_number']}" in text and "Status: Paid" in text
    for line in detail["lines"]:
        assert words(line["description"]) in text
    assert f"Total ${detail['total']}" in text and "Tax 20% (added) $2.00" in text
    assert "Credits" in text and "Balance due $0.00" in text

    # Offline: the panel stops; the pages still open from the cache and the actions say they need the panel.
    proc.stop()
    with qtbot.waitSignal(app.sync_failed, timeout=WAIT):
        app.window.sidebar.sync_button.click()
    close(app)
    app = make_app()
    qtbot.waitUntil(lambda: account.id in app.data and app.window.status.state == "offline", timeout=WAIT)
    services = app.window.sections["services"]
    app.window.select_section("services")
    assert services.open_service(service_id)
    qtbot.waitUntil(lambda: services.page.invoices_model.rowCount() == 2, timeout=WAIT)   # order + renewal
    # Asking to cancel can wait: offline it goes to the outbox (tests/gui/test_outbox.py), and says so.
    assert services.page.cancel_button.isVisible() and services.page.cancel_button.isEnabled()
    assert "Outbox" in services.page.cancel_button.toolTip() and "Outbox" in services.page.message.text()
    invoices = app.window.sections["invoices"]
    (order_invoice,) = [r for r in app.data[account.id].invoices if r["id"] == order["invoice"]["id"]]
    app.window.select_section("invoices")
    assert invoices.open_invoice(overdue["id"])
    qtbot.waitUntil(lambda: invoices.page.has_detail, timeout=WAIT)     # the detail opens offline
    assert invoices.page.fields["total"].text() == "$12.00" and invoices.page.payments_model.rowCount() >= 1
    assert invoices.page.pdf_button.isEnabled()
    assert order_invoice["status"] == "paid"


def test_an_unpaid_invoice_offline_cannot_be_paid(make_app, private_panel, qtbot):
    proc = private_panel()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    product = shop.product(name="Unpaid VPS")
    user = shop.user(credits="1.00")
    unpaid = user.data("POST", "/billing/checkout", {"items": [{"product_id": product["id"],
                                                                "billing_cycle": "monthly"}],
                                                      "payment_method": "paypal", "use_credits": False,
                                                      "return_url": "http://127.0.0.1:1/r",
                                                      "cancel_url": "http://127.0.0.1:1/c"}, expect=201)
    app = make_app()
    account = add_account(qtbot, app, proc.url, user.user["email"])
    proc.stop()
    with qtbot.waitSignal(app.sync_failed, timeout=WAIT):
        sync_now_click(app)
    invoices = app.window.sections["invoices"]
    app.window.select_section("invoices")
    assert invoices.open_invoice(unpaid["invoice"]["id"])
    page = invoices.page
    assert page.chip.text() == "Pending" and page.pay_button.isVisible() and not page.pay_button.isEnabled()
    assert page.message.text() == "Offline: paying needs a connection to the panel."
    assert account.id == app.current_id
    qtbot.waitUntil(lambda: "never downloaded" in page.payments_note.text() or page.has_detail, timeout=WAIT)


def sync_now_click(app) -> None:
    app.window.sidebar.sync_button.click()


# -- the dashboard over every account ------------------------------------------------------------------------------
def test_the_dashboard_adds_up_two_accounts_per_currency(make_app, shop, private_panel, qtbot):
    product = shop.product(name="Dollar VPS")
    here = shop.user(credits="25.00")
    buy(here, product["id"])                                   # $10.00 paid this month, $15.00 credit left
    other = private_panel()
    euro_shop = Shop(admin_of(other))
    euro_shop.settings(currency_code="EUR", currency_symbol="€", paypal_enabled=True)
    euro_product = euro_shop.product(name="Euro VPS")
    there = euro_shop.user(credits="5.00")
    there.data("POST", "/billing/checkout", {"items": [{"product_id": euro_product["id"], "billing_cycle": "monthly"}],
                                            "payment_method": "paypal", "use_credits": False,
                                            "return_url": "http://127.0.0.1:1/r", "cancel_url": "http://127.0.0.1:1/c"},
               expect=201)                                    # €10.00 due, its service pending
    app = make_app()
    add_account(qtbot, app, shop.admin.panel.url, here.user["email"], name="Dollars")
    add_account(qtbot, app, other.url, there.user["email"], name="Euros")
    app.window.select_section("dashboard")
    dashboard = app.window.sections["dashboard"]
    assert dashboard.cards["due"].value.text() == "€10.00"      # the current account: Euros

    dashboard.all_button.click()
    qtbot.waitUntil(lambda: dashboard.synced.text() == "2 accounts with saved data", timeout=WAIT)
    figures = {name: card.value.text() for name, card in dashboard.cards.items()}
    assert figures["services"] == "1"                           # Euros' service is still pending
    assert figures["due"] == "€10.00" and figures["overdue"] == "0"
    assert figures["credits"] == "$15.00 + €5.00"               # never added across currencies
    assert "Dollars: 1 active · $0.00 due · $15.00 credit" in dashboard.breakdown.text()
    assert "Euros: 0 active · €10.00 due · €5.00 credit" in dashboard.breakdown.text()
    chart = dashboard.chart
    assert set(chart.totals) == {"USD"} and sum(chart.totals["USD"].values()) == Decimal("10.00")
    assert [s.label() for s in chart.series.barSets()] == ["$ USD"]
    assert chart.series.barSets()[0].at(len(chart.months) - 1) == 10.0

    dashboard.this_button.click()
    assert dashboard.cards["credits"].value.text() == "€5.00" and not dashboard.breakdown.isVisible()


def test_top_up_opens_the_checkout_for_the_amount_and_needs_the_panel(make_app, private_panel, qtbot):
    proc = private_panel()
    shop = Shop(admin_of(proc))
    shop.settings(paypal_enabled=True)
    user = shop.user(credits="1.00")
    app = make_app()
    add_account(qtbot, app, proc.url, user.user["email"])
    app.window.select_section("credits")
    credits = app.window.sections["credits"]
    assert credits.top_up_row.isVisible() and not credits.top_up_button.isEnabled()
    credits.top_up_amount.setText("20")
    assert credits.top_up_button.isEnabled()
    credits.top_up_button.click()
    qtbot.waitUntil(lambda: bool(app.checkout_sessions), timeout=WAIT)
    session = app.checkout_sessions[-1]
    assert (session.kind, session.request) == ("top_up", {"amount": "20.00"})
    session.dialog.reject()
    proc.stop()
    with qtbot.waitSignal(app.sync_failed, timeout=WAIT):
        sync_now_click(app)
    assert not credits.top_up_button.isEnabled()
    assert credits.top_up_message.text() == "Offline: topping up needs a connection to the panel."
