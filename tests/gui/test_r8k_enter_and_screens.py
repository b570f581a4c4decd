"""The keyboard in the window, from a user's view:
- Enter on a focused button presses it, as Space does (Qt's buttons take Enter only inside a dialog: Back, Pay…,
  a sidebar screen or Export's menu did nothing on Enter);
- Enter in the product page's billing cycle or quantity adds the product to the cart (it did nothing), while Enter on
  its Back button goes back;
- Ctrl+1..8 put the focus on what the screen lists (a list's rows, the Store's search, the Dashboard's first card):
  Invoices handed it to Pay all due; and the Dashboard shown first starts on its first card, where the screen itself
  held the focus, unseen;
- a dialog closed with Escape gives the focus back to the button that opened it."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu

from app.views.checkout.dialog import CheckoutDialog
from app.views.service_page import CancelDialog

from . import samples
from .test_drift_actions import Panel, canned_app, invoice, service, settle, signed_in  # noqa: F401  (the fixture)

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard")
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def window(canned_app, qtbot):  # noqa: F811
    unpaid = invoice(1, "pending", "10.00")
    signed_in(canned_app, Panel({"invoice": lambda _id: unpaid}), invoices=[unpaid],
              services=[service(1, "active", "2026-12-20")], categories=samples.CATEGORIES, products=samples.PRODUCTS,
              config={"credits": {"enabled": True, "balance": "5.00", "currency": "USD"}})
    window = canned_app.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def enter(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(widget, Qt.Key.Key_Return, NONE)
    settle()


def back_to(qtbot, window) -> None:
    """Close what the key opened and make the window the active one again, as the desktop does."""
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible() and hasattr(widget, "reject"):
            widget.reject()
    settle()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_enter_presses_the_focused_button(window, qtbot):
    invoices = window.sections["invoices"]
    window.select_section("invoices")
    assert invoices.open_invoice("i-1")
    enter(qtbot, invoices.page.pay_button)                        # Pay…: the review opens
    assert isinstance(QApplication.activeWindow(), CheckoutDialog)
    back_to(qtbot, window)
    enter(qtbot, invoices.page.back)                              # Back: the list again
    assert not invoices.page_open
    enter(qtbot, window.sidebar.buttons["services"])              # a screen of the sidebar
    assert window.current_key == "services"
    window.select_section("invoices")
    export = invoices.export_button
    seen = []

    def look() -> None:
        menu = QApplication.activePopupWidget()
        seen.append(isinstance(menu, QMenu))
        if menu is not None:
            menu.close()

    QTimer.singleShot(50, look)
    enter(qtbot, export)                                          # Export: its menu
    assert seen == [True]
    window.sidebar.theme_button.setFocus()
    with qtbot.waitSignal(window.sidebar.theme_toggle_requested, timeout=2000):
        qtbot.keyClick(window.sidebar.theme_button, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)


def test_enter_in_the_product_page_adds_it_to_the_cart_and_enter_on_back_goes_back(window, qtbot):
    store = window.sections["store"]
    window.select_section("store")
    assert store.open_product("cloud-vps-custom")
    page = store.product_page
    added = []
    page.add_requested.connect(added.append)
    enter(qtbot, page.quantity)
    enter(qtbot, page.cycle)
    assert len(added) == 2 and store.pages.currentWidget() is page
    enter(qtbot, page.back)
    assert len(added) == 2 and store.pages.currentWidget() is store.catalogue


def test_ctrl_number_puts_the_focus_on_what_the_screen_lists(window, qtbot):
    wanted = {"dashboard": lambda s: next(iter(s.cards.values())), "store": lambda s: s.search,
              "services": lambda s: s.table, "invoices": lambda s: s.table}
    keys = window.numbered_keys()
    window.sidebar.buttons["orders"].setFocus()
    for key, target in wanted.items():
        number = keys.index(key) + 1
        qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{number}"),
                       Qt.KeyboardModifier.ControlModifier)
        settle()
        assert window.current_key == key
        assert QApplication.focusWidget() is target(window.sections[key]), (key, QApplication.focusWidget())


def test_the_first_screen_starts_with_the_focus_on_its_first_card(window):
    # Shown before its figures arrived, the Dashboard itself held the focus: nothing showed it, Tab began from it.
    window.select_section("dashboard")
    assert window.focusWidget() is next(iter(window.sections["dashboard"].cards.values()))


def test_escape_gives_the_focus_back_to_the_button_that_opened_the_dialog(window, qtbot):
    services = window.sections["services"]
    window.select_section("services")
    assert services.open_service("s-1")
    credits = window.sections["credits"]
    credits.top_up_amount.setText("20")
    openers = [("services", services.page.cancel_button, CancelDialog),
               ("credits", credits.top_up_button, CheckoutDialog),
               ("dashboard", window.sections["dashboard"].pay_all, CheckoutDialog)]
    for key, button, kind in openers:
        window.select_section(key)
        settle()
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(button, Qt.Key.Key_Space, NONE)
        settle()
        dialog = QApplication.activeWindow()
        assert isinstance(dialog, kind), key
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape, NONE)
        settle()
        assert not dialog.isVisible(), key
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        assert QApplication.focusWidget() is button, (key, QApplication.focusWidget())
