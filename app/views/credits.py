"""Credits: the account's credit balance and every change to it, with the balance after each; in the All-accounts
scope every account's balance (per currency) and transactions. A transaction that belongs to an invoice (a top-up's,
the one credit paid, the one refunded to credit) opens that invoice's page, in the transaction's own account."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedLayout,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.credit import credit_balance, credits_enabled
from app.core.money import parse_money
from app.core.reach import signed_out_text
from app.core.text import translate
from app.models.all_accounts import (
    ACCOUNT_ID_KEY,
    ACCOUNT_KEY,
    AccountsRows,
    all_accounts_columns,
    amounts_text,
    per_currency,
)
from app.models.invoices import visible_invoices
from app.models.plain_text import PLAIN
from app.models.transactions import TransactionTableModel, transaction_columns

from .empty_state import EmptyState
from .exports import ExportButton
from .filtered_table import make_table
from .labels import emphasise, heading, muted, styled
from .rows_height import keep_rows
from .scope import ACCOUNT, ALL, ScopedScreen, refill_keeping_sort, set_widths
from .screen_margins import follow_width
from .section import Section
from .shapes import obj_at
from .tab_order import tab_in_order


def balances(everything: AccountsRows) -> list[tuple[str, AccountData, Decimal]]:
    """(name, data, balance) of every synced account that keeps a credit balance."""
    out = []
    for name, data in everything.synced:
        if credits_enabled(data):
            try:
                out.append((name, data, parse_money(credit_balance(data) or "0")))
            except ValueError:
                continue
    return out


def invoice_listed(data: AccountData | None, invoice_id: str) -> bool:
    """Whether the account's Invoices screen lists this invoice, so its page can open: a transaction may name one
    the cache does not hold (not synced yet, or a draft, which is never shown)."""
    return data is not None and any(str(row.get("id")) == invoice_id for row in visible_invoices(data.invoices))


def top_up_gateways(data: AccountData) -> bool:
    """Whether the panel takes top-ups: they are paid through a gateway, never with credits."""
    return any(obj_at(data.billing_config, "gateways", name).get("enabled") for name in ("stripe", "paypal"))


class _AtLeastItsMinimum(QWidget):
    """A scroll area's page that scrolls only when its minimum does not fit: a word-wrapped label makes a layout
    answer heightForWidth with its preferred height, and QScrollArea would then scroll whenever the history's table
    could not have its preferred height, though it shrinks."""

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        layout = self.layout()
        return layout.minimumHeightForWidth(width) if layout is not None else super().heightForWidth(width)


class CreditsSection(ScopedScreen, Section):
    key = "credits"
    title = QT_TRANSLATE_NOOP("Sections", "Credits")
    top_up_requested = Signal(str)     # the amount, a decimal string in the account's places
    scope_changed = Signal(str)        # ACCOUNT or ALL: the feature reads every account's cache for ALL
    export_requested = Signal(str)     # "credits": the transactions the table shows (features/exports.py)
    # Account id, "invoice", invoice id: an All-accounts row's invoice, opened in its own account (the same id may
    # be another account's invoice too); a row of "This account" asks through `navigate`, as the record pages do.
    record_chosen = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("creditsSection")
        self.model = TransactionTableModel(self)
        self.heading = heading(translate("CreditsSection", "Credits"))

        self.balance_card = styled(QFrame(objectName="card", frameShape=QFrame.Shape.StyledPanel), card=True)
        self.balance_caption = muted(translate("CreditsSection", "Credit balance"), "cardTitle")
        self.balance = emphasise(styled(QLabel(objectName="cardValue", textFormat=PLAIN), role="metric"), 1.8)
        self.balance.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.balance_note = muted(translate("CreditsSection", "Credit is applied automatically to new orders and "
                                                              "renewals."), "cardCaption", wrap=True)
        card = QVBoxLayout(self.balance_card)
        card.setContentsMargins(20, 16, 20, 16)
        card.setSpacing(4)
        card.addWidget(self.balance_caption)
        card.addWidget(self.balance)
        card.addWidget(self.balance_note)
        # A top-up whose payment page was left stays due until paid or cancelled (on its invoice's page): said here,
        # where the buyer would top up again.
        self.waiting = muted(object_name="topUpsWaiting", wrap=True)
        self.waiting_button = styled(QPushButton(objectName="topUpsWaitingButton"), kind="ghost")
        self.waiting_button.clicked.connect(self._open_waiting)
        self.waiting_row = QWidget(self.balance_card)
        waiting_row = QHBoxLayout(self.waiting_row)
        waiting_row.setContentsMargins(0, 4, 0, 0)
        waiting_row.addWidget(self.waiting, 1)
        waiting_row.addWidget(self.waiting_button)
        self.waiting_row.hide()
        self._waiting_ids: list[str] = []
        card.addWidget(self.waiting_row)
        self.online = True
        self.signed_out = False         # not online because the account's login ended (not the connection)
        self._reach_note = ""           # the offline or signed-out note under Top up, to take back
        self._amount_note = ""          # what is wrong with the amount typed, under Top up, to take back
        self._account_shown: str | None = None     # whose credits the top-up box was last typed under
        self.top_up_amount = QLineEdit(objectName="topUpAmount", placeholderText=translate("CreditsSection", "Amount"))
        self.top_up_amount.setMaximumWidth(140)
        self.top_up_amount.setAccessibleName(translate("CreditsSection", "Top-up amount"))   # the placeholder goes
        self.top_up_amount.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{1,9}([.,]\d{0,4})?"),
                                                                    self.top_up_amount))
        self.top_up_button = styled(QPushButton(translate("CreditsSection", "Top up…"), objectName="topUpButton"),
                                    kind="primary")
        self.top_up_button.clicked.connect(self._top_up)
        self.top_up_amount.returnPressed.connect(self._top_up)
        self.top_up_amount.textChanged.connect(lambda _t: self._update_top_up())
        self.top_up_message = muted(object_name="topUpMessage", wrap=True)
        self.top_up_row = QWidget(self.balance_card)
        row = QHBoxLayout(self.top_up_row)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.top_up_amount)
        row.addWidget(self.top_up_button)
        row.addWidget(self.top_up_message, 1)
        card.addWidget(self.top_up_row)

        self.history_title = heading(translate("CreditsSection", "History"), "sectionHeading")
        self.table = make_table(self, "transactionsTable", self.model)
        self.table.setAccessibleName(translate("CreditsSection", "Credit transactions"))
        set_widths(self.table, self.model, {"note": 280})
        # Banners over a short window (1000x650) squeezed the history to one row: the page scrolls instead.
        keep_rows(self.table)
        self.table.activated.connect(self._open_index)     # Enter or double-click: the transaction's invoice
        self.table.open_text = self._open_text             # the rows' menu: "Open invoice" where there is one
        self.count = muted(object_name="sectionCount")
        self.empty = EmptyState(self)
        # Only one of the table and this shows: the hidden one's height must not make the page scroll.
        self.empty.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.table)
        self.stack.addWidget(self.empty)

        self.content = _AtLeastItsMinimum(self)
        content = QVBoxLayout(self.content)
        content.setContentsMargins(0, 0, 0, 0)
        content.setSpacing(12)
        content.addWidget(self.balance_card)
        content.addWidget(self.history_title)
        content.addLayout(self.stack, 1)
        content.addWidget(self.count)
        self.page_empty = EmptyState(self)
        self.pages = QStackedLayout()
        # A short window (three banners over 650 pixels) scrolls the balance card and history rather than squeezing
        # the card's lines over each other; the history's table takes whatever height is left over.
        self.content_scroll = QScrollArea(self, objectName="creditsScroll", widgetResizable=True,
                                          frameShape=QFrame.Shape.NoFrame)
        self.content_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.content_scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)    # Tab goes to what is in it, not the frame
        self.content_scroll.setWidget(self.content)
        self.pages.addWidget(self.content_scroll)
        self.pages.addWidget(self.page_empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        follow_width(self)      # narrower sides in a small window: the room goes to the content
        layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self._make_scope_toggle())
        self.export_button = ExportButton(("credits",), self)
        self.export_button.chosen.connect(self.export_requested)
        top.addWidget(self.export_button)
        layout.addLayout(top)
        layout.addLayout(self.pages, 1)
        # Reading order: the heading row, the balance and its top-up, then the history (made first, it came first).
        tab_in_order(self.scope_toggle, self.export_button, self.balance_card, self.table)
        self.page_empty.show_state(translate("CreditsSection", "Not synced yet"),
                                   translate("CreditsSection", "Connect to the panel to see your credit balance."))
        self.pages.setCurrentWidget(self.page_empty)

    def show_data(self, data: AccountData) -> None:
        self.data = data
        if self.scope == ACCOUNT:
            self._show_account(data)

    def _show_account(self, data: AccountData) -> None:
        if self._account_shown not in (None, data.account_id):
            # An amount typed for one account is never one click from topping up the next one.
            self.top_up_amount.clear()
            self.top_up_message.setText("")
        self._account_shown = data.account_id
        places = data.places
        fill = lambda: self.model.set_transactions(data.credit_transactions, data.money, places)  # noqa: E731
        if refill_keeping_sort(self.table, self.model, transaction_columns(data.money, places), fill):
            set_widths(self.table, self.model, {"note": 280})
        self.balance_caption.setText(translate("CreditsSection", "Credit balance"))
        self.balance_note.setText(translate("CreditsSection",
                                            "Credit is applied automatically to new orders and renewals."))
        if data.never_synced:
            self.page_empty.show_state(translate("CreditsSection", "Not synced yet"),
                                       translate("CreditsSection", "Connect to the panel to see your credit balance."))
            self.pages.setCurrentWidget(self.page_empty)
            return
        if not credits_enabled(data):
            self.page_empty.show_state(translate("CreditsSection", "Credits are not available"),
                                       translate("CreditsSection", "This panel does not keep a credit balance for "
                                                                   "accounts."))
            self.pages.setCurrentWidget(self.page_empty)
            return
        self.pages.setCurrentWidget(self.content_scroll)
        self.places = data.places
        self._show_waiting(data)
        self.top_up_row.setVisible(top_up_gateways(data))
        self._update_top_up()
        balance = credit_balance(data)
        self.balance.setText(data.money(balance if balance is not None else "0"))
        self.balance.setAccessibleName(translate("CreditsSection", "Credit balance {amount}").format(
            amount=self.balance.text()))
        self._show_count(len(data.credit_transactions))

    def _show_waiting(self, data: AccountData) -> None:
        waiting = [r for r in data.invoices if r.get("kind") == "top_up" and r.get("status") == "pending"]
        self._waiting_ids = [str(r.get("id")) for r in waiting]
        self.waiting_row.setVisible(bool(waiting))
        if len(waiting) == 1:
            top_up = waiting[0]
            number = str(top_up.get("invoice_number") or "")
            self.waiting.setText(translate("CreditsSection", "A top-up of {amount} is waiting for payment: pay it, or "
                                                             "cancel it, on its invoice's page.").format(
                amount=data.money(top_up.get("balance_due") or top_up.get("total"))))
            self.waiting_button.setText(translate("CreditsSection", "Open {invoice}").format(invoice=number))
        elif waiting:
            count = len(waiting)        # a plain name: pyside6-lupdate reads a plural's count only as one
            self.waiting.setText(translate("CreditsSection", "%n top-up(s) are waiting for payment: pay them, or "
                                                             "cancel them, on their invoices' pages.", None, count))
            self.waiting_button.setText(translate("CreditsSection", "Show unpaid invoices"))

    def _open_waiting(self) -> None:
        if len(self._waiting_ids) == 1:
            self.navigate.emit("invoices", {"invoice": self._waiting_ids[0]})
        elif self._waiting_ids:
            self.navigate.emit("invoices", {"status": "pending"})

    # -- a transaction's invoice --------------------------------------------------------------------------------
    def invoice_of(self, index: QModelIndex) -> str | None:
        """The id of the invoice the transaction at `index` belongs to, when its account lists that invoice; None
        for one with nothing to open (an adjustment, or an invoice not in the cache)."""
        if not index.isValid() or not 0 <= index.row() < self.model.rowCount():
            return None
        row = self.model.row(index.row())
        invoice_id = row.get("invoice_id")
        if invoice_id is None or str(invoice_id) == "":
            return None
        if self.scope == ALL:
            data = (self.everything.data_of if self.everything else {}).get(str(row.get(ACCOUNT_ID_KEY) or ""))
        else:
            data = self.data
        return str(invoice_id) if invoice_listed(data, str(invoice_id)) else None

    def _open_text(self, index: QModelIndex) -> str:
        return translate("CreditsSection", "&Open invoice") if self.invoice_of(index) is not None else ""

    def _open_index(self, index: QModelIndex) -> None:
        invoice_id = self.invoice_of(index)
        if invoice_id is None:
            return
        if self.scope == ALL:
            account_id = str(self.model.row(index.row()).get(ACCOUNT_ID_KEY) or "")
            self.record_chosen.emit(account_id, "invoice", invoice_id)
        else:
            self.navigate.emit("invoices", {"invoice": invoice_id})

    def _show_count(self, rows: int) -> None:
        self.count.setText(translate("CreditsSection", "%n transaction(s)", None, rows))
        self.count.setVisible(rows > 0)
        if rows:
            self.stack.setCurrentWidget(self.table)
        else:
            self.empty.show_state(translate("CreditsSection", "No credit transactions yet"),
                                  translate("CreditsSection", "Top-ups, refunds to credit and credit spent on invoices "
                                                              "will appear here."))
            self.stack.setCurrentWidget(self.empty)

    # -- every account --------------------------------------------------------------------------------------------
    def apply_filter(self, filters: dict) -> None:
        self.set_scope(ALL if filters.get("scope") == ALL else ACCOUNT)

    def show_all_error(self, text: str) -> None:
        if self.scope == ALL:
            self.page_empty.show_state(translate("CreditsSection", "The saved data could not be read"), text)
            self.pages.setCurrentWidget(self.page_empty)

    def _show_everything(self, everything: AccountsRows | None) -> None:
        rows = everything or AccountsRows()
        columns = all_accounts_columns(transaction_columns, rows.data_of)
        if refill_keeping_sort(self.table, self.model, columns, lambda: self.model.feed(rows.transactions, columns)):
            set_widths(self.table, self.model, {ACCOUNT_KEY: 150, "created_at": 120, "type": 120, "note": 240})
        self.top_up_row.hide()          # a top-up is paid to one panel: the "This account" scope offers it
        self.waiting_row.hide()
        kept = balances(rows)
        if everything is None or not rows.synced:
            self.page_empty.show_state(*((translate("CreditsSection", "Reading every account's saved data…"), "")
                                         if everything is None else
                                         (translate("CreditsSection", "Not synced yet"),
                                          translate("CreditsSection", "Connect to a panel to see your credit "
                                                                      "balances."))))
            self.pages.setCurrentWidget(self.page_empty)
            return
        if not kept:
            self.page_empty.show_state(translate("CreditsSection", "Credits are not available"),
                                       translate("CreditsSection", "None of your accounts' panels keeps a credit "
                                                                   "balance."))
            self.pages.setCurrentWidget(self.page_empty)
            return
        self.pages.setCurrentWidget(self.content_scroll)
        accounts = len(kept)
        self.balance_caption.setText(translate("CreditsSection", "Credit balance · across %n account(s)", None,
                                               accounts))
        total = per_currency((data.currency_code, balance) for _name, data, balance in kept)
        self.balance.setText(amounts_text(total, rows.money))
        self.balance.setAccessibleName(translate("CreditsSection", "Credit balance {amount}").format(
            amount=self.balance.text()))
        self.balance_note.setText(" · ".join(translate("CreditsSection", "{account}: {amount}").format(
            account=name, amount=data.money(balance)) for name, data, balance in kept))
        self._show_count(len(rows.transactions))

    # -- top-up ---------------------------------------------------------------------------------------------------
    def amount(self) -> str | None:
        try:
            value = Decimal(self.top_up_amount.text().replace(",", ".").strip())
        except InvalidOperation:
            return None
        places = getattr(self, "places", 2)
        if value <= 0 or value != value.quantize(Decimal(1).scaleb(-places)):
            return None
        return f"{value:.{places}f}"

    def amount_problem(self) -> str:
        """Why the amount typed cannot be topped up, in words ("" when it can, or nothing is typed): Top up is off
        then, and the reason is said rather than left to guess."""
        text = self.top_up_amount.text().strip()
        if not text or self.amount() is not None:
            return ""
        try:
            value = Decimal(text.replace(",", "."))
        except InvalidOperation:
            return translate("CreditsSection", "Enter an amount such as 20 or 20.50.")
        if value <= 0:
            return translate("CreditsSection", "Enter an amount above zero.")
        places = getattr(self, "places", 2)
        return translate("CreditsSection", "Use at most %n decimal place(s).", None, places)

    def set_online(self, online: bool, signed_out: bool = False) -> None:
        """`signed_out`: the panel cannot be asked because the account needs a login, not the connection."""
        self.online = online
        self.signed_out = signed_out and not online
        self._update_top_up()

    def show_top_up_message(self, text: str) -> None:
        self.top_up_message.setText(text)

    def _update_top_up(self) -> None:
        amount, problem = self.amount(), self.amount_problem()
        self.top_up_button.setEnabled(self.online and amount is not None)
        if self.signed_out:
            self.top_up_button.setToolTip(signed_out_text())
        elif not self.online:
            self.top_up_button.setToolTip(translate("CreditsSection", "Topping up needs a connection to the panel "
                                                                      "(payments never wait in the Outbox)"))
        else:
            self.top_up_button.setToolTip(problem or (
                translate("CreditsSection", "Enter the amount to add first") if amount is None else ""))
        if not self.online:
            self._reach_note = signed_out_text() if self.signed_out else translate(
                "CreditsSection", "Offline: topping up needs a connection to the panel.")
            self.top_up_message.setText(self._reach_note)
        elif self._reach_note and self.top_up_message.text() == self._reach_note:
            self.top_up_message.setText("")
        if self.online:
            self._reach_note = ""
            if problem:
                self.top_up_message.setText(problem)
            elif self._amount_note and self.top_up_message.text() == self._amount_note:
                self.top_up_message.setText("")      # mended: the note goes (a panel's message stays)
            self._amount_note = problem

    def _top_up(self) -> None:
        amount = self.amount()
        if amount is not None and self.online:
            self.top_up_requested.emit(amount)
