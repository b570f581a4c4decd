"""Where a record's page returns to. A page opened from its own list goes back to that list; one opened from
elsewhere (a Credits row's invoice, a service's invoice, the Dashboard's recent orders, Go to…, a notice, a
checkout's next step) goes back to the place it was opened from, as a browser's Back does: the screen as it was
(its scope, filters and scroll), or the record page that was shown there, which in turn returns where it came from.
Its Back button names that place ("← Credits"), so it never promises the list and takes the user elsewhere. A row
of a list in the All-accounts scope opens in its own account, and Back returns to the list in that scope ("← All
accounts"), not to the account's own list.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.core.text import translate

from .labels import literal
from .scope import ALL
from .section import section_title
from .sections import RECORD_SCREENS
from .tab_order import can_tab_to, chain_order

MAX_DEPTH = 20          # a longer trail (invoice, order, invoice, order, ...) forgets its oldest places
TITLE_CHARS = 40        # a place's name on the Back button: a long service name ends in "…"


@dataclass(frozen=True)
class ReturnPoint:
    """A place to return to: the screen `key`, named `title`; with `kind` and `record_id`, the record page that
    was shown there (of `account_id`), which itself returns to `came_from`; `scope`, the screen's scope then."""

    key: str
    title: str
    kind: str = ""
    record_id: str = ""
    account_id: str = ""
    came_from: ReturnPoint | None = None
    scope: str = ""              # the screen's scope when left ("all" for All accounts), "" for a screen without one

    def trimmed(self, depth: int = MAX_DEPTH) -> ReturnPoint:
        if self.came_from is None:
            return self
        if depth <= 1:
            return replace(self, came_from=None)
        return replace(self, came_from=self.came_from.trimmed(depth - 1))


def back_text(place: str) -> str:
    """"← Credits": the Back button of a page opened from `place` (a screen's name or a record page's title)."""
    place = " ".join(place.split())
    if len(place) > TITLE_CHARS:
        place = place[:TITLE_CHARS - 1].rstrip() + "…"
    return translate("RecordPage", "← {place}").format(place=literal(place))


def record_id_of(page: QWidget, kind: str) -> str:
    """The id of the record `page` shows (its `invoice_id`, `service_id`, ...), "" when it shows none."""
    value = getattr(page, f"{kind}_id", "") if kind else ""
    return str(value or "")


def focus_screen(section: QWidget) -> None:
    """The focus on a screen just returned to: its record page, else its table, else its first control (the
    Back button that had it is hidden now, and Qt would hand it to the sidebar)."""
    if getattr(section, "page_open", False):
        section.page.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    table = getattr(section, "table", None)
    if isinstance(table, QWidget) and table.isVisible():
        table.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    first = next((w for w in chain_order(section) if can_tab_to(w)), None)
    if first is not None:
        first.setFocus(Qt.FocusReason.OtherFocusReason)


