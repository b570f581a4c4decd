"""Readers: plain dicts in the panel's shape, filtered and ordered as the screens show them."""
from __future__ import annotations

import sqlite3

import pytest

from app.cache import INVOICE_ROW_COLUMNS, CacheChanges, minor_units

from . import samples


def test_categories_and_products_follow_the_panels_order(cache):
    cache.apply(CacheChanges(upserts={
        "categories": [samples.category(1, sort_order=2), samples.category(2, sort_order=1, name="B"),
                       samples.category(3, sort_order=1, name="A")],
        "products": [samples.product(1, "cat-1", sort_order=5), samples.product(2, "cat-2", sort_order=1),
                     samples.product(3, "cat-1", sort_order=0, name="Zed"), samples.product(4, "cat-1", name="Alpha")],
    }))
    assert [row["id"] for row in cache.categories()] == ["cat-3", "cat-2", "cat-1"]
    assert [row["id"] for row in cache.products()] == ["prod-4", "prod-3", "prod-2", "prod-1"]
    assert [row["id"] for row in cache.products(category_id="cat-1")] == ["prod-4", "prod-3", "prod-1"]
    assert cache.products(category_id="cat-9") == []
    assert cache.product("prod-2") == samples.product(2, "cat-2", sort_order=1)


def test_services_filter_by_one_or_several_statuses_newest_first(cache):
    cache.apply(CacheChanges(upserts={"services": [samples.service(1, "active"), samples.service(2, "suspended"),
                                                   samples.service(3, "active"), samples.service(4, "terminated")]}))
    assert [row["id"] for row in cache.services()] == ["svc-4", "svc-3", "svc-2", "svc-1"]
    assert [row["id"] for row in cache.services("active")] == ["svc-3", "svc-1"]
    assert [row["id"] for row in cache.services(["active", "suspended"])] == ["svc-3", "svc-2", "svc-1"]
    assert cache.services([]) == []
    assert cache.service("svc-2")["server"] == {"id": "srv-2", "name": "mc", "status": "running"}


def test_invoices_filter_and_order_like_the_panel(cache):
    cache.apply(CacheChanges(upserts={"invoices": [
        samples.invoice(1, "paid"), samples.invoice(2, "pending"), samples.invoice(3, "overdue"),
        samples.invoice(31, "pending"),                         # same issue date as invoice 3
        samples.invoice(4, "cancelled", service_id="svc-1", kind="renewal"),
    ]}))
    assert [row["id"] for row in cache.invoices()] == ["inv-4", "inv-31", "inv-3", "inv-2", "inv-1"]
    assert [row["id"] for row in cache.invoices(["pending", "overdue"])] == ["inv-31", "inv-3", "inv-2"]
    assert [row["id"] for row in cache.invoices(service_id="svc-1")] == ["inv-4"]
    assert [row["id"] for row in cache.invoices(limit=2)] == ["inv-4", "inv-31"]
    assert cache.invoice("inv-2") == samples.invoice(2, "pending")
    assert cache.invoice("inv-404") is None


def test_invoice_rows_give_the_table_columns_with_exact_minor_units(cache):
    cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(1, "pending", total="1234.56"),
                                                   samples.invoice(2, "paid", total="0.10")]},
                             config={"billing_config": samples.BILLING_CONFIG}))
    rows = cache.invoice_rows()
    assert [tuple(row) for row in rows] == [INVOICE_ROW_COLUMNS] * 2
    first = rows[0]
    assert (first["id"], first["total"], first["total_minor"]) == ("inv-2", "0.10", 10)
    assert (rows[1]["total"], rows[1]["total_minor"], rows[1]["balance_due_minor"]) == ("1234.56", 123456, 123456)
    assert [row["id"] for row in cache.invoice_rows(status="pending", limit=5)] == ["inv-1"]


