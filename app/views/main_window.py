"""The main window: sidebar, a header with who is signed in, banners for what went wrong, the screens, the status
bar. It only shows: every action becomes a signal the application handles.
"""
from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.account_data import AccountData
from app.core.text import translate
from app.models.batches import Batches
from app.models.plain_text import tooltip

from .back_trail import BackTrail
from .banner import Banner, BannerScroll
from .billing_disabled import BillingDisabledPage
from .empty_state import EmptyPage
from .labels import ElidedLabel
from .lazy_sections import LazySections
from .menus import MenuBar
from .screen_margins import follow_width
from .section import Section, section_title
from .sections import RECORD_SCREENS, Screen, shows
from .shapes import obj
from .sidebar import BILLING_PAGE, Sidebar
from .status_bar import StatusBar
from .submit_keys import is_plain_enter, press_focused_button
from .tab_order import can_tab_to, chain_order, tab_stops
from .theme import icon

log = logging.getLogger(__name__)
WELCOME_PAGE = "welcome"
MINIMUM_SIZE = (1000, 650)   # every screen is laid out to fit this
FIRST_SIZE = (1240, 800)     # the first start's window, where the screen has room for it
COMPACT_BELOW = 1180         # narrower than this, the sidebar shows icons only
def welcome_text() -> str:
    return translate("MainWindow", "Your hosting, in one place: browse the store, buy and pay, and keep an eye on "
                     "services, invoices and credit, online or off. Start by adding the panel where you buy your "
                                   "hosting.")


