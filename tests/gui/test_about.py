"""About Sett: one version everywhere (package metadata, --version, the dialog), the licences, and how to open it."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt

import app
from app.views import about
from app.views.about import AboutDialog

ROOT = Path(__file__).resolve().parents[2]


def test_the_version_has_one_source(qtbot):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "version" not in project["project"] and "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "app.__version__"}
    shown = subprocess.run([sys.executable, "-m", "app", "--version"], cwd=ROOT, capture_output=True, text=True,
                           timeout=120)
    assert shown.stdout.strip() == f"Sett {app.__version__}"
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert f"Sett {app.__version__}" in dialog.text()


def test_the_dialog_names_the_licences(qtbot):
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert "MIT licence" in text
    assert "PySide6 " in text and "LGPL-3.0" in text
    assert "requests " in text and "Apache-2.0" in text
    assert "localstripe" not in text            # GPL, never part of the installed app
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert "Copyright (c) 2026 The Sett developers" in about.licence_text()


def test_f1_and_the_sidebar_open_it(make_app, qtbot, monkeypatch):
    opened: list[AboutDialog] = []
    monkeypatch.setattr(AboutDialog, "exec", lambda self: opened.append(self) or 0)
    window = make_app().window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=10_000)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert len(opened) == 1
    qtbot.mouseClick(window.sidebar.about_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 2 and opened[1].windowTitle() == "About Sett"
