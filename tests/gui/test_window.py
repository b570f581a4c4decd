"""The window itself: keyboard shortcuts, remembered geometry, account and screen, the themes, the status bar."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QApplication

from app import paths
from app import settings as keys
from app.session.connectivity import Connectivity, Link
from app.settings import Settings
from app.views.sections import SIDEBAR_ORDER
from app.views.status_bar import describe_last_synced

from .conftest import WAIT, add_account, close


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier) -> None:
    qtbot.keyClick(window, key, modifiers)
    QApplication.processEvents()


def test_every_screen_is_in_the_sidebar_in_order(qapp):
    from app.views.sections import create_sections

    assert [s.key for s in create_sections()] == list(SIDEBAR_ORDER)


def test_keyboard_shortcuts(make_app, shop, panel, qtbot):
    user = shop.user()
    app = make_app()
    add_account(qtbot, app, panel.url, user.user["email"])
    window = app.window
    window.activateWindow()     # the add-account dialog had the focus; a window manager would do this
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=WAIT)
    for number, key in enumerate(SIDEBAR_ORDER, start=1):
        press(qtbot, window, getattr(Qt.Key, f"Key_{number}"))
        assert window.current_key == key
        assert window.sidebar.buttons[key].isChecked()
    with qtbot.waitSignal(app.sync.started, timeout=WAIT):
        press(qtbot, window, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: not app.sync.is_running(app.current_id), timeout=WAIT)
    with qtbot.waitSignal(app.sync.started, timeout=WAIT):
        press(qtbot, window, Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier)
    press(qtbot, window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert app.add_dialog is not None and app.add_dialog.isVisible()
    app.add_dialog.reject()
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=WAIT)
    with qtbot.waitSignal(window.closing, timeout=WAIT):
        press(qtbot, window, Qt.Key.Key_Q)
    assert not window.isVisible()


def test_geometry_account_and_screen_are_remembered(make_app, shop, panel, data_dir, qtbot):
    first, second = shop.user(), shop.user()
    app = make_app()
    a = add_account(qtbot, app, panel.url, first.user["email"])
    add_account(qtbot, app, panel.url, second.user["email"])
    app.select_account(a.id)
    app.window.select_section("credits")
    app.window.resize(1000, 707)     # the minimum width (the offscreen screen is 800 x 800)
    close(app)
    assert (data_dir / "settings.ini").exists()
    stored = QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)
    assert stored.value(keys.LAST_ACCOUNT.name) == a.id and stored.value(keys.WINDOW_SECTION.name) == "credits"

    app = make_app()
    assert app.current_id == a.id and app.window.current_key == "credits"
    assert (app.window.width(), app.window.height()) == (1000, 707)


def test_settings_have_defaults_and_survive_bad_values(data_dir):
    settings = Settings()
    assert settings.get(keys.SYNC_INTERVAL_MINUTES) == 10 and settings.sync_interval_minutes == 10
    assert settings.get(keys.LAST_ACCOUNT) == "" and settings.theme == "system"
    assert settings.get(keys.WINDOW_GEOMETRY) == QByteArray()
    settings.set(keys.SYNC_INTERVAL_MINUTES, "soon")
    settings.set(keys.THEME, "purple")
    assert settings.get(keys.SYNC_INTERVAL_MINUTES) == 10 and settings.theme == "system"
    settings.set(keys.SYNC_INTERVAL_MINUTES, 3)
    settings.sync()
    assert Settings().sync_interval_minutes == 3
    assert len({k.name for k in keys.ALL_KEYS}) == len(keys.ALL_KEYS)


def test_a_setting_saved_again_unchanged_leaves_the_file_alone(data_dir):
    # A start re-saves the current account and screen: unchanged, they must not rewrite settings.ini (a lock, a
    # write and a rename at the next event-loop turn, before the first paint).
    from app import paths

    settings = Settings()
    settings.set(keys.LAST_ACCOUNT, "a1")
    settings.set(keys.WINDOW_GEOMETRY, QByteArray(b"geometry"))
    settings.sync()
    path = paths.settings_file()
    written = (path.stat().st_mtime_ns, path.read_bytes())
    again = Settings()
    again.set(keys.LAST_ACCOUNT, "a1")
    again.set(keys.WINDOW_GEOMETRY, QByteArray(b"geometry"))
    again.sync()
    assert (path.stat().st_mtime_ns, path.read_bytes()) == written
    again.set(keys.LAST_ACCOUNT, "a2")
    again.sync()
    assert Settings().get(keys.LAST_ACCOUNT) == "a2" and path.stat().st_mtime_ns != written[0]


def test_the_theme_switches_and_is_remembered(make_app, qapp, qtbot):
    app = make_app()
    assert qapp.property("theme") == "light"
    light = qapp.palette().window().color().name()
    app.window.sidebar.theme_button.click()
    assert qapp.property("theme") == "dark"
    assert qapp.palette().window().color().name() != light and "#0f1117" in qapp.styleSheet()
    assert Settings().get(keys.THEME) == "dark"
    app.window.sidebar.theme_button.click()
    assert qapp.property("theme") == "light" and Settings().get(keys.THEME) == "light"


def test_last_synced_reads_as_words():
    now = datetime(2025, 3, 4, 12, 0, tzinfo=UTC)
    assert describe_last_synced(None, now) == "Not synced yet"
    assert describe_last_synced(now - timedelta(seconds=10), now) == "Last synced just now"
    assert describe_last_synced(now - timedelta(seconds=70), now) == "Last synced 1 minute ago"
    assert describe_last_synced(now - timedelta(minutes=25), now) == "Last synced 25 minutes ago"
    assert describe_last_synced(now - timedelta(days=40), now).startswith("Last synced Jan 23, 2025 at ")


def test_offline_retries_back_off_and_one_success_recovers():
    link = Connectivity(base_seconds=5, cap_seconds=60)
    assert link.state is Link.UNKNOWN and link.retry_in() == 0
    assert link.unreachable("down") is True                       # the first failure starts an offline spell
    assert [link.retry_in(), link.unreachable("down"), link.retry_in()] == [5, False, 10]
    for _ in range(5):
        link.unreachable("down")
    assert link.retry_in() == 60                                  # capped
    assert link.reached() is True and link.online and link.retry_in() == 0
    assert link.reached() is False                                # already online: nothing to announce


def test_results_arriving_after_quit_reach_no_screen(qtbot):
    """A one-off call still on its way when the app quits (an invoice detail, a coupon) is dropped."""
    from app.tasks import TaskRunner

    runner = TaskRunner()
    delivered: list[object] = []
    runner.run(lambda: "late", delivered.append, delivered.append)
    runner.wait()
    runner.forget_all()
    qtbot.wait(50)           # the queued delivery runs now, and finds no one to tell
    assert delivered == []


def test_the_screens_table_says_what_each_screens_class_says():
    # The window's sidebar and navigation read sections.SCREENS so a start loads only the screen it shows.
    from app.views.sections import screens, section_classes

    assert [(s.key, s.title, s.billing) for s in screens()] == [(c.key, c.title, c.billing) for c in section_classes()]


def test_building_a_screen_never_opens_a_window_of_its_own(qapp, qtbot):
    # Screens are built when first shown; one that shows a widget before parenting it flashes a window of its own
    # and takes the focus (and the keyboard shortcuts) from the main window.
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from app.views.sections import section_classes

    class WindowShows(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen: list[str] = []

        def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
                self.seen.append(type(obj).__name__)
            return False

    shows = WindowShows()
    qapp.installEventFilter(shows)
    try:
        for cls in section_classes():
            section = cls()
            QApplication.processEvents()
            assert shows.seen == [], f"building the {cls.key} screen showed {shows.seen} as windows"
            section.deleteLater()
    finally:
        qapp.removeEventFilter(shows)
