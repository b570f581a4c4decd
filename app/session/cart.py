"""`CartModel`: the account's cart, owned by its session. The cart screen shows it and asks for changes; the model
applies them at once (pure app.core.cart rules, on the UI thread, so editing never waits) and writes the whole cart
to the account's cache on the worker, so it survives a restart and works offline.

One truth: the model. The cache follows it (write-behind, in order, on the account's one worker); a checkout that
created an order empties it through `clear()` (and the order operation empties the cached copy as well, so a crash
in between cannot bring the bought items back).
"""
from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from app.core.account_data import AccountData
from app.core.cart import Cart, CartItem
from app.core.credit import credits_spendable

from .cart_store import CHECKOUT, DEFAULT_OPTIONS, kept
from .operations import cart as cart_ops
from .operations.keeping import stamp, within_window

if TYPE_CHECKING:
    from .account import AccountSession


class CartModel(QObject):
    changed = Signal()            # items or options changed; `structure` tells whether lines came or went

    def __init__(self, session: AccountSession) -> None:
        super().__init__(session)
        self.session = session
        self.cart = Cart()
        self.options: dict[str, Any] = dict(DEFAULT_OPTIONS)
        self.loaded = False
        self.structure = True     # the last change added or removed a line (the screen rebuilds its lines)
        # The line the user removed last and where it stood, for Undo until the next line comes or goes by other
        # means (added, bought). Not saved: an undo belongs to this run, not to the account's data.
        self.removed: tuple[int, CartItem] | None = None

    # -- reading ------------------------------------------------------------------------------------------------
    def loaded_from(self, data: AccountData) -> None:
        """The first read of the account's cache fills the model; later reads are the model's own writes."""
        if self.loaded:
            return
        self.loaded = True
        self.cart = Cart.from_dicts(data.cart)
        self.options = kept(data.cart_options or {})
        self._emit(structure=True, save=False)

    @property
    def coupon_code(self) -> str | None:
        return (self.options.get("coupon") or {}).get("code") or None

    @property
    def use_credits(self) -> bool:
        return bool(self.options.get("use_credits", True))

    def request_body(self) -> dict:
        """What checkout/preview and checkout take: the items, the coupon's code, and credits when the buyer chose
        them and the account has some to spend (the cart screen sends the same)."""
        return {"items": self.cart.to_items(), "coupon_code": self.coupon_code,
                "use_credits": self.use_credits and credits_spendable(self.session.data)}

    # -- changing (CartError for what the panel would refuse; nothing changes then) -------------------------------
    def add(self, product_id: str, billing_cycle: str, config: dict | None = None, quantity: int = 1) -> CartItem:
        item = self.cart.add(product_id, billing_cycle, config, quantity)
        self.removed = None
        self._emit(structure=True)
        return item

    def update(self, item_id: str, **changes: Any) -> None:
        if self.cart.get(item_id) is None:
            return
        self.cart.update(item_id, **changes)
        self._emit(structure=False)

    def remove(self, item_id: str) -> None:
        removed = self.cart.remove(item_id)
        if removed is not None:
            self.removed = removed
            self._emit(structure=True)

    def undo_remove(self) -> CartItem | None:
        """The line removed last back where it stood. (Adding a line forgets the removed one, so the cart always has
        room for it.)"""
        if self.removed is None:
            return None
        index, item = self.removed
        restored = self.cart.restore(index, item)
        self.removed = None
        self._emit(structure=True)
        return restored

    def set_coupon(self, coupon: dict | None) -> None:
        if coupon != self.options.get("coupon"):
            self.options["coupon"] = coupon
            self._emit(structure=False)

    def set_use_credits(self, use: bool) -> None:
        if bool(use) != self.use_credits:
            self.options["use_credits"] = bool(use)
            self._emit(structure=False)

    # -- the order attempt's key ---------------------------------------------------------------------------------
    def checkout_key(self, attempt: str, now: datetime | None = None) -> str | None:
        """The Idempotency-Key of the last order attempt from this cart if it was for `attempt` (what it bought: the
        same items and coupon): its answer never came (a dropped connection, the dialog closed, Sett quit), so the
        panel may have made the order, and only the same key makes it answer that order instead of a second one.
        Only within the panel's window for keys (operations.keeping.KEY_WINDOW): past it the panel may have
        forgotten the key, and a retry with it would not be known as one (`checkout_expired`)."""
        remembered = self._checkout(attempt)
        if remembered is not None and within_window(remembered.get("kept_at"), now):
            return str(remembered["key"])
        return None

    def checkout_expired(self, attempt: str, now: datetime | None = None) -> bool:
        """Whether an attempt at `attempt` got no answer and is past the window: the next one goes with a new key,
        so if that attempt made an order, the panel makes a second one (the first is in Orders)."""
        return self._checkout(attempt) is not None and self.checkout_key(attempt, now) is None

    def _checkout(self, attempt: str) -> dict | None:
        remembered = self.options.get(CHECKOUT)
        if isinstance(remembered, dict) and remembered.get("for") == attempt and remembered.get("key"):
            return remembered
        return None

    def remember_checkout(self, key: str, attempt: str, now: datetime | None = None) -> None:
        """The attempt's key from now on (replacing one past the window); the order operation saves it with the cart
        before the attempt is sent (kept_keys.order), so a crash mid-request keeps it too. The cart on screen is
        unchanged. The same key again keeps its first time: the panel's window runs from the first attempt."""
        remembered = self._checkout(attempt)
        kept_at = remembered.get("kept_at") if remembered is not None and remembered.get("key") == key else None
        self.options[CHECKOUT] = {"key": key, "for": attempt, "kept_at": kept_at or stamp(now or datetime.now(UTC))}

    def forget_checkout(self) -> None:
        """The panel refused the attempt (it keeps no key for a refusal): the next one is new."""
        if self.options.get(CHECKOUT) is not None:
            self.options[CHECKOUT] = None
            self.session.run(cart_ops.save_cart, self.cart.to_dicts(), dict(self.options))

    def clear(self) -> None:
        """After the panel created an order from the cart: no items, no coupon (it was used), no attempt to
        repeat."""
        self.cart = Cart()
        self.options["coupon"] = None
        self.options[CHECKOUT] = None
        self.removed = None
        self.loaded = True
        self._emit(structure=True)

    def _emit(self, *, structure: bool, save: bool = True) -> None:
        self.structure = structure
        if save:
            self.session.run(cart_ops.save_cart, self.cart.to_dicts(), dict(self.options))
        self.changed.emit()
