"""Sett by keyboard and screen reader: every icon-only button is named and explained, every field has a name or a
label, no menu repeats an Alt+letter (in English or German), the View menu lists the screens on Ctrl+1..9, Ctrl+F
finds the current list's search (the Store's too), Enter opens a row or a product and Escape comes back to it (a
first Escape only leaves a reply being written), and a dialog starts in its first field and tabs in reading order.
"""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from app.shell import language
from app.views.exports import PdfBatchDialog
from app.views.main_window import MainWindow
from app.views.sections import screens
from tests.support.catalogue import buy

from .conftest import WAIT, add_account, texts
from .test_translations import compiled_qm
from .test_window import press

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
NONE = Qt.KeyboardModifier.NoModifier


def mnemonic(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def clashes(texts_: list[str]) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = {}
    for text in texts_:
        if (key := mnemonic(text)) is not None:
            seen.setdefault(key, []).append(text)
    return {key: found for key, found in seen.items() if len(found) > 1}


@pytest.fixture(params=["en", "de"])
def lang(qapp, request):
    """The application in English, then in German (the compiled .qm installed), and back to English after."""
    compiled_qm()
    translators = language.install(request.param, qapp)
    assert translators or request.param == "en", "the German .qm did not load"
    yield request.param
    language.uninstall(translators, qapp)


def active_window(qtbot, make_app, user):
    """Sett signed in as `user` and synced, its window active so that key presses reach it."""
    app = make_app()
    add_account(qtbot, app, user.panel.url, user.user["email"])
    window = app.window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    return window


def shown_active(qtbot, dialog: QDialog) -> QDialog:
    """`dialog` shown and active, as when it opens: its first field has the focus."""
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=WAIT)
    return dialog


def open_first_row(qtbot, section, key) -> None:
    """Select a list's first row and press `key` on the table; its page opens."""
    section.table.setFocus()
    section.table.setCurrentIndex(section.table.model().index(0, 0))
    press(qtbot, section.table, key, NONE)
    qtbot.waitUntil(lambda: section.page_open, timeout=WAIT)


def test_no_menu_repeats_an_alt_letter(lang):
    window = MainWindow(screens())
    bar = window.menuBar()
    assert not clashes([a.text() for a in bar.actions()])
    for menu in bar.findChildren(QMenu):
        assert not clashes([a.text() for a in menu.actions() if a.isVisible()]), menu.title()
    window.deleteLater()


def unnamed(root: QWidget) -> list[str]:
    """Icon-only buttons without an accessible name or tooltip; fields with neither a label nor a name."""
    labelled = {label.buddy() for label in root.findChildren(QLabel)}
    label_role, field_role = QFormLayout.ItemRole.LabelRole, QFormLayout.ItemRole.FieldRole
    for form in root.findChildren(QFormLayout):
        labelled |= {form.itemAt(r, field_role).widget() for r in range(form.rowCount())
                     if form.itemAt(r, label_role) and form.itemAt(r, field_role)}
    problems = []
    for button in root.findChildren(QAbstractButton):
        if button.isVisibleTo(root) and not button.text().strip() and not (button.accessibleName()
                                                                            and button.toolTip()):
            problems.append(f"button {button.objectName()!r} {button.accessibleName()!r} {button.toolTip()!r}")
    fields = [*root.findChildren(QLineEdit), *root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox),
              *root.findChildren(QPlainTextEdit)]
    for field in fields:
        if (field.isVisibleTo(root) and not isinstance(field.parent(), (QComboBox, QAbstractSpinBox))
                and field not in labelled and not field.accessibleName()):
            problems.append(f"field {type(field).__name__} {field.objectName()!r}")
    return problems


