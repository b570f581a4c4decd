"""README, the shortcut table, on a ticket's page: "Ctrl+F | Search the list on screen (... Support; from a record's
page, back to its list's search)" and "Escape or Alt+Left | Back from an invoice, service, order, ticket or product".
tests/gui/test_keyboard.py takes Ctrl+F from the pages of Services, Invoices and Orders; here Support's, with the
focus in the reply box, in the whole window with a canned account."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from . import samples
from .test_drift_actions import Panel, canned_app, settle, signed_in  # noqa: F401
from .test_r8p_search_escape import TICKETS_ON
from .test_window import press

NONE = Qt.KeyboardModifier.NoModifier


def ticket_page_open(app, qtbot):
    signed_in(app, Panel({"ticket": dict(samples.TICKET)}), config=TICKETS_ON, tickets=[dict(samples.TICKET)])
    window = app.window
    window.select_section("support")
    settle()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    section = window.sections["support"]
    qtbot.waitUntil(lambda: section.table.model().rowCount() == 1)
    section.table.setFocus()
    section.table.selectRow(0)
    qtbot.keyClick(section.table, Qt.Key.Key_Return, NONE)
    settle()
    qtbot.waitUntil(lambda: section.page_open)
    return section


def test_ctrl_f_on_a_tickets_page_goes_back_to_supports_search(canned_app, qtbot):  # noqa: F811
    app = canned_app
    section = ticket_page_open(app, qtbot)
    box = section.page.reply_box
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    press(qtbot, box, Qt.Key.Key_F)                              # Ctrl+F
    assert not section.page_open
    assert QApplication.focusWidget() is section.list.filters.search


def test_alt_left_on_a_tickets_page_goes_back_to_the_list(canned_app, qtbot):  # noqa: F811
    app = canned_app
    section = ticket_page_open(app, qtbot)
    qtbot.keyClick(QApplication.focusWidget() or app.window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not section.page_open)          # a shortcut clicks the Back button animated


def test_ctrl_k_finds_a_ticket_by_its_subject_and_opens_it(canned_app, qtbot):  # noqa: F811
    """The shortcut table: "Ctrl+K | Go to: type a few letters of ... a ticket's subject ...; Enter opens it"."""
    app = canned_app
    signed_in(app, Panel({"ticket": dict(samples.TICKET)}), config=TICKETS_ON, tickets=[dict(samples.TICKET)])
    window = app.window
    window.select_section("dashboard")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.go_to_dialog is not None and window.go_to_dialog.isVisible())
    dialog = window.go_to_dialog
    qtbot.keyClicks(dialog.field, "twice")                       # the subject is "Why twice?"
    assert dialog.shown and (dialog.shown[0].kind, dialog.shown[0].title) == ("ticket", "Why twice?")
    qtbot.keyClick(dialog.field, Qt.Key.Key_Return)
    support = window.sections["support"]
    qtbot.waitUntil(lambda: window.current_key == "support" and support.page_open)
    assert support.page.ticket_id == "t-1"
