"""Every setting Sett keeps, declared once with its default (learned from Picard), stored with QSettings.

With `--data-dir` the settings live in `settings.ini` inside that folder (IniFormat), so demo runs, tests and
portable use never touch the user's real settings. Nothing secret is ever stored here: logins live in the
keyring (see secrets.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from app import paths

ORGANISATION = "Sett"
APPLICATION = "Sett"


@dataclass(frozen=True)
class Key:
    name: str
    default: Any
    kind: type


WINDOW_GEOMETRY = Key("window/geometry", QByteArray(), QByteArray)
WINDOW_SECTION = Key("window/section", "dashboard", str)
SYNC_INTERVAL_MINUTES = Key("sync/interval_minutes", 10, int)
# How often each account is polled (the cheap change check: one request when nothing changed); 0 falls back to
# SYNC_INTERVAL_MINUTES.
SYNC_POLL_SECONDS = Key("sync/poll_seconds", 60, int)
LAST_ACCOUNT = Key("accounts/last", "", str)
THEME = Key("appearance/theme", "system", str)           # "light", "dark" or "system"
LANGUAGE = Key("appearance/language", "system", str)     # "system", "en" or "de"; read at start (app/shell/language.py)
DEMO_ACCOUNT = Key("demo/account_id", "", str)   # the accounts `--demo` added (ids, comma-separated), replaced next run
NOTICE_DAYS_AHEAD = Key("notices/days_ahead", 3, int)   # remind of pending invoices due within this many days
NOTIFICATIONS_ENABLED = Key("notices/desktop", True, bool)   # announce new notices on the desktop (tray, or in-app)
KEEP_IN_TRAY = Key("window/keep_in_tray", False, bool)      # closing the window leaves Sett running in the tray
START_AT_LOGIN = Key("system/start_at_login", False, bool)  # what the Preferences dialog last wrote (autostart.py)
# The column each list was last sorted by, by a click on its header: "invoices=due_date:asc,..." (table_sorts.py).
TABLE_SORTS = Key("tables/sort", "", str)

ALL_KEYS: tuple[Key, ...] = (WINDOW_GEOMETRY, WINDOW_SECTION, SYNC_INTERVAL_MINUTES, LAST_ACCOUNT, THEME,
                             DEMO_ACCOUNT, NOTICE_DAYS_AHEAD, NOTIFICATIONS_ENABLED, KEEP_IN_TRAY, START_AT_LOGIN,
                             SYNC_POLL_SECONDS, LANGUAGE, TABLE_SORTS)
THEMES = ("light", "dark", "system")
LANGUAGES = ("system", "en", "de")


class Settings:
    """Typed reads and writes of the keys above; a value that cannot be read as its type gives the default."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.qsettings = qsettings if qsettings is not None else open_qsettings()

    def get(self, key: Key) -> Any:
        raw = self.qsettings.value(key.name, None)
        if raw is None:
            return key.default
        try:
            if key.kind is QByteArray:
                return raw if isinstance(raw, QByteArray) else key.default
            if key.kind is int:
                return int(raw)
            if key.kind is bool:   # an INI file gives "true"/"false" back as text, and bool("false") is True
                return raw if isinstance(raw, bool) else {"true": True, "false": False}.get(str(raw).lower(),
                                                                                          key.default)
            return key.kind(raw)
        except (TypeError, ValueError):
            return key.default

    def set(self, key: Key, value: Any) -> None:
        # A value already stored is not written again: every write makes QSettings rewrite its file (a lock, a
        # write, a rename: 3 to 13 ms here) at the next turn of the event loop, and a start re-saves the current
        # account and screen before its first paint.
        if self.qsettings.contains(key.name) and _same(self.qsettings.value(key.name), value):
            return
        self.qsettings.setValue(key.name, value)

    def sync(self) -> None:
        self.qsettings.sync()

    @property
    def theme(self) -> str:
        value = self.get(THEME)
        return value if value in THEMES else THEME.default

    @property
    def language(self) -> str:
        value = self.get(LANGUAGE)
        return value if value in LANGUAGES else LANGUAGE.default

    @property
    def sync_interval_minutes(self) -> int:
        return max(0, self.get(SYNC_INTERVAL_MINUTES))

    @property
    def poll_seconds(self) -> int:
        """Seconds between two polls of every account: the poll setting, else the sync interval; 0 is never."""
        seconds = max(0, self.get(SYNC_POLL_SECONDS))
        return seconds or self.sync_interval_minutes * 60


def _same(stored: Any, value: Any) -> bool:
    """Whether `value` is what is stored already, as the same type (an INI file gives numbers back as text)."""
    return type(stored) is type(value) and stored == value


def open_qsettings() -> QSettings:
    path = paths.settings_file()
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)