def test_the_screens_by_keyboard(make_app, shop, qtbot):
    product = shop.product(name="Keys VPS")
    user = shop.user(credits="10.00")
    order = buy(user, product["id"])
    window = active_window(qtbot, make_app, user)

    # The View menu names each screen beside its Ctrl+number, in the sidebar's order.
    listed = [(a.text(), a.shortcut().toString()) for a in window.menus.menus["view"].actions() if a.isVisible()
              and a.shortcut().toString().startswith("Ctrl+") and a.shortcut().toString()[-1].isdigit()]
    keys = window.numbered_keys()
    assert listed == [(window.sidebar.buttons[k].title, f"Ctrl+{n}") for n, k in enumerate(keys, start=1)]
    assert [title for title, _ in listed[:2]] == ["Dashboard", "Store"]

    # Every screen, wide and narrow: nothing a screen reader would read as "button" alone.
    window.show_banner("test", "info", "A banner")
    for width in (1400, 1000):
        window.resize(width, 800)
        for key in keys:
            window.select_section(key)
            QApplication.processEvents()
            assert not unnamed(window), (key, width, unnamed(window))

    # The lists: Ctrl+F finds the search, Enter opens the row, Escape goes back with the focus on the table.
    invoice = order["invoice"]["invoice_number"]
    for key, wanted in (("services", "Keys VPS"), ("invoices", invoice), ("orders", None)):
        window.select_section(key)
        section = window.sections[key]
        qtbot.waitUntil(lambda s=section: s.table.model().rowCount() == 1, timeout=WAIT)
        press(qtbot, window, Qt.Key.Key_F)
        assert QApplication.focusWidget() is section.list.filters.search, key
        # Tab in reading order: the scope toggle (top right) before the filters, the table after the search.
        section.set_scope_available(True)
        after_search = [section.export_button] if key == "invoices" else []
        assert tab_from(qtbot, section.list.filters.search, 1 + len(after_search)) == [*after_search, section.table]
        assert tab_from(qtbot, section.list.filters.status, 1, backwards=True) == [
            section.pay_due.pay_selected if key == "invoices" and section.pay_due.pay_selected.isVisible()
            else section.pay_due.pay_all if key == "invoices" and section.pay_due.pay_all.isVisible()
            else section.scope_toggle.all_button], key
        section.set_scope_available(False)
        if wanted is not None:
            assert wanted in texts(section.table.model())
        open_first_row(qtbot, section, Qt.Key.Key_Return)
        press(qtbot, QApplication.focusWidget() or window, Qt.Key.Key_Tab, NONE)
        assert QApplication.focusWidget() is section.page.back, key     # Back, at the top, comes first
        press(qtbot, window, Qt.Key.Key_F)                      # Ctrl+F on the page: back to the list's search
        assert not section.page_open and QApplication.focusWidget() is section.list.filters.search, key
        section.table.setFocus()
        press(qtbot, section.table, Qt.Key.Key_Return, NONE)
        qtbot.waitUntil(lambda s=section: s.page_open, timeout=WAIT)
        press(qtbot, QApplication.focusWidget() or window, Qt.Key.Key_Escape, NONE)
        assert not section.page_open, key
        assert QApplication.focusWidget() is section.table, key

    # The Dashboard: the cards in order, then its recent orders (made later, they came after the chart).
    window.select_section("dashboard")
    dashboard = window.sections["dashboard"]
    qtbot.waitUntil(lambda: bool(dashboard.recent_orders.buttons), timeout=WAIT)
    cards = list(dashboard.cards.values())
    assert tab_from(qtbot, cards[0], len(cards) - 1) == cards[1:]
    all_orders = dashboard.recent_orders.findChild(QAbstractButton, "allOrdersButton")
    assert tab_from(qtbot, cards[-1], 2) == [all_orders, dashboard.recent_orders.buttons[0]]

    # Credits: the heading row's Export, then the balance's top-up, then the history.
    window.select_section("credits")
    credits = window.sections["credits"]
    top_up = [credits.top_up_amount] if credits.top_up_amount.isVisible() and credits.top_up_amount.isEnabled() else []
    assert tab_from(qtbot, credits.export_button, 1 + len(top_up)) == [*top_up, credits.table]

    # The Store: Ctrl+F, Tab to a card, Enter opens the product, Escape comes back to the same card.
    window.select_section("store")
    store = window.sections["store"]
    qtbot.waitUntil(lambda: bool(store.cards), timeout=WAIT)
    press(qtbot, window, Qt.Key.Key_F)
    assert QApplication.focusWidget() is store.search
    store.search.setText("Keys VPS")
    card = next(c for c in store.cards if c.product.get("name") == "Keys VPS")
    qtbot.waitUntil(card.isVisible, timeout=WAIT)
    card.setFocus()
    press(qtbot, card, Qt.Key.Key_Return, NONE)
    assert store.pages.currentWidget() is store.product_page
    page = store.product_page
    assert tab_from(qtbot, page.back, 3) == [page.cycle, page.quantity, page.add_button]
    press(qtbot, window, Qt.Key.Key_F)
    assert store.pages.currentWidget() is store.catalogue and QApplication.focusWidget() is store.search
    card = next(c for c in store.cards if c.product.get("name") == "Keys VPS")
    card.setFocus()
    press(qtbot, card, Qt.Key.Key_Return, NONE)
    assert store.pages.currentWidget() is store.product_page
    press(qtbot, QApplication.focusWidget() or window, Qt.Key.Key_Escape, NONE)
    assert store.pages.currentWidget() is store.catalogue
    assert QApplication.focusWidget() is card


