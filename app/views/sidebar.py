"""The sidebar: the brand, the account switcher, the screens (grouped as a storefront), sync and theme buttons."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.text import translate
from app.models.plain_text import PLAIN

from .account_switcher import AccountSwitcher
from .tab_order import tab_in_order
from .theme import colour, current, icon

BILLING_PAGE = "billing-disabled"
WIDE, NARROW = 264, 68       # the sidebar's widths: with words, and icons only (a small window)
GROUPS = ((QT_TRANSLATE_NOOP("Sidebar", "OVERVIEW"), ("dashboard",)),
          (QT_TRANSLATE_NOOP("Sidebar", "SHOP"), ("store", "cart")),
          (QT_TRANSLATE_NOOP("Sidebar", "MANAGE"), ("services", "invoices", "credits", "orders", "support")))
ICONS = {"dashboard": "dashboard", "store": "store", "cart": "cart", "services": "services", "invoices": "invoices",
         "credits": "credits", "orders": "orders", "support": "support", BILLING_PAGE: "billing-off"}


class NavButton(QPushButton):
    def __init__(self, key: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.key = key
        self.setProperty("nav", True)
        self.setCheckable(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(title)
        self.title = title
        self.keys = ""          # the shortcut that shows this screen (Ctrl+1...), once the window numbers it
        self.badge_text = ""
        self.badge_said = ""    # what the badge counts, in words ("2 overdue"), for the tooltip and a screen reader
        self._tip()             # the narrow sidebar shows the icon alone
        self.badge = QLabel(self, textFormat=PLAIN)
        self.badge.setProperty("navBadge", True)
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.setFixedHeight(18)
        self.badge.setMinimumWidth(18)
        self.badge.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 10, 0)
        row.addStretch(1)
        row.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)

    def set_badge(self, text: str, said: str = "") -> None:
        """`text` on the badge; `said`, what it counts in words, for the tooltip and the accessible name (a bare
        "(2)" after "Invoices" did not say two of what)."""
        self.badge.setText(text)
        self.badge.setVisible(bool(text))
        self.badge_text = text
        self.badge_said = said if text else ""
        self._tip()

    def set_keys(self, keys: str) -> None:
        """The shortcut that shows this screen, in the tooltip (none while the screen has no number)."""
        self.keys = keys
        self._tip()

    def _tip(self) -> None:
        if self.badge_said:
            tip = translate("Sidebar", "{title}: {counted}").format(title=self.title, counted=self.badge_said)
        elif self.badge_text:
            tip = translate("Sidebar", "{title} ({badge})").format(title=self.title, badge=self.badge_text)
        else:
            tip = self.title
        self.setAccessibleName(tip)     # what a screen reader says: the keys are not part of the name
        if self.keys:
            tip = translate("Sidebar", "{screen} ({keys})").format(screen=tip, keys=self.keys)
        self.setToolTip(tip)

    def set_compact(self, compact: bool) -> None:
        """Icons only: the title moves to the tooltip; a badge stays, smaller, over the icon's corner."""
        self.setText("" if compact else self.title)
        self.setProperty("compact", compact)
        # Compact, the badge is a smaller pill in the button's very corner: 18 px wide and 4 px in from the edge it
        # covered the right third of the centred icon.
        self.layout().setContentsMargins(0, 0, 0 if compact else 10, 0)
        self.layout().setAlignment(self.badge, Qt.AlignmentFlag.AlignTop if compact else Qt.AlignmentFlag.AlignVCenter)
        self.badge.setProperty("compact", compact)
        self.badge.setFixedHeight(14 if compact else 18)
        self.badge.setMinimumWidth(14 if compact else 18)
        for widget in (self, self.badge):
            widget.style().unpolish(widget)
            widget.style().polish(widget)


