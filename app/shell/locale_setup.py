"""The locale money, numbers and dates are written in (app.core.local_format), chosen once at start-up.

The pure core cannot ask Qt for the system locale, so the shell does and hands the name over: the user's choice
when there is one (a language/locale preference), else the desktop's (QLocale.system(), which follows LANG/LC_ALL
on Linux and the regional settings on Windows and macOS). Tests and the command-line tools never call this, so
they keep the core's default, en_US.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QLocale

from app.core import local_format

log = logging.getLogger(__name__)


def use_locale(preferred: str | None = None) -> str:
    """Set the formatting locale from `preferred` ("de_DE", "fr-CH") or the system's; returns the one in use
    (en_US where Babel knows neither)."""
    wanted = preferred or QLocale.system().name()
    used = local_format.set_locale(wanted)
    # Qt's own numbers (spin boxes, chart axes) follow the same locale as ours.
    QLocale.setDefault(QLocale(used))
    if used != local_format.DEFAULT_LOCALE or wanted.split(".")[0] not in ("", "C", "en_US"):
        log.info("formatting for locale %s (asked for %s)", used, wanted)
    return used