@pytest.mark.parametrize("status", [None, "pending"])
def test_invoice_rows_never_visit_the_table_rows_for_the_full_list(cache, status):
    conn = cache._db.conn
    statements = []
    conn.set_trace_callback(statements.append)
    cache.invoice_rows(status=status, limit=100)
    conn.set_trace_callback(None)
    (query,) = [sql for sql in statements if sql.lstrip().upper().startswith("SELECT")]
    plan = [step[-1] for step in conn.execute("EXPLAIN QUERY PLAN " + query)]
    if status is None:   # the whole table in the list's order: one walk of the covering index, no sort
        assert any("COVERING INDEX idx_invoices_list" in step for step in plan), plan
        assert not any("TEMP B-TREE" in step for step in plan), plan
    else:
        assert any("INDEX" in step for step in plan), plan


@pytest.mark.parametrize(("amount", "places", "minor"), [
    ("1234.56", None, 123456),
    ("1234.56", 2, 123456),
    ("12.5", 2, 1250),            # a JSON-number amount that lost its trailing zero sorts with "12.50"
    ("12", 2, 1200),
    ("0.0125", 2, 125),           # more places than the currency: scaled, never rounded
    ("-3.50", 2, -350),
    ("999999999999.99", 2, 99999999999999),
    ("100", 0, 100),
    (None, 2, None),
])
def test_minor_units_are_exact(amount, places, minor):
    assert minor_units(amount, places) == minor


def test_minor_units_use_the_currency_places_from_the_stored_config(cache):
    cache.apply(CacheChanges(config={"billing_config": {**samples.BILLING_CONFIG,
                                                        "currency": {"code": "JPY", "symbol": "¥", "places": 0}}}))
    cache.apply(CacheChanges(upserts={"invoices": [samples.invoice(1, total="1500"), samples.invoice(2, total="980")]}))
    assert sorted(row["total_minor"] for row in cache.invoice_rows()) == [980, 1500]


def test_orders_credit_transactions_and_notifications_are_newest_first(cache):
    cache.apply(CacheChanges(upserts={
        "orders": [samples.order(1), samples.order(2, "pending"), samples.order(3)],
        "credit_transactions": [samples.credit_transaction(1), samples.credit_transaction(2)],
        "notifications": [samples.notification(1, read=True), samples.notification(2), samples.notification(3)],
    }))
    assert [row["id"] for row in cache.orders()] == ["ord-3", "ord-2", "ord-1"]
    assert [row["id"] for row in cache.orders("pending")] == ["ord-2"]
    assert cache.order("ord-1") == samples.order(1)
    assert [row["id"] for row in cache.credit_transactions()] == ["ctx-2", "ctx-1"]
    assert [row["uuid"] for row in cache.notifications()] == ["note-3", "note-2", "note-1"]
    assert [row["uuid"] for row in cache.notifications(unread_only=True, limit=1)] == ["note-3"]


def test_money_is_returned_as_the_panels_strings(cache):
    cache.apply(CacheChanges(upserts={"invoices": [samples.invoice_detail(1, total="19.90")]}))
    detail = cache.invoice("inv-1")
    assert detail["total"] == "19.90" and detail["lines"][0]["unit_price"] == "19.90"
    assert isinstance(detail["tax_rate"], str)


@pytest.mark.slow
def test_fifty_thousand_invoices_go_in_and_come_out(cache):
    invoices = [samples.invoice(n, ("paid", "pending", "overdue")[n % 3], total=f"{n // 100}.{n % 100:02d}")
                for n in range(50_000)]
    cache.apply(CacheChanges(upserts={"invoices": invoices}, config={"billing_config": samples.BILLING_CONFIG}))

    rows = cache.invoice_rows()
    assert len(rows) == 50_000
    assert sum(row["total_minor"] for row in rows) == sum(range(50_000))
    assert len(cache.invoice_rows(status=["pending", "overdue"])) == 33_333
    assert len(cache.invoices("paid")) == 16_667

    count = sqlite3.connect(cache.path)
    assert count.execute("SELECT count(*) FROM invoices").fetchone()[0] == 50_000
    count.close()
