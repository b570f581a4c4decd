"""The Orders list writes an order's total in the currency the order names: an order in euros on a dollar account
showed EUR 25.00 as "$25.00" (the invoice and service lists already wrote theirs in their own)."""
from __future__ import annotations

from app.core.account_data import AccountData
from app.models.orders import OrderTableModel, order_columns

DATA = AccountData("a", billing_config={"currency": {"code": "USD", "symbol": "$", "places": 2}})


def shown(columns, row: dict, key: str) -> str:
    (column,) = [c for c in columns if c.key == key]
    return column.display(row)


def test_an_order_in_euros_shows_its_total_in_euros():
    columns = order_columns(DATA.money, DATA.places)
    euros = {"id": "o-1", "order_number": "ORD-1", "status": "active", "currency": "EUR", "total": "25.00"}
    assert shown(columns, euros, "total") == "€25.00"
    for same in ({**euros, "currency": "USD"}, {**euros, "currency": None}, {**euros, "currency": ["EUR"]}):
        assert shown(columns, same, "total") == "$25.00"
    assert shown(columns, {**euros, "total": None}, "total") == "—"


def test_the_orders_model_fed_an_order_in_euros_shows_euros():
    model = OrderTableModel()
    order = {"id": "o-1", "order_number": "ORD-1", "status": "active", "currency": "EUR", "total": "25.00",
             "items": []}
    model.set_orders([order], [], DATA.money, DATA.places)
    column = [c.key for c in order_columns(str)].index("total")
    assert model.data(model.index(0, column)) == "€25.00"


def test_go_to_writes_an_invoice_in_euros_in_euros():
    from app.models.go_to import Entry, records

    data = AccountData("a", billing_config={"currency": {"code": "USD", "symbol": "$", "places": 2}},
                       invoices=[{"id": "i-1", "invoice_number": "INV-1", "status": "unpaid", "currency": "EUR",
                                  "total": "25.00"}])
    (entry,) = [e for e in records(data) if e.kind == "invoice"]
    assert entry.text(data.money).endswith("€25.00")
    assert Entry("invoice", "i-2", "INV-2", "Invoice", "10.00").text(data.money).endswith("$10.00")
