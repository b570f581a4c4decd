"""README, Support: "New ticket… asks for a subject, a department (billing, technical, sales) and the message"."""
from __future__ import annotations

from app.views.new_ticket import NewTicketDialog


def test_new_ticket_offers_the_three_departments_billing_first(qtbot):
    dialog = NewTicketDialog()
    qtbot.addWidget(dialog)
    offered = [(dialog.department.itemData(i), dialog.department.itemText(i)) for i in range(dialog.department.count())]
    assert offered == [("billing", "Billing"), ("technical", "Technical"), ("sales", "Sales")]
    assert dialog.department.currentData() == "billing"
    assert dialog.subject.isVisible() or dialog.subject.isVisibleTo(dialog)
    assert dialog.body.isVisibleTo(dialog)
