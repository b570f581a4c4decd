"""The installable app: build the one-folder bundle with PyInstaller (once per session, as `make dist` does) and run
the frozen executable as a user would. Marked `dist` (minutes): `make test-dist`, the second half of CI. (Not in
tests/dist/: pytest never recurses into folders named dist.)"""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import app
from app.views.sections import SIDEBAR_ORDER

from .conftest import BUNDLE, EXECUTABLE, ROOT  # noqa: F401  (the bundle fixture is there, shared with test_deb.py)

pytestmark = [pytest.mark.dist, pytest.mark.timeout(1800)]


def run_frozen(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu"}
    # Run from elsewhere: the bundle must find its resources and panel by itself, not in the source tree.
    return subprocess.run([str(EXECUTABLE), *args], cwd=Path.home(), env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_the_frozen_app_starts_and_shows_its_window(bundle, tmp_path):
    data = tmp_path / "data"
    result = run_frozen("--smoke-test", "--data-dir", str(data))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "smoke test passed: no accounts yet: the window opened on the welcome page" in result.stdout
    assert (data / "logs" / "sett.log").exists() and (data / "settings.ini").exists()


def test_the_frozen_demo_runs_its_own_panel_and_syncs(bundle):
    result = run_frozen("--demo", "--smoke-test")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "smoke test passed: synced http://127.0.0.1:" in result.stdout
    assert f"{len(SIDEBAR_ORDER)} screens showed its data" in result.stdout


def test_the_bundle_holds_what_it_should_and_nothing_gpl(bundle):
    assert run_frozen("--version").stdout.strip() == f"Sett {app.__version__}"
    files = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*")}
    assert not [f for f in files if "localstripe" in f.lower() or "/aiohttp" in f.lower()]
    assert any(f.endswith("resources/styles/light.qss") for f in files)
    assert any(f.endswith("resources/icons/sett.png") for f in files)
    assert any(f.endswith("panel/pages/stripe.html") for f in files)
    assert any(f.endswith("/LICENSE") or f == "LICENSE" for f in files)
    # The About dialog reads its dependencies' licences from their metadata, which the bundle must carry.
    names = {Path(f).name.split("-")[0].lower() for f in files if f.endswith(".dist-info")}
    assert {"pyside6", "shiboken6", "requests", "fastapi", "uvicorn", "stripe"} <= names
    # One folder keeps Qt's LGPL libraries as separate files a user can replace.
    assert any(Path(f).name.startswith(("libQt6Core", "Qt6Core", "QtCore")) for f in files)
