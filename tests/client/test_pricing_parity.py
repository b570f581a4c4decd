"""The cart's local price equals the panel's preview for every product of the demo catalogue, every cycle it is
sold on, at its default size and (for products with sizes to choose) at another size: the same rules, one truth."""
from __future__ import annotations

import subprocess
import sys

import pytest

from app.core.cart import Cart, compare, local_quote
from tests.support.panel import ROOT, Api, PanelProcess


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    # `serve --seed demo` only fills an empty database, and PanelProcess first adds its admin: seed beforehand.
    workdir = tmp_path_factory.mktemp("demo-panel")
    subprocess.run([sys.executable, "-m", "panel", "seed", "demo", "--db", str(workdir / "panel.db")], cwd=ROOT,
                   check=True, capture_output=True, timeout=120)
    proc = PanelProcess(workdir).start()
    yield proc
    proc.stop()


def _other_size(product: dict) -> dict:
    """A size that is not the default: one step up from the minimum, or the maximum."""
    chosen = {}
    for key, rng in (product.get("config_ranges") or {}).items():
        lo, hi, step = int(rng["min"]), int(rng["max"]), int(rng.get("step") or 1)
        chosen[key] = lo + step if lo + step <= hi and lo + step != product["resources"].get(key) else hi
    return chosen


def test_local_quote_equals_the_panels_preview_for_every_demo_product(demo):
    buyer = Api(demo).login("demo@sett.test", "demo-password")
    config = buyer.data("GET", "/billing/config")
    balance = buyer.data("GET", "/billing/credits")["balance"]
    products = [p for page in range(1, 5) for p in buyer.data("GET", f"/billing/products?per_page=100&page={page}")]
    products = list({p["id"]: p for p in products}.values())
    assert len(products) >= 4
    configurable = [p for p in products if p.get("config_ranges")]
    assert configurable, "the demo seed has products whose size the buyer chooses"
    checked = 0
    for product in products:
        sizes = [{}] + ([_other_size(product)] if product.get("config_ranges") else [])
        for row in product["pricing"]:
            for size in sizes:
                cart = Cart()
                cart.add(product["id"], row["billing_cycle"], size, quantity=2 if size else 1)
                for use_credits in (True, False):
                    preview = buyer.data("POST", "/billing/checkout/preview",
                                         {"items": cart.to_items(), "use_credits": use_credits})
                    local = local_quote(cart, products, config, balance, use_credits=use_credits)
                    assert compare(local, preview) == [], (product["name"], row["billing_cycle"], size)
                    checked += 1
    assert checked >= 2 * len(products)


def test_a_whole_cart_with_a_coupon_prices_the_same(demo):
    buyer = Api(demo).login("demo@sett.test", "demo-password")
    config = buyer.data("GET", "/billing/config")
    balance = buyer.data("GET", "/billing/credits")["balance"]
    products = buyer.data("GET", "/billing/products?per_page=100")
    cart = Cart()
    for product in products:
        cart.add(product["id"], product["pricing"][-1]["billing_cycle"], _other_size(product))
    coupon = buyer.data("POST", "/billing/coupons/validate", {"code": "FIXED5", "items": cart.to_items()})
    assert coupon["valid"] is True
    preview = buyer.data("POST", "/billing/checkout/preview", {"items": cart.to_items(), "coupon_code": "FIXED5"})
    local = local_quote(cart, products, config, balance, coupon)
    assert str(local.discount) == preview["discount"] == "5.00"
    assert compare(local, preview) == []