def show_focused(widget: QWidget) -> None:
    """Scroll every scroll area `widget` is in so that it is on screen: Tab from outside a screen's scroll area
    (the sidebar, a banner) into it landed on a control scrolled out of sight."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea) and parent.widget() is not None and parent.widget().isAncestorOf(widget):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def first_size(available: QSize) -> QSize:
    """The first window: 1240x800, or the screen's free room where that is smaller (a 1000x650 laptop screen
    showed a 1240x800 window cut at its edges), never below the size every screen is laid out for."""
    return QSize(max(MINIMUM_SIZE[0], min(FIRST_SIZE[0], available.width())),
                 max(MINIMUM_SIZE[1], min(FIRST_SIZE[1], available.height())))


class MainWindow(QMainWindow):
    section_selected = Signal(str)
    sync_requested = Signal()
    add_account_requested = Signal()
    manage_accounts_requested = Signal()
    account_chosen = Signal(str)
    theme_toggle_requested = Signal()
    closing = Signal()
    record_elsewhere_requested = Signal(str, str, str)   # account id, kind, record id: Go to… chose another's
    # account id, [("invoice" | "service", id)]: what a payment's result has just said in the window (features:
    # checkout tells it, notices keeps the panel's notifications about those records off the desktop)
    records_told = Signal(str, object)

    def __init__(self, sections: list[type[Section]] | list[Screen] | list[Section],
                 parent: QWidget | None = None) -> None:
        """`sections`: the screens (`sections.screens()`) or their classes, each built when first shown, or
        ready-made screens."""
        super().__init__(parent)
        self.setWindowTitle(translate("MainWindow", "Sett"))
        self.setMinimumSize(*MINIMUM_SIZE)
        ready = {s.key: s for s in sections if isinstance(s, Section)}
        self.sections = LazySections([type(s) if isinstance(s, Section) else s for s in sections],
                                     lambda cls: self._adopt(ready.pop(cls.key, None) or cls(self.stack)))
        self.data: AccountData | None = None
        self.section_errors: list[str] = []
        self.current_key = ""
        self.billing_enabled = True
        self.has_account = False
        self.go_to_dialog: QDialog | None = None     # the last Go to… (Ctrl+K) opened
        self._go_to_index: tuple | None = None        # (what it was built from, the index) of the last index built
        self._go_to_building: tuple | None = None     # what the index being built is built from
        self._go_to_account: str | None = None        # the account an open Go to… was last shown the records of
        # Go to…'s index is built in batches between turns of the event loop (app/models/batches.py), not on a
        # worker: the work is Python over rows the window holds (a thread would hold the interpreter lock just the
        # same, and views never reach app.tasks, the one bridge to workers); a small index is built at once, as
        # before, and a big one (50,000 invoices: half a second) never freezes the window.
        self.go_to_batches = Batches(self)
        self.go_to_batches.setObjectName("goToBatches")
        # The other accounts' saved data as (name, data), for Go to…: set by the All-accounts feature, which reads
        # it on a worker (and calls go_to_data_read when a read lands); none until then.
        self.go_to_others: Callable[[], list[tuple[str, AccountData]]] = list
        self.trail = BackTrail(self)     # where a record's page returns to (back_trail.py)

        self.sidebar = Sidebar()
        self.sidebar.set_sections([(cls.key, section_title(cls)) for cls in self.sections.classes.values()])
        self.switcher = self.sidebar.switcher
        self.status = StatusBar()
        self.setStatusBar(self.status)

        # Who is signed in gives way first (ending in "…", whole in its tooltip) when the status bar is full: German
        # words and a sync in progress fill it at the smallest window, and the Outbox button must stay on screen.
        self.who = ElidedLabel()
        self.who.setObjectName("SignedInAs")
        self.status.addPermanentWidget(self.who)

        self.banner_box = QWidget()
        self.banner_box.setObjectName("Banners")
        self.banner_area = QVBoxLayout(self.banner_box)
        self.banner_area.setContentsMargins(28, 16, 28, 0)
        follow_width(self.banner_box, inset=4)     # the banners' edges 4 px outside the screens' content
        self.banner_area.setSpacing(8)
        self.banner_box.hide()
        self.banners: dict[str, Banner] = {}

        self.stack = QStackedWidget()
        self.stack.setObjectName("Pages")
        self.pages: dict[str, QWidget] = {}
        self.billing_page = BillingDisabledPage()
        self.billing_page.action_clicked.connect(self.sync_requested)
        self._add_page(BILLING_PAGE, self.billing_page)
        self.welcome = EmptyPage("S", translate("MainWindow", "Welcome to Sett"), [(welcome_text(), "subtitle")],
                                 translate("MainWindow", "Add an account"))
        self.welcome.action_clicked.connect(self.add_account_requested)
        self._add_page(WELCOME_PAGE, self.welcome)

        content = QWidget()
        content.setObjectName("ContentArea")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)   # the screens keep their own margins; banners line up with them
        body.setSpacing(0)
        # Banners past a quarter of the height scroll: the screen under them keeps room for its table (1000x650).
        self.banner_scroll = BannerScroll(self.banner_box, content)
        self.banner_scroll.hide()
        self.banner_scroll.follow(content)
        body.addWidget(self.banner_scroll)
        body.addWidget(self.stack, 1)

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.sidebar)
        row.addWidget(content, 1)
        self.setCentralWidget(central)

        self.sidebar.selected.connect(self.select_section)
        self.sidebar.sync_requested.connect(self.sync_requested)
        self.sidebar.theme_toggle_requested.connect(self.theme_toggle_requested)
        self.sidebar.about_requested.connect(self.show_about)
        self.switcher.account_chosen.connect(self.account_chosen)
        self.switcher.add_requested.connect(self.add_account_requested)
        self.switcher.manage_requested.connect(self.manage_accounts_requested)
        self._add_shortcuts()
        self.menus = MenuBar(self, self.shortcut_actions)
        self._update_navigation()

    # -- building ---------------------------------------------------------------------------------------------
    def _adopt(self, section: Section) -> Section:
        """A screen just built: into the stack, following navigation, and showing the data already here."""
        self._add_page(section.key, section)
        section.navigate.connect(self._navigate)
        self.trail.attach(section)
        if self.data is not None:
            self._show_on(section.key, section, self.data)
        return section

    def _add_page(self, key: str, widget: QWidget) -> None:
        self.pages[key] = widget
        self.stack.addWidget(widget)

    def _add_shortcuts(self) -> None:
        def add(name: str, keys: list[str], slot: Callable[[], object]) -> QAction:
            action = QAction(name, self)
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False: slot())
            self.addAction(action)
            self.shortcut_actions[name] = action
            return action

        self.shortcut_actions: dict[str, QAction] = {}     # the menu bar shows these (see menus.py)

        for number in range(1, 10):     # Ctrl+1..9: the sidebar's screens in order
            add(f"Section {number}", [f"Ctrl+{number}"], lambda n=number: self.select_nth(n))
        add("Sync now", ["Ctrl+R", "F5"], self.sync_requested.emit)
        add("Quit", ["Ctrl+Q"], self.close)
        add("Add account", ["Ctrl+Shift+A"], self.add_account_requested.emit)
        # A reseller's accounts one after another, with the keys that step through tabs everywhere else.
        add("Next account", ["Ctrl+PgDown"], lambda: self.switcher.step(1))
        add("Previous account", ["Ctrl+PgUp"], lambda: self.switcher.step(-1))
        add("About Sett", ["F1"], self.show_about)
        add("Keyboard shortcuts", ["Ctrl+/"], self.show_shortcuts)
        add("Go to", ["Ctrl+K"], self.open_go_to)

    def show_about(self) -> None:
        from .about import AboutDialog  # read the dependencies' metadata only when asked

        AboutDialog(self).exec()

    def show_shortcuts(self) -> None:
        from .shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def _go_to_wanted(self) -> tuple:
        """What Go to… is built from now: (key, data, screens, accounts, others, kinds). The key compares as what
        the index shows: the same data (by identity), screens, accounts, kinds and other accounts' data."""
        available = self.available_keys()
        screens = [(key, self.sidebar.buttons[key].title) for key in self.numbered_keys()]
        current = self.switcher.current_id()
        # Just switched, the data of the account before is still here until the new one's is shown: never its
        # records as the current account's (they would open in the wrong account).
        data = self.data if self.data is not None and self.data.account_id == current else None
        accounts = [(account.id, account.name) for account in self.switcher.accounts() if account.id != current]
        # Only records whose screen shows now: with billing off, invoices, services and orders have nowhere to open.
        kinds = {kind for kind, key in RECORD_SCREENS.items() if key in available}
        others = [(name, data) for name, data in self.go_to_others() if data.account_id != current]
        key = (data, screens, accounts, kinds, [(other.account_id, id(other)) for _name, other in others])
        return key, data, screens, accounts, others, kinds

    @staticmethod
    def _go_to_same(key: tuple, other: tuple | None) -> bool:
        return other is not None and other[0] is key[0] and other[1:] == key[1:]

    def _go_to_index_now(self):
        """What Go to… finds now, and whether its records are still being read: (index, reading). Built again
        only when what it is built from changed, in batches between turns of the event loop (a small index within
        this call); meanwhile the index built before, when it is the same account's with nothing gone from it
        (its records a sync old, as a list keeps its rows while new ones are prepared), else the screens and
        accounts alone: never another account's records after a switch. The dialog hears when it is ready."""
        from app.models.go_to import GoToIndex, entries, index_in_batches, record_count  # at the first use

        key, data, screens, accounts, others, kinds = self._go_to_wanted()
        if data is None:        # the current account's data is on its way (show_account_data says when it lands)
            return GoToIndex(entries(None, screens, accounts)), True
        if not self._go_to_same(key, self._go_to_index and self._go_to_index[0]):
            if not self._go_to_same(key, self._go_to_building):
                self._go_to_building = key
                money_of = {other.account_id: other.money for _name, other in others}

                def building():
                    try:
                        index = yield from index_in_batches(data, screens, accounts, others, kinds,
                                                            data.money if data else None, money_of)
                    except Exception:  # noqa: BLE001 - bad saved data must not leave Go to… reading for ever
                        log.exception("Go to… could not index this account's records")
                        index = GoToIndex(entries(None, screens, accounts))
                    self._go_to_index, self._go_to_building = (key, index), None

                # Started after the line above: a small index is built and shown before `start` returns.
                self.go_to_batches.start(building(), self._go_to_built, rows=record_count(data, others))
        cached = self._go_to_index
        if self._go_to_same(key, cached and cached[0]):
            return cached[1], False
        if cached is not None and self._go_to_meanwhile(cached[0], key):
            return cached[1], True
        return GoToIndex(entries(None, screens, accounts)), True

    @staticmethod
    def _go_to_meanwhile(built: tuple, wanted: tuple) -> bool:
        """Whether the index built from `built` may be shown while the one of `wanted` is built: the same account's
        records under the same screens, accounts and kinds, and no records of an account that is gone."""
        return (built[0] is not None and wanted[0] is not None and built[0].account_id == wanted[0].account_id
                and built[1:4] == wanted[1:4] and {a for a, _ in built[4]} <= {a for a, _ in wanted[4]})

    def _go_to_built(self) -> None:
        """The index being built is ready: an open Go to… lists what it finds (or, when what it is built from
        changed meanwhile, waits for the next)."""
        self._go_to_show()

    def _go_to_show(self) -> None:
        """What Go to… finds may have changed (a sync's data, another account, the accounts, billing on or off, the
        other accounts' data read): an open Go to… follows, keeping what is typed and chosen, reading again in
        batches when it must. It closes when no account is left."""
        dialog = self.go_to_dialog
        try:
            visible = dialog is not None and dialog.isVisible()
        except RuntimeError:        # closed and deleted already
            visible = False
        if not visible:
            return
        if not self.has_account:
            dialog.reject()
            return
        current = self.switcher.current_id()
        if current != self._go_to_account:      # an Enter waiting for the records of the account before: not these
            self._go_to_account = current
            dialog.forget_enter()
        dialog.set_index(*self._go_to_index_now())

    def _go_to_closed(self) -> None:
        """Go to… closed while its records were still being read: the reading stops (reopened, it goes on from
        the index built before, or starts again)."""
        if self._go_to_building is not None:
            self.go_to_batches.cancel()
            self._go_to_building = None

    def open_go_to(self) -> None:
        """View ▸ Go to… (Ctrl+K): the screens, the other accounts and every account's records, found by typing
        (the current account's first; the others' once their saved data is read, `go_to_others`)."""
        if not self.has_account:
            return
        from .go_to_dialog import GoToDialog  # read at the first use, not on the start's path

        index, reading = self._go_to_index_now()
        self.go_to_dialog = dialog = GoToDialog(index, self, reading=reading)
        self._go_to_account = self.switcher.current_id()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.chosen.connect(self.go_to)
        dialog.finished.connect(self._go_to_closed)
        dialog.open()

    def go_to_data_read(self) -> None:
        """The other accounts' saved data was read: an open Go to… finds their records too (once indexed)."""
        self._go_to_show()

    def go_to(self, kind: str, target: str, account: str = "") -> None:
        """Open what Go to… chose: a screen, another account, or a record (of another account: after switching)."""
        if kind == "screen":
            self.select_section(target)
        elif kind == "account":
            self.switcher.choose(target)
        elif kind in RECORD_SCREENS and account and account != self.switcher.current_id():
            self.trail.expect(kind, target)
            self.record_elsewhere_requested.emit(account, kind, target)
        elif kind in RECORD_SCREENS:
            self.open_record(kind, target)

    def refresh_icons(self) -> None:
        self.sidebar.refresh_icons()
        for banner in self.banners.values():
            for button in banner.findChildren(QToolButton):
                button.setIcon(icon("close", size=14))

    # -- navigation -------------------------------------------------------------------------------------------
    def available_keys(self) -> list[str]:
        if not self.has_account:
            return []
        keys = [k for k, cls in self.sections.classes.items() if self.billing_enabled or not cls.billing]
        if not self.billing_enabled:
            keys.append(BILLING_PAGE)
        return keys

    def numbered_keys(self) -> list[str]:
        """The screens Ctrl+1..9 choose, in the sidebar's order."""
        return [k for k in self.sidebar.visible_keys() if k in self.available_keys()]

    def select_nth(self, number: int) -> None:
        keys = self.numbered_keys()
        if 0 < number <= len(keys):
            self.select_section(keys[number - 1])
            self._focus_screen()

    def _find_lost_focus(self) -> None:
        """Qt parks the focus on a screen itself when the screen shown has nothing to focus yet (the Dashboard at
        start, before its figures arrive; QStackedLayout's "third best"): nothing showed it and Tab started from
        there. It goes to what the screen lists as soon as there is something."""
        page = self.stack.currentWidget()
        if page is not None and self.focusWidget() is page and page.focusPolicy() == Qt.FocusPolicy.NoFocus:
            self._focus_screen()

    def _focus_screen(self) -> None:
        """Ctrl+1..8 puts the keyboard on what the chosen screen lists: a list's rows (its search while it has
        none), the Store's search, the Dashboard's first card. It stayed where it was, or Qt handed it to the
        screen's first control (Invoices: Pay all due, which Enter then opened). A record open on the screen keeps
        its own focus."""
        page = self.stack.currentWidget()
        if page is None or getattr(page, "page_open", False):
            return
        table = getattr(page, "table", None)
        filters = getattr(getattr(page, "list", None), "filters", None)
        cards = getattr(page, "cards", None)
        candidates = [table if table is not None and table.model() is not None and table.model().rowCount() else None,
                      getattr(page, "search", None) or getattr(filters, "search", None),
                      next(iter(cards.values() if isinstance(cards, dict) else cards or ()), None)]
        target = next((w for w in candidates if isinstance(w, QWidget) and can_tab_to(w)), None)
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)
            show_focused(target)

    def select_section(self, key: str) -> None:
        available = self.available_keys()
        if not available:
            key = WELCOME_PAGE
        elif key not in available:
            key = BILLING_PAGE if not self.billing_enabled and BILLING_PAGE in available else available[0]
        self.current_key = key
        page = self.sections[key] if key in self.sections else self.pages[key]     # built when first shown
        self.stack.setCurrentWidget(page)
        self.sidebar.select(key)
        title = ({WELCOME_PAGE: translate("MainWindow", "Welcome"), BILLING_PAGE: translate("MainWindow", "Billing")}
                 .get(key) or section_title(self.sections.classes[key]))
        self.setWindowTitle(translate("MainWindow", "{screen} — Sett").format(screen=title))
        if key == WELCOME_PAGE:
            # Its one action has the keys (Enter or Space adds an account): the focus sat on the sidebar's theme switch.
            self.welcome.button.setFocus(Qt.FocusReason.OtherFocusReason)
        if key in self.sections or key == BILLING_PAGE:
            self.section_selected.emit(key)
        self._find_lost_focus()

    def open_record(self, kind: str, target: str) -> bool:
        """Show one record ("invoice" | "service" | "order" | "ticket", its id) on its screen. False when the screen
        cannot show it (billing hidden, or the record not in the data on screen yet): the caller may try again once
        the data is shown."""
        key = RECORD_SCREENS[kind]
        trail = getattr(self, "trail", None)     # (tests lend this method to stand-in windows without one)
        if trail is not None:
            trail.expect(kind, target)
        self.select_section(key)
        opener = getattr(self.sections.get(key), f"open_{kind}", None) if self.current_key == key else None
        return opener is not None and bool(opener(target))

    def _navigate(self, key: str, filters: dict) -> None:
        self.trail.expect_from_filters(key, filters)
        self.select_section(key)
        section = self.sections.get(self.current_key)
        if section is not None and filters:
            section.apply_filter(filters)

    def _update_navigation(self) -> None:
        available = self.available_keys()
        self.sidebar.set_visible_keys(set(available))
        self.sidebar.set_enabled_all(bool(available))
        numbered = self.numbered_keys()
        self.menus.show_screens([self.sidebar.buttons[k].title for k in numbered])
        self.sidebar.set_keys({key: QKeySequence(f"Ctrl+{n}").toString(QKeySequence.SequenceFormat.NativeText)
                               for n, key in enumerate(numbered[:9], start=1)})
        self.select_section(self.current_key or (available[0] if available else WELCOME_PAGE))
        self._go_to_show()        # an open Go to… follows the accounts and screens (closed when none is left)

    # -- what the application tells it ------------------------------------------------------------------------
    def set_accounts(self, accounts: list, current_id: str | None) -> None:
        self.switcher.set_accounts(accounts, current_id)
        self.has_account = bool(accounts) and current_id is not None
        if not self.has_account:
            self.data = None
            self.who.setText("")
            self.who.setToolTip("")
            self.status.set_connection("none")
        self._update_navigation()

    def set_billing(self, enabled: bool, reason: str | None = None, panel_name: str | None = None) -> None:
        self.billing_page.set_reason(panel_name, reason)
        if enabled != self.billing_enabled:
            self.billing_enabled = enabled
            self._update_navigation()

    def show_account_data(self, data: AccountData, changed: set[str] | frozenset[str] | None = None) -> None:
        """Hand the account's data to the screens that show something in `changed` (all of them when None)."""
        self.data = data
        me = obj(data.me)
        name = " ".join(p for p in (me.get("first_name"), me.get("last_name")) if p) or me.get("username") or ""
        panel = obj(data.public_settings).get("panel_name") or ""
        parts = [p for p in (name, me.get("email"), panel) if p]
        self.who.setText(" · ".join(parts))
        self.who.setToolTip(tooltip(self.who.text()))
        for key, section in self.sections.built().items():    # a screen not built yet gets the data when it is
            if changed is not None and not (shows(section) & set(changed)):
                continue
            self._show_on(key, section, data)
        self.set_badges(data)
        self._find_lost_focus()
        self._go_to_show()        # an open Go to… finds the new data too

    def _show_on(self, key: str, section: Section, data: AccountData) -> None:
        try:
            section.show_data(data)
        except Exception as exc:  # noqa: BLE001 - one broken screen must not take the window down
            log.exception("the %s screen could not show the account's data", key)
            self.section_errors.append(f"{key}: {exc}")
            self.show_banner(f"screen:{key}", "error",
                             translate("MainWindow", "The {screen} screen could not show this account's data "
                                       "({error}).").format(screen=section_title(type(section)), error=exc))

    def set_badges(self, data: AccountData) -> None:
        overdue = data.invoice_facts.overdue
        self.sidebar.set_badge("invoices", str(overdue) if overdue else "",
                               translate("MainWindow", "%n overdue", None, overdue) if overdue else "")

    def set_cart_count(self, count: int) -> None:
        """The number of items in the current account's cart, beside Cart in the sidebar."""
        self.sidebar.set_cart_count(count)

    # -- banners --------------------------------------------------------------------------------------------------
    def show_banner(self, key: str, level: str, text: str,
                    action: tuple[str, Callable[[], None]] | None = None, closable: bool = True) -> Banner:
        old = self.banners.pop(key, None)
        if old is not None and old.text == text and old.level == level and action is None:
            self.banners[key] = old
            return old
        banner = Banner(key, level, text, action, closable)
        banner.dismissed.connect(lambda: self._dismiss(banner))
        if old is not None:
            index = self.banner_area.indexOf(old)
            self.banner_area.insertWidget(index, banner)
            old.hide()
            old.deleteLater()
        else:
            self.banner_area.addWidget(banner)
        self.banners[key] = banner
        self.banner_box.show()
        self.banner_scroll.show()
        self.banner_scroll.refit()
        return banner

    def _dismiss(self, banner: Banner) -> None:
        if self.banners.get(banner.key) is banner:
            self.clear_banner(banner.key)

    def clear_banner(self, key: str) -> None:
        banner = self.banners.pop(key, None)
        if banner is not None:
            banner.hide()
            banner.deleteLater()
        self.banner_box.setVisible(bool(self.banners))
        self.banner_scroll.setVisible(bool(self.banners))
        self.banner_scroll.refit()

    def clear_banners(self, prefix: str) -> None:
        for key in [k for k in self.banners if k.startswith(prefix)]:
            self.clear_banner(key)

    def banner_texts(self) -> list[str]:
        """What the banners say now: for tests and the smoke test's report."""
        return [b.text for b in self.banners.values()]

    # -- the keyboard ---------------------------------------------------------------------------------------------
    def tab_chain(self) -> list[QWidget]:
        """Every control Tab goes through, in reading order: the sidebar (the account, the screens, its footer),
        the banners over the screen, the screen on show in its own order, then the status bar. Qt's own order
        followed the order widgets were made in: the screens' buttons after the sidebar's footer, the status bar's
        Outbox before the screen (built later, when first shown) and the banners after it."""
        chain: list[QWidget] = []
        for part in self.sidebar.tab_order():
            chain += tab_stops(part)
        for index in range(self.banner_area.count()):
            banner = self.banner_area.itemAt(index).widget()
            if banner is not None:
                chain += tab_stops(banner)
        page = self.stack.currentWidget()
        if page is not None:
            chain += chain_order(page)
        chain += tab_stops(self.status)
        return chain

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802, A002 - Qt's names
        chain = self.tab_chain()
        here = QApplication.focusWidget()
        while here is not None and here is not self and not any(w is here for w in chain):
            here = here.parentWidget()
        if here is None or here is self:
            return super().focusNextPrevChild(next)
        start = next_index = [i for i, w in enumerate(chain) if w is here][0]
        for step in range(1, len(chain) + 1):
            next_index = (start + step if next else start - step) % len(chain)
            widget = chain[next_index]
            if can_tab_to(widget):
                widget.setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
                show_focused(widget)
                return True
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter that no widget took: on a focused button, press it (submit_keys.press_focused_button)."""
        focus = QApplication.focusWidget()
        if is_plain_enter(event) and focus is not None and focus.window() is self and press_focused_button(focus):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- geometry -----------------------------------------------------------------------------------------------
    def restore(self, geometry: QByteArray) -> None:
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(first_size(self.screen().availableGeometry().size()))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.sidebar.set_compact(event.size().width() < COMPACT_BELOW)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.closing.emit()
        super().closeEvent(event)
