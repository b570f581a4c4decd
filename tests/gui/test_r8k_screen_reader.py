"""What a screen reader says on each screen and dialog: every table and list is named by what it lists (the
Services, Invoices, Orders and Support lists, Credits' history, an invoice's lines and payments, an order's items, a
service's invoices, the notifications, the accounts, the Outbox and About's licences were all read out as "table"
or "list"), the scroll areas Tab stops at (a record's details, the checkout's review) say what they hold, a record
opened from the keyboard says which it is, its status chip says it is the status, and the status bar's connection
dot says its colour in words.
test_access13b_walk checks the icon-only buttons; this checks everything else the keyboard lands on."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)

from app.core.accounts import Account
from app.views.about import AboutDialog
from app.views.checkout.dialog import CheckoutDialog
from app.views.manage_accounts_dialog import ManageAccountsDialog
from app.views.outbox import OutboxDialog

from .screens import visit
from .test_access13b_walk import account, started  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard"),
              pytest.mark.usefixtures("utc")]


def said(widget: QWidget, root: QWidget) -> bool:
    """A screen reader has words for `widget`: its accessible name, a button's text or a label pointing at it."""
    if widget.accessibleName().strip():
        return True
    if isinstance(widget, QAbstractButton) and widget.text().replace("&", "").strip():
        return True
    return any(label.buddy() is widget for label in root.findChildren(QLabel))


def unnamed_stops(root: QWidget) -> list[str]:
    """Shown widgets the keyboard can land on, and shown tables and lists, that a screen reader cannot name."""
    shown = [w for w in root.findChildren(QWidget) if w.isVisible() and w.window() is root.window()]
    stops = [w for w in shown if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.focusProxy() is None
             and w.isEnabled()]
    views = [w for w in shown if isinstance(w, QAbstractItemView) and not w.inherits("QHeaderView")]
    # (a ticket's conversation is app/views/ticket_page.py's, not walked here)
    return [f"{type(w).__name__} {w.objectName()!r}" for w in dict.fromkeys(stops + views)
            if not said(w, root) and w.objectName() != "conversation"]


def test_every_table_list_and_scroll_stop_of_every_screen_is_named(make_app, qtbot, account):  # noqa: F811
    app = started(make_app, qtbot, 1240)
    window = app.window
    problems: list[str] = []
    visit(app, qtbot, lambda root, where: problems.extend(f"{where}: {p}" for p in unnamed_stops(root)))
    assert not problems, "\n".join(problems)
    names = {key: window.sections[key].table.accessibleName()
             for key in ("services", "invoices", "orders", "support", "credits")}
    assert names == {"services": "Services", "invoices": "Invoices", "orders": "Orders", "support": "Tickets",
                     "credits": "Credit transactions"}
    invoices = window.sections["invoices"]
    window.select_section("invoices")
    assert invoices.open_invoice("inv-4")
    page = invoices.page
    assert (page.lines.accessibleName(), page.payments.accessibleName()) == ("Invoice lines", "Payment history")
    assert page.scroll.accessibleName() == "Details"
    assert page.chip.text() and page.chip.accessibleName() == f"Status: {page.chip.text()}"     # not a word alone
    # A record opened with Enter parks the focus on its page (Tab goes on to Back): it says which record it is.
    invoices.show_list()
    invoices.table.setFocus()
    invoices.table.setCurrentIndex(invoices.table.model().index(0, 0))
    qtbot.keyClick(invoices.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: invoices.page_open)
    assert QApplication.focusWidget() is page and page.title.text()
    assert page.accessibleName() == page.title.text()
    assert window.status.dot.accessibleDescription() == window.status.connection.text() != ""


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_dialogs_tables_lists_and_review_are_named(qtbot):
    review = CheckoutDialog("Checkout")
    review.set_review("Checkout: review", [("Cloud VPS (Monthly) × 1", "$10.00")], [("Due now", "$10.00")])
    review.set_methods(["credits", "stripe"], credits_choice=True, use_credits=True)
    review.show_review()
    outbox = OutboxDialog()
    outbox.set_entries([{"id": "1", "label": "Cancel Cloud VPS", "queued_at": "2026-12-01T10:00:00Z",
                         "status": "queued", "kind": "request_cancellation", "args": {"reason": "too slow"}}])
    manage = ManageAccountsDialog()
    manage.set_accounts([Account(id="a1", name="Work", panel_url="https://panel.example", email="w@example.test",
                                 auth_kind="password", created_at="2026-12-01")], "a1")
    for dialog in (review, outbox, manage, AboutDialog()):
        shown(qtbot, dialog)
        assert unnamed_stops(dialog) == [], type(dialog).__name__
    assert review.review_scroll.accessibleName() == "What you pay"
    assert isinstance(review.review_scroll, QAbstractScrollArea)
    assert outbox.table.accessibleName() == "Outbox" and manage.list.accessibleName() == "Accounts"
