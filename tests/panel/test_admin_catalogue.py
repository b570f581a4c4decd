"""Operators writing the catalogue and coupons: every rule, and that a refused write changes nothing."""
from __future__ import annotations

import copy
import uuid

import pytest

from tests.support.panel import Api


def slug(prefix: str = "t") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def product_body(category_id: str, **fields) -> dict:
    body = {
        "category_id": category_id, "name": "Admin VPS", "slug": slug("p"), "description": "",
        "resources": {"memory": 2048, "disk": 20480, "cpu": 100, "swap": 0, "io_weight": 500,
                      "database_limit": 1, "backup_limit": 1, "allocation_limit": 1},
        "pricing_type": "fixed",
        "pricing": [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}],
        "config_ranges": None, "stock": None,
    }
    body.update(fields)
    return body


def assert_invalid(r, field: str) -> None:
    assert r.status_code == 422, r.text
    error = r.json()["error"]
    assert error["code"] == "validation_error"
    assert field in error["details"], error["details"]
    assert all(isinstance(m, str) for messages in error["details"].values() for m in messages)


@pytest.fixture(scope="module")
def user(shop) -> Api:
    return shop.user()


ADMIN_CALLS = [("GET", "/admin/billing/categories"), ("POST", "/admin/billing/categories"),
               ("PUT", "/admin/billing/categories/x"), ("DELETE", "/admin/billing/categories/x"),
               ("GET", "/admin/billing/products"), ("POST", "/admin/billing/products"),
               ("GET", "/admin/billing/products/x"), ("PUT", "/admin/billing/products/x"),
               ("DELETE", "/admin/billing/products/x"), ("GET", "/admin/billing/coupons"),
               ("POST", "/admin/billing/coupons"), ("GET", "/admin/billing/coupons/x"),
               ("PUT", "/admin/billing/coupons/x"), ("DELETE", "/admin/billing/coupons/x")]


@pytest.mark.parametrize("method, path", ADMIN_CALLS)
def test_only_admins_may_write_the_catalogue(user, anon, method, path):
    body = {"name": "Sneaky", "slug": slug()} if method in ("POST", "PUT") else None
    r = user.request(method, path, json=body)
    assert r.status_code == 403, r.text
    assert r.json()["error"]["code"] == "forbidden"
    assert anon.request(method, path, json=body).status_code == 401


# -- categories -------------------------------------------------------------------------------------------
def test_category_create_update_and_duplicate_slug(admin, shop, user):
    category = shop.category(name="  VPS  ", description="Virtual servers", sort_order=3)
    assert category["name"] == "VPS" and category["sort_order"] == 3
    assert_invalid(admin.post("/admin/billing/categories", {"name": "Copy", "slug": category["slug"]}), "slug")
    # Partial update: only the name changes.
    renamed = admin.data("PUT", f"/admin/billing/categories/{category['id']}", {"name": "Cloud VPS"})
    assert renamed["name"] == "Cloud VPS"
    assert (renamed["slug"], renamed["description"], renamed["sort_order"]) == (
        category["slug"], "Virtual servers", 3)
    assert renamed["updated_at"] > category["updated_at"]


@pytest.mark.parametrize("body, field", [
    ({"name": "", "slug": "ok-slug"}, "name"),
    ({"slug": "ok-slug"}, "name"),
    ({"name": "X", "slug": "Not A Slug"}, "slug"),
    ({"name": "X", "slug": "x" * 65}, "slug"),
    ({"name": "X", "slug": "ok-slug", "sort_order": "1"}, "sort_order"),
    ({"name": "X", "slug": "ok-slug", "colour": "red"}, "colour"),
])
def test_category_validation(admin, body, field):
    assert_invalid(admin.post("/admin/billing/categories", body), field)


def test_bad_category_update_changes_nothing(admin, shop):
    category = shop.category(name="Stable")
    assert_invalid(admin.put(f"/admin/billing/categories/{category['id']}",
                             {"name": "Changed", "slug": "BAD SLUG"}), "slug")
    assert admin.data("GET", f"/admin/billing/categories/{category['id']}") == category


