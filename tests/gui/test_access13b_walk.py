"""Sett by keyboard and screen reader, screen by screen: every icon-only button is named and explained (with its
shortcut where it has one: the sidebar's screens said "Cart", not "Cart (Ctrl+3)"); Tab goes through the whole
window in reading order (the sidebar top to bottom, the banners, the screen, the status bar) and reaches every
control, each on screen when it lands (the screens' buttons other than the current one were never reached, the
banners came after the screen and the Outbox before it); the narrow sidebar's account avatar takes the keyboard;
and a table's rows' menu opens on Shift+F10 and the Menu key."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QMenu, QWidget

from app.views.invoices import InvoicesSection
from app.views.main_window import MainWindow

from .conftest import WAIT
from .menu_steps import use_menu
from .screens import visit
from .test_keyboard import dialogs, shown_active
from .test_keyboard_rows import active
from .test_panel_text import cached_account

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard"),
              pytest.mark.usefixtures("utc")]
NONE = Qt.KeyboardModifier.NoModifier


@pytest.fixture
def account(data_dir, secrets, tmp_path):
    return cached_account(tmp_path, secrets, lambda text: text)


def unnamed_buttons(root: QWidget) -> list[str]:
    """Focusable buttons that show no words and lack a name a screen reader reads, or a tooltip."""
    return [f"{type(b).__name__} {b.objectName()!r} name={b.accessibleName()!r} tip={b.toolTip()!r}"
            for b in root.findChildren(QAbstractButton)
            if b.isVisible() and b.focusPolicy() != Qt.FocusPolicy.NoFocus and not b.text().strip()
            and not (b.accessibleName().strip() and b.toolTip().strip())]


def started(make_app, qtbot, width: int):
    app = make_app()
    window = app.window
    window.resize(width, 800)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=WAIT)
    return app


@pytest.mark.parametrize("width", [1240, 1000])         # with words, and the narrow sidebar's icons alone
def test_every_icon_button_of_every_screen_and_dialog_is_named(make_app, qtbot, account, width):
    app = started(make_app, qtbot, width)
    window = app.window
    problems: list[str] = []
    visit(app, qtbot, lambda root, where: problems.extend(f"{where}: {p}" for p in unnamed_buttons(root)))
    for name, dialog in dialogs():
        shown_active(qtbot, dialog)
        problems += [f"{name}: {p}" for p in unnamed_buttons(dialog)]
        dialog.reject()
    assert not problems, "\n".join(problems)
    # The screens' buttons name their Ctrl+number, as the View menu does.
    for number, key in enumerate(window.numbered_keys(), start=1):
        assert window.sidebar.buttons[key].toolTip().endswith(f"(Ctrl+{number})"), key
    # The bell says how many notifications are unread, to the eye as to the ear.
    window.sidebar.set_notice_count(5)
    assert "5" in window.sidebar.notices_button.toolTip() and "5" in window.sidebar.notices_button.accessibleName()
    # A banner's close button says which banner it closes.
    banner = window.show_banner("walk", "info", "Sett reconnects by itself.")
    (close,) = [b for b in banner.findChildren(QAbstractButton) if not b.text()]
    assert close.accessibleDescription() == "Sett reconnects by itself."
    # Narrow, the account switcher is an avatar: the keyboard reaches it, and it says whose account it is.
    switcher = window.sidebar.switcher
    if width < 1180:
        assert switcher.focusPolicy() & Qt.FocusPolicy.TabFocus and "Badger" in switcher.accessibleName()
        assert switcher.toolTip()


def can_tab_to(widget: QWidget) -> bool:
    return (widget.isVisible() and widget.isEnabled() and widget.focusProxy() is None
            and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus))


def stops_of(window: MainWindow) -> list[QWidget]:
    """Every control Tab may land on in the window now."""
    return [w for w in window.findChildren(QWidget) if can_tab_to(w) and w.window() is window
            and not w.inherits("QMenuBar") and not isinstance(w, QMenu)]


def on_screen(widget: QWidget, window: QWidget) -> bool:
    """Some of `widget` shows: inside the window and every scroll area it is in (not scrolled out of sight)."""
    seen = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()) & window.rect()
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            seen &= QRect(parent.viewport().mapTo(window, QPoint(0, 0)), parent.viewport().size())
        parent = parent.parentWidget()
    return not seen.isEmpty()


def tab_round(qtbot, window: MainWindow) -> list[QWidget]:
    """Tab from the account switcher all the way round, back to it."""
    first = window.sidebar.switcher.combo
    first.setFocus(Qt.FocusReason.TabFocusReason)
    landed = [first]
    for _ in range(400):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, NONE)
        here = QApplication.focusWidget()
        if here is first:
            return landed
        assert here is not None and here.isVisible() and on_screen(here, window), here
        landed.append(here)
    raise AssertionError(f"Tab never came back to the account switcher: {landed[-5:]}")


def top_left(widget: QWidget, window: QWidget) -> QPoint:
    return widget.mapTo(window, QPoint(0, 0))


def test_tab_goes_round_the_whole_window_in_reading_order(make_app, qtbot, account):
    app = started(make_app, qtbot, 1240)
    window = app.window
    window.show_banner("test", "info", "A banner", ("Open", lambda: None))

    def look(root: QWidget, where: str) -> None:
        if root is not window:
            return
        landed = tab_round(qtbot, window)
        missed = [f"{type(w).__name__} {w.objectName()}" for w in stops_of(window) if w not in landed]
        assert not missed, (where, missed)
        sidebar = [w for w in landed if window.sidebar.isAncestorOf(w)]
        banners = [w for w in landed if window.banner_box.isAncestorOf(w)]
        status = [w for w in landed if window.statusBar().isAncestorOf(w)]
        screen = [w for w in landed if window.stack.isAncestorOf(w)]
        assert landed == sidebar + banners + screen + status, where
        tops = [top_left(w, window).y() for w in sidebar]
        assert tops == sorted(tops), where           # the switcher, the screens, then the footer
        assert list(window.sidebar.buttons.values())[0] in sidebar, where     # every screen, not only the current

    visit(app, qtbot, look, notices=False)


def test_a_tables_rows_menu_opens_on_shift_f10_and_the_menu_key(qtbot, tmp_path):
    section = active(qtbot, InvoicesSection, tmp_path)
    table = section.list.table
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    for key, modifiers in ((Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier), (Qt.Key.Key_Menu, NONE)):
        seen = use_menu(lambda key=key, modifiers=modifiers: qtbot.keyClick(table, key, modifiers))
        assert "Open" in seen and "Copy" in seen, (key, seen)
