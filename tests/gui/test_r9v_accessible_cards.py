"""What a screen reader is told about the widgets that act as buttons without being QPushButtons: the Dashboard's
cards, the Store's product cards and the narrow sidebar's account switcher are announced as buttons (a menu button
for the switcher), with their figure or product as the name, what pressing them opens as the description, and the
Press action assistive technology offers, which opens what a click opens. The keyboard opens them too (Enter,
Space). And the ticket's conversation, where Tab stops to scroll it, has a name."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface

from app.views.account_switcher import AccountSwitcher
from app.views.ticket_page import TicketPage

from .test_drift_actions import Panel, canned_app, invoice, settle, signed_in  # noqa: F401
from .test_drift_stock import CATEGORY, product

PRESS = QAccessibleActionInterface.pressAction()


def told(widget):
    face = QAccessible.queryAccessibleInterface(widget)
    assert face is not None
    actions = face.actionInterface()
    return face, (actions.actionNames() if actions is not None else [])


def test_dashboard_cards_are_buttons_that_say_what_they_open(canned_app, qtbot):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}), invoices=[invoice(1, "overdue", "10.00")])
    app.window.select_section("dashboard")
    settle()
    dashboard = app.window.sections["dashboard"]
    for name, card in dashboard.cards.items():
        face, actions = told(card)
        assert face.role() == QAccessible.Role.Button, name
        assert card.title.text() in face.text(QAccessible.Text.Name), name
        assert face.text(QAccessible.Text.Description).strip(), name
        assert "Opens" in face.text(QAccessible.Text.Description), name
        assert PRESS in actions, name
    overdue = dashboard.cards["overdue"]
    assert "overdue invoices" in told(overdue)[0].text(QAccessible.Text.Description)
    told(overdue)[0].actionInterface().doAction(PRESS)        # as a screen reader presses it
    settle()
    assert app.window.current_key == "invoices"
    app.window.select_section("dashboard")
    settle()
    card = dashboard.cards["services"]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Space)
    settle()
    assert app.window.current_key == "services"


def test_store_product_cards_are_buttons_that_open_the_product(canned_app, qtbot):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}), categories=[CATEGORY], products=[product(3)])
    store = app.window.sections["store"]
    app.window.select_section("store")
    settle()
    qtbot.waitUntil(lambda: bool(store.cards))
    card = store.cards[0]
    face, actions = told(card)
    assert face.role() == QAccessible.Role.Button
    assert "Last VPS" in face.text(QAccessible.Text.Name)
    assert "choose its billing cycle" in face.text(QAccessible.Text.Description)
    assert PRESS in actions and card.focusPolicy() & Qt.FocusPolicy.TabFocus
    face.actionInterface().doAction(PRESS)
    settle()
    assert store.pages.currentWidget() is store.product_page


def test_the_narrow_account_switcher_is_a_menu_button_and_the_wide_one_is_not(qtbot):
    switcher = AccountSwitcher()
    qtbot.addWidget(switcher)
    switcher.set_compact(True)
    face, actions = told(switcher)
    assert face.role() == QAccessible.Role.ButtonMenu
    assert "menu of your accounts" in face.text(QAccessible.Text.Description)
    assert PRESS in actions
    switcher.set_compact(False)
    face, actions = told(switcher)
    assert face.role() != QAccessible.Role.ButtonMenu and PRESS not in actions
    assert face.text(QAccessible.Text.Description) == ""


def test_the_tickets_conversation_has_a_name(qtbot):
    page = TicketPage()
    qtbot.addWidget(page)
    assert page.scroll.accessibleName() == "Conversation"
    assert told(page.scroll)[0].text(QAccessible.Text.Name) == "Conversation"
