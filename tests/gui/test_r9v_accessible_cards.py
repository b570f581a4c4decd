"""What a screen reader is told about the widgets that open something without being QPushButtons: the Dashboard's
cards, the Store's product cards and the narrow sidebar's account switcher carry their figure or product as the
name and what opening them leads to as the description; the keyboard opens them (Enter, Space). And the ticket's
conversation, where Tab stops to scroll it, has a name.

(An accessibility factory that announced the cards as buttons was tried and taken out: Qt keeps the interfaces a
factory makes, and one made in Python crashed the process later, in a QtWebEngine page's test.)"""
from __future__ import annotations

from PySide6.QtCore import Qt

from app.views.account_switcher import AccountSwitcher
from app.views.ticket_page import TicketPage

from .test_drift_actions import Panel, canned_app, invoice, settle, signed_in  # noqa: F401
from .test_drift_stock import CATEGORY, product


def test_dashboard_cards_say_what_they_open_and_open_from_the_keyboard(canned_app, qtbot):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}), invoices=[invoice(1, "overdue", "10.00")])
    app.window.select_section("dashboard")
    settle()
    dashboard = app.window.sections["dashboard"]
    for name, card in dashboard.cards.items():
        assert card.title.text() in card.accessibleName(), name
        assert "Opens" in card.accessibleDescription(), name
    assert "overdue invoices" in dashboard.cards["overdue"].accessibleDescription()
    card = dashboard.cards["services"]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Space)
    settle()
    assert app.window.current_key == "services"


def test_store_product_cards_say_what_they_open(canned_app, qtbot):  # noqa: F811
    app = canned_app
    signed_in(app, Panel({}), categories=[CATEGORY], products=[product(3)])
    store = app.window.sections["store"]
    app.window.select_section("store")
    settle()
    qtbot.waitUntil(lambda: bool(store.cards))
    card = store.cards[0]
    assert "Last VPS" in card.accessibleName()
    assert "choose its billing cycle" in card.accessibleDescription()
    assert card.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_the_narrow_account_switcher_says_it_opens_the_accounts_menu(qtbot):
    switcher = AccountSwitcher()
    qtbot.addWidget(switcher)
    switcher.set_compact(True)
    assert "menu of your accounts" in switcher.accessibleDescription()
    switcher.set_compact(False)
    assert switcher.accessibleDescription() == ""


def test_the_tickets_conversation_has_a_name(qtbot):
    page = TicketPage()
    qtbot.addWidget(page)
    assert page.scroll.accessibleName() == "Conversation"
