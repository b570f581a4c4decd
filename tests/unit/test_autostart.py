"""Start at login on each system, built and written without that system: the XDG entry, the Windows Run value (a
dict stands in for the registry) and the macOS launch agent."""
from __future__ import annotations

import plistlib
import shlex
import subprocess

import pytest

from app.shell import autostart

FROZEN_WIN = [r"C:\Program Files\Sett\Sett.exe"]
SOURCE = ["/home/me/my venv/bin/python", "-m", "app"]


class FakeRunKey(dict):
    def get(self, name: str) -> str | None:          # type: ignore[override]
        return super().get(name)

    def set(self, name: str, value: str) -> None:
        self[name] = value

    def delete(self, name: str) -> None:
        self.pop(name, None)


def test_each_system_has_its_way_and_others_are_told_in_words():
    assert [autostart.kind(p) for p in ("linux", "freebsd13", "win32", "darwin", "aix")] == \
        ["xdg", "xdg", "windows", "macos", None]
    assert all(autostart.unavailable_reason(p) is None for p in ("linux", "win32", "darwin"))
    assert "login items" in autostart.unavailable_reason("aix")


def test_the_command_is_the_frozen_executable_or_python_running_the_package():
    assert autostart.arguments("/opt/sett/Sett", frozen=True) == ["/opt/sett/Sett"]
    assert autostart.arguments("/usr/bin/python3", frozen=False) == ["/usr/bin/python3", "-m", "app"]


def test_the_windows_run_value_is_a_command_line_windows_reads_back_as_the_arguments():
    assert autostart.run_value(FROZEN_WIN) == r'"C:\Program Files\Sett\Sett.exe"'
    value = autostart.run_value(SOURCE)
    assert value == '"/home/me/my venv/bin/python" -m app'
    assert subprocess.list2cmdline(SOURCE) == value


def test_the_launch_agent_runs_sett_once_at_login():
    agent = plistlib.loads(autostart.launch_agent(["/Applications/Sett.app/Contents/MacOS/Sett"]))
    assert agent == {"Label": "org.sett.Sett", "ProgramArguments": ["/Applications/Sett.app/Contents/MacOS/Sett"],
                     "RunAtLoad": True, "KeepAlive": False, "ProcessType": "Interactive"}


def test_the_desktop_entry_quotes_the_command():
    entry = autostart.desktop_entry(SOURCE)
    (exec_line,) = [line for line in entry.splitlines() if line.startswith("Exec=")]
    assert shlex.split(exec_line.removeprefix("Exec=")) == SOURCE
    assert entry.startswith("[Desktop Entry]\n") and "Type=Application" in entry


def test_windows_writes_and_removes_the_run_value():
    registry = FakeRunKey()
    assert not autostart.is_enabled(platform="win32", registry=registry)
    where = autostart.set_enabled(True, platform="win32", registry=registry)
    assert where.endswith(r"\CurrentVersion\Run\Sett")
    assert registry["Sett"] == autostart.run_value(autostart.arguments())
    assert autostart.is_enabled(platform="win32", registry=registry)
    autostart.set_enabled(False, platform="win32", registry=registry)
    assert registry == {} and not autostart.is_enabled(platform="win32", registry=registry)
    autostart.set_enabled(False, platform="win32", registry=registry)      # removing twice is fine


def test_macos_writes_and_removes_the_launch_agent(tmp_path):
    where = autostart.set_enabled(True, platform="darwin", home=tmp_path)
    path = tmp_path / "Library" / "LaunchAgents" / "org.sett.Sett.plist"
    assert where == str(path) and autostart.is_enabled(platform="darwin", home=tmp_path)
    assert plistlib.loads(path.read_bytes())["ProgramArguments"] == autostart.arguments()
    autostart.set_enabled(False, platform="darwin", home=tmp_path)
    assert not path.exists() and not autostart.is_enabled(platform="darwin", home=tmp_path)


def test_linux_writes_and_removes_the_xdg_entry(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    autostart.set_enabled(True, platform="linux")
    entry = tmp_path / "autostart" / "sett.desktop"
    assert entry.read_text(encoding="utf-8") == autostart.desktop_entry(autostart.arguments())
    assert autostart.is_enabled(platform="linux")
    autostart.set_enabled(False, platform="linux")
    assert not entry.exists()


def test_a_system_without_a_way_refuses_in_words():
    with pytest.raises(OSError, match="login items"):
        autostart.set_enabled(True, platform="aix")
    assert not autostart.is_enabled(platform="aix")
