"""A cache or panel holding a nested object as another kind (billing_config's `tax` as "20", its `gateways` as a
word, a product's `resources` as text, the cart's saved coupon as a bare code, a preview's `out_of_stock` as a
number) reads as none of it on every screen: the cart, Credits, the Store and a product, a service's page. The cart
read `config.get("tax")` as an object, and an AttributeError left it half drawn."""
from __future__ import annotations

from app.cache import CacheChanges, open_account_cache
from app.core.changes import ChangeSet

from .test_drift_actions import (  # noqa: F401 - canned_app is the fixture
    CONFIG,
    Panel,
    canned_app,
    service,
    settle,
    signed_in,
)

ODD_CONFIG = {**CONFIG["billing_config"], "tax": "20", "gateways": "stripe"}
PRODUCT = {"id": "p-1", "name": "Canned VPS", "category_id": "c-1", "category": "VPS", "pricing_type": "fixed",
           "sort_order": 1, "stock": None, "resources": "lots",
           "pricing": [{"billing_cycle": "monthly", "price": "10.00", "setup_fee": "0.00"}, "yearly"]}
PREVIEW = {"lines": [], "subtotal": "10.00", "discount": "0.00", "tax_rate": "0", "tax_amount": "0.00",
           "tax_inclusive": False, "total": "10.00", "credits_applied": "0.00", "due_now": "10.00", "currency": "USD",
           "out_of_stock": 7}


def test_nested_objects_of_another_kind_read_as_none_on_every_screen(canned_app, qtbot):  # noqa: F811
    app = canned_app
    client = Panel({"preview_checkout": lambda *_a, **_kw: dict(PREVIEW), "service_invoices": lambda _id: []})
    session = signed_in(app, client, config={"billing_config": ODD_CONFIG,
                                             "credits": {"enabled": True, "balance": "5.00", "currency": "USD"}},
                        products=[PRODUCT], categories=[{"id": "c-1", "name": "VPS", "sort_order": 1}],
                        services=[service(1, "active", "2026-12-20")])
    window = app.window
    with open_account_cache(session.id) as cache:      # an older Sett's cart options: the coupon as a bare code
        cache.apply(CacheChanges(config={"cart_options": {"coupon": "SAVE10", "use_credits": True}}))
    session.reload(ChangeSet({"cart"}))
    settle()

    window.select_section("cart")
    cart = window.sections["cart"]
    session.cart.add("p-1", "monthly")
    settle()
    assert cart.totals.values["total"].text() == "$10.00"
    assert cart.totals.values["tax_amount"].isHidden()          # "20" is no tax rule: no tax row
    asked = cart.request_body()
    cart._asked = asked                                         # as the panel answers what it was asked
    cart.show_preview(asked, dict(PREVIEW))                     # its out_of_stock a number, not a list
    assert cart.totals.values["total"].text() == "$10.00"

    window.select_section("credits")                            # "stripe" is no gateway object: no top-up
    window.select_section("store")
    store = window.sections["store"]
    assert store.open_product("p-1")
    settle()
    assert store.product_page.name.text() == "Canned VPS"

    window.select_section("services")
    assert window.sections["services"].open_service("s-1")
    settle()
    assert window.section_errors == []
    assert not [text for text in window.banner_texts() if "could not show" in text]


def test_a_server_of_another_kind_shows_as_none(qtbot):
    from app.views.server_card import ServerCard

    card = ServerCard()
    qtbot.addWidget(card)
    card.show_server("node-7")                                  # a saved row's server as a bare name
    assert card.name.text() == "Server" and card.chip.isHidden()


def test_a_products_sizes_and_limits_of_another_kind_are_left_out():
    from app.views.product import product_resources_text

    product = {"pricing": [{"billing_cycle": "monthly", "price": "5.00"}],
               "resources": {"memory": 2048, "disk": "lots", "cpu": True, "swap": "some", "database_limit": 2,
                             "backup_limit": [1], "allocation_limit": "x", "io_weight": "heavy"}}
    assert product_resources_text(product) == "2 GB RAM · 2 databases"
