"""The page shown instead of the billing screens when the panel has no billing: what happened and what to do."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QWidget

from app.core.account_data import BILLING_OFF_REASON
from app.core.text import translate

from .empty_state import EmptyPage

ADVICE = QT_TRANSLATE_NOOP("Messages", "The store, your services, invoices and credit appear here as soon as "
                           "billing is on again. Your account is still connected, and Sett checks the panel at every "
                           "sync. If you expected billing here, ask the panel's operator to enable the Billing Module.")


class BillingDisabledPage(EmptyPage):
    """Its action ("Check again", `action_clicked`) asks for a sync."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("!", translate("BillingDisabledPage", "Billing is not available"),
                         [(translate("AccountData", BILLING_OFF_REASON), "subtitle"),
                          (translate("Messages", ADVICE), "muted")],
                         translate("BillingDisabledPage", "Check again"), parent)
        self.reason, self.advice = self.paragraphs

    def set_reason(self, panel_name: str | None, reason: str | None) -> None:
        if panel_name:
            self.title.setText(translate("BillingDisabledPage", "Billing is not available on {panel}").format(
                panel=panel_name))
        else:
            self.title.setText(translate("BillingDisabledPage", "Billing is not available on this panel"))
        self.reason.setText(translate("AccountData", reason or BILLING_OFF_REASON))
