"""A section that is a filterable table whose rows open a page in the table's place (services, invoices, orders,
support tickets), shown for the current account or, in the "All accounts" scope, for every account together."""
from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from app.core.text import translate
from app.models.all_accounts import ACCOUNT_ID_KEY, ACCOUNT_KEY, AccountsRows
from app.models.table import Column, RowTableModel

from .back_trail import ReturnPoint, back_text, record_id_of
from .filtered_table import FilteredTable
from .nouns import noun_text
from .scope import ACCOUNT, ALL, ScopedScreen, refill_keeping_sort, set_widths
from .screen_margins import follow_width
from .section import Section
from .sections import RECORD_SCREENS


def reading() -> str:
    return translate("ListWithPage", "Reading every account's saved data…")


def with_account(search_keys: Sequence[str]) -> tuple[str, ...]:
    """What the search looks at: in the All-accounts scope the account's name too (the other scope has no such
    column, so there it changes nothing)."""
    return (*search_keys, ACCOUNT_KEY)


def across(everything: AccountsRows, *more: str, billing: bool = True) -> str:
    """"Across 2 accounts", "(of 3)" added when some have never been synced (or, for a billing list, have no
    billing: their rows are left out), then each of `more` that says something: "Across 2 accounts · 1 overdue"."""
    synced, total = len(everything.billed if billing else everything.synced), len(everything.accounts)
    if synced != total:
        head = translate("ListWithPage", "Across %n account(s) (of {total})", None, synced).format(total=total)
    else:
        head = translate("ListWithPage", "Across %n account(s)", None, synced)
    return " · ".join([head, *(part for part in more if part)])


