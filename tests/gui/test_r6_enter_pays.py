"""Enter presses a dialog's main button even when another button sits before it in the row: in the checkout's review,
Enter did nothing, because the hidden Try again (laid out first) had become the dialog's default when it was shown."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton, QVBoxLayout

from app.views.checkout.dialog import CheckoutDialog
from app.views.dialog_buttons import dialog_buttons
from app.views.form_parts import primary


def _shown(qtbot, dialog: QDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()


def test_enter_in_the_checkout_review_pays(qtbot):
    dialog = CheckoutDialog("Checkout")
    dialog.set_review("Checkout: review", [("Minecraft Flex (Monthly) × 1", "$10.00")], [("Due now", "$10.00")])
    dialog.set_methods(["credits", "stripe"], credits_choice=True, use_credits=True)
    dialog.show_review()
    asked = []
    dialog.pay_requested.connect(lambda method, use_credits: asked.append(method))
    _shown(qtbot, dialog)
    target = QApplication.focusWidget() or dialog
    qtbot.keyClick(target, Qt.Key.Key_Return)
    assert asked == ["credits"]
    assert dialog.pay_button.isDefault()


@pytest.mark.parametrize("other_shown", [False, True])
def test_the_main_button_stays_the_default_beside_other_buttons(qtbot, other_shown):
    dialog = QDialog()
    pressed = []
    main, cancel, other = primary("Save"), QPushButton("Cancel"), QPushButton("Check again")
    main.clicked.connect(lambda: pressed.append("main"))
    other.clicked.connect(lambda: pressed.append("other"))
    other.setVisible(other_shown)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLineEdit())       # the focus starts in a field, as in a form
    layout.addWidget(dialog_buttons(main, cancel, other))
    _shown(qtbot, dialog)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Return)
    assert pressed == ["main"]