def test_renaming_a_category_reaches_syncing_product_clients(admin, shop, user):
    category = shop.category(name="Old name")
    product = shop.product(category["id"])
    admin.data("PUT", f"/admin/billing/categories/{category['id']}", {"name": "New name"})
    seen = user.data("GET", f"/billing/products/{product['id']}")
    assert seen["category"]["name"] == "New name"
    assert seen["updated_at"] > product["updated_at"]


def test_category_with_live_products_cannot_be_deleted(admin, shop, user):
    category = shop.category()
    product = shop.product(category["id"])
    r = admin.delete(f"/admin/billing/categories/{category['id']}")
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "conflict"
    admin.data("DELETE", f"/admin/billing/products/{product['id']}", expect=204)
    admin.data("DELETE", f"/admin/billing/categories/{category['id']}", expect=204)
    archived = admin.data("GET", f"/admin/billing/categories/{category['id']}")
    assert archived["archived"] is True and archived["updated_at"] > category["updated_at"]
    assert user.get("/billing/products", params={"category": category["id"]}).status_code == 404
    assert admin.put(f"/admin/billing/categories/{category['id']}", {"name": "Back"}).status_code == 409
    assert_invalid(admin.post("/admin/billing/products", product_body(category["id"])), "category_id")
    assert admin.delete(f"/admin/billing/categories/{uuid.uuid4()}").status_code == 404


# -- products ---------------------------------------------------------------------------------------------
RANGE = {"min": 1024, "max": 4096, "step": 1024, "unit_price": "2.00"}


@pytest.mark.parametrize("fields, field", [
    ({"pricing_type": "configurable", "config_ranges": {"memory": {**RANGE, "step": 1000}}},
     "config_ranges.memory.step"),
    ({"pricing_type": "configurable", "config_ranges": {"memory": {**RANGE, "min": 8192}}},
     "config_ranges.memory.max"),
    ({"pricing_type": "configurable", "config_ranges": {"memory": {**RANGE, "step": 0}}},
     "config_ranges.memory.step"),
    ({"pricing_type": "configurable", "config_ranges": {"memory": {**RANGE, "min": 1024.0}}},
     "config_ranges.memory.min"),
    ({"pricing_type": "configurable", "config_ranges": {"cpu": {**RANGE, "unit_price": "0.00001"}}},
     "config_ranges.cpu.unit_price"),
    ({"pricing_type": "configurable", "config_ranges": {"cpu": {"min": 100, "max": 200, "step": 100}}},
     "config_ranges.cpu.unit_price"),
    ({"pricing_type": "configurable", "config_ranges": {"gpu": RANGE}}, "config_ranges.gpu"),
    ({"pricing_type": "configurable", "config_ranges": None}, "config_ranges"),
    ({"pricing_type": "configurable", "config_ranges": {}}, "config_ranges"),
    ({"pricing_type": "per_gb_memory", "config_ranges": {"disk": RANGE}}, "config_ranges.disk"),
    ({"pricing_type": "per_gb_disk", "config_ranges": None}, "config_ranges"),
    ({"config_ranges": {"memory": RANGE}}, "config_ranges"),
    ({"pricing_type": "hourly"}, "pricing_type"),
    ({"pricing": []}, "pricing"),
    ({"pricing": "10.00"}, "pricing"),
    ({"pricing": [{"billing_cycle": "weekly", "price": "1.00"}]}, "pricing.0.billing_cycle"),
    ({"pricing": [{"billing_cycle": "monthly", "price": "1.00"}, {"billing_cycle": "monthly", "price": "2"}]},
     "pricing.1.billing_cycle"),
    ({"pricing": [{"billing_cycle": "monthly", "price": "-1.00"}]}, "pricing.0.price"),
    ({"pricing": [{"billing_cycle": "monthly", "price": "1.001"}]}, "pricing.0.price"),
    ({"pricing": [{"billing_cycle": "monthly", "price": "1000000000"}]}, "pricing.0.price"),
    ({"pricing": [{"billing_cycle": "monthly", "price": "1e3"}]}, "pricing.0.price"),
    ({"pricing": [{"billing_cycle": "monthly", "price": True}]}, "pricing.0.price"),
    ({"pricing": [{"billing_cycle": "monthly"}]}, "pricing.0.price"),
    ({"pricing": [{"billing_cycle": "monthly", "price": "1", "setup_fee": "-5"}]}, "pricing.0.setup_fee"),
    ({"pricing": [{"billing_cycle": "monthly", "price": "1", "discount": "5"}]}, "pricing.0.discount"),
    ({"resources": {"memory": 2048, "disk": 1024, "cpu": 100, "io_weight": 5}}, "resources.io_weight"),
    ({"resources": {"memory": 2048, "disk": 1024, "cpu": 100, "io_weight": 1001}}, "resources.io_weight"),
    ({"resources": {"memory": 2048, "disk": 1024, "cpu": 100, "swap": -2}}, "resources.swap"),
    ({"resources": {"memory": "2048", "disk": 1024, "cpu": 100}}, "resources.memory"),
    ({"resources": {"memory": -1, "disk": 1024, "cpu": 100}}, "resources.memory"),
    ({"resources": {"disk": 1024, "cpu": 100}}, "resources.memory"),
    ({"resources": {"memory": 1, "disk": 1, "cpu": 1, "gpu": 1}}, "resources.gpu"),
    ({"resources": None}, "resources"),
    ({"stock": -1}, "stock"),
    ({"stock": "5"}, "stock"),
    ({"stock": True}, "stock"),
    ({"slug": "Has Spaces"}, "slug"),
    ({"name": 123}, "name"),
    ({"name": "   "}, "name"),
    ({"description": None}, "description"),
    ({"category_id": "no-such-category"}, "category_id"),
    ({"category_id": None}, "category_id"),
    ({"price": "10.00"}, "price"),
])
def test_product_validation_errors_create_nothing(admin, shop, user, fields, field):
    category = shop.category()
    body = {**product_body(category["id"]), **fields}
    assert_invalid(admin.post("/admin/billing/products", body), field)
    assert user.data("GET", "/billing/products", params={"category": category["id"]}) == []


