"""Build, install, run and remove Sett's .deb (packaging/linux/build_deb.py) in a private dpkg root, so tests
never touch the machine's own packages: `dpkg --root` with a fresh database, maintainer scripts run without
chroot (they honour DPKG_ROOT)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BUILDER = ROOT / "packaging" / "linux" / "build_deb.py"
FORCE = ["--force-not-root", "--force-depends", "--force-script-chrootless", "--log=/dev/null"]


def build_deb(bundle: Path, out_dir: Path) -> Path:
    result = subprocess.run([sys.executable, str(BUILDER), str(bundle), str(out_dir)], capture_output=True,
                            text=True, timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    return Path(result.stdout.strip().splitlines()[-1])


def dpkg(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["dpkg", f"--root={root}", *FORCE, *args], capture_output=True, text=True, timeout=600)


def fresh_root(root: Path) -> Path:
    for folder in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers", "usr/bin"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "var/lib/dpkg/status").touch()
    return root


def info(deb: Path) -> str:
    return subprocess.run(["dpkg-deb", "--info", str(deb)], capture_output=True, text=True, check=True).stdout


def contents(deb: Path) -> str:
    return subprocess.run(["dpkg-deb", "--contents", str(deb)], capture_output=True, text=True, check=True).stdout
