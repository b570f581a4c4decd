"""The "All accounts" scope of the Orders and Support lists: every account's orders (totals in each account's own
currency) and support tickets (of the panels that take tickets) with an Account column, rows that open in their own
account. Widget tests use sample accounts; the last test drives the app against a real panel with two accounts, then
offline from their caches."""
from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt

from app.core.account_data import AccountData
from app.models.all_accounts import gather
from app.views.orders import OrdersSection
from app.views.support import SupportSection
from tests.support.catalogue import Shop, buy
from tests.support.panel import Api

from . import samples
from .conftest import WAIT, add_account, admin_of, close
from .test_all_accounts import column, headers, rows_of, shown

pytestmark = [pytest.mark.qt_log_level_fail("WARNING"), pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.usefixtures("utc")]


def ticket(tid: str, number: str, subject: str, status: str) -> dict:
    return {"id": tid, "ticket_number": number, "subject": subject, "status": status, "department": "billing",
            "related": {"invoice_id": None, "service_id": None}, "created_at": "2026-11-20T10:00:00Z",
            "last_reply_at": "2026-11-21T10:00:00Z", "updated_at": "2026-11-21T10:00:00Z"}


def order(oid: str, number: str, status: str, total: str, invoice_id: str) -> dict:
    return {"id": oid, "order_number": number, "status": status, "total": total, "invoice_id": invoice_id,
            "created_at": "2026-11-01T10:00:00Z"}


@pytest.fixture
def euros(tmp_path) -> AccountData:
    return samples.account_data(
        tmp_path, orders=[order("ord-1", "ORD-0001", "pending", "25.00", "inv-4"),       # its invoice is overdue
                          order("ord-2", "ORD-0002", "active", "12.00", "inv-3")],
        tickets=[ticket("t-1", "TKT-000001", "Why twice?", "open"),
                 ticket("t-2", "TKT-000002", "Old question", "closed")])


@pytest.fixture
def dollars(euros) -> AccountData:
    """A second account in dollars: one active order (its invoice paid) and one answered ticket."""
    def usd(row: dict) -> dict:
        return {**row, "id": f"usd-{row['id']}", "currency": "USD"}
    return dataclasses.replace(
        euros, account_id="acct-usd", invoices=[usd(r) for r in euros.invoices if r["id"] == "inv-1"],
        billing_config={**euros.billing_config, "currency": {"code": "USD", "symbol": "$", "places": 2}},
        orders=[order("usd-ord-1", "ORD-0001", "active", "10.00", "usd-inv-1")],
        tickets=[ticket("usd-t-1", "TKT-000001", "Dollar question", "answered")])


@pytest.fixture
def no_tickets(dollars) -> AccountData:
    """A third account whose panel switched tickets off: its saved tickets are not listed."""
    return dataclasses.replace(dollars, account_id="acct-off", public_settings={"tickets_enabled": False},
                               tickets=[ticket("off-t-1", "TKT-000009", "Never shown", "open")])


def test_all_accounts_orders_show_every_accounts_orders_in_their_own_currency(qtbot, euros, dollars):
    section = shown(qtbot, OrdersSection, euros)
    assert headers(section)[0] == "Order" and "1 order not paid yet" in section.summary.text()
    section.scope_toggle.all_button.click()
    section.show_all(gather([("Euros", euros), ("Dollars", dollars)]))
    assert headers(section)[:2] == ["Account", "Order"]
    assert rows_of(section, "account", "order_number", "total", "invoice_number", "status") == [
        ("Dollars", "ORD-0001", "$10.00", "INV-2026-0001", "Active"),
        ("Euros", "ORD-0001", "€25.00", "INV-2026-0004", "Awaiting payment"),
        ("Euros", "ORD-0002", "€12.00", "INV-2026-0003", "Active")]
    assert section.summary.text().startswith("Across 2 accounts · 1 order not paid yet")
    qtbot.keyClicks(section.filters.search, "dollars")
    assert column(section, "account") == ["Dollars"]

    chosen = []
    section.row_chosen.connect(lambda account_id, row_id: chosen.append((account_id, row_id)))
    section.table.setCurrentIndex(section.table.model().index(0, 0))
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert chosen == [("acct-usd", "usd-ord-1")] and not section.page_open

    section.scope_toggle.this_button.click()          # this account's orders again, without the Account column
    section.filters.search.clear()
    assert headers(section)[0] == "Order" and sorted(column(section, "order_number")) == ["ORD-0001", "ORD-0002"]
    assert section.open_order("ord-1") and section.page.title.text() == "Order ORD-0001"


