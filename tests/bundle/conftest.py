"""The one-folder bundle, built once per session for the bundle's tests (test_bundle.py, test_deb.py)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "Sett"
EXECUTABLE = BUNDLE / ("Sett.exe" if sys.platform == "win32" else "Sett")


@pytest.fixture(scope="session")
def bundle() -> Path:
    result = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "build.spec"], cwd=ROOT,
                            capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, result.stderr[-5000:]
    assert EXECUTABLE.exists()
    return BUNDLE
