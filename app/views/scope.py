"""The "This account | All accounts" scope a screen shows: its toggle, and refilling a table whose columns change
with it (the all-accounts tables have an Account column first)."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QTableView, QWidget

from app.core.account_data import AccountData
from app.core.text import translate
from app.models.all_accounts import AccountsRows
from app.models.table import Column, RowTableModel

ACCOUNT, ALL = "account", "all"


class ScopeToggle(QWidget):
    """Two buttons, one checked; the chosen one is drawn as the primary button. The screen hides it while the
    user has a single account: "All accounts" would show the same as "This account"."""

    scope_chosen = Signal(str)       # ACCOUNT or ALL, when the user picks one

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scopeToggle")
        self.this_button = QPushButton(translate("ScopeToggle", "This account"),
                                       objectName="scopeThis", checkable=True, checked=True)
        self.all_button = QPushButton(translate("ScopeToggle", "All accounts"), objectName="scopeAll", checkable=True)
        group = QButtonGroup(self)
        group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for button in (self.this_button, self.all_button):
            group.addButton(button)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            layout.addWidget(button)
        self._mark()
        self.this_button.toggled.connect(lambda on: on and self._chosen(ACCOUNT))
        self.all_button.toggled.connect(lambda on: on and self._chosen(ALL))

    def set_scope(self, scope: str) -> None:
        """Show `scope` as chosen without announcing it (the screen already knows)."""
        button = self.all_button if scope == ALL else self.this_button
        if not button.isChecked():
            with QSignalBlocker(self.this_button), QSignalBlocker(self.all_button):
                button.setChecked(True)
        self._mark()

    def _chosen(self, scope: str) -> None:
        self._mark()
        self.scope_chosen.emit(scope)

    def _mark(self) -> None:
        """The chosen scope looks chosen: the theme paints kind=primary buttons filled."""
        for button in (self.this_button, self.all_button):
            kind = "primary" if button.isChecked() else ""
            if button.property("kind") != kind:
                button.setProperty("kind", kind)
                button.style().unpolish(button)
                button.style().polish(button)


class ScopedScreen:
    """Mixed into a Section with a ScopeToggle: it keeps the current account's data and the last rows of every
    account, and shows what its scope asks for. The section declares `scope_changed = Signal(str)` and
    `_show_account(data)` / `_show_everything(rows or None)`; a feature hands it rows through `show_all`."""

    scope = ACCOUNT
    data: AccountData | None = None
    everything: AccountsRows | None = None     # the last rows of every account handed in, None before the first
    scope_toggle: ScopeToggle

    def _make_scope_toggle(self) -> ScopeToggle:
        """Hidden until the feature says the user has accounts enough."""
        self.scope_toggle = ScopeToggle(self)
        self.scope_toggle.scope_chosen.connect(self.set_scope)
        self.scope_toggle.hide()
        return self.scope_toggle

    def set_scope_available(self, available: bool) -> None:
        """Whether the user has accounts enough (two) for an "All accounts" scope to show anything more."""
        self.scope_toggle.setVisible(available)
        if not available:
            self.set_scope(ACCOUNT)

    def set_scope(self, scope: str) -> None:
        if scope == self.scope:
            return
        self.scope = scope
        self.scope_toggle.set_scope(scope)
        self._show_scope()
        self.scope_changed.emit(scope)

    def show_all(self, everything: AccountsRows) -> None:
        """Every account's rows, read on a worker: shown while the screen is in the All-accounts scope."""
        self.everything = everything
        if self.scope == ALL:
            self._show_scope()

    def _show_scope(self) -> None:
        if self.scope == ALL:
            self._show_everything(self.everything)
        else:
            self._show_account(self.data or AccountData(account_id=""))

    def _show_account(self, data: AccountData) -> None:
        raise NotImplementedError

    def _show_everything(self, everything: AccountsRows | None) -> None:
        raise NotImplementedError


def set_widths(table: QTableView, model: RowTableModel, widths: Mapping[str, int]) -> None:
    """Column widths by column key, the others the default: a header keeps widths by position, and the scope
    moves the columns."""
    header = table.horizontalHeader()
    stretched = header.count() - 1 if header.stretchLastSection() else header.count()
    for column in range(stretched):      # the last one fills what is left
        header.resizeSection(column, header.defaultSectionSize())
    for key, width in widths.items():
        if (column := model.column_of(key)) >= 0:
            header.resizeSection(column, width)
    if stretched < header.count():
        header.setStretchLastSection(False)      # the new last column fills the rest (Qt keeps the old one's width)
        header.setStretchLastSection(True)


def refill_keeping_sort(table: QTableView, model: RowTableModel, columns: Sequence[Column],
                        fill: Callable[[], None]) -> bool:
    """Run `fill`, which hands `model` new rows in `columns`, and keep the table sorted by the same column, found
    by its key: switching scope adds or drops the Account column, which moves every other column. Returns
    whether the columns changed (their widths are then the caller's to set again)."""
    old = model.columns
    changed = [c.key for c in old] != [c.key for c in columns]
    if changed:
        header = table.horizontalHeader()
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        key = old[column].key if 0 <= column < len(old) else None
        moved = next((i for i, c in enumerate(columns) if c.key == key), -1) if key is not None else -1
        # The new columns at once (without rows, so nothing is sorted twice): a feed of many rows lands later,
        # and the sort below must find the columns it will be sorted in.
        model.set_rows([], columns)
        if moved != column and table.isSortingEnabled():
            header.setSortIndicator(moved, order)
    fill()
    return changed
