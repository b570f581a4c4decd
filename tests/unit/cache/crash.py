"""Run cache code in a child process that dies without closing anything, like a killed program."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_and_die(code: str, *, exit_code: int = 0) -> None:
    """Run `code` in a fresh interpreter, then os._exit(0) unless the code exits first with `exit_code`."""
    script = textwrap.dedent(code) + "\nimport os\nos._exit(0)\n"
    done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert done.returncode == exit_code, done.stderr