@pytest.mark.usefixtures("tickets_on")
def test_escape_keeps_a_reply_being_written(make_app, shop, qtbot):
    user = shop.user()
    user.data("POST", "/support/tickets", {"subject": "Keys", "department": "billing", "body": "Hello"}, expect=201)
    window = active_window(qtbot, make_app, user)
    window.select_section("support")
    section = window.sections["support"]
    qtbot.waitUntil(lambda: section.table.model().rowCount() == 1, timeout=WAIT)
    open_first_row(qtbot, section, Qt.Key.Key_Enter)           # the keypad's Enter opens it too
    box = section.page.reply_box
    box.setFocus()
    qtbot.keyClicks(box, "Half a reply")
    press(qtbot, box, Qt.Key.Key_Escape, NONE)
    assert section.page_open and box.toPlainText() == "Half a reply"       # the first Escape only left the box
    assert QApplication.focusWidget() is not box
    press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Escape, NONE)
    assert not section.page_open


def test_a_dialog_starts_in_its_first_field_and_tabs_in_reading_order(qapp, qtbot):
    dialog = shown_active(qtbot, PdfBatchDialog())
    assert QApplication.focusWidget() is dialog.start
    order = []
    for _ in range(4):
        here = QApplication.focusWidget()
        for _presses in range(4):       # Tab walks a date's day, month and year before it leaves the field
            press(qtbot, here, Qt.Key.Key_Tab, NONE)
            if QApplication.focusWidget() is not here:
                break
        order.append(QApplication.focusWidget())
    assert order[:3] == [dialog.end, dialog.folder, dialog.findChild(QAbstractButton, "pdfBrowse")]
    assert order[3] in dialog.buttons.buttons()
    form = dialog.layout()
    assert form.labelForField(form.itemAt(3, QFormLayout.ItemRole.FieldRole).layout()).buddy() is dialog.folder
    with qtbot.waitSignal(dialog.finished, timeout=WAIT) as finished:
        press(qtbot, dialog.start, Qt.Key.Key_Return, NONE)           # Enter: the default button, Save
    assert finished.args == [QDialog.DialogCode.Accepted.value]


def tab_from(qtbot, widget: QWidget, count: int, backwards: bool = False) -> list[QWidget]:
    """The widgets Tab (or Shift+Tab) lands on, `count` presses from `widget`."""
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    landed = []
    for _ in range(count):
        press(qtbot, QApplication.focusWidget(), Qt.Key.Key_Backtab if backwards else Qt.Key.Key_Tab,
              Qt.KeyboardModifier.ShiftModifier if backwards else NONE)
        landed.append(QApplication.focusWidget())
    return landed


def test_the_cart_tabs_from_its_lines_to_the_coupon_and_on_to_checkout(make_app, shop, qtbot):
    product = shop.product(name="Cart keys VPS")
    user = shop.user(credits="5.00")
    window = active_window(qtbot, make_app, user)
    window.sections["store"].add_to_cart.emit({"product_id": product["id"], "billing_cycle": "monthly",
                                               "config": {}, "quantity": 1})
    window.select_section("cart")
    cart = window.sections["cart"]
    qtbot.waitUntil(lambda: cart.checkout.isEnabled(), timeout=WAIT)
    cart.coupon_edit.setText("CODE")        # Apply is enabled once there is a code to apply
    (line,) = cart.lines.values()
    assert tab_from(qtbot, line.remove, 4) == [cart.coupon_edit, cart.coupon_apply, cart.use_credits, cart.checkout]
    assert tab_from(qtbot, cart.checkout, 3, backwards=True) == [cart.use_credits, cart.coupon_apply,
                                                                  cart.coupon_edit]


def dialogs() -> list[tuple[str, QDialog]]:
    from app.views.add_account_dialog import AddAccountDialog
    from app.views.billing_profile_dialog import BillingProfileDialog
    from app.views.new_ticket import NewTicketDialog
    from app.views.preferences import PreferencesDialog, PreferenceValues
    from app.views.service_page import CancelDialog

    add = AddAccountDialog(service=None)
    add.pages.setCurrentIndex(1)          # the sign-in step: its fields are the ones with labels
    values = PreferenceValues(poll_seconds=300, reminder_days=3, theme="light", language="system",
                              notifications=True, keep_in_tray=True, start_at_login=False)
    return [("add account", add), ("billing profile", BillingProfileDialog("Demo")), ("new ticket", NewTicketDialog()),
            ("preferences", PreferencesDialog(values, tray_available=True, autostart_note=None)),
            ("cancellation", CancelDialog("VPS", None)), ("pdfs", PdfBatchDialog())]