def test_every_problem_is_reported_at_once(admin, shop):
    category = shop.category()
    body = product_body(category["id"], stock=-1, pricing=[{"billing_cycle": "weekly", "price": "-1"}])
    details = admin.post("/admin/billing/products", body).json()["error"]["details"]
    assert {"stock", "pricing.0.billing_cycle", "pricing.0.price"} <= set(details)


def test_duplicate_product_slug_is_refused(admin, shop):
    existing = shop.product()
    body = product_body(existing["category"]["id"], slug=existing["slug"])
    assert_invalid(admin.post("/admin/billing/products", body), "slug")


@pytest.mark.parametrize("raw", [b"{not json", b"", b"[1, 2]", b'"a string"'])
def test_malformed_bodies_are_validation_errors(admin, shop, raw):
    product = shop.product()
    for method, path in (("POST", "/admin/billing/products"), ("PUT", f"/admin/billing/products/{product['id']}"),
                         ("POST", "/admin/billing/categories"), ("POST", "/admin/billing/coupons")):
        r = admin.request(method, path, data=raw, headers={"Content-Type": "application/json"})
        assert_invalid(r, "body")
    assert admin.data("GET", f"/admin/billing/products/{product['id']}") == product


def test_money_may_arrive_as_json_numbers(shop):
    product = shop.product(pricing=[{"billing_cycle": "monthly", "price": 12.99, "setup_fee": 5},
                                    {"billing_cycle": "one_time", "price": 0.1}])
    assert product["pricing"] == [{"billing_cycle": "monthly", "price": "12.99", "setup_fee": "5.00"},
                                  {"billing_cycle": "one_time", "price": "0.10", "setup_fee": "0.00"}]


def test_per_gb_product_and_resource_defaults(shop):
    product = shop.product(pricing_type="per_gb_disk", resources={"memory": 1024, "disk": 10240, "cpu": 50},
                           config_ranges={"disk": {"min": 10240, "max": 102400, "step": 10240}})
    assert product["resources"] == {"memory": 1024, "disk": 10240, "cpu": 50, "swap": 0, "io_weight": 500,
                                    "database_limit": 0, "backup_limit": 0, "allocation_limit": 1}
    assert product["config_ranges"] == {"disk": {"min": 10240, "max": 102400, "step": 10240, "unit_price": "0.00"}}


