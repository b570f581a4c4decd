"""A cache written before answers were checked (an older Sett, a hostile panel) may hold numbers, true/false or
direction controls where the screens write text: a product's name, a status, an invoice or ticket number. Until
that row syncs again, what the cache hands out is shaped as a checked answer would be, so the screens draw it."""
from __future__ import annotations

import json
import sqlite3

import pytest

from app.api import validate
from app.cache import AccountCache, CacheChanges
from app.core.panel_text import TEXT_FIELDS, as_text
from app.session.data import load_account_data
from tests.gui import samples

BIG = 10**25


def _tamper(path, table: str, key: str, change) -> None:
    """Rewrite one stored row's JSON straight in the file, as an older Sett could have left it."""
    with sqlite3.connect(path) as conn:
        (raw,) = conn.execute(f"SELECT data FROM [{table}] WHERE id = ?", [key]).fetchone()
        row = json.loads(raw)
        change(row)
        conn.execute(f"UPDATE [{table}] SET data = ? WHERE id = ?", [json.dumps(row), key])


def _tamper_config(path, key: str, change) -> None:
    with sqlite3.connect(path) as conn:
        (raw,) = conn.execute("SELECT value FROM config WHERE key = ?", [key]).fetchone()
        value = json.loads(raw)
        change(value)
        conn.execute("UPDATE config SET value = ? WHERE key = ?", [json.dumps(value), key])


@pytest.fixture
def cache_file(tmp_path):
    path = tmp_path / "acct.sqlite3"
    cache = AccountCache(path)
    cache.apply(CacheChanges(
        upserts={"categories": samples.CATEGORIES, "products": samples.PRODUCTS, "services": samples.SERVICES,
                 "invoices": samples.INVOICES, "orders": [samples.ORDER], "tickets": [samples.TICKET],
                 "notifications": [samples.NOTIFICATION], "credit_transactions": samples.CREDIT_TRANSACTIONS},
        config={"public_settings": samples.PUBLIC_SETTINGS, "billing_config": samples.BILLING_CONFIG,
                "me": samples.ME, "dashboard": samples.DASHBOARD, "credits": samples.CREDITS}))
    cache.close()
    return path


def _read(path):
    cache = AccountCache(path)
    try:
        with cache.snapshot():
            return load_account_data("acct-1", cache), cache.ticket("t-1"), cache.invoice("inv-4")
    finally:
        cache.close()


def test_numbers_in_text_fields_of_an_old_cache_come_out_as_text(cache_file):
    service_id = samples.SERVICES[0]["id"]

    def service(row):
        row["product"]["name"] = BIG
        row["status"] = 7

    def ticket(row):
        row["ticket_number"] = 12
        row["subject"] = True
        row["messages"][0]["author"]["name"] = 3.5
        row["messages"][0]["body"] = 42

    def order(row):
        row["order_number"] = 1001
        row["items"][0]["product_name"] = 99

    _tamper(cache_file, "services", service_id, service)
    _tamper(cache_file, "tickets", "t-1", ticket)
    _tamper(cache_file, "orders", "ord-1", order)
    _tamper(cache_file, "invoices", "inv-4", lambda row: row.update(invoice_number=4, status=5))
    _tamper(cache_file, "products", samples.PRODUCTS[0]["id"], lambda row: row.update(name=8))
    _tamper(cache_file, "notifications", "n-1", lambda row: row.update(title=1, message=2))
    _tamper_config(cache_file, "me", lambda value: value.update(first_name=77))
    _tamper_config(cache_file, "public_settings", lambda value: value.update(panel_name=5))
    with sqlite3.connect(cache_file) as conn:     # the columns the invoice table reads, as an old file holds them
        conn.execute("UPDATE invoices SET invoice_number = 4, status = 5 WHERE id = 'inv-4'")

    data, ticket_row, invoice = _read(cache_file)

    shown = next(s for s in data.services if s["id"] == service_id)
    assert shown["product"]["name"] == str(BIG) and shown["status"] == "7"
    assert ticket_row["ticket_number"] == "12" and ticket_row["subject"] == "true"
    assert ticket_row["messages"][0]["author"] == {"name": "3.5", "staff": False}
    assert ticket_row["messages"][0]["body"] == "42"
    assert data.tickets[0]["ticket_number"] == "12"
    assert data.orders[0]["order_number"] == "1001" and data.orders[0]["items"][0]["product_name"] == "99"
    assert invoice["invoice_number"] == "4" and invoice["status"] == "5"
    row = next(r for r in data.invoices if r["id"] == "inv-4")
    assert row["invoice_number"] == "4" and row["status"] == "5"
    assert data.products[0]["name"] == "8" or any(p["name"] == "8" for p in data.products)
    assert data.notifications[0]["title"] == "1" and data.notifications[0]["message"] == "2"
    assert data.me["first_name"] == "77" and data.public_settings["panel_name"] == "5"
    # Amounts, counts, flags and objects are left as they were.
    assert shown["recurring_amount"] == samples.SERVICES[0]["recurring_amount"]
    assert ticket_row["messages"][0]["author"]["staff"] is False
    assert data.billing_config["currency"] == samples.BILLING_CONFIG["currency"]


def test_direction_controls_in_an_old_cache_are_dropped(cache_file):
    _tamper(cache_file, "invoices", "inv-4", lambda row: row.update(status="paid\u202e"))
    _tamper(cache_file, "tickets", "t-1", lambda row: row.update(subject="\u2067abc\u2069 refund"))
    with sqlite3.connect(cache_file) as conn:
        conn.execute("UPDATE invoices SET invoice_number = ?, status = 'paid' WHERE id = 'inv-4'", ["\u202eINV-4"])
    data, ticket_row, invoice = _read(cache_file)
    assert invoice["status"] == "paid"
    assert next(r for r in data.invoices if r["id"] == "inv-4")["invoice_number"] == "INV-4"
    assert ticket_row["subject"] == "abc refund"


