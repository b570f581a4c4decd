"""The checkout's review as a buyer reads it: what the chosen method will charge stands out from the sums above it
(the review showed Subtotal, Tax, Total and Due now all alike, where the cart beside it set the due amount in bold)."""
from __future__ import annotations

from app.views.checkout.dialog import CheckoutDialog


def test_the_amount_due_now_is_the_bold_line_of_the_review(qtbot):
    dialog = CheckoutDialog("Checkout")
    qtbot.addWidget(dialog)
    dialog.set_review("Checkout: review", [("Minecraft Flex (Monthly) × 1", "$10.00")],
                      [("Subtotal", "$10.00"), ("Tax (20%)", "$2.00"), ("Total", "$12.00"),
                       ("Due now, charged to your chosen method", "$12.00")])
    dialog.show()
    grid = dialog.totals
    rows = [(grid.itemAtPosition(r, 0).widget(), grid.itemAtPosition(r, 1).widget()) for r in range(grid.rowCount())]
    *sums, (due_name, due_amount) = rows
    assert due_name.font().bold() and due_amount.font().bold()
    assert not any(name.font().bold() or amount.font().bold() for name, amount in sums)
    assert due_amount.width() >= due_amount.sizeHint().width()        # the amount is whole
    line = dialog.lines.itemAtPosition(0, 0).widget()
    assert sums[0][0].geometry().top() > line.geometry().bottom()     # the totals below the lines, not over them


def test_a_long_total_stays_on_one_line_when_the_dialog_has_room(qtbot):
    """German words are long: "Jetzt fällig, berechnet über die gewählte Zahlungsart" broke in two in the middle
    of a 680 px dialog, the amount alone at the far right."""
    dialog = CheckoutDialog("Zur Kasse")
    qtbot.addWidget(dialog)
    dialog.resize(680, 600)
    dialog.set_review("Zur Kasse: Überprüfung", [("Minecraft Flex (Monthly): 4 GB RAM × 1", "10,00 $")],
                      [("Zwischensumme", "10,00 $"), ("Gesamt", "12,00 $"),
                       ("Jetzt fällig, berechnet über die gewählte Zahlungsart", "12,00 $")])
    dialog.show()
    qtbot.waitExposed(dialog)
    grid = dialog.totals
    for row in range(grid.rowCount()):
        name, amount = grid.itemAtPosition(row, 0).widget(), grid.itemAtPosition(row, 1).widget()
        one_line = name.fontMetrics().boundingRect(name.text()).width()
        assert name.width() >= one_line, name.text()              # the words on one line
        assert name.geometry().right() < amount.geometry().left()  # and not under the amount