class Sidebar(QFrame):
    selected = Signal(str)
    sync_requested = Signal()
    theme_toggle_requested = Signal()
    about_requested = Signal()
    notices_requested = Signal()
    notice_count_changed = Signal(int)     # the bell's count was set (what words it elsewhere follows)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Sidebar")
        self.setFixedWidth(WIDE)
        self.compact = False
        self.switcher = AccountSwitcher()
        self.buttons: dict[str, NavButton] = {}
        self._captions: list[tuple[QLabel, tuple[str, ...]]] = []

        mark = QLabel("S", textFormat=PLAIN)
        mark.setObjectName("BrandMark")
        mark.setFixedSize(30, 30)
        mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.brand = brand = QLabel("Sett", textFormat=PLAIN)
        brand.setObjectName("Brand")
        head = QHBoxLayout()
        head.setSpacing(8)
        head.addWidget(mark)
        head.addWidget(brand)
        head.addStretch(1)

        self._nav = QVBoxLayout()
        self._nav.setSpacing(2)

        footer = QFrame()
        footer.setObjectName("SidebarFooter")
        self.sync_button = QToolButton()
        self.sync_button.setText(translate("Sidebar", "Sync now"))
        self.sync_button.setToolTip(translate("Sidebar", "Sync now (Ctrl+R)"))
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.sync_button.clicked.connect(self.sync_requested)
        self.accounts_button = QToolButton()
        self.accounts_button.setToolTip(translate("Sidebar", "Rename or remove accounts"))
        self.accounts_button.setAccessibleName(translate("Sidebar", "Manage accounts"))
        self.accounts_button.clicked.connect(self.switcher.manage_requested)
        self.theme_button = QToolButton()
        self.theme_button.setToolTip(translate("Sidebar", "Switch between the light and the dark theme"))
        self.theme_button.setAccessibleName(translate("Sidebar", "Switch theme"))
        self.theme_button.clicked.connect(self.theme_toggle_requested)
        self.about_button = QToolButton()
        self.about_button.setText("?")
        self.about_button.setToolTip(translate("Sidebar", "About Sett (F1)"))
        self.about_button.setAccessibleName(translate("Sidebar", "About Sett"))
        self.about_button.clicked.connect(self.about_requested)
        self.notices_button = QToolButton()
        self.notices_button.setToolTip(translate("Sidebar", "Notifications"))
        self.notices_button.setAccessibleName(translate("Sidebar", "Notifications"))
        self.notices_button.clicked.connect(self.notices_requested)
        self.notices_badge = QLabel(textFormat=PLAIN)      # beside the bell, not over it
        self.notices_badge.setProperty("navBadge", True)
        self.notices_badge.setObjectName("NoticeCount")
        self.notices_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notices_badge.setFixedHeight(16)       # a small count, not a button-sized pill
        self.notices_badge.setMinimumWidth(16)
        self.notices_badge.hide()
        # Two rows: "Sync now" keeps its words; the icon buttons would squeeze it to "Sy…ow" on one row.
        foot = QVBoxLayout(footer)
        foot.setContentsMargins(0, 0, 0, 0)
        foot.setSpacing(4)
        self._sync_row = sync_row = QHBoxLayout()
        sync_row.addWidget(self.sync_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._icons = icons = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        icons.setSpacing(2)
        self._bell = bell = QHBoxLayout()
        bell.setSpacing(0)
        bell.addWidget(self.notices_button)
        bell.addWidget(self.notices_badge, 0, Qt.AlignmentFlag.AlignTop)
        icons.addLayout(bell)
        for button in (self.accounts_button, self.theme_button, self.about_button):
            icons.addWidget(button)
        icons.addStretch(1)
        foot.addLayout(sync_row)
        foot.addLayout(icons)

        self._outer = layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 16, 14, 12)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addWidget(self.switcher)
        layout.addLayout(self._nav)
        layout.addStretch(1)
        layout.addWidget(footer)
        self.refresh_icons()

    def set_sections(self, entries: list[tuple[str, str]]) -> None:
        """(key, title) in sidebar order, grouped under captions; the billing-disabled page comes last."""
        titles = dict(entries)
        placed: set[str] = set()
        for caption, keys in GROUPS:
            present = tuple(k for k in keys if k in titles)
            if not present:
                continue
            caption = translate("Sidebar", caption)
            label = QLabel(caption, textFormat=PLAIN)
            label.setObjectName("SidebarCaption")
            label.setProperty("caption", caption)
            self._nav.addWidget(label)
            self._captions.append((label, present))
            for key in present:
                self._add_button(key, titles[key])
                placed.add(key)
        for key, title in entries:
            if key not in placed:
                self._add_button(key, title)
        self._add_button(BILLING_PAGE, translate("Sidebar", "Billing unavailable"))
        self.buttons[BILLING_PAGE].hide()
        self.refresh_icons()
        tab_in_order(*self.tab_order())

    def _add_button(self, key: str, title: str) -> None:
        button = NavButton(key, title)
        button.clicked.connect(lambda _checked=False, k=key: self.selected.emit(k))
        self.buttons[key] = button
        self._nav.addWidget(button)

    def set_compact(self, compact: bool) -> None:
        """Narrow to icons (a small window) or show the words again; every action stays one click away."""
        if compact == self.compact:
            return
        self.compact = compact
        self.setFixedWidth(NARROW if compact else WIDE)
        margin = 6 if compact else 14      # compact: buttons wide enough for a count in the corner beside the icon
        self._outer.setContentsMargins(margin, 16, margin, 12)
        self.brand.setVisible(not compact)
        self.switcher.set_compact(compact)
        for button in self.buttons.values():
            button.set_compact(compact)
        for label, _members in self._captions:
            label.setText("" if compact else label.property("caption"))
            label.setMaximumHeight(8 if compact else 16777215)    # a gap between the groups, no words
        self.sync_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly if compact
                                            else Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._icons.setDirection(QBoxLayout.Direction.TopToBottom if compact else QBoxLayout.Direction.LeftToRight)
        # One column of icons, centred under the screens' icons (a row, left to right, when wide).
        centre = Qt.AlignmentFlag.AlignHCenter if compact else Qt.AlignmentFlag(0)
        self._icons.setAlignment(self._bell, centre)
        self._sync_row.setAlignment(self.sync_button, centre or Qt.AlignmentFlag.AlignLeft)
        for button in (self.accounts_button, self.theme_button, self.about_button):
            self._icons.setAlignment(button, centre)

    def refresh_icons(self) -> None:
        for key, button in self.buttons.items():
            button.setIcon(icon(ICONS.get(key, "dashboard"), checked_tint=colour("accent_strong")))
        self.sync_button.setIcon(icon("sync", size=16))
        self.accounts_button.setIcon(icon("accounts", size=16))
        self.notices_button.setIcon(icon("bell", size=16))
        self.theme_button.setIcon(icon("sun" if current() == "dark" else "moon", size=16))
        self.switcher.refresh_icons()

    def select(self, key: str) -> None:
        # One checked at a time, kept by hand: an exclusive button group let Tab reach the checked screen only.
        for name, button in self.buttons.items():
            button.setChecked(name == key)

    def set_keys(self, keys: dict[str, str]) -> None:
        """The shortcut of each numbered screen (Ctrl+1...), shown in its button's tooltip."""
        for key, button in self.buttons.items():
            button.set_keys(keys.get(key, ""))

    def tab_order(self) -> list[QWidget]:
        """The sidebar's controls in reading order: the account switcher, the screens, then the footer."""
        return [self.switcher, *self.buttons.values(), self.sync_button, self.notices_button, self.accounts_button,
                self.theme_button, self.about_button]

    def set_visible_keys(self, keys: set[str]) -> None:
        for key, button in self.buttons.items():
            button.setVisible(key in keys)
        for label, members in self._captions:
            label.setVisible(any(k in keys for k in members))

    def visible_keys(self) -> list[str]:
        return [k for k, b in self.buttons.items() if not b.isHidden()]

    def set_enabled_all(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled)
        self.sync_button.setEnabled(enabled)
        self.accounts_button.setEnabled(enabled)
        self.notices_button.setEnabled(enabled)

    def set_notice_count(self, count: int) -> None:
        """The bell's badge: how many notices are unread (hidden at none)."""
        self.notices_badge.setText(str(count) if count < 100 else "99+")
        self.notices_badge.setVisible(count > 0)
        said = (translate("Sidebar", "Notifications, %n unread", None, count) if count
                else translate("Sidebar", "Notifications"))
        self.notices_button.setAccessibleName(said)
        self.notices_button.setToolTip(said)        # the count is on the bell's badge; its tooltip said "Notifications"
        self.notice_count_changed.emit(count)

    def set_cart_count(self, count: int) -> None:
        """How many items the cart holds, on the Cart button (hidden when empty)."""
        self.set_badge("cart", str(count) if count > 0 else "",
                       translate("Sidebar", "%n item(s)", None, count) if count > 0 else "")

    def set_badge(self, key: str, text: str, said: str = "") -> None:
        if key in self.buttons:
            self.buttons[key].set_badge(text, said)
