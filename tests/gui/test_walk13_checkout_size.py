"""The checkout dialog over a 1000x650 main window: it was sized from the screen (680x720), so it hung below the
window (past a small screen's bottom) with empty space above its Pay button. It sits over the window now, as tall
as its review needs; a review taller than the room scrolls, with Pay still in view."""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QWidget

from app.views.checkout.dialog import CheckoutDialog
from tests.gui.layout_steps import settle

TOTALS = [("Subtotal", "$27.00"), ("Tax (20%)", "$5.40"), ("Balance due", "$29.70"), ("Credits applied", "-$24.00"),
          ("Due now, charged to your chosen method", "$5.70")]


def open_review(qtbot, lines: int, size=(1000, 650)) -> tuple[QWidget, CheckoutDialog]:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    dialog = CheckoutDialog("Pay all due", window)
    dialog.open()
    dialog.show_progress("Asking the panel for the totals…")
    settle(qtbot)
    dialog.set_review("Pay all due: review",
                      [(f"INV-{i:06}: Valheim Dedicated (Monthly), 2026-11-28 to 2026-12-27", "$12.00")
                       for i in range(lines)], TOTALS)
    dialog.set_methods(["stripe", "paypal", "credits"], credits_choice=True, use_credits=True)
    dialog.show_review()
    settle(qtbot)
    return window, dialog


def inside(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def test_the_review_sits_over_a_small_window_without_a_gap_above_pay(qtbot):
    window, dialog = open_review(qtbot, lines=2)
    screen = window.screen().availableGeometry()
    assert screen.contains(dialog.frameGeometry())
    assert window.frameGeometry().contains(dialog.frameGeometry())     # over the window, not hanging below it
    pay = inside(dialog.pay_button, dialog)
    last = inside(dialog.use_credits, dialog)
    assert pay.bottom() < dialog.height()
    assert pay.top() - last.bottom() < 4 * dialog.fontMetrics().lineSpacing()    # no empty half-dialog above Pay
    assert not dialog.review_scroll.verticalScrollBar().isVisible()


def test_a_long_review_scrolls_and_pay_stays_in_view(qtbot):
    window, dialog = open_review(qtbot, lines=30)
    assert window.frameGeometry().contains(dialog.frameGeometry())
    assert dialog.review_scroll.verticalScrollBar().isVisible()
    pay = inside(dialog.pay_button, dialog)
    assert QRect(0, 0, dialog.width(), dialog.height()).contains(pay)
    assert pay.top() >= inside(dialog.review_scroll, dialog).bottom()     # below the scrolled lines, not in them


def test_the_review_is_as_tall_as_it_needs_in_a_large_window(qtbot):
    window, dialog = open_review(qtbot, lines=2, size=(1240, 800))
    assert window.frameGeometry().contains(dialog.frameGeometry())
    assert not dialog.review_scroll.verticalScrollBar().isVisible()
    assert dialog.height() < 600       # the review's height, not the screen's


def test_the_result_is_as_tall_as_its_words(qtbot):
    """The outcome ("Payment received" and one line) kept the wait's 320 px, its Close far below the words."""
    window, dialog = open_review(qtbot, lines=2)
    dialog.show_progress("Reading the payment from the panel…")
    settle(qtbot)
    dialog.show_result("Payment received", "Payment received: 2 invoices paid (INV-000017, INV-000019).")
    settle(qtbot)
    close = inside(dialog.result_close, dialog)
    words = inside(dialog.result_text, dialog)
    assert close.top() - words.bottom() < 4 * dialog.fontMetrics().lineSpacing()
    assert window.frameGeometry().contains(dialog.frameGeometry())
