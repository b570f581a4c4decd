"""After switching accounts the Cart screen shows none of the previous account's lines while the new account's cart
loads (it kept them, with Checkout enabled, until the new cart model had loaded), then the new account's lines. The
real CartFeature and the real Cart screen; fakes stand in for the sessions and the window."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from app.core.account_data import AccountData
from app.core.cart import Cart, CartItem
from app.features.cart import CartFeature
from app.views.cart import CartSection

from . import samples
from .test_r3_cart_badge_on_switch import FakeSessions, Sidebar

PRODUCT = samples.PRODUCTS[0]["id"]


class LoadingCart(QObject):
    changed = Signal()

    def __init__(self, items: list[CartItem], loaded: bool) -> None:
        super().__init__()
        self.loaded, self.cart = loaded, Cart(items)
        self.options, self.structure, self.removed = {"coupon": None, "use_credits": True}, True, None

    def load(self, items: list[CartItem]) -> None:
        self.cart, self.loaded = Cart(items), True
        self.changed.emit()


class Window(QObject):
    def __init__(self, cart_screen: CartSection) -> None:
        super().__init__()
        self.sidebar = Sidebar()
        self.cart_screen = cart_screen

        class Sections:
            @staticmethod
            def on_built(key, then):
                if key == "cart":
                    then(cart_screen)
        self.sections = Sections()


class Sessions(FakeSessions):
    def is_online(self, _account_id) -> bool:
        return True


def test_the_cart_screen_never_shows_the_previous_accounts_lines(qtbot):
    screen = CartSection()
    qtbot.addWidget(screen)
    sessions = Sessions()
    CartFeature(sessions, Window(screen))
    screen.show_data(AccountData("a", billing_config=samples.BILLING_CONFIG, products=samples.PRODUCTS))
    first = LoadingCart([CartItem("line-a", PRODUCT, "monthly")], loaded=True)
    sessions.switch("a", first)
    assert set(screen.lines) == {"line-a"}

    second = LoadingCart([], loaded=False)
    sessions.switch("b", second)
    assert screen.account_id == "b" and not screen.lines        # at once: not a's line while b's cart loads
    second.load([CartItem("line-b", PRODUCT, "monthly")])
    assert set(screen.lines) == {"line-b"}
