"""The store's and the cart's actions: Add to Cart, the cart's edits, coupons and the panel's checkout preview.

The cart is the current account's `CartModel` (app.session.cart): every edit the screens ask for goes to it, and
the cart screen shows it again after each of its changes. Talking to the panel runs as operations of the session.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from shiboken6 import isValid

from app.api import CouponInvalid, NetworkError
from app.core.cart import Cart, CartError
from app.core.input_text import coupon_problem
from app.core.text import translate
from app.session import AccountSession, Sessions, action_failed, signed_out
from app.session.operations import cart as cart_ops

log = logging.getLogger(__name__)


class CartFeature(QObject):
    def __init__(self, sessions: Sessions, window) -> None:
        super().__init__(window)
        self.sessions, self.window = sessions, window
        self.store = self.cart = None          # the screens, once built (window.sections.on_built)
        self._model = None                    # the CartModel the cart screen follows
        window.sections.on_built("store", self._attach_store)
        window.sections.on_built("cart", self._attach_cart)
        sessions.current_changed.connect(self._follow)
        sessions.changed.connect(lambda *_: self.refresh_online())
        sessions.sync_failed.connect(lambda *_: self.refresh_online())
        sessions.status_changed.connect(lambda *_: self.refresh_online())

    def _attach_store(self, store) -> None:
        self.store = store
        store.add_to_cart.connect(self.add)

    def _attach_cart(self, cart) -> None:
        self.cart = cart
        cart.edit_requested.connect(self._edit)
        cart.remove_requested.connect(lambda item_id: self._model_do(lambda m: m.remove(item_id)))
        cart.undo_remove_requested.connect(lambda: self._model_do(lambda m: m.undo_remove()))
        cart.coupon_remove_requested.connect(lambda: self._model_do(lambda m: m.set_coupon(None)))
        cart.use_credits_requested.connect(lambda use: self._model_do(lambda m: m.set_use_credits(use)))
        cart.coupon_apply_requested.connect(self.validate_coupon)
        cart.preview_requested.connect(self.preview)
        self.refresh_online()
        if self._model is not None and self._model.loaded:
            self._show()

    @property
    def session(self) -> AccountSession | None:
        return self.sessions.current

    def _follow(self, _account_id: str | None) -> None:
        """Another account is current: the cart screen follows its cart model."""
        if self._model is not None and isValid(self._model):
            self._model.changed.disconnect(self._show)
        session = self.session
        self._model = session.cart if session is not None else None
        if self._model is not None:
            self._model.changed.connect(self._show)
        if self._model is not None and self._model.loaded:
            self._show()
        else:
            # Not loaded yet (or no account): the badge says nothing rather than the previous account's count,
            # which it kept until the new account's cart had loaded, and the screen shows none of the previous
            # account's lines (a Checkout pressed meanwhile would have meant them).
            self._set_count(0)
            if session is not None and self.cart is not None and isValid(self.cart):
                self.cart.show_cart(session.id, Cart(), {}, structure=True)
        self.refresh_online()

    def _show(self) -> None:
        model = self._model
        if model is None:
            return
        if self.cart is not None and isValid(self.cart):
            self.cart.show_cart(model.session.id, model.cart, model.options, structure=model.structure,
                                removed=model.removed[1] if model.removed else None)
        self._set_count(sum(item.quantity for item in model.cart))

    def _set_count(self, count: int) -> None:
        """The cart's count on the sidebar's Cart button (0: none shown)."""
        sidebar = getattr(self.window, "sidebar", None)
        if hasattr(sidebar, "set_cart_count"):
            sidebar.set_cart_count(count)

    def _model_do(self, change) -> None:
        if self._model is not None:
            try:
                change(self._model)
            except CartError as exc:
                log.info("cart change refused: %s", exc)

    def _edit(self, item_id: str, changes: dict) -> None:
        self._model_do(lambda model: model.update(item_id, **changes))

    def _showing(self, account_id: str) -> bool:
        """Whether an answer for `account_id` can still be shown (same account, window not closed meanwhile)."""
        return (account_id == self.sessions.current_id and self.cart is not None and isValid(self.cart)
                and not self.sessions.shut_down)

    def refresh_online(self) -> None:
        if self.cart is not None and isValid(self.cart):
            self.cart.set_online(self.sessions.is_online(self.sessions.current_id),
                                 signed_out(self.sessions.current))

    # -- the store -----------------------------------------------------------------------------------------------------
    def add(self, choice: dict) -> None:
        page = self.store.product_page
        if self._model is None:
            return
        try:
            item = self._model.add(choice["product_id"], choice["billing_cycle"], choice.get("config") or {},
                                   int(choice.get("quantity") or 1))
        except CartError as exc:
            page.show_added(str(exc), ok=False)
            return
        page.show_added(translate("CartFeature", "Added to your cart ({count} in cart).").format(count=item.quantity))

    # -- the panel -----------------------------------------------------------------------------------------------------
    def validate_coupon(self, code: str, items: list[dict]) -> None:
        session = self.session
        if session is None:
            return
        account_id = session.id
        problem = coupon_problem(code)
        if problem:      # the panel would answer 422 (not a coupon_invalid reason): said here, nothing asked
            self.cart.show_coupon_error(problem)
            return
        code = code.strip()

        def done(result: dict) -> None:
            if result.get("valid") and not session.closed:
                session.cart.set_coupon({k: result.get(k) for k in ("code", "type", "value", "recurring")})
            if self._showing(account_id):
                self.cart.show_coupon_result(result)

        def failed(error: BaseException) -> None:
            if not self._showing(account_id):
                return
            if isinstance(error, CouponInvalid):
                self.cart.show_coupon_result({"valid": False, "reason": error.reason or str(error)})
            elif isinstance(error, NetworkError):
                self.cart.show_coupon_error(translate("CartFeature",
                                                      "Applying a coupon needs a connection to the panel."))
            else:
                self.cart.show_coupon_error(action_failed(error))     # a code in Sett's words, never raw

        session.run(cart_ops.validate_coupon, code, items, on_done=done, on_error=failed)

    def preview(self, body: dict) -> None:
        session = self.session
        if session is None or session.online is False:
            return
        account_id, asked = session.id, dict(body)

        def done(result: dict) -> None:
            if self._showing(account_id):
                self.cart.show_preview(asked, result)

        def failed(error: BaseException) -> None:
            if not self._showing(account_id):
                return
            reason = (error.reason or str(error)) if isinstance(error, CouponInvalid) else None
            if isinstance(error, NetworkError):
                error = NetworkError(translate("CartFeature", "the panel could not be reached"))
            self.cart.show_preview_error(asked, str(error), reason)

        session.run(cart_ops.preview, asked, on_done=done, on_error=failed)


def install(sessions: Sessions, window) -> CartFeature:
    return CartFeature(sessions, window)


def prepare_view(sessions: Sessions, window, view: str) -> str:
    """For `--screenshot --view`: "product" opens the first product whose size the buyer chooses; "cart" with an
    empty cart puts up to three of the store's products in it. Returns the section to show."""
    session = sessions.current
    products = session.data.products if session is not None and session.data is not None else []
    if view == "product":
        chosen = next((p for p in products if p.get("config_ranges")), products[0] if products else None)
        if chosen is not None:
            window.sections["store"].open_product(str(chosen["id"]))
        return "store"
    if view == "cart" and session is not None and not session.cart.cart.items:
        for product in [p for p in products if p.get("in_stock", True)][:3]:
            rows = product.get("pricing") or []
            if rows:
                session.cart.add(str(product["id"]), rows[0]["billing_cycle"], {}, 1)
    return view
