"""The keyboard's focus is always visible, in the light and the dark theme: every control Tab lands on looks different
while it has the focus. The wide sidebar's account name, Export's menu button, the Dashboard's spending chart, an
empty list's action (Browse the store) and the Store's categories (light) showed nothing, their own rules outranking
the style sheets' :focus ones; a checked box (Desktop notifications in Preferences) showed nothing in the light
theme, its indicator's colour outranking :focus; Add an account's sign-in tabs (Email and password | API key)
showed nothing in either theme and were read out as a bare tab bar."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.views.add_account_dialog import AddAccountDialog
from app.views.preferences import PreferencesDialog, PreferenceValues
from app.views.tab_order import can_tab_to, chain_order
from app.views.theme import apply_theme

from .layout_steps import settle, shown_window
from .screens import visit
from .test_access13b_walk import account, started  # noqa: F401  (the fixture)

pytestmark = [pytest.mark.qt_log_ignore("propagateSizeHints", r"support raise\(\)", "grabbing the keyboard"),
              pytest.mark.usefixtures("utc")]
THEMES = ("light", "dark")


@pytest.fixture
def both_themes(qapp):
    yield THEMES
    apply_theme(qapp, "light")


def unseen_focus(holder: QWidget, stops: list[QWidget]) -> list[str]:
    """The stops that look the same with and without the focus (the focus parked on `holder` in between)."""
    unseen = []
    for widget in stops:
        holder.setFocus(Qt.FocusReason.OtherFocusReason)
        QApplication.processEvents()
        without = widget.grab().toImage()
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        if not can_tab_to(widget):      # disabled meanwhile (the sample account's panel is found offline)
            continue
        assert widget.hasFocus(), widget
        if widget.grab().toImage() == without:
            unseen.append(f"{type(widget).__name__} {widget.objectName()!r} {widget.accessibleName()!r}")
    return unseen


def test_every_stop_of_every_screen_shows_the_focus_in_both_themes(make_app, qtbot, account, qapp,  # noqa: F811
                                                                  both_themes):
    app = started(make_app, qtbot, 1240)
    window = app.window
    problems: list[str] = []
    for theme in both_themes:
        apply_theme(qapp, theme)

        def look(root: QWidget, where: str, theme=theme) -> None:
            if root is not window:
                return
            screen = [w for w in chain_order(window.stack.currentWidget()) if can_tab_to(w)]
            problems.extend(f"{theme} {where}: {p}" for p in unseen_focus(window, screen))

        visit(app, qtbot, look, notices=False)
        # The sidebar, wide (the account's name in a combo box) and narrow (icons, the account as an avatar).
        for width in (1240, 1000):
            window.resize(width, 800)
            QApplication.processEvents()
            sidebar = [w for part in window.sidebar.tab_order() for w in chain_order(part) if can_tab_to(w)]
            problems.extend(f"{theme} sidebar at {width}: {p}" for p in unseen_focus(window, sidebar))
    assert not problems, "\n".join(problems)


def test_a_checked_box_shows_the_focus_in_both_themes(qtbot, qapp, both_themes):
    values = PreferenceValues(poll_seconds=60, reminder_days=3, theme="light", language="system", notifications=True,
                              keep_in_tray=True, start_at_login=False)
    dialog = PreferencesDialog(values, tray_available=True, autostart_note=None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    stops = [w for w in dialog.findChildren(QWidget) if can_tab_to(w)]
    assert any(getattr(w, "isChecked", lambda: False)() for w in stops)
    for theme in both_themes:
        apply_theme(qapp, theme)
        assert unseen_focus(dialog, stops) == [], theme


def test_add_accounts_steps_show_the_focus_and_its_tabs_are_named(qtbot, qapp, both_themes):
    window = shown_window(qtbot)
    for step in range(3):           # the panel's address, the sign-in (its tabs among the stops), the code
        dialog = AddAccountDialog(None, None, window)
        qtbot.addWidget(dialog)
        dialog.show()
        dialog.pages.setCurrentIndex(step)
        qtbot.waitExposed(dialog)
        settle(qtbot)
        stops = [w for w in dialog.findChildren(QWidget) if can_tab_to(w)]
        for theme in both_themes:
            apply_theme(qapp, theme)
            assert unseen_focus(dialog, stops) == [], (step, theme)
        dialog.reject()
    assert dialog.tabs.tabBar().accessibleName() == "Sign in with"


def test_a_record_opened_from_the_keyboard_shows_where_the_focus_is(make_app, qtbot, account, qapp,  # noqa: F811
                                                                   both_themes):
    """Enter on a row parks the focus on the record's page (Tab then goes on to Back): nothing on screen showed it;
    the title now takes the accent's colour while the page holds it."""
    app = started(make_app, qtbot, 1240)
    window = app.window
    qtbot.waitUntil(lambda: app.sessions.current is not None and app.sessions.current.data is not None)
    services = window.sections["services"]
    window.select_section("services")
    table = services.table
    qtbot.waitUntil(lambda: table.model().rowCount() > 0)
    for theme in both_themes:
        apply_theme(qapp, theme)
        table.setFocus()
        table.setCurrentIndex(table.model().index(0, 0))
        qtbot.keyClick(table, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: services.page_open)
        page = services.page
        assert QApplication.focusWidget() is page, theme
        QApplication.processEvents()
        focused = page.title.grab().toImage()
        page.back.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert page.title.grab().toImage() != focused, theme
        qtbot.keyClick(page.back, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not services.page_open)
