"""Back on a record's page returns where the user came from, and its button says where: a Credits row's invoice
back to Credits (it went to the Invoices list), the Dashboard's recent order back to the Dashboard, a service's
invoice back to that service's page (and from there to the Services list), an order's invoice and service back to
the order, Go to… (Ctrl+K) and a notice back to the screen they were chosen on, another account's invoice chosen
in the All-accounts Credits back to Credits in that scope. A page opened from its own list still returns to it.
The whole window over canned panels (test_drift_actions' canned_app)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from app.api import Credentials
from app.cache import CacheChanges, open_account_cache

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    LISTS,
    SYNCED,
    Panel,
    canned_app,
    credit,
    invoice,
    order,
    service,
    settle,
)

pytestmark = pytest.mark.usefixtures("utc")
NONE = Qt.KeyboardModifier.NoModifier


def account(app, name: str, port: int, rows: dict[str, list[dict]], config: dict | None = None):
    """An account of its own panel whose cache holds `rows`; its panel answers a record's page with those rows."""
    added = app.sessions.add(name=name, panel_url=f"http://127.0.0.1:{port}", email="ada@example.test",
                             auth_kind="api_key", credentials=Credentials.from_api_key("bp_canned"))
    session = app.sessions.get(added.id)
    by_id = {table: {r["id"]: r for r in table_rows} for table, table_rows in rows.items()}
    answers = {"invoice": lambda iid: by_id["invoices"][iid], "order": lambda oid: by_id["orders"][oid],
               "service": lambda sid: by_id["services"][sid],
               "service_invoices": lambda sid: [r for r in rows["invoices"] if r["lines"][0]["service_id"] == sid]}
    session.open_client = lambda cancellation=None: Panel(answers)
    with open_account_cache(added.id) as cache:
        cache.apply(CacheChanges(upserts=rows, config={**CONFIG, "credits": {"enabled": True, "balance": "6.00",
                                                                              "currency": "USD"}, **(config or {})},
                                 sync_state={list_name: {"last_synced_at": SYNCED, "server_time": SYNCED}
                                             for list_name in LISTS}))
    session.reload()
    settle()
    return added


def records() -> dict[str, list[dict]]:
    spent = {**credit(1, "-4.00", "6.00", "payment"), "note": "Paid INV-000001", "invoice_id": "i-1"}
    return {"invoices": [invoice(1, "paid", "0.00", order_id="o-1"), invoice(2, "paid", "0.00", order_id="o-2")],
            "orders": [order(1, "active"), order(2, "active")],
            "services": [service(1, "active", "2027-01-06"), service(2, "active", "2027-01-06")],
            "credit_transactions": [spent, credit(2, "10.00", "10.00")]}


@pytest.fixture
def window(canned_app):  # noqa: F811
    account(canned_app, "Ann", 9, records())
    settle()
    return canned_app.window


def on_row(table, text: str, column: int = 0) -> None:
    """The row whose cell in `column` reads `text`, chosen and focused."""
    model = table.model()
    row = next(r for r in range(model.rowCount()) if text in str(model.index(r, column).data()))
    table.setCurrentIndex(model.index(row, column))
    table.setFocus()


def note_column(section) -> int:
    return section.model.column_of("note")


