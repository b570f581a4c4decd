"""A number where the contract has text (a product's name, a status, a ticket number), as a panel may send it:
the checks let it through, and before, the record pages raised while drawing it (QLabel.setText(int) TypeError,
a status of 10**25 as a widget property OverflowError, a ticket number joined as text TypeError). Answers now
reach the cache and the screens with such numbers as their text; every other value stays as sent."""
from __future__ import annotations

import copy
from decimal import Decimal

import pytest

from app.api.validate import checked, checked_rows
from app.core.account_data import AccountData
from tests.gui import samples

BIG = 10**25


def data() -> AccountData:
    return AccountData("a", billing_config=samples.BILLING_CONFIG, products=samples.PRODUCTS,
                       invoices=samples.INVOICES, services=samples.SERVICES, orders=[samples.ORDER])


def changed(record: dict, path: tuple, value) -> dict:
    record = copy.deepcopy(record)
    inner = record
    for step in path[:-1]:
        inner = inner[step]
    inner[path[-1]] = value
    return record


@pytest.mark.parametrize(("page", "show", "schema", "record", "path"), [
    ("app.views.product:ProductPage", "show_product", "Product", samples.PRODUCTS[0], ("name",)),
    ("app.views.product:ProductPage", "show_product", "Product", samples.PRODUCTS[0], ("category", "name")),
    ("app.views.service_page:ServicePage", "show_service", "Service", samples.SERVICES[0], ("product", "name")),
    ("app.views.service_page:ServicePage", "show_service", "Service", samples.SERVICES[0], ("status",)),
    ("app.views.service_page:ServicePage", "show_service", "Service", samples.SERVICES[0], ("server", "status")),
    ("app.views.invoice_page:InvoicePage", "show_invoice", "Invoice", samples.INVOICES[0], ("status",)),
    ("app.views.order_page:OrderPage", "show_order", "Order", samples.ORDER, ("status",)),
    ("app.views.ticket_page:TicketPage", "show_ticket", "TicketDetail", samples.TICKET, ("ticket_number",)),
])
@pytest.mark.parametrize("number", [7, BIG, Decimal("12.5")])
def test_a_number_where_text_belongs_is_drawn_as_its_text(qtbot, page, show, schema, record, path, number):
    import importlib

    module, name = page.split(":")
    widget = getattr(importlib.import_module(module), name)()
    qtbot.addWidget(widget)
    answer = checked("record", schema, changed(record, path, number))
    getattr(widget, show)(answer, data())
    inner = answer
    for step in path:
        inner = inner[step]
    assert inner == str(number)


def test_only_text_fields_change_and_only_numbers_in_them():
    rows = [{"id": 5, "invoice_number": 1001, "status": "paid", "total": Decimal("9.99"), "balance_due": 0,
             "lines": [{"description": 42, "quantity": 2, "amount": "9.99"}], "read": True,
             "extra": {"name": 3}}]
    # ...and ids, which are text (the contract's string UUIDs; test_r8_numeric_ids.py): 5 is "5".
    assert checked_rows("invoices", "Invoice", rows) == [
        {"id": "5", "invoice_number": "1001", "status": "paid", "total": Decimal("9.99"), "balance_due": 0,
         "lines": [{"description": "42", "quantity": 2, "amount": "9.99"}], "read": True, "extra": {"name": "3"}}]
