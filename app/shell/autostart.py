"""Start at login: on Linux (and the BSDs) an XDG autostart entry, `~/.config/autostart/sett.desktop`, that runs the
installed Sett; elsewhere not offered (`unavailable_reason` says so). The entry is written when the preference is
switched on and removed when it is switched off."""
from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from app.core.text import translate

ENTRY_NAME = "sett.desktop"


def unavailable_reason() -> str | None:
    """None where Sett can start at login; else a sentence for the Preferences dialog."""
    if sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    return translate("Autostart", "Starting at login is not available on this system yet: add Sett to your login "
                                  "items yourself.")


def autostart_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart"


def command() -> str:
    """How to start this Sett: the frozen executable, or this Python running the app package."""
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    return f"{shlex.quote(sys.executable)} -m app"


def entry_text() -> str:
    return "\n".join([
        "[Desktop Entry]", "Type=Application", "Name=Sett", "Comment=Buy and manage hosting from your billing panels",
        f"Exec={command()}", "Icon=sett", "Terminal=false", "X-GNOME-Autostart-enabled=true", "",
    ])


def set_enabled(on: bool) -> Path:
    path = autostart_dir() / ENTRY_NAME
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(entry_text(), encoding="utf-8")
    else:
        path.unlink(missing_ok=True)
    return path


def is_enabled() -> bool:
    return (autostart_dir() / ENTRY_NAME).exists()
