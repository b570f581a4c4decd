"""After switching accounts the sidebar's cart badge says the new account's count, or nothing while its cart is
loading: it kept the previous account's count until the new account's cart model had loaded. Fakes stand in for the
sessions and the window; the feature is the real CartFeature."""
from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QObject, Signal

from app.features.cart import CartFeature


class FakeCart(QObject):
    changed = Signal()

    def __init__(self, quantities: list[int], loaded: bool) -> None:
        super().__init__()
        self.loaded = loaded
        self.cart = [SimpleNamespace(quantity=q) for q in quantities]
        self.options, self.structure, self.removed = {}, True, None

    def load(self, quantities: list[int]) -> None:
        self.cart = [SimpleNamespace(quantity=q) for q in quantities]
        self.loaded = True
        self.changed.emit()


class FakeSessions(QObject):
    current_changed = Signal(object)
    changed = Signal(str, object)
    sync_failed = Signal(str, object)
    status_changed = Signal(str, object)

    def __init__(self) -> None:
        super().__init__()
        self.current = None
        self.current_id = None
        self.shut_down = False

    def switch(self, account_id: str | None, cart: FakeCart | None) -> None:
        self.current_id = account_id
        self.current = None if cart is None else SimpleNamespace(id=account_id, cart=cart, closed=False,
                                                                 needs_login=False, online=False)
        if cart is not None:
            cart.session = self.current
        self.current_changed.emit(account_id)


class Sidebar(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.counts: list[int] = []

    def set_cart_count(self, count: int) -> None:
        self.counts.append(count)


class Window(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.sidebar = Sidebar()
        self.sections = SimpleNamespace(on_built=lambda key, then: None)


def test_the_badge_never_shows_the_previous_accounts_count(qapp):
    sessions, window = FakeSessions(), Window()
    feature = CartFeature(sessions, window)
    first = FakeCart([2, 1], loaded=True)
    sessions.switch("a", first)
    assert window.sidebar.counts[-1] == 3

    second = FakeCart([], loaded=False)
    sessions.switch("b", second)
    assert window.sidebar.counts[-1] == 0          # at once: not a's 3 while b's cart loads
    second.load([5])
    assert window.sidebar.counts[-1] == 5

    sessions.switch("a", first)                     # back to a loaded cart: its count at once
    assert window.sidebar.counts[-1] == 3
    sessions.switch(None, None)                     # no account left
    assert window.sidebar.counts[-1] == 0
    first.changed.emit()                            # the old model no longer speaks for the badge
    assert window.sidebar.counts[-1] == 0
    assert feature is not None
