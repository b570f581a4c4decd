"""Every dialog lays its buttons out in one order, the platform's (Cancel before the main button on GNOME and macOS,
after it on Windows and KDE): the checkout's review and result, the login prompt and the account forms as the
QDialogButtonBox dialogs (New ticket, Request cancellation, exports) do. A button kept hidden for later stays hidden."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QVBoxLayout

from app.views.dialog_buttons import dialog_buttons

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def platform_says_cancel_first(qtbot) -> bool:
    """Where this platform's own OK/Cancel box puts Cancel."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    QVBoxLayout(dialog).addWidget(box)
    dialog.show()
    qtbot.waitExposed(dialog)
    ok, cancel = (box.button(b) for b in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel))
    return cancel.x() < ok.x()


def test_dialog_buttons_follow_the_platform_and_keep_a_hidden_one_hidden(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    pay, cancel, retry = QPushButton("Pay"), QPushButton("Cancel"), QPushButton("Try again")
    retry.hide()
    QVBoxLayout(dialog).addWidget(dialog_buttons(pay, cancel, retry))
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not retry.isVisible() and pay.isVisible() and cancel.isVisible()
    assert (cancel.x() < pay.x()) == platform_says_cancel_first(qtbot)


def test_the_checkout_review_and_result_follow_the_platform(qtbot):
    from app.views.checkout.dialog import CheckoutDialog

    dialog = CheckoutDialog("Checkout")
    qtbot.addWidget(dialog)
    dialog.set_review("Review your order", [("Product (Monthly)", "$10.00")], [("Total", "$10.00")])
    dialog.set_methods(["stripe"], credits_choice=False, use_credits=False)
    dialog.show_review()
    dialog.show()
    qtbot.waitExposed(dialog)
    buttons = {b.text(): b for b in dialog.review_page.findChildren(QPushButton)}
    assert not buttons["Try again"].isVisible()            # only after a failure
    assert (buttons["Cancel"].x() < buttons["Pay"].x()) == platform_says_cancel_first(qtbot)

    dialog.show_result("Payment received", "Paid.", [("Open service", "service", "s-1"),
                                                       ("View invoice", "invoice", "i-1")])
    assert [b.text() for b in dialog.next_steps()] == ["Open service", "View invoice"]
    dialog.show_result("Payment received", "Paid.", [("View invoice", "invoice", "i-1")])
    assert [b.text() for b in dialog.next_steps()] == ["View invoice"]      # the earlier steps went
