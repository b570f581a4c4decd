"""Running the two start-up subprocesses (the app from a warm cache, the bare window) and reading their line."""
from __future__ import annotations

import json
import time
from pathlib import Path

from .report import run_python

# An installed Python caches compiled modules (.pyc) after the first start; a machine that sets
# PYTHONDONTWRITEBYTECODE (CI images do) would compile the app's ~100 modules from source on every start instead.
# An empty value unsets it, so the warm-up run writes them as a user's first start would.
ENV = {"QT_QPA_PLATFORM": "offscreen", "QTWEBENGINE_DISABLE_SANDBOX": "1", "PYTHONDONTWRITEBYTECODE": ""}
FLOOR = str(Path(__file__).resolve().parent / "floor_window.py")


def _run(args: list[str]) -> dict:
    started = time.time()
    done = run_python(args, env=ENV, timeout=120)
    line = next((ln for ln in reversed(done.stdout.splitlines()) if ln.startswith("{")), None)
    if line is None:
        raise RuntimeError(f"{' '.join(args)} printed no result (exit {done.returncode}):\n{done.stderr[-2000:]}")
    result = json.loads(line)
    if "error" in result:
        raise RuntimeError(f"{' '.join(args)}: {result['error']}\n{done.stderr[-2000:]}")
    result["start_to_paint"] = result["painted"] - started
    if result.get("window_painted"):
        result["start_to_window"] = result["window_painted"] - started
    return result


def run_app(data_dir: Path, settle: float = 0.0) -> dict:
    return _run(["-m", "bench.app_start", str(data_dir), str(settle)])


def run_floor(settle: float = 0.0) -> dict:
    return _run([FLOOR, str(settle)])
