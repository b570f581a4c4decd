"""Every dialog has the same edges: New ticket, Cancel, the Outbox, Notifications, Preferences, About, Billing
profile, Save all PDFs sat their titles, fields and buttons 11 px from their edges (the style's), beside Keyboard
shortcuts and Accounts at 24 px in the same window."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMenuBar

from app.views.about import AboutDialog
from app.views.billing_profile_dialog import BillingProfileDialog
from app.views.dialog_buttons import DIALOG_MARGINS
from app.views.exports import PdfBatchDialog
from app.views.new_ticket import NewTicketDialog
from app.views.notices import NoticesDialog
from app.views.outbox import OutboxDialog
from app.views.preferences import PreferencesDialog
from app.views.service_page import CancelDialog
from app.views.shortcuts_dialog import ShortcutsDialog

from .test_walk13_enter_keys import VALUES

DIALOGS = {
    "new ticket": lambda: NewTicketDialog(),
    "cancel": lambda: CancelDialog("Cloud VPS S", "2027-08-13"),
    "outbox": lambda: OutboxDialog(),
    "notices": lambda: NoticesDialog(),
    "preferences": lambda: PreferencesDialog(VALUES, tray_available=True, autostart_note=None),
    "about": lambda: AboutDialog(),
    "billing profile": lambda: BillingProfileDialog("Ann"),
    "save all pdfs": lambda: PdfBatchDialog(),
    "shortcuts": lambda: ShortcutsDialog(QMenuBar()),
}


@pytest.mark.parametrize("kind", list(DIALOGS))
def test_a_dialogs_content_stands_as_far_from_its_edges_as_every_other_dialogs(qtbot, kind):
    dialog = DIALOGS[kind]()
    qtbot.addWidget(dialog)
    margins = dialog.layout().contentsMargins()
    assert (margins.left(), margins.top(), margins.right(), margins.bottom()) == DIALOG_MARGINS
