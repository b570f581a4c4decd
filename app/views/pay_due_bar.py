"""Over the invoices table: "Pay all due" (every payable invoice in one payment) and "Pay selected" (the payable
invoices among the selected rows). The table lets several rows be selected for it."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QMenu, QPushButton, QTableView, QWidget

from app.core.account_data import AccountData
from app.core.pay_due import MAX_INVOICES, payable
from app.core.reach import paying_reason
from app.core.text import translate
from app.models.row_filter import RowFilterProxy

from .labels import muted, styled


class PayDueBar(QWidget):
    pay_requested = Signal(list)       # invoice ids, for one payment

    def __init__(self, table: QTableView, proxy: RowFilterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("payDueBar")
        self.table, self.proxy = table, proxy
        self.data: AccountData | None = None
        self.online = True
        self.signed_out = False         # not online because the account's login ended (not the connection)
        table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.pay_all = styled(QPushButton(translate("PayDueBar", "Pay all due…"),
                                          objectName="payAllDueButton"), kind="primary")
        self.pay_selected = QPushButton(translate("PayDueBar", "Pay selected…"), objectName="paySelectedButton")
        self.note = muted(object_name="payDueNote")
        self.pay_all.clicked.connect(lambda: self._emit(self.due_ids()))
        self.pay_selected.clicked.connect(lambda: self._emit(self.selected_ids()))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note, 1)
        layout.addWidget(self.pay_selected)
        layout.addWidget(self.pay_all)
        self.hide()

    def show_rows(self, data: AccountData | None) -> None:
        """The account's invoices (None in the All-accounts scope, where one payment cannot cover them)."""
        self.data = data
        self._watch_selection()
        self.refresh()

    def set_online(self, online: bool, signed_out: bool = False) -> None:
        """`signed_out`: the panel cannot be asked because the account needs a login, not the connection."""
        self.online = online
        self.signed_out = signed_out and not online
        self.refresh()

    def due_ids(self) -> list[str]:
        return list(self.data.payable_ids) if self.data else []

    def selected_ids(self) -> list[str]:
        model = self.table.selectionModel()
        if self.data is None or model is None:
            return []
        rows = [self.proxy.row(index.row()) for index in model.selectedRows()]
        ids = [str(r["id"]) for r in rows if r and payable(r, self.data.currency_code)]
        return ids[:MAX_INVOICES]

    def refresh(self) -> None:
        due = self.due_ids()
        self.setVisible(bool(due))
        if not due:
            return
        selected = self.selected_ids()
        self.pay_all.setText(translate("PayDueBar", "Pay all due ({count})…").format(count=len(due)))
        self.pay_selected.setText(translate("PayDueBar", "Pay selected ({count})…").format(count=len(selected))
                                  if selected else translate("PayDueBar", "Pay selected…"))
        self.pay_all.setEnabled(self.online)
        self.pay_selected.setEnabled(self.online and bool(selected))
        why_not = paying_reason(self.online, self.signed_out)
        self.note.setText(why_not)
        # Hovering over a button that is off says why, as every action needing the panel does (README, Manage);
        # the reason was only in the note beside them, and Pay selected… still asked to select invoices.
        self.pay_all.setToolTip(why_not)
        self.pay_selected.setToolTip(why_not or translate(
            "PayDueBar", "Select unpaid invoices in the table (Ctrl+click) to pay them together"))

    def add_row_action(self, menu: QMenu) -> None:
        """The rows' menu (right click): Pay for the unpaid invoices among the selected rows, as Pay selected."""
        ids = self.selected_ids()
        if not ids:
            return
        count = len(ids)        # a plain name: pyside6-lupdate reads a plural's count only as one
        menu.addSeparator()
        action = menu.addAction(translate("PayDueBar", "&Pay %n invoice(s)…", None, count), lambda: self._emit(ids))
        action.setEnabled(self.online)
        # Off, it says why on hover, as Pay selected… beside the table does
        why_not = paying_reason(self.online, self.signed_out)
        action.setToolTip(why_not)
        action.setStatusTip(why_not)
        menu.setToolTipsVisible(True)

    def _watch_selection(self) -> None:
        model = self.table.selectionModel()
        if model is not None and model is not getattr(self, "_watched", None):
            model.selectionChanged.connect(lambda *_: self.refresh())
            self._watched = model

    def _emit(self, ids: list[str]) -> None:
        if ids and self.online:
            self.pay_requested.emit(ids)
