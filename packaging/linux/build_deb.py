"""Build a .deb of the one-folder bundle (`make deb`): dist/Sett/ installed as /opt/sett, `sett` on the PATH, the
desktop entry (which registers the sett:// scheme), AppStream metainfo and the icon.

    python packaging/linux/build_deb.py [BUNDLE] [OUT_DIR]      # defaults: dist/Sett, dist

dpkg-deb builds it with root as the owner of every file (--root-owner-group), so no fakeroot is needed.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from shared_libraries import UnknownLibrary, depends  # (beside this script, which runs as a script)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
APP_ID = "org.sett.Sett"
PACKAGE = "sett"
# The desktop database maps x-scheme-handler/sett to the entry; DPKG_ROOT is set when installing into another root.
POSTINST = """#!/bin/sh
set -e
command -v update-desktop-database >/dev/null && update-desktop-database -q "$DPKG_ROOT/usr/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -qt "$DPKG_ROOT/usr/share/icons/hicolor" || true
exit 0
"""


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from app import __version__

    return __version__


def architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()


def control(ver: str, arch: str, installed_kb: int, requires: str) -> str:
    return "\n".join([
        f"Package: {PACKAGE}", f"Version: {ver}", f"Architecture: {arch}", "Section: net", "Priority: optional",
        "Maintainer: Sett developers <sett@sett.test>", f"Depends: {requires}", f"Installed-Size: {installed_kb}",
        "Description: buy and manage hosting from your billing panels",
        " Sett is a desktop client for hosting billing panels: the store, checkout, services, invoices",
        " and credit of several accounts in one window, online or offline.", "",
    ])


def stage(bundle: Path, root: Path, ver: str, arch: str) -> None:
    opt = root / "opt" / PACKAGE
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / PACKAGE).symlink_to(f"/opt/{PACKAGE}/Sett")
    share = root / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(HERE / f"{APP_ID}.desktop", share / "applications" / f"{APP_ID}.desktop")
    (share / "metainfo").mkdir(parents=True)
    metainfo = (HERE / f"{APP_ID}.metainfo.xml").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", ver).replace("@DATE@", datetime.now(UTC).date().isoformat())
    (share / "metainfo" / f"{APP_ID}.metainfo.xml").write_text(metainfo, encoding="utf-8")
    icons = share / "icons" / "hicolor" / "256x256" / "apps"
    icons.mkdir(parents=True)
    shutil.copy(ROOT / "resources" / "icons" / "sett.png", icons / "sett.png")
    size_kb = sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink()) // 1024
    debian = root / "DEBIAN"
    debian.mkdir()
    (debian / "control").write_text(control(ver, arch, size_kb, depends(bundle)), encoding="utf-8")
    for script in ("postinst", "postrm"):
        (debian / script).write_text(POSTINST, encoding="utf-8")
        (debian / script).chmod(0o755)


def build(bundle: Path, out_dir: Path, ver: str | None = None) -> Path:
    if not (bundle / "Sett").is_file():
        raise SystemExit(f"{bundle} holds no Sett executable: run `make dist` first")
    ver, arch = ver or version(), architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{ver}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="sett-deb-") as tmp:
        root = Path(tmp) / "root"
        root.mkdir(mode=0o755)
        stage(bundle, root, ver, arch)
        subprocess.run(["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)], check=True,
                       capture_output=True, text=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", default=str(ROOT / "dist" / "Sett"))
    parser.add_argument("out_dir", nargs="?", default=str(ROOT / "dist"))
    args = parser.parse_args(argv)
    try:
        print(build(Path(args.bundle), Path(args.out_dir)))
    except UnknownLibrary as error:
        raise SystemExit(f"build_deb: {error}") from None
    return 0


if __name__ == "__main__":
    sys.exit(main())
