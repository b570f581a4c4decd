"""The store's and the cart's actions: Add to Cart, saving the cart in the account's cache, coupons and the
panel's checkout preview. The screens only show and ask; everything here runs through `app.runner`/`app.call`.

Online state is the shell's: an account whose last sync failed for the network is offline (`app.links`), and
one whose login ended (`app.needs_login`) cannot ask the panel anything either.
"""
from __future__ import annotations

import dataclasses
import logging

from shiboken6 import isValid

from app import cart_store, paths
from app.api import CouponInvalid, NetworkError
from app.cache import AccountCache
from app.core.cart import Cart, CartError

log = logging.getLogger(__name__)


class CartFeature:
    def __init__(self, app) -> None:
        self.app = app
        self.store = app.window.sections["store"]
        self.cart = app.window.sections["cart"]
        self.store.add_to_cart.connect(self.add)
        self.cart.cart_changed.connect(self.save)
        self.cart.coupon_apply_requested.connect(self.validate_coupon)
        self.cart.preview_requested.connect(self.preview)
        app.data_shown.connect(lambda *_: self.refresh_online())
        app.synced.connect(lambda *_: self.refresh_online())
        app.sync_failed.connect(lambda *_: self.refresh_online())
        app.window.account_chosen.connect(lambda *_: self.refresh_online())

    def _showing(self, account_id: str) -> bool:
        """Whether an answer for `account_id` can still be shown (same account, window not closed meanwhile)."""
        return account_id == self.app.current_id and isValid(self.cart) and not self.app._shut_down

    # -- connectivity -------------------------------------------------------------------------------------------------
    def is_online(self, account_id: str | None) -> bool | None:
        return self.app.is_online(account_id)

    def refresh_online(self) -> None:
        if isValid(self.cart):
            self.cart.set_online(self.is_online(self.app.current_id))

    # -- the cart ------------------------------------------------------------------------------------------------------
    def add(self, choice: dict) -> None:
        page = self.store.product_page
        try:
            item = self.cart.add_item(choice)
        except CartError as exc:
            page.show_added(str(exc), ok=False)
            return
        page.show_added(f"Added to your cart ({item.quantity} in cart).")

    def save(self, account_id: str, items: list[dict], options: dict) -> None:
        """Write the cart on the runner; the in-memory snapshot follows so an account switch shows it too."""
        cart = Cart.from_dicts(items)

        def work() -> None:
            with AccountCache(paths.account_cache(account_id)) as cache:
                cart_store.save(cache, cart, options)

        def done(_result) -> None:
            data = self.app.data.get(account_id)
            if data is not None:
                self.app.data[account_id] = dataclasses.replace(data, cart=cart_store.rows(cart),
                                                                cart_options=dict(options))

        self.app.runner.run(work, done, lambda error: log.error("could not save the cart of %s: %s",
                                                                account_id, error))

    # -- the panel -----------------------------------------------------------------------------------------------------
    def validate_coupon(self, code: str, items: list[dict]) -> None:
        account_id = self.app.current_id
        if account_id is None:
            return

        def work(client):
            return client.post("/billing/coupons/validate", {"code": code, "items": items})

        def done(result: dict) -> None:
            if self._showing(account_id):
                self.cart.show_coupon_result(result)

        def failed(error: BaseException) -> None:
            if not self._showing(account_id):
                return
            if isinstance(error, CouponInvalid):
                self.cart.show_coupon_result({"valid": False, "reason": error.reason or str(error)})
            elif isinstance(error, NetworkError):
                self.cart.show_coupon_error("Applying a coupon needs a connection to the panel.")
            else:
                self.cart.show_coupon_error(str(error))

        self.app.call(account_id, work, done, failed)

    def preview(self, body: dict) -> None:
        account_id = self.app.current_id
        if account_id is None or self.is_online(account_id) is False:
            return
        asked = dict(body)
        payload = {k: v for k, v in body.items() if v is not None}

        def work(client):
            return client.post("/billing/checkout/preview", payload)

        def done(result: dict) -> None:
            if self._showing(account_id):
                self.cart.show_preview(asked, result)

        def failed(error: BaseException) -> None:
            if not self._showing(account_id):
                return
            reason = (error.reason or str(error)) if isinstance(error, CouponInvalid) else None
            if isinstance(error, NetworkError):
                error = NetworkError("the panel could not be reached")
            self.cart.show_preview_error(asked, error, reason)

        self.app.call(account_id, work, done, failed)


def install(app) -> CartFeature:
    feature = CartFeature(app)
    app.cart_feature = feature
    return feature


def prepare_view(app, view: str) -> str:
    """For `--screenshot --view`: "product" opens the first product whose size the buyer chooses; "cart" with an
    empty cart puts two of the store's products in it. Returns the section to show."""
    store, cart = app.window.sections["store"], app.window.sections["cart"]
    products = store._data.products if store._data is not None else []
    if view == "product":
        chosen = next((p for p in products if p.get("config_ranges")), products[0] if products else None)
        if chosen is not None:
            store.open_product(str(chosen["id"]))
        return "store"
    if view == "cart" and not cart.cart.items:
        for product in [p for p in products if p.get("in_stock", True)][:3]:
            rows = product.get("pricing") or []
            if rows:
                cart.add_item({"product_id": product["id"], "billing_cycle": rows[0]["billing_cycle"],
                               "config": {}, "quantity": 1})
    return view
