"""The cart's items and its local price: the panel's rules applied to the cached catalogue."""
from __future__ import annotations

from decimal import Decimal

import pytest

from app.cache import AccountCache
from app.core.cart import MAX_ITEMS, Cart, CartError, compare, local_quote, problems
from app.session import cart_store

D = Decimal
CONFIG = {"currency": {"code": "EUR", "symbol": "€", "places": 2},
          "tax": {"enabled": True, "rate": "20", "inclusive": False}, "credits_enabled": True}
FIXED = {"id": "p-fixed", "name": "Valheim", "pricing_type": "fixed", "config_ranges": None,
         "resources": {"memory": 8192, "disk": 51200, "cpu": 300},
         "pricing": [{"billing_cycle": "monthly", "price": "15.00", "setup_fee": "5.00"},
                     {"billing_cycle": "annual", "price": "150.00", "setup_fee": "0.00"}]}
FLEX = {"id": "p-flex", "name": "Flex", "pricing_type": "configurable",
        "resources": {"memory": 4096, "disk": 20480, "cpu": 200},
        "config_ranges": {"memory": {"min": 1024, "max": 16384, "step": 1024, "unit_price": "1.50"},
                          "cpu": {"min": 100, "max": 400, "step": 50, "unit_price": "2.00"}},
        "pricing": [{"billing_cycle": "monthly", "price": "0.00", "setup_fee": "0.00"},
                    {"billing_cycle": "quarterly", "price": "1.00", "setup_fee": "0.00"}]}
PRODUCTS = [FIXED, FLEX]


def test_adding_the_same_choice_again_raises_the_quantity():
    cart = Cart()
    first = cart.add("p-fixed", "monthly")
    again = cart.add("p-fixed", "monthly", quantity=2)
    assert len(cart) == 1 and again.id == first.id and again.quantity == 3
    cart.add("p-fixed", "annual")
    assert [i.billing_cycle for i in cart] == ["monthly", "annual"]


def test_update_and_remove_and_api_items():
    cart = Cart()
    item = cart.add("p-flex", "monthly", {"memory": 2048})
    cart.update(item.id, billing_cycle="quarterly", config={"cpu": 150}, quantity=2)
    assert cart.to_items() == [{"product_id": "p-flex", "billing_cycle": "quarterly",
                                "config": {"memory": 2048, "cpu": 150}, "quantity": 2}]
    with pytest.raises(CartError):
        cart.update(item.id, quantity=0)
    cart.remove(item.id)
    assert cart.to_items() == []