def test_all_accounts_support_lists_the_tickets_of_every_panel_that_takes_them(qtbot, euros, dollars, no_tickets):
    section = shown(qtbot, SupportSection, euros)
    assert headers(section)[0] == "Ticket" and section.new_button.isVisible()
    section.apply_filter({"scope": "all"})
    assert not section.new_button.isVisible()          # a new ticket is one account's
    section.show_all(gather([("Euros", euros), ("Dollars", dollars), ("Off", no_tickets)]))
    assert headers(section)[:3] == ["Account", "Ticket", "Subject"]
    assert rows_of(section, "account", "ticket_number", "subject", "status") == [
        ("Dollars", "TKT-000001", "Dollar question", "Answered"),
        ("Euros", "TKT-000001", "Why twice?", "Open"),
        ("Euros", "TKT-000002", "Old question", "Closed")]
    assert section.summary.text() == "Across 3 accounts · 2 open tickets."
    section.filters.set_statuses("answered")
    chosen = []
    section.row_chosen.connect(lambda account_id, row_id: chosen.append((account_id, row_id)))
    section.table.setCurrentIndex(section.table.model().index(0, 0))
    qtbot.keyClick(section.table, Qt.Key.Key_Return)
    assert chosen == [("acct-usd", "usd-t-1")] and not section.page_open

    section.scope_toggle.this_button.click()
    section.filters.set_statuses(None)
    assert headers(section)[0] == "Ticket" and section.new_button.isVisible()
    assert column(section, "subject") == ["Why twice?", "Old question"]


def test_a_panel_without_tickets_still_leads_to_the_tickets_of_the_other_accounts(qtbot, euros, no_tickets):
    section = shown(qtbot, SupportSection, no_tickets)
    assert section.stack.currentWidget() is section.off
    assert section.all_tickets_button.isVisible()             # the feature said there are two accounts
    section.all_tickets_button.click()
    assert section.scope == "all" and section.stack.currentWidget() is section.listing
    section.show_all(gather([("Euros", euros), ("Off", no_tickets)]))
    assert {a for a, in rows_of(section, "account")} == {"Euros"}
    section.scope_toggle.this_button.click()
    assert section.stack.currentWidget() is section.off
    section.set_scope_available(False)
    assert not section.all_tickets_button.isVisibleTo(section.off)


# -- the app against a real panel -----------------------------------------------------------------------------------
def new_ticket(user: Api, subject: str, body: str) -> dict:
    return user.data("POST", "/support/tickets", {"subject": subject, "department": "billing", "body": body},
                     expect=201)


def open_row(qtbot, section, account: str, key: str, value: str) -> None:
    """Press Enter on the row of `account` whose `key` column shows `value`."""
    found = list(zip(column(section, "account"), column(section, key), strict=True))
    section.table.setCurrentIndex(section.table.model().index(found.index((account, value)), 0))
    section.table.setFocus()
    qtbot.keyClick(section.table, Qt.Key.Key_Return)


def bodies(page) -> list[str]:
    return [view.body.text() for view in page.messages]


