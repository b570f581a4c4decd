"""Start at login, the way each desktop expects it, written when the preference is switched on and removed when it
is switched off:
- Linux and the BSDs: an XDG autostart entry, `~/.config/autostart/sett.desktop`;
- Windows: the value `Sett` under `HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run`, holding the
  command line (no administrator rights, this user only; Task Manager's Startup tab lists and can disable it);
- macOS: a launch agent, `~/Library/LaunchAgents/org.sett.Sett.plist`, that launchd runs at login (RunAtLoad).

What is written is built by pure functions (`desktop_entry`, `run_value`, `launch_agent`), tested on any system;
only `RunKey` touches the Windows registry, and `winreg` is imported there alone.
"""
from __future__ import annotations

import os
import plistlib
import shlex
import subprocess
import sys
from pathlib import Path
from typing import Protocol

from app.core.text import translate

ENTRY_NAME = "sett.desktop"
AGENT_LABEL = "org.sett.Sett"       # the bundle identifier build.spec gives Sett.app
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
RUN_VALUE = "Sett"


def kind(platform: str | None = None) -> str | None:
    """"xdg", "windows" or "macos": how this system starts programs at login; None where Sett does not know."""
    platform = platform or sys.platform
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return "xdg"
    if platform == "win32":
        return "windows"
    if platform == "darwin":
        return "macos"
    return None


def unavailable_reason(platform: str | None = None) -> str | None:
    """None where Sett can start at login; else a sentence for the Preferences dialog."""
    if kind(platform) is not None:
        return None
    return translate("Autostart", "Starting at login is not available on this system yet: add Sett to your login "
                                  "items yourself.")


# -- what is written (pure) --------------------------------------------------------------------------------------
def arguments(executable: str | None = None, frozen: bool | None = None) -> list[str]:
    """How to start this Sett: the frozen executable, or this Python running the app package."""
    executable = executable or sys.executable
    frozen = getattr(sys, "frozen", False) if frozen is None else frozen
    return [executable] if frozen else [executable, "-m", "app"]


def desktop_entry(args: list[str]) -> str:
    return "\n".join([
        "[Desktop Entry]", "Type=Application", "Name=Sett", "Comment=Buy and manage hosting from your billing panels",
        # The desktop shows the entry's own translations (its startup list), whatever language Sett runs in.
        "Comment[de]=Hosting bei Ihren Abrechnungs-Panels kaufen und verwalten",
        f"Exec={shlex.join(args)}", "Icon=sett", "Terminal=false", "X-GNOME-Autostart-enabled=true", "",
    ])


def run_value(args: list[str]) -> str:
    """The Run value: a Windows command line, quoted as Windows' own parser reads it back."""
    return subprocess.list2cmdline(args)


def launch_agent(args: list[str]) -> bytes:
    """The launch agent's plist: run `args` once at login, not again when Sett quits."""
    return plistlib.dumps({"Label": AGENT_LABEL, "ProgramArguments": list(args), "RunAtLoad": True,
                           "KeepAlive": False, "ProcessType": "Interactive"})


# -- where it is written -------------------------------------------------------------------------------------------
def autostart_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart"


def agent_path(home: Path | None = None) -> Path:
    return (home or Path.home()) / "Library" / "LaunchAgents" / f"{AGENT_LABEL}.plist"


class Registry(Protocol):
    """The Run key's three operations (RunKey on Windows; a dict-backed stand-in in tests)."""

    def get(self, name: str) -> str | None: ...

    def set(self, name: str, value: str) -> None: ...

    def delete(self, name: str) -> None: ...


class RunKey:
    """HKCU\\...\\Run through winreg (Windows only)."""

    def _open(self, write: bool):
        import winreg  # type: ignore[import-not-found]  # Windows only

        access = winreg.KEY_SET_VALUE if write else winreg.KEY_QUERY_VALUE
        return winreg, winreg.CreateKeyEx(winreg.HKEY_CURRENT_USER, RUN_KEY, 0, access)

    def get(self, name: str) -> str | None:
        winreg, key = self._open(write=False)
        with key:
            try:
                return str(winreg.QueryValueEx(key, name)[0])
            except FileNotFoundError:
                return None

    def set(self, name: str, value: str) -> None:
        winreg, key = self._open(write=True)
        with key:
            winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

    def delete(self, name: str) -> None:
        winreg, key = self._open(write=True)
        with key:
            try:
                winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass      # not there: nothing to remove


def set_enabled(on: bool, *, platform: str | None = None, registry: Registry | None = None,
                home: Path | None = None) -> str:
    """Write or remove this system's start-at-login entry; returns where (for the log). OSError when it cannot."""
    args, how = arguments(), kind(platform)
    if how == "windows":
        registry = registry if registry is not None else RunKey()
        if on:
            registry.set(RUN_VALUE, run_value(args))
        else:
            registry.delete(RUN_VALUE)
        return f"HKEY_CURRENT_USER\\{RUN_KEY}\\{RUN_VALUE}"
    if how == "macos":
        path = agent_path(home)
        content = launch_agent(args)
    elif how == "xdg":
        path = autostart_dir() / ENTRY_NAME
        content = desktop_entry(args).encode("utf-8")
    else:
        raise OSError(unavailable_reason(platform))
    if on:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    else:
        path.unlink(missing_ok=True)
    return str(path)


def is_enabled(*, platform: str | None = None, registry: Registry | None = None, home: Path | None = None) -> bool:
    how = kind(platform)
    if how == "windows":
        try:
            return (registry if registry is not None else RunKey()).get(RUN_VALUE) is not None
        except OSError:
            return False
    if how == "macos":
        return agent_path(home).exists()
    if how == "xdg":
        return (autostart_dir() / ENTRY_NAME).exists()
    return False