def test_partial_product_update(admin, shop, user):
    product = shop.product(stock=5)
    updated = admin.data("PUT", f"/admin/billing/products/{product['id']}",
                         {"stock": 0, "resources": {"memory": 4096}})
    assert (updated["stock"], updated["in_stock"]) == (0, False)
    assert updated["resources"] == {**product["resources"], "memory": 4096}
    unchanged = {k: v for k, v in product.items() if k not in ("stock", "in_stock", "resources", "updated_at")}
    assert {k: updated[k] for k in unchanged} == unchanged
    assert updated["updated_at"] > product["updated_at"]
    assert user.data("GET", f"/billing/products/{product['id']}") == updated


def test_changing_the_pricing_type_is_checked_as_a_whole(admin, shop):
    product = shop.product()
    path = f"/admin/billing/products/{product['id']}"
    assert_invalid(admin.put(path, {"pricing_type": "configurable"}), "config_ranges")
    made = admin.data("PUT", path, {"pricing_type": "configurable", "config_ranges": {"memory": RANGE}})
    assert made["config_ranges"]["memory"]["unit_price"] == "2.00"
    assert_invalid(admin.put(path, {"pricing_type": "fixed"}), "config_ranges")
    back = admin.data("PUT", path, {"pricing_type": "fixed", "config_ranges": None})
    assert back["config_ranges"] is None


def test_a_bad_product_update_changes_nothing(admin, shop, user):
    product = shop.product(stock=5)
    before = user.data("GET", f"/billing/products/{product['id']}")
    bad = {"stock": 2, "name": "Renamed", "pricing": [{"billing_cycle": "weekly", "price": "1.00"}]}
    assert_invalid(admin.put(f"/admin/billing/products/{product['id']}", bad), "pricing.0.billing_cycle")
    other = shop.product()
    assert_invalid(admin.put(f"/admin/billing/products/{product['id']}", {"stock": 1, "slug": other["slug"]}),
                   "slug")
    assert user.data("GET", f"/billing/products/{product['id']}") == before


def test_product_output_can_be_sent_back_unchanged(admin, shop):
    product = shop.product()
    echoed = copy.deepcopy(product)
    echoed["category_id"] = product["category"]["id"]
    again = admin.data("PUT", f"/admin/billing/products/{product['id']}", echoed)
    assert {k: v for k, v in again.items() if k != "updated_at"} == \
        {k: v for k, v in product.items() if k != "updated_at"}


def test_deleting_a_product_archives_it(admin, shop, user):
    product = shop.product()
    admin.data("DELETE", f"/admin/billing/products/{product['id']}", expect=204)
    assert user.get(f"/billing/products/{product['id']}").status_code == 404
    archived = admin.data("GET", f"/admin/billing/products/{product['id']}")
    assert archived["archived"] is True and archived["updated_at"] > product["updated_at"]
    admin.data("DELETE", f"/admin/billing/products/{product['id']}", expect=204)
    assert admin.put(f"/admin/billing/products/{product['id']}", {"stock": 1}).status_code == 409
    # The slug stays taken: orders and services still point at the archived product.
    assert_invalid(admin.post("/admin/billing/products", product_body(product["category"]["id"],
                                                                      slug=product["slug"])), "slug")
    assert admin.delete(f"/admin/billing/products/{uuid.uuid4()}").status_code == 404
    assert admin.put(f"/admin/billing/products/{uuid.uuid4()}", {"stock": 1}).status_code == 404


def test_admin_lists_include_archived_rows(admin, shop):
    category = shop.category(sort_order=-1_000_000)
    admin.data("DELETE", f"/admin/billing/categories/{category['id']}", expect=204)
    listed = admin.get("/admin/billing/categories", params={"per_page": 100})
    assert listed.status_code == 200 and "ETag" in listed.headers
    assert {"id": category["id"], "archived": True}.items() <= next(
        c for c in listed.json()["data"] if c["id"] == category["id"]).items()
    products = admin.get("/admin/billing/products", params={"per_page": 1}).json()
    assert products["meta"]["per_page"] == 1 and len(products["data"]) == 1