@pytest.mark.slow
def test_support_and_orders_of_two_accounts_open_in_their_account_online_and_offline(make_app, private_panel,
                                                                                    qtbot):
    proc = private_panel()
    shop = Shop(admin_of(proc))
    shop.settings(tickets_enabled=True)
    product = shop.product(name="Scoped VPS")
    ann, bob = shop.user(credits="10.00"), shop.user(credits="10.00")
    ann_order, bob_order = buy(ann, product["id"])["order"], buy(bob, product["id"])["order"]
    ann_ticket = new_ticket(ann, "Ann's question", "<script>alert('ann')</script> Why twice?")
    bob_ticket = new_ticket(bob, "Bob's question", "Where is my server?")
    shop.admin.data("POST", f"/admin/support/tickets/{ann_ticket['id']}/replies", {"body": "Refunded."},
                    expect=201)
    app = make_app()
    ann_account = add_account(qtbot, app, proc.url, ann.user["email"], name="Ann")
    bob_account = add_account(qtbot, app, proc.url, bob.user["email"], name="Bob")
    assert app.current_id == bob_account.id
    window, support, orders = app.window, app.window.sections["support"], app.window.sections["orders"]

    # Support, All accounts: both accounts' tickets with their names; Ann's opens in Ann's account.
    window.select_section("support")
    assert support.scope_toggle.isVisible()
    support.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: support.table.model().rowCount() == 2, timeout=WAIT)
    assert headers(support)[0] == "Account"
    assert rows_of(support, "account", "ticket_number", "subject", "status") == [
        ("Ann", ann_ticket["ticket_number"], "Ann's question", "Answered"),
        ("Bob", bob_ticket["ticket_number"], "Bob's question", "Open")]
    open_row(qtbot, support, "Ann", "subject", "Ann's question")
    qtbot.waitUntil(lambda: support.page_open and bodies(support.page) == [
        "<script>alert('ann')</script> Why twice?", "Refunded."], timeout=WAIT)
    assert app.current_id == ann_account.id and window.switcher.combo.currentText() == "Ann"
    assert support.page.ticket_id == ann_ticket["id"] and support.scope == "account"
    assert support.page.messages[0].body.textFormat() == Qt.TextFormat.PlainText
    support.page.back_requested.emit()      # back where the row was opened: the All-accounts list
    assert support.scope == "all" and headers(support)[0] == "Account"

    # A change of the other account reaches the All-accounts list: Bob opens a ticket, Bob's account syncs.
    support.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: support.table.model().rowCount() == 2, timeout=WAIT)
    late = new_ticket(bob, "Bob again", "One more thing")
    app.sync.sync(bob_account.id)
    qtbot.waitUntil(lambda: support.table.model().rowCount() == 3, timeout=WAIT)
    assert ("Bob", late["ticket_number"]) in rows_of(support, "account", "ticket_number")
    assert support.summary.text() == "Across 2 accounts · 3 open tickets."

    # Orders, All accounts: both orders with their names and totals; Bob's opens in Bob's account.
    window.select_section("orders")
    orders.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: orders.table.model().rowCount() == 2, timeout=WAIT)
    assert headers(orders)[0] == "Account"
    assert rows_of(orders, "account", "order_number", "total") == [
        ("Ann", ann_order["order_number"], "$10.00"), ("Bob", bob_order["order_number"], "$10.00")]
    open_row(qtbot, orders, "Bob", "order_number", bob_order["order_number"])
    qtbot.waitUntil(lambda: orders.page_open, timeout=WAIT)
    assert app.current_id == bob_account.id and orders.page.order_id == bob_order["id"]
    assert orders.page.title.text() == f"Order {bob_order['order_number']}" and orders.scope == "account"

    # Offline, from the caches: another start with the panel gone; Ann's ticket opens with its saved conversation.
    close(app)
    proc.stop()
    app = make_app()
    window, support = app.window, app.window.sections["support"]
    assert app.current_id == bob_account.id
    window.select_section("support")
    support.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: support.table.model().rowCount() == 3, timeout=WAIT)
    assert ann_account.id not in app.data            # read when switched to: the ticket opens after that
    open_row(qtbot, support, "Ann", "subject", "Ann's question")
    qtbot.waitUntil(lambda: support.page_open and len(support.page.messages) == 2, timeout=WAIT)
    assert app.current_id == ann_account.id and bodies(support.page)[1] == "Refunded."
    window.select_section("orders")
    orders = window.sections["orders"]
    orders.apply_filter({"scope": "all"})
    qtbot.waitUntil(lambda: orders.table.model().rowCount() == 2, timeout=WAIT)
    assert {a for a, in rows_of(orders, "account")} == {"Ann", "Bob"}