class BackTrail:
    """The main window's memory of where each record page was opened from. Every road to a record (a screen's
    `navigate` with a record, `open_record`, Go to…, a Credits row of another account, "Get help with this") says
    `expect(kind, id)` from the place on show; when that record's page shows, its screen is told where Back goes."""

    def __init__(self, window) -> None:
        self.window = window
        # A record asked for from elsewhere, until its page shows: (kind, id or "" for any, the place asked from).
        self.expected: tuple[str, str, ReturnPoint | None] | None = None

    def attach(self, section) -> None:
        """A screen just built: its record pages report to the trail, and its rows that open another screen's."""
        if hasattr(section, "page_shown"):
            section.page_shown.connect(lambda kind, record_id, s=section: self.page_shown(s, kind, record_id))
            section.returning.connect(self.return_to)
            section.row_opening.connect(self.forget)
        if hasattr(section, "record_chosen"):     # a row that opens a record of another screen (Credits' invoice)
            section.record_chosen.connect(lambda _account, kind, record_id: self.expect(kind, record_id))
        if hasattr(section, "row_opening_in_account"):      # an All-accounts row: Back returns to that scope
            section.row_opening_in_account.connect(self.expect)

    def _account(self) -> str:
        return self.window.switcher.current_id() or ""

    def here(self) -> ReturnPoint | None:
        """The place on show, to come back to: the screen, or the record page shown on it."""
        window = self.window
        key = window.current_key
        if key not in window.sections or not window.sections.is_built(key):
            return None
        section = window.sections[key]
        if getattr(section, "page_open", False) and section.record_id:
            title = section.page.title.text() or section_title(type(section))
            return ReturnPoint(key, title, section.kind, section.record_id, self._account(),
                               section.came_from).trimmed()
        return ReturnPoint(key, section_title(type(section)), account_id=self._account(),
                           scope=str(getattr(section, "scope", "") or ""))

    def expect(self, kind: str, record_id: str) -> None:
        """A record is asked for from the place on show: its page, when it shows, returns here. Asked again for
        the same record (a retry once the data has come) from its own screen, the first place stays."""
        expected, here = self.expected, self.here()
        if (expected is not None and expected[:2] == (kind, record_id) and here is not None
                and here.key == RECORD_SCREENS.get(kind) and not here.kind):
            return
        self.expected = (kind, record_id, here)

    def expect_from_filters(self, key: str, filters: dict) -> None:
        """A screen's `navigate(key, filters)`: a record it names, or the ticket "Get help with this" will send."""
        for kind, record_key in RECORD_SCREENS.items():
            if record_key == key and filters.get(kind):
                self.expect(kind, str(filters[kind]))
        if key == RECORD_SCREENS["ticket"] and isinstance(filters.get("new_ticket"), dict):
            self.expect("ticket", "")

    def forget(self) -> None:
        self.expected = None

    def page_shown(self, section, kind: str, record_id: str) -> None:
        """A record's page shows: asked for from elsewhere, Back goes there; from its own list, back to the list.
        An expected id of "" is the record not made yet (a new ticket): the first of its kind to show."""
        expected, self.expected = self.expected, None
        matches = expected is not None and expected[0] == kind and expected[1] in ("", record_id)
        place = expected[2] if matches else None
        if place is not None and place.kind and place.account_id != self._account():
            # A page of the account left behind (Go to… another's record) is not this account's to reopen: its screen.
            place = ReturnPoint(place.key, section_title(self.window.sections.classes[place.key]),
                                account_id=place.account_id)
        if place is not None and place.key == section.key and not place.kind:
            if place.scope == ALL:           # from its list in the All-accounts scope: back to that scope
                place = replace(place, title=translate("ScopeToggle", "All accounts"))
            else:
                place = None                 # from its own list
        step = place
        while step is not None:              # a page on the way here again (its order's invoice): back as it was
            if (step.key, step.kind, step.record_id) == (section.key, kind, record_id):
                place = step.came_from
                break
            step = step.came_from
        section.set_came_from(place)

    def return_to(self, place: ReturnPoint) -> None:
        """Back on a page opened from `place`: that screen as it was left, or the record page shown there (when
        it is still this account's and still there), with its own way back."""
        window = self.window
        window.select_section(place.key)
        if window.current_key != place.key:
            return
        section = window.sections[place.key]
        toggle = getattr(section, "scope_toggle", None)
        if place.scope and toggle is not None and not toggle.isHidden():
            section.set_scope(place.scope)   # All accounts as it was left (the page set its screen to one account)
        if place.kind and hasattr(section, "set_came_from"):
            shown = section.page_open and section.record_id == place.record_id
            if not shown and place.account_id == self._account():
                opener = getattr(section, f"open_{place.kind}", None)
                shown = opener is not None and bool(opener(place.record_id))
            if shown:
                section.set_came_from(place.came_from)
            else:
                section.show_list()
        elif getattr(section, "page_open", False):
            section.show_list()          # left from its list: a page opened there since is not where Back goes
        focus_screen(section)