def test_the_screens_draw_a_tampered_cache(qtbot, cache_file):
    """The record pages are drawn from what the cache hands out: before, QLabel.setText(int) raised there."""
    from app.views.order_page import OrderPage
    from app.views.service_page import ServicePage
    from app.views.ticket_page import TicketPage

    _tamper(cache_file, "services", samples.SERVICES[0]["id"],
            lambda row: row["product"].update(name=BIG) or row.update(status=BIG))
    _tamper(cache_file, "tickets", "t-1", lambda row: row.update(ticket_number=12, subject=13))
    _tamper(cache_file, "orders", "ord-1", lambda row: row.update(status=3, order_number=4))
    data, ticket_row, _invoice = _read(cache_file)
    service = next(s for s in data.services if s["id"] == samples.SERVICES[0]["id"])
    for page, show, record in ((ServicePage(), "show_service", service), (TicketPage(), "show_ticket", ticket_row),
                               (OrderPage(), "show_order", data.orders[0])):
        qtbot.addWidget(page)
        getattr(page, show)(record, data)


def test_the_cache_knows_every_field_the_answers_read_as_text():
    assert validate._text_keys() <= TEXT_FIELDS


def test_as_text_leaves_objects_under_a_text_name_alone():
    config = {"currency": {"code": 978, "symbol": "€", "places": 2}, "address_lines": ["Main St 1", 12, None]}
    assert as_text(config) == {"currency": {"code": "978", "symbol": "€", "places": 2},
                               "address_lines": ["Main St 1", "12", None]}


def test_objects_and_lists_where_text_belongs_come_out_as_their_text(qtbot, cache_file):
    from app.views.service_page import ServicePage

    service_id = samples.SERVICES[0]["id"]

    def service(row):
        row["product"]["name"] = {"en": "VPS"}
        row["status"] = ["active"]

    _tamper(cache_file, "services", service_id, service)
    _tamper_config(cache_file, "billing_config", lambda value: value.update(
        seller={"name": 5, "address_lines": "Main St 1", "country": "DE"}))
    data, _ticket, _invoice = _read(cache_file)
    shown = next(s for s in data.services if s["id"] == service_id)
    assert shown["product"]["name"] == '{"en":"VPS"}' and shown["status"] == '["active"]'
    assert data.billing_config["seller"] == {"name": "5", "address_lines": ["Main St 1"], "country": "DE"}
    assert data.billing_config["currency"] == samples.BILLING_CONFIG["currency"]     # an object where it belongs
    page = ServicePage()
    qtbot.addWidget(page)
    page.show_service(shown, data)


def test_objects_and_lists_of_the_wrong_shape_in_an_old_cache_count_as_absent(qtbot, cache_file):
    """What a record page reads as an object or a list (a service's server and cancellation, an order's items, a
    ticket's messages) holding something else in an old cache: absent or empty, and each page draws."""
    from app.views.order_page import OrderPage
    from app.views.service_page import ServicePage
    from app.views.ticket_page import TicketPage

    service_id = samples.SERVICES[0]["id"]
    _tamper(cache_file, "services", service_id, lambda row: row.update(server="srv-1", cancellation=[1],
                                                                       config=5))
    _tamper(cache_file, "orders", "ord-1", lambda row: row.update(items={"a": 1}, service_ids="svc-1"))
    _tamper(cache_file, "tickets", "t-1", lambda row: row.update(messages=["hi", samples.TICKET["messages"][0]],
                                                                 related="inv-4"))
    data, ticket_row, _invoice = _read(cache_file)
    shown = next(s for s in data.services if s["id"] == service_id)
    assert (shown["server"], shown["cancellation"], shown["config"]) == (None, None, None)
    assert data.orders[0]["items"] == [] and data.orders[0]["service_ids"] == []
    assert ticket_row["messages"] == [samples.TICKET["messages"][0]] and ticket_row["related"] is None
    for page, show, record in ((ServicePage(), "show_service", shown), (TicketPage(), "show_ticket", ticket_row),
                               (OrderPage(), "show_order", data.orders[0])):
        qtbot.addWidget(page)
        getattr(page, show)(record, data)


def test_a_coupon_or_a_count_of_the_wrong_kind_counts_as_absent(qtbot, cache_file):
    """An order's coupon as text, a product's stock or swap as an object: the order page raised AttributeError
    (`.get` of a str) and the store's card TypeError (int() of a dict)."""
    from app.views.order_page import OrderPage
    from app.views.store import StoreSection

    _tamper(cache_file, "orders", "ord-1", lambda row: row.update(coupon="SAVE10", discount="5.00"))
    product_id = samples.PRODUCTS[0]["id"]
    _tamper(cache_file, "products", product_id, lambda row: row.update(stock={"left": 3}) or
            row["resources"].update(swap=[512]))
    data, _ticket, _invoice = _read(cache_file)
    assert data.orders[0]["coupon"] is None
    product = next(p for p in data.products if p["id"] == product_id)
    assert product["stock"] is None and product["resources"]["swap"] is None
    page = OrderPage()
    qtbot.addWidget(page)
    page.show_order(data.orders[0], data)
    store = StoreSection()
    qtbot.addWidget(store)
    store.show_data(data)
