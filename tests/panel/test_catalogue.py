"""The store's catalogue as a buyer and a syncing client read it, over real HTTP."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.core import pricing
from panel.billing.catalogue import take_stock
from panel.db import Database
from tests.panel.conftest import admin_of
from tests.support.catalogue import Shop
from tests.support.panel import Api

PRODUCT_KEYS = {"id", "name", "slug", "description", "category", "resources", "pricing_type", "pricing",
                "config_ranges", "stock", "in_stock", "sort_order", "updated_at"}
RESOURCE_KEYS = {"memory", "disk", "cpu", "swap", "io_weight", "database_limit", "backup_limit",
                 "allocation_limit"}


@pytest.fixture(scope="module")
def buyer(shop) -> Api:
    return shop.user()


def ids(response) -> list[str]:
    return [row["id"] for row in response.json()["data"]]


def test_catalogue_needs_a_login(anon):
    for path in ("/billing/categories", "/billing/products", "/billing/products/anything"):
        r = anon.get(path)
        assert r.status_code == 401, path
        assert r.json()["error"]["code"] == "unauthorized"


def test_categories_list_live_rows_in_the_contract_shape(shop, buyer):
    category = shop.category(name="Game servers", description="Low latency", sort_order=-1_000_000)
    r = buyer.get("/billing/categories", params={"per_page": 100})
    assert r.status_code == 200
    body = r.json()
    assert set(body["meta"]) >= {"current_page", "per_page", "total", "total_pages", "server_time"}
    shown = next(c for c in body["data"] if c["id"] == category["id"])
    assert shown == {"id": category["id"], "name": "Game servers", "slug": category["slug"],
                     "description": "Low latency", "sort_order": -1_000_000, "updated_at": category["updated_at"]}


def test_product_by_id_and_by_slug_in_the_contract_shape(shop, buyer):
    category = shop.category()
    product = shop.product(category["id"], name="Starter VPS")
    by_id = buyer.data("GET", f"/billing/products/{product['id']}")
    by_slug = buyer.data("GET", f"/billing/products/{product['slug']}")
    assert by_id == by_slug == product
    assert set(by_id) == PRODUCT_KEYS
    assert set(by_id["resources"]) == RESOURCE_KEYS
    assert by_id["category"] == {"id": category["id"], "name": category["name"], "slug": category["slug"]}
    assert by_id["pricing"] == [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"},
                                {"billing_cycle": "annual", "price": "100.00", "setup_fee": "0.00"}]
    assert by_id["stock"] is None and by_id["in_stock"] is True and by_id["config_ranges"] is None


def test_unknown_product_is_404(buyer):
    r = buyer.get("/billing/products/no-such-product")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_stock_is_shown_only_when_limited(shop, buyer):
    category = shop.category()
    limited = shop.product(category["id"], stock=3)
    sold_out = shop.product(category["id"], stock=0)
    unlimited = shop.product(category["id"])
    shown = {p["id"]: p for p in buyer.data("GET", "/billing/products", params={"category": category["id"]})}
    assert (shown[limited["id"]]["stock"], shown[limited["id"]]["in_stock"]) == (3, True)
    assert (shown[sold_out["id"]]["stock"], shown[sold_out["id"]]["in_stock"]) == (0, False)
    assert (shown[unlimited["id"]]["stock"], shown[unlimited["id"]]["in_stock"]) == (None, True)


def test_products_filter_by_category_id_or_slug_in_sort_order(shop, buyer):
    category = shop.category()
    second = shop.product(category["id"], name="B plan", sort_order=2)
    first = shop.product(category["id"], name="Z plan", sort_order=1)
    also_second = shop.product(category["id"], name="A plan", sort_order=2)
    shop.product()  # another category: never in this filter
    expected = [first["id"], also_second["id"], second["id"]]
    assert ids(buyer.get("/billing/products", params={"category": category["id"]})) == expected
    assert ids(buyer.get("/billing/products", params={"category": category["slug"]})) == expected


def test_unknown_category_filter_is_404(buyer):
    r = buyer.get("/billing/products", params={"category": "no-such-category"})
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_archived_product_is_gone_for_buyers(shop, admin, buyer):
    category = shop.category()
    keep = shop.product(category["id"])
    gone = shop.product(category["id"])
    admin.data("DELETE", f"/admin/billing/products/{gone['id']}", expect=204)
    assert buyer.get(f"/billing/products/{gone['id']}").status_code == 404
    assert buyer.get(f"/billing/products/{gone['slug']}").status_code == 404
    assert ids(buyer.get("/billing/products", params={"category": category["id"]})) == [keep["id"]]


def test_updated_since_returns_changed_rows_and_flags_archived_ones(shop, admin, buyer):
    category = shop.category()
    old = shop.product(category["id"])
    withdrawn = shop.product(category["id"])
    since = buyer.get("/billing/products", params={"category": category["id"]}).json()["meta"]["server_time"]
    new = shop.product(category["id"])
    admin.data("DELETE", f"/admin/billing/products/{withdrawn['id']}", expect=204)

    changed = buyer.data("GET", "/billing/products", params={"category": category["id"], "updated_since": since})
    by_id = {p["id"]: p for p in changed}
    assert set(by_id) == {new["id"], withdrawn["id"]}
    assert old["id"] not in by_id
    assert by_id[withdrawn["id"]]["archived"] is True
    assert "archived" not in by_id[new["id"]]
    # Without updated_since, an archived row is simply absent.
    assert withdrawn["id"] not in ids(buyer.get("/billing/products", params={"category": category["id"]}))


def test_updated_since_on_categories_flags_archived_ones(shop, admin, buyer):
    since = buyer.get("/billing/categories", params={"per_page": 1}).json()["meta"]["server_time"]
    live = shop.category()
    gone = shop.category()
    admin.data("DELETE", f"/admin/billing/categories/{gone['id']}", expect=204)
    changed = {c["id"]: c for c in buyer.data("GET", "/billing/categories",
                                               params={"updated_since": since, "per_page": 100})}
    assert "archived" not in changed[live["id"]]
    assert changed[gone["id"]]["archived"] is True
    plain = buyer.data("GET", "/billing/categories", params={"updated_since": "", "per_page": 100})
    assert gone["id"] not in [c["id"] for c in plain]


def test_etag_answers_304_until_something_changes(shop, admin, buyer):
    category = shop.category()
    product = shop.product(category["id"], stock=5)
    params = {"category": category["id"]}
    first = buyer.get("/billing/products", params=params)
    tag = first.headers["ETag"]
    again = buyer.get("/billing/products", params=params, headers={"If-None-Match": tag})
    assert again.status_code == 304
    assert again.content == b""
    admin.data("PUT", f"/admin/billing/products/{product['id']}", {"stock": 4})
    changed = buyer.get("/billing/products", params=params, headers={"If-None-Match": tag})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != tag
    assert changed.json()["data"][0]["stock"] == 4
    categories = buyer.get("/billing/categories", params={"per_page": 5})
    assert buyer.get("/billing/categories", params={"per_page": 5},
                     headers={"If-None-Match": categories.headers["ETag"]}).status_code == 304


def test_pagination_meta_and_pages(shop, buyer):
    category = shop.category()
    made = [shop.product(category["id"], sort_order=i)["id"] for i in range(3)]
    page1 = buyer.get("/billing/products", params={"category": category["id"], "per_page": 2}).json()
    page2 = buyer.get("/billing/products", params={"category": category["id"], "per_page": 2, "page": 2}).json()
    assert {k: page1["meta"][k] for k in ("current_page", "per_page", "total", "total_pages")} == \
        {"current_page": 1, "per_page": 2, "total": 3, "total_pages": 2}
    assert page2["meta"]["current_page"] == 2
    assert [p["id"] for p in page1["data"] + page2["data"]] == made


@pytest.mark.parametrize("params, field", [
    ({"per_page": 101}, "per_page"),
    ({"per_page": 0}, "per_page"),
    ({"page": 0}, "page"),
    ({"page": "two"}, "page"),
    ({"updated_since": "yesterday"}, "updated_since"),
])
def test_bad_list_parameters_are_validation_errors(buyer, params, field):
    for path in ("/billing/products", "/billing/categories"):
        r = buyer.get(path, params=params)
        assert r.status_code == 422, (path, r.text)
        error = r.json()["error"]
        assert error["code"] == "validation_error"
        assert field in error["details"]


def test_configurable_product_prices_the_same_on_both_sides(shop, buyer):
    """The product JSON is what the client's pricing runs on; the server's own shape must price correctly."""
    product = shop.product(
        pricing_type="configurable",
        pricing=[{"billing_cycle": "monthly", "price": "1.00", "setup_fee": "2.50"},
                 {"billing_cycle": "quarterly", "price": "3", "setup_fee": 0}],
        config_ranges={"memory": {"min": 1024, "max": 8192, "step": 1024, "unit_price": "2.5"},
                       "cpu": {"min": 100, "max": 400, "step": 50, "unit_price": 0.0125}})
    shown = buyer.data("GET", f"/billing/products/{product['slug']}")
    assert shown["config_ranges"] == {
        "memory": {"min": 1024, "max": 8192, "step": 1024, "unit_price": "2.50"},
        "cpu": {"min": 100, "max": 400, "step": 50, "unit_price": "0.0125"}}
    # 1.00 base + 4 GB x 2.50 + 2 cores x 0.0125, per month
    assert pricing.recurring_price(shown, "monthly", {"memory": 4096, "cpu": 200}) == Decimal("11.025")
    with pytest.raises(pricing.PricingError):
        pricing.recurring_price(shown, "monthly", {"memory": 1500})


def test_prices_use_the_currency_places(fresh_panel):
    proc = fresh_panel()
    shop = Shop(admin_of(proc))
    shop.settings(currency_code="KWD", currency_symbol="KD", currency_places=3)
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": "1.125", "setup_fee": "0.5"}])
    assert product["pricing"] == [{"billing_cycle": "monthly", "price": "1.125", "setup_fee": "0.500"}]


def test_categories_order_by_sort_order_then_name(fresh_panel):
    proc = fresh_panel()
    admin = admin_of(proc)
    shop = Shop(admin)
    b = shop.category(name="Beta", sort_order=1)
    a = shop.category(name="Alpha", sort_order=1)
    first = shop.category(name="Zulu", sort_order=0)
    listed = admin.get("/billing/categories")
    assert ids(listed) == [first["id"], a["id"], b["id"]]
    assert listed.json()["meta"]["per_page"] == 25 and listed.json()["meta"]["total"] == 3


def test_take_stock_never_oversells_and_moves_updated_at(tmp_path):
    db = Database(tmp_path / "stock.db")
    with db.write() as conn:
        conn.execute("INSERT INTO categories (id, name, slug, created_at, updated_at) "
                     "VALUES ('c', 'C', 'c', 't0', 't0')")
        for pid, stock in (("limited", 2), ("unlimited", None)):
            conn.execute("INSERT INTO products (id, category_id, name, slug, resources, pricing_type, pricing, "
                         "stock, created_at, updated_at) VALUES (?, 'c', ?, ?, '{}', 'fixed', '[]', ?, 't0', 't0')",
                         (pid, pid, pid, stock))
    with db.write() as conn:
        assert take_stock(conn, "limited", 3, "t1") is False
        assert take_stock(conn, "limited", 2, "t2") is True
        assert take_stock(conn, "limited", 1, "t3") is False
        assert take_stock(conn, "unlimited", 50, "t4") is True
        assert take_stock(conn, "missing", 1, "t5") is False
    rows = {r["id"]: r for r in db.conn().execute("SELECT id, stock, updated_at FROM products")}
    assert (rows["limited"]["stock"], rows["limited"]["updated_at"]) == (0, "t2")
    assert (rows["unlimited"]["stock"], rows["unlimited"]["updated_at"]) == (None, "t0")
    db.close()