def test_each_dialogs_alt_letters_are_unique_and_reach_their_fields(qtbot, lang):
    for name, dialog in dialogs():
        shown_active(qtbot, dialog)
        shown = [w for w in dialog.findChildren(QWidget) if w.isVisible()]
        labels = [w for w in shown if isinstance(w, QLabel) and mnemonic(w.text())]
        words = [w.text() for w in shown if isinstance(w, (QLabel, QAbstractButton))]
        assert labels, name
        assert not clashes(words), (name, clashes(words))
        assert not unnamed(dialog), (name, unnamed(dialog))
        for label in labels:
            assert label.buddy() is not None, (name, label.text())
            press(qtbot, dialog, getattr(Qt.Key, f"Key_{mnemonic(label.text()).upper()}"),
                  Qt.KeyboardModifier.AltModifier)
            focus = QApplication.focusWidget()
            assert focus is label.buddy() or focus is label.buddy().focusProxy() or (
                focus is not None and focus.parent() is label.buddy()), (name, label.text(), focus)
        dialog.reject()


def test_the_status_bar_reads_as_words(qapp):
    from app.views.status_bar import StatusBar

    bar = StatusBar()
    assert bar.dot.accessibleName() == "Connection" and bar.progress.accessibleName() == "Sync progress"
    bar.deleteLater()


def test_enter_sends_a_new_ticket_and_escape_closes_it(qapp, qtbot):
    from app.views.new_ticket import NewTicketDialog

    dialog = shown_active(qtbot, NewTicketDialog())
    assert QApplication.focusWidget() is dialog.subject           # the first field
    qtbot.keyClicks(dialog.subject, "Disk full")
    press(qtbot, dialog.subject, Qt.Key.Key_Tab, NONE)
    assert QApplication.focusWidget() is dialog.department
    press(qtbot, dialog.department, Qt.Key.Key_Tab, NONE)
    assert QApplication.focusWidget() is dialog.body
    qtbot.keyClicks(dialog.body, "The disk of my VPS is full, please help.")
    press(qtbot, dialog.body, Qt.Key.Key_Tab, NONE)             # out of the message: Tab moves, it types no tab
    assert QApplication.focusWidget() in dialog.buttons.buttons() and "\t" not in dialog.body.toPlainText()
    dialog.subject.setFocus()
    with qtbot.waitSignal(dialog.submitted, timeout=WAIT) as sent:
        press(qtbot, dialog.subject, Qt.Key.Key_Return, NONE)    # Enter in a field: the default button, Send
    assert sent.args[0]["subject"] == "Disk full"
    with qtbot.waitSignal(dialog.rejected, timeout=WAIT):
        press(qtbot, dialog.subject, Qt.Key.Key_Escape, NONE)
    assert not dialog.isVisible()


def test_an_ampersand_in_an_account_name_is_no_mnemonic(qapp):
    from app.core.accounts import Account
    from app.views.account_switcher import AccountSwitcher

    switcher = AccountSwitcher()
    account = Account(id="a1", name="R&D", panel_url="https://panel.example", email="rd@example.test",
                      auth_kind="password", created_at="2026-01-01T00:00:00Z")
    switcher.set_accounts([account], "a1")
    menu = switcher.menu()
    assert menu.actions()[0].text() == "R&&D  (panel.example)"
    assert mnemonic(menu.actions()[0].text()) is None
    switcher.deleteLater()


def test_data_on_buttons_keeps_its_ampersand(qapp, qtbot):
    from app.views.labels import literal

    button = QPushButton(literal("R&D VPS · Active"))
    qtbot.addWidget(button)
    assert mnemonic(button.text()) is None and button.text().replace("&&", "&") == "R&D VPS · Active"


def test_help_lists_every_key_of_the_menus_and_of_the_lists(qapp, qtbot):
    from app.views.shortcuts_dialog import ShortcutsDialog

    window = MainWindow(screens())
    qtbot.addWidget(window)
    action = window.menus.actions["shortcuts"]
    assert action in window.menus.menus["help"].actions()
    assert action.shortcut().toString() == "Ctrl+/"
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    rows = dict((does, keys) for keys, does in dialog.rows())
    assert rows["Sync now"] == "Ctrl+R or F5"
    assert rows["Keyboard shortcuts"] == "Ctrl+/" and rows["About Sett"] == "F1" and rows["Quit"] == "Ctrl+Q"
    assert rows["Preferences"].startswith("Ctrl+,")
    # Every key a menu action answers is listed, and no row is listed without keys.
    listed = " ".join(keys for keys, _does in dialog.rows())
    for menu in window.menus.menus.values():
        for item in menu.actions():
            for key in item.shortcuts() if item.isVisible() else ():
                assert key.toString() in listed, (item.text(), key.toString())
    assert all(keys and does for keys, does in dialog.rows())
    assert rows["Go to the first row found; Enter opens it when it is the only one"] == "Down, Enter in a search"
