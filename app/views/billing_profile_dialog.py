"""Account ▸ Billing profile…: the company, address, country and tax id the panel prints as the buyer on the
invoices it issues from now on (invoices already issued keep what they printed). The dialog only shows and asks;
the billing-profile feature reads and saves through the account's session."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.core.reach import signed_out_text
from app.models.plain_text import PLAIN

from .country_names import countries_by_name
from .dialog_buttons import set_dialog_margins
from .shapes import items

MAX_ADDRESS_LINES = 6       # the panel's limits (docs/api.md): said here before anything is sent
MAX_LINE_CHARS = 200


class BillingProfileDialog(QDialog):
    save_requested = Signal(dict)          # {company, address_lines, country, tax_id}

    def __init__(self, account_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Billing profile"))
        self.setObjectName("billingProfileDialog")
        layout = set_dialog_margins(QVBoxLayout(self))
        intro = QLabel(self.tr("What {account}'s new invoices print as the buyer. Invoices already issued keep "
                               "the details they were issued with.").format(account=account_name), self,
                       textFormat=PLAIN)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setHorizontalSpacing(12)     # a label apart from its field (the style gives 6 px)
        self.company = QLineEdit(self, objectName="company", maxLength=200)
        self.company.setPlaceholderText(self.tr("Leave empty when you buy as a person"))
        self.address = QPlainTextEdit(self, objectName="address")
        self.address.setPlaceholderText(self.tr("Street, postcode and town: one line each"))
        self.address.setTabChangesFocus(True)
        self.country = QComboBox(self, objectName="country")
        self.country.addItem(self.tr("(none)"), "")
        for name, code in countries_by_name():
            self.country.addItem(name, code)
        self.tax_id = QLineEdit(self, objectName="taxId", maxLength=40)
        self.tax_id.setPlaceholderText(self.tr("VAT or tax number, e.g. DE123456789"))
        form.addRow(self.tr("Com&pany"), self.company)
        form.addRow(self.tr("&Address"), self.address)
        form.addRow(self.tr("C&ountry"), self.country)
        form.addRow(self.tr("&Tax ID"), self.tax_id)
        layout.addLayout(form)
        self.message = QLabel(self, objectName="message", textFormat=PLAIN)
        self.message.setWordWrap(True)
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self._shown = self.profile()        # the form as last filled in from a profile (not typed)
        self.loaded = False                 # the panel's answer has arrived

    # -- what the feature tells it ------------------------------------------------------------------------------
    def show_profile(self, profile: dict, *, from_panel: bool = False) -> None:
        """The cache's copy, then the panel's: a later answer never overwrites what the user has typed since."""
        if self.profile() != self._shown:
            return
        self.company.setText(str(profile.get("company") or ""))
        self.address.setPlainText("\n".join(str(line) for line in items(profile.get("address_lines"))))
        index = self.country.findData(str(profile.get("country") or ""))
        self.country.setCurrentIndex(max(index, 0))
        self.tax_id.setText(str(profile.get("tax_id") or ""))
        self._shown = self.profile()
        self.loaded = self.loaded or from_panel

    def set_online(self, online: bool, signed_out: bool = False) -> None:
        """`signed_out`: the panel cannot be asked because the account needs a login, not the connection."""
        self.save_button.setEnabled(online)
        if not online:
            self.show_error(signed_out_text() if signed_out
                            else self.tr("Offline: saving the billing profile needs a connection to the panel."))

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- the form -----------------------------------------------------------------------------------------------
    def profile(self) -> dict:
        lines = [line.strip() for line in self.address.toPlainText().splitlines() if line.strip()]
        return {"company": self.company.text().strip(), "address_lines": lines,
                "country": self.country.currentData() or "", "tax_id": self.tax_id.text().strip()}

    def _save(self) -> None:
        profile = self.profile()
        if len(profile["address_lines"]) > MAX_ADDRESS_LINES:
            self.show_error(self.tr("The address can have at most %n line(s).", "", MAX_ADDRESS_LINES))
            return
        if any(len(line) > MAX_LINE_CHARS for line in profile["address_lines"]):
            self.show_error(self.tr("An address line can have at most %n character(s).", "", MAX_LINE_CHARS))
            return
        self.show_error("")
        self.save_requested.emit(profile)