def back(qtbot, page, alt_left: bool = False) -> None:
    """Back as the user presses it: Escape on the page, or Alt+Left (the platform's Back key)."""
    page.setFocus()
    if alt_left:
        qtbot.keyClick(page, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
        qtbot.waitUntil(lambda: not page.isVisible())      # a shortcut clicks the button animated
    else:
        qtbot.keyClick(page, Qt.Key.Key_Escape, NONE)
    settle()


def test_a_credits_row_opens_its_invoice_and_back_returns_to_credits(window, qtbot):
    credits, invoices = window.sections["credits"], window.sections["invoices"]
    window.select_section("credits")
    on_row(credits.table, "Paid INV-000001", note_column(credits))
    qtbot.keyClick(credits.table, Qt.Key.Key_Return, NONE)
    qtbot.waitUntil(lambda: window.current_key == "invoices" and invoices.page_open)
    assert invoices.page.back.text() == "← Credits"        # never "All invoices" for a way back to Credits
    back(qtbot, invoices.page, alt_left=True)
    assert window.current_key == "credits"
    assert QApplication.focusWidget() is credits.table      # where the user left off, ready for the next row
    # Invoices chosen later shows its list, not the page left behind; a row opened there goes back to the list.
    window.select_section("invoices")
    assert not invoices.page_open
    on_row(invoices.table, "INV-000002", invoices.model.column_of("invoice_number"))
    qtbot.keyClick(invoices.table, Qt.Key.Key_Return, NONE)
    assert invoices.page_open and invoices.page.back.text() == "← All invoices"
    back(qtbot, invoices.page)
    assert window.current_key == "invoices" and not invoices.page_open


def test_the_dashboards_recent_order_returns_to_the_dashboard(window, qtbot):
    window.select_section("dashboard")
    orders = window.sections["orders"]
    button = window.sections["dashboard"].recent_orders.buttons[0]
    button.click()
    assert window.current_key == "orders" and orders.page_open
    assert orders.page.back.text() == "← Dashboard"
    back(qtbot, orders.page)
    assert window.current_key == "dashboard"


def test_a_services_invoice_returns_to_that_service_and_then_to_the_services(window, qtbot):
    services, invoices = window.sections["services"], window.sections["invoices"]
    window.select_section("services")
    on_row(services.table, "Canned VPS", services.model.column_of("product_name")
           if services.model.column_of("product_name") >= 0 else 0)
    qtbot.keyClick(services.table, Qt.Key.Key_Return, NONE)
    assert services.page_open
    service_id = services.page.service_id
    qtbot.waitUntil(lambda: services.page.invoices_model.rowCount() == 1)
    services.page.invoices.activated.emit(services.page.invoices_model.index(0, 0))
    assert window.current_key == "invoices" and invoices.page_open
    assert invoices.page.back.text() == "← Canned VPS"
    back(qtbot, invoices.page, alt_left=True)      # the key still works on a button that changed its words
    assert window.current_key == "services" and services.page_open and services.page.service_id == service_id
    assert services.page.back.text() == "← All services"
    back(qtbot, services.page)
    assert window.current_key == "services" and not services.page_open


def test_an_orders_invoice_and_service_return_to_the_order_and_the_order_to_its_list(window, qtbot):
    orders, invoices, services = (window.sections[k] for k in ("orders", "invoices", "services"))
    window.select_section("orders")
    assert orders.open_order("o-2")
    orders.page.invoice_button.click()
    assert window.current_key == "invoices" and invoices.page.invoice_id == "i-2"
    assert invoices.page.back.text() == "← Order ORD-000002"
    back(qtbot, invoices.page)
    assert window.current_key == "orders" and orders.page_open and orders.page.order_id == "o-2"
    orders.page.findChild(QPushButton, "orderServiceButton").click()
    assert window.current_key == "services" and services.page_open
    back(qtbot, services.page)
    assert window.current_key == "orders" and orders.page.order_id == "o-2"
    back(qtbot, orders.page)
    assert window.current_key == "orders" and not orders.page_open


def test_an_invoice_order_invoice_trail_unwinds_in_order(window, qtbot):
    """Invoice 1 from Credits, its order, the order's invoice (the same one again): Back retraces each step."""
    credits, invoices, orders = (window.sections[k] for k in ("credits", "invoices", "orders"))
    window.select_section("credits")
    on_row(credits.table, "Paid INV-000001", note_column(credits))
    qtbot.keyClick(credits.table, Qt.Key.Key_Return, NONE)
    invoices.page.order_button.click()
    assert window.current_key == "orders" and orders.page.back.text() == "← Invoice INV-000001"
    orders.page.invoice_button.click()
    assert window.current_key == "invoices" and invoices.page.back.text() == "← Credits"   # the same page again
    back(qtbot, invoices.page)
    assert window.current_key == "credits"


def test_go_to_returns_to_the_screen_it_was_chosen_on(window, qtbot):
    invoices = window.sections["invoices"]
    window.select_section("credits")
    window.open_go_to()
    qtbot.waitUntil(lambda: window.go_to_dialog is not None and window.go_to_dialog.isVisible())
    dialog = window.go_to_dialog
    qtbot.keyClicks(dialog.field, "INV-000002")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    assert window.current_key == "invoices" and invoices.page.invoice_id == "i-2"
    assert invoices.page.back.text() == "← Credits"
    back(qtbot, invoices.page)
    assert window.current_key == "credits"


def test_a_notice_or_a_link_returns_to_the_screen_under_it(window, qtbot):
    """What a notice, a sett:// link or a checkout's next step opens (`open_record`) returns where the user was."""
    window.select_section("dashboard")
    assert window.open_record("service", "s-2")
    services = window.sections["services"]
    assert services.page.back.text() == "← Dashboard"
    back(qtbot, services.page)
    assert window.current_key == "dashboard"


def test_a_page_opened_where_it_already_shows_keeps_its_own_way_back(window, qtbot):
    """Paying an invoice opened from Credits ends on "View invoice" (the same page): Back still goes to Credits."""
    credits, invoices = window.sections["credits"], window.sections["invoices"]
    window.select_section("credits")
    on_row(credits.table, "Paid INV-000001", note_column(credits))
    qtbot.keyClick(credits.table, Qt.Key.Key_Return, NONE)
    assert window.open_record("invoice", "i-1")
    assert invoices.page.back.text() == "← Credits"
    back(qtbot, invoices.page)
    assert window.current_key == "credits"


def test_another_accounts_invoice_from_all_accounts_credits_returns_to_that_scope(canned_app, qtbot):  # noqa: F811
    app = canned_app
    first = account(app, "Ann", 9, records())
    second = account(app, "Bob", 10, records())
    settle()
    window = app.window
    credits, invoices = window.sections["credits"], window.sections["invoices"]
    assert app.sessions.current_id == second.id
    window.select_section("credits")
    credits.scope_toggle.all_button.click()
    qtbot.waitUntil(lambda: credits.everything is not None and credits.model.rowCount() == 4)
    model = credits.model
    row = next(r for r in range(model.rowCount()) if model.row(r).get("note") == "Paid INV-000001"
               and model.row(r).get("account_id") == first.id)
    credits.table.setCurrentIndex(model.index(row, 0))
    credits.table.setFocus()
    qtbot.keyClick(credits.table, Qt.Key.Key_Return, NONE)
    qtbot.waitUntil(lambda: app.sessions.current_id == first.id and invoices.page_open)
    assert invoices.page.back.text() == "← Credits"
    back(qtbot, invoices.page)
    assert window.current_key == "credits" and credits.scope == "all"
    assert app.sessions.current_id == first.id        # Back returns to a place, it does not switch accounts


def test_a_record_page_returned_to_in_another_account_is_not_reopened_there(canned_app, qtbot):  # noqa: F811
    """Go to… Bob's invoice from Ann's order page: Bob's account has an order of the same id, another order, so
    Back says and goes to Orders (its list), never to Bob's order under Ann's order's name."""
    app = canned_app
    first = account(app, "Ann", 9, records())
    second = account(app, "Bob", 10, records())
    window = app.window
    app.sessions.select(first.id)
    settle()
    orders, invoices = window.sections["orders"], window.sections["invoices"]
    window.select_section("orders")
    assert orders.open_order("o-1")
    window.go_to("invoice", "i-2", second.id)
    qtbot.waitUntil(lambda: app.sessions.current_id == second.id and invoices.page_open)
    assert invoices.page.back.text() == "← Orders"
    back(qtbot, invoices.page)
    assert window.current_key == "orders" and not orders.page_open


def test_back_to_a_list_shows_the_list_though_a_page_opened_there_since(window, qtbot):
    """An invoice opened from the Orders list by Go to…; meanwhile an order's page opened on Orders (a notice):
    Back from the invoice says Orders and shows the Orders list, where the user was, not that order's page."""
    orders, invoices = window.sections["orders"], window.sections["invoices"]
    window.select_section("orders")
    window.go_to("invoice", "i-1")
    assert invoices.page.back.text() == "← Orders"
    assert orders.open_order("o-2")           # the Orders screen, hidden, now shows an order's page
    window.select_section("invoices")
    back(qtbot, invoices.page)
    assert window.current_key == "orders" and not orders.page_open


def test_a_ticket_sent_from_get_help_returns_to_the_invoice_it_is_about(canned_app, qtbot):  # noqa: F811
    """"Get help with this" on an invoice opened from Credits: the ticket it sends opens on Support; Back goes to
    that invoice (which still goes back to Credits). A ticket opened from the Support list later goes to the list."""
    app = canned_app
    account(app, "Ann", 9, records(), config={"public_settings": {**CONFIG["public_settings"],
                                                                  "tickets_enabled": True}})
    window = app.window
    credits, invoices, support = (window.sections[k] for k in ("credits", "invoices", "support"))
    window.select_section("credits")
    on_row(credits.table, "Paid INV-000001", note_column(credits))
    qtbot.keyClick(credits.table, Qt.Key.Key_Return, NONE)
    assert invoices.page.help_button.isVisible()
    invoices.page.help_button.click()
    assert window.current_key == "support" and support.dialog is not None
    support.dialog.reject()
    sent = {"id": "t-9", "ticket_number": "TKT-000009", "subject": "Question about INV-000001", "status": "open",
            "department": "billing", "created_at": SYNCED, "updated_at": SYNCED, "related": {"invoice_id": "i-1"}}
    assert support.open_ticket("t-9", sent)             # what the feature does once the panel made it
    assert support.page.back.text() == "← Invoice INV-000001"
    back(qtbot, support.page)
    assert window.current_key == "invoices" and invoices.page.invoice_id == "i-1"
    assert invoices.page.back.text() == "← Credits"


def test_a_new_ticket_not_sent_leaves_nothing_behind_for_the_next_ticket_opened(canned_app, qtbot):  # noqa: F811
    app = canned_app
    ticket = {"id": "t-1", "ticket_number": "TKT-000001", "subject": "Old one", "status": "open",
              "department": "billing", "created_at": SYNCED, "updated_at": SYNCED, "last_reply_at": SYNCED}
    account(app, "Ann", 9, {**records(), "tickets": [ticket]},
            config={"public_settings": {**CONFIG["public_settings"], "tickets_enabled": True}})
    window = app.window
    invoices, support = window.sections["invoices"], window.sections["support"]
    window.go_to("invoice", "i-1")
    invoices.page.help_button.click()
    support.dialog.reject()                    # not sent: the user stays on Support and opens one of its rows
    on_row(support.table, "Old one", support.model.column_of("subject"))
    qtbot.keyClick(support.table, Qt.Key.Key_Return, NONE)
    assert support.page_open and support.page.back.text() == "← All tickets"


def test_the_back_button_names_a_place_as_it_reads():
    """A service's name is the panel's: an "&" in it is a character, not a key (Alt+D never pressed "R&D VPS"),
    and a name longer than a button should be ends in "…" rather than widening the page."""
    from app.views.back_trail import TITLE_CHARS, back_text

    assert back_text("R&D VPS") == "← R&&D VPS"
    long = back_text("Dedicated game server for the whole guild, Frankfurt rack 7")
    assert long.endswith("…") and len(long) == len("← ") + TITLE_CHARS
