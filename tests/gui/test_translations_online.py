"""The German build shows no English online either: against the real panel, signed in and synced, every main screen,
a product's page before and after adding it, the cart with the panel's own totals and the checkout's review (of the
order, and of a top-up), in English and then in German
(test_translations.py checks the screens of a cached account that is offline)."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from app.views.account_switcher import initials
from app.views.sections import SIDEBAR_ORDER

from .conftest import WAIT, add_account, close
from .test_translations import visible_texts
from .test_translations_dialogs import english_left, german, texts_of

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints"), pytest.mark.usefixtures("utc")]


@pytest.fixture(scope="module")
def world(shop) -> dict:
    category = shop.category(name="Boxes")
    box = shop.product(category["id"], name="Fixed Box", description="A box.",
                       pricing=[{"billing_cycle": "monthly", "price": "12.00", "setup_fee": "3.00"},
                                {"billing_cycle": "annual", "price": "120.00", "setup_fee": "0.00"}])
    return {"box": box, "buyer": shop.user(credits="5.00")}


def online_texts(make_app, qtbot, url: str, email: str, *, first: bool) -> tuple[dict[str, set[str]], set[str]]:
    """Each screen's visible texts, and the panel's own words (its name, the buyer's name)."""
    app = make_app()
    if first:
        add_account(qtbot, app, url, email)
    else:
        qtbot.waitUntil(lambda: bool(app.synced_log), timeout=WAIT)
    window = app.window
    qtbot.waitUntil(lambda: window.status.state == "online", timeout=WAIT)
    seen: dict[str, set[str]] = {}

    def look(name: str) -> None:
        seen[name] = visible_texts(window)

    for key in SIDEBAR_ORDER:
        window.select_section(key)
        look(key)
    window.select_section("store")
    store = window.sections["store"]
    store.search.setText("Fixed Box")
    qtbot.waitUntil(lambda: [c.name.text() for c in store.cards] == ["Fixed Box"], timeout=WAIT)
    with qtbot.waitSignal(store.product_opened, timeout=WAIT):
        qtbot.mouseClick(store.cards[0], Qt.MouseButton.LeftButton)
    look("product")
    qtbot.mouseClick(store.product_page.add_button, Qt.MouseButton.LeftButton)
    look("product/added")
    window.select_section("cart")
    cart = window.sections["cart"]
    qtbot.waitUntil(lambda: bool(cart.cart.items) and cart.preview is not None, timeout=WAIT)     # the panel's totals
    look("cart")
    # The checkout's review, as the panel totals it: the cart's order, then a top-up.
    checkout = app.features["checkout"]
    qtbot.mouseClick(cart.findChild(QPushButton, "checkoutButton"), Qt.MouseButton.LeftButton)
    reviews = [checkout.open_sessions[-1]]
    reviews.append(checkout.start(app.current_id, "top_up", {"amount": "10.00"}))
    for name, review in zip(("checkout/order", "checkout/top-up"), reviews, strict=True):
        dialog = review.dialog
        qtbot.waitUntil(lambda d=dialog: d.review_heading.text() != d.windowTitle(), timeout=WAIT)
        seen[name] = texts_of(dialog)
        dialog.done(0)
    session = app.sessions.current
    name = session.account.name
    own = {session.data.public_settings.get("panel_name") or "", "Test User", email, name, initials(name)}
    close(app)
    return seen, own


def test_the_german_build_shows_no_english_online(make_app, qapp, qtbot, panel, world):
    email = world["buyer"].user["email"]
    english, own = online_texts(make_app, qtbot, panel.url, email, first=True)
    with german(qapp):
        in_german, _own = online_texts(make_app, qtbot, panel.url, email, first=False)
    own |= {"Boxes", "Fixed Box", "A box."}
    assert "Online" in " ".join(in_german["dashboard"]) and "Warenkorb" in in_german["cart"]
    everything = set().union(*english.values())
    left = {name: english_left(texts, everything, own) for name, texts in in_german.items()}
    left = {name: texts for name, texts in left.items() if texts}
    assert not left, "English left on the German screens online:\n" + "\n".join(f"{k}: {v}" for k, v in left.items())