class ListWithPage(ScopedScreen, Section):
    """Subclasses build `self.model`, `self.list` (a FilteredTable over it) and `self.page`, then call `_stack`;
    `open_row(id)` says how a row becomes its page; `_show_account(data)` and `_show_everything(rows)` fill the
    table in each scope."""

    scope_changed = Signal(str)      # ACCOUNT or ALL: the feature reads every account's cache for ALL
    row_chosen = Signal(str, str)    # account id, row id: a row of the all-accounts list, to open in its account
    page_shown = Signal(str, str)    # kind ("invoice", ...), record id: its page shows (the window says whence)
    row_opening = Signal()           # a row of the list is being opened: its page returns to the list
    row_opening_in_account = Signal(str, str)    # kind, row id: an All-accounts row, whose page returns to that scope
    returning = Signal(object)       # a ReturnPoint: Back on a page opened from elsewhere, to go back there

    noun = ""
    none_text: tuple[str, str, str | None] = ("", "", None)    # the empty state of an account without rows
    column_widths: dict[str, int] = {}       # by column key: set again whenever the scope changes the columns
    all_column_widths: dict[str, int] = {ACCOUNT_KEY: 150}      # the All-accounts scope's, over column_widths
    model: RowTableModel
    list: FilteredTable
    page: QWidget
    came_from: ReturnPoint | None = None     # where the page's Back goes instead of the list (back_trail.py)

    def _stack(self, heading: QLabel, summary: QLabel, *actions: QWidget) -> None:
        """`actions`: buttons of the list's own (New ticket…), right of the heading, left of the scope toggle."""
        self.summary_label = summary
        self.list.table.activated.connect(self._open_index)      # Enter or double-click
        self.list.set_empty_text("none", *self.none_texts())
        set_widths(self.table, self.model, self.column_widths)
        self.page.back_requested.connect(self.go_back)
        # Ctrl+F on a record's page searches its list: back to it, in the search. (The search's own Ctrl+F is
        # off while the page hides it, so the two never both answer the key.)
        find = QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self.page)
        find.setContext(Qt.ShortcutContext.WindowShortcut)
        find.activated.connect(self._search_list)
        self._make_scope_toggle()
        self.listing = QWidget(self)
        list_layout = QVBoxLayout(self.listing)
        list_layout.setContentsMargins(0, 0, 0, 0)
        list_layout.setSpacing(12)
        top = QHBoxLayout()
        top.addWidget(heading, 1)
        for action in actions:
            top.addWidget(action)
        if actions:
            top.addSpacing(16)      # apart from the toggle, whose chosen half looks like a primary button too
        top.addWidget(self.scope_toggle)
        list_layout.addLayout(top)
        list_layout.addWidget(summary)
        list_layout.addWidget(self.list, 1)
        self.stack = QStackedLayout()
        self.stack.addWidget(self.listing)
        self.stack.addWidget(self.page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        follow_width(self)      # narrower sides in a small window: the room goes to the content
        layout.addLayout(self.stack, 1)
        summary.hide()
        self._actions = actions
        self._reading_order()

    def _reading_order(self, above_filters: Sequence[QWidget] = (), after_search: Sequence[QWidget] = ()) -> None:
        """Tab in reading order: the heading row's buttons, what sits between it and the filters, the filters, the
        table. Tab followed the order things were made in: the toggle, made after the list, came after the table."""
        chain = [*self._actions, self.scope_toggle.this_button, self.scope_toggle.all_button, *above_filters,
                 self.list.filters.status, self.list.filters.search, *after_search, self.table]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    @property
    def table(self):
        return self.list.table

    @property
    def filters(self):
        return self.list.filters

    @property
    def page_open(self) -> bool:
        return self.stack.currentWidget() is self.page

    @property
    def kind(self) -> str:
        """The kind of record the page shows: "invoice", "service", "order" or "ticket"."""
        return next((kind for kind, key in RECORD_SCREENS.items() if key == self.key), "")

    @property
    def record_id(self) -> str:
        """The id of the record the page shows ("" while the list shows)."""
        return record_id_of(self.page, self.kind) if self.page_open else ""

    def open_row(self, row_id: str) -> bool:
        raise NotImplementedError

    def set_came_from(self, place: ReturnPoint | None) -> None:
        """Where Back on the page goes: `place` (and its Back button says so), or the list when None."""
        self.came_from = place
        self.page.set_back_text(back_text(place.title) if place is not None else None)

    def go_back(self) -> None:
        """Back from the page: to the place it was opened from, else to the list. The list shows either way, so
        the screen chosen later in the sidebar shows its list rather than a page left behind."""
        place = self.came_from
        self.set_came_from(None)
        self.show_list()
        if place is not None:
            self.returning.emit(place)

    def apply_filter(self, filters: dict) -> None:
        """The list's filters, and its scope: {"scope": "all"} for every account's rows, else this account's."""
        self.set_scope(ALL if filters.get("scope") == ALL else ACCOUNT)
        self.show_list()
        self.list.apply_filter(filters)

    # -- scope ----------------------------------------------------------------------------------------------------
    def show_all_error(self, text: str) -> None:
        if self.scope == ALL:
            self.summary_label.setText(text)
            self.summary_label.show()

    def _show_scope(self) -> None:
        self._set_empty_texts()
        if self.scope != ALL:
            super()._show_scope()
            return
        self._show_everything(self.everything or AccountsRows())
        if self.everything is None:       # until the feature's first read lands
            self.summary_label.setText(reading())
            self.summary_label.show()

    def none_texts(self) -> tuple[str, str, str | None]:
        """`none_text` in the user's language (the subclasses mark its words with QT_TRANSLATE_NOOP)."""
        return tuple(translate("ListWithPage", text) if text else text for text in self.none_text)

    def _set_empty_texts(self) -> None:
        noun = self.noun
        if self.scope == ALL:
            is_reading = self.everything is None
            self.list.set_empty_text("not_synced", reading() if is_reading else
                                     translate("ListWithPage", "Not synced yet"),
                                     "" if is_reading else noun_text(noun, "all_connect"))
            self.list.set_empty_text("none", noun_text(noun, "all_none"), noun_text(noun, "all_none_message"))
        else:
            self.list.set_empty_text("not_synced", translate("ListWithPage", "Not synced yet"),
                                     noun_text(noun, "connect"))
            self.list.set_empty_text("none", *self.none_texts())

    def _refill(self, columns: Sequence[Column], fill: Callable[[], None]) -> None:
        if refill_keeping_sort(self.table, self.model, columns, fill):
            extra = self.all_column_widths if self.scope == ALL else {}
            set_widths(self.table, self.model, {**self.column_widths, **extra})

    # -- rows and pages -------------------------------------------------------------------------------------------
    def _open_index(self, index) -> None:
        row = self.list.proxy.row(index.row())
        if not row or row.get("id") is None:
            return
        self.row_opening.emit()
        if self.scope == ALL:
            self.row_opening_in_account.emit(self.kind, str(row["id"]))
            self.row_chosen.emit(str(row.get(ACCOUNT_ID_KEY) or ""), str(row["id"]))
        else:
            self.open_row(str(row["id"]))

    def _show_page(self) -> None:
        self.set_scope(ACCOUNT)        # a page belongs to one account (Back restores All accounts: back_trail.py)
        self.stack.setCurrentWidget(self.page)
        self.page.setFocus(Qt.FocusReason.OtherFocusReason)
        self.page_shown.emit(self.kind, self.record_id)

    def _search_list(self) -> None:
        self.show_list()
        self.list.filters.focus_search()

    def show_list(self) -> None:
        self.stack.setCurrentWidget(self.listing)
        self.list.table.setFocus(Qt.FocusReason.OtherFocusReason)