def test_a_cart_holds_at_most_twenty_items():
    cart = Cart()
    for n in range(20):
        cart.add("p-flex", "monthly", {"memory": 1024 * (n % 16 + 1), "cpu": 100 + 50 * (n // 16)})
    with pytest.raises(CartError, match="at most 20"):
        cart.add("p-fixed", "monthly")


def test_local_quote_follows_the_panels_rules():
    cart = Cart()
    cart.add("p-fixed", "monthly")                                   # 15.00 + setup 5.00
    cart.add("p-flex", "monthly", {"memory": 2048, "cpu": 150})      # 2 x 1.50 + 1.5 x 2.00 = 6.00
    quote = local_quote(cart, PRODUCTS, CONFIG, "10.00", {"code": "TEN", "type": "percent", "value": "10"})
    assert [ln.amount for ln in quote.lines] == [D("15.00"), D("5.00"), D("6.00")]
    assert quote.subtotal == D("26.00")
    assert quote.discount == D("2.10")                               # 10% of the recurring 21.00
    assert quote.tax_amount == D("4.78")                             # 20% of 23.90, half-up
    assert quote.total == D("28.68")
    assert (quote.credits_applied, quote.due_now) == (D("10.00"), D("18.68"))
    no_credits = local_quote(cart, PRODUCTS, CONFIG, "10.00", use_credits=False)
    assert no_credits.credits_applied == D("0.00") and no_credits.due_now == no_credits.total


def test_inclusive_tax_is_reported_not_added():
    config = {**CONFIG, "tax": {"enabled": True, "rate": "20", "inclusive": True}}
    cart = Cart()
    cart.add("p-fixed", "annual")
    quote = local_quote(cart, PRODUCTS, config, 0)
    assert (quote.total, quote.tax_amount, quote.tax_inclusive) == (D("150.00"), D("25.00"), True)


def test_items_the_panel_would_refuse_are_named_and_left_out():
    cart = Cart()
    good = cart.add("p-fixed", "monthly")
    gone = cart.add("p-missing", "monthly")
    off_step = cart.add("p-flex", "monthly", {"memory": 1500})
    found = problems(cart, PRODUCTS)
    assert set(found) == {gone.id, off_step.id} and good.id not in found
    assert "steps of 1024" in found[off_step.id]
    assert local_quote(cart, PRODUCTS, CONFIG).subtotal == D("20.00")


def test_compare_names_what_the_panel_prices_differently():
    cart = Cart()
    cart.add("p-fixed", "monthly")
    local = local_quote(cart, PRODUCTS, CONFIG)
    same = {"lines": [{"amount": "15.00"}, {"amount": "5.00"}], "subtotal": "20.00", "discount": "0.00",
            "tax_amount": "4.00", "total": "24.00", "credits_applied": "0.00", "due_now": "24.00"}
    assert compare(local, same) == []
    dearer = {**same, "lines": [{"description": "Valheim (Monthly)", "amount": "17.00"}, {"amount": "5.00"}],
              "subtotal": "22.00", "tax_amount": "4.40", "total": "26.40", "due_now": "26.40"}
    found = compare(local, dearer)
    assert found[0] == "Valheim (Monthly): 17.00 on the panel, 15.00 saved here."
    assert "Total: 26.40 on the panel, 24.00 saved here." in found


def test_the_cart_and_its_options_survive_reopening_the_cache(tmp_path):
    cart = Cart()
    cart.add("p-flex", "quarterly", {"memory": 3072}, 2)
    cart.add("p-fixed", "monthly")
    with AccountCache(tmp_path / "a.db") as cache:
        cache.apply(cart_store.changes(cart, {"coupon": {"code": "TEN", "type": "percent", "value": "10"},
                                              "use_credits": False}))
    with AccountCache(tmp_path / "a.db") as cache:
        loaded, options = Cart.from_dicts(cache.cart_items()), cache.config(cart_store.OPTIONS_KEY)
    assert loaded.to_dicts() == cart.to_dicts()
    assert options == {"coupon": {"code": "TEN", "type": "percent", "value": "10"}, "use_credits": False}
    with AccountCache(tmp_path / "a.db") as cache:
        cache.apply(cart_store.emptied(options))
        assert cache.cart_items() == []
        assert cache.config(cart_store.OPTIONS_KEY) == {"coupon": None, "use_credits": False}


def test_a_removed_line_is_restored_where_it_stood_and_merges_into_a_twin_added_meanwhile():
    cart = Cart()
    first = cart.add("p1", "monthly")
    middle = cart.add("p2", "monthly", {"memory": 2048}, quantity=2)
    last = cart.add("p3", "annual")
    assert cart.remove(middle.id) == (1, middle) and cart.remove(middle.id) is None     # where it stood, once
    assert cart.restore(1, middle) == middle
    assert [i.id for i in cart] == [first.id, middle.id, last.id]
    assert cart.restore(1, middle) == middle and len(cart) == 3           # restoring twice adds nothing

    cart.remove(middle.id)
    cart.add("p2", "monthly", {"memory": 2048})                           # the same line, added again
    merged = cart.restore(1, middle)
    assert len(cart) == 3 and merged.quantity == 3


def test_a_full_cart_has_no_room_for_a_restored_line():
    cart = Cart()
    removed = cart.add("p0", "monthly")
    cart.remove(removed.id)
    for n in range(1, MAX_ITEMS + 1):
        cart.add(f"p{n}", "monthly")
    with pytest.raises(CartError):
        cart.restore(0, removed)
    assert removed.id not in [i.id for i in cart]
