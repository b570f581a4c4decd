"""The .deb layout (packaging/linux/build_deb.py), built from a stand-in bundle: it installs into a private dpkg
root, puts `sett` on the PATH, registers the sett:// scheme, carries valid AppStream metadata, starts, and
uninstalls leaving nothing. The real bundle's .deb is tested by `make test-dist` (tests/bundle/test_deb.py)."""
from __future__ import annotations

import configparser
import shutil
import subprocess

import pytest

from app import __version__
from tests.support.deb import build_deb, contents, dpkg, fresh_root, info

pytestmark = pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb builds the .deb")


@pytest.fixture
def stand_in_bundle(tmp_path):
    bundle = tmp_path / "dist" / "Sett"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "_internal" / "library.so").write_bytes(b"\0" * 2048)
    executable = bundle / "Sett"
    executable.write_text("#!/bin/sh\necho \"smoke test passed: $*\"\n", encoding="utf-8")
    executable.chmod(0o755)
    return bundle


def test_the_deb_installs_starts_and_uninstalls(stand_in_bundle, tmp_path):
    deb = build_deb(stand_in_bundle, tmp_path / "out")
    assert deb.name == f"sett_{__version__}_{deb.name.split('_')[-1]}"
    meta = info(deb)
    assert "Package: sett" in meta and f"Version: {__version__}" in meta and "Depends: libc6" in meta
    listing = contents(deb)
    for path in ("./opt/sett/Sett", "./opt/sett/_internal/library.so", "./usr/bin/sett -> /opt/sett/Sett",
                 "./usr/share/applications/org.sett.Sett.desktop", "./usr/share/metainfo/org.sett.Sett.metainfo.xml",
                 "./usr/share/icons/hicolor/256x256/apps/sett.png"):
        assert path in listing, path
    assert "root/root" in listing

    root = fresh_root(tmp_path / "root")
    result = dpkg(root, "-i", str(deb))
    assert result.returncode == 0, result.stderr
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(root / "usr/share/applications/org.sett.Sett.desktop")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"] == "sett %u" and desktop["Icon"] == "sett"
    assert "x-scheme-handler/sett" in desktop["MimeType"].split(";")
    if shutil.which("appstreamcli"):
        check = subprocess.run(["appstreamcli", "validate", "--no-net",
                                str(root / "usr/share/metainfo/org.sett.Sett.metainfo.xml")],
                               capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
    run = subprocess.run([str(root / "opt/sett/Sett"), "--smoke-test"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and "smoke test passed: --smoke-test" in run.stdout

    result = dpkg(root, "-r", "sett")
    assert result.returncode == 0, result.stderr
    assert not (root / "opt/sett").exists() and not (root / "usr/bin/sett").is_symlink()
    assert not (root / "usr/share/applications/org.sett.Sett.desktop").exists()
