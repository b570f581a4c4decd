"""`make test-dist`: the bundle's .deb (packaging/linux/build_deb.py, `make deb`) installs into a private dpkg root,
the installed Sett passes its smoke test, and removing the package leaves nothing behind."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.deb import build_deb, dpkg, fresh_root

pytestmark = [pytest.mark.dist, pytest.mark.timeout(1800),
              pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
                                 reason="a .deb is built and installed on Debian-like Linux")]


def test_the_deb_installs_passes_the_smoke_test_and_uninstalls(bundle, tmp_path):
    deb = build_deb(bundle, tmp_path / "out")
    root = fresh_root(tmp_path / "root")
    result = dpkg(root, "-i", str(deb))
    assert result.returncode == 0, result.stderr
    installed = root / "opt" / "sett" / "Sett"
    assert installed.is_file() and os.readlink(root / "usr" / "bin" / "sett") == "/opt/sett/Sett"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_CHROMIUM_FLAGS": "--disable-gpu"}
    run = subprocess.run([str(installed), "--smoke-test", "--data-dir", str(tmp_path / "data")], cwd=Path.home(),
                         env=env, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr[-3000:]
    assert "smoke test passed" in run.stdout
    result = dpkg(root, "-r", "sett")
    assert result.returncode == 0, result.stderr
    assert not (root / "opt" / "sett").exists()
