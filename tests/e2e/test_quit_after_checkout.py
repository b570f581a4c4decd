"""Quitting after a checkout never crashes (issue 13): Sett started as `python -m app --demo` is, taken through a
card checkout in the embedded pay page (localstripe) and quit through its window, 10 times in a row, exits 0 each
time with no "Fatal Python error" on stderr.

The crash was PySide6 6.12.0 dropping a reference to `True` at every emit of a Python-declared signal, until the
interpreter deallocated `True` ("bool_dealloc"), most often while finalising at exit; pyproject.toml keeps that
version out (tests/gui/test_qt_refcount.py). Each run here also makes the emits of a long session before quitting,
so on a leaking PySide6 every run fails, not only the unlucky ones.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RUNS = 10
LONG_SESSION = 20_000       # signal emits: several times the references True has in a fresh Sett


def run_once() -> subprocess.CompletedProcess:
    """One run in a process group of its own: a run that crashed cannot leave its demo panel behind."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    args = [sys.executable, "-m", "tests.support.checkout_and_quit", "--timeout", "120", "--emits", str(LONG_SESSION)]
    proc = subprocess.Popen(args, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        err += "\n(timed out)"
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)      # whatever of the run is left: its demo panel
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(args, proc.returncode, out, err)


@pytest.mark.slow
def test_a_card_checkout_then_quit_exits_cleanly_ten_times_in_a_row():
    for run in range(1, RUNS + 1):
        result = run_once()
        assert "Fatal Python error" not in result.stderr, f"run {run}: {result.stderr[-3000:]}"
        assert result.returncode == 0, f"run {run} exited {result.returncode}: {result.stderr[-3000:]}"
        assert "checkout and quit passed: paid by card" in result.stdout, result.stdout

