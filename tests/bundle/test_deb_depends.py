"""`make test-dist`: every library the real bundle leaves to the system maps to a Debian package, and the .deb
depends on the xcb plugin's libraries (libxcb-cursor0 above all) whether or not the build machine had them."""
from __future__ import annotations

import importlib.util
import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = [pytest.mark.dist, pytest.mark.timeout(1800),
              pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("dpkg-deb") is None,
                                 reason="a .deb is built on Debian-like Linux")]


def test_the_bundles_system_libraries_are_all_depended_on(bundle):
    spec = importlib.util.spec_from_file_location("shared_libraries", ROOT / "packaging/linux/shared_libraries.py")
    libs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(libs)
    packages = {package.strip() for package in libs.depends(bundle).split(",")}   # raises on an unknown library
    for package in ("libc6", "libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0"):
        assert package in packages
    for name in libs.system_needs(bundle) - libs.OPTIONAL:
        assert libs.PACKAGES[name] in packages, name
