"""One service: its configuration and server, its invoices, and asking the panel to cancel it.

Shown inside the Services screen (double-click or Enter on a row). Everything shown comes from the cache;
the actions need the panel, and say so while it cannot be reached.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.formatting import NO_VALUE, cycle_label, cycle_suffix, format_date, resources_text
from app.core.status_words import service_status, status_word
from app.core.text import translate
from app.models.invoices import InvoiceTableModel
from app.models.plain_text import PLAIN
from app.models.row_money import own_currency_money

from .badges import set_chip
from .dialog_buttons import set_dialog_margins
from .filtered_table import make_table
from .labels import DataLabel, heading, muted, styled
from .page_parts import RecordPage
from .rows_height import fit_to_rows
from .server_card import ServerCard
from .shapes import obj, obj_at
from .submit_keys import submit_on_ctrl_enter
from .window_fit import fit_over_window

CANCELLABLE = frozenset({"active", "suspended"})


def config_text(config: dict | None) -> str:
    """The service's memory, disk and CPU as a product lists them, or that it has the plan's standard ones."""
    return resources_text(config) or translate("ServicePage", "Standard configuration")


QUEUED_OFFLINE = QT_TRANSLATE_NOOP("Messages", "Offline: a cancellation request or its withdrawal is queued in the "
                                  "Outbox and sent when the panel is back.")
QUEUED_SIGNED_OUT = QT_TRANSLATE_NOOP("Messages", "Signed out: a cancellation request or its withdrawal is queued in "
                                     "the Outbox and sent once you sign in again (Sign in, in the account's note or "
                                     "from Sync).")


def cancellation_text(request: dict | None) -> str:
    if not request:
        return translate("ServicePage", "No cancellation requested.")
    when = (translate("ServicePage", "at the end of the period") if request.get("type") == "end_of_period"
            else translate("ServicePage", "immediately"))
    status = request.get("status")
    reason = request.get("reason") or ""
    lead = {"pending": translate("ServicePage", "Cancellation requested"),
            "approved": translate("ServicePage", "Cancellation approved"),
            "rejected": translate("ServicePage", "Cancellation rejected")}.get(
        status or "", translate("ServicePage", "Cancellation: {status}").format(status=status_word(status).lower()))
    if request.get("queued"):
        lead = translate("ServicePage", "{request}, waiting in the Outbox").format(request=lead)
    if reason:
        return translate("ServicePage", "{request} ({when}). Reason: {reason}").format(request=lead, when=when,
                                                                                      reason=reason)
    return translate("ServicePage", "{request} ({when}).").format(request=lead, when=when)


class CancelDialog(QDialog):
    """When (now or at the end of the paid period) and why; pressing Request without a reason says it is needed
    (a disabled button would give no reason) and keeps the dialog open."""

    def __init__(self, product: str, next_due: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("CancelDialog", "Request cancellation"))
        self.setObjectName("cancelDialog")
        self.immediate = QRadioButton(translate("CancelDialog", "Immediately: the server stops once the request is "
                                                                "approved"))
        self.end_of_period = QRadioButton(
            translate("CancelDialog", "At the end of the period ({date})").format(date=format_date(next_due))
            if next_due else translate("CancelDialog", "At the end of the period"))
        self.end_of_period.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.immediate)
        group.addButton(self.end_of_period)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("cancelReason")
        self.reason.setPlaceholderText(translate("CancelDialog", "Why are you cancelling? (required)"))
        self.reason.setTabChangesFocus(True)
        self.reason.setAccessibleName(translate("CancelDialog", "Reason"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit = self.buttons.addButton(translate("CancelDialog", "Request cancellation"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        styled(self.submit, kind="danger")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        submit_on_ctrl_enter(self.reason, self.submit)
        self.problem = styled(QLabel(objectName="cancelProblem", wordWrap=True, textFormat=PLAIN), role="error")
        self.problem.hide()
        self.reason.textChanged.connect(self._check)
        layout = set_dialog_margins(QVBoxLayout(self))
        layout.addWidget(heading(translate("CancelDialog", "Cancel {product}").format(product=product), "dialogTitle"))
        layout.addWidget(muted(translate("CancelDialog", "The panel's operators review each request; you can withdraw "
                                                         "it while it is pending."), wrap=True))
        layout.addWidget(self.end_of_period)
        layout.addWidget(self.immediate)
        reason = QLabel(translate("CancelDialog", "&Reason"), textFormat=PLAIN)
        reason.setBuddy(self.reason)
        layout.addWidget(reason)
        layout.addWidget(self.reason, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        fit_over_window(self, 520, 380)     # no larger than the main window it opens over, or the screen

    def problem_text(self) -> str:
        length = len(self.reason.toPlainText().strip())
        if length == 0:
            return translate("CancelDialog", "Please give a reason: the panel's operators need one to review the "
                                             "request.")
        if length > 2000:
            return translate("CancelDialog", "The reason is {length} characters long; the panel takes at most "
                                             "2000.").format(length=length)
        return ""

    def _check(self) -> None:
        if self.problem.isVisible() and not self.problem_text():
            self.problem.hide()

    def accept(self) -> None:
        problem = self.problem_text()
        if problem:
            self.problem.setText(problem)
            self.problem.show()
            self.reason.setFocus()
            return
        super().accept()

    @property
    def kind(self) -> str:
        return "immediate" if self.immediate.isChecked() else "end_of_period"

    @property
    def reason_text(self) -> str:
        return self.reason.toPlainText().strip()


class ServicePage(RecordPage):
    cancel_requested = Signal(str, str, str)     # service id, immediate|end_of_period, reason
    queues_offline = False                       # set by the feature: offline, these go to the outbox
    withdraw_requested = Signal(str)             # service id
    invoice_chosen = Signal(str)                 # invoice id
    pay_invoice_requested = Signal(str)          # invoice id: pay the unpaid invoice that keeps it suspended
    manage_requested = Signal(str)               # the server's manage_url: open it in the system browser
    help_requested = Signal(dict)                # a new support ticket about it: {service_id, subject}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("servicePage", translate("ServicePage", "← All services"), parent)
        self.service: dict = {}
        self.dialog: CancelDialog | None = None

        self.details = styled(QFrame(objectName="card", frameShape=QFrame.Shape.StyledPanel), card=True)
        form = QFormLayout(self.details)
        form.setContentsMargins(20, 16, 20, 16)
        form.setHorizontalSpacing(14)       # the style's 6 px ran "Abrechnungszeitraum" into its value
        self.fields: dict[str, QLabel] = {}
        for key, label in (("price", translate("ServicePage", "Price")),
                           ("cycle", translate("ServicePage", "Billing cycle")),
                           ("next_due", translate("ServicePage", "Next due")),
                           ("config", translate("ServicePage", "Configuration")),
                           ("server", translate("ServicePage", "Server")),
                           ("created", translate("ServicePage", "Ordered"))):
            value = DataLabel(objectName=f"field_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.fields[key] = value
            form.addRow(muted(label), value)

        self.server_card = ServerCard(self)
        self.server_card.manage_requested.connect(self.manage_requested)
        self.help_button = styled(QPushButton(translate("ServicePage", "Get help with this"), objectName="helpButton"),
                                  kind="ghost")
        self.help_button.setToolTip(translate("ServicePage", "Opens a new support ticket about this service."))
        self.help_button.clicked.connect(self._emit_help)
        self.title_row.addWidget(self.help_button)

        self.cancellation = QLabel(objectName="cancellationText", wordWrap=True, textFormat=PLAIN)
        self.cancel_button = styled(QPushButton(translate("ServicePage", "Request cancellation…"),
                                                objectName="cancelButton"), kind="danger")
        self.withdraw_button = QPushButton(translate("ServicePage", "Withdraw request"), objectName="withdrawButton")
        self.cancel_button.clicked.connect(self.open_cancel_dialog)
        self.withdraw_button.clicked.connect(lambda: self._emit_withdraw())
        actions = QHBoxLayout()
        actions.addWidget(self.cancellation, 1)
        actions.addWidget(self.withdraw_button)
        actions.addWidget(self.cancel_button)

        # A suspended service with an unpaid invoice says which one to pay, with a button that pays it.
        self.suspension = QFrame(objectName="suspensionBanner")
        styled(self.suspension, banner="error")
        self.suspension_text = QLabel(objectName="suspensionText", wordWrap=True, textFormat=PLAIN)
        self.pay_button = styled(QPushButton(translate("ServicePage", "Pay"),
                                             objectName="payToReactivate"), kind="primary")
        self.pay_button.clicked.connect(self._emit_pay)
        banner = QHBoxLayout(self.suspension)
        banner.setContentsMargins(14, 10, 10, 10)
        banner.addWidget(self.suspension_text, 1)
        banner.addWidget(self.pay_button)
        self.suspension.hide()
        self.unpaid_invoice: dict | None = None

        self.invoices_title = heading(translate("ServicePage", "Invoices"), "sectionHeading")
        self.invoices_model = InvoiceTableModel(self)
        self.invoices = make_table(self, "serviceInvoicesTable", self.invoices_model, sortable=False)
        self.invoices.setAccessibleName(translate("ServicePage", "Invoices"))
        self.invoices.activated.connect(lambda index: self._choose(index.row()))
        self.invoices_note = muted(object_name="invoicesNote")

        # The details, the server and the invoices scroll together in a short window instead of being squeezed
        # (at 1000x650 the details and the server card were crushed to unreadable slivers).
        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(0, 0, 0, 0)
        body_layout.setSpacing(12)
        body_layout.addWidget(self.suspension)
        body_layout.addWidget(self.details)
        body_layout.addWidget(self.server_card)
        body_layout.addLayout(actions)
        body_layout.addWidget(self.invoices_title)
        body_layout.addWidget(self.invoices)
        body_layout.addWidget(self.invoices_note)
        body_layout.addStretch(1)     # what the table, grown to its rows, leaves
        fit_to_rows(self.invoices, max_rows=10)
        self.lay_out(body)

    # -- what it shows --------------------------------------------------------------------------------------------
    @property
    def service_id(self) -> str:
        return str(self.service.get("id") or "")

    def show_service(self, service: dict, data: AccountData) -> None:
        if str(service.get("id")) != self.service_id:
            self.open_new_record()
            self.invoices_model.set_invoices([], data.money)
            self.invoices.hide()        # the headers alone over "Loading invoices…" are an empty box
            self.invoices_note.setText(translate("ServicePage", "Loading invoices…"))
        self.service = service
        self._money = data.money
        self._places = data.places
        product = obj_at(service, "product").get("name") or translate("ServicePage", "Service")
        self.title.setText(product)
        set_chip(self.chip, service.get("status"))
        amount = service.get("recurring_amount")
        money = own_currency_money(data.money, service)     # a service billed in euros on a dollar account
        self.fields["price"].setText(f"{money(amount)} {cycle_suffix(service.get('billing_cycle'))}".strip()
                                     if amount is not None else NO_VALUE)
        self.fields["cycle"].setText(cycle_label(service.get("billing_cycle")))
        ended = service.get("status") in ("terminated", "cancelled") or service.get("billing_cycle") == "one_time"
        self.fields["next_due"].setText(NO_VALUE if ended else format_date(service.get("next_due_date")))
        product_id = obj_at(service, "product").get("id")
        resources = next((obj(p.get("resources")) for p in data.products if p.get("id") == product_id), {})
        chosen = {k: v for k, v in obj(service.get("config")).items() if v is not None}
        sizes = {**{k: resources.get(k) for k in ("memory", "disk", "cpu")}, **chosen}
        # A migration or a setup billed once has no sizes: the panel's 0s read "Unlimited RAM · Unlimited disk".
        sized = any(isinstance(v, int) and not isinstance(v, bool) and v > 0 for v in sizes.values())
        self.fields["config"].setText(config_text(sizes) if sized or service.get("billing_cycle") != "one_time"
                                      else translate("ProductPage", "One-time service, billed once"))
        server = obj(service.get("server"))
        self.fields["server"].setText(translate("ServicePage", "{server} ({status})").format(
            server=server.get("name"), status=status_word(server.get("status")).lower()) if server.get("name")
            else translate("ServicePage", "Not provisioned yet"))
        self.server_card.show_server(service.get("server"))
        self.help_button.setVisible(data.tickets_enabled)
        self.fields["created"].setText(format_date(service.get("created_at")))
        self.cancellation.setText(cancellation_text(service.get("cancellation")))
        request = obj(service.get("cancellation"))
        # "No cancellation requested" under a cancelled or terminated service reads as if it still ran.
        self.cancellation.setVisible(bool(request) or service.get("status") not in ("cancelled", "terminated"))
        if request.get("status") in ("pending", "approved") and service.get("status") in CANCELLABLE:
            self.chip.setText(service_status(service))        # "Active" alone would hide that it is about to end
        self._show_suspension()
        self.refresh_actions()

    def set_invoices(self, rows: list[dict]) -> None:
        rows = sorted(rows, key=lambda r: (r.get("issue_date") or "", r.get("invoice_number") or ""), reverse=True)
        self.invoices_model.set_invoices(rows, getattr(self, "_money", str), getattr(self, "_places", 2))
        count = self.invoices_model.rowCount()
        self.invoices.setVisible(count > 0)     # an empty table's headers over "No invoices…" said it twice
        self.invoices_note.setText(translate("ServicePage", "%n invoice(s)", None, count) if count else
                                   translate("ServicePage", "No invoices for this service yet."))
        self._show_suspension()

    def _show_suspension(self) -> None:
        suspended = self.service.get("status") == "suspended"
        rows = [self.invoices_model.row(i) for i in range(self.invoices_model.rowCount())] if suspended else []
        unpaid = sorted((r for r in rows if r.get("status") in ("overdue", "pending")),
                        key=lambda r: (r.get("status") != "overdue", r.get("due_date") or ""))
        self.unpaid_invoice = unpaid[0] if unpaid else None
        self.suspension.setVisible(suspended)
        if not suspended:
            return
        if self.unpaid_invoice is not None:
            number = self.unpaid_invoice.get("invoice_number") or translate("ServicePage", "the unpaid invoice")
            balance = self.unpaid_invoice.get("balance_due")
            if balance is not None and hasattr(self, "_money"):
                self.suspension_text.setText(translate("ServicePage", "This service is suspended. Pay {invoice} "
                                                                      "({amount}) to reactivate it.").format(
                    invoice=number, amount=own_currency_money(self._money, self.unpaid_invoice)(balance)))
            else:
                self.suspension_text.setText(translate("ServicePage", "This service is suspended. Pay {invoice} to "
                                                                      "reactivate it.").format(invoice=number))
            self.pay_button.setText(translate("ServicePage", "Pay {invoice}").format(invoice=number))
            self.pay_button.setAccessibleName(translate("ServicePage", "Pay {invoice} to reactivate").format(
                invoice=number))
        else:
            self.suspension_text.setText(
                translate("ServicePage", "This service is suspended. Contact the provider to reactivate it."))
        self.pay_button.setVisible(self.unpaid_invoice is not None)
        self.enable_panel_actions(self.pay_button)

    def _emit_pay(self) -> None:
        if self.unpaid_invoice is not None and self.can_ask_panel:
            self.pay_invoice_requested.emit(str(self.unpaid_invoice.get("id")))

    def _update_actions(self) -> None:
        request = obj(self.service.get("cancellation"))
        open_request = request.get("status") in ("pending", "approved")
        can_cancel = self.service.get("status") in CANCELLABLE and not open_request
        self.cancel_button.setVisible(can_cancel)
        self.withdraw_button.setVisible(request.get("status") == "pending")
        self.enable_panel_actions(self.cancel_button, self.withdraw_button, self.pay_button)
        queued = translate("Messages", QUEUED_SIGNED_OUT if self.signed_out else QUEUED_OFFLINE)
        if self.queues_offline and not self.online:
            for button in (self.cancel_button, self.withdraw_button):
                button.setEnabled(not self.busy)
                button.setToolTip(queued)
        if self.queues_offline:
            self.note_offline(can_cancel or request.get("status") == "pending", queued, queued)
        else:
            self.note_offline(can_cancel or request.get("status") == "pending",
                              translate("ServicePage", "Offline: cancelling or withdrawing needs a connection to the "
                                                       "panel."))

    def _may_act(self) -> bool:
        """Online and idle; or offline with an outbox to queue in."""
        return self.can_ask_panel or (self.queues_offline and not self.online and not self.busy)

    # -- actions --------------------------------------------------------------------------------------------------
    def open_cancel_dialog(self) -> CancelDialog | None:
        if not self._may_act():
            return None
        product = obj_at(self.service, "product").get("name") or translate("ServicePage", "this service")
        dialog = CancelDialog(product, self.service.get("next_due_date"), self)
        dialog.accepted.connect(lambda: self.cancel_requested.emit(self.service_id, dialog.kind, dialog.reason_text))
        dialog.finished.connect(lambda _r: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _emit_help(self) -> None:
        product = obj_at(self.service, "product").get("name")
        subject = (translate("ServicePage", "Help with {product}").format(product=product) if product
                   else translate("ServicePage", "Help with my service"))
        self.help_requested.emit({"service_id": self.service_id, "subject": subject, "department": "technical"})

    def _emit_withdraw(self) -> None:
        if self._may_act():
            self.withdraw_requested.emit(self.service_id)

    def _choose(self, row: int) -> None:
        if 0 <= row < self.invoices_model.rowCount():
            self.invoice_chosen.emit(str(self.invoices_model.row(row).get("id")))
